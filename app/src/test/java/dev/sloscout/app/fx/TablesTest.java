package dev.sloscout.app.fx;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;

/** A column made by {@link Tables#column} never shows its title cut ("On fai..."), whatever width it was given. */
@ExtendWith(ApplicationExtension.class)
@Tag("integration")
class TablesTest {
    private TableColumn<String, String> narrow;
    private TableColumn<String, Integer> wide;

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>();
        narrow = Tables.column("On failed traces", "the share on failed traces", s -> s, s -> s, 30);
        wide = Tables.column("n", "length", String::length, String::valueOf, 90);
        table.getColumns().addAll(List.of(narrow, wide));
        table.getItems().addAll("a", "bb");
        stage.setScene(new Scene(table, 500, 200));
        stage.show();
    }

    @Test
    void aColumnNarrowerThanItsTitleWidensToIt() {
        WaitForAsyncUtils.waitForFxEvents();
        double title = ((Label) narrow.getGraphic()).prefWidth(-1);

        assertThat(title).isGreaterThan(30);
        assertThat(narrow.getWidth()).isGreaterThan(title);
        assertThat(narrow.getMinWidth()).isGreaterThan(title);
        assertThat(wide.getWidth()).as("a column wider than its title keeps its width").isEqualTo(90);
    }
}
