package dev.sloscout.pipeline.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.artifact.AlertProfile;
import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.engine.artifact.PeriodSli;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;

/** Pages and tickets a week are those of the alerts the bundle exports, replayed over the history. */
class BlastRadiusTest {
    private static PolicyCheck.BlastRadius radius(String tiers, AlertProfile alerts) {
        Analysis demo = Analyses.smallDemo();
        PipelineOptions options = PipelineOptions.defaults().withExport(new ExportSettings(null,
                ExportSettings.parseTiers(tiers), null, null, MetricsProfile.SPANMETRICS, alerts, PeriodSli.SLOTH));
        return PolicyCheck.blastRadius(new Pipeline(options, () -> false, (i, s) -> { }).slos(demo), demo, null);
    }

    @Test
    void theExportedTiersAndProfileDecideThePagesNotTheProposal() {
        PolicyCheck.BlastRadius all = radius("page-1h,page-6h,ticket-1d,ticket-3d", AlertProfile.TIERS);
        PolicyCheck.BlastRadius ticketsOnly = radius("ticket-1d,ticket-3d", AlertProfile.TIERS);
        PolicyCheck.BlastRadius sloth = radius("page-1h,page-6h,ticket-1d,ticket-3d", AlertProfile.SLOTH);

        assertThat(all.pagesPerWeek()).as("the demo's incidents page").isPositive();
        assertThat(ticketsOnly.pagesPerWeek()).as("no page tier is exported").isZero();
        assertThat(ticketsOnly.ticketsPerWeek()).isEqualTo(all.ticketsPerWeek());
        assertThat(sloth.pagesPerWeek()).as("the same windows, paired as Sloth does").isPositive();
    }
}
