package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.DataStrings;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.slo.HistoryRecorder;
import org.HdrHistogram.Histogram;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The running statistics of one journey: counts, histograms, edges, critical paths and a few samples. */
final class JourneyAccumulator {
    private static final int SAMPLES = 5;
    private static final int MAX_PATHS = 200;
    /** Services told apart in one journey's service list and call edges; spans of further ones are counted together. */
    static final int MAX_SERVICES = 500;
    /** Slots of the table of edges asked lately (a power of two). */
    private static final int RECENT_EDGES = 64;
    /** The name standing for the services of a journey beyond {@link #MAX_SERVICES}. */
    public static final String OTHER_SERVICES = "(other services)";
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String key;
    private final String service;
    private final String operation;
    private final boolean namedByShape;
    private final TreeSet<String> calls;
    private final Histogram latencyMicros = new Histogram(SIGNIFICANT_DIGITS);
    /** The services told apart; unordered (asked per span), sorted where listed ({@link #sortedServices}). */
    private final Set<String> services = new HashSet<>();
    /** Calls by caller, then callee; unordered (looked up per span), sorted where listed ({@link #sortedEdges}). */
    private final Map<String, Map<String, EdgeAccumulator>> edges = new HashMap<>();
    private final Map<List<String>, long[]> criticalPaths = new HashMap<>();
    /** The counters of {@link #criticalPaths} by their paths' parts, so counting a known path builds no strings. */
    private final Map<PathParts, long[]> pathsByParts = new HashMap<>();
    private final List<String> samples = new ArrayList<>(SAMPLES);
    private final List<String> errorSamples = new ArrayList<>(SAMPLES);
    private final HistoryRecorder history = new HistoryRecorder();
    /**
     * Edges looked up lately, by their two service strings themselves (see {@link #recentEdge}); made with the second
     * trace, so that a journey of one trace (as a distributed analysis makes per trace) does without.
     */
    private String[] recentFrom;
    private String[] recentTo;
    private EdgeAccumulator[] recentEdges;
    private String httpRoute;
    private String httpMethod;
    /** The first entry span's name as a template (what span metrics label the entry by). */
    private String spanName;
    /** The first entry span's kind (span metrics label it too: a consumer's journey is no server's). */
    private SpanKind spanKind;
    private long traces;
    private long errorTraces;
    private long completeTraces;
    private long spansOfOtherServices;

    JourneyAccumulator(String key, String service, String operation, boolean namedByShape, TreeSet<String> calls) {
        this.key = key;
        this.service = service;
        this.operation = operation;
        this.namedByShape = namedByShape;
        this.calls = calls;
    }

    /** What every trace adds, whichever way it comes: counts, the entry's latency and history, samples. */
    private void countTrace(Span entrySpan, TraceId traceId, boolean failed, boolean complete) {
        traces++;
        if (complete) {
            completeTraces++;
        }
        latencyMicros.recordValue(micros(entrySpan));
        history.record(entrySpan.startEpochNanos(), failed, entrySpan.durationNanos() / 1e6);
        if (httpRoute == null) {
            httpRoute = entrySpan.attributes().get(SpanAttributes.HTTP_ROUTE);
            httpMethod = entrySpan.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD);
        }
        if (spanName == null) { // a name that is the operation (GET /r1/items, from its route) stays as it is
            String name = entrySpan.name();
            spanName = name.equals(operation) ? operation : OperationNames.normalise(name);
            spanKind = entrySpan.kind();
        }
        if (failed) {
            errorTraces++;
            if (errorSamples.size() < SAMPLES) {
                errorSamples.add(traceId.toHex());
            }
        }
        if (samples.size() < SAMPLES) {
            samples.add(traceId.toHex());
        }
    }

    /** A span's duration as the latency histograms record it: microseconds, never negative. */
    static long micros(Span span) {
        return Math.max(0, span.durationNanos() / 1000);
    }

    /** Adds one trace of this journey, walking its spans. */
    void add(TraceDigest.Classified trace) {
        TraceShape shape = trace.shape();
        countTrace(trace.entrySpan(), shape.trace().traceId(), trace.failed(), trace.complete());
        String[] serviceOfSpan = new String[shape.size()];
        for (int i = 0; i < shape.size(); i++) {
            String from = service(shape, i, serviceOfSpan);
            for (int k = 0, count = shape.childCount(i); k < count; k++) {
                int c = shape.child(i, k);
                String to = service(shape, c, serviceOfSpan);
                if (!to.equals(from)) {
                    Span called = shape.span(c);
                    recentEdge(from, to).add(micros(called), Spans.isError(called));
                }
            }
        }
        countCriticalPath(trace.criticalPath());
    }

    /** The span's service as this journey tells it apart, resolved once per span of the trace (in visiting order). */
    private String service(TraceShape shape, int span, String[] resolved) {
        String service = resolved[span];
        if (service == null) {
            service = serviceOf(shape.span(span).serviceName(), 1);
            resolved[span] = service;
        }
        return service;
    }

    /**
     * Adds one trace of this journey from its digest (made on another thread): only counting, the per-span work was
     * done by the digest.
     */
    void add(TraceDigest trace) {
        countTrace(trace.entry, trace.traceId, trace.failed, trace.complete);
        // the digest lists services in the order a walk over the spans names them, the order serviceOf must see
        String[] told = new String[trace.services.length];
        for (int s = 0; s < told.length; s++) {
            told[s] = serviceOf(trace.services[s], trace.spansOfService[s]);
        }
        EdgeAccumulator[] edgeOf = new EdgeAccumulator[trace.edgeFrom.length];
        for (int e = 0; e < edgeOf.length; e++) {
            String from = told[trace.edgeFrom[e]];
            String to = told[trace.edgeTo[e]];
            edgeOf[e] = from.equals(to) ? null : edge(from, to); // two services past the bound are one
        }
        for (int c = 0; c < trace.callEdge.length; c++) {
            EdgeAccumulator edge = edgeOf[trace.callEdge[c]];
            if (edge != null) {
                edge.add(trace.callMicros[c], trace.callFailed[c]);
            }
        }
        countCriticalPath(trace.criticalPath);
    }

    /**
     * The edge's accumulator, asked per call of every trace: first in a small table of the edges asked lately, by the
     * very strings that named them (a decoder hands out one string per service name, so a journey's calls keep
     * naming theirs with the same few), then in the map. A hit costs two comparisons instead of two map look-ups;
     * equal strings that are not the same object only miss, and an edge is the same object in both.
     */
    private EdgeAccumulator recentEdge(String from, String to) {
        if (recentEdges == null) {
            if (traces < 2) {
                return edge(from, to);
            }
            recentFrom = new String[RECENT_EDGES];
            recentTo = new String[RECENT_EDGES];
            recentEdges = new EdgeAccumulator[RECENT_EDGES];
        }
        int slot = (from.hashCode() * 31 + to.hashCode()) & (RECENT_EDGES - 1);
        if (recentFrom[slot] == from && recentTo[slot] == to) {
            return recentEdges[slot];
        }
        EdgeAccumulator edge = edge(from, to);
        recentFrom[slot] = from;
        recentTo[slot] = to;
        recentEdges[slot] = edge;
        return edge;
    }

    /** The edge's accumulator, made when first called (look-ups with no lambda to allocate: asked per edge and trace). */
    private EdgeAccumulator edge(String from, String to) {
        Map<String, EdgeAccumulator> callees = edges.get(from);
        if (callees == null) {
            callees = new HashMap<>();
            edges.put(from, callees);
        }
        EdgeAccumulator edge = callees.get(to);
        if (edge == null) {
            edge = new EdgeAccumulator(from, to);
            callees.put(to, edge);
        }
        return edge;
    }

    private List<String> sortedServices() {
        return services.stream().sorted().toList();
    }

    /** The edges ordered by caller, then callee: how reports and snapshots list them, whatever order they came in. */
    private List<EdgeAccumulator> sortedEdges() {
        return edges.values().stream().flatMap(to -> to.values().stream())
                .sorted(Comparator.comparing((EdgeAccumulator e) -> e.from).thenComparing(e -> e.to)).toList();
    }

    /**
     * Counts the path under its text ({@code "service template"} per step), looked up first by the steps' own
     * strings: a trace's path is nearly always one seen before, and its text need not be built to find it.
     */
    private void countCriticalPath(PathParts key) {
        long[] count = pathsByParts.get(key);
        if (count == null) {
            List<String> signature = key.text();
            count = criticalPaths.get(signature);
            if (count == null) {
                if (criticalPaths.size() >= MAX_PATHS) {
                    return; // past the bound no path is added again, so an unseen one stays uncounted
                }
                count = new long[1];
                criticalPaths.put(signature, count);
            }
            if (pathsByParts.size() < MAX_PATHS) {
                pathsByParts.put(key, count);
            }
        }
        count[0]++;
    }

    /**
     * A critical path as its steps' service and template strings (two per step), hashed from their (cached) hash
     * codes.
     */
    static final class PathParts {
        private final String[] parts;
        private final int hash;

        PathParts(String[] parts) {
            this.parts = parts;
            this.hash = Arrays.hashCode(parts);
        }

        /** The path's text: {@code "service template"} per step. */
        List<String> text() {
            String[] path = new String[parts.length / 2];
            for (int i = 0; i < path.length; i++) {
                path[i] = parts[2 * i] + " " + parts[2 * i + 1];
            }
            return List.of(path);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PathParts p && p.hash == hash && Arrays.equals(p.parts, parts);
        }
    }

    /**
     * Adds another accumulator of the same journey (the same key): counts, histograms and histories add up exactly;
     * services, edges and critical paths are joined within their bounds; samples are topped up from the other's.
     */
    void merge(JourneyAccumulator other) {
        if (!other.key.equals(key)) {
            throw new IllegalArgumentException("cannot merge journey " + other.key + " into " + key);
        }
        traces += other.traces;
        errorTraces += other.errorTraces;
        completeTraces += other.completeTraces;
        spansOfOtherServices += other.spansOfOtherServices;
        latencyMicros.add(other.latencyMicros);
        history.merge(other.history);
        if (httpRoute == null) {
            httpRoute = other.httpRoute;
            httpMethod = other.httpMethod;
        }
        if (spanName == null) {
            spanName = other.spanName;
        }
        if (spanKind == null) {
            spanKind = other.spanKind;
        }
        for (String name : other.sortedServices()) {
            if (name.equals(OTHER_SERVICES) || services.size() < MAX_SERVICES) {
                services.add(name);
            } else if (!services.contains(name)) {
                services.add(OTHER_SERVICES);
            }
        }
        other.edges.forEach((from, to) -> to.forEach((target, edge) -> edge(from, target).merge(edge)));
        for (Map.Entry<List<String>, long[]> path : other.criticalPaths.entrySet()) {
            long[] count = criticalPaths.get(path.getKey());
            if (count != null) {
                count[0] += path.getValue()[0];
            } else if (criticalPaths.size() < MAX_PATHS) {
                criticalPaths.put(path.getKey(), path.getValue().clone());
            }
        }
        topUp(samples, other.samples);
        topUp(errorSamples, other.errorSamples);
    }

    private static void topUp(List<String> samples, List<String> more) {
        for (String sample : more) {
            if (samples.size() >= SAMPLES) {
                return;
            }
            if (!samples.contains(sample)) {
                samples.add(sample);
            }
        }
    }

    private static final byte FORMAT = 4;
    /** State written before the entry's span kind was kept (read back without it). */
    private static final byte FORMAT_WITHOUT_SPAN_KIND = 3;
    /** State written before the entry's span name was kept (read back without it, nor its kind). */
    private static final byte FORMAT_WITHOUT_SPAN_NAME = 2;

    /**
     * Everything but the history (which a distributed analysis keeps in windows of its own), as bytes that
     * {@link #read} turns back into an equal accumulator.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeByte(FORMAT);
        DataStrings.write(out, key);
        DataStrings.write(out, service);
        DataStrings.write(out, operation);
        out.writeBoolean(namedByShape);
        writeStrings(out, calls);
        out.writeLong(traces);
        out.writeLong(errorTraces);
        out.writeLong(completeTraces);
        out.writeLong(spansOfOtherServices);
        writeNullable(out, httpRoute);
        writeNullable(out, httpMethod);
        writeNullable(out, spanName);
        writeNullable(out, spanKind == null ? null : spanKind.name());
        writeHistogram(out, latencyMicros);
        writeStrings(out, sortedServices());
        List<EdgeAccumulator> all = sortedEdges();
        out.writeInt(all.size());
        for (EdgeAccumulator edge : all) {
            edge.write(out);
        }
        out.writeInt(criticalPaths.size());
        for (Map.Entry<List<String>, long[]> path : criticalPaths.entrySet()) {
            writeStrings(out, path.getKey());
            out.writeLong(path.getValue()[0]);
        }
        writeStrings(out, samples);
        writeStrings(out, errorSamples);
    }

    static JourneyAccumulator read(DataInputStream in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_SPAN_KIND && format != FORMAT_WITHOUT_SPAN_NAME) {
            throw new IOException("unknown journey state format " + format);
        }
        JourneyAccumulator journey = new JourneyAccumulator(DataStrings.read(in), DataStrings.read(in), DataStrings.read(in), in.readBoolean(),
                new TreeSet<>(readStrings(in)));
        journey.traces = in.readLong();
        journey.errorTraces = in.readLong();
        journey.completeTraces = in.readLong();
        journey.spansOfOtherServices = in.readLong();
        journey.httpRoute = readNullable(in);
        journey.httpMethod = readNullable(in);
        journey.spanName = format == FORMAT_WITHOUT_SPAN_NAME ? null : readNullable(in);
        String kind = format == FORMAT ? readNullable(in) : null;
        try {
            journey.spanKind = kind == null ? null : SpanKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown span kind " + kind, e);
        }
        journey.latencyMicros.add(readHistogram(in, SIGNIFICANT_DIGITS));
        journey.services.addAll(readStrings(in));
        int edgeCount = in.readInt();
        for (int i = 0; i < edgeCount; i++) {
            EdgeAccumulator edge = EdgeAccumulator.read(in);
            journey.edges.computeIfAbsent(edge.from, f -> new HashMap<>()).put(edge.to, edge);
        }
        int pathCount = in.readInt();
        for (int i = 0; i < pathCount; i++) {
            journey.criticalPaths.put(List.copyOf(readStrings(in)), new long[] {in.readLong()});
        }
        journey.samples.addAll(readStrings(in));
        journey.errorSamples.addAll(readStrings(in));
        return journey;
    }

    private static void writeStrings(DataOutputStream out, java.util.Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            DataStrings.write(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("list of " + count + " strings out of range");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(DataStrings.read(in));
        }
        return out;
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            DataStrings.write(out, text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? DataStrings.read(in) : null;
    }

    private static void writeHistogram(DataOutputStream out, Histogram histogram) throws IOException {
        // uncompressed (the counts are already variable-length encoded): deflating every state written is most of
        // the time a stream job spends adding traces up
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoByteBuffer(buffer);
        out.writeInt(length);
        out.write(buffer.array(), 0, length);
    }

    /** A histogram that can still grow (the decoded one is fixed at the range it was written with). */
    private static Histogram readHistogram(DataInputStream in, int digits) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("histogram of " + length + " bytes out of range");
        }
        try {
            Histogram decoded = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(in.readNBytes(length)), 0);
            Histogram growing = new Histogram(digits);
            growing.add(decoded);
            return growing;
        } catch (RuntimeException e) {
            throw new IOException("damaged latency histogram: " + e.getMessage(), e);
        }
    }

    /**
     * A service as this journey tells it apart: its own name, or {@link #OTHER_SERVICES} past the bound, counting
     * {@code spans} spans of it. Asked in the order a walk over a trace's spans names them (once per span, or once
     * per service of a trace with its spans); the answer for a name never changes once given (the set only grows, and
     * past the bound it takes no new names), so each span beyond the bound is counted once either way.
     */
    private String serviceOf(String name, int spans) {
        if (services.contains(name)) {
            return name;
        }
        if (services.size() < MAX_SERVICES) {
            services.add(name);
            return name;
        }
        spansOfOtherServices += spans;
        services.add(OTHER_SERVICES);
        return OTHER_SERVICES;
    }

    /** Spans whose services were beyond this journey's {@link #MAX_SERVICES} (counted as {@link #OTHER_SERVICES}). */
    long spansOfOtherServices() {
        return spansOfOtherServices;
    }

    /** Last path segments that name a health, readiness or liveness probe, under any prefix. */
    private static final Set<String> PROBE_SEGMENTS = Set.of("health", "healthz", "healthcheck", "health-check",
        "_health", "readyz", "livez", "readiness", "liveness");
    /** Whole paths of probes and scrapes: Kubernetes' and load balancers' pings, Prometheus's own, scrapes. */
    private static final Set<String> PROBE_PATHS = Set.of("/ping", "/ready", "/live", "/alive", "/metrics",
        "/-/healthy", "/-/ready");

    /**
     * The probe path a journey's entry serves ({@code /healthz}, {@code /actuator/health/liveness}, gRPC's
     * {@code grpc.health.v1.Health/Check}), or null: the conventions of Kubernetes probes, Spring Boot's actuator,
     * Quarkus, Prometheus and gRPC's health service.
     */
    static String probePath(String operation, String httpRoute) {
        if (operation.contains("grpc.health.v1.Health/")) {
            return "grpc.health.v1.Health";
        }
        String path = httpRoute != null ? httpRoute : operation.substring(operation.indexOf(' ') + 1);
        if (!path.startsWith("/")) {
            return null;
        }
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return PROBE_SEGMENTS.contains(last) || PROBE_PATHS.contains(trimmed.toLowerCase(Locale.ROOT))
                || trimmed.contains("/actuator/health") ? trimmed : null;
    }

    Journey toJourney(String id, String name, int rank, int journeyCount, long allTraces, double overallErrorRatio) {
        double share = allTraces == 0 ? 0 : (double) traces / allTraces;
        double errorRatio = errorRatio();
        List<String> rankReasons = new ArrayList<>();
        rankReasons.add(String.format(Locale.ROOT, "rank %d of %d by traffic: %d of %d traces (%.1f%%)", rank, journeyCount,
                traces, allTraces, share * 100));
        rankReasons.add(String.format(Locale.ROOT, "error ratio %.2f%% (%d failed)%s", errorRatio * 100, errorTraces,
                errorTraces > 0 && errorRatio > 2 * overallErrorRatio ? ", more than twice the overall "
                        + String.format(Locale.ROOT, "%.2f%%", overallErrorRatio * 100) : ""));
        List<String> confidenceReasons = new ArrayList<>();
        double confidence = sampleSizeConfidence(confidenceReasons);
        double completeness = traces == 0 ? 0 : (double) completeTraces / traces;
        confidence *= 0.5 + 0.5 * completeness;
        confidenceReasons.add(String.format(Locale.ROOT, "%.0f%% of its traces are complete (no missing parents)",
                completeness * 100));
        if (namedByShape) {
            confidence *= 0.8;
            confidenceReasons.add("the entry operation is generic, so the journey is told apart by the calls it makes");
        } else {
            confidenceReasons.add("the entry operation names the request");
        }
        String probe = probePath(operation, httpRoute);
        if (probe != null) {
            confidence *= 0.5;
            confidenceReasons.add("its path is a health or readiness probe's (" + probe + "): an SLO on it measures "
                    + "the probe, not what users ask for");
        }
        if (spanKind == SpanKind.CLIENT || spanKind == SpanKind.PRODUCER) {
            confidence *= 0.8; // no request led to it in the trace
            confidenceReasons.add("the entry is a " + spanKind.name().toLowerCase(Locale.ROOT) + " span: nothing in the "
                    + "trace asked for it (a server not instrumented, or work the service starts itself: startup, a "
                    + "schedule)");
        }
        return new Journey(id, name, new Journey.Entry(service, operation, httpRoute, httpMethod, spanName, spanKind),
                namedByShape, List.copyOf(calls), traces,
                errorTraces, errorRatio, latency(), share, sortedServices(),
                sortedEdges().stream().map(EdgeAccumulator::toEdge).toList(),
                criticalPath(), rank,
                rankReasons, Math.round(confidence * 100) / 100.0, confidenceReasons, List.copyOf(samples),
                List.copyOf(errorSamples));
    }

    private double sampleSizeConfidence(List<String> reasons) {
        if (traces >= 1000) {
            reasons.add(traces + " traces: a large sample");
            return 1.0;
        }
        if (traces >= 100) {
            reasons.add(traces + " traces: enough for percentiles up to p99 to be rough");
            return 0.85;
        }
        if (traces >= 30) {
            reasons.add("only " + traces + " traces: percentiles above p90 are unreliable");
            return 0.6;
        }
        reasons.add("only " + traces + " traces: too few for percentiles");
        return 0.3;
    }

    double latencyMs(double percentile) {
        return ms(latencyMicros, percentile);
    }

    private Journey.Latency latency() {
        return new Journey.Latency(ms(latencyMicros, 50), ms(latencyMicros, 90), ms(latencyMicros, 99),
                ms(latencyMicros, 99.9), significant(latencyMicros.getMaxValue() / 1000.0));
    }

    /**
     * A percentile in milliseconds, to the three significant digits the histogram resolves (more digits would be
     * bucket noise, not data).
     */
    static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0
                : significant(histogram.medianEquivalentValue(histogram.getValueAtPercentile(percentile)) / 1000.0);
    }

    static double significant(double value) {
        return value == 0 ? 0 : new java.math.BigDecimal(value).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).doubleValue();
    }

    /** The most frequent critical path (ties broken by text, so the result does not depend on trace order). */
    private Journey.CriticalPath criticalPath() {
        List<String> best = null;
        long bestCount = 0;
        for (Map.Entry<List<String>, long[]> path : criticalPaths.entrySet()) {
            long count = path.getValue()[0];
            if (count > bestCount || count == bestCount && String.join("\n", path.getKey()).compareTo(String.join("\n", best)) < 0) {
                best = path.getKey();
                bestCount = count;
            }
        }
        return best == null ? new Journey.CriticalPath(List.of(), 0) : new Journey.CriticalPath(best, (double) bestCount / traces);
    }

    HistoryRecorder history() {
        return history;
    }

    String key() {
        return key;
    }

    String service() {
        return service;
    }

    String operation() {
        return operation;
    }

    boolean namedByShape() {
        return namedByShape;
    }

    TreeSet<String> calls() {
        return calls;
    }

    long traces() {
        return traces;
    }

    /** Traces with missing parents or closed early. */
    long incompleteTraces() {
        return traces - completeTraces;
    }

    /** An independent copy (its history too): an empty accumulator of the same journey with this one added. */
    JourneyAccumulator copy() {
        JourneyAccumulator copy = new JourneyAccumulator(key, service, operation, namedByShape, new TreeSet<>(calls));
        copy.merge(this);
        return copy;
    }

    long errorTraces() {
        return errorTraces;
    }

    double errorRatio() {
        return traces == 0 ? 0 : (double) errorTraces / traces;
    }

    /** Calls between two services: counts and a coarse latency histogram of the called spans. */
    private static final class EdgeAccumulator {
        private final String from;
        private final String to;
        private final Histogram latencyMicros = new Histogram(2);
        private long calls;
        private long errors;

        EdgeAccumulator(String from, String to) {
            this.from = from;
            this.to = to;
        }

        void add(long micros, boolean failed) {
            calls++;
            if (failed) {
                errors++;
            }
            latencyMicros.recordValue(micros);
        }

        void merge(EdgeAccumulator other) {
            calls += other.calls;
            errors += other.errors;
            latencyMicros.add(other.latencyMicros);
        }

        void write(DataOutputStream out) throws IOException {
            DataStrings.write(out, from);
            DataStrings.write(out, to);
            out.writeLong(calls);
            out.writeLong(errors);
            writeHistogram(out, latencyMicros);
        }

        static EdgeAccumulator read(DataInputStream in) throws IOException {
            EdgeAccumulator edge = new EdgeAccumulator(DataStrings.read(in), DataStrings.read(in));
            edge.calls = in.readLong();
            edge.errors = in.readLong();
            edge.latencyMicros.add(readHistogram(in, 2));
            return edge;
        }

        Journey.Edge toEdge() {
            return new Journey.Edge(from, to, calls, errors, ms(latencyMicros, 50), ms(latencyMicros, 99));
        }
    }
}
