package dev.sloscout.engine.capsule;

import dev.sloscout.engine.model.TraceId;

/** What the trace analysis knows of a trace id: its journey and whether it failed (null when unknown). */
@FunctionalInterface
public interface TraceLookup {
    TraceLookup NONE = id -> null;

    Link find(TraceId traceId);

    record Link(String journeyId, boolean failed) {
    }
}
