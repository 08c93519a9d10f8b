package dev.sloscout.engine.slo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SloProposerTest {

    private static History history(int windows, long perWindow, long badPerWindow) {
        long[] total = new long[windows];
        long[] bad = new long[windows];
        Arrays.fill(total, perWindow);
        Arrays.fill(bad, badPerWindow);
        return new History(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(5), total, bad);
    }

    @Test
    void variantsFollowTheBurnTheyAllow() {
        // two weeks, 1,000 requests per 5 minutes, 0.04% errors (4,032,000 requests: upper bound about 0.042%)
        History history = history(14 * 288, 1000, 0);
        for (int i = 0; i < history.windows(); i += 5) {
            history.bad()[i] = 2;
        }
        SloProposal conservative = SloProposer.propose(SloProposal.Variant.CONSERVATIVE, history, null, List.of());
        SloProposal balanced = SloProposer.propose(SloProposal.Variant.BALANCED, history, null, List.of());
        SloProposal aggressive = SloProposer.propose(SloProposal.Variant.AGGRESSIVE, history, null, List.of());

        assertThat(conservative.objective()).isEqualTo(0.995); // 0.042% is under a quarter of 0.5%, not of 0.1%
        assertThat(balanced.objective()).isEqualTo(0.999);    // under half of 0.1%
        assertThat(aggressive.objective()).isEqualTo(0.9995); // under all of 0.05%
        assertThat(balanced.burnRateInHistory()).isCloseTo(0.4, within(1e-3));
        assertThat(balanced.budgetSpentInHistory()).isCloseTo(0.2, within(1e-3)); // 0.4 of the pace for half a period
        assertThat(balanced.periodDays()).isEqualTo(28);
        assertThat(balanced.windowsMet()).isCloseTo(0.8, within(1e-3)); // windows with 2 errors in 1,000 miss 99.9%
        assertThat(balanced.reasons()).anySatisfy(r -> assertThat(r).contains("observed 0.0400%"));
        assertThat(balanced.backtest()).hasSize(4);
    }

    @Test
    void aSmallSampleDoesNotEarnNinesItHasNotShown() {
        SloProposal balanced = SloProposer.propose(SloProposal.Variant.BALANCED, history(1, 50, 0), null, List.of());

        assertThat(balanced.objective()).isLessThanOrEqualTo(0.9);
    }

    @Property(tries = 100)
    void conservativeNeverAsksMoreThanBalancedNorBalancedMoreThanAggressive(
            @ForAll @IntRange(min = 1, max = 2000) int windows, @ForAll @IntRange(min = 1, max = 5000) int perWindow,
            @ForAll @IntRange(min = 0, max = 100) int badPerMille) {
        History history = history(windows, perWindow, (long) perWindow * badPerMille / 1000);
        double c = SloProposer.propose(SloProposal.Variant.CONSERVATIVE, history, null, List.of()).objective();
        double b = SloProposer.propose(SloProposal.Variant.BALANCED, history, null, List.of()).objective();
        double a = SloProposer.propose(SloProposal.Variant.AGGRESSIVE, history, null, List.of()).objective();
        assertThat(c).isLessThanOrEqualTo(b);
        assertThat(b).isLessThanOrEqualTo(a);
    }

    @Test
    void assessingAChosenObjectiveMatchesTheProposalThatChoseIt() {
        long[] total = new long[7 * 24 * 12];
        long[] bad = new long[total.length];
        java.util.Arrays.fill(total, 50);
        bad[100] = 40;
        History history = new History(java.time.Instant.EPOCH, java.time.Duration.ofMinutes(5), total, bad);
        SloProposal proposed = SloProposer.propose(SloProposal.Variant.BALANCED, history, null, List.of());
        SloProposal assessed = SloProposer.assess(SloProposal.Variant.BALANCED, history, new Objective(proposed.objective()),
                SloProposer.PERIOD, null, AlertTier.STANDARD, List.of());
        assertThat(assessed.burnRateInHistory()).isEqualTo(proposed.burnRateInHistory());
        assertThat(assessed.budgetSpentInHistory()).isEqualTo(proposed.budgetSpentInHistory());
        assertThat(assessed.backtest()).isEqualTo(proposed.backtest());
        SloProposal weekly = SloProposer.assess(SloProposal.Variant.BALANCED, history, new Objective(proposed.objective()),
                java.time.Duration.ofDays(7), null, AlertTier.STANDARD.subList(0, 1), List.of("mine"));
        assertThat(weekly.periodDays()).isEqualTo(7);
        assertThat(weekly.budgetSpentInHistory()).as("a week of history spends a whole 7-day period's share")
                .isGreaterThan(assessed.budgetSpentInHistory());
        assertThat(weekly.backtest()).hasSize(1);
        assertThat(weekly.reasons().get(0)).isEqualTo("mine");
    }

    @Test
    void aHistoryRecorderCopyDoesNotMoveWithTheOriginal() {
        HistoryRecorder recorder = new HistoryRecorder();
        recorder.record(0, false, 5);
        HistoryRecorder copy = recorder.copy();
        recorder.record(1, true, 5);
        recorder.record(HistoryRecorder.WINDOW.toNanos() * 3, true, 5);
        assertThat(copy.availability().totalEvents()).isEqualTo(1);
        assertThat(copy.availability().windows()).isEqualTo(1);
        assertThat(recorder.availability().badEvents()).isEqualTo(2);
    }
}
