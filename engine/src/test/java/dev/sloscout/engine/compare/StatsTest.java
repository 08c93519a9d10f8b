package dev.sloscout.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tests against values worked by hand from their textbook definitions. */
class StatsTest {
    @Test
    void twoProportionsWithNewcombesInterval() {
        // p1 = 0.5, p2 = 0.7, pooled 0.6: z = 0.2 / sqrt(0.24 * 0.02) = 2.8868
        Stats.Test t = Stats.twoProportion(50, 100, 70, 100);
        assertThat(t.pValue()).isCloseTo(0.003892, within(2e-5));
        assertThat(t.low()).isGreaterThan(0).isLessThan(0.2);
        assertThat(t.high()).isGreaterThan(0.2).isLessThan(0.4);
        assertThat(Stats.twoProportion(0, 10, 0, 10).pValue()).isEqualTo(1);
        assertThat(Stats.twoProportion(1, 0, 1, 10).pValue()).isNaN();
    }

    @Test
    void mannWhitneyWithTiesAndContinuity() {
        // U = 0, mean 4.5, variance 9/12 * 7 = 5.25: z = (4.5 - 0.5) / 2.2913 = 1.7457
        Stats.Test t = Stats.mannWhitney(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(t.pValue()).isCloseTo(0.08086, within(2e-4));
        assertThat(t.low()).isLessThan(3).isGreaterThan(0);
        assertThat(Stats.mannWhitney(new double[] {2, 2, 2}, new double[] {2, 2}).pValue()).isEqualTo(1);
    }

    @Test
    void holmStepsDownAndStaysMonotone() {
        double[] adjusted = Stats.holm(new double[] {0.01, 0.04, 0.03, Double.NaN});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isNaN();
    }

    @Test
    void quantilesErfcAndTheBootstrap() {
        assertThat(Stats.quantileOfSorted(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Stats.erfc(1)).isCloseTo(0.157299, within(1e-6));
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            a[i] = i;
            b[i] = i + 50;
        }
        double[] ci = Stats.bootstrapQuantileDifference(a, b, 0.5, 300, 1);
        assertThat(ci[0]).isLessThan(50).isGreaterThan(20);
        assertThat(ci[1]).isGreaterThan(50).isLessThan(80);
        assertThat(Stats.bootstrapQuantileDifference(a, b, 0.5, 300, 1)).as("seeded").containsExactly(ci);
    }
}
