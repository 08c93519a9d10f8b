package dev.sloscout.app.slostudio;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds the studio's charts: time on x (UTC), no animation (they redraw on every tuning step). */
final class Charts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Charts() {
    }

    static LineChart<Number, Number> line(String title, String yLabel) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis(), yAxis(yLabel));
        setUp(chart, title);
        chart.setCreateSymbols(false);
        return chart;
    }

    static ScatterChart<Number, Number> scatter(String title, String yLabel) {
        ScatterChart<Number, Number> chart = new ScatterChart<>(timeAxis(), yAxis(yLabel));
        setUp(chart, title);
        return chart;
    }

    private static void setUp(XYChart<Number, Number> chart, String title) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(180);
    }

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        axis.setAutoRanging(true);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return TIME.format(Instant.ofEpochMilli(value.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        axis.setLabel("time (UTC)");
        return axis;
    }

    private static NumberAxis yAxis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        axis.setLabel(label);
        return axis;
    }

    /** Fixes the time axis to the history's span with about seven ticks (auto-ranging picks odd bounds). */
    static void timeRange(XYChart<Number, Number> chart, long fromMillis, long toMillis) {
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        axis.setAutoRanging(false);
        axis.setLowerBound(fromMillis);
        axis.setUpperBound(Math.max(toMillis, fromMillis + 1));
        axis.setTickUnit(Math.max(1, (toMillis - fromMillis) / 7.0));
    }

    static XYChart.Series<Number, Number> series(StudioCharts.Series s, double scale) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(s.name());
        for (StudioCharts.Point p : s.points()) {
            out.getData().add(new XYChart.Data<>(p.epochMillis(), p.value() * scale));
        }
        return out;
    }

    /** A horizontal line over the span of {@code reference}. */
    static XYChart.Series<Number, Number> level(String name, double value, List<StudioCharts.Point> reference) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(name);
        if (!reference.isEmpty()) {
            out.getData().add(new XYChart.Data<>(reference.get(0).epochMillis(), value));
            out.getData().add(new XYChart.Data<>(reference.get(reference.size() - 1).epochMillis(), value));
        }
        return out;
    }
}
