package dev.sloscout.engine.artifact;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.quality.QualityReport;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.SloProposal;

import java.util.ArrayList;
import java.util.List;

/**
 * An SLO chosen for export, with the journey, SLI candidate and proposal that explain it (for runbooks), the metrics
 * profile its queries are written for, and the other journeys it also measures (the metrics cannot tell them apart).
 */
public record ExportedSlo(SloDefinition definition, Journey journey, SliCandidate candidate, SloProposal proposal,
                          MetricsProfile profile, List<String> alsoCovers, QualityReport.Service quality) {
    public ExportedSlo {
        alsoCovers = List.copyOf(alsoCovers);
    }

    /** Without a measurement of the data quality under it. */
    public ExportedSlo(SloDefinition definition, Journey journey, SliCandidate candidate, SloProposal proposal,
                       MetricsProfile profile, List<String> alsoCovers) {
        this(definition, journey, candidate, proposal, profile, alsoCovers, null);
    }

    ExportedSlo alsoCovering(String journeyName) {
        List<String> more = new ArrayList<>(alsoCovers);
        more.add(journeyName);
        return new ExportedSlo(definition, journey, candidate, proposal, profile, more, quality);
    }

    /** The same SLO with the quality of the data of its service (null: not measured). */
    public ExportedSlo withQuality(QualityReport.Service measured) {
        return new ExportedSlo(definition, journey, candidate, proposal, profile, alsoCovers, measured);
    }
}
