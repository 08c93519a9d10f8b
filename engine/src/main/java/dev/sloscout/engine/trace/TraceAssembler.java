package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>Past {@link AssemblySettings#maxOpenSpans()} the least recently touched trace is closed early, rootless
 *       ones first; spans that come for it later are handed on as a {@link Trace.Completion#LATE_PART}.</li>
 * </ul>
 * Not thread-safe: one pipeline stage owns it.
 */
public final class TraceAssembler implements SpanSink {
    private static final int IDLE_CHECK_MASK = 1023;

    private final AssemblySettings settings;
    private final TraceListener listener;
    private final LinkedHashMap<TraceId, OpenTrace> active = new LinkedHashMap<>(1024, 0.75f, true);
    private final LinkedHashMap<TraceId, OpenTrace> waitingForRoot = new LinkedHashMap<>();
    private final LinkedHashMap<TraceId, long[]> closed = new LinkedHashMap<>();
    private long rememberedFingerprints;
    private OpenTrace lastTouched;

    private long tick;
    private long openSpans;
    private long peakOpenSpans;
    private long duplicateSpans;
    private long droppedSpans;
    private long lateSpans;
    private long evictedTraces;

    public TraceAssembler(AssemblySettings settings, TraceListener listener) {
        this.settings = Objects.requireNonNull(settings);
        this.listener = Objects.requireNonNull(listener);
    }

    @Override
    public void accept(Span span) {
        tick++;
        TraceId id = span.traceId();
        long fingerprint = Spans.identityFingerprint(span);
        // Spans of one trace usually arrive together: the last trace touched is still the most recent in access
        // order, so it can be reused without a lookup.
        OpenTrace trace = lastTouched != null && lastTouched.id.equals(id) && lastTouched.open ? lastTouched : active.get(id);
        if (trace == null) {
            trace = waitingForRoot.isEmpty() ? null : waitingForRoot.remove(id);
            if (trace == null) {
                if (isClosedDuplicate(id, fingerprint)) {
                    duplicateSpans++;
                    return;
                }
                trace = new OpenTrace(id, closed.containsKey(id));
            }
            active.put(id, trace);
        }
        if (trace.latePart && isClosedDuplicate(id, fingerprint)) {
            duplicateSpans++;
            return;
        }
        if (!trace.fingerprints.add(fingerprint)) {
            duplicateSpans++;
            return;
        }
        if (trace.spans.size() >= settings.maxSpansPerTrace()) {
            droppedSpans++;
            return;
        }
        trace.spans.add(span);
        trace.lastTick = tick;
        lastTouched = trace;
        trace.rooted |= span.isRoot();
        if (trace.latePart) {
            lateSpans++;
        }
        if (++openSpans > peakOpenSpans) {
            peakOpenSpans = openSpans;
        }
        if ((tick & IDLE_CHECK_MASK) == 0) {
            expireIdle();
        }
        while (openSpans > settings.maxOpenSpans()) {
            evictOne();
        }
    }

    private boolean isClosedDuplicate(TraceId id, long fingerprint) {
        if (closed.isEmpty()) {
            return false;
        }
        long[] closedFingerprints = closed.get(id);
        return closedFingerprints != null && Arrays.binarySearch(closedFingerprints, fingerprint) >= 0;
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
        Iterator<Map.Entry<TraceId, OpenTrace>> it = active.entrySet().iterator();
        while (it.hasNext()) {
            OpenTrace trace = it.next().getValue();
            if (trace.lastTick > idleBefore) {
                break; // access order: everything after this one is more recent
            }
            it.remove();
            if (trace.rooted) {
                close(trace, Trace.Completion.ROOT_IDLE);
            } else {
                waitingForRoot.put(trace.id, trace);
                if (lastTouched == trace) {
                    lastTouched = null; // it must come back through the lookup that moves it to the active map
                }
            }
        }
    }

    /**
     * Closes traces that have waited for their root since before a given {@link #tick()} (late parts of closed traces,
     * and traces whose root never came): a live stream has no end of input to flush them. They close as
     * {@link Trace.Completion#EVICTED} (or as late parts), so a root that still comes later joins as a late part.
     */
    public void closeRootlessUntouchedSince(long idleBefore) {
        Iterator<Map.Entry<TraceId, OpenTrace>> it = waitingForRoot.entrySet().iterator();
        while (it.hasNext()) {
            OpenTrace trace = it.next().getValue();
            if (trace.lastTick > idleBefore) {
                continue;
            }
            it.remove();
            close(trace, Trace.Completion.EVICTED);
        }
    }

    /** End of input: closes every open trace, oldest first. */
    public void finish() {
        List<OpenTrace> remaining = new ArrayList<>(waitingForRoot.values());
        remaining.addAll(active.values());
        waitingForRoot.clear();
        active.clear();
        for (OpenTrace trace : remaining) {
            close(trace, Trace.Completion.END_OF_INPUT);
        }
    }

    public AssemblyStats stats() {
        return new AssemblyStats(tick, duplicateSpans, droppedSpans, lateSpans, evictedTraces, peakOpenSpans);
    }

    /** Spans currently held in open traces. */
    public long openSpans() {
        return openSpans;
    }

    private void evictOne() {
        Map<TraceId, OpenTrace> from = waitingForRoot.isEmpty() ? active : waitingForRoot;
        Iterator<OpenTrace> it = from.values().iterator();
        OpenTrace victim = it.next();
        it.remove();
        evictedTraces++;
        close(victim, Trace.Completion.EVICTED);
    }

    private void close(OpenTrace trace, Trace.Completion completion) {
        trace.open = false;
        openSpans -= trace.spans.size();
        remember(trace);
        if (!trace.spans.isEmpty()) {
            listener.onTrace(new Trace(trace.id, trace.spans, trace.latePart ? Trace.Completion.LATE_PART : completion));
        }
    }

    private void remember(OpenTrace trace) {
        if (settings.rememberedSpans() == 0) {
            return;
        }
        long[] fingerprints = trace.fingerprints.toSortedArray();
        long[] earlier = closed.remove(trace.id);
        if (earlier != null) {
            rememberedFingerprints -= earlier.length;
            long[] merged = Arrays.copyOf(earlier, earlier.length + fingerprints.length);
            System.arraycopy(fingerprints, 0, merged, earlier.length, fingerprints.length);
            Arrays.sort(merged);
            fingerprints = merged;
        }
        closed.put(trace.id, fingerprints);
        rememberedFingerprints += fingerprints.length;
        Iterator<long[]> it = closed.values().iterator();
        while (rememberedFingerprints > settings.rememberedSpans() && it.hasNext()) {
            rememberedFingerprints -= it.next().length;
            it.remove();
        }
    }

    private static final class OpenTrace {
        final TraceId id;
        final boolean latePart;
        final ArrayList<Span> spans = new ArrayList<>(16);
        final LongHashSet fingerprints = new LongHashSet(16);
        boolean open = true;
        boolean rooted;
        long lastTick;

        OpenTrace(TraceId id, boolean latePart) {
            this.id = id;
            this.latePart = latePart;
        }
    }
}
