package dev.sloscout.pipeline.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A stage's counters, kept in a state store of their own (one entry), so that they move with the partition and a
 * crash neither loses nor doubles a count: every change is written with the records it counts.
 */
final class Counters {
    private static final String KEY = "counters";
    private final KeyValueStore<String, byte[]> store;
    private final List<String> names;
    private final long[] values;

    Counters(KeyValueStore<String, byte[]> store, List<String> names) {
        this.store = store;
        this.names = List.copyOf(names);
        this.values = new long[names.size()];
        byte[] saved = store.get(KEY);
        if (saved != null) {
            long[] stored = Stages.longs(saved); // counters added since are at the end, starting from zero
            System.arraycopy(stored, 0, values, 0, Math.min(stored.length, values.length));
        }
    }

    void add(String name, long delta) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no counter " + name);
        }
        values[i] += delta;
    }

    /** Writes the counts to the store: call once per record processed (the store batches the writes). */
    void save() {
        store.put(KEY, Stages.bytes(values));
    }

    long get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no counter " + name);
        }
        return values[i];
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(names.get(i), values[i]);
        }
        return out;
    }
}
