package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A capsule as {@code analysis.json} shows it: times as ISO 8601 (null when unknown), counts as a list. */
public record CapsuleReport(String id, String templateId, List<String> formerTemplateIds, String service, String template,
        long count, Map<Severity, Long> severities, String firstSeen, String lastSeen, long bucketSeconds,
        List<Bucket> counts, List<Sample> samples, List<String> traceIds, long eventsWithTrace,
        long eventsOnErrorTraces, boolean mostlyOnErrorTraces, Map<String, Long> journeys) {

    public record Bucket(String start, long count) {
    }

    public record Sample(String source, long line, String time, Severity severity, String text, String traceId) {
    }

    public static CapsuleReport of(Capsule c) {
        return new CapsuleReport(c.id(), c.templateId(), c.formerTemplateIds(), c.service(), c.template(), c.count(),
                c.severities(), iso(c.firstSeenMillis()), iso(c.lastSeenMillis()), c.bucketMillis() / 1000,
                c.counts().entrySet().stream().map(e -> new Bucket(iso(e.getKey()), e.getValue())).toList(),
                c.samples().stream().map(s -> new Sample(s.source(), s.line(), iso(s.epochMillis()), s.severity(),
                        s.text(), s.traceId())).toList(),
                c.traceIds(), c.eventsWithTrace(), c.eventsOnErrorTraces(), c.mostlyOnErrorTraces(), c.journeys());
    }

    /** The same report with other samples (a stream job's record cuts long ones). */
    public CapsuleReport withSamples(List<Sample> replaced) {
        return new CapsuleReport(id, templateId, formerTemplateIds, service, template, count, severities, firstSeen,
                lastSeen, bucketSeconds, counts, replaced, traceIds, eventsWithTrace, eventsOnErrorTraces,
                mostlyOnErrorTraces, journeys);
    }

    /** The capsule this report describes (as a reader of a stream job's capsules topic rebuilds it). */
    public Capsule capsule() {
        java.util.SortedMap<Long, Long> buckets = new java.util.TreeMap<>();
        counts.forEach(b -> buckets.put(millis(b.start()), b.count()));
        return new Capsule(id, templateId, List.copyOf(formerTemplateIds), service, template, count,
                severities.isEmpty() ? Map.of()
                        : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(severities)),
                millis(firstSeen), millis(lastSeen), bucketSeconds * 1000,
                java.util.Collections.unmodifiableSortedMap(buckets),
                samples.stream().map(s -> new Capsule.Sample(s.source(), s.line(), millis(s.time()), s.severity(),
                        s.text(), s.traceId())).toList(), List.copyOf(traceIds), eventsWithTrace, eventsOnErrorTraces,
                Map.copyOf(journeys));
    }

    private static long millis(String iso) {
        return iso == null ? LogHeader.NO_TIME : Instant.parse(iso).toEpochMilli();
    }

    private static String iso(long millis) {
        return millis == LogHeader.NO_TIME ? null : Instant.ofEpochMilli(millis).toString();
    }
}
