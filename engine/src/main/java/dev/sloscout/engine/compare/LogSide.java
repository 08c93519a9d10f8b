package dev.sloscout.engine.compare;

import dev.sloscout.engine.capsule.Capsule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * One side's log templates: per capsule (ids are content hashes, so both sides agree) its events, service, template,
 * the journeys it is linked to and a few trace ids; and the side's events in total.
 */
public record LogSide(Map<String, Template> capsules, long events) {
    public record Template(String service, String template, long events, List<String> journeys,
                           List<String> traceIds) {
    }

    public static LogSide of(List<Capsule> capsules) {
        return of(capsules, bucket -> true);
    }

    /**
     * Counts only the events in time buckets the predicate accepts (bucket start, epoch millis): one side of a split
     * in time, as exact as the capsules' bucket width.
     */
    public static LogSide of(List<Capsule> capsules, LongPredicate bucket) {
        Map<String, Template> out = new TreeMap<>();
        long total = 0;
        for (Capsule c : capsules) {
            long events = c.counts().isEmpty() ? c.count() : c.counts().entrySet().stream()
                    .filter(e -> bucket.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            if (c.counts().isEmpty() && !bucket.test(c.firstSeenMillis())) {
                events = 0;
            }
            if (events == 0) {
                continue;
            }
            total += events;
            out.put(c.id(), new Template(c.service(), c.template(), events, List.copyOf(c.journeys().keySet()),
                    c.traceIds().subList(0, Math.min(3, c.traceIds().size()))));
        }
        return new LogSide(out, total);
    }

    public static LogSide empty() {
        return new LogSide(Map.of(), 0);
    }
}
