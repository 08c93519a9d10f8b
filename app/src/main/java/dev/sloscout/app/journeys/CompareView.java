package dev.sloscout.app.journeys;

import dev.sloscout.app.fx.Tables;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compare mode: how the sides are chosen (the opened data's traffic with a split to drag, or other files), the
 * ranked findings, and for the selected one its journey's graph coloured by change (red: slower, green: faster,
 * orange: more failures start there; blue arrows are new calls, grey ones vanished), what explains a latency change,
 * and a trace of each side side by side.
 */
public final class CompareView extends BorderPane {
    /** @param chooseFiles asks for the candidate's files (empty when the user cancels) */
    public CompareView(CompareViewModel model, Supplier<List<Path>> chooseFiles) {
        setId("compare-view");
        ChoiceBox<CompareViewModel.Mode> mode = new ChoiceBox<>();
        mode.getItems().setAll(CompareViewModel.Mode.values());
        mode.setId("compare-mode");
        mode.valueProperty().bindBidirectional(model.modeProperty());
        Button files = new Button("Candidate files\u2026");
        files.setId("compare-files");
        files.disableProperty().bind(model.modeProperty().isNotEqualTo(CompareViewModel.Mode.FILES));
        Label fileCount = new Label();
        model.candidateFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fileCount.setText(
                model.candidateFiles().size() + " file(s)"));
        files.setOnAction(e -> {
            List<Path> chosen = chooseFiles.get();
            if (!chosen.isEmpty()) {
                model.candidateFiles().setAll(chosen);
            }
        });
        Button run = new Button("Compare");
        run.setId("compare-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.compare());
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(2, 8, 4, 8));
        summary.setWrapText(true);

        javafx.scene.control.ComboBox<String> baseline = new javafx.scene.control.ComboBox<>(model.versions());
        baseline.setId("compare-baseline-version");
        baseline.setEditable(true);
        baseline.setPromptText("1.4.2");
        baseline.valueProperty().bindBidirectional(model.baselineVersionProperty());
        javafx.scene.control.ComboBox<String> candidate = new javafx.scene.control.ComboBox<>(model.versions());
        candidate.setId("compare-candidate-version");
        candidate.setEditable(true);
        candidate.setPromptText("1.4.3");
        candidate.valueProperty().bindBidirectional(model.candidateVersionProperty());
        HBox versions = new HBox(6, new Label("service.version"), baseline, new Label("against"), candidate);
        versions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        versions.visibleProperty().bind(model.modeProperty().isEqualTo(CompareViewModel.Mode.VERSION));
        versions.managedProperty().bind(versions.visibleProperty());
        VBox top = new VBox(new ToolBar(new Label("Sides"), mode, files, fileCount, versions, run), brush(model),
                summary);
        setTop(top);

        TableView<CompareViewModel.Row> table = new TableView<>(model.rows());
        table.setId("compare-findings");
        table.setPlaceholder(new Label("No comparison yet"));
        table.getColumns().add(Tables.column("#", "Rank: significant changes first, then by size and reach",
                CompareViewModel.Row::rank, String::valueOf, 40));
        table.getColumns().add(Tables.column("Significant", "Holm-corrected p below 0.05 and large enough",
                CompareViewModel.Row::significant, b -> b ? "yes" : "", 80));
        table.getColumns().add(Tables.column("Kind", "journey, operation, edge, capsule or slo",
                r -> r.finding().kind(), s -> s, 80));
        table.getColumns().add(Tables.column("Where", "The journey, operation, call or log template",
                CompareViewModel.Row::where, s -> s, 360));
        table.getColumns().add(Tables.column("Metric", "What was compared", r -> r.finding().metric(), s -> s, 130));
        table.getColumns().add(Tables.column("Before -> after", "Baseline and candidate", CompareViewModel.Row::change,
                s -> s, 200));
        table.getColumns().add(Tables.column("95% interval", "Of the change (candidate minus baseline)",
                CompareViewModel.Row::interval, s -> s, 150));
        table.getColumns().add(Tables.column("p", "After Holm's correction over every test",
                CompareViewModel.Row::pValue, s -> s, 80));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("finding-significant");
                if (!empty && item != null && item.significant()) {
                    getStyleClass().add("finding-significant");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });

        GraphPanel graph = new GraphPanel();
        graph.setId("compare-graph");
        model.graphProperty().addListener((o, was, now) -> showGraph(graph, now));
        Label explanation = new Label();
        explanation.setId("compare-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(model.explanationProperty());
        WaterfallView before = new WaterfallView();
        before.setId("compare-before");
        WaterfallView after = new WaterfallView();
        after.setId("compare-after");
        model.beforeProperty().addListener((o, was, now) -> before.show(now));
        model.afterProperty().addListener((o, was, now) -> after.show(now));
        // the view is built when its tab is first shown, maybe after a comparison ran: show what is there
        before.show(model.beforeProperty().get());
        after.show(model.afterProperty().get());
        javafx.application.Platform.runLater(() -> showGraph(graph, model.graphProperty().get()));
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }
        SplitPane waterfalls = new SplitPane(titled("Baseline: a trace of this journey", before),
                titled("Candidate: a trace of this journey", after));
        SplitPane right = new SplitPane(graph, new BorderPane(waterfalls, explanation, null, null, null));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane center = new SplitPane(table, right);
        center.setDividerPositions(0.55);
        setCenter(center);
    }

    private static BorderPane titled(String title, WaterfallView view) {
        Label label = new Label(title);
        label.setPadding(new Insets(2, 6, 2, 6));
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        return new BorderPane(scroll, label, null, null, null);
    }

    /** Traces per window against hours from the start, about a point per pixel (none without traffic). */
    static XYChart.Series<Number, Number> trafficSeries(CompareViewModel.Traffic t) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        if (t != null) {
            int step = Math.max(1, t.traces().length / 600);
            for (int i = 0; i < t.traces().length; i += step) {
                long sum = 0;
                for (int k = i; k < Math.min(t.traces().length, i + step); k++) {
                    sum += t.traces()[k];
                }
                series.getData().add(new XYChart.Data<>(i * t.window().toMinutes() / 60.0, sum / (double) step));
            }
            if (t.traces().length == 1) { // one window: an area over it (one point draws nothing)
                series.getData().add(new XYChart.Data<>(t.window().toMinutes() / 60.0, t.traces()[0]));
            }
        }
        return series;
    }

    /** The opened data's traffic per five minutes, and a slider that places the split. */
    private static VBox brush(CompareViewModel model) {
        NumberAxis x = new NumberAxis();
        x.setLabel("hours from the start");
        NumberAxis y = new NumberAxis();
        y.setLabel("traces / 5 min");
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("compare-traffic");
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(130);
        chart.setMinHeight(110);
        Slider split = new Slider(0, 1, 0.5);
        split.setId("compare-split");
        split.setTooltip(new Tooltip("Traces that start before the split are the baseline, the rest the candidate"));
        Label at = new Label();
        at.setId("compare-split-at");
        Runnable draw = () -> chart.getData().setAll(List.of(trafficSeries(model.trafficProperty().get())));
        model.trafficProperty().addListener((o, was, now) -> draw.run());
        draw.run();
        split.valueProperty().addListener((o, was, now) -> {
            if (split.isValueChanging() || split.isFocused()) {
                model.splitAtFraction(now.doubleValue());
            }
        });
        split.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                model.splitAtFraction(split.getValue());
            }
        });
        model.splitAtProperty().addListener((o, was, now) -> at.setText(label(model, now, split)));
        at.setText(label(model, model.splitAtProperty().get(), split));
        HBox.setHgrow(split, Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Split at"), split, at);
        row.setPadding(new Insets(0, 8, 0, 8));
        VBox box = new VBox(chart, row);
        box.visibleProperty().bind(model.modeProperty().isEqualTo(CompareViewModel.Mode.SPLIT));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String label(CompareViewModel model, Instant at, Slider split) {
        CompareViewModel.Traffic t = model.trafficProperty().get();
        if (at == null || t == null) {
            return "no times in the opened data";
        }
        double fraction = (double) Duration.between(t.start(), at).toMillis()
                / Math.max(1, Duration.between(t.start(), t.end()).toMillis());
        if (!split.isValueChanging()) {
            split.setValue(fraction);
        }
        return at.toString();
    }

    private static void showGraph(GraphPanel panel, CompareViewModel.ChangeGraph change) {
        Map<String, String> nodes = new HashMap<>();
        change.nodes().forEach((id, c) -> {
            switch (c) {
                case SLOWER -> nodes.put(id, "slower");
                case FASTER -> nodes.put(id, "faster");
                case MORE_ERRORS -> nodes.put(id, "errors");
                default -> { }
            }
        });
        Map<String, String> edges = new HashMap<>();
        change.edges().forEach((id, c) -> edges.put(id, c == CompareViewModel.Change.NEW ? "#0969da"
                : c == CompareViewModel.Change.VANISHED ? "#8c959f" : "#57606a"));
        panel.show(change.graph(), null, nodes, edges);
    }
}
