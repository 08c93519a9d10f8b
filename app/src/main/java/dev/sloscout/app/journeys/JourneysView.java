package dev.sloscout.app.journeys;

import dev.sloscout.app.fx.Tables;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The journeys view: ranked table and details on the left, the service graph, sample traces and a waterfall on the right. */
public final class JourneysView extends SplitPane {
    private final JourneysViewModel model;
    private final StackPane graphSlot = new StackPane(new Label("Drawing the service graph\u2026"));
    private GraphPanel graph;
    private String lastClicked;
    final TableView<JourneyRow> table = new TableView<>();

    public JourneysView(JourneysViewModel model) {
        this.model = model;
        setId("journeys-view");
        table.setId("journeys-table");
        table.setItems(model.rows());
        table.getColumns().add(Tables.column("#", "Rank: traffic, errors and latency weighed together (reasons in the "
                + "details below)", JourneyRow::rank, String::valueOf, 40));
        TableColumn<JourneyRow, String> journey = Tables.column("Journey", "Entry service and operation (or, for "
                + "generic entries, the calls that tell the journey apart)", JourneyRow::name, s -> s, 210);
        table.getColumns().add(journey);
        table.getColumns().add(Tables.column("Traffic", "Traces assigned to this journey, and their share of all traces",
                r -> r, r -> String.format(Locale.ROOT, "%,d (%.0f%%)", r.traces(), r.share() * 100), 115));
        table.getColumns().add(Tables.column("Errors", "Traces whose entry (or root) span failed: OTel ERROR status, HTTP "
                + "5xx, a non-OK gRPC code or an exception", r -> r, r -> String.format(Locale.ROOT, "%.2f%%", r.errorRatio() * 100), 65));
        table.getColumns().add(Tables.column("p50", "Median latency of the entry span, in milliseconds",
                JourneyRow::p50Ms, v -> String.format(Locale.ROOT, "%.0f ms", v), 74));
        table.getColumns().add(Tables.column("p99", "99th percentile latency of the entry span (HdrHistogram), in ms",
                JourneyRow::p99Ms, v -> String.format(Locale.ROOT, "%.0f ms", v), 74));
        table.getColumns().add(Tables.column("Conf.", "How far the numbers can be trusted: sample size, complete "
                + "traces, consistent shape (0 to 1; reasons in the details)", JourneyRow::confidence,
                v -> String.format(Locale.ROOT, "%.2f", v), 55));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the numbers keep their width in a narrow table; the journey's name gives way (it elides)
        table.getColumns().stream().filter(c -> c != journey).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        table.setPlaceholder(new Label("No journeys yet: open trace files (Ctrl+O) or the demo (Ctrl+D)."));
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }

        TextArea details = new TextArea();
        details.setId("journey-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());

        SplitPane left = new SplitPane(table, details);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);

        BorderPane right = new BorderPane();
        right.setTop(graphControls());
        right.setCenter(graphSlot);
        Platform.runLater(this::attachGraph); // after the window is on screen: GraphStream takes a moment to start

        ListView<JourneysViewModel.SampleTrace> samples = new ListView<>(model.samples());
        samples.setId("sample-traces");
        samples.setPrefHeight(110);
        samples.setTooltip(Tables.tooltip("The journey's first traces and first failed traces; the whole trace is kept for "
                + "the waterfall"));
        samples.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.showTrace(b.traceId());
            }
        });
        WaterfallView waterfall = new WaterfallView();
        waterfall.setId("waterfall");
        model.waterfallProperty().addListener((o, a, b) -> waterfall.show(b));
        waterfall.show(model.waterfallProperty().get());
        ScrollPane waterfallScroll = new ScrollPane(waterfall);
        waterfallScroll.setFitToWidth(true);
        VBox bottom = new VBox(4, new Label("Sample traces"), samples, waterfallScroll);
        VBox.setVgrow(waterfallScroll, Priority.ALWAYS);
        bottom.setPadding(new Insets(4));

        SplitPane rightSplit = new SplitPane(right, bottom);
        rightSplit.setOrientation(Orientation.VERTICAL);
        rightSplit.setDividerPositions(0.55);
        getItems().addAll(left, rightSplit);
        setDividerPositions(0.56);
    }

    private ToolBar graphControls() {
        CheckBox operations = new CheckBox("Operations");
        operations.setTooltip(Tables.tooltip("Operations instead of services as nodes, drawn from the journey's kept sample "
                + "traces (their counts describe those samples, not all traffic)"));
        operations.selectedProperty().bindBidirectional(model.operationsProperty());
        CheckBox all = new CheckBox("All journeys");
        all.setTooltip(Tables.tooltip("Draw the calls of every journey instead of the selected one"));
        all.selectedProperty().bindBidirectional(model.allJourneysProperty());
        Label focusLabel = new Label();
        focusLabel.textProperty().bind(Bindings.createStringBinding(() -> model.focusProperty().get() == null
                ? "no focus" : "focus: " + model.focusProperty().get(), model.focusProperty()));
        Button focus = new Button("Focus");
        focus.setTooltip(Tables.tooltip("Show only services within N calls of the last clicked service"));
        Button unfocus = new Button("Clear");
        Spinner<Integer> hops = new Spinner<>(1, 6, 1);
        hops.setPrefWidth(70);
        hops.setTooltip(Tables.tooltip("Hops around the focused service"));
        hops.valueProperty().addListener((o, a, b) -> model.hopsProperty().set(b));
        focus.setOnAction(e -> model.focusProperty().set(lastClicked));
        unfocus.setOnAction(e -> model.focusProperty().set(null));
        Slider minCalls = new Slider(0, 1, 0);
        minCalls.setId("min-calls");
        minCalls.setPrefWidth(140);
        minCalls.setTooltip(Tables.tooltip("Hide calls between services seen fewer times than this share of the busiest call"));
        Label minLabel = new Label();
        minCalls.valueProperty().addListener((o, a, b) -> {
            long value = Math.round(b.doubleValue() * b.doubleValue() * model.maxCallsOfAll());
            model.minCallsProperty().set(value);
            minLabel.setText(value == 0 ? "all calls" : String.format(Locale.ROOT, ">= %,d calls", value));
        });
        minLabel.setText("all calls");
        Button zoomIn = new Button("+");
        zoomIn.setOnAction(e -> withGraph(g -> g.zoomBy(0.8)));
        Button zoomOut = new Button("\u2212");
        zoomOut.setOnAction(e -> withGraph(g -> g.zoomBy(1.25)));
        Button fit = new Button("Fit");
        fit.setOnAction(e -> withGraph(GraphPanel::resetView));
        return new ToolBar(all, operations, focus, hops, unfocus, focusLabel, new Label("Hide below"), minCalls, minLabel, zoomIn,
                zoomOut, fit);
    }

    private void attachGraph() {
        graph = new GraphPanel();
        graph.setId("service-graph");
        graph.onNodeClicked(id -> {
            lastClicked = id;
            model.selectNode(id);
        });
        graph.onEdgeClicked(model::selectEdge);
        model.graphProperty().addListener((o, a, b) -> graph.show(b, model.focusProperty().get()));
        graph.show(model.graphProperty().get(), model.focusProperty().get());
        graphSlot.getChildren().setAll(graph);
    }

    private void withGraph(java.util.function.Consumer<GraphPanel> action) {
        if (graph != null) {
            action.accept(graph);
        }
    }

    public void dispose() {
        withGraph(GraphPanel::close);
    }
}
