package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which journey each trace went to and whether it failed, for linking logs by trace id: an open-addressing table in one
 * primitive array, three longs per slot (the trace id's halves and the link), so a look-up touches one place in memory
 * and a trace costs about 48 bytes at half load instead of about 100 in a map of objects: two million links cost some
 * 100 MB rather than 200. Not thread-safe.
 */
final class TraceLinks {
    private static final int STRIDE = 3;
    private final int max;
    /** Per slot: high, low, then 0 when empty, else (journey index + 1) * 2 + failed. */
    private long[] table = new long[STRIDE << 12];
    private int size;
    private final List<String> journeys = new ArrayList<>();
    /** The journeys' ids, hashed once each (a link is asked for per trace and per log event). */
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> journeyIndex = new HashMap<>();
    /**
     * The slot of the last trace put, or -1: the analyses after the discovery ask for that trace's link at once, and
     * finding it again would be a second miss in a table far larger than the processor's caches.
     */
    private int lastPut = -1;

    TraceLinks(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Remembers the link unless {@code max} are remembered already; a trace seen again takes its newest link. */
    void put(TraceId trace, String journeyKey, boolean failed) {
        int at = find(table, trace.high(), trace.low());
        if (table[at + 2] == 0) {
            if (size >= max) {
                lastPut = -1;
                return;
            }
            if ((size + 1) * 2 > table.length / STRIDE) {
                grow();
                at = find(table, trace.high(), trace.low());
            }
            table[at] = trace.high();
            table[at + 1] = trace.low();
            size++;
        }
        int journey = journeyIndex.computeIfAbsent(journeyKey, k -> {
            journeys.add(k);
            ids.add(JourneyDiscovery.idOf(k));
            return journeys.size() - 1;
        });
        table[at + 2] = (journey + 1) * 2L + (failed ? 1 : 0);
        lastPut = at;
    }

    JourneyDiscovery.TraceLink get(TraceId trace) {
        int last = lastPut;
        int at = last >= 0 && table[last] == trace.high() && table[last + 1] == trace.low() ? last
                : find(table, trace.high(), trace.low());
        int v = (int) table[at + 2];
        return v == 0 ? null
                : new JourneyDiscovery.TraceLink(journeys.get(v / 2 - 1), (v & 1) == 1, ids.get(v / 2 - 1));
    }

    /** Where the trace's slot starts in the table, or the empty slot's where it would go (linear probing). */
    private static int find(long[] table, long h, long l) {
        int mask = table.length / STRIDE - 1;
        long mixed = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
        int at = ((int) (mixed ^ mixed >>> 32) & mask) * STRIDE;
        while (table[at + 2] != 0 && (table[at] != h || table[at + 1] != l)) {
            at += STRIDE;
            if (at == table.length) {
                at = 0;
            }
        }
        return at;
    }

    private void grow() {
        lastPut = -1;
        long[] old = table;
        table = new long[old.length * 2];
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + 2] != 0) {
                int slot = find(table, old[at], old[at + 1]);
                System.arraycopy(old, at, table, slot, STRIDE);
            }
        }
    }
}
