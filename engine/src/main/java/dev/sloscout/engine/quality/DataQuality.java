package dev.sloscout.engine.quality;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.model.AttributeKey;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.trace.PreparedTraceListener;
import dev.sloscout.engine.trace.TraceListener;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How far the telemetry read can be trusted, per service, measured while it is read: every figure is a count and a
 * ratio, never a guess. From traces: spans whose parent is in the input (context propagation), server spans and
 * HTTP/RPC client spans with a status (OTel status, HTTP status code or gRPC code; without one an availability SLI cannot see
 * failures), HTTP server spans with {@code http.route} (without it journeys are named by span names), HTTP and RPC
 * client calls answered by a server span of the callee (is the callee instrumented?), and the clock skew between a client span and the server span it
 * called (how far the server's span sticks out of its caller's). From logs: records carrying a trace id (can they be
 * linked to journeys?) and structured records (JSON or key=value). {@link #report} scores each service and ranks
 * what to fix first.
 *
 * <p>One instance per analysis, fed in order on one thread (not thread-safe; its {@link #preparer()}s measure
 * traces on assembly shards ahead of that); memory grows with services and service pairs, never with spans.
 */
public final class DataQuality implements PreparedTraceListener, LogSink {
    /** Services measured apart; further ones are not measured (and counted). */
    static final int MAX_SERVICES = 2_000;
    private static final Pattern KEY_VALUE = Pattern.compile("(?:^|\\s)[A-Za-z_][\\w.]*=\\S");

    /** Trace ids kept as evidence per service and kind of defect. */
    static final int EVIDENCE = 3;
    /**
     * The attributes the SLI queries of the metrics profiles read (as labels: dots become underscores), measured on
     * server spans.
     */
    public static final List<AttributeKey<?>> SERVER_ATTRIBUTES = List.of(SpanAttributes.HTTP_ROUTE,
            SpanAttributes.HTTP_REQUEST_METHOD, SpanAttributes.HTTP_RESPONSE_STATUS_CODE, SpanAttributes.RPC_SERVICE,
            SpanAttributes.RPC_METHOD, SpanAttributes.RPC_GRPC_STATUS_CODE);
    private static final Pattern REQUEST_ID = Pattern.compile(
            "(?i)\\b(?:x[-_]?)?req(?:uest)?[-_.]?id[\"']?\\s*[=:]\\s*[\"']?[\\w-]{6,}");

    /** By service: hashed (asked per span or per trace), sorted where reported. */
    private final Map<String, ServiceCounts> services = new java.util.HashMap<>();
    private final java.util.function.Consumer<Trace> evidenceKept;
    private boolean evidenced;
    /** The trace being measured in order (its id is the evidence {@link #direct} keeps). */
    private TraceId current;
    private long unmeasuredSpans;
    private long traces;
    private long partialTraces;
    private final List<String> partialEvidence = new ArrayList<>();
    private final Map<String, Long> statedSamplers = new TreeMap<>();

    /** The kinds of defect evidence is kept for, by the names recommendations use. */
    private enum Defect {
        CONTEXT("context"), RUM("rum"), STATUS("status"), CLOCK_SKEW("clock-skew"), PAIRING("pairing"),
        HTTP_ROUTE("http.route"), ERROR_STATUS("error-status");

        final String kind;

        Defect(String kind) {
            this.kind = kind;
        }

        int bit() {
            return 1 << ordinal();
        }
    }

    private static final Defect[] DEFECTS = Defect.values();

    /** What is counted for one service: in the analysis, or in one trace measured on its own. */
    static final class ServiceCounts {
        long spans;
        long spansNamingParent;
        long spansWithParentPresent;
        long requestSpans;
        long spansWithStatus;
        long httpServerSpans;
        long httpServerSpansWithRoute;
        long clientCalls;
        long clientCallsAnswered;
        long logRecords;
        long logRecordsWithTrace;
        long structuredLogRecords;
        long logRecordsWithRequestIdOnly;
        long serverSpans;
        final long[] serverAttributes = new long[SERVER_ATTRIBUTES.size()];
        long serverSpansWithRequestId;
        long serverFailures;
        long serverFailuresWithErrorStatus;
        long rootTraces;
        long browserSpans;
        /** Up to {@link #EVIDENCE} trace ids per kind of defect, the first seen (null in one trace's counts). */
        final Map<String, List<String>> evidence;
        /** Skew of this service's server spans against their callers, microseconds (null in one trace's counts). */
        final Histogram skewMicros;
        /** In one trace's counts: the defects it showed ({@link Defect#bit()}s), and its place among its services. */
        int defects;
        int slot;

        /** @param kept counts of the analysis (with evidence and skews), not of one trace */
        ServiceCounts(boolean kept) {
            evidence = kept ? new TreeMap<>() : null;
            skewMicros = kept ? new Histogram(3) : null;
        }

        void skew(long micros) {
            skewMicros.recordValue(micros);
        }

        /** Adds one trace's counts (every count; evidence and skews are added by the caller). */
        void add(ServiceCounts part) {
            spans += part.spans;
            spansNamingParent += part.spansNamingParent;
            spansWithParentPresent += part.spansWithParentPresent;
            requestSpans += part.requestSpans;
            spansWithStatus += part.spansWithStatus;
            httpServerSpans += part.httpServerSpans;
            httpServerSpansWithRoute += part.httpServerSpansWithRoute;
            clientCalls += part.clientCalls;
            clientCallsAnswered += part.clientCallsAnswered;
            logRecords += part.logRecords;
            logRecordsWithTrace += part.logRecordsWithTrace;
            structuredLogRecords += part.structuredLogRecords;
            logRecordsWithRequestIdOnly += part.logRecordsWithRequestIdOnly;
            serverSpans += part.serverSpans;
            for (int a = 0; a < serverAttributes.length; a++) {
                serverAttributes[a] += part.serverAttributes[a];
            }
            serverSpansWithRequestId += part.serverSpansWithRequestId;
            serverFailures += part.serverFailures;
            serverFailuresWithErrorStatus += part.serverFailuresWithErrorStatus;
            rootTraces += part.rootTraces;
            browserSpans += part.browserSpans;
        }
    }

    public DataQuality() {
        this(trace -> { });
    }

    /**
     * @param evidenceKept told every trace that becomes the evidence of a recommendation (a few per service and kind
     *                     of defect), so that it can be kept for the waterfall the recommendation links to
     */
    public DataQuality(java.util.function.Consumer<Trace> evidenceKept) {
        this.evidenceKept = evidenceKept;
    }

    /**
     * A listener for an assembly shard's thread: it measures each trace on its own ({@link TraceTally}) and attaches
     * the result, which {@link #onTrace} then adds up in order. Services are still measured apart in the order the
     * spans name them, and evidence is still the first traces seen, so the report is the same either way.
     */
    @Override
    public TraceListener preparer() {
        return trace -> {
            TraceTally tally = new TraceTally();
            measure(trace, tally);
            trace.attach(this, tally);
        };
    }

    @Override
    public void onTrace(Trace trace) {
        evidenced = false;
        traces++;
        boolean partial;
        if (trace.attachment(this) instanceof TraceTally prepared) {
            partial = add(prepared, trace.traceId());
        } else {
            current = trace.traceId();
            partial = measure(trace, direct);
        }
        if (partial) {
            partialTraces++;
            if (partialEvidence.size() < EVIDENCE) {
                partialEvidence.add(trace.traceId().toHex());
                evidenced = true;
            }
        }
        if (evidenced) {
            evidenceKept.accept(trace);
        }
    }

    /**
     * Measures one trace into {@code tally}: the counts per service, the evidence, the skews and the samplers. True
     * when a measured service's span names a parent the trace does not have.
     */
    private static boolean measure(Trace trace, Tally tally) {
        Trace.Index index = trace.index();
        List<Span> spans = trace.spans();
        boolean partial = false;
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            ServiceCounts counts = tally.counts(span.serviceName());
            if (counts == null) {
                continue;
            }
            counts.spans++;
            int parent = index.parentIndex(i);
            if (span.parentSpanId() != null) {
                counts.spansNamingParent++;
                if (parent >= 0) {
                    counts.spansWithParentPresent++;
                } else {
                    partial = true;
                    tally.evidence(counts, Defect.CONTEXT);
                }
            } else {
                tally.sampler(counts, span);
                if (span.kind() == SpanKind.SERVER) {
                    counts.rootTraces++;
                    tally.evidence(counts, Defect.RUM);
                }
            }
            if (span.kind() == SpanKind.SERVER || span.kind() == SpanKind.CLIENT && callsAService(span)) {
                counts.requestSpans++;
                if (hasStatus(span)) {
                    counts.spansWithStatus++;
                } else {
                    tally.evidence(counts, Defect.STATUS);
                }
            }
            if (span.kind() == SpanKind.SERVER) {
                server(counts, span, tally);
            } else if (span.attributes().get(SpanAttributes.USER_AGENT) != null) {
                counts.browserSpans++; // a server span records its caller's agent; others are the browser's own
            }
            if (span.kind() == SpanKind.SERVER && parent >= 0 && spans.get(parent).kind() == SpanKind.CLIENT) {
                Span client = spans.get(parent);
                long outside = Math.max(0, Math.max(client.startEpochNanos() - span.startEpochNanos(),
                        span.endEpochNanos() - client.endEpochNanos()));
                tally.skew(counts, Math.min(outside / 1000, 3_600_000_000L));
                if (outside > 50_000_000L) {
                    tally.evidence(counts, Defect.CLOCK_SKEW);
                }
            }
        }
        boolean[] answered = new boolean[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            int parent = index.parentIndex(i);
            if (parent >= 0 && spans.get(i).kind() == SpanKind.SERVER) {
                answered[parent] = true;
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.kind() == SpanKind.CLIENT && callsAService(span)) {
                ServiceCounts counts = tally.named(span.serviceName());
                if (counts != null) {
                    counts.clientCalls++;
                    if (answered[i]) {
                        counts.clientCallsAnswered++;
                    } else {
                        tally.evidence(counts, Defect.PAIRING);
                    }
                }
            }
        }
        return partial;
    }

    /**
     * Adds a trace measured on its own, as {@link #measure} into this analysis's counts would have: its services in
     * the order its spans named them (those beyond the bound counted as unmeasured), then the skews and samplers in
     * the order they came. True when the trace is partial in a measured service.
     */
    private boolean add(TraceTally tally, TraceId traceId) {
        boolean partial = false;
        ServiceCounts[] measured = new ServiceCounts[tally.services.size()];
        int s = 0;
        for (Map.Entry<String, ServiceCounts> service : tally.services.entrySet()) {
            ServiceCounts part = service.getValue();
            ServiceCounts counts = counts(service.getKey());
            part.slot = s;
            measured[s++] = counts;
            if (counts == null) {
                unmeasuredSpans += part.spans;
                continue;
            }
            counts.add(part);
            for (int d = 0; part.defects >>> d != 0; d++) {
                if ((part.defects >>> d & 1) != 0) {
                    evidence(counts, DEFECTS[d], traceId);
                }
            }
            partial |= (part.defects & Defect.CONTEXT.bit()) != 0;
        }
        for (int k = 0; k < tally.skewCount; k++) {
            ServiceCounts counts = measured[tally.skewOf[k].slot];
            if (counts != null) {
                counts.skew(tally.skewMicros[k]);
            }
        }
        for (int k = 0; k < tally.samplerOf.size(); k++) {
            if (measured[tally.samplerOf.get(k).slot] != null) {
                sampler(tally.samplers.get(k));
            }
        }
        return partial;
    }

    /** Where {@link #measure} puts what it finds: counts by service, evidence, skews and samplers. */
    private abstract static class Tally {
        final Map<String, ServiceCounts> services;

        Tally(Map<String, ServiceCounts> services) {
            this.services = services;
        }

        /** The counts of a service (counting its span); null when it is not measured. */
        abstract ServiceCounts counts(String service);

        /** The counts of a service {@link #counts} was asked for before; null when it is not measured. */
        final ServiceCounts named(String service) {
            return services.get(service);
        }

        abstract void evidence(ServiceCounts counts, Defect defect);

        abstract void skew(ServiceCounts counts, long micros);

        abstract void sampler(ServiceCounts counts, Span root);
    }

    /** The analysis's own counts, in order: the trace being measured is {@link #current}. */
    private final Tally direct = new Tally(services) {
        @Override
        ServiceCounts counts(String service) {
            ServiceCounts counts = DataQuality.this.counts(service);
            if (counts == null) {
                unmeasuredSpans++;
            }
            return counts;
        }

        @Override
        void evidence(ServiceCounts counts, Defect defect) {
            DataQuality.this.evidence(counts, defect, current);
        }

        @Override
        void skew(ServiceCounts counts, long micros) {
            counts.skew(micros);
        }

        @Override
        void sampler(ServiceCounts counts, Span root) {
            String stated = statedSampler(root);
            if (stated != null) {
                DataQuality.this.sampler(stated);
            }
        }
    };

    /** One trace measured on its own (every service counted; the bound is applied when added). */
    private static final class TraceTally extends Tally {
        ServiceCounts[] skewOf = new ServiceCounts[4];
        long[] skewMicros = new long[4];
        int skewCount;
        final List<ServiceCounts> samplerOf = new ArrayList<>(1);
        final List<String> samplers = new ArrayList<>(1);

        /** Its services in the order the spans name them. */
        TraceTally() {
            super(new java.util.LinkedHashMap<>());
        }

        @Override
        ServiceCounts counts(String service) {
            ServiceCounts counts = services.get(service);
            if (counts == null) {
                counts = new ServiceCounts(false);
                services.put(service, counts);
            }
            return counts;
        }

        @Override
        void evidence(ServiceCounts counts, Defect defect) {
            counts.defects |= defect.bit();
        }

        @Override
        void skew(ServiceCounts counts, long micros) {
            if (skewCount == skewOf.length) {
                skewOf = java.util.Arrays.copyOf(skewOf, skewCount * 2);
                skewMicros = java.util.Arrays.copyOf(skewMicros, skewCount * 2);
            }
            skewOf[skewCount] = counts;
            skewMicros[skewCount++] = micros;
        }

        @Override
        void sampler(ServiceCounts counts, Span root) {
            String stated = statedSampler(root);
            if (stated != null) {
                samplerOf.add(counts);
                samplers.add(stated);
            }
        }
    }

    private static void server(ServiceCounts counts, Span span, Tally tally) {
        counts.serverSpans++;
        for (int a = 0; a < SERVER_ATTRIBUTES.size(); a++) {
            if (span.attributes().get(SERVER_ATTRIBUTES.get(a)) != null) {
                counts.serverAttributes[a]++;
            }
        }
        if (span.attributes().get(SpanAttributes.REQUEST_ID) != null) {
            counts.serverSpansWithRequestId++;
        }
        if (span.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD) != null) {
            counts.httpServerSpans++;
            if (span.attributes().get(SpanAttributes.HTTP_ROUTE) != null) {
                counts.httpServerSpansWithRoute++;
            } else {
                tally.evidence(counts, Defect.HTTP_ROUTE);
            }
        }
        if (serverFailure(span)) {
            counts.serverFailures++;
            if (span.status().code() == StatusCode.ERROR) {
                counts.serverFailuresWithErrorStatus++;
            } else {
                tally.evidence(counts, Defect.ERROR_STATUS);
            }
        }
    }

    /**
     * A server span that answered with a server error: HTTP 5xx, or a gRPC code the OTel conventions count as a
     * server error (UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS).
     */
    static boolean serverFailure(Span span) {
        Long http = span.attributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE);
        if (http != null) {
            return http >= 500 && http <= 599;
        }
        Long grpc = span.attributes().get(SpanAttributes.RPC_GRPC_STATUS_CODE);
        return grpc != null && (grpc == 2 || grpc == 4 || grpc == 12 || grpc == 13 || grpc == 14 || grpc == 15);
    }

    /**
     * The sampler a root span states (Jaeger clients tag it: {@code sampler.type}, {@code sampler.param}), or null.
     */
    private static String statedSampler(Span root) {
        String type = root.attributes().get(SpanAttributes.SAMPLER_TYPE);
        if (type == null) {
            return null;
        }
        String param = root.attributes().get(SpanAttributes.SAMPLER_PARAM);
        return param == null ? type : type + " " + param;
    }

    /** Counts a stated sampler (up to 100 different ones). */
    private void sampler(String stated) {
        if (statedSamplers.size() < 100) {
            statedSamplers.merge(stated, 1L, Long::sum);
        }
    }

    private void evidence(ServiceCounts counts, Defect defect, TraceId traceId) {
        List<String> kept = counts.evidence.computeIfAbsent(defect.kind, k -> new ArrayList<>(EVIDENCE));
        if (kept.size() < EVIDENCE) {
            String hex = traceId.toHex();
            if (!kept.contains(hex)) {
                kept.add(hex);
                evidenced = true;
            }
        }
    }

    /**
     * A client span of an HTTP or RPC call (not a database or messaging client, whose peer has no server span of
     * its own to answer with).
     */
    static boolean callsAService(Span span) {
        return (span.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD) != null
                || span.attributes().get(SpanAttributes.RPC_SYSTEM) != null
                || span.attributes().get(SpanAttributes.PEER_SERVICE) != null)
                && span.attributes().get(SpanAttributes.DB_SYSTEM) == null
                && span.attributes().get(SpanAttributes.MESSAGING_SYSTEM) == null;
    }

    /** An OTel status other than unset, an HTTP response status code or a gRPC status code. */
    static boolean hasStatus(Span span) {
        return span.status().code() != StatusCode.UNSET
                || span.attributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE) != null
                || span.attributes().get(SpanAttributes.RPC_GRPC_STATUS_CODE) != null;
    }

    @Override
    public void accept(LogEvent event) {
        ServiceCounts counts = counts(event.service());
        if (counts == null) {
            return;
        }
        counts.logRecords++;
        if (event.traceId() != null) {
            counts.logRecordsWithTrace++;
        } else if (mayNameAnId(event.text()) && REQUEST_ID.matcher(event.text()).find()) {
            counts.logRecordsWithRequestIdOnly++;
        }
        if (!event.raw() || twoKeyValues(event.text())) {
            counts.structuredLogRecords++;
        }
    }

    /**
     * Two {@code key=value} pairs at least. Each match holds an '=' of its own, so a line with fewer than two cannot
     * have two (most lines: the pattern is not run on them).
     */
    static boolean twoKeyValues(String text) {
        int first = text.indexOf('=');
        if (first < 0 || text.indexOf('=', first + 1) < 0) {
            return false;
        }
        java.util.regex.Matcher m = KEY_VALUE.matcher(text);
        int matches = 0;
        while (matches < 2 && m.find()) {
            matches++;
        }
        return matches == 2;
    }

    /** A cheap first look before the request-id pattern: the text has "id" in some case (most lines do not). */
    static boolean mayNameAnId(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'd' || c == 'D') && (text.charAt(i - 1) == 'i' || text.charAt(i - 1) == 'I')) {
                return true;
            }
        }
        return false;
    }

    private ServiceCounts counts(String service) {
        ServiceCounts counts = services.get(service);
        if (counts == null && services.size() < MAX_SERVICES) {
            counts = new ServiceCounts(true);
            services.put(service, counts);
        }
        return counts;
    }

    /**
     * The measurements, scores and recommendations as they stand.
     *
     * @param unlinkedCapsules per service, the ids of capsules no journey links to (the reach of a missing trace id)
     */
    public QualityReport report(Map<String, List<String>> unlinkedCapsules) {
        List<QualityReport.Service> out = new ArrayList<>();
        List<QualityReport.Recommendation> recommendations = new ArrayList<>();
        new TreeMap<>(services).forEach((name, c) -> {
            QualityReport.Ratio completeness = QualityReport.Ratio.of(c.spansWithParentPresent, c.spansNamingParent);
            QualityReport.Ratio status = QualityReport.Ratio.of(c.spansWithStatus, c.requestSpans);
            QualityReport.Ratio route = QualityReport.Ratio.of(c.httpServerSpansWithRoute, c.httpServerSpans);
            QualityReport.Ratio pairing = QualityReport.Ratio.of(c.clientCallsAnswered, c.clientCalls);
            QualityReport.Ratio correlation = QualityReport.Ratio.of(c.logRecordsWithTrace, c.logRecords);
            QualityReport.Ratio structured = QualityReport.Ratio.of(c.structuredLogRecords, c.logRecords);
            QualityReport.Skew skew = c.skewMicros.getTotalCount() == 0 ? null : new QualityReport.Skew(
                    c.skewMicros.getTotalCount(), c.skewMicros.getValueAtPercentile(50) / 1000.0,
                    c.skewMicros.getValueAtPercentile(99) / 1000.0);
            Map<String, QualityReport.Ratio> attributes = new java.util.LinkedHashMap<>();
            for (int a = 0; a < SERVER_ATTRIBUTES.size(); a++) {
                attributes.put(SERVER_ATTRIBUTES.get(a).name(), QualityReport.Ratio.of(c.serverAttributes[a],
                        c.serverSpans));
            }
            Score score = Score.of(completeness, status, route, pairing, correlation, skew);
            QualityReport.Service service = new QualityReport.Service(name, score.value(), score.parts(),
                    completeness, status, route, pairing, skew, correlation, structured,
                    QualityReport.Ratio.of(c.logRecordsWithRequestIdOnly, c.logRecords), attributes,
                    QualityReport.Ratio.of(c.serverFailuresWithErrorStatus, c.serverFailures), c.rootTraces,
                    c.browserSpans);
            out.add(service);
            recommend(service, c, unlinkedCapsules.getOrDefault(name, List.of()), recommendations);
        });
        QualityReport.Sampling sampling = new QualityReport.Sampling(traces,
                QualityReport.Ratio.of(partialTraces, traces), statedSamplers, partialEvidence);
        recommendTraces(out, sampling, recommendations);
        recommendations.sort(Comparator.comparingLong(QualityReport.Recommendation::affected).reversed()
                .thenComparing(QualityReport.Recommendation::service).thenComparing(QualityReport.Recommendation::kind));
        return new QualityReport(out, recommendations, unmeasuredSpans, sampling);
    }

    private static void recommend(QualityReport.Service s, ServiceCounts c, List<String> unlinked,
            List<QualityReport.Recommendation> out) {
        String service = s.service();
        QualityReport.Ratio status = s.statusCoverage();
        QualityReport.Ratio route = s.routeCoverage();
        QualityReport.Ratio pairing = s.pairing();
        QualityReport.Ratio completeness = s.traceCompleteness();
        QualityReport.Ratio correlation = s.logTraceCorrelation();
        QualityReport.Skew skew = s.clockSkew();
        if (status.total() > 0 && status.ratio() < 0.9) {
            out.add(traces(c, service, "status", status.total() - status.count(),
                    String.format(Locale.ROOT, "%s: %s of its spans carry no status, so an availability SLI cannot "
                            + "see their failures. Set the span status on errors (OTel trace API Span.setStatus), or "
                            + "record http.response.status_code / rpc.grpc.status_code (HTTP and RPC semantic "
                            + "conventions).", service, percent(1 - status.ratio()))));
        }
        if (route.total() > 0 && route.ratio() < 0.9) {
            out.add(traces(c, service, "http.route", route.total() - route.count(),
                    String.format(Locale.ROOT, "%s: %s of its HTTP server spans have no http.route; journeys are "
                            + "named by span names instead (by url.path when a span is named by its method alone), "
                            + "ids in paths become placeholders only as far as they are recognised, and span "
                            + "metrics cannot tell apart requests whose spans share a name. Set http.route (HTTP "
                            + "semantic conventions; framework instrumentation sets it when the route template is "
                            + "known).", service,
                            percent(1 - route.ratio()))));
        }
        if (pairing.total() > 0 && pairing.ratio() < 0.9) {
            out.add(traces(c, service, "pairing", pairing.total() - pairing.count(),
                    String.format(Locale.ROOT, "%s: %d of its %d client calls have no server span of the callee "
                            + "(not instrumented, its spans dropped, or the context not propagated): instrument the "
                            + "callee, or set peer.service on the client span so the dependency is named.", service,
                            pairing.total() - pairing.count(), pairing.total())));
        }
        if (completeness.total() > 0 && completeness.ratio() < 0.95) {
            out.add(traces(c, service, "context", completeness.total() - completeness.count(),
                    String.format(Locale.ROOT, "%s: %d spans name a parent that is not in the data: check context "
                            + "propagation into this service (W3C traceparent, the OTel propagators setting) and "
                            + "that its callers' spans are exported.", service,
                            completeness.total() - completeness.count())));
        }
        if (correlation.total() > 0 && correlation.ratio() < 0.5) {
            out.add(new QualityReport.Recommendation(service, "log-trace", Math.max(unlinked.size(),
                    correlation.total() - correlation.count()), String.format(Locale.ROOT, "%s: %s of its log "
                            + "records carry a trace id; adding it would link %s to journeys and failed traces. Use "
                            + "the OTel log bridge or put trace_id/span_id in the logging context (MDC).", service,
                            percent(correlation.ratio()), unlinked.isEmpty() ? "its capsules"
                                    : "~" + unlinked.size() + " capsules"), List.of(),
                    unlinked.subList(0, Math.min(unlinked.size(), 20))));
        }
        if (s.requestIdOnly().count() > 0 && c.serverSpansWithRequestId == 0 && c.serverSpans > 0) {
            out.add(new QualityReport.Recommendation(service, "request-id", s.requestIdOnly().count(),
                    String.format(Locale.ROOT, "%s: %d log records carry a request id but no trace id, and none "
                            + "of its server spans carries a request id, so they cannot be joined by it either. Log "
                            + "the trace id (OTel log bridge, MDC), or record the request id on the server span "
                            + "(OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS=x-request-id, or a "
                            + "request.id attribute).", service, s.requestIdOnly().count()), List.of(),
                    unlinked.subList(0, Math.min(unlinked.size(), 20))));
        }
        if (s.errorStatus().total() > 0 && s.errorStatus().ratio() < 0.9) {
            long missed = s.errorStatus().total() - s.errorStatus().count();
            out.add(traces(c, service, "error-status", missed, String.format(Locale.ROOT, "%s: %d of its %d "
                    + "server spans that answered a server error (HTTP 5xx, gRPC server codes) do not have the "
                    + "status ERROR, so spanmetrics' status_code=\"STATUS_CODE_ERROR\" does not count them as "
                    + "failures. Set the span status to ERROR on server errors (HTTP semantic conventions: "
                    + "\"for HTTP status codes in the 5xx range\" on server spans).", service, missed,
                    s.errorStatus().total())));
        }
        if (skew != null && skew.p99Ms() > 50) {
            out.add(traces(c, service, "clock-skew", skew.pairs(),
                    String.format(Locale.ROOT, "%s: its server spans stick out of their callers' by %.0f ms at p99 "
                            + "(p50 %.0f ms): clocks differ; synchronise them (chrony/NTP), or durations across "
                            + "services are not comparable.", service, skew.p99Ms(), skew.p50Ms())));
        }
    }

    /** What the traces as a whole say: no browser spans before the entry service; missing spans; sampling. */
    private void recommendTraces(List<QualityReport.Service> measured, QualityReport.Sampling sampling,
            List<QualityReport.Recommendation> out) {
        QualityReport.Service entry = measured.stream().max(Comparator.comparingLong(QualityReport.Service::rootTraces))
                .orElse(null);
        boolean anyBrowser = measured.stream().anyMatch(s -> s.browserSpans() > 0);
        if (!anyBrowser && entry != null && entry.rootTraces() > 0) {
            out.add(traces(services.get(entry.service()), entry.service(), "rum", entry.rootTraces(),
                    String.format(Locale.ROOT, "%s: %d traces start at its server span and no browser span was "
                            + "read, so what users wait for before the request arrives (DNS, TLS, rendering, "
                            + "retries in the browser) is outside every latency SLI. Add browser instrumentation "
                            + "(OpenTelemetry JS: @opentelemetry/sdk-trace-web with the document-load and fetch "
                            + "instrumentations) and let it propagate traceparent to this service.",
                            entry.service(), entry.rootTraces())));
        }
        QualityReport.Ratio partial = sampling.partialTraces();
        if (partial.total() > 0 && partial.ratio() > 0.05) {
            String most = measured.stream().max(Comparator.comparingLong(s -> s.traceCompleteness().total()
                    - s.traceCompleteness().count())).map(QualityReport.Service::service).orElse("");
            out.add(new QualityReport.Recommendation(most, "partial-traces", partial.count(),
                    String.format(Locale.ROOT, "%d of %d traces (%s) miss spans their other spans name as parents, "
                            + "most under %s: services that sample on their own drop parts of sampled traces, or "
                            + "spans are lost on the way. Sample by the parent everywhere "
                            + "(OTEL_TRACES_SAMPLER=parentbased_traceidratio) and check the exporters' and "
                            + "collector's dropped-span counters; journeys built from such traces are undercounted.",
                            partial.count(), partial.total(), percent(partial.ratio()), most),
                    sampling.evidence(), List.of()));
        }
        sampling.stated().forEach((sampler, count) -> {
            double rate = rate(sampler);
            if (rate > 0 && rate < 1) {
                out.add(new QualityReport.Recommendation("", "head-sampling", count, String.format(Locale.ROOT,
                        "%d traces say they were head-sampled (%s): span counts here are about %s of the traffic. "
                                + "Ratios and latency percentiles hold, absolute rates do not; the exported rules "
                                + "read metrics, which count every request.", count, sampler, percent(rate)),
                        List.of(), List.of()));
            }
        });
    }

    /** The probability of a stated {@code probabilistic P} sampler, or 0. */
    private static double rate(String sampler) {
        String[] parts = sampler.split(" ");
        if (parts.length == 2 && parts[0].equals("probabilistic")) {
            try {
                return Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static QualityReport.Recommendation traces(ServiceCounts c, String service, String kind, long affected,
            String text) {
        return new QualityReport.Recommendation(service, kind, affected, text,
                c.evidence.getOrDefault(kind, List.of()), List.of());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
