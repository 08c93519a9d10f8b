package dev.sloscout.app.slostudio;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.SloProposal;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SloStudioViewModelTest {
    private final Analysis demo = Analyses.smallDemo();

    private SloStudioViewModel studio() {
        return new SloStudioViewModel(new SimpleObjectProperty<>(demo));
    }

    @Test
    void startsFromTheBalancedProposalAndDrawsItsHistory() {
        SloStudioViewModel vm = studio();
        SliCandidate c = vm.selectedProperty().get();
        SloProposal balanced = c.proposals().stream().filter(p -> p.variant() == SloProposal.Variant.BALANCED).findFirst()
                .orElseThrow();
        assertThat(vm.tuningProperty().get().objective()).isEqualTo(balanced.objective());
        StudioCharts charts = vm.chartsProperty().get();
        assertThat(charts.sli().points()).hasSizeGreaterThan(24 * 10); // two weeks of hours, some without traffic
        assertThat(charts.burn()).hasSize(4);
        assertThat(charts.thresholds()).containsEntry("page-1h", 14.4 * 28 / 30);
        assertThat(charts.assessment().burnRateInHistory()).isEqualTo(balanced.burnRateInHistory());
        assertThat(vm.summaryProperty().get()).contains(c.name()).contains("Backtest");
        assertThat(vm.canUndoProperty().get()).isFalse();
        var measured = demo.dataQuality().service(demo.journey(c.journeyId()).orElseThrow().entry().service());
        assertThat(vm.dataQualityProperty().get()).startsWith("Data under this SLI: " + measured.service()
                + " scores " + measured.score() + " of 100");
    }

    @Test
    void aStricterObjectiveBurnsFasterAndUndoRedoWalkTheSteps() {
        SloStudioViewModel vm = studio();
        StudioCharts before = vm.chartsProperty().get();
        double start = vm.tuningProperty().get().objective();
        vm.setObjective(0.9999);
        StudioCharts after = vm.chartsProperty().get();
        assertThat(after.objective()).isEqualTo(0.9999);
        assertThat(after.assessment().burnRateInHistory()).isGreaterThan(before.assessment().burnRateInHistory());
        assertThat(last(after.budget())).isLessThan(last(before.budget()));
        assertThat(after.burn().get(0).points().get(0).value())
                .isGreaterThanOrEqualTo(before.burn().get(0).points().get(0).value());
        vm.setPeriod(7);
        assertThat(vm.chartsProperty().get().thresholds().get("page-1h")).isEqualTo(14.4 * 7 / 30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.tuningProperty().get().periodDays()).isEqualTo(28);
        vm.undo();
        assertThat(vm.tuningProperty().get().objective()).isEqualTo(start);
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.tuningProperty().get().objective()).isEqualTo(0.9999);
        vm.setObjective(0.95); // a new step drops the redo branch
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void variantsAreOneClickAndTiersCanBeSwitchedButNotAllOff() {
        SloStudioViewModel vm = studio();
        SliCandidate c = vm.selectedProperty().get();
        vm.applyVariant(SloProposal.Variant.CONSERVATIVE);
        assertThat(vm.tuningProperty().get().objective()).isEqualTo(SloStudioViewModel.fromProposal(c,
                SloProposal.Variant.CONSERVATIVE).objective());
        for (String tier : List.of("page-1h", "page-6h", "ticket-1d")) {
            vm.setTier(tier, false);
        }
        assertThat(vm.tuningProperty().get().tiers()).containsExactly("ticket-3d");
        assertThat(vm.chartsProperty().get().burn()).hasSize(1);
        vm.setTier("ticket-3d", false);
        assertThat(vm.tuningProperty().get().tiers()).containsExactly("ticket-3d");
        assertThat(vm.summaryProperty().get()).startsWith("At least one alert tier must stay on.");
    }

    @Test
    void aLatencyThresholdReadsTheHistoryAtThatBound() {
        SloStudioViewModel vm = studio();
        SliCandidate latency = vm.candidates().stream().filter(c -> c.kind() == SliCandidate.Kind.LATENCY).findFirst().orElseThrow();
        vm.selectedProperty().set(latency);
        assertThat(vm.isLatency()).isTrue();
        vm.setThreshold(2);
        long badAt2 = vm.chartsProperty().get().assessment().backtest().isEmpty() ? 0 : 1;
        double spentAt2 = vm.chartsProperty().get().assessment().budgetSpentInHistory();
        vm.setThreshold(10000);
        double spentAt10s = vm.chartsProperty().get().assessment().budgetSpentInHistory();
        assertThat(spentAt2).as("almost every request is slower than 2 ms").isGreaterThan(spentAt10s);
        assertThat(badAt2).isEqualTo(1);
        assertThat(vm.tuned()).containsKey(latency.id());
        assertThat(vm.tuned().get(latency.id()).proposal().thresholdMs()).isEqualTo(10000.0);
    }

    private static double last(StudioCharts.Series s) {
        return s.points().get(s.points().size() - 1).value();
    }
}
