package dev.sloscout.engine.artifact;

import dev.sloscout.engine.journey.Journey;
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
                          MetricsProfile profile, List<String> alsoCovers) {
    public ExportedSlo {
        alsoCovers = List.copyOf(alsoCovers);
    }

    ExportedSlo alsoCovering(String journeyName) {
        List<String> more = new ArrayList<>(alsoCovers);
        more.add(journeyName);
        return new ExportedSlo(definition, journey, candidate, proposal, profile, more);
    }
}
