package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.TraceId;

import java.util.Arrays;

/**
 * The span fingerprints of a bucket's closed traces, so that exact duplicates coming after their trace closed are still
 * recognised, and spans of a closed trace start a late part. Traces are forgotten oldest first (a trace remembered
 * again counts from then) once more than {@code bound} fingerprints are kept.
 *
 * <p>All in primitive arrays, nothing allocated per trace: the traces in the order they were remembered (an id, where
 * their fingerprints start and how many), their sorted fingerprints one after another in one pool, and an
 * open-addressing table from trace id to record. Forgotten and superseded records leave garbage behind; when an array
 * is full, what is still remembered is copied to the front of new arrays (sized twice that), so each record and
 * fingerprint is copied a bounded number of times on average. A map of ids to {@code long[]} costs an entry, an array
 * and their eviction per closed trace, which kept the collector busy: these records live for two million spans.
 */
final class ClosedTraces {
    private static final int SUPERSEDED = -1;

    private final long bound;
    /** Records from {@code head} to {@code count}, oldest first. */
    private long[] highs;
    private long[] lows;
    private int[] starts;
    /** Fingerprints per record; {@link #SUPERSEDED} when its trace was remembered again later (or forgotten). */
    private int[] lengths;
    private int head;
    private int count;
    private int live;
    private long[] fingerprints;
    private int used;
    private long remembered;
    /** Record index + 1 per slot; 0 when empty. Linear probing, deletion by shifting back. */
    private int[] slots;

    ClosedTraces(long bound) {
        this.bound = bound;
        allocate(16, 64);
    }

    boolean isEmpty() {
        return live == 0;
    }

    /** Whether the trace is remembered. */
    boolean contains(TraceId id) {
        return find(id.high(), id.low()) >= 0;
    }

    /** Whether the remembered trace {@code id} had a span of this fingerprint. */
    boolean isDuplicate(TraceId id, long fingerprint) {
        int record = find(id.high(), id.low());
        return record >= 0
                && Arrays.binarySearch(fingerprints, starts[record], starts[record] + lengths[record], fingerprint) >= 0;
    }

    /**
     * Remembers a closed trace's fingerprints (with those of its earlier parts), then forgets past the bound; nothing
     * when the bound is 0.
     */
    void remember(TraceId id, LongHashSet traceFingerprints) {
        if (bound == 0) {
            return;
        }
        int earlier = find(id.high(), id.low());
        int earlierLength = earlier < 0 ? 0 : lengths[earlier];
        int length = earlierLength + traceFingerprints.size();
        if (count == highs.length || used + length > fingerprints.length) {
            compact(length);
            earlier = find(id.high(), id.low());
        }
        int start = used;
        if (earlier >= 0) {
            System.arraycopy(fingerprints, starts[earlier], fingerprints, start, earlierLength);
            forget(earlier);
        }
        traceFingerprints.copyTo(fingerprints, start + earlierLength);
        Arrays.sort(fingerprints, start, start + length);
        used += length;
        int record = count++;
        highs[record] = id.high();
        lows[record] = id.low();
        starts[record] = start;
        lengths[record] = length;
        insert(record);
        live++;
        remembered += length;
        while (remembered > bound && head < count) {
            if (lengths[head] != SUPERSEDED) {
                forget(head);
            }
            head++;
        }
    }

    private void forget(int record) {
        remove(record);
        remembered -= lengths[record];
        lengths[record] = SUPERSEDED;
        live--;
    }

    /** Copies what is remembered to the front of new arrays with room for one more record of {@code length}. */
    private void compact(int length) {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int[] oldStarts = starts;
        int[] oldLengths = lengths;
        long[] oldFingerprints = fingerprints;
        int oldHead = head;
        int oldCount = count;
        allocate(Math.max(16, 2 * (live + 1)), (int) Math.max(64, 2 * (remembered + length)));
        for (int r = oldHead; r < oldCount; r++) {
            if (oldLengths[r] == SUPERSEDED) {
                continue;
            }
            System.arraycopy(oldFingerprints, oldStarts[r], fingerprints, used, oldLengths[r]);
            highs[count] = oldHighs[r];
            lows[count] = oldLows[r];
            starts[count] = used;
            lengths[count] = oldLengths[r];
            used += oldLengths[r];
            insert(count++);
        }
    }

    private void allocate(int records, int pool) {
        highs = new long[records];
        lows = new long[records];
        starts = new int[records];
        lengths = new int[records];
        fingerprints = new long[pool];
        slots = new int[Integer.highestOneBit(records) << 2]; // at most half full before the next compaction
        head = 0;
        count = 0;
        used = 0;
    }

    private int home(long high, long low) {
        long mixed = high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed ^ mixed >>> 32) & (slots.length - 1);
    }

    /** The record of a remembered trace, or -1. */
    private int find(long high, long low) {
        if (live == 0) {
            return -1; // the common case early on and with nothing remembered: no hash
        }
        int mask = slots.length - 1;
        for (int i = home(high, low); slots[i] != 0; i = (i + 1) & mask) {
            int record = slots[i] - 1;
            if (highs[record] == high && lows[record] == low) {
                return record;
            }
        }
        return -1;
    }

    private void insert(int record) {
        int mask = slots.length - 1;
        int i = home(highs[record], lows[record]);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = record + 1;
    }

    /** Takes the record out of the table, shifting back the entries after it that would no longer be found. */
    private void remove(int record) {
        int mask = slots.length - 1;
        int gap = home(highs[record], lows[record]);
        while (slots[gap] != record + 1) {
            gap = (gap + 1) & mask;
        }
        for (int j = (gap + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int other = slots[j] - 1;
            int want = home(highs[other], lows[other]);
            // the entry at j may fill the gap unless its home lies cyclically after the gap, up to j
            boolean staysPut = gap <= j ? gap < want && want <= j : gap < want || want <= j;
            if (!staysPut) {
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = 0;
    }
}
