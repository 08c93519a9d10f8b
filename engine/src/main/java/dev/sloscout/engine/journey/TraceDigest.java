package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What journey discovery needs of one trace, worked out from that trace alone: its journey's key, its outcome, the
 * services its spans name with their span counts, the calls between different services (each with the called span's
 * duration and error), and its critical path. Made on any thread (by that thread's own {@link Maker}),
 * then added to a journey in order ({@link JourneyAccumulator#add(TraceDigest)}), which only counts: the tree walk, the
 * templates and the per-span look-ups are done here, so an assembly shard can do them. A trace added on the thread
 * that classified it skips the digest ({@link JourneyAccumulator#add(Classified)} walks the spans itself: on one
 * thread, the digest's arrays would only cost); {@code PreparedJourneysTest} holds the two ways to the same result.
 *
 * <p>Services are listed in the order a walk over the spans first names them (each span, then its children), the
 * order in which a journey at its bound of services decides which it still tells apart.
 */
final class TraceDigest {
    /** A trace that belongs to no journey (a late part, or no root in the input): its key is null. */
    static final TraceDigest PARTIAL = new TraceDigest(null, null, null, false, false, new String[0], new int[0],
            new int[0], new int[0], new int[0], new long[0], new boolean[0], null);
    /** Distinct services up to which a linear scan finds a span's service (further ones are hashed). */
    private static final int SCANNED_SERVICES = 16;

    final TraceId traceId;
    final JourneyKey key;
    final Span entry;
    final boolean failed;
    final boolean complete;
    /** Distinct services in the order the walk names them, and spans of each. */
    final String[] services;
    final int[] spansOfService;
    /** Calls into another service, grouped by (caller, callee) as indices into {@link #services}. */
    final int[] edgeFrom;
    final int[] edgeTo;
    /** For each cross-service call: its edge, the called span's duration in microseconds, and whether it failed. */
    final int[] callEdge;
    final long[] callMicros;
    final boolean[] callFailed;
    final JourneyAccumulator.PathParts criticalPath;

    private TraceDigest(TraceId traceId, JourneyKey key, Span entry, boolean failed, boolean complete,
            String[] services, int[] spansOfService, int[] edgeFrom, int[] edgeTo, int[] callEdge, long[] callMicros,
            boolean[] callFailed, JourneyAccumulator.PathParts criticalPath) {
        this.traceId = traceId;
        this.key = key;
        this.entry = entry;
        this.failed = failed;
        this.complete = complete;
        this.services = services;
        this.spansOfService = spansOfService;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.callEdge = callEdge;
        this.callMicros = callMicros;
        this.callFailed = callFailed;
        this.criticalPath = criticalPath;
    }

    /**
     * Makes digests on one thread: its own operation templates, and a walk whose arrays are kept from one trace to
     * the next (each digest gets copies of the used part, so they grow once, not per trace).
     */
    static final class Maker {
        private final OperationTemplates templates = new OperationTemplates();
        private final Walk walk = new Walk();

        /** The digest of one trace; {@link #PARTIAL} when it belongs to no journey. */
        TraceDigest of(Trace trace) {
            Classified found = classify(trace);
            if (found == null) {
                return PARTIAL;
            }
            Walk w = walk;
            w.walk(found.shape());
            return new TraceDigest(trace.traceId(), found.key(), found.entrySpan(), found.failed(), found.complete(),
                    Arrays.copyOf(w.services, w.serviceCount), Arrays.copyOf(w.spansOfService, w.serviceCount),
                    Arrays.copyOf(w.edgeFrom, w.edgeCount), Arrays.copyOf(w.edgeTo, w.edgeCount),
                    Arrays.copyOf(w.callEdge, w.callCount), Arrays.copyOf(w.callMicros, w.callCount),
                    Arrays.copyOf(w.callFailed, w.callCount), found.criticalPath());
        }

        /** A trace's shape, journey and outcome, or null when it belongs to no journey (a late part, no root). */
        Classified classify(Trace trace) {
            if (trace.completion() == Trace.Completion.LATE_PART) {
                return null;
            }
            TraceShape shape = new TraceShape(trace, templates);
            if (!shape.hasRoot()) {
                return null;
            }
            int entry = shape.entry();
            Span entrySpan = shape.span(entry);
            String operation = shape.template(entry);
            boolean byShape = templates.isGeneric(operation);
            List<String> calls = byShape ? List.copyOf(shape.outboundCalls(entry)) : List.of();
            JourneyKey key = new JourneyKey(entrySpan.serviceName(), operation, byShape, calls);
            boolean complete = shape.orphans() == 0 && trace.completion() != Trace.Completion.EVICTED;
            boolean failed = Spans.isError(entrySpan) || Spans.isError(shape.root());
            return new Classified(shape, entry, key, failed, complete);
        }
    }

    /** A trace seen as a tree, with its journey's key and its outcome: what either way of adding it starts from. */
    record Classified(TraceShape shape, int entry, JourneyKey key, boolean failed, boolean complete) {

        Span entrySpan() {
            return shape.span(entry);
        }

        JourneyAccumulator.PathParts criticalPath() {
            return pathOf(shape, shape.criticalPath(entry));
        }
    }

    /** A critical path as its steps' service and template strings. */
    private static JourneyAccumulator.PathParts pathOf(TraceShape shape, int[] steps) {
        String[] parts = new String[steps.length * 2];
        for (int i = 0; i < steps.length; i++) {
            parts[2 * i] = shape.span(steps[i]).serviceName();
            parts[2 * i + 1] = shape.template(steps[i]);
        }
        return new JourneyAccumulator.PathParts(parts);
    }

    /**
     * One pass over the spans (each, then its children): services named, and the calls between them. Reused from one
     * trace to the next on one thread.
     */
    private static final class Walk {
        String[] services = new String[16];
        int[] spansOfService = new int[16];
        int serviceCount;
        /** Services by name once there are more than a scan should look through. */
        Map<String, Integer> serviceIndex;
        int[] edgeFrom = new int[16];
        int[] edgeTo = new int[16];
        int edgeCount;
        /** Edges by (caller, callee) once there are more than a scan should look through. */
        Map<Long, Integer> edgeIndex;
        int[] callEdge = new int[64];
        long[] callMicros = new long[64];
        boolean[] callFailed = new boolean[64];
        int callCount;
        int[] serviceOfSpan = new int[256];

        void walk(TraceShape shape) {
            int n = shape.size();
            Arrays.fill(spansOfService, 0, serviceCount, 0);
            serviceCount = 0;
            edgeCount = 0;
            callCount = 0;
            serviceIndex = null;
            edgeIndex = null;
            if (serviceOfSpan.length < n) {
                serviceOfSpan = new int[Math.max(n, serviceOfSpan.length * 2)];
            }
            Arrays.fill(serviceOfSpan, 0, n, -1);
            for (int i = 0; i < n; i++) {
                int from = service(shape, i);
                for (int k = 0, count = shape.childCount(i); k < count; k++) {
                    int c = shape.child(i, k);
                    int to = service(shape, c);
                    if (to != from) {
                        call(edge(from, to), shape.span(c));
                    }
                }
            }
        }

        private int service(TraceShape shape, int span) {
            int known = serviceOfSpan[span];
            if (known >= 0) {
                return known;
            }
            String name = shape.span(span).serviceName();
            int index = indexOf(name);
            if (index < 0) {
                index = add(name);
            }
            spansOfService[index]++;
            serviceOfSpan[span] = index;
            return index;
        }

        private int indexOf(String name) {
            if (serviceIndex != null) {
                Integer index = serviceIndex.get(name);
                return index == null ? -1 : index;
            }
            for (int i = 0; i < serviceCount; i++) {
                if (services[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private int add(String name) {
            if (serviceCount == services.length) {
                services = Arrays.copyOf(services, serviceCount * 2);
                spansOfService = Arrays.copyOf(spansOfService, serviceCount * 2);
            }
            services[serviceCount] = name;
            if (serviceIndex != null) {
                serviceIndex.put(name, serviceCount);
            } else if (serviceCount == SCANNED_SERVICES) {
                serviceIndex = new HashMap<>();
                for (int i = 0; i <= serviceCount; i++) {
                    serviceIndex.put(services[i], i);
                }
            }
            return serviceCount++;
        }

        private int edge(int from, int to) {
            if (edgeIndex != null) {
                return edgeIndex.computeIfAbsent(((long) from << 32) | to, e -> addEdge(from, to));
            }
            for (int e = 0; e < edgeCount; e++) {
                if (edgeFrom[e] == from && edgeTo[e] == to) {
                    return e;
                }
            }
            int added = addEdge(from, to);
            if (edgeCount > SCANNED_SERVICES) {
                edgeIndex = new HashMap<>();
                for (int e = 0; e < edgeCount; e++) {
                    edgeIndex.put(((long) edgeFrom[e] << 32) | edgeTo[e], e);
                }
            }
            return added;
        }

        private int addEdge(int from, int to) {
            if (edgeCount == edgeFrom.length) {
                edgeFrom = Arrays.copyOf(edgeFrom, edgeCount * 2);
                edgeTo = Arrays.copyOf(edgeTo, edgeCount * 2);
            }
            edgeFrom[edgeCount] = from;
            edgeTo[edgeCount] = to;
            return edgeCount++;
        }

        private void call(int edge, Span called) {
            if (callCount == callEdge.length) {
                int grown = callCount * 2;
                callEdge = Arrays.copyOf(callEdge, grown);
                callMicros = Arrays.copyOf(callMicros, grown);
                callFailed = Arrays.copyOf(callFailed, grown);
            }
            callEdge[callCount] = edge;
            callMicros[callCount] = JourneyAccumulator.micros(called);
            callFailed[callCount] = Spans.isError(called);
            callCount++;
        }
    }
}
