package dev.sloscout.app.slostudio;

import java.util.List;
import java.util.stream.LongStream;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** A dump of a few seconds fills one history window: its charts still show something. */
class ChartsTest {
    private static final long T = 1_764_740_000_000L;

    @Test
    void aSpanShorterThanTenMinutesIsWidenedAroundItsMiddle() {
        long minute = T - T % 60_000; // T is 20 seconds into its minute
        assertThat(Charts.span(T, T)).containsExactly(minute - 300_000, minute + 300_000);
        assertThat(Charts.span(T, T + 120_000)).containsExactly(minute - 240_000, minute + 360_000);
        assertThat(Charts.span(T, T + 3_600_000)).containsExactly(T, T + 3_600_000);
    }

    @Test
    void aSeriesOfOnePointIsMarkedAndItsObjectiveLineSpansTheAxis() {
        StudioCharts.Series one = new StudioCharts.Series("SLI per 5m", List.of(new StudioCharts.Point(T, 0.94)));

        XYChart.Series<Number, Number> series = Charts.series(one, 100);
        XYChart.Series<Number, Number> objective = Charts.level("objective 90%", 90, one.points());

        assertThat(series.getData()).singleElement().satisfies(d -> {
            assertThat(d.getYValue().doubleValue()).isEqualTo(94.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.getNode()).as("a mark to see").isNotNull();
        });
        assertThat(objective.getData()).extracting(d -> d.getXValue().longValue())
                .containsExactly(T - T % 60_000 - 300_000, T - T % 60_000 + 300_000);
    }

    @Test
    void aLongSeriesIsALineWithoutMarks() {
        StudioCharts.Series many = new StudioCharts.Series("SLI per 5m", LongStream.range(0, 10)
                .mapToObj(i -> new StudioCharts.Point(T + i * 300_000, 0.99)).toList());

        assertThat(Charts.series(many, 100).getData()).hasSize(10).allSatisfy(d -> assertThat(d.getNode()).isNull());
    }
}
