package dev.sloscout.app.slostudio;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
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

    /**
     * The narrowest time axis: a dump of a few seconds has one history window, which an axis of its own span would
     * squeeze to a point.
     */
    static final long MIN_SPAN_MILLIS = 10 * 60_000L;

    /**
     * Fixes the time axis to the history's span with about seven ticks (auto-ranging picks odd bounds), widened
     * around its middle to {@link #MIN_SPAN_MILLIS} when shorter.
     */
    static void timeRange(XYChart<Number, Number> chart, long fromMillis, long toMillis) {
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        axis.setAutoRanging(false);
        long[] span = span(fromMillis, toMillis);
        axis.setLowerBound(span[0]);
        axis.setUpperBound(span[1]);
        axis.setTickUnit(span[1] - span[0] == MIN_SPAN_MILLIS ? 2 * 60_000 : (span[1] - span[0]) / 7.0);
    }

    /**
     * {@code [from, to]}, or {@link #MIN_SPAN_MILLIS} around their middle, from a whole minute, when they are
     * closer (its ticks then fall on every second minute).
     */
    static long[] span(long fromMillis, long toMillis) {
        if (toMillis - fromMillis >= MIN_SPAN_MILLIS) {
            return new long[] {fromMillis, toMillis};
        }
        long middle = fromMillis + (toMillis - fromMillis) / 2;
        long from = Math.floorDiv(middle - MIN_SPAN_MILLIS / 2, 60_000L) * 60_000L;
        return new long[] {from, from + MIN_SPAN_MILLIS};
    }

    /**
     * A series as a line; one of fewer than three points also gets a mark on each (a line through one point draws
     * nothing, so a short dump's one window showed empty charts).
     */
    static XYChart.Series<Number, Number> series(StudioCharts.Series s, double scale) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(s.name());
        boolean marked = s.points().size() < 3;
        for (StudioCharts.Point p : s.points()) {
            XYChart.Data<Number, Number> data = new XYChart.Data<>(p.epochMillis(), p.value() * scale);
            if (marked) {
                data.setNode(new StackPane()); // the chart styles it as the series' symbol
            }
            out.getData().add(data);
        }
        return out;
    }

    /** A horizontal line over the span of {@code reference} (as {@link #span} widens it). */
    static XYChart.Series<Number, Number> level(String name, double value, List<StudioCharts.Point> reference) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(name);
        if (!reference.isEmpty()) {
            long[] span = span(reference.get(0).epochMillis(), reference.get(reference.size() - 1).epochMillis());
            out.getData().add(new XYChart.Data<>(span[0], value));
            out.getData().add(new XYChart.Data<>(span[1], value));
        }
        return out;
    }
}
