package dev.sloscout.engine.quality;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
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
 * <p>One instance per analysis, fed on the ingestion thread (not thread-safe); memory grows with services and
 * service pairs, never with spans.
 */
public final class DataQuality implements TraceListener, LogSink {
    /** Services measured apart; further ones are not measured (and counted). */
    static final int MAX_SERVICES = 2_000;
    private static final Pattern KEY_VALUE = Pattern.compile("(?:^|\\s)[A-Za-z_][\\w.]*=\\S");

    private final Map<String, ServiceCounts> services = new TreeMap<>();
    private long unmeasuredSpans;

    /** What is counted for one service. */
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
        /** Skew of this service's server spans against their callers, microseconds. */
        final Histogram skewMicros = new Histogram(3);
    }

    @Override
    public void onTrace(Trace trace) {
        Trace.Index index = new Trace.Index(trace.spans());
        List<Span> spans = trace.spans();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            ServiceCounts counts = counts(span.serviceName());
            if (counts == null) {
                unmeasuredSpans++;
                continue;
            }
            counts.spans++;
            int parent = index.parentIndex(i);
            if (span.parentSpanId() != null) {
                counts.spansNamingParent++;
                if (parent >= 0) {
                    counts.spansWithParentPresent++;
                }
            }
            if (span.kind() == SpanKind.SERVER || span.kind() == SpanKind.CLIENT && callsAService(span)) {
                counts.requestSpans++;
                if (hasStatus(span)) {
                    counts.spansWithStatus++;
                }
            }
            if (span.kind() == SpanKind.SERVER && span.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD) != null) {
                counts.httpServerSpans++;
                if (span.attributes().get(SpanAttributes.HTTP_ROUTE) != null) {
                    counts.httpServerSpansWithRoute++;
                }
            }
            if (span.kind() == SpanKind.SERVER && parent >= 0 && spans.get(parent).kind() == SpanKind.CLIENT) {
                Span client = spans.get(parent);
                long outside = Math.max(0, Math.max(client.startEpochNanos() - span.startEpochNanos(),
                        span.endEpochNanos() - client.endEpochNanos()));
                counts.skewMicros.recordValue(Math.min(outside / 1000, 3_600_000_000L));
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
            ServiceCounts counts = services.get(span.serviceName());
            if (counts != null && span.kind() == SpanKind.CLIENT && callsAService(span)) {
                counts.clientCalls++;
                if (answered[i]) {
                    counts.clientCallsAnswered++;
                }
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
        }
        if (!event.raw() || KEY_VALUE.matcher(event.text()).results().limit(2).count() >= 2) {
            counts.structuredLogRecords++;
        }
    }

    private ServiceCounts counts(String service) {
        ServiceCounts counts = services.get(service);
        if (counts == null && services.size() < MAX_SERVICES) {
            counts = new ServiceCounts();
            services.put(service, counts);
        }
        return counts;
    }

    /**
     * The measurements, scores and recommendations as they stand.
     *
     * @param unlinkedCapsules per service, capsules that no journey links to (the reach of a missing trace id)
     */
    public QualityReport report(Map<String, Long> unlinkedCapsules) {
        List<QualityReport.Service> out = new ArrayList<>();
        List<QualityReport.Recommendation> recommendations = new ArrayList<>();
        services.forEach((name, c) -> {
            QualityReport.Ratio completeness = QualityReport.Ratio.of(c.spansWithParentPresent, c.spansNamingParent);
            QualityReport.Ratio status = QualityReport.Ratio.of(c.spansWithStatus, c.requestSpans);
            QualityReport.Ratio route = QualityReport.Ratio.of(c.httpServerSpansWithRoute, c.httpServerSpans);
            QualityReport.Ratio pairing = QualityReport.Ratio.of(c.clientCallsAnswered, c.clientCalls);
            QualityReport.Ratio correlation = QualityReport.Ratio.of(c.logRecordsWithTrace, c.logRecords);
            QualityReport.Ratio structured = QualityReport.Ratio.of(c.structuredLogRecords, c.logRecords);
            QualityReport.Skew skew = c.skewMicros.getTotalCount() == 0 ? null : new QualityReport.Skew(
                    c.skewMicros.getTotalCount(), c.skewMicros.getValueAtPercentile(50) / 1000.0,
                    c.skewMicros.getValueAtPercentile(99) / 1000.0);
            Score score = Score.of(completeness, status, route, pairing, correlation, skew);
            out.add(new QualityReport.Service(name, score.value(), score.parts(), completeness, status, route, pairing,
                    skew, correlation, structured));
            recommend(name, c, status, route, pairing, completeness, correlation, skew,
                    unlinkedCapsules.getOrDefault(name, 0L), recommendations);
        });
        recommendations.sort(Comparator.comparingLong(QualityReport.Recommendation::affected).reversed()
                .thenComparing(QualityReport.Recommendation::service).thenComparing(QualityReport.Recommendation::kind));
        return new QualityReport(out, recommendations, unmeasuredSpans);
    }

    private static void recommend(String service, ServiceCounts c, QualityReport.Ratio status,
            QualityReport.Ratio route, QualityReport.Ratio pairing, QualityReport.Ratio completeness,
            QualityReport.Ratio correlation, QualityReport.Skew skew, long unlinked,
            List<QualityReport.Recommendation> out) {
        if (status.total() > 0 && status.ratio() < 0.9) {
            out.add(new QualityReport.Recommendation(service, "status", status.total() - status.count(),
                    String.format(Locale.ROOT, "%s: %s of its spans carry no status, so an availability SLI cannot "
                            + "see their failures. Set the span status on errors (OTel trace API Span.setStatus), or "
                            + "record http.response.status_code / rpc.grpc.status_code (HTTP and RPC semantic "
                            + "conventions).", service, percent(1 - status.ratio()))));
        }
        if (route.total() > 0 && route.ratio() < 0.9) {
            out.add(new QualityReport.Recommendation(service, "http.route", route.total() - route.count(),
                    String.format(Locale.ROOT, "%s: %s of its HTTP server spans have no http.route; journeys are "
                            + "named by span names instead, and ids in paths become placeholders only as far as "
                            + "they are recognised. Set http.route (HTTP semantic conventions; framework "
                            + "instrumentation sets it when the route template is known).", service,
                            percent(1 - route.ratio()))));
        }
        if (pairing.total() > 0 && pairing.ratio() < 0.9) {
            out.add(new QualityReport.Recommendation(service, "pairing", pairing.total() - pairing.count(),
                    String.format(Locale.ROOT, "%s: %d of its %d client calls have no server span of the callee "
                            + "(not instrumented, its spans dropped, or the context not propagated): instrument the "
                            + "callee, or set peer.service on the client span so the dependency is named.", service,
                            pairing.total() - pairing.count(), pairing.total())));
        }
        if (completeness.total() > 0 && completeness.ratio() < 0.95) {
            out.add(new QualityReport.Recommendation(service, "context", completeness.total() - completeness.count(),
                    String.format(Locale.ROOT, "%s: %d spans name a parent that is not in the data: check context "
                            + "propagation into this service (W3C traceparent, the OTel propagators setting) and "
                            + "that its callers' spans are exported.", service,
                            completeness.total() - completeness.count())));
        }
        if (correlation.total() > 0 && correlation.ratio() < 0.5) {
            out.add(new QualityReport.Recommendation(service, "log-trace", Math.max(unlinked,
                    correlation.total() - correlation.count()), String.format(Locale.ROOT, "%s: %s of its log "
                            + "records carry a trace id; adding it would link %s to journeys and failed traces. Use "
                            + "the OTel log bridge or put trace_id/span_id in the logging context (MDC).", service,
                            percent(correlation.ratio()), unlinked > 0 ? "~" + unlinked + " capsules"
                                    : "its capsules")));
        }
        if (skew != null && skew.p99Ms() > 50) {
            out.add(new QualityReport.Recommendation(service, "clock-skew", skew.pairs(),
                    String.format(Locale.ROOT, "%s: its server spans stick out of their callers' by %.0f ms at p99 "
                            + "(p50 %.0f ms): clocks differ; synchronise them (chrony/NTP), or durations across "
                            + "services are not comparable.", service, skew.p99Ms(), skew.p50Ms())));
        }
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
