package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OTLP/JSON rules and the mess real exporters write. */
class OtlpJsonDecoderTest {
    private static final List<Span> SPANS = TraceFixtures.spans(3, 5);

    private static Decoding decode(String text) {
        return Decoding.of("test.json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsUpperCaseIdsNumericInt64EnumNamesAndLegacyFieldNames() {
        String text = new OtlpJsonWriter().upperCaseIds().numericInt64().enumNames().legacyScopeNames()
                .jsonLines(SPANS, 4);

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(SPANS);
    }

    @Test
    void theServiceIdentityIsKeptWholeVersionIncluded() {
        List<Span> versioned = SPANS.stream().map(s -> Span.builder().traceId(s.traceId()).spanId(s.spanId())
                .parentSpanId(s.parentSpanId()).resource(new dev.sloscout.engine.model.Resource(s.serviceName(),
                        "shop", "pod-7", "1.4.3")).name(s.name()).kind(s.kind()).startEpochNanos(s.startEpochNanos())
                .endEpochNanos(s.endEpochNanos()).status(s.status()).attributes(s.attributes())
                .exceptions(s.exceptions()).build()).toList();
        String text = new OtlpJsonWriter().jsonLines(versioned, 4);
        assertThat(text).contains("\"key\":\"service.version\",\"value\":{\"stringValue\":\"1.4.3\"}");

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(versioned);
        assertThat(decoded.spans).allSatisfy(s -> {
            assertThat(s.resource().serviceVersion()).isEqualTo("1.4.3");
            assertThat(s.resource().attribute("service.namespace")).isEqualTo("shop");
        });
    }

    @Test
    void acceptsBomCrlfAndMissingFinalNewline() {
        String lines = new OtlpJsonWriter().jsonLines(SPANS, 3).replace("\n", "\r\n");
        String text = "\uFEFF" + lines.substring(0, lines.length() - 2);

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).hasSize(SPANS.size());
    }

    /**
     * A request written a span per line under a first line that opens it (as compact writers that break between
     * array elements do): one document however few its lines (its last span's line is whole), not JSON lines with
     * every line but that one broken.
     */
    @Test
    void aRequestWrittenASpanPerLineIsOneDocument() throws Exception {
        com.fasterxml.jackson.databind.JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new OtlpJsonWriter().request(SPANS, false));
        com.fasterxml.jackson.databind.JsonNode first = request.path("resourceSpans").get(0);
        com.fasterxml.jackson.databind.JsonNode spans = first.path("scopeSpans").get(0).path("spans");
        assertThat(spans.size()).isGreaterThan(1);
        StringBuilder text = new StringBuilder("{\"resourceSpans\":[{\"resource\":" + first.path("resource")
                + ",\"scopeSpans\":[{\"spans\":[\n");
        // two spans: the second line a whole object, as the lines of JSON lines are
        text.append(spans.get(0)).append(",\n").append(spans.get(1)).append("\n]}]}]}\n");

        Decoding decoded = decode(text.toString());

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).hasSize(2);
    }

    @Test
    void acceptsAJsonArrayOfRequests() {
        OtlpJsonWriter writer = new OtlpJsonWriter();
        String text = "[" + writer.request(SPANS.subList(0, 5), true) + ",\n" + writer.request(SPANS.subList(5, SPANS.size()), true) + "]";

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(SPANS);
    }

    @Test
    void acceptsBase64IdsAsSomeExportersWriteThem() {
        Span span = SPANS.get(0);
        String traceB64 = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(16)
                .putLong(span.traceId().high()).putLong(span.traceId().low()).array());
        String spanB64 = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(8).putLong(span.spanId().value()).array());
        String text = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + traceB64 + "\",\"spanId\":\""
                + spanB64 + "\",\"name\":\"x\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}";

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).singleElement().satisfies(s -> {
            assertThat(s.traceId()).isEqualTo(span.traceId());
            assertThat(s.spanId()).isEqualTo(span.spanId());
            assertThat(s.kind()).isEqualTo(SpanKind.UNSPECIFIED);
            assertThat(s.status().code()).isEqualTo(StatusCode.UNSET);
            assertThat(s.serviceName()).isEqualTo("unknown_service");
        });
    }

    @Test
    void resourceAfterSpansStillNamesTheService() {
        String text = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
                + "\"spanId\":\"b7ad6b7169203331\",\"name\":\"GET /\",\"kind\":2,\"startTimeUnixNano\":\"10\",\"endTimeUnixNano\":\"20\"}]}],"
                + "\"resource\":{\"attributes\":[{\"value\":{\"stringValue\":\"shop\"},\"key\":\"service.name\"}]}}]}";

        Decoding decoded = decode(text);

        assertThat(decoded.spans).singleElement().satisfies(s -> {
            assertThat(s.serviceName()).isEqualTo("shop");
            assertThat(s.traceId()).isEqualTo(TraceId.fromHex("0af7651916cd43dd8448eb211c80319c"));
            assertThat(s.durationNanos()).isEqualTo(10);
        });
    }

    @Test
    void aCorruptLineIsReportedWithItsNumberAndTheNextLineIsRead() {
        String[] lines = new OtlpJsonWriter().jsonLines(SPANS, 5).split("\n");
        String text = lines[0] + "\n{\"resourceSpans\": [ {\"scopeSpans\": oops\n" + String.join("\n", List.of(lines).subList(1, lines.length));

        Decoding decoded = decode(text);

        assertThat(decoded.spans).hasSize(SPANS.size());
        assertThat(decoded.problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("test.json");
            assertThat(p.location()).isEqualTo("line 2");
            assertThat(p.reason()).startsWith("malformed JSON at line 1, column");
        });
    }

    /**
     * Lines as a damaged file holds them: whole requests, requests cut anywhere (some ending in a backslash), blank
     * lines and junk, joined by LF or CRLF; the first line whole, so that the file is read as lines.
     */
    @Provide
    Arbitrary<String> damagedLines() {
        List<String> whole = List.of(new OtlpJsonWriter().jsonLines(SPANS, 4).split("\n"));
        Arbitrary<String> request = Arbitraries.of(whole);
        Arbitrary<String> cut = request.flatMap(line -> Arbitraries.integers().between(0, line.length())
                .map(at -> line.substring(0, at)));
        Arbitrary<String> junk = Arbitraries.strings().withChars("\"\\{}[],:tru \t\r").ofMaxLength(8);
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(4, request), Tuple.of(3, cut),
                Tuple.of(1, cut.map(text -> text + "\\")), Tuple.of(1, junk));
        return Arbitraries.of("\n", "\r\n").flatMap(separator -> line.list().ofMaxSize(8)
                .map(lines -> whole.get(0) + separator + String.join(separator, lines)));
    }

    /** A file of lines gives the spans and problems of its lines read one by one, each alone, numbered. */
    @Property(tries = 200)
    void aFileOfLinesReadsAsItsLinesOneByOne(@ForAll("damagedLines") String text) {
        List<Span> spans = new java.util.ArrayList<>();
        List<dev.sloscout.engine.model.Problem> problems = new java.util.ArrayList<>();
        DecodeContext alone = new DecodeContext("test.json", spans::add, problems::add, () -> false);
        OtlpJsonDecoder decoder = new OtlpJsonDecoder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                decoder.decodeRecord(bytes, 0, bytes.length, "line " + (i + 1), alone);
            }
        }

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEqualTo(problems);
        assertThat(decoded.spans).isEqualTo(spans);
    }

    @Test
    void aDocumentNestedTooDeepIsOneProblem() {
        String deep = "{\n\"resourceSpans\": [\n" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "\n]}\n";

        Decoding decoded = decode(deep);

        assertThat(decoded.spans).isEmpty();
        assertThat(decoded.problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("document");
            assertThat(p.reason()).contains("reading stopped here");
        });
    }

    @Test
    void aDecompressionBombIsStoppedWithAClearProblem() {
        byte[] newlines = new byte[150 << 20]; // a JSON-lines file of one request and 150 MB of empty lines
        java.util.Arrays.fill(newlines, (byte) '\n');
        byte[] first = "{\"resourceSpans\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(first, 0, newlines, 0, first.length);
        byte[] bomb = dev.sloscout.connectors.files.fixtures.Compressions.gzip(newlines);
        java.util.List<dev.sloscout.engine.model.Problem> problems = new java.util.ArrayList<>();

        new TraceFileReader(span -> { }, problems::add).read("bomb.json.gz", new java.io.ByteArrayInputStream(bomb));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("over 500:1"));
    }

    /**
     * A fault on data nobody foresaw ends that file's reading with one problem naming it, the spans read before it
     * kept; the caller goes on to its other files. A cancel goes through.
     */
    @Test
    void anUnexpectedFaultEndsTheFilesReadingWithAProblem() {
        byte[] lines = new OtlpJsonWriter().jsonLines(SPANS, 1).getBytes(StandardCharsets.UTF_8);
        List<Span> kept = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();

        SourceReport report = new TraceFileReader(span -> {
            if (kept.size() == 2) {
                throw new IllegalStateException("unforeseen");
            }
            kept.add(span);
        }, problems::add).read("spans.jsonl", new ByteArrayInputStream(lines));

        assertThat(kept).hasSize(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("reading stopped on an unexpected fault (java.lang.IllegalStateException: unforeseen at ")
                .endsWith("the spans read before it were kept"));
        assertThatThrownBy(() -> new TraceFileReader(span -> {
            throw new CancellationException("cancelled");
        }, problems::add).read("spans.jsonl", new ByteArrayInputStream(lines)))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aCorruptFirstLineIsOneBadLineNotADocument() {
        String lines = new OtlpJsonWriter().jsonLines(SPANS, 2);
        String text = "{\"resourceSpans\": [ {\"scopeSpans\": oops\n" + lines;

        Decoding decoded = decode(text);

        assertThat(decoded.spans).hasSize(SPANS.size());
        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("line 1"));
    }

    @Test
    void anInvalidSpanIsRejectedAndItsNeighboursKept() {
        String text = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":["
                + "{\"traceId\":\"00000000000000000000000000000000\",\"spanId\":\"b7ad6b7169203331\",\"name\":\"zero\"},"
                + "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"xyz\",\"name\":\"bad-span-id\"},"
                + "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\",\"name\":\"late\","
                + "\"startTimeUnixNano\":\"20\",\"endTimeUnixNano\":\"10\"},"
                + "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203332\",\"name\":\"good\","
                + "\"startTimeUnixNano\":{\"nested\":1},\"endTimeUnixNano\":\"10\"},"
                + "{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203333\",\"name\":\"fine\","
                + "\"startTimeUnixNano\":\"5\",\"endTimeUnixNano\":\"10\"}]}]}]}\n";

        Decoding decoded = decode(text);

        assertThat(decoded.spans).extracting(Span::name).containsExactly("fine");
        assertThat(decoded.problems).extracting(p -> p.reason())
                .anySatisfy(r -> assertThat(r).contains("zero"))
                .anySatisfy(r -> assertThat(r).contains("bad-span-id"))
                .anySatisfy(r -> assertThat(r).contains("ends (10) before it starts (20)"))
                .anySatisfy(r -> assertThat(r).contains("startTimeUnixNano must be an integer"));
        assertThat(decoded.problems).allSatisfy(p -> assertThat(p.location()).isEqualTo("line 1"));
    }

    @Test
    void aBrokenDocumentKeepsWhatCameBeforeTheBreak() {
        String pretty = new OtlpJsonWriter().request(SPANS, true);
        int cut = pretty.length() / 2;
        String text = "[" + new OtlpJsonWriter().request(SPANS.subList(0, 3), true) + ",\n" + pretty.substring(0, cut);

        Decoding decoded = decode(text);

        // The first request whole, and of the broken one the resources that closed before the break.
        assertThat(decoded.spans).hasSizeBetween(4, 3 + SPANS.size() - 1);
        assertThat(SPANS).containsAll(decoded.spans);
        assertThat(decoded.problems).singleElement().satisfies(p -> {
            assertThat(p.location()).matches("line \\d+, column \\d+ \\(byte \\d+\\)");
            assertThat(p.reason()).contains("reading stopped here");
        });
    }

    @Test
    void otlpLogsAreNamedForWhatTheyAre() {
        Decoding decoded = decode("{\"resourceLogs\":[{\"scopeLogs\":[]}]}");

        assertThat(decoded.report.format()).isNull();
        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("OTLP logs, not traces"));
    }

    @Test
    void inputThatIsNotTelemetryIsOneClearError() {
        Decoding decoded = decode("2024-01-01 12:00:00 INFO started\n2024-01-01 12:00:01 INFO ready\n");

        assertThat(decoded.spans).isEmpty();
        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("not a trace file").contains("2024-01-01 12:00:00"));
    }

    @Test
    void anOverlongLineIsReportedAndSkippedWithoutHoldingIt() throws Exception {
        String[] lines = new OtlpJsonWriter().jsonLines(SPANS, 5).split("\n");
        int limit = java.util.Arrays.stream(lines).mapToInt(String::length).max().orElseThrow() + 10;
        String overlong = "{\"resourceSpans\":[" + " ".repeat(limit) + "]}";
        String text = lines[0] + "\n" + overlong + "\n" + String.join("\n", List.of(lines).subList(1, lines.length));
        List<Span> spans = new java.util.ArrayList<>();
        List<dev.sloscout.engine.model.Problem> problems = new java.util.ArrayList<>();

        new OtlpJsonDecoder(limit).decode(new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8))), new DecodeContext("big.jsonl", spans::add, problems::add, () -> false));

        assertThat(spans).hasSize(SPANS.size());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 2");
            assertThat(p.reason()).isEqualTo("line longer than " + limit + " bytes, skipped");
        });
    }

    @Test
    void emptyInputIsSaidToBeEmpty() {
        Decoding decoded = decode("  \n");

        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("the input is empty"));
    }

    @Test
    void statusAndKindAcceptNumbersWrittenAsStrings() {
        String text = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
                + "\"spanId\":\"b7ad6b7169203331\",\"name\":\"x\",\"kind\":\"3\",\"status\":{\"code\":\"2\",\"message\":\"boom\"},"
                + "\"startTimeUnixNano\":1.0E9,\"endTimeUnixNano\":\"2000000000\",\"attributes\":[{\"key\":\"http.status_code\","
                + "\"value\":{\"stringValue\":\"503\"}},{\"key\":\"nested\",\"value\":{\"kvlistValue\":{\"values\":[]}}}]}]}]}]}";

        Decoding decoded = decode(text);

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.spans).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.status().code()).isEqualTo(StatusCode.ERROR);
            assertThat(s.status().message()).isEqualTo("boom");
            assertThat(s.startEpochNanos()).isEqualTo(1_000_000_000L);
            assertThat(s.attributes().asMap()).containsEntry("http.response.status_code", 503L);
        });
    }
}
