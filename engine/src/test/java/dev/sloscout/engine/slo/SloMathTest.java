package dev.sloscout.engine.slo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SloMathTest {
    private static final Duration D30 = Duration.ofDays(30);
    private static final Duration D28 = Duration.ofDays(28);

    @Test
    void standardTierFactorsMatchTheWorkbook() {
        assertThat(AlertTier.STANDARD).extracting(t -> t.factor(D30)).containsExactly(14.4, 6.0, 3.0, 1.0);
        assertThat(AlertTier.STANDARD).extracting(t -> t.factor(D28)).containsExactly(13.44, 5.6, 2.8, 0.933333333333);
    }

    @Test
    void thresholdsPrintWithoutFloatNoise() {
        Objective threeNines = new Objective(0.999);
        assertThat(threeNines.errorBudget()).isEqualTo(0.001);
        assertThat(Double.toString(AlertTier.STANDARD.get(0).errorRatioThreshold(D30, threeNines))).isEqualTo("0.0144");
        assertThat(new Objective(0.9995).percent()).isEqualTo("99.95%");
        assertThat(new Objective(0.99).percent()).isEqualTo("99%");
    }

    @Test
    void aTierWhoseThresholdReachesOneCannotFire() {
        Objective ninety = new Objective(0.9);
        assertThat(AlertTier.STANDARD.get(0).errorRatioThreshold(D30, ninety)).isEqualTo(1.44);
        assertThat(AlertTier.STANDARD.get(0).canFire(D30, ninety)).isFalse();
        assertThat(AlertTier.STANDARD.get(3).canFire(D30, ninety)).isTrue();
    }

    @Test
    void invalidInputsAreRefused() {
        assertThatThrownBy(() -> new Objective(1)).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> new Objective(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertTier("x", AlertTier.Severity.PAGE, Duration.ofMinutes(5), Duration.ofHours(1), 2,
                Duration.ZERO))
                .hasMessageContaining("shorter");
    }

    @Property
    void burningAtTheBudgetLastsExactlyThePeriod(@ForAll @DoubleRange(min = 0.5, max = 0.99999) @Scale(5) double target,
                                                 @ForAll @IntRange(min = 1, max = 365) int days) {
        Objective objective = new Objective(target);
        Duration period = Duration.ofDays(days);
        double burn = SloMath.burnRate(objective.errorBudget(), objective);
        assertThat(burn).isCloseTo(1.0, within(1e-9));
        assertThat(SloMath.timeToExhaustion(period, 1.0)).isEqualTo(period);
        assertThat(SloMath.timeToExhaustion(period, 2.0).toSeconds()).isEqualTo(period.toSeconds() / 2);
        assertThat(SloMath.isForever(SloMath.timeToExhaustion(period, 0))).isTrue();
    }

    @Property
    void aTiersFactorSpendsItsShareOfTheBudgetInItsLongWindow(@ForAll @IntRange(min = 7, max = 90) int days,
                                                               @ForAll @DoubleRange(min = 0.9, max = 0.9999) @Scale(4) double target) {
        Duration period = Duration.ofDays(days);
        Objective objective = new Objective(target);
        for (AlertTier tier : AlertTier.STANDARD) {
            double spent = tier.factor(period) * tier.longWindow().toSeconds() / period.toSeconds();
            assertThat(spent * 100).isCloseTo(tier.budgetPercent(), within(1e-6));
            assertThat(tier.errorRatioThreshold(period, objective))
                    .isCloseTo(tier.factor(period) * objective.errorBudget(), within(1e-12));
            assertThat(tier.canFire(period, objective)).isEqualTo(tier.errorRatioThreshold(period, objective) < 1);
        }
    }
}
