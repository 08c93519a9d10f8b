package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZipkinAndJaegerDecoderTest {

    private static Decoding decode(String text) {
        return Decoding.of("t.json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jaegerProcessTagsGiveTheServiceVersion() {
        String text = """
                {"data":[{"traceID":"463ac35c9f6413ad","spans":[
                  {"traceID":"463ac35c9f6413ad","spanID":"a2fb4a1d1a96d312","operationName":"GET /","startTime":1000,
                   "duration":500,"processID":"p1"},
                  {"traceID":"463ac35c9f6413ad","spanID":"b2fb4a1d1a96d312","operationName":"GET /a","startTime":1100,
                   "duration":100,"processID":"p2","references":[{"refType":"CHILD_OF","traceID":"463ac35c9f6413ad",
                   "spanID":"a2fb4a1d1a96d312"}]}],
                 "processes":{"p1":{"serviceName":"front","tags":[{"key":"service.version","type":"string",
                   "value":"2.0.1"},{"key":"hostname","type":"string","value":"h"}]},
                   "p2":{"serviceName":"back","tags":[]}}}]}
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).extracting(s -> s.serviceName() + "@" + s.resource().serviceVersion())
                .containsExactlyInAnyOrder("front@2.0.1", "back@");
    }

    @Test
    void zipkinSharedServerSpanStaysDistinctAndHangsUnderItsClient() {
        String text = """
                [{"traceId":"463ac35c9f6413ad","id":"a2fb4a1d1a96d312","name":"get /","kind":"SERVER","timestamp":1000,
                  "duration":500,"localEndpoint":{"serviceName":"frontend"}},
                 {"traceId":"463ac35c9f6413ad","parentId":"a2fb4a1d1a96d312","id":"b7ad6b7169203331","name":"get /api",
                  "kind":"CLIENT","timestamp":1100,"duration":300,"localEndpoint":{"serviceName":"frontend"}},
                 {"traceId":"463ac35c9f6413ad","parentId":"a2fb4a1d1a96d312","id":"b7ad6b7169203331","name":"get /api",
                  "kind":"SERVER","shared":true,"timestamp":1150,"duration":200,"localEndpoint":{"serviceName":"backend"},
                  "tags":{"http.status_code":"500","error":"Internal Server Error"}}]
                """;

        Decoding decoded = decode(text);
        List<Trace> traces = new ArrayList<>();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, traces::add);
        decoded.spans.forEach(assembler::accept);
        assembler.finish();

        assertThat(decoded.problems).isEmpty();
        assertThat(traces).singleElement().satisfies(trace -> {
            assertThat(trace.spans()).hasSize(3);
            assertThat(trace.orphans()).isEmpty();
            Span server = trace.spans().stream().filter(Span::shared).findFirst().orElseThrow();
            Span parent = trace.parentOf(server);
            assertThat(parent.kind()).isEqualTo(SpanKind.CLIENT);
            assertThat(parent.serviceName()).isEqualTo("frontend");
            assertThat(server.status().code()).isEqualTo(StatusCode.ERROR);
            assertThat(server.status().message()).isEqualTo("Internal Server Error");
            assertThat(server.traceId().high()).isZero();
        });
    }

    @Test
    void zipkinMissingServiceNameAndTimestampAreHandled() {
        String text = """
                [[{"traceId":"463ac35c9f6413ad48485a3953bb6124","id":"a2fb4a1d1a96d312","name":"local"},
                  {"traceId":"463ac35c9f6413ad48485a3953bb6124","id":"a2fb4a1d1a96d313","name":"from-annotation",
                   "annotations":[{"timestamp":2000,"value":"ws"},{"timestamp":1500,"value":"wr"}]},
                  {"traceId":"463ac35c9f6413ad48485a3953bb6124","id":"a2fb4a1d1a96d314","name":"fine","timestamp":10}]]
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.spans).extracting(Span::name).containsExactly("from-annotation", "fine");
        assertThat(decoded.spans.get(0).startEpochNanos()).isEqualTo(1_500_000L);
        assertThat(decoded.spans).allSatisfy(s -> assertThat(s.serviceName()).isEqualTo("unknown_service"));
        assertThat(decoded.problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("[0], [0]");
            assertThat(p.reason()).contains("no timestamp");
        });
    }

    @Test
    void zipkinFragmentsOfOneSpanMergeAndALoneFragmentIsOneProblem() {
        String text = """
                [{"traceId":"463ac35c9f6413ad","id":"0000000000000001","localEndpoint":{"serviceName":"api"},
                  "tags":{"http.route":"/cart"}},
                 {"traceId":"463ac35c9f6413ad","id":"0000000000000001","name":"get /cart","kind":"SERVER",
                  "timestamp":5000,"duration":100,"localEndpoint":{"serviceName":"api"},"tags":{"http.method":"GET"}},
                 {"traceId":"463ac35c9f6413ad","id":"0000000000000002","localEndpoint":{"serviceName":"db"},
                  "tags":{"db.system":"postgresql"}}]
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.spans).singleElement().satisfies(span -> {
            assertThat(span.name()).isEqualTo("get /cart");
            assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.attributes().asMap()).containsEntry("http.route", "/cart").containsEntry("http.request.method", "GET");
        });
        assertThat(decoded.problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("[2]");
            assertThat(p.reason()).isEqualTo("span 0000000000000002 of db has no timestamp, and no other part of it has one");
        });
    }

    @Test
    void zipkinV1RpcRecordGivesAClientAndASharedServerSpan() {
        String text = """
                [{"traceId":"463ac35c9f6413ad","id":"b7ad6b7169203331","parentId":"a2fb4a1d1a96d312","name":"get /api",
                  "timestamp":1000,"duration":400,
                  "annotations":[{"timestamp":1000,"value":"cs","endpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"}},
                                 {"timestamp":1100,"value":"sr","endpoint":{"serviceName":"backend","ipv4":"10.0.0.2"}},
                                 {"timestamp":1300,"value":"ss","endpoint":{"serviceName":"backend","ipv4":"10.0.0.2"}},
                                 {"timestamp":1400,"value":"cr","endpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"}}],
                  "binaryAnnotations":[{"key":"http.path","value":"/api","endpoint":{"serviceName":"frontend"}},
                                       {"key":"error","value":"timeout","endpoint":{"serviceName":"backend"}},
                                       {"key":"sa","value":true,"endpoint":{"serviceName":"backend","ipv4":"10.0.0.2"}}]},
                 {"traceId":"463ac35c9f6413ad","id":"0000000000000003","parentId":"b7ad6b7169203331","name":"encode",
                  "timestamp":1150,"duration":20,
                  "binaryAnnotations":[{"key":"lc","value":"json","endpoint":{"serviceName":"backend"}}]}]
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(TraceFormat.ZIPKIN_JSON);
        assertThat(decoded.spans).hasSize(3);
        Span client = decoded.spans.get(0);
        assertThat(client.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(client.serviceName()).isEqualTo("frontend");
        assertThat(client.durationNanos()).isEqualTo(400_000);
        assertThat(client.shared()).isFalse();
        assertThat(client.attributes().asMap()).containsEntry("url.path", "/api").doesNotContainKey("sa");
        assertThat(client.status().code()).isEqualTo(StatusCode.UNSET);
        Span server = decoded.spans.get(1);
        assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.serviceName()).isEqualTo("backend");
        assertThat(server.shared()).isTrue();
        assertThat(server.spanId()).isEqualTo(client.spanId());
        assertThat(server.startEpochNanos()).isEqualTo(1_100_000);
        assertThat(server.durationNanos()).isEqualTo(200_000);
        assertThat(server.status().code()).isEqualTo(StatusCode.ERROR);
        assertThat(server.status().message()).isEqualTo("timeout");
        Span local = decoded.spans.get(2);
        assertThat(local.kind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(local.serviceName()).isEqualTo("backend");
    }

    @Test
    void grafanaTempoTraceJsonWithBatchesAndBase64Ids() {
        String text = """
                {"batches":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
                  "instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"otel"},"spans":[
                    {"traceId":"RjrDXJ9kE61IBaOZU7thJA==","spanId":"ovtKHRqW0xI=","name":"POST /checkout",
                     "kind":"SPAN_KIND_SERVER","startTimeUnixNano":"1700000000000000000",
                     "endTimeUnixNano":"1700000000250000000","status":{"code":"STATUS_CODE_ERROR"}}]}]}]}
                """;
        Decoding decoded = decode(text);
        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(TraceFormat.OTLP_JSON);
        assertThat(decoded.spans).singleElement().satisfies(span -> {
            assertThat(span.traceId().toHex()).isEqualTo("463ac35c9f6413ad4805a39953bb6124");
            assertThat(span.spanId().toHex()).isEqualTo("a2fb4a1d1a96d312");
            assertThat(span.serviceName()).isEqualTo("checkout");
            assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
        });
        Decoding v2 = decode("{\"trace\":" + text.replace("batches", "resourceSpans") + "}");
        assertThat(v2.problems).isEmpty();
        assertThat(v2.spans).hasSize(1);
    }

    @Test
    void jaegerApiV3ResultsSingleAndStreamedWithTheirErrors() {
        String request = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}}]},
                  "scopeSpans":[{"spans":[{"traceId":"463ac35c9f6413ad4805a39953bb6124","spanId":"%s",
                  "name":"GET /cart","kind":2,"startTimeUnixNano":"1700000000000000000",
                  "endTimeUnixNano":"1700000000250000000"}]}]}]}""";
        String one = request.formatted("a2fb4a1d1a96d312");
        String two = request.formatted("b2fb4a1d1a96d312");

        Decoding single = decode("{\"result\":" + one + "}");
        Decoding streamed = decode("{\"result\":" + one.replace("\n", "") + "}\n"
                + "{\"result\":" + two.replace("\n", "") + "}\n"
                + "{\"error\":{\"grpcCode\":4,\"httpCode\":504,\"message\":\"context deadline exceeded\","
                + "\"httpStatus\":\"Gateway Timeout\"}}\n");

        assertThat(single.problems).isEmpty();
        assertThat(single.spans).extracting(span -> span.spanId().toHex()).containsExactly("a2fb4a1d1a96d312");
        assertThat(streamed.spans).extracting(span -> span.spanId().toHex())
                .containsExactly("a2fb4a1d1a96d312", "b2fb4a1d1a96d312");
        assertThat(streamed.problems).singleElement().satisfies(problem -> assertThat(problem.reason())
                .isEqualTo("the query reported an error: context deadline exceeded (HTTP 504)"));
    }

    @Test
    void zipkinSpansOnePerLineAndAsElasticsearchHitsReadAsTheArrayOfThem() throws Exception {
        List<Span> written = dev.sloscout.connectors.files.fixtures.TraceFixtures.spans(41, 6);
        String array = dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter.spans(written);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> spans = new ArrayList<>();
        json.readTree(array).forEach(spans::add);
        StringBuilder lines = new StringBuilder();
        StringBuilder hits = new StringBuilder();
        com.fasterxml.jackson.databind.node.ObjectNode search = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode searchHits = search.putObject("hits").putArray("hits");
        for (com.fasterxml.jackson.databind.JsonNode span : spans) {
            lines.append(span).append('\n');
            com.fasterxml.jackson.databind.node.ObjectNode hit = json.createObjectNode()
                    .put("_index", "zipkin-span-2023-11-14").put("_id", span.get("id").asText());
            hit.set("_source", ((com.fasterxml.jackson.databind.node.ObjectNode) span.deepCopy())
                    .put("timestamp_millis", span.get("timestamp").asLong() / 1000));
            hits.append(hit).append('\n');
            searchHits.add(hit);
        }
        Decoding reference = decode(array);

        for (String text : List.of(lines.toString(), hits.toString(), search.toPrettyString())) {
            Decoding decoded = decode(text);

            assertThat(decoded.problems).isEmpty();
            assertThat(decoded.report.format()).isEqualTo(TraceFormat.ZIPKIN_JSON);
            assertThat(decoded.spans).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(reference.spans);
        }
        assertThat(reference.spans).hasSameSizeAs(written);
    }

    @Test
    void aJsonLogRecordWithATraceIdAndAnIdStaysALog() {
        byte[] log = ("{\"id\":\"42\",\"traceId\":\"463ac35c9f6413ad4805a39953bb6124\",\"timestamp\":1700000000000,"
                + "\"msg\":\"paid\"}\n").getBytes(StandardCharsets.UTF_8);
        assertThat(FormatSniffer.sniff(log)).isEmpty();
    }

    @Test
    void zipkinClockSkewIsKeptAsRecorded() {
        String text = """
                [{"traceId":"463ac35c9f6413ad","id":"0000000000000001","name":"parent","kind":"SERVER","timestamp":5000,"duration":100,
                  "localEndpoint":{"serviceName":"a"}},
                 {"traceId":"463ac35c9f6413ad","parentId":"0000000000000001","id":"0000000000000002","name":"child","kind":"SERVER",
                  "timestamp":4000,"duration":50,"localEndpoint":{"serviceName":"b"}}]
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).hasSize(2);
    }

    @Test
    void jaegerBareTraceWithProcessesAfterSpansAndFollowsFrom() {
        String text = """
                {"spans":[
                   {"traceID":"4766f1209f70a5e2","spanID":"622a5079b565623e","operationName":"consume",
                    "references":[{"refType":"FOLLOWS_FROM","traceID":"4766f1209f70a5e2","spanID":"e821b549888cbc3b"}],
                    "startTime":1579070675085840,"duration":52,"processID":"p2",
                    "tags":[{"key":"span.kind","type":"string","value":"consumer"},{"key":"error","type":"bool","value":true}],
                    "logs":[{"timestamp":1579070675085850,"fields":[{"key":"event","value":"error"},
                            {"key":"error.kind","value":"IOException"},{"key":"message","value":"broken pipe"}]}]},
                   {"traceID":"4766f1209f70a5e2","spanID":"e821b549888cbc3b","operationName":"produce","references":[],
                    "startTime":1579070675085000,"duration":10,"processID":"p1","tags":[{"key":"http.status_code","type":"int64","value":201}]}],
                 "processes":{"p1":{"serviceName":"producer-svc"},"p2":{"serviceName":"consumer-svc"}}}
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(TraceFormat.JAEGER_JSON);
        assertThat(decoded.spans).hasSize(2);
        Span consumer = decoded.spans.get(0);
        assertThat(consumer.serviceName()).isEqualTo("consumer-svc");
        assertThat(consumer.kind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.parentSpanId().toHex()).isEqualTo("e821b549888cbc3b");
        assertThat(consumer.status().code()).isEqualTo(StatusCode.ERROR);
        assertThat(consumer.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("IOException");
            assertThat(e.message()).isEqualTo("broken pipe");
        });
        assertThat(decoded.spans.get(1).attributes().asMap()).containsEntry("http.response.status_code", 201L);
    }

    @Test
    void jaegerQueryErrorsAreReported() {
        Decoding decoded = decode("{\"data\":[],\"errors\":[{\"code\":500,\"msg\":\"storage down\"}]}");

        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("storage down"));
    }
}
