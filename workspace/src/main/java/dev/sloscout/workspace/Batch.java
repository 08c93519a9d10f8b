package dev.sloscout.workspace;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.SliCandidate;
import java.util.List;

/**
 * What one step of ingestion adds to a workspace; it is committed whole or not at all. Capsules, journeys and SLI
 * candidates replace earlier rows with the same id (they are the latest state of a growing analysis).
 */
public record Batch(long sourceId, long events, List<Capsule> capsules, List<Journey> journeys,
        List<SliCandidate> sliCandidates, List<SpanOperation> operations) {
    public Batch {
        capsules = List.copyOf(capsules);
        journeys = List.copyOf(journeys);
        sliCandidates = List.copyOf(sliCandidates);
        operations = List.copyOf(operations);
    }

    public static Batch ofCapsules(long sourceId, long events, List<Capsule> capsules) {
        return new Batch(sourceId, events, capsules, List.of(), List.of(), List.of());
    }
}
