package dev.sloscout.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traces and logs with known defects: every figure of the report is exact. */
class DataQualityTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000;

    private static Span span(long trace, long id, Long parent, String service, SpanKind kind, long startMs, long endMs,
                             Status status, Attributes attributes) {
        return Span.builder().traceId(new TraceId(0, trace)).spanId(new SpanId(id))
                .parentSpanId(parent == null ? null : new SpanId(parent)).resource(Resource.ofService(service))
                .name("op").kind(kind).startEpochNanos(T0 + startMs * MS).endEpochNanos(T0 + endMs * MS)
                .status(status).attributes(attributes).build();
    }

    private static Attributes http(String route, Long code) {
        Attributes.Builder b = Attributes.builder().put(SpanAttributes.HTTP_REQUEST_METHOD, "GET");
        if (route != null) {
            b.put(SpanAttributes.HTTP_ROUTE, route);
        }
        if (code != null) {
            b.put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, code);
        }
        return b.build();
    }

    private static Trace trace(long id, Span... spans) {
        return new Trace(new TraceId(0, id), List.of(spans), Trace.Completion.END_OF_INPUT);
    }

    private static LogEvent log(String text, boolean raw, boolean withTrace) {
        return new LogEvent("app.log", 1, 1, "front", text, raw, "", LogHeader.NO_TIME, Severity.INFO,
                withTrace ? new TraceId(0, 1) : null, null);
    }

    private static QualityReport measured() {
        DataQuality quality = new DataQuality();
        // a well instrumented request whose server span starts 30 ms before its caller's client span
        quality.onTrace(trace(1,
                span(1, 1, null, "front", SpanKind.SERVER, 0, 200, Status.UNSET, http("/cart", 200L)),
                span(1, 2, 1L, "front", SpanKind.CLIENT, 50, 150, Status.UNSET, http(null, null)),
                span(1, 4, 1L, "front", SpanKind.INTERNAL, 150, 160, Status.UNSET, Attributes.EMPTY),
                span(1, 3, 2L, "back", SpanKind.SERVER, 20, 140, Status.OK, Attributes.EMPTY)));
        // no route, no status, a call nobody answered
        quality.onTrace(trace(2,
                span(2, 1, null, "front", SpanKind.SERVER, 0, 100, Status.UNSET, http(null, null)),
                span(2, 2, 1L, "front", SpanKind.CLIENT, 10, 90, Status.UNSET, http(null, null)),
                span(2, 3, 1L, "front", SpanKind.CLIENT, 20, 30, Status.UNSET, Attributes.builder()
                        .put(SpanAttributes.DB_SYSTEM, "postgresql").build())));
        // a span whose parent never arrived
        quality.onTrace(trace(3, span(3, 9, 8L, "back", SpanKind.SERVER, 0, 10, Status.UNSET, Attributes.EMPTY)));
        quality.accept(log("{\"msg\":\"a\"}", false, true));
        quality.accept(log("{\"msg\":\"b\"}", false, false));
        quality.accept(log("2024-01-01 user=alice cart=7 saved", true, false));
        quality.accept(log("2024-01-01 cart saved for alice", true, false));
        return quality.report(Map.of("front", List.of("c1", "c2", "c3", "c4", "c5", "c6")));
    }

    @Test
    void everyRatioCountsWhatWasRead() {
        QualityReport report = measured();
        QualityReport.Service front = report.service("front");
        assertThat(front.traceCompleteness()).isEqualTo(QualityReport.Ratio.of(4, 4));
        // server spans and HTTP/RPC client spans only: internal and database spans rightly leave status unset
        assertThat(front.statusCoverage()).isEqualTo(QualityReport.Ratio.of(1, 4));
        assertThat(front.routeCoverage()).isEqualTo(QualityReport.Ratio.of(1, 2));
        assertThat(front.pairing()).isEqualTo(QualityReport.Ratio.of(1, 2));
        assertThat(front.logTraceCorrelation()).isEqualTo(QualityReport.Ratio.of(1, 4));
        assertThat(front.structuredLogs()).isEqualTo(QualityReport.Ratio.of(3, 4));
        assertThat(front.clockSkew()).isNull();

        QualityReport.Service back = report.service("back");
        assertThat(back.traceCompleteness()).isEqualTo(QualityReport.Ratio.of(1, 2));
        assertThat(back.statusCoverage()).isEqualTo(QualityReport.Ratio.of(1, 2));
        assertThat(back.routeCoverage().total()).isZero();
        assertThat(back.clockSkew().pairs()).isEqualTo(1);
        assertThat(back.clockSkew().p99Ms()).isCloseTo(30, within(0.1));
        assertThat(back.logTraceCorrelation().total()).isZero();
    }

    @Test
    void theScoreIsTheWeightedMeanOfWhatCouldBeMeasured() {
        QualityReport report = measured();
        // front: status 0.25 x 30, context 1 x 25, route 0.5 x 15, pairing 0.5 x 15, logs 0.25 x 10, over 95
        assertThat(report.service("front").score()).isEqualTo(53);
        assertThat(report.service("front").scoreParts()).containsOnlyKeys("statusCoverage", "traceCompleteness",
                "routeCoverage", "pairing", "logTraceCorrelation");
        // back: status 0.5 x 30, context 0.5 x 25, clock skew (30 ms: 1 - log10(3) / 2) x 5, over 60
        double skewMark = 1 - Math.log10(3) / 2;
        assertThat(report.service("back").score()).isEqualTo((int) Math.round(100 * (15 + 12.5 + skewMark * 5) / 60));
    }

    @Test
    void recommendationsNameTheFixAndAreRankedByWhatTheyReach() {
        List<QualityReport.Recommendation> recommendations = measured().recommendations();
        assertThat(recommendations).extracting(r -> r.service() + " " + r.kind() + " " + r.affected())
                .containsExactly("front log-trace 6", "front status 3", "front rum 2", "back context 1",
                        "back partial-traces 1", "back status 1", "front http.route 1", "front pairing 1");
        assertThat(recommendations.get(0).text()).isEqualTo("front: 25% of its log records carry a trace id; adding "
                + "it would link ~6 capsules to journeys and failed traces. Use the OTel log bridge or put "
                + "trace_id/span_id in the logging context (MDC).");
        assertThat(recommendations).filteredOn(r -> r.kind().equals("http.route")).singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("front: 50% of its HTTP server spans have no "
                        + "http.route"));
    }

    @Test
    void everyRecommendationLinksItsEvidence() {
        Map<String, QualityReport.Recommendation> front = new java.util.TreeMap<>();
        measured().recommendations().stream().filter(r -> r.service().equals("front"))
                .forEach(r -> front.put(r.kind(), r));
        String one = new TraceId(0, 1).toHex();
        String two = new TraceId(0, 2).toHex();
        assertThat(front.get("status").traces()).containsExactly(one, two);
        assertThat(front.get("http.route").traces()).containsExactly(two);
        assertThat(front.get("pairing").traces()).containsExactly(two);
        assertThat(front.get("log-trace").capsules()).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
        assertThat(front.get("log-trace").traces()).isEmpty();
        assertThat(measured().recommendations()).filteredOn(r -> r.kind().equals("context")).singleElement()
                .satisfies(r -> assertThat(r.traces()).containsExactly(new TraceId(0, 3).toHex()));
    }

    @Test
    void whatTheSliQueriesReadAndWhatSpanmetricsCountsAsFailures() {
        DataQuality quality = new DataQuality();
        // 503 with an unset status: spanmetrics' error selector misses it; the 500 has ERROR; the 200 is no failure
        quality.onTrace(trace(1, span(1, 1, null, "api", SpanKind.SERVER, 0, 10, Status.UNSET, http(null, 503L))));
        quality.onTrace(trace(2, span(2, 1, null, "api", SpanKind.SERVER, 0, 10, Status.of(dev.sloscout.engine.model.StatusCode.ERROR, "boom"),
                http("/a", 500L))));
        quality.onTrace(trace(3, span(3, 1, null, "api", SpanKind.SERVER, 0, 10, Status.UNSET, http("/a", 200L))));
        quality.onTrace(trace(4, span(4, 1, null, "api", SpanKind.SERVER, 0, 10, Status.UNSET, Attributes.builder()
                .put(SpanAttributes.RPC_SYSTEM, "grpc").put(SpanAttributes.RPC_METHOD, "Get")
                .put(SpanAttributes.RPC_GRPC_STATUS_CODE, 14L).build())));
        QualityReport.Service api = quality.report(Map.of()).service("api");

        assertThat(api.errorStatus()).isEqualTo(QualityReport.Ratio.of(1, 3));
        assertThat(api.serverAttributes()).containsEntry("http.route", QualityReport.Ratio.of(2, 4))
                .containsEntry("http.request.method", QualityReport.Ratio.of(3, 4))
                .containsEntry("rpc.method", QualityReport.Ratio.of(1, 4));
        QualityReport.Recommendation errors = quality.report(Map.of()).recommendations().stream()
                .filter(r -> r.kind().equals("error-status")).findFirst().orElseThrow();
        assertThat(errors.affected()).isEqualTo(2);
        assertThat(errors.traces()).containsExactly(new TraceId(0, 1).toHex(), new TraceId(0, 4).toHex());

        List<QueryAttributes.Need> needs = QueryAttributes.of(List.of(
                "sum(rate(calls_total{service_name=\"api\",status_code=\"STATUS_CODE_ERROR\"}[5m]))",
                "sum(rate(http_server_request_duration_seconds_count{job=\"api\",http_route=\"/a\","
                        + "http_request_method=\"GET\"}[5m]))"), api);
        assertThat(needs).extracting(n -> n.label() + " " + n.attribute() + " " + n.coverage().count() + "/"
                + n.coverage().total()).containsExactly("status_code span status ERROR on server errors 1/3",
                        "http_route http.route 2/4", "http_request_method http.request.method 3/4");
    }

    @Test
    void requestIdsBrowserSpansAndSampling() {
        DataQuality quality = new DataQuality();
        Attributes sampler = Attributes.builder().put(SpanAttributes.HTTP_REQUEST_METHOD, "GET")
                .put(SpanAttributes.SAMPLER_TYPE, "probabilistic").put(SpanAttributes.SAMPLER_PARAM, "0.1").build();
        for (int t = 1; t <= 10; t++) {
            quality.onTrace(trace(t, span(t, 1, null, "shop", SpanKind.SERVER, 0, 10, Status.OK, sampler)));
        }
        // two traces whose middle span was sampled out
        for (int t = 11; t <= 12; t++) {
            quality.onTrace(trace(t, span(t, 1, null, "shop", SpanKind.SERVER, 0, 10, Status.OK, http("/", 200L)),
                    span(t, 3, 2L, "stock", SpanKind.SERVER, 1, 5, Status.OK, Attributes.EMPTY)));
        }
        quality.accept(new LogEvent("shop.log", 1, 1, "shop", "GET / request_id=9f8e7d6c5b done", true, "",
                LogHeader.NO_TIME, Severity.INFO, null, null));
        quality.accept(new LogEvent("shop.log", 2, 1, "shop", "x-request-id: abcdef123 slow", true, "",
                LogHeader.NO_TIME, Severity.INFO, null, null));
        quality.accept(new LogEvent("shop.log", 3, 1, "shop", "requested item 42", true, "",
                LogHeader.NO_TIME, Severity.INFO, null, null));
        QualityReport report = quality.report(Map.of("shop", List.of("k1")));

        assertThat(report.service("shop").requestIdOnly()).isEqualTo(QualityReport.Ratio.of(2, 3));
        assertThat(report.service("shop").rootTraces()).isEqualTo(12);
        assertThat(report.browserSpans()).isZero();
        assertThat(report.sampling().partialTraces()).isEqualTo(QualityReport.Ratio.of(2, 12));
        assertThat(report.sampling().stated()).containsExactly(Map.entry("probabilistic 0.1", 10L));
        assertThat(report.sampling().evidence()).containsExactly(new TraceId(0, 11).toHex(),
                new TraceId(0, 12).toHex());
        Map<String, QualityReport.Recommendation> byKind = new java.util.TreeMap<>();
        report.recommendations().forEach(r -> byKind.put(r.kind(), r));
        assertThat(byKind).containsKeys("request-id", "rum", "partial-traces", "head-sampling");
        assertThat(byKind.get("request-id").affected()).isEqualTo(2);
        assertThat(byKind.get("request-id").capsules()).containsExactly("k1");
        assertThat(byKind.get("rum").service()).isEqualTo("shop");
        assertThat(byKind.get("rum").affected()).isEqualTo(12);
        assertThat(byKind.get("partial-traces").service()).isEqualTo("stock");
        assertThat(byKind.get("head-sampling").text()).startsWith("10 traces say they were head-sampled "
                + "(probabilistic 0.1): span counts here are about 10% of the traffic");

        // a browser span (a client span with a user agent) answers the RUM question
        quality.onTrace(trace(20, span(20, 1, null, "web", SpanKind.CLIENT, 0, 10, Status.UNSET, Attributes.builder()
                .put(SpanAttributes.USER_AGENT, "Mozilla/5.0").put(SpanAttributes.HTTP_REQUEST_METHOD, "GET")
                .build())));
        QualityReport withBrowser = quality.report(Map.of());
        assertThat(withBrowser.browserSpans()).isEqualTo(1);
        assertThat(withBrowser.recommendations()).noneMatch(r -> r.kind().equals("rum"));
    }

    @Test
    void memoryIsBoundedByServicesNotSpans() {
        DataQuality quality = new DataQuality();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < DataQuality.MAX_SERVICES + 10; i++) {
            spans.add(span(1, i + 1, null, "svc-" + i, SpanKind.SERVER, 0, 1, Status.OK, Attributes.EMPTY));
        }
        quality.onTrace(new Trace(new TraceId(0, 1), spans, Trace.Completion.END_OF_INPUT));
        QualityReport report = quality.report(Map.of());
        assertThat(report.services()).hasSize(DataQuality.MAX_SERVICES);
        assertThat(report.unmeasuredSpans()).isEqualTo(10);
    }
}
