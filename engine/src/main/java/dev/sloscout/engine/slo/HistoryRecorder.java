package dev.sloscout.engine.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Records events into fixed windows as they stream by, for one SLI's availability and its latency at every bound of
 * {@link LatencyBounds#ALL_MS}. Bounded: at most {@link #MAX_WINDOWS} windows (a year of 5-minute windows); events
 * beyond that span are counted as dropped.
 */
public final class HistoryRecorder {
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final int MAX_WINDOWS = 366 * 24 * 12;
    private static final long WINDOW_NANOS = WINDOW.toNanos();

    /** Per window: [total, errors, slowerThan(bound 0), slowerThan(bound 1), ...]. */
    private final Map<Long, long[]> windows = new HashMap<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long dropped;
    /** The window {@link #record} last counted in, and its counts (the same array as in {@link #windows}). */
    private long lastIndex = Long.MIN_VALUE;
    private long[] lastCounts;

    public void record(long epochNanos, boolean error, double latencyMs) {
        long index = windowIndex(epochNanos);
        if (index == lastIndex) {
            tally(lastCounts, error, latencyMs); // events come roughly in time order: mostly the window before
            return;
        }
        if (!windows.containsKey(index) && (Math.max(last, index) - Math.min(first, index) >= MAX_WINDOWS)) {
            dropped++;
            return;
        }
        lastCounts = windows.computeIfAbsent(index, i -> new long[COLUMNS]);
        lastIndex = index;
        tally(lastCounts, error, latencyMs);
        first = Math.min(first, index);
        last = Math.max(last, index);
    }

    /** Counts per window: total, errors, then slower than each bound of {@link LatencyBounds#ALL_MS}. */
    public static final int COLUMNS = 2 + LatencyBounds.ALL_MS.length;

    /** The window an event at this time falls in (windows since the epoch). */
    public static long windowIndex(long epochNanos) {
        return Math.floorDiv(epochNanos, WINDOW_NANOS);
    }

    /** Adds one event to a window's counts ({@link #COLUMNS} of them). */
    public static void tally(long[] counts, boolean error, double latencyMs) {
        counts[0]++;
        if (error) {
            counts[1]++;
        }
        for (int b = 0; b < LatencyBounds.ALL_MS.length; b++) {
            if (latencyMs > LatencyBounds.ALL_MS[b]) {
                counts[2 + b]++;
            } else {
                break; // bounds are sorted: faster than this one means faster than all above it
            }
        }
    }

    /**
     * Adds a window's counts (as {@link #tally} makes them), from another recorder or another machine; a window
     * beyond the year kept is counted as dropped, as {@link #record} does.
     */
    public void add(long index, long[] counts) {
        if (counts.length != COLUMNS) {
            throw new IllegalArgumentException("a window has " + COLUMNS + " counts, got " + counts.length);
        }
        if (!windows.containsKey(index) && (Math.max(last, index) - Math.min(first, index) >= MAX_WINDOWS)) {
            dropped += counts[0];
            return;
        }
        long[] mine = windows.computeIfAbsent(index, i -> new long[COLUMNS]);
        for (int c = 0; c < COLUMNS; c++) {
            mine[c] += counts[c];
        }
        first = Math.min(first, index);
        last = Math.max(last, index);
    }

    /** Adds everything another recorder holds. */
    public void merge(HistoryRecorder other) {
        other.windows.forEach(this::add);
        dropped += other.dropped;
    }

    /** The windows recorded, by index, each a copy of its counts. */
    public java.util.SortedMap<Long, long[]> windows() {
        java.util.SortedMap<Long, long[]> out = new java.util.TreeMap<>();
        windows.forEach((index, counts) -> out.put(index, counts.clone()));
        return out;
    }

    /** An independent copy: a live analysis hands out snapshots while it goes on recording. */
    public HistoryRecorder copy() {
        HistoryRecorder copy = new HistoryRecorder();
        windows.forEach((index, counts) -> copy.windows.put(index, counts.clone()));
        copy.first = first;
        copy.last = last;
        copy.dropped = dropped;
        return copy;
    }

    public long dropped() {
        return dropped;
    }

    /** Availability: bad = failed requests. */
    public History availability() {
        return history(1);
    }

    /** Latency at a bound of {@link LatencyBounds#ALL_MS}: bad = requests slower than it. */
    public History latency(double boundMs) {
        int b = Arrays.binarySearch(LatencyBounds.ALL_MS, boundMs);
        if (b < 0) {
            throw new IllegalArgumentException(boundMs + " ms is not a recorded bound");
        }
        return history(2 + b);
    }

    private History history(int column) {
        if (windows.isEmpty()) {
            return new History(Instant.EPOCH, WINDOW, new long[0], new long[0]);
        }
        int n = (int) (last - first + 1);
        long[] total = new long[n];
        long[] bad = new long[n];
        for (Map.Entry<Long, long[]> window : windows.entrySet()) {
            int i = (int) (window.getKey() - first);
            total[i] = window.getValue()[0];
            bad[i] = window.getValue()[column];
        }
        return new History(Instant.ofEpochSecond(first * WINDOW.toSeconds()), WINDOW, total, bad);
    }
}
