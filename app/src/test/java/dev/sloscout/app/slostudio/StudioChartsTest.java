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
        assertThat(c.sli().points()).hasSize(48);
        assertThat(c.sli().points().get(30).value()).isEqualTo(0.5);
        assertThat(c.sli().points().get(29).value()).isEqualTo(1.0);
        // budget: 2 days x 28,800 requests x 1% = 576 bad allowed; the bad hour spends 600: remaining goes from 100 to -4.2
        assertThat(c.budget().points().get(29).value()).isEqualTo(100.0);
        assertThat(c.budget().points().get(47).value()).isCloseTo(100 * (1 - 600.0 / 576), within(1e-9));
    }

    @Test
    void burnRatesCrossTheFastTierThresholdOnlyAroundTheBadHour() {
        Tuning t = new Tuning(0.99, 30, null, List.of("page-1h"));
        StudioCharts c = charts(t);
        double threshold = c.thresholds().get("page-1h");
        assertThat(threshold).isEqualTo(14.4, within(1e-9));
        List<StudioCharts.Point> burn = c.burn().get(0).points();
        assertThat(burn.stream().filter(p -> p.value() > threshold)).hasSize(1);
        assertThat(burn.stream().mapToDouble(StudioCharts.Point::value).max().orElseThrow()).isCloseTo(50.0, within(1e-9));
        assertThat(c.firing()).singleElement().satisfies(s -> {
            assertThat(s.name()).startsWith("page-1h: 1 alert");
            assertThat(s.points()).isNotEmpty().allSatisfy(p -> assertThat(p.epochMillis())
                    .isBetween(Instant.parse("2026-01-02T06:00:00Z").toEpochMilli(), Instant.parse("2026-01-02T08:00:00Z").toEpochMilli()));
        });
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
