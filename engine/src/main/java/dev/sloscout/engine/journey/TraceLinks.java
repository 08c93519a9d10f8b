package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which journey each trace went to and whether it failed, for linking logs by trace id: an open-addressing table of
 * primitive arrays (two longs and an int per trace, about 40 bytes at half load) instead of a map of objects (about
 * 100 bytes per trace), so two million links cost some 80 MB rather than 200. Not thread-safe.
 */
final class TraceLinks {
    private final int max;
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    /** Per slot: 0 empty, else (journey index + 1) * 2 + failed. */
    private int[] value = new int[1 << 12];
    private int size;
    private final List<String> journeys = new ArrayList<>();
    /** The journeys' ids, hashed once each (a link is asked for per trace and per log event). */
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> journeyIndex = new HashMap<>();

    TraceLinks(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Remembers the link unless {@code max} are remembered already; a trace seen again takes its newest link. */
    void put(TraceId trace, String journeyKey, boolean failed) {
        int slot = slot(trace.high(), trace.low());
        if (value[slot] == 0) {
            if (size >= max) {
                return;
            }
            if ((size + 1) * 2 > value.length) {
                grow();
                slot = slot(trace.high(), trace.low());
            }
            high[slot] = trace.high();
            low[slot] = trace.low();
            size++;
        }
        int journey = journeyIndex.computeIfAbsent(journeyKey, k -> {
            journeys.add(k);
            ids.add(JourneyDiscovery.idOf(k));
            return journeys.size() - 1;
        });
        value[slot] = (journey + 1) * 2 + (failed ? 1 : 0);
    }

    JourneyDiscovery.TraceLink get(TraceId trace) {
        int v = value[slot(trace.high(), trace.low())];
        return v == 0 ? null
                : new JourneyDiscovery.TraceLink(journeys.get(v / 2 - 1), (v & 1) == 1, ids.get(v / 2 - 1));
    }

    /** The slot holding the trace, or the empty slot where it would go (linear probing). */
    private int slot(long h, long l) {
        int mask = value.length - 1;
        long mixed = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
        int i = (int) (mixed ^ mixed >>> 32) & mask;
        while (value[i] != 0 && (high[i] != h || low[i] != l)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldValue = value;
        high = new long[oldValue.length * 2];
        low = new long[oldValue.length * 2];
        value = new int[oldValue.length * 2];
        for (int i = 0; i < oldValue.length; i++) {
            if (oldValue[i] != 0) {
                int slot = slot(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                value[slot] = oldValue[i];
            }
        }
    }
}
