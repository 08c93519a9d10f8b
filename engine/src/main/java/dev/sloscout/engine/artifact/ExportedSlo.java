package dev.sloscout.engine.artifact;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.SloProposal;

/** An SLO chosen for export, with the journey, SLI candidate and proposal that explain it (for runbooks). */
public record ExportedSlo(SloDefinition definition, Journey journey, SliCandidate candidate, SloProposal proposal) {
}
