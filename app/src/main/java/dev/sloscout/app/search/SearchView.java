package dev.sloscout.app.search;

import dev.sloscout.app.fx.Tables;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.Locale;
import java.util.function.Consumer;

/** Results of the search box: capsules, journeys and SLIs together, each opening where it lives on double-click. */
public final class SearchView extends BorderPane {
    public SearchView(SearchViewModel model, Consumer<SearchViewModel.Hit> open) {
        setId("search-view");
        TableView<SearchViewModel.Hit> table = new TableView<>(model.results());
        table.setId("search-results");
        table.getColumns().add(Tables.column("Kind", "capsule (log template), journey, sli or operation",
                SearchViewModel.Hit::kind, s -> s, 80));
        table.getColumns().add(Tables.column("Result", "Double-click to open it in its view", SearchViewModel.Hit::label,
                s -> s, 620));
        table.getColumns().add(Tables.column("Why", "Meaning: cosine similarity of local embeddings; words: Lucene's "
                + "full-text score (normalised to the best hit for capsules)", SearchViewModel.Hit::why, s -> s, 300));
        table.getColumns().add(Tables.column("Score", "The ranking score", SearchViewModel.Hit::score,
                v -> String.format(Locale.ROOT, "%.3f", v), 70));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<SearchViewModel.Hit> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setPlaceholder(new Label("Search from the box at the top (Ctrl+F): words or a question, "
                + "e.g. \"user sign-in failures\"."));
        Label status = new Label();
        status.setId("search-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        setTop(status);
        setCenter(table);
    }
}
