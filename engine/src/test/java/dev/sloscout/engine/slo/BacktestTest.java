package dev.sloscout.engine.slo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestTest {
    private static final Objective THREE_NINES = new Objective(0.999);
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final int DAY = 24 * 12; // 5-minute windows

    /** Four days of 1,000 requests per window at the given background error count. */
    private static History steady(long badPerWindow) {
        long[] total = new long[4 * DAY];
        long[] bad = new long[4 * DAY];
        Arrays.fill(total, 1000);
        Arrays.fill(bad, badPerWindow);
        return new History(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(5), total, bad);
    }

    private static Backtest.TierResult tier(List<Backtest.TierResult> results, String name) {
        return results.stream().filter(r -> r.tier().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aHealthyServiceNeverAlerts() {
        List<Backtest.TierResult> results = Backtest.run(steady(0), THREE_NINES, PERIOD, AlertTier.STANDARD);

        assertThat(results).allSatisfy(r -> assertThat(r.firings()).isZero());
    }

    @Test
    void aSustainedBurnJustAboveThePageThresholdPagesOnceAndRecoveryResets() {
        History history = steady(0);
        // 2 hours at 1.5% errors: above 14.4 x 0.1% = 1.44% on both the 1h and the 5m window
        for (int i = 2 * DAY; i < 2 * DAY + 24; i++) {
            history.bad()[i] = 15;
        }
        List<Backtest.TierResult> results = Backtest.run(history, THREE_NINES, PERIOD, AlertTier.STANDARD);

        Backtest.TierResult page = tier(results, "page-1h");
        assertThat(page.errorRatioThreshold()).isEqualTo(0.0144);
        assertThat(page.firings()).isEqualTo(1);
        Backtest.Episode episode = page.episodes().get(0);
        assertThat(episode.start()).isEqualTo(Instant.parse("2026-01-03T00:55:00Z")); // the 1h window fills up at 1.5%
        assertThat(episode.end()).isEqualTo(Instant.parse("2026-01-03T02:00:00Z")); // the 5m window clears at once
    }

    @Test
    void justBelowTheThresholdDoesNotPage() {
        History history = steady(0);
        for (int i = 2 * DAY; i < 2 * DAY + 24; i++) {
            history.bad()[i] = 14; // 1.4% < 1.44%
        }
        assertThat(tier(Backtest.run(history, THREE_NINES, PERIOD, AlertTier.STANDARD), "page-1h").firings()).isZero();
    }

    @Test
    void aShortSpikeAloneIsSuppressedByTheLongWindow() {
        History history = steady(0);
        history.bad()[2 * DAY] = 100; // 10% for five minutes: 0.83% over the hour
        List<Backtest.TierResult> results = Backtest.run(history, THREE_NINES, PERIOD, AlertTier.STANDARD);

        assertThat(results).allSatisfy(r -> assertThat(r.firings()).isZero());
    }

    @Test
    void windowsWithoutTrafficNeverFire() {
        History history = steady(0);
        Arrays.fill(history.total(), 2 * DAY, 3 * DAY, 0);
        Arrays.fill(history.bad(), 2 * DAY, 3 * DAY, 0);
        history.bad()[2 * DAY - 1] = 0;

        assertThat(Backtest.run(history, THREE_NINES, PERIOD, AlertTier.STANDARD))
                .allSatisfy(r -> assertThat(r.firings()).isZero());
    }
}
