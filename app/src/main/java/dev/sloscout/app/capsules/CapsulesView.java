package dev.sloscout.app.capsules;

import dev.sloscout.app.fx.Tables;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Consumer;

/** The capsules view: query and filters, the table with sparklines, redacted samples and links to traces. */
public final class CapsulesView extends BorderPane {
    final TextField query = new TextField();

    public CapsulesView(CapsulesViewModel model, Consumer<String> openTrace) {
        setId("capsules-view");
        query.setId("capsule-query");
        query.setPromptText("Lucene query: timeout AND service:cart, \"connection reset\", user*");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button search = new Button("Search");
        search.setOnAction(e -> model.search());
        ComboBox<String> service = combo(model.services(), model.serviceProperty(), "Only capsules of this service");
        ComboBox<String> severity = combo(javafx.collections.FXCollections.observableArrayList(CapsulesViewModel.severities()),
                model.severityProperty(), "Only capsules that saw this severity");
        ComboBox<String> journey = combo(model.journeys(), model.journeyProperty(),
                "Only capsules with events on traces of this journey");
        ChoiceBox<CapsulesViewModel.Seen> seen = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                CapsulesViewModel.Seen.values()));
        seen.valueProperty().bindBidirectional(model.seenProperty());
        seen.setTooltip(Tables.tooltip("Only capsules seen within this time of the newest event in the data"));
        HBox filters = new HBox(6, query, search, new Label("Service"), service, new Label("Severity"), severity,
                new Label("Journey"), journey, new Label("Seen"), seen);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("capsule-status");
        status.textProperty().bind(model.statusProperty());
        VBox top = new VBox(4, filters, status);
        top.setPadding(new Insets(6));
        setTop(top);

        TableView<CapsuleRow> table = new TableView<>(model.rows());
        table.setId("capsules-table");
        table.getColumns().add(Tables.column("Service", "The service that logged these events", CapsuleRow::service, s -> s, 120));
        table.getColumns().add(Tables.column("Severity", "The severity most of the capsule's events had, and the "
                + "worst one with its count when it is worse: INFO (ERROR 10)", CapsuleRow::severity, s -> s, 160));
        table.getColumns().add(Tables.column("Count", "Events grouped into this capsule", CapsuleRow::count,
                v -> String.format(Locale.ROOT, "%,d", v), 80));
        TableColumn<CapsuleRow, long[]> spark = new TableColumn<>("Over time");
        spark.setGraphic(null);
        spark.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.getValue().sparkline()));
        spark.setCellFactory(c -> new SparklineCell());
        spark.setPrefWidth(120);
        table.getColumns().add(spark);
        table.getColumns().add(Tables.column("On failed traces", "Of the events that carried a trace id, the share on traces "
                + "that failed ('-' when none carried one)", CapsuleRow::errorTraceShare,
                v -> Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", v * 100), 110));
        table.getColumns().add(Tables.column("Template", "The message with its variable parts as typed placeholders "
                + "(<NUM>, <IP>, ...), redacted", CapsuleRow::template, s -> s, 520));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        table.setPlaceholder(new Label("No capsules: open log files (or traces with logs), or change the query."));

        javafx.scene.control.MenuItem similarItem = new javafx.scene.control.MenuItem("Similar capsules");
        similarItem.setOnAction(e -> model.showSimilar());
        table.setContextMenu(new javafx.scene.control.ContextMenu(similarItem));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }
        Button similar = new Button("Similar capsules");
        similar.setId("similar");
        similar.setTooltip(Tables.tooltip("The capsules closest in meaning to the selected one (local embedding model, "
                + "nothing leaves the machine)"));
        similar.setOnAction(e -> model.showSimilar());
        ListView<String> samples = new ListView<>(model.samples());
        samples.setId("capsule-samples");
        FlowPane traces = new FlowPane(6, 2);
        traces.setId("capsule-traces");
        Runnable showTraces = () -> {
            traces.getChildren().clear();
            for (String id : model.traceIds()) {
                Hyperlink link = new Hyperlink(id);
                link.setTooltip(Tables.tooltip("Show this trace in the journeys view (its waterfall when the trace was kept)"));
                link.setOnAction(e -> openTrace.accept(id));
                traces.getChildren().add(link);
            }
        };
        model.traceIds().addListener((javafx.collections.ListChangeListener<String>) c -> showTraces.run());
        showTraces.run(); // the view may be built after the analysis arrived
        VBox details = new VBox(4, new HBox(8, new Label("Samples (redacted)"), similar), samples, new Label("Traces with these events"),
                new ScrollPane(traces));
        VBox.setVgrow(samples, Priority.ALWAYS);
        details.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    private static ComboBox<String> combo(javafx.collections.ObservableList<String> items,
                                          javafx.beans.property.StringProperty value, String tip) {
        ComboBox<String> box = new ComboBox<>(items);
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(Tables.tooltip(tip));
        box.setPrefWidth(150);
        return box;
    }
}
