package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.StatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AWS X-Ray's segments, as its API answers them and as its daemon receives them. */
class XRayJsonDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "1-65e1c340-bd862e3fe1be46a994272793";

    /**
     * A front end's segment (a request that failed with a 5xx) calling DynamoDB and, through a remote subsegment, a
     * cart service whose own segment names that subsegment its parent.
     */
    private static ObjectNode frontend() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "70de5b6f19ff9a0a", "name": "frontend", "trace_id": "%s",
                 "start_time": 1709294400.123456, "end_time": 1709294400.373456, "fault": true, "error": false,
                 "http": {"request": {"method": "GET", "url": "https://shop.example/cart/42?session=s3cr3t",
                                      "client_ip": "203.0.113.7"},
                          "response": {"status": 502}},
                 "subsegments": [
                   {"id": "a1b2c3d4e5f60718", "name": "DynamoDB", "namespace": "aws",
                    "start_time": 1709294400.13, "end_time": 1709294400.17,
                    "aws": {"operation": "GetItem", "table_name": "carts"}, "http": {"response": {"status": 200}}},
                   {"id": "b1b2c3d4e5f60718", "name": "cart", "namespace": "remote", "fault": true,
                    "start_time": 1709294400.18, "end_time": 1709294400.36,
                    "http": {"request": {"method": "GET", "url": "http://cart:8080/items"},
                             "response": {"status": 500}},
                    "subsegments": [{"id": "c1b2c3d4e5f60718", "name": "retry",
                                     "start_time": 1709294400.181, "end_time": 1709294400.182}]},
                   {"id": "d1b2c3d4e5f60718", "name": "auth", "namespace": "remote", "error": true,
                    "start_time": 1709294400.37, "end_time": 1709294400.371, "http": {"response": {"status": 403}}}]}
                """.formatted(TRACE));
    }

    private static ObjectNode cart() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "e1b2c3d4e5f60718", "name": "cart", "trace_id": "%s", "parent_id": "b1b2c3d4e5f60718",
                 "start_time": 1709294400.19, "end_time": 1709294400.35, "fault": true, "error": true,
                 "http": {"request": {"method": "GET", "url": "http://cart:8080/items"}, "response": {"status": 500}},
                 "cause": {"exceptions": [{"id": "f1b2c3d4e5f60718", "type": "SQLTransientConnectionException",
                                           "message": "pool exhausted"}]}}
                """.formatted(TRACE));
    }

    /** {@code aws xray batch-get-traces}: each segment a JSON string in its trace's {@code Segments}. */
    private static String batchGetTraces(ObjectNode... segments) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode traces = answer.putArray("Traces");
        ObjectNode trace = traces.addObject().put("Id", TRACE).put("Duration", 0.25);
        ArrayNode list = trace.putArray("Segments");
        for (ObjectNode segment : segments) {
            list.addObject().put("Id", segment.get("id").asText()).put("Document", segment.toString());
        }
        answer.putArray("UnprocessedTraceIds");
        return answer.toPrettyString();
    }

    private static Decoding decode(String text) {
        return Decoding.of("xray.json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void segmentsAndSubsegmentsBecomeOneTraceOfServerClientAndInternalSpans() throws Exception {
        Decoding decoded = decode(batchGetTraces(frontend(), cart()));

        assertThat(decoded.report.format()).isEqualTo(TraceFormat.XRAY_JSON);
        assertThat(decoded.problems).isEmpty();
        Map<String, Span> byId = decoded.spans.stream()
                .collect(Collectors.toMap(s -> s.spanId().toHex(), Function.identity()));
        assertThat(byId).hasSize(6);
        assertThat(decoded.spans).allSatisfy(s ->
                assertThat(s.traceId().toHex()).isEqualTo("65e1c340bd862e3fe1be46a994272793"));

        Span front = byId.get("70de5b6f19ff9a0a");
        assertThat(front.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(front.serviceName()).isEqualTo("frontend");
        assertThat(front.name()).isEqualTo("GET /cart/42"); // the query (a session) left out
        assertThat(front.parentSpanId()).isNull();
        assertThat(front.startEpochNanos()).isEqualTo(1_709_294_400_123_456_000L);
        assertThat(front.endEpochNanos() - front.startEpochNanos()).isEqualTo(250_000_000L);
        assertThat(front.status().code()).isEqualTo(StatusCode.ERROR);
        assertThat(front.attributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(502L);

        Span dynamo = byId.get("a1b2c3d4e5f60718");
        assertThat(dynamo.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(dynamo.name()).isEqualTo("DynamoDB.GetItem");
        assertThat(dynamo.serviceName()).isEqualTo("frontend");
        assertThat(dynamo.parentSpanId().toHex()).isEqualTo("70de5b6f19ff9a0a");
        assertThat(dynamo.attributes().get(SpanAttributes.PEER_SERVICE)).isEqualTo("DynamoDB");
        assertThat(dynamo.attributes().get(SpanAttributes.RPC_METHOD)).isEqualTo("GetItem");
        assertThat(dynamo.status().code()).isEqualTo(StatusCode.UNSET);

        assertThat(byId.get("c1b2c3d4e5f60718").kind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(byId.get("c1b2c3d4e5f60718").parentSpanId().toHex()).isEqualTo("b1b2c3d4e5f60718");
        assertThat(byId.get("d1b2c3d4e5f60718").status().code()).as("a 4xx of a call").isEqualTo(StatusCode.ERROR);

        Span cart = byId.get("e1b2c3d4e5f60718");
        assertThat(cart.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(cart.serviceName()).isEqualTo("cart");
        assertThat(cart.parentSpanId().toHex()).as("the caller's remote subsegment").isEqualTo("b1b2c3d4e5f60718");
        assertThat(cart.status().message()).isEqualTo("pool exhausted");
        assertThat(cart.exceptions()).extracting(ExceptionEvent::type, ExceptionEvent::message)
                .containsExactly(tuple("SQLTransientConnectionException", "pool exhausted"));
    }

    /** A 4xx on a server span is the client's error, not the service's, as OpenTelemetry counts it. */
    @Test
    void aClientErrorOfASegmentIsNoErrorOfTheService() throws Exception {
        ObjectNode segment = cart().put("fault", false).put("error", true);
        segment.remove("cause");

        Decoding decoded = decode(segment.toString());

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).singleElement().satisfies(s ->
                assertThat(s.status().code()).isEqualTo(StatusCode.UNSET));
    }

    /** Segment documents as the daemon receives them: one per line, or an array of them; the same spans. */
    @Test
    void segmentDocumentsOnePerLineOrInAnArrayReadTheSame() throws Exception {
        String lines = frontend().toString() + "\n" + cart().toString() + "\n";
        String array = "[" + frontend().toPrettyString() + ",\n" + cart().toPrettyString() + "]";

        Decoding fromLines = decode(lines);
        Decoding fromArray = decode(array);
        Decoding fromApi = decode(batchGetTraces(frontend(), cart()));

        assertThat(fromLines.report.format()).isEqualTo(TraceFormat.XRAY_JSON);
        assertThat(fromArray.report.format()).isEqualTo(TraceFormat.XRAY_JSON);
        assertThat(fromLines.problems).isEmpty();
        assertThat(fromArray.problems).isEmpty();
        assertThat(fromLines.spans).hasSize(6).containsExactlyElementsOf(fromApi.spans);
        assertThat(fromArray.spans).containsExactlyElementsOf(fromApi.spans);
    }

    /**
     * A segment in progress, one with a trace id of another kind, and a Document that is no JSON are each one
     * problem naming where and why, and leave none of their spans; the segments around them are read.
     */
    @Test
    void aBadSegmentIsReportedAndTheOthersRead() throws Exception {
        ObjectNode inProgress = cart().put("id", "0000000000000aaa").put("in_progress", true);
        inProgress.remove("end_time");
        ObjectNode otherId = frontend().put("trace_id", "65e1c340bd862e3fe1be46a994272793");
        String answer = batchGetTraces(frontend(), inProgress, otherId, cart())
                .replace(JSON.writeValueAsString(cart().toString()), "\"{not json\"");

        Decoding decoded = decode(answer);

        assertThat(decoded.spans).hasSize(5); // the front end's segment, once
        assertThat(decoded.problems).extracting(Problem::location, Problem::reason).containsExactly(
                tuple("document 0, Traces[0].Segments[1]",
                        "segment 0000000000000aaa is still in progress (no end_time): its segment is left out"),
                tuple("document 0, Traces[0].Segments[2]", "trace_id '65e1c340bd862e3fe1be46a994272793' is not an "
                        + "X-Ray trace id (1-<8 hex>-<24 hex>)"),
                tuple("document 0, Traces[0].Segments[3]", decoded.problems.get(2).reason()));
        assertThat(decoded.problems.get(2).reason()).startsWith("Document is not valid JSON");
    }

    /**
     * Cut or corrupted answers and segment lines never throw or hang; a cut one gives no span that the whole input does
     * not (a segment is read whole or not at all), and what is lost is reported.
     */
    @Test
    void truncatedOrCorruptedInputNeverThrowsOrInventsSpans() throws Exception {
        Random random = new Random(13);
        for (String whole : List.of(batchGetTraces(frontend(), cart()), frontend() + "\n" + cart() + "\n")) {
            byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
            java.util.Set<Span> originals = new java.util.HashSet<>(Decoding.of("whole", bytes).spans);
            for (int i = 0; i < 80; i++) {
                int length = i % 2 == 0 ? random.nextInt(bytes.length) : bytes.length;
                byte[] broken = java.util.Arrays.copyOf(bytes, length);
                if (i % 2 == 1) {
                    for (int f = 0; f < 1 + random.nextInt(6); f++) {
                        broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
                    }
                }
                Decoding decoded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Decoding.of("x", broken));
                if (i % 2 == 0) { // cut: only whole segments' spans, as they were
                    assertThat(originals).containsAll(decoded.spans);
                }
                assertThat(decoded.spans.size()).isLessThanOrEqualTo(originals.size());
                assertThat(decoded.problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
                if (decoded.spans.size() < originals.size() && decoded.report.format() == TraceFormat.XRAY_JSON) {
                    assertThat(decoded.problems).as("what was lost is said").isNotEmpty();
                }
            }
        }
    }

    /** A JSON log with a trace_id of its own (not X-Ray's form) is no X-Ray document; a segment is one. */
    @Test
    void aLogRecordWithATraceIdIsNoSegment() throws Exception {
        String log = "{\"trace_id\":\"65e1c340bd862e3fe1be46a994272793\",\"id\":\"7\",\"start_time\":1,"
                + "\"message\":\"order placed\"}\n";

        assertThat(FormatSniffer.sniff(log.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FormatSniffer.sniff(log.replace("65e1c340bd8", "1-65e1c340-bd8").getBytes(StandardCharsets.UTF_8)))
                .contains(TraceFormat.XRAY_JSON);
    }
}
