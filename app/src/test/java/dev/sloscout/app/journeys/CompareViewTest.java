package dev.sloscout.app.journeys;

import java.time.Duration;
import java.time.Instant;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The compare view's traffic brush: what it draws of the opened data's windows. */
class CompareViewTest {

    @Test
    void oneWindowOfTrafficIsAnAreaOverThatWindow() {
        XYChart.Series<Number, Number> series = CompareView.trafficSeries(
                new CompareViewModel.Traffic(Instant.EPOCH, Duration.ofMinutes(5), new long[] {600}));

        assertThat(series.getData()).extracting(d -> d.getXValue().doubleValue(), d -> d.getYValue().doubleValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0.0, 600.0),
                        org.assertj.core.groups.Tuple.tuple(5 / 60.0, 600.0));
    }

    @Test
    void severalWindowsAreAPointEachAndNoTrafficNothing() {
        XYChart.Series<Number, Number> series = CompareView.trafficSeries(
                new CompareViewModel.Traffic(Instant.EPOCH, Duration.ofMinutes(5), new long[] {3, 4, 5}));

        assertThat(series.getData()).extracting(d -> d.getYValue().doubleValue()).containsExactly(3.0, 4.0, 5.0);
        assertThat(CompareView.trafficSeries(null).getData()).isEmpty();
    }
}
