package dev.sloscout.app.fx;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.function.Function;

/** Table columns whose header explains the number (a tooltip on the header) and whose cells format it. */
public final class Tables {
    private Tables() {
    }

    public static <R, V> TableColumn<R, V> column(String title, String explanation, Function<R, V> value,
                                                  Function<V, String> format, double width) {
        TableColumn<R, V> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(tooltip(explanation));
        column.setGraphic(header);
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    public static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }
}
