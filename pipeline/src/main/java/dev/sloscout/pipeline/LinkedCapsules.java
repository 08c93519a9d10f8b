package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.redact.Redactor;

import java.time.Clock;

/** Capsules whose events are linked, by trace id, to the journeys and failures a trace analysis found. */
public final class LinkedCapsules {
    private LinkedCapsules() {
    }

    /** @param clock the present, for log sources of unknown age (the year of yearless timestamps comes from it) */
    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery, Clock clock) {
        return linkedTo(discovery, clock, new Redactor());
    }

    /** Capsules whose samples {@code redactor} redacts (and counts, per source). */
    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery, Clock clock, Redactor redactor) {
        return linkedTo(discovery, clock, redactor, CapsuleAccumulator.DEFAULT_MAX_SERVICES);
    }

    /** As above, mining at most {@code maxServices} log services apart. */
    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery, Clock clock, Redactor redactor,
            int maxServices) {
        return linkedTo(discovery, clock, redactor, maxServices,
                dev.sloscout.engine.capsule.TemplateMiner.DEFAULT_MAX_TEMPLATES);
    }

    /** As above, keeping at most {@code maxTemplates} templates apart per log service. */
    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery, Clock clock, Redactor redactor,
            int maxServices, int maxTemplates) {
        return linkedTo(discovery, clock, redactor, maxServices, maxTemplates, 1);
    }

    /**
     * As above, lines read and tokenized on {@code threads} threads (the capsules do not depend on the number). From
     * six threads on, services are mined on stages of their own that look trace links up concurrently: the discovery
     * must be done taking traces by then (as it is once a file analysis has read its trace files).
     */
    public static CapsuleAccumulator linkedTo(JourneyDiscovery discovery, Clock clock, Redactor redactor,
            int maxServices, int maxTemplates, int threads) {
        return new CapsuleAccumulator(redactor, traceId -> {
            JourneyDiscovery.TraceLink link = discovery.link(traceId);
            return link == null ? null : new TraceLookup.Link(link.journeyId(), link.failed());
        }, clock, maxServices, maxTemplates, threads);
    }
}
