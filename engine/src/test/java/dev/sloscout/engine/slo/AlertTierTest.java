package dev.sloscout.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertTierTest {
    @Test
    void twentyEightAndThirtyDaysKeepSlothsWindowsAndTheFactorsFollowThePeriod() {
        for (long days : List.of(28L, 30L)) {
            Duration period = Duration.ofDays(days);
            assertThat(AlertTier.STANDARD).allSatisfy(t -> assertThat(t.forPeriod(period)).isSameAs(t));
        }
        assertThat(AlertTier.STANDARD.get(0).factor(Duration.ofDays(28))).isEqualTo(13.44);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 14, 90})
    void otherPeriodsScaleTheWindowsSoTheWorkbookFactorsHold(long days) {
        Duration period = Duration.ofDays(days);
        List<AlertTier> scaled = AlertTier.STANDARD.stream().map(t -> t.forPeriod(period)).toList();

        assertThat(scaled).extracting(t -> t.factor(period)).containsExactly(14.4, 6.0, 3.0, 1.0);
        assertThat(scaled).extracting(AlertTier::budgetPercent).containsExactly(2.0, 5.0, 10.0, 10.0);
        assertThat(scaled).allSatisfy(t -> {
            assertThat(t.shortWindow()).isGreaterThanOrEqualTo(AlertTier.MIN_SHORT_WINDOW).isLessThan(t.longWindow());
            assertThat(t.forDuration()).isPositive().isLessThanOrEqualTo(t.shortWindow());
        });
    }

    @Test
    void sevenDaysWatchFourteenMinutesForTheFastestPage() {
        AlertTier page = AlertTier.STANDARD.get(0).forPeriod(Duration.ofDays(7));
        assertThat(page.longWindow()).isEqualTo(Duration.ofMinutes(14));
        assertThat(page.shortWindow()).isEqualTo(Duration.ofMinutes(5));
        AlertTier ticket = AlertTier.STANDARD.get(3).forPeriod(Duration.ofDays(90));
        assertThat(ticket.longWindow()).isEqualTo(Duration.ofDays(9));
        assertThat(ticket.shortWindow()).isEqualTo(Duration.ofHours(18));
    }
}
