package dev.sloscout.engine.compare;

import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.TraceListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One side of a comparison: per journey (as the discovery assigned each trace) how many traces and failures, a
 * sample of entry latencies, and per operation and per call edge inside the journey how often it appears, is where
 * a failure starts (it failed and nothing below it did), fans out and how much time it spends itself (its duration minus the time covered by its children). Fed after the
 * discovery saw each trace; {@code side} picks the traces of this side (all of them, or those of a time window).
 *
 * <p>Memory is bounded: latency and self-time samples are reservoirs, operations and edges per journey are capped
 * (further ones are counted as not tracked), the evidence is a few trace ids and one whole trace per journey.
 */
public final class Population implements TraceListener {
    static final int LATENCY_SAMPLE = 2_000;
    static final int SELF_TIME_SAMPLE = 500;
    static final int MAX_PER_JOURNEY = 200;
    static final int EVIDENCE = 3;

    private final JourneyDiscovery discovery;
    private final Predicate<Trace> side;
    private final Map<String, JourneyStats> journeys = new TreeMap<>();
    private long traces;
    private long untracked;

    public Population(JourneyDiscovery discovery, Predicate<Trace> side) {
        this.discovery = discovery;
        this.side = side;
    }

    /** Every trace the discovery sees. */
    public Population(JourneyDiscovery discovery) {
        this(discovery, trace -> true);
    }

    /** What one journey did on this side. */
    static final class JourneyStats {
        final String id;
        long traces;
        long errors;
        final Reservoir latencyMs;
        final Map<String, OperationStats> operations = new TreeMap<>();
        final Map<String, EdgeStats> edges = new TreeMap<>();
        final List<String> sampleTraces = new ArrayList<>(EVIDENCE);
        final List<String> errorTraces = new ArrayList<>(EVIDENCE);
        Trace representative;
        long untrackedOperations;

        JourneyStats(String id) {
            this.id = id;
            latencyMs = new Reservoir(LATENCY_SAMPLE, id.hashCode());
        }
    }

    /** An operation ({@code service: span name}) inside a journey. */
    static final class OperationStats {
        final String service;
        final String operation;
        long traces;
        long spans;
        long tracesFailing;
        final Reservoir selfMs;
        final List<String> evidence = new ArrayList<>(EVIDENCE);
        final List<String> failingEvidence = new ArrayList<>(EVIDENCE);

        OperationStats(String service, String operation, String journey) {
            this.service = service;
            this.operation = operation;
            selfMs = new Reservoir(SELF_TIME_SAMPLE, (journey + service + operation).hashCode());
        }
    }

    /** Calls from one service to another inside a journey. */
    static final class EdgeStats {
        long traces;
        long calls;
        final List<String> evidence = new ArrayList<>(EVIDENCE);
    }

    @Override
    public void onTrace(Trace trace) {
        JourneyDiscovery.TraceLink link = discovery.link(trace.traceId());
        if (link == null || !side.test(trace)) {
            if (link == null) {
                untracked++;
            }
            return;
        }
        traces++;
        String traceId = trace.traceId().toHex();
        JourneyStats journey = journeys.computeIfAbsent(link.journeyId(), JourneyStats::new);
        journey.traces++;
        if (link.failed()) {
            journey.errors++;
            keep(journey.errorTraces, traceId);
        }
        keep(journey.sampleTraces, traceId);
        if (journey.representative == null) {
            journey.representative = trace;
        }
        List<Span> spans = trace.spans();
        Trace.Index index = trace.index();
        int[] parents = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            parents[i] = index.parentIndex(i);
        }
        journey.latencyMs.add(entry(spans, parents).durationNanos() / 1e6);
        double[] self = selfTimesMs(spans, parents);
        boolean[] error = new boolean[spans.size()];
        boolean[] descendantFailed = new boolean[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            error[i] = Spans.isError(spans.get(i));
        }
        for (int i = 0; i < spans.size(); i++) {
            if (error[i]) {
                for (int up = parents[i], steps = 0; up >= 0 && !descendantFailed[up] && steps < spans.size();
                        up = parents[up], steps++) {
                    descendantFailed[up] = true;
                }
            }
        }
        Map<String, double[]> perOperation = new HashMap<>(); // spans, failing spans, self ms
        Map<String, Long> perEdge = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            double[] op = perOperation.computeIfAbsent(span.serviceName() + "\u0000" + span.name(),
                    k -> new double[3]);
            op[0]++;
            if (error[i] && !descendantFailed[i]) {
                op[1]++; // where the failure started: nothing below it failed
            }
            op[2] += self[i];
            if (parents[i] >= 0) {
                String from = spans.get(parents[i]).serviceName();
                if (!from.equals(span.serviceName())) {
                    perEdge.merge(from + " -> " + span.serviceName(), 1L, Long::sum);
                }
            }
        }
        perOperation.forEach((key, counts) -> {
            OperationStats op = journey.operations.get(key);
            if (op == null) {
                if (journey.operations.size() >= MAX_PER_JOURNEY) {
                    journey.untrackedOperations++;
                    return;
                }
                int cut = key.indexOf('\u0000');
                op = new OperationStats(key.substring(0, cut), key.substring(cut + 1), journey.id);
                journey.operations.put(key, op);
            }
            op.traces++;
            op.spans += (long) counts[0];
            op.selfMs.add(counts[2]);
            keep(op.evidence, traceId);
            if (counts[1] > 0) {
                op.tracesFailing++;
                keep(op.failingEvidence, traceId);
            }
        });
        perEdge.forEach((key, calls) -> {
            EdgeStats edge = journey.edges.get(key);
            if (edge == null) {
                if (journey.edges.size() >= MAX_PER_JOURNEY) {
                    return;
                }
                edge = new EdgeStats();
                journey.edges.put(key, edge);
            }
            edge.traces++;
            edge.calls += calls;
            keep(edge.evidence, traceId);
        });
    }

    /** The root span (the earliest one without a parent in the trace). */
    static Span entry(List<Span> spans, int[] parents) {
        Span entry = null;
        for (int i = 0; i < spans.size(); i++) {
            if (parents[i] < 0 && (entry == null || spans.get(i).startEpochNanos() < entry.startEpochNanos())) {
                entry = spans.get(i);
            }
        }
        return entry == null ? spans.get(0) : entry;
    }

    /** Each span's duration minus the union of its children's intervals inside it, in milliseconds. */
    static double[] selfTimesMs(List<Span> spans, int[] parents) {
        List<List<Integer>> children = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            children.add(null);
        }
        for (int i = 0; i < spans.size(); i++) {
            if (parents[i] >= 0) {
                if (children.get(parents[i]) == null) {
                    children.set(parents[i], new ArrayList<>(2));
                }
                children.get(parents[i]).add(i);
            }
        }
        double[] self = new double[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            long covered = 0;
            List<Integer> kids = children.get(i);
            if (kids != null) {
                long[][] intervals = new long[kids.size()][];
                for (int k = 0; k < kids.size(); k++) {
                    Span child = spans.get(kids.get(k));
                    intervals[k] = new long[] {Math.max(span.startEpochNanos(), child.startEpochNanos()),
                            Math.min(span.endEpochNanos(), child.endEpochNanos())};
                }
                Arrays.sort(intervals, (x, y) -> Long.compare(x[0], y[0]));
                long reach = span.startEpochNanos();
                for (long[] interval : intervals) {
                    long from = Math.max(interval[0], reach);
                    if (interval[1] > from) {
                        covered += interval[1] - from;
                        reach = interval[1];
                    }
                }
            }
            self[i] = Math.max(0, span.durationNanos() - covered) / 1e6;
        }
        return self;
    }

    private static void keep(List<String> kept, String traceId) {
        if (kept.size() < EVIDENCE && !kept.contains(traceId)) {
            kept.add(traceId);
        }
    }

    /** Traces of this side that were assigned to a journey. */
    public long traces() {
        return traces;
    }

    /** Traces the discovery did not link (beyond its bound of remembered traces, or not assigned). */
    public long untracked() {
        return untracked;
    }

    Map<String, JourneyStats> journeys() {
        return journeys;
    }

    /** The journey's first trace on this side, whole (for side-by-side waterfalls), or null. */
    public Trace representative(String journeyId) {
        JourneyStats stats = journeys.get(journeyId);
        return stats == null ? null : stats.representative;
    }

    /** The calls between services inside a journey on this side: {@code "from -> to"} to calls; empty if unseen. */
    public Map<String, Long> edges(String journeyId) {
        JourneyStats stats = journeys.get(journeyId);
        Map<String, Long> out = new TreeMap<>();
        if (stats != null) {
            stats.edges.forEach((key, edge) -> out.put(key, edge.calls));
        }
        return out;
    }

    /** Traces of a journey on this side (0 if unseen). */
    public long traces(String journeyId) {
        JourneyStats stats = journeys.get(journeyId);
        return stats == null ? 0 : stats.traces;
    }

    /** Ids of the journeys seen on this side. */
    public java.util.Set<String> journeyIds() {
        return java.util.Collections.unmodifiableSet(journeys.keySet());
    }
}
