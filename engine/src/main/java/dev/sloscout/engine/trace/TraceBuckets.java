package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of trace assembly, split into buckets by trace id. Each bucket holds its own traces (open, waiting for a
 * root, remembered after closing) and its share of the memory bounds, so what happens to a trace depends only on the
 * spans of its bucket and on the input position (the tick every span carries). Which thread owns which buckets
 * therefore changes nothing: {@link TraceAssembler} owns them all, each shard of a {@link ShardedTraceAssembler} owns
 * some, and both close the same traces at the same ticks.
 *
 * <p>Closed traces go to a {@link Closures} in a canonical order: at one tick, idle traces by their last span's tick
 * (ticks are unique, so this order is total), then the traces evicted for the span of that tick, least recently
 * touched first; at the end, traces waiting for their root, then the rest, each by their last span's tick. With one
 * bucket, closures at one tick come in the bucket's access order instead, as they always have.
 */
final class TraceBuckets {
    /** Buckets at most: the most shards one assembly can use. */
    static final int MAX_BUCKETS = 64;

    private static final Comparator<OpenTrace> BY_LAST_TICK = Comparator.comparingLong(trace -> trace.lastTick);

    /** Where a closed trace goes, with the tick of its last span (the order of closures at one tick). */
    interface Closures {
        void closed(Trace trace, long lastTick);
    }

    private final AssemblySettings settings;
    private final Closures closures;
    private final int bucketBits;
    private final Bucket[] buckets;
    private final List<Bucket> owned = new ArrayList<>();
    private final long maxOpenSpansPerBucket;
    private final List<OpenTrace> closing = new ArrayList<>();
    private Bucket lastAdded;

    private long openSpans;
    private long duplicateSpans;
    private long droppedSpans;
    private long lateSpans;
    private long evictedTraces;

    /** The buckets {@code shard}, {@code shard + shards}, ... of {@link #bucketCount}. */
    TraceBuckets(AssemblySettings settings, int shard, int shards, Closures closures) {
        this.settings = settings;
        this.closures = closures;
        int count = bucketCount(settings);
        if (shards < 1 || shards > count || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " of " + shards + " over " + count + " buckets");
        }
        this.bucketBits = Integer.numberOfTrailingZeros(count);
        this.maxOpenSpansPerBucket = settings.maxOpenSpans() / count;
        // at least one fingerprint per bucket when any are remembered at all
        long rememberedSpansPerBucket = settings.rememberedSpans() == 0 ? 0
                : Math.max(1, settings.rememberedSpans() / count);
        this.buckets = new Bucket[count];
        for (int b = shard; b < count; b += shards) {
            buckets[b] = new Bucket(rememberedSpansPerBucket);
            owned.add(buckets[b]);
        }
    }

    /**
     * How many buckets the bounds are split into: a power of two, at most {@value #MAX_BUCKETS}, and few enough that
     * a trace as large as {@link AssemblySettings#maxSpansPerTrace()} still fits its bucket's share of
     * {@link AssemblySettings#maxOpenSpans()}. It depends on the settings only, never on the number of threads.
     */
    static int bucketCount(AssemblySettings settings) {
        long fits = settings.maxOpenSpans() / settings.maxSpansPerTrace();
        return (int) Math.max(1, Long.highestOneBit(Math.min(MAX_BUCKETS, fits)));
    }

    /** The bucket of a trace id: high bits of a mix of the whole id (the maps inside use the low bits). */
    static int bucketOf(TraceId id, int bucketBits) {
        if (bucketBits == 0) {
            return 0;
        }
        long mixed = (id.high() ^ Long.rotateLeft(id.low(), 29)) * 0xBF58476D1CE4E5B9L;
        return (int) (mixed >>> (Long.SIZE - bucketBits));
    }

    /**
     * Adds a span at input position {@code tick}; false when it was a duplicate or over its trace's bound. Spans of
     * buckets this instance does not own must not come here.
     */
    boolean add(Span span, long tick) {
        TraceId id = span.traceId();
        long fingerprint = Spans.identityFingerprint(span);
        Bucket bucket = buckets[bucketOf(id, bucketBits)];
        // Spans of one trace usually arrive together: the last trace touched in the bucket is still its most recent
        // in access order, so it can be reused without a lookup. (Per bucket, not per instance: the access order of
        // a bucket must not depend on which other buckets its owner holds.)
        OpenTrace last = bucket.lastTouched;
        OpenTrace trace = last != null && last.id.equals(id) && last.open ? last : bucket.active.get(id);
        if (trace == null) {
            trace = bucket.waitingForRoot.isEmpty() ? null : bucket.waitingForRoot.remove(id);
            if (trace == null) {
                if (bucket.closed.isDuplicate(id, fingerprint)) {
                    duplicateSpans++;
                    return false;
                }
                trace = new OpenTrace(id, bucket, bucket.closed.contains(id));
            }
            bucket.active.put(id, trace);
        }
        if (trace.latePart && bucket.closed.isDuplicate(id, fingerprint)) {
            duplicateSpans++;
            return false;
        }
        if (!trace.fingerprints.add(fingerprint)) {
            duplicateSpans++;
            return false;
        }
        if (trace.spans.size() >= settings.maxSpansPerTrace()) {
            droppedSpans++;
            return false;
        }
        trace.spans.add(span);
        trace.lastTick = tick;
        bucket.lastTouched = trace;
        lastAdded = bucket;
        trace.rooted |= span.isRoot();
        if (trace.latePart) {
            lateSpans++;
        }
        bucket.openSpans++;
        openSpans++;
        return true;
    }

    /** Closes traces of the bucket the last span went to, least recently touched first, while it is over its bound. */
    void evictOverBound() {
        Bucket bucket = lastAdded;
        while (bucket != null && bucket.openSpans > maxOpenSpansPerBucket) {
            Map<TraceId, OpenTrace> from = bucket.waitingForRoot.isEmpty() ? bucket.active : bucket.waitingForRoot;
            Iterator<OpenTrace> it = from.values().iterator();
            OpenTrace victim = it.next();
            it.remove();
            evictedTraces++;
            close(victim, Trace.Completion.EVICTED);
        }
    }

    /**
     * Closes every rooted trace untouched since a given tick, in the order of their last spans; rootless ones move
     * aside to wait for their root.
     */
    void expireUntouchedSince(long idleBefore) {
        for (Bucket bucket : owned) {
            Iterator<OpenTrace> it = bucket.active.values().iterator();
            while (it.hasNext()) {
                OpenTrace trace = it.next();
                if (trace.lastTick > idleBefore) {
                    break; // access order: everything after this one is more recent
                }
                it.remove();
                if (trace.rooted) {
                    closing.add(trace);
                } else {
                    bucket.waitingForRoot.put(trace.id, trace);
                    if (bucket.lastTouched == trace) {
                        bucket.lastTouched = null; // it must come back through the lookup that moves it to the active map
                    }
                }
            }
        }
        closeInOrder(Trace.Completion.ROOT_IDLE);
    }

    /** Closes traces that have waited for their root since before a given tick, as evicted (or as late parts). */
    void closeRootlessUntouchedSince(long idleBefore) {
        for (Bucket bucket : owned) {
            Iterator<OpenTrace> it = bucket.waitingForRoot.values().iterator();
            while (it.hasNext()) {
                OpenTrace trace = it.next();
                if (trace.lastTick <= idleBefore) {
                    it.remove();
                    closing.add(trace);
                }
            }
        }
        closeInOrder(Trace.Completion.EVICTED);
    }

    /** End of input: closes the traces waiting for their root, then the others, each in the order of their last spans. */
    void finish() {
        finishWaiting();
        finishActive();
    }

    /** The first half of {@link #finish()}: the traces waiting for their root. */
    void finishWaiting() {
        closeAllOf(bucket -> bucket.waitingForRoot);
    }

    /** The second half of {@link #finish()}: the traces still open. */
    void finishActive() {
        closeAllOf(bucket -> bucket.active);
    }

    private void closeAllOf(Function<Bucket, Map<TraceId, OpenTrace>> traces) {
        for (Bucket bucket : owned) {
            Map<TraceId, OpenTrace> map = traces.apply(bucket);
            closing.addAll(map.values());
            map.clear();
        }
        closeInOrder(Trace.Completion.END_OF_INPUT);
    }

    private void closeInOrder(Trace.Completion completion) {
        if (buckets.length > 1) {
            closing.sort(BY_LAST_TICK);
        }
        for (OpenTrace trace : closing) {
            close(trace, completion);
        }
        closing.clear();
    }

    private void close(OpenTrace trace, Trace.Completion completion) {
        trace.open = false;
        openSpans -= trace.spans.size();
        trace.bucket.openSpans -= trace.spans.size();
        trace.bucket.closed.remember(trace.id, trace.fingerprints);
        if (!trace.spans.isEmpty()) {
            closures.closed(new Trace(trace.id, trace.spans, trace.latePart ? Trace.Completion.LATE_PART : completion),
                    trace.lastTick);
        }
    }

    long openSpans() {
        return openSpans;
    }

    long duplicateSpans() {
        return duplicateSpans;
    }

    long droppedSpans() {
        return droppedSpans;
    }

    long lateSpans() {
        return lateSpans;
    }

    long evictedTraces() {
        return evictedTraces;
    }

    private static final class Bucket {
        final LinkedHashMap<TraceId, OpenTrace> active = new LinkedHashMap<>(256, 0.75f, true);
        final LinkedHashMap<TraceId, OpenTrace> waitingForRoot = new LinkedHashMap<>();
        /** Fingerprints of closed traces, at most this bucket's share of the remembered spans. */
        final ClosedTraces closed;
        OpenTrace lastTouched;
        long openSpans;

        Bucket(long rememberedSpans) {
            this.closed = new ClosedTraces(rememberedSpans);
        }
    }

    private static final class OpenTrace {
        final TraceId id;
        final Bucket bucket;
        final boolean latePart;
        final ArrayList<Span> spans = new ArrayList<>(16);
        final LongHashSet fingerprints = new LongHashSet(16);
        boolean open = true;
        boolean rooted;
        long lastTick;

        OpenTrace(TraceId id, Bucket bucket, boolean latePart) {
            this.id = id;
            this.bucket = bucket;
            this.latePart = latePart;
        }
    }
}
