package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.Redactor;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.journey.JourneyDiscovery;
import java.time.Year;

/** Capsules whose events are linked, by trace id, to the journeys and failures a trace analysis found. */
public final class LinkedCapsules {
    private LinkedCapsules() {
    }

    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery) {
        return new CapsuleAccumulator(new Redactor(), traceId -> {
            JourneyDiscovery.TraceLink link = discovery.link(traceId);
            return link == null ? null : new TraceLookup.Link(link.journeyId(), link.failed());
        }, Year.now().getValue());
    }
}
