package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.parallel.Handoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * A {@link TraceAssembler} whose buckets are dealt over shard threads, and whose traces come out exactly as the
 * single-threaded assembler's do: the same traces, closed the same way, in the same order, whatever the number of
 * shards.
 *
 * <p>The feeding thread only numbers the spans (the tick) and deals them by trace id to their bucket's shard, in
 * epochs of {@value #EPOCH} ticks: the assembler's idle check runs every {@value #EPOCH} spans, so at an epoch's end
 * every shard runs it for its own buckets. Each shard assembles its spans ({@link TraceBuckets}: duplicates, bounds
 * and evictions are decided per bucket, so a bucket behaves the same whoever owns it) and hands back the traces it
 * closed in the epoch, each with its place in the canonical order (the tick it was closed at; idle closures before
 * evictions; then the tick of its last span or the eviction's rank). A merging thread takes every shard's epoch,
 * merges the shards' closures (each shard's list is in that order already) and hands them to the listener: the
 * listener runs on that one thread and sees one sequence, so it needs no locking. The most spans open at once is also kept exactly: each shard reports at which
 * ticks it added a span and at which it let spans go, and the merger replays the sum.
 *
 * <p>The feeder waits when a shard is several epochs behind, a shard when the merger is. A failure on a shard or in
 * the listener is thrown to the feeder at its next epoch or at {@link #finish()}.
 */
public final class ShardedTraceAssembler implements SpanSink, AutoCloseable {
    private static final int EPOCH = TraceAssembler.IDLE_CHECK_MASK + 1;
    private static final int EPOCHS_AHEAD = 8;

    private final int bucketBits;
    private final int shardMask;
    private final List<Handoff<Epoch>> shards = new ArrayList<>();
    private final List<BlockingQueue<EpochResult>> results = new ArrayList<>();
    private final Thread merger;
    private final Epoch[] filling;
    private volatile Throwable failure;
    private volatile AssemblyStats merged;
    private long tick;
    private boolean finished;

    /** The most shards these settings allow: one per bucket ({@link TraceBuckets#bucketCount}). */
    public static int maxShards(AssemblySettings settings) {
        return TraceBuckets.bucketCount(settings);
    }

    /**
     * @param shards   assembling threads: a power of two, at most {@link #maxShards}
     * @param listener takes every closed trace, in order, on the merging thread
     * @param name     prefix of the threads' names
     */
    public ShardedTraceAssembler(AssemblySettings settings, int shards, TraceListener listener, String name) {
        this(settings, shards, shard -> trace -> { }, listener, name);
    }

    /**
     * As above, with a listener of each shard's own: {@code onShard.apply(s)} (asked once per shard, here) takes
     * every trace shard {@code s} closes, on that shard's thread, before the merge. Its order is the shard's, not the
     * whole's: for analyses whose result does not depend on order (counts, sets), added up after {@link #finish()}.
     */
    public ShardedTraceAssembler(AssemblySettings settings, int shards, IntFunction<TraceListener> onShard,
            TraceListener listener, String name) {
        Objects.requireNonNull(listener);
        if (shards < 1 || Integer.bitCount(shards) != 1 || shards > maxShards(settings)) {
            throw new IllegalArgumentException("shards must be a power of two up to " + maxShards(settings)
                    + ", got " + shards);
        }
        this.shardMask = shards - 1;
        this.filling = new Epoch[shards];
        this.bucketBits = Integer.numberOfTrailingZeros(TraceBuckets.bucketCount(settings));
        for (int s = 0; s < shards; s++) {
            BlockingQueue<EpochResult> out = new ArrayBlockingQueue<>(EPOCHS_AHEAD);
            Shard shard = new Shard(settings, s, shards, Objects.requireNonNull(onShard.apply(s)), out);
            results.add(out);
            this.shards.add(new Handoff<>(shard::run, 1, name + "-shard-" + s));
            filling[s] = new Epoch(1, shards);
        }
        this.merger = new Thread(() -> merge(listener), name + "-merge");
        merger.setDaemon(true);
        merger.start();
    }

    @Override
    public void accept(Span span) {
        tick++;
        // Buckets are dealt round robin (bucket b to shard b mod shards), so the shard is the bucket's low bits.
        filling[TraceBuckets.bucketOf(span.traceId(), bucketBits) & shardMask].add(span, tick);
        if ((tick & TraceAssembler.IDLE_CHECK_MASK) == 0) {
            handOver(true, false);
        }
    }

    /** End of input: closes every open trace and waits until the listener has taken them all. */
    public void finish() {
        if (finished) {
            return;
        }
        handOver(false, true);
        finished = true;
        for (Handoff<Epoch> shard : shards) {
            shard.finish();
        }
        try {
            merger.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + merger.getName());
        }
        rethrow();
    }

    /** What one {@link TraceAssembler} would report, once {@link #finish()} returned. */
    public AssemblyStats stats() {
        AssemblyStats counts = merged;
        if (counts == null) {
            throw new IllegalStateException("the assembly has not finished");
        }
        return new AssemblyStats(tick, counts.duplicateSpans(), counts.droppedSpans(), counts.lateSpans(),
                counts.evictedTraces(), counts.peakOpenSpans());
    }

    /** Stops every thread without waiting for what is queued (after a failure elsewhere). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            for (Handoff<Epoch> shard : shards) {
                shard.close();
            }
            merger.interrupt();
        }
    }

    private void handOver(boolean idleCheck, boolean last) {
        rethrow();
        long end = tick;
        for (int s = 0; s < filling.length; s++) {
            Epoch epoch = filling[s];
            epoch.end = end;
            epoch.idleCheck = idleCheck;
            epoch.last = last;
            shards.get(s).accept(epoch);
            filling[s] = new Epoch(end + 1, filling.length);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** The merging thread: every shard's epoch, in order, closures merged into the canonical order. */
    private void merge(TraceListener listener) {
        List<List<Closed>> closed = new ArrayList<>();
        long[] releasedAt = new long[EPOCH];
        long open = 0;
        long peak = 0;
        try {
            while (true) {
                long[] added = new long[EPOCH / Long.SIZE];
                boolean last = false;
                long duplicates = 0;
                long dropped = 0;
                long late = 0;
                long evicted = 0;
                for (BlockingQueue<EpochResult> queue : results) {
                    EpochResult result = queue.take();
                    if (result.failure != null && failure == null) {
                        failure = result.failure;
                    }
                    closed.add(result.closed);
                    for (int w = 0; w < added.length; w++) {
                        added[w] |= result.added[w];
                    }
                    for (int i = 0; i < result.releasedCount; i++) {
                        releasedAt[result.releasedOffsets[i]] += result.releasedSpans[i];
                    }
                    last = result.last;
                    duplicates += result.duplicates;
                    dropped += result.dropped;
                    late += result.late;
                    evicted += result.evicted;
                }
                for (int offset = 0; offset < EPOCH; offset++) {
                    if ((added[offset >>> 6] & (1L << offset)) != 0 && ++open > peak) {
                        peak = open;
                    }
                    open -= releasedAt[offset];
                    releasedAt[offset] = 0;
                }
                if (failure == null) {
                    mergeInOrder(closed, listener);
                }
                closed.clear();
                if (last) {
                    merged = new AssemblyStats(0, duplicates, dropped, late, evicted, peak);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            drainUntilLast();
        }
    }

    /**
     * Hands the closures of every shard to the listener in the canonical order. Each shard's list is in that order
     * already ({@link TraceBuckets} sorts what closes at one tick when there is more than one bucket), so this is a
     * merge of sorted lists: comparisons between the shards' next closures only.
     */
    private static void mergeInOrder(List<List<Closed>> lists, TraceListener listener) {
        int[] next = new int[lists.size()];
        while (true) {
            int from = -1;
            Closed first = null;
            for (int s = 0; s < next.length; s++) {
                List<Closed> list = lists.get(s);
                if (next[s] < list.size() && (first == null || list.get(next[s]).before(first))) {
                    first = list.get(next[s]);
                    from = s;
                }
            }
            if (first == null) {
                return;
            }
            next[from]++;
            listener.onTrace(first.trace);
        }
    }

    /** After a failure in the listener: takes what the shards still hand back (so none waits) until the last epoch. */
    private void drainUntilLast() {
        try {
            while (true) {
                boolean last = false;
                for (BlockingQueue<EpochResult> queue : results) {
                    last = queue.take().last;
                }
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One assembling thread: its buckets, and the place in the canonical order of what they close. */
    private static final class Shard {
        private static final int IDLE = 0;
        private static final int EVICTED = 1;
        private static final int WAITING_AT_END = 0;
        private static final int OPEN_AT_END = 1;

        final long idleSpans;
        final TraceBuckets buckets;
        final TraceListener onShard;
        final BlockingQueue<EpochResult> out;
        EpochResult result;
        long closingTick;
        int phase;
        boolean ranked;
        long evictionRank;

        Shard(AssemblySettings settings, int shard, int shards, TraceListener onShard,
                BlockingQueue<EpochResult> out) {
            this.idleSpans = settings.idleSpans();
            this.buckets = new TraceBuckets(settings, shard, shards, this::closed);
            this.onShard = onShard;
            this.out = out;
        }

        private void closed(Trace trace, long lastTick) {
            // Every analysis asks for the parent lookup (journeys, orphan counts): built here, where the spans were
            // just touched, it is a fifth of the merging thread's work done on the shards instead.
            trace.index();
            onShard.onTrace(trace);
            result.closed.add(new Closed(trace, closingTick, phase, ranked ? evictionRank++ : lastTick));
        }

        void run(Epoch epoch) {
            result = new EpochResult(epoch.start, epoch.last);
            try {
                assemble(epoch);
            } catch (RuntimeException | Error e) {
                result.failure = e;
            }
            try {
                out.put(result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("assembly shard interrupted");
            }
        }

        private void assemble(Epoch epoch) {
            boolean checked = false;
            for (int i = 0; i < epoch.size; i++) {
                long tick = epoch.ticks[i];
                if (buckets.add(epoch.spans[i], tick)) {
                    int offset = (int) (tick - epoch.start);
                    result.added[offset >>> 6] |= 1L << offset;
                }
                long before = buckets.openSpans();
                if (epoch.idleCheck && tick == epoch.end) {
                    expireIdle(tick);
                    checked = true;
                }
                closingTick = tick;
                phase = EVICTED;
                ranked = true;
                evictionRank = 0;
                buckets.evictOverBound();
                ranked = false;
                result.released(tick, before - buckets.openSpans());
            }
            if (epoch.idleCheck && !checked) {
                long before = buckets.openSpans();
                expireIdle(epoch.end);
                result.released(epoch.end, before - buckets.openSpans());
            }
            if (epoch.last) {
                closingTick = Long.MAX_VALUE;
                phase = WAITING_AT_END;
                buckets.finishWaiting();
                phase = OPEN_AT_END;
                buckets.finishActive();
            }
            result.duplicates = buckets.duplicateSpans();
            result.dropped = buckets.droppedSpans();
            result.late = buckets.lateSpans();
            result.evicted = buckets.evictedTraces();
        }

        private void expireIdle(long tick) {
            closingTick = tick;
            phase = IDLE;
            buckets.expireUntouchedSince(tick - idleSpans);
        }
    }

    /** Spans for one shard in one epoch, with their ticks. */
    private static final class Epoch {
        final long start;
        Span[] spans;
        long[] ticks;
        int size;
        long end;
        boolean idleCheck;
        boolean last;

        Epoch(long start, int shards) {
            this.start = start;
            int capacity = EPOCH / shards + 64; // a shard gets about its share of an epoch; grown when it gets more
            this.spans = new Span[capacity];
            this.ticks = new long[capacity];
        }

        void add(Span span, long tick) {
            if (size == spans.length) {
                spans = Arrays.copyOf(spans, size * 2);
                ticks = Arrays.copyOf(ticks, size * 2);
            }
            spans[size] = span;
            ticks[size++] = tick;
        }
    }

    /** A trace closed on a shard, with its place in the canonical order. */
    private record Closed(Trace trace, long tick, int phase, long order) {
        boolean before(Closed other) {
            if (tick != other.tick) {
                return tick < other.tick;
            }
            return phase != other.phase ? phase < other.phase : order < other.order;
        }
    }

    /** What a shard did in one epoch. */
    private static final class EpochResult {
        final long start;
        final boolean last;
        final List<Closed> closed = new ArrayList<>();
        final long[] added = new long[EPOCH / Long.SIZE];
        int[] releasedOffsets = new int[4];
        long[] releasedSpans = new long[4];
        int releasedCount;
        long duplicates;
        long dropped;
        long late;
        long evicted;
        Throwable failure;

        EpochResult(long start, boolean last) {
            this.start = start;
            this.last = last;
        }

        void released(long tick, long spans) {
            if (spans == 0) {
                return;
            }
            if (releasedCount == releasedOffsets.length) {
                releasedOffsets = Arrays.copyOf(releasedOffsets, releasedCount * 2);
                releasedSpans = Arrays.copyOf(releasedSpans, releasedCount * 2);
            }
            releasedOffsets[releasedCount] = (int) (tick - start);
            releasedSpans[releasedCount++] = spans;
        }
    }
}
