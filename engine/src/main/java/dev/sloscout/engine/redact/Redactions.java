package dev.sloscout.engine.redact;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many secrets and pieces of personal data of each kind were redacted, per source. Thread-safe. */
public final class Redactions {
    private final Map<String, Map<String, LongAdder>> bySource = new ConcurrentHashMap<>();

    void count(String source, String kind) {
        bySource.computeIfAbsent(source, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Source, then kind, then count; sorted, a copy. */
    public SortedMap<String, SortedMap<String, Long>> snapshot() {
        SortedMap<String, SortedMap<String, Long>> out = new TreeMap<>();
        bySource.forEach((source, kinds) -> {
            SortedMap<String, Long> counts = new TreeMap<>();
            kinds.forEach((kind, n) -> counts.put(kind, n.sum()));
            out.put(source, counts);
        });
        return out;
    }

    /** All kinds over all sources. */
    public SortedMap<String, Long> totals() {
        SortedMap<String, Long> out = new TreeMap<>();
        bySource.values().forEach(kinds -> kinds.forEach((kind, n) -> out.merge(kind, n.sum(), Long::sum)));
        return out;
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }
}
