package dev.sloscout.app.slostudio;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.Objective;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.slo.SloProposer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StudioChartsTest {
    /** Two days of 5-minute windows, 100 requests each; an hour of 50% errors at hour 30. */
    private static History history() {
        long[] total = new long[2 * 24 * 12];
        long[] bad = new long[total.length];
        Arrays.fill(total, 100);
        for (int i = 30 * 12; i < 31 * 12; i++) {
            bad[i] = 50;
        }
        return new History(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(5), total, bad);
    }

    private static StudioCharts charts(Tuning t) {
        History h = history();
        SloProposal a = SloProposer.assess(SloProposal.Variant.BALANCED, h, new Objective(t.objective()),
                Duration.ofDays(t.periodDays()), null, t.alertTiers(), List.of());
        return StudioCharts.of(h, t, a);
    }

    @Test
    void theSliDipsInTheBadHourAndTheBudgetIsSpentByIt() {
        Tuning t = new Tuning(0.99, 2, null, Tuning.standardTierNames());
        StudioCharts c = charts(t);
        assertThat(c.step()).as("576 windows: 15-minute steps keep it under 400 points").isEqualTo(Duration.ofMinutes(15));
        assertThat(c.sli().points()).hasSize(192);
        assertThat(c.sli().name()).isEqualTo("SLI per 15m");
        assertThat(c.sli().points().get(120).value()).isEqualTo(0.5);
        assertThat(c.sli().points().get(123).value()).isEqualTo(0.5);
        assertThat(c.sli().points().get(119).value()).isEqualTo(1.0);
        // budget: 2 days x 28,800 requests x 1% = 576 bad allowed; the bad hour spends 600: remaining goes from 100 to -4.2
        assertThat(c.budget().points().get(119).value()).isEqualTo(100.0);
        assertThat(c.budget().points().get(191).value()).isCloseTo(100 * (1 - 600.0 / 576), within(1e-9));
    }

    @Test
    void burnRatesCrossTheFastTierThresholdOnlyAroundTheBadHour() {
        Tuning t = new Tuning(0.99, 30, null, List.of("page-1h"));
        StudioCharts c = charts(t);
        double threshold = c.thresholds().get("page-1h");
        assertThat(threshold).isEqualTo(14.4, within(1e-9));
        List<StudioCharts.Point> burn = c.burn().get(0).points();
        assertThat(burn.stream().filter(p -> p.value() > threshold)).as("the 1h windows ending in or just after it")
                .hasSizeBetween(4, 7);
        assertThat(burn.stream().mapToDouble(StudioCharts.Point::value).max().orElseThrow()).isCloseTo(50.0, within(1e-9));
        assertThat(c.firing()).singleElement().satisfies(s -> {
            assertThat(s.name()).startsWith("page-1h: 1 alert");
            assertThat(s.points()).isNotEmpty().allSatisfy(p -> assertThat(p.epochMillis())
                    .isBetween(Instant.parse("2026-01-02T06:00:00Z").toEpochMilli(), Instant.parse("2026-01-02T08:00:00Z").toEpochMilli()));
        });
    }

    @Test
    void aTenMinuteDumpStillDrawsEveryFiveMinutesAndTwoWeeksDrawHourly() {
        History shortOne = new History(Instant.EPOCH, Duration.ofMinutes(5), new long[] {10, 10}, new long[] {0, 1});
        Tuning t = new Tuning(0.99, 28, null, Tuning.standardTierNames());
        StudioCharts c = StudioCharts.of(shortOne, t, SloProposer.assess(SloProposal.Variant.BALANCED, shortOne,
                new Objective(0.99), Duration.ofDays(28), null, t.alertTiers(), List.of()));
        assertThat(c.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.sli().points()).extracting(StudioCharts.Point::value).containsExactly(1.0, 0.9);
        long[] twoWeeks = new long[14 * 24 * 12];
        History longOne = new History(Instant.EPOCH, Duration.ofMinutes(5), twoWeeks, new long[twoWeeks.length]);
        assertThat(StudioCharts.of(longOne, t, SloProposer.assess(SloProposal.Variant.BALANCED, longOne, new Objective(0.99),
                Duration.ofDays(28), null, t.alertTiers(), List.of())).step()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tuningsValidateAndSwitchTiers() {
        Tuning t = new Tuning(0.999, 28, 250.0, Tuning.standardTierNames());
        assertThat(t.withTier("page-6h", false).tiers()).containsExactly("page-1h", "ticket-1d", "ticket-3d");
        assertThat(t.withTier("page-6h", false).withTier("page-6h", true).tiers()).isEqualTo(t.tiers());
        assertThat(t.alertTiers()).isEqualTo(AlertTier.STANDARD);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.withObjective(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
