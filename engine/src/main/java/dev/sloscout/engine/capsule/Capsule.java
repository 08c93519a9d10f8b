package dev.sloscout.engine.capsule;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A fingerprinted group of similar log events of one service: the template, how often and when it was seen, how
 * severe, redacted samples, and the traces (and through them the journeys) it appeared on.
 *
 * @param id                  content-addressed: the service and the template id
 * @param templateId          {@link TemplateIds} id of the template (the same template has the same id everywhere)
 * @param formerTemplateIds   ids the template had before it generalised (they point here)
 * @param template            the template, redacted
 * @param firstSeenMillis     earliest event time, {@link LogHeader#NO_TIME} when no event had a time
 * @param bucketMillis        width of the count buckets
 * @param counts              events per bucket, keyed by bucket start (epoch millis)
 * @param traceIds            some of the trace ids its events carried (hex, first seen first, bounded)
 * @param eventsWithTrace     events that carried a trace id
 * @param eventsOnErrorTraces of those, events on traces that failed
 * @param journeys            events per journey id, for events whose trace was assigned to a journey
 */
public record Capsule(String id, String templateId, List<String> formerTemplateIds, String service, String template,
        long count, Map<Severity, Long> severities, long firstSeenMillis, long lastSeenMillis, long bucketMillis,
        SortedMap<Long, Long> counts, List<Sample> samples, List<String> traceIds, long eventsWithTrace,
        long eventsOnErrorTraces, Map<String, Long> journeys) {

    /** True when most of its events that carry a trace id are on traces that failed. */
    public boolean mostlyOnErrorTraces() {
        return eventsWithTrace > 0 && eventsOnErrorTraces * 2 > eventsWithTrace;
    }

    /** The worst severity seen. */
    public Severity worstSeverity() {
        return severities.keySet().stream().max(Enum::compareTo).orElse(Severity.UNKNOWN);
    }

    /** One event as stored: its text redacted. */
    public record Sample(String source, long line, long epochMillis, Severity severity, String text, String traceId) {
    }
}
