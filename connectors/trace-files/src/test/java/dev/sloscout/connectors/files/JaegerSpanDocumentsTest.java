package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.connectors.files.fixtures.JaegerJsonWriter;
import dev.sloscout.connectors.files.fixtures.JaegerProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.StatusCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jaeger spans one at a time: the storage documents of its Elasticsearch/OpenSearch backend (as an export or a search
 * response has them) and the protobuf JSON its collector writes to Kafka. Each is checked against a reading the other
 * tests already trust: the query API's JSON of the same spans, and the protobuf encoding of the same span.
 */
class JaegerSpanDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Span> SPANS = TraceFixtures.spans(21, 12);

    private static Decoding decode(String text) {
        return Decoding.of("spans.json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String lines(List<? extends Object> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void storageDocumentsReadAsTheQueryApiJsonOfTheSameSpans() {
        Decoding reference = decode(JaegerJsonWriter.queryResponse(SPANS));
        assertThat(reference.problems).isEmpty();
        assertThat(reference.spans).hasSameSizeAs(SPANS);
        List<ObjectNode> documents = JaegerJsonWriter.storageDocuments(SPANS, false);
        List<ObjectNode> hits = new ArrayList<>();
        for (ObjectNode document : documents) {
            ObjectNode hit = JSON.createObjectNode().put("_index", "jaeger-span-2023-11-14").put("_type", "_doc")
                    .put("_id", document.get("spanID").asText()).put("_score", 1);
            hit.set("_source", document);
            hits.add(hit);
        }
        ObjectNode search = JSON.createObjectNode().put("took", 3).put("timed_out", false);
        search.putObject("hits").put("max_score", 1.0).putArray("hits").addAll(hits);

        for (String text : List.of(lines(documents), JSON.valueToTree(documents).toString(), lines(hits),
                search.toPrettyString(), lines(JaegerJsonWriter.storageDocuments(SPANS, true)))) {
            Decoding decoded = decode(text);

            assertThat(decoded.problems).as(text.substring(0, 80)).isEmpty();
            assertThat(decoded.report.format()).isEqualTo(TraceFormat.JAEGER_JSON);
            assertSameSpans(decoded.spans, reference.spans);
        }
    }

    /** Equal span by span; attributes as maps (tags stored as fields come back in another order). */
    private static void assertSameSpans(List<Span> actual, List<Span> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).usingRecursiveComparison().ignoringFields("attributes")
                    .isEqualTo(expected.get(i));
            assertThat(actual.get(i).attributes().asMap()).isEqualTo(expected.get(i).attributes().asMap());
        }
    }

    @Test
    void kafkaProtobufJsonReadsAsTheProtobufEncodingOfTheSameSpan() throws Exception {
        List<ObjectNode> records = SPANS.stream().map(JaegerJsonWriter::protobufJson).toList();
        assertThat(records.toString()).contains("\"vType\":\"INT64\"}").as("a zero left out");

        Decoding decoded = decode(lines(records));

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(TraceFormat.JAEGER_JSON);
        assertThat(decoded.spans).hasSameSizeAs(SPANS);
        for (int i = 0; i < SPANS.size(); i++) {
            Span original = SPANS.get(i);
            Span fromProtobuf = JaegerProtoDecoder.decode(JaegerProtoWriter.span(original));
            assertThat(decoded.spans.get(i)).usingRecursiveComparison().ignoringFields("exceptions")
                    .isEqualTo(fromProtobuf);
            assertThat(decoded.spans.get(i).exceptions()).isEqualTo(original.exceptions());
            assertThat(decoded.spans.get(i).status().code() == StatusCode.ERROR)
                    .isEqualTo(original.status().code() == StatusCode.ERROR);
        }
        assertThat(decoded.spans).anySatisfy(s -> assertThat(s.exceptions()).isNotEmpty());
        assertThat(decoded.spans).anySatisfy(s -> assertThat(s.status().code()).isEqualTo(StatusCode.ERROR));
        assertThat(decoded.spans).anySatisfy(s -> assertThat(s.status().code()).isNotEqualTo(StatusCode.ERROR));
    }

    @Test
    void protobufJsonWithNanosecondsGoDurationsAndDefaultsLeftOut() {
        String text = """
                {"traceId":"q9f9RaeqewMpQKWjWzj1Eg==","spanId":"oD09Zb3lN1o=","operationName":"GET /ready",\
                "startTime":"2023-12-01T10:47:45.853375888Z","duration":"1m2.5s",\
                "tags":[{"key":"span.kind","vStr":"server"},{"key":"http.status_code","vType":"INT64","vInt64":"503"},\
                {"key":"error","vType":"BOOL"},{"key":"sampler.param","vType":"FLOAT64","vFloat64":0.25},\
                {"key":"rpc.grpc.status_code","vType":"INT64"},{"key":"db.system"},\
                {"key":"peer.service","vType":"BINARY","vBinary":"AAAwOQ=="}],\
                "process":{"serviceName":"edge","tags":[{"key":"service.version","vStr":"1.4.2"}]}}
                {"traceId":"q9f9RaeqewMpQKWjWzj1Eg==","spanId":"1f2n/O2U20w=","operationName":"SELECT",\
                "references":[{"traceId":"q9f9RaeqewMpQKWjWzj1Eg==","spanId":"oD09Zb3lN1o="}],\
                "startTime":"2023-12-01T11:47:45.9+01:00","duration":"2000ns","process":{"serviceName":"db"}}
                """;

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        Span root = decoded.spans.get(0);
        Span child = decoded.spans.get(1);
        assertThat(root.traceId().toHex()).isEqualTo("abd7fd45a7aa7b032940a5a35b38f512");
        assertThat(root.spanId().toHex()).isEqualTo("a03d3d65bde5375a");
        assertThat(root.startEpochNanos()).isEqualTo(1_701_427_665_853_375_888L);
        assertThat(root.durationNanos()).isEqualTo(62_500_000_000L);
        assertThat(root.attributes().asMap()).containsEntry("http.response.status_code", 503L)
                .containsEntry("sampler.param", "0.25").containsEntry("rpc.grpc.status_code", 0L)
                .containsEntry("db.system", "").doesNotContainKey("peer.service");
        assertThat(root.status().code()).as("error=false, its value left out").isNotEqualTo(StatusCode.ERROR);
        assertThat(root.resource().serviceVersion()).isEqualTo("1.4.2");
        assertThat(child.parentSpanId()).isEqualTo(root.spanId());
        assertThat(child.startEpochNanos()).isEqualTo(1_701_427_665_900_000_000L);
        assertThat(child.durationNanos()).isEqualTo(2_000L);
        assertThat(child.serviceName()).isEqualTo("db");
    }

    @Test
    void aBadSpanIsOneLocatedProblemAndTheOthersAreRead() {
        List<ObjectNode> records = new ArrayList<>(SPANS.subList(0, 4).stream().map(JaegerJsonWriter::protobufJson)
                .toList());
        records.get(1).put("startTime", "yesterday");
        records.get(2).put("duration", "-5s");

        Decoding decoded = decode(lines(records) + "\n{\"took\":1}\n");

        assertThat(decoded.spans).hasSize(2);
        assertThat(decoded.problems).extracting(p -> p.location() + ": " + p.reason()).containsExactly(
                "document 1: span " + records.get(1).get("spanId").asText()
                        + ": startTime is neither microseconds nor an RFC 3339 time: 'yesterday'",
                "document 2: span " + records.get(2).get("spanId").asText() + ": duration is not a duration: '-5s'",
                "document 4: no Jaeger trace or span in this JSON object (no \"spans\", \"spanID\" or \"data\")");
    }

    @Test
    void durationsAsGoAndProtobufWriteThem() {
        assertThat(JaegerJsonValues.parseDuration("0.001245672s")).isEqualTo(1_245_672L);
        assertThat(JaegerJsonValues.parseDuration("1h2m3.5s")).isEqualTo(3_723_500_000_000L);
        assertThat(JaegerJsonValues.parseDuration("1.5ms")).isEqualTo(1_500_000L);
        assertThat(JaegerJsonValues.parseDuration("7\u00b5s")).isEqualTo(7_000L);
        assertThat(JaegerJsonValues.parseDuration("0")).isZero();
        for (String bad : List.of("", "s", "5", "-1s", "1.2.3s", "3 s", "9999999999h", "1d")) {
            assertThat(JaegerJsonValues.parseDuration(bad)).as(bad).isEqualTo(-1);
        }
    }
}
