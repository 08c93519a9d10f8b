package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the trace format from the first bytes of (decompressed) content: JSON flavours by the field names they use,
 * protobuf by its framing. Never by file name.
 */
public final class FormatSniffer {
    static final int SNIFF_BYTES = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();
    /** An X-Ray trace id where a segment document keeps it. */
    private static final java.util.regex.Pattern XRAY_TRACE_ID = java.util.regex.Pattern.compile(
            "\"trace_id\"\\s*:\\s*\"1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}\"");

    private FormatSniffer() {
    }

    /** What the head of a stream is; empty when it is no trace format this reader knows. */
    public static Optional<TraceFormat> sniff(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int first = start < head.length ? head[start] & 0xFF : -1;
        return first == '{' || first == '[' ? sniffJson(head, start) : sniffProtobuf(head);
    }

    /**
     * {@link #sniff} for the protobuf formats only (a bare request, or the file exporter's frames), without reading
     * JSON field names: for callers that only ask whether bytes are OTLP protobuf.
     */
    static Optional<TraceFormat> sniffProtobuf(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int first = start < head.length ? head[start] & 0xFF : -1;
        if (first == '{' || first == '[') {
            return Optional.empty();
        }
        if (looksLikeBareProtobuf(head)) {
            return Optional.of(TraceFormat.OTLP_PROTO);
        }
        if (start >= head.length) {
            return Optional.empty();
        }
        if (start == 0 && looksFramed(head)) {
            return Optional.of(TraceFormat.OTLP_FRAMED);
        }
        return Optional.empty();
    }

    /**
     * Whether content that is no readable trace format still carries the field names only trace formats use
     * (a truncated or corrupted trace document): it is reported as a damaged trace file, never mined as log lines.
     */
    public static boolean looksLikeDamagedTraces(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 65_536), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("\"resourceSpans\"") || text.contains("\"scopeSpans\"")
                || text.contains("\"instrumentationLibrarySpans\"") || text.contains("\"startTimeUnixNano\"")
                || text.contains("\"operationName\"") && (text.contains("\"spanID\"") || text.contains("\"spanId\""))
                || text.contains("\"localEndpoint\"");
    }

    /** A short description of content that is not telemetry, for the one clear error. */
    public static String describe(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        if (start >= head.length) {
            return "the input is empty";
        }
        String otherSignal = otherOtlpSignal(head, start);
        if (otherSignal != null) {
            return otherSignal.equals("metrics") ? "OTLP metrics, not traces or logs: skipped (SLIs from metrics "
                    + "are read from Prometheus)" : "OTLP " + otherSignal + ", not traces";
        }
        String binary = LogEncoding.describeBinary(head); // an archive's magic number first: it may hold traces
        if (!binary.equals(LogEncoding.NOT_TEXT)) {
            return "not a trace file: " + binary;
        }
        if (looksLikeDamagedTraces(head)) {
            return "a damaged trace file: it names trace fields but is no readable trace format (truncated or "
                    + "corrupted?)";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = start; i < Math.min(head.length, start + 24); i++) {
            int b = head[i] & 0xFF;
            shown.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return "not a trace file (expected OTLP JSON/protobuf, Jaeger JSON, Zipkin JSON or X-Ray JSON); it starts "
                + "with \"" + shown + "\"";
    }

    /**
     * An OTLP/JSON metrics export (the Collector's file exporter writes one beside the traces and logs): its first
     * object opens with {@code resourceMetrics}. Not logs, though it is text.
     */
    static boolean isOtlpMetrics(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        if (start >= head.length || head[start] != '{') {
            return false;
        }
        try (JsonParser parser = JSON.createParser(head, start, head.length - start)) {
            return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && parser.currentName().equals("resourceMetrics");
        } catch (IOException e) {
            return false;
        }
    }

    private static String otherOtlpSignal(byte[] head, int start) {
        String text = new String(head, start, Math.min(head.length - start, 4096), java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("\"resourceLogs\"")) {
            return "logs";
        }
        if (text.contains("\"resourceMetrics\"")) {
            return "metrics";
        }
        return null;
    }

    /**
     * Field 1 (resource_spans) length-delimited is byte 0x0A, which is also a newline; so require what follows the
     * length to open a ResourceSpans field (resource, scope_spans or schema_url) before calling it protobuf.
     */
    private static boolean looksLikeBareProtobuf(byte[] head) {
        if (head.length < 3 || head[0] != 0x0A) {
            return false;
        }
        int i = 1;
        while (i < head.length && i < 6 && (head[i] & 0x80) != 0) {
            i++;
        }
        i++;
        if (i >= head.length) {
            return false;
        }
        int field = head[i] & 0xFF;
        return field == 0x0A || field == 0x12 || field == 0x1A;
    }

    private static boolean looksFramed(byte[] head) {
        if (head.length < 5 || head[0] != 0) {
            return false;
        }
        int length = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int payload = head[4] & 0xFF;
        return length > 0 && (payload == 0x0A || payload == '{' || Compression.isZstd(head, 4));
    }

    private static Optional<TraceFormat> sniffJson(byte[] head, int start) {
        Set<String> names = new HashSet<>();
        boolean topLevelArray = false;
        try (JsonParser parser = JSON.createParser(head, start, head.length - start)) {
            JsonToken token = parser.nextToken();
            topLevelArray = token == JsonToken.START_ARRAY;
            int seen = 0;
            while ((token = parser.nextToken()) != null && seen < 10_000) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    names.add(name);
                    seen++;
                    if (name.equals("resourceSpans") || name.equals("batches")) {
                        return Optional.of(TraceFormat.OTLP_JSON);
                    }
                }
            }
        } catch (IOException e) {
            // The sniff window ends mid-document, or the document is broken: judge by what was seen.
        }
        if (names.contains("resourceSpans") || names.contains("scopeSpans")
                || names.contains("instrumentationLibrarySpans")
                || names.contains("batches") && names.contains("spans")) { // Grafana Tempo's trace JSON
            return Optional.of(TraceFormat.OTLP_JSON);
        }
        if (names.contains("Segments") && names.contains("Document") || names.contains("trace_id")
                && names.contains("start_time") && names.contains("id") && XRAY_TRACE_ID.matcher(
                new String(head, start, head.length - start, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
            return Optional.of(TraceFormat.XRAY_JSON); // batch-get-traces, or segment documents
        }
        // by structure, not by one field name: a JSON log record carrying a "traceID" is still a log
        boolean jaegerEnvelope = !topLevelArray && names.contains("data")
                && (names.contains("total") || names.contains("errors") || names.contains("limit"))
                && (names.contains("traceID") || names.contains("spans")
                || names.contains("errors") && names.contains("code") && names.contains("msg"));
        // spans on their own: storage documents (spanID), or the protobuf JSON of Jaeger's Kafka encoding (spanId)
        boolean jaegerSpans = (names.contains("spanID") || names.contains("spanId")) && names.contains("operationName");
        boolean jaegerTrace = names.contains("processes") && names.contains("spans");
        if (jaegerEnvelope || jaegerSpans || jaegerTrace) {
            return Optional.of(TraceFormat.JAEGER_JSON);
        }
        if (topLevelArray && names.contains("traceId")
                && (names.contains("id") || names.contains("localEndpoint") || names.contains("timestamp"))) {
            return Optional.of(TraceFormat.ZIPKIN_JSON);
        }
        // spans one per line, or Elasticsearch hits of them: the endpoints tell them from a log record with an id
        if (names.contains("traceId") && names.contains("id")
                && (names.contains("localEndpoint") || names.contains("remoteEndpoint"))) {
            return Optional.of(TraceFormat.ZIPKIN_JSON);
        }
        return Optional.empty();
    }
}
