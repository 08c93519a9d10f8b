package dev.sloscout.engine.slo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WilsonTest {

    @Test
    void knownIntervals() {
        Wilson.Interval half = Wilson.interval(5, 10, Wilson.Z95);
        assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
        Wilson.Interval none = Wilson.interval(0, 10, Wilson.Z95);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        Wilson.Interval all = Wilson.interval(1000, 1000, Wilson.Z95);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.99617, within(1e-5));
    }

    @Property
    void theIntervalHoldsTheEstimateAndNarrowsWithMoreData(@ForAll @IntRange(min = 1, max = 100_000) int total,
                                                          @ForAll @IntRange(min = 0, max = 100) int percentGood) {
        long good = (long) total * percentGood / 100;
        Wilson.Interval small = Wilson.interval(good, total, Wilson.Z95);
        Wilson.Interval large = Wilson.interval(good * 10, total * 10L, Wilson.Z95);
        assertThat(small.low()).isBetween(0.0, small.estimate() + 1e-12);
        assertThat(small.high()).isBetween(small.estimate() - 1e-12, 1.0);
        assertThat(large.high() - large.low()).isLessThanOrEqualTo(small.high() - small.low() + 1e-12);
    }
}
