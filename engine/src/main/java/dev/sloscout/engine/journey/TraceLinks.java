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
 * 100 MB rather than 200. Puts come from one thread; look-ups may come from several at once once the puts are done
 * (log mining stages do that), and the first of them to need the table builds it under a lock.
 *
 * <p>Links are put once per trace, while look-ups come mostly later (for log events) or for the trace just put. So a
 * put only appends to a log, in order, and the table is built from the log when a look-up needs it (or when the log
 * holds {@code max} entries): puts cost no miss in a table larger than the processor's caches, and an analysis with
 * no logs never builds it. Replaying the log in order gives the table that putting directly would have. The log
 * holds at most {@code max} entries of 24 bytes before it is built (48 MB for two million), and shrinks after.
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
    /** Links put and not yet in the table, in order: high, low, link per entry, as in a slot. */
    private long[] log = new long[STRIDE << 10];
    private int logged;
    /** Whether the log holds links not in the table yet: read by look-ups on other threads without the lock. */
    private volatile boolean pending;
    /**
     * The last trace put and its link (0 when a full table did not keep it): the analyses after the discovery ask for
     * that trace's link at once.
     */
    private long lastHigh;
    private long lastLow;
    private long lastLink;

    TraceLinks(int max) {
        this.max = max;
    }

    int size() {
        buildIfPending();
        return size;
    }

    /** Remembers the link unless {@code max} are remembered already; a trace seen again takes its newest link. */
    void put(TraceId trace, String journeyKey, boolean failed) {
        int journey = journeyIndex.computeIfAbsent(journeyKey, k -> {
            journeys.add(k);
            ids.add(JourneyDiscovery.idOf(k));
            return journeys.size() - 1;
        });
        long link = (journey + 1) * 2L + (failed ? 1 : 0);
        if (logged * STRIDE == log.length) {
            log = java.util.Arrays.copyOf(log, log.length * 2);
        }
        int at = logged++ * STRIDE;
        log[at] = trace.high();
        log[at + 1] = trace.low();
        log[at + 2] = link;
        lastHigh = trace.high();
        lastLow = trace.low();
        lastLink = link;
        if (!pending) {
            pending = true; // a volatile write only when the flag changes, not per put
        }
        if (size + logged >= max) {
            // the log may hold traces seen before (the table counts distinct ones); a full table keeps no new one
            build();
            lastLink = table[find(table, trace.high(), trace.low()) + 2];
        }
    }

    /**
     * Builds the table if the log holds links: under the lock, so that concurrent look-ups build it once and see it
     * built (the flag is written after the table, read before it).
     */
    private void buildIfPending() {
        if (pending) {
            synchronized (this) {
                build();
            }
        }
    }

    /** Puts what the log holds into the table, in order. */
    private void build() {
        for (int e = 0; e < logged; e++) {
            int from = e * STRIDE;
            long high = log[from];
            long low = log[from + 1];
            int at = find(table, high, low);
            if (table[at + 2] == 0) {
                if (size >= max) {
                    continue;
                }
                if ((size + 1) * 2 > table.length / STRIDE) {
                    grow();
                    at = find(table, high, low);
                }
                table[at] = high;
                table[at + 1] = low;
                size++;
            }
            table[at + 2] = log[from + 2];
        }
        logged = 0;
        if (log.length > STRIDE << 10) {
            log = new long[STRIDE << 10];
        }
        pending = false;
    }

    JourneyDiscovery.TraceLink get(TraceId trace) {
        int v;
        if (lastLink != 0 && lastHigh == trace.high() && lastLow == trace.low()) {
            v = (int) lastLink;
        } else {
            buildIfPending();
            v = (int) table[find(table, trace.high(), trace.low()) + 2];
        }
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
