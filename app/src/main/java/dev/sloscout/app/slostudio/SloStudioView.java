package dev.sloscout.app.slostudio;

import dev.sloscout.app.fx.Tables;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.Objective;
import dev.sloscout.engine.slo.SloMath;
import dev.sloscout.engine.slo.SloProposal;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SLO studio: candidate and controls on the left, the four charts on the right, all redrawn on every change. */
public final class SloStudioView extends SplitPane {
    private final SloStudioViewModel model;
    final ComboBox<SliCandidate> candidate = new ComboBox<>();
    final ComboBox<Double> objective = new ComboBox<>();
    final ChoiceBox<Integer> period = new ChoiceBox<>();
    final ComboBox<Double> threshold = new ComboBox<>();
    private final Map<String, CheckBox> tiers = new LinkedHashMap<>();
    final LineChart<Number, Number> sliChart = Charts.line("SLI against the objective", "good ratio (%)");
    final LineChart<Number, Number> budgetChart = Charts.line("Error budget remaining through each period", "remaining (%)");
    final LineChart<Number, Number> burnChart = Charts.line("Burn rate over each tier's long window, against its threshold",
            "burn rate (x budget)");
    final ScatterChart<Number, Number> alertChart = Charts.scatter("Where the backtest says alerts would have fired",
            "tier (row)");
    private boolean updating;

    /** @param advisor the advisor panel, in a tab beside the tuning controls */
    public SloStudioView(SloStudioViewModel model, javafx.scene.Node advisor) {
        this.model = model;
        setId("slo-studio-view");
        javafx.scene.control.Tab tune = new javafx.scene.control.Tab("Tune", controls());
        javafx.scene.control.ScrollPane advisorScroll = new javafx.scene.control.ScrollPane(advisor);
        advisorScroll.setFitToWidth(true);
        javafx.scene.control.Tab advise = new javafx.scene.control.Tab("Advisor", advisorScroll);
        advise.setId("advisor-tab");
        javafx.scene.control.TabPane left = new javafx.scene.control.TabPane(tune, advise);
        left.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        getItems().addAll(left, charts());
        setDividerPositions(0.32);
        model.tuningProperty().addListener((o, a, b) -> showTuning(b));
        model.chartsProperty().addListener((o, a, b) -> draw(b));
        showTuning(model.tuningProperty().get());
        draw(model.chartsProperty().get());
    }

    private ScrollPane controls() {
        candidate.setId("sli-candidate");
        candidate.setItems(model.candidates());
        candidate.setMaxWidth(Double.MAX_VALUE);
        candidate.setCellFactory(c -> new ListCell<>() {
            @Override
            protected void updateItem(SliCandidate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        candidate.setButtonCell(candidate.getCellFactory().call(null));
        candidate.valueProperty().bindBidirectional(model.selectedProperty());
        candidate.setTooltip(Tables.tooltip("The SLI to tune: availability or latency of a journey's entry requests"));

        HBox variants = new HBox(4);
        for (SloProposal.Variant v : SloProposal.Variant.values()) {
            Button b = new Button(v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT));
            b.setId("variant-" + v.name().toLowerCase(Locale.ROOT));
            b.setTooltip(Tables.tooltip("The highest usual objective the history would have burned at no more than "
                    + (v == SloProposal.Variant.CONSERVATIVE ? "a quarter of" : v == SloProposal.Variant.BALANCED ? "half"
                    : "all of") + " the budget (judged on the 95% upper bound of the error ratio)"));
            b.setOnAction(e -> model.applyVariant(v));
            variants.getChildren().add(b);
        }

        objective.setId("objective");
        objective.getItems().setAll(SloStudioViewModel.objectives());
        objective.setEditable(true);
        objective.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : new Objective(value).percent();
            }

            @Override
            public Double fromString(String text) {
                try {
                    java.math.BigDecimal percent = new java.math.BigDecimal(text.replace("%", "").trim());
                    double ratio = percent.movePointLeft(2).doubleValue(); // 99.99 -> 0.9999 exactly, not 0.99989999...
                    return ratio > 0 && ratio < 1 ? ratio : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        });
        objective.setTooltip(Tables.tooltip("The share of good events the SLO promises; 1 - objective is the error budget"));
        objective.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.setObjective(b);
            }
        });
        period.setId("period");
        period.getItems().setAll(Tuning.PERIODS);
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : days + " days";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace(" days", ""));
            }
        });
        period.setTooltip(Tables.tooltip("The rolling window the objective and the budget are counted over"));
        period.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.setPeriod(b);
            }
        });
        threshold.setId("threshold");
        threshold.getItems().setAll(SloStudioViewModel.thresholds());
        threshold.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double ms) {
                return ms == null ? "" : SloMath.plain(ms) + " ms";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace(" ms", ""));
            }
        });
        threshold.setTooltip(Tables.tooltip("Latency SLIs: requests faster than this are good. Only histogram bucket "
                + "bounds (spanmetrics and OTel HTTP defaults) are offered, so a le=\"...\" selector can measure it"));
        threshold.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.setThreshold(b);
            }
        });
        VBox tierBoxes = new VBox(2);
        for (String name : Tuning.standardTierNames()) {
            CheckBox box = new CheckBox(name);
            box.setId("tier-" + name);
            box.setTooltip(Tables.tooltip("Multi-window multi-burn-rate alert tier " + name + " (SRE Workbook): fires when "
                    + "both its long and short window burn faster than its factor"));
            box.selectedProperty().addListener((o, a, b) -> {
                if (!updating) {
                    model.setTier(name, b);
                }
            });
            tiers.put(name, box);
            tierBoxes.getChildren().add(box);
        }
        Button undo = new Button("Undo");
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button redo = new Button("Redo");
        redo.setId("redo");
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        TextArea summary = new TextArea();
        summary.setId("slo-summary");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.setPrefRowCount(18);
        summary.textProperty().bind(model.summaryProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Objective"), objective);
        grid.addRow(1, new Label("Period"), period);
        grid.addRow(2, new Label("Threshold"), threshold);
        Label quality = new Label();
        quality.setId("sli-data-quality");
        quality.setWrapText(true);
        quality.textProperty().bind(model.dataQualityProperty());
        VBox box = new VBox(8, new Label("SLI"), candidate, quality, new Label("Start from a proposal"), variants, grid,
                new Label("Alert tiers"), tierBoxes, new HBox(6, undo, redo), summary);
        VBox.setVgrow(summary, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ScrollPane charts() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.add(sliChart, 0, 0);
        grid.add(budgetChart, 1, 0);
        grid.add(burnChart, 0, 1);
        grid.add(alertChart, 1, 1);
        for (var chart : List.of(sliChart, budgetChart, burnChart, alertChart)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private void showTuning(Tuning t) {
        updating = true;
        try {
            objective.setValue(t == null ? null : t.objective());
            period.setValue(t == null ? null : t.periodDays());
            threshold.setDisable(t == null || t.thresholdMs() == null);
            threshold.setValue(t == null ? null : t.thresholdMs());
            tiers.forEach((name, box) -> box.setSelected(t != null && t.tiers().contains(name)));
        } finally {
            updating = false;
        }
    }

    private void draw(StudioCharts c) {
        for (var chart : List.of(sliChart, budgetChart, burnChart)) {
            chart.getData().clear();
        }
        alertChart.getData().clear();
        if (c == null) {
            return;
        }
        sliChart.getData().add(Charts.series(c.sli(), 100));
        sliChart.getData().add(Charts.level("objective " + new Objective(c.objective()).percent(), c.objective() * 100,
                c.sli().points()));
        budgetChart.getData().add(Charts.series(c.budget(), 1));
        budgetChart.getData().add(Charts.level("exhausted", 0, c.budget().points()));
        for (StudioCharts.Series s : c.burn()) {
            burnChart.getData().add(Charts.series(s, 1));
        }
        for (Map.Entry<String, Double> t : c.thresholds().entrySet()) {
            burnChart.getData().add(Charts.level(t.getKey() + " threshold " + SloMath.plain(SloMath.round(t.getValue())),
                    t.getValue(), c.sli().points()));
        }
        for (StudioCharts.Series s : c.firing()) {
            XYChart.Series<Number, Number> series = Charts.series(s, 1);
            alertChart.getData().add(series);
        }
        if (!c.sli().points().isEmpty()) {
            long from = c.sli().points().get(0).epochMillis();
            long to = c.sli().points().get(c.sli().points().size() - 1).epochMillis();
            for (var chart : List.of(sliChart, budgetChart, burnChart, alertChart)) {
                Charts.timeRange(chart, from, to);
            }
        }
        NumberAxis rows = (NumberAxis) alertChart.getYAxis();
        rows.setAutoRanging(false);
        rows.setLowerBound(0);
        rows.setUpperBound(c.firing().size() + 1);
        rows.setTickUnit(1);
    }
}
