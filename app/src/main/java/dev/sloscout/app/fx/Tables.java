package dev.sloscout.app.fx;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.function.Function;

/** Table columns whose header explains the number (a tooltip on the header) and whose cells format it. */
public final class Tables {
    /** The column header's padding and sort arrow around its title. */
    private static final double HEADER_PADDING = 22;

    private Tables() {
    }

    public static <R, V> TableColumn<R, V> column(String title, String explanation, Function<R, V> value,
                                                  Function<V, String> format, double width) {
        TableColumn<R, V> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(tooltip(explanation));
        column.setGraphic(header);
        column.setPrefWidth(width);
        keepTitleWhole(column, header);
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

    /**
     * Makes the column at least as wide as its title once the title's font is known (the theme's header font is
     * larger and bolder than the widths were chosen for), so no header reads "Se...".
     */
    private static void keepTitleWhole(TableColumn<?, ?> column, Label header) {
        InvalidationListener fit = o -> {
            double needed = Math.ceil(header.prefWidth(-1)) + HEADER_PADDING;
            if (header.getSkin() != null && needed > column.getMinWidth()) {
                column.setMinWidth(needed);
                column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
            }
        };
        header.skinProperty().addListener(fit);
        header.fontProperty().addListener(fit);
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
