package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;

import java.util.Objects;

/**
 * Groups a stream of spans, in any order, into traces with bounded memory (a streaming accumulator in the manner of
 * Zipkin's DependencyLinker: feed spans, traces come out).
 *
 * <ul>
 *   <li>A trace is complete once its root arrived and it has been idle for {@link AssemblySettings#idleSpans()}
 *       spans, or at {@link #finish()}. Traces without a root wait until the end, or until memory runs short.</li>
 *   <li>Exact duplicates (same trace id, span id, kind, service, start) are counted once, also when they come
 *       after their trace was closed (within {@link AssemblySettings#rememberedSpans()}).</li>
 *   <li>The bounds are split over buckets of trace ids ({@link TraceBuckets}: as many as leave each room for one
 *       trace of the largest size, at most {@value TraceBuckets#MAX_BUCKETS}; 8 with the defaults). Past
 *       its share of {@link AssemblySettings#maxOpenSpans()} a bucket closes its least recently touched trace
 *       early, rootless ones first; spans that come for it later are handed on as a
 *       {@link Trace.Completion#LATE_PART}. So a {@link ShardedTraceAssembler} closes the same traces.</li>
 * </ul>
 * Not thread-safe: one pipeline stage owns it.
 */
public final class TraceAssembler implements SpanSink {
    static final int IDLE_CHECK_MASK = 1023;

    private final AssemblySettings settings;
    private final TraceBuckets buckets;
    private long tick;
    private long peakOpenSpans;

    public TraceAssembler(AssemblySettings settings, TraceListener listener) {
        this.settings = Objects.requireNonNull(settings);
        Objects.requireNonNull(listener);
        this.buckets = new TraceBuckets(settings, 0, 1, (trace, lastTick) -> listener.onTrace(trace));
    }

    @Override
    public void accept(Span span) {
        tick++;
        if (buckets.add(span, tick) && buckets.openSpans() > peakOpenSpans) {
            peakOpenSpans = buckets.openSpans();
        }
        if ((tick & IDLE_CHECK_MASK) == 0) {
            expireIdle();
        }
        buckets.evictOverBound();
    }

    /** Closes every rooted trace that has been idle long enough; rootless idle traces move aside to wait. */
    public void expireIdle() {
        expireUntouchedSince(tick - settings.idleSpans());
    }

    /** Spans accepted so far: a clock that only moves with input (live sources map wall time onto it). */
    public long tick() {
        return tick;
    }

    /**
     * As {@link #expireIdle()}, but for traces untouched since a given {@link #tick()}: a live stream that slows down
     * closes its traces after a quiet time, not only after enough other spans.
     */
    public void expireUntouchedSince(long idleBefore) {
        buckets.expireUntouchedSince(idleBefore);
    }

    /**
     * Closes traces that have waited for their root since before a given {@link #tick()} (late parts of closed traces,
     * and traces whose root never came): a live stream has no end of input to flush them. They close as
     * {@link Trace.Completion#EVICTED} (or as late parts), so a root that still comes later joins as a late part.
     */
    public void closeRootlessUntouchedSince(long idleBefore) {
        buckets.closeRootlessUntouchedSince(idleBefore);
    }

    /** End of input: closes every open trace, oldest first. */
    public void finish() {
        buckets.finish();
    }

    public AssemblyStats stats() {
        return new AssemblyStats(tick, buckets.duplicateSpans(), buckets.droppedSpans(), buckets.lateSpans(),
                buckets.evictedTraces(), peakOpenSpans);
    }

    /** Spans currently held in open traces. */
    public long openSpans() {
        return buckets.openSpans();
    }
}
