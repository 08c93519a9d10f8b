package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.capsule.Redactor;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads log files into {@link LogEvent}s: plain text (multi-line stack traces folded into the event that starts them),
 * JSON lines (message in {@code message}/{@code msg}/{@code log}/{@code body}, docker's {@code {"log":..}} wrapper),
 * and OTLP/JSON logs (ExportLogsServiceRequest as one document or one per line). Gzip and zstd are unwrapped; CRLF, a
 * BOM and a missing final newline are fine; bytes that are not UTF-8 become U+FFFD. A bad record is reported with its
 * line and skipped.
 */
public final class LogFileReader {
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final int MAX_FOLDED_CHARS = 16 * 1024;
    private static final String[] MESSAGE_FIELDS = {"message", "msg", "log", "body", "@message", "text"};
    private static final String[] LEVEL_FIELDS = {"level", "severity", "lvl", "levelname", "log.level", "@level"};
    private static final String[] TIME_FIELDS = {"time", "timestamp", "@timestamp", "ts", "t", "datetime"};
    private static final String[] SERVICE_FIELDS = {"service", "service.name", "app", "application", "logger_name",
        "container_name"};
    private static final String[] TRACE_FIELDS = {"trace_id", "traceId", "trace.id", "traceid", "dd.trace_id"};
    private static final String[] SPAN_FIELDS = {"span_id", "spanId", "span.id", "spanid", "dd.span_id"};

    private static final Redactor REDACTOR = new Redactor();

    private final LogSink sink;
    private final ProblemSink problems;
    private final ObjectMapper json = new ObjectMapper();

    public LogFileReader(LogSink sink, ProblemSink problems) {
        this.sink = sink;
        this.problems = problems;
    }

    /** Reads one file; returns the number of events delivered. */
    public long read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            problems.report(new Problem(file.toString(), "", "cannot read: " + e.getMessage()));
            return 0;
        }
    }

    public long read(String source, InputStream raw) {
        String service = serviceOf(source);
        try {
            BufferedInputStream in = Compression.decompressed(raw);
            if (isJsonDocument(in)) {
                return document(source, service, in);
            }
            LineReader lines = new LineReader(in, MAX_LINE_BYTES);
            Folder folder = new Folder(source, service);
            while (lines.next()) {
                if (lines.isOverlong()) {
                    problems.report(new Problem(source, "line " + lines.lineNumber(),
                            "line longer than " + MAX_LINE_BYTES + " bytes skipped"));
                    continue;
                }
                String text = new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                char first = firstNonSpace(text);
                if (first == '{' && folder.pending == null && jsonRecord(source, lines.lineNumber(), service, text)) {
                    folder.count++;
                    continue;
                }
                folder.line(lines.lineNumber(), text);
            }
            folder.flush();
            return folder.count;
        } catch (IOException e) {
            problems.report(new Problem(source, "", "read failed: " + e.getMessage()));
            return 0;
        }
    }

    /** A JSON value spread over lines (pretty-printed OTLP): the first line alone does not parse. */
    private boolean isJsonDocument(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.isEmpty() || text.charAt(0) != '{' && text.charAt(0) != '[') {
            return false;
        }
        if (text.charAt(0) == '[') {
            String rest = text.substring(1).stripLeading();
            if (!rest.isEmpty() && rest.charAt(0) != '{' && rest.charAt(0) != '[' && rest.charAt(0) != ']') {
                return false; // "[Sun Dec 04 04:47:44 2005] [notice] ..." is a log line, not a JSON array
            }
        }
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return head.length < (1 << 16);
        }
        try {
            json.readTree(text.substring(0, newline));
            return false;
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            return true; // the first line is the start of something longer: a pretty-printed document
        } catch (JsonProcessingException e) {
            return false; // a broken first line of JSON lines: reported with the others, the rest still read
        }
    }

    private long document(String source, String service, InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (IOException e) {
            problems.report(new Problem(source, "", "not a valid JSON document: "
                    + REDACTOR.redact(String.valueOf(e.getMessage()))));
            return 0;
        }
        long[] count = {0};
        LogSink counting = event -> {
            count[0]++;
            sink.accept(event);
        };
        LogFileReader inner = new LogFileReader(counting, problems);
        if (root != null && root.isArray()) {
            long index = 0;
            for (JsonNode element : root) {
                inner.jsonRecord(source, ++index, service, element.toString());
            }
        } else if (root != null) {
            inner.jsonRecord(source, 1, service, root.toString());
        }
        return count[0];
    }

    /** True when the line was a JSON record (delivered or reported); false to treat it as text. */
    private boolean jsonRecord(String source, long line, String service, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            if (text.trim().equals("{")) {
                problems.report(new Problem(source, "line " + line,
                        "a JSON document spread over lines: write one record per line (JSON lines)"));
                return true;
            }
            // the parser quotes the offending text: it may be personal data, and problems end up in analysis.json
            problems.report(new Problem(source, "line " + line, "not valid JSON: "
                    + REDACTOR.redact(String.valueOf(e.getOriginalMessage()))));
            return true;
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        if (node.has("resourceLogs")) {
            otlp(source, line, node);
            return true;
        }
        String docker = text(node, "log");
        String message = docker != null && node.has("stream") ? null : first(node, MESSAGE_FIELDS);
        if (docker != null && message == null) {
            String body = docker.endsWith("\n") ? docker.substring(0, docker.length() - 1) : docker;
            sink.accept(new LogEvent(source, line, 1, first(node, SERVICE_FIELDS, service), body, true, "",
                    time(first(node, TIME_FIELDS)), Severity.UNKNOWN, null, null));
            return true;
        }
        if (message == null) {
            problems.report(new Problem(source, "line " + line, "JSON record without a message field (one of "
                    + String.join(", ", MESSAGE_FIELDS) + ")"));
            return true;
        }
        String level = first(node, LEVEL_FIELDS);
        Severity severity = level == null ? Severity.UNKNOWN : Severity.fromWord(level);
        int newline = message.indexOf('\n');
        sink.accept(new LogEvent(source, line, 1, first(node, SERVICE_FIELDS, service),
                newline < 0 ? message : message.substring(0, newline), false,
                newline < 0 ? "" : message.substring(newline + 1), time(first(node, TIME_FIELDS)),
                severity == null ? Severity.UNKNOWN : severity, traceId(first(node, TRACE_FIELDS)),
                spanId(first(node, SPAN_FIELDS))));
        return true;
    }

    private void otlp(String source, long line, JsonNode request) {
        for (JsonNode resourceLogs : request.path("resourceLogs")) {
            String service = "unknown_service";
            for (JsonNode attribute : resourceLogs.path("resource").path("attributes")) {
                if ("service.name".equals(attribute.path("key").asText())) {
                    service = attribute.path("value").path("stringValue").asText(service);
                }
            }
            JsonNode scopes = resourceLogs.has("scopeLogs") ? resourceLogs.path("scopeLogs")
                    : resourceLogs.path("instrumentationLibraryLogs");
            for (JsonNode scope : scopes) {
                for (JsonNode record : scope.path("logRecords")) {
                    String body = anyValue(record.path("body"));
                    long nanos = record.path("timeUnixNano").asLong(0);
                    if (nanos == 0) {
                        nanos = record.path("observedTimeUnixNano").asLong(0);
                    }
                    Severity severity = otlpSeverity(record);
                    int newline = body.indexOf('\n');
                    sink.accept(new LogEvent(source, line, 1, service,
                            newline < 0 ? body : body.substring(0, newline), false,
                            newline < 0 ? "" : body.substring(newline + 1),
                            nanos == 0 ? LogHeader.NO_TIME : nanos / 1_000_000, severity,
                            traceId(record.path("traceId").asText(null)), spanId(record.path("spanId").asText(null))));
                }
            }
        }
    }

    private static Severity otlpSeverity(JsonNode record) {
        JsonNode number = record.path("severityNumber");
        if (number.isInt()) {
            return Severity.fromOtlpNumber(number.asInt());
        }
        String text = number.isTextual() ? number.asText().replace("SEVERITY_NUMBER_", "")
                : record.path("severityText").asText("");
        text = text.replaceAll("[0-9]+$", "");
        Severity s = text.isEmpty() ? null : Severity.fromWord(text);
        return s == null ? Severity.UNKNOWN : s;
    }

    private static String anyValue(JsonNode value) {
        if (value.has("stringValue")) {
            return value.get("stringValue").asText();
        }
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        JsonNode scalar = value.elements().hasNext() ? value.elements().next() : value;
        return scalar.isValueNode() ? scalar.asText() : scalar.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static String first(JsonNode node, String[] fields) {
        return first(node, fields, null);
    }

    private static String first(JsonNode node, String[] fields, String fallback) {
        for (String field : fields) {
            String v = text(node, field);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return fallback;
    }

    private static long time(String text) {
        if (text == null) {
            return LogHeader.NO_TIME;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                double number = Double.parseDouble(text);
                return number > 1e14 ? (long) (number / 1e6) : number > 1e11 ? (long) number : (long) (number * 1000);
            } catch (NumberFormatException notNumber) {
                return LogHeader.NO_TIME;
            }
        }
    }

    private static TraceId traceId(String text) {
        try {
            return text == null || text.isEmpty() ? null : TraceId.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SpanId spanId(String text) {
        try {
            return text == null || text.isEmpty() ? null : SpanId.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code /var/log/payment-service.log.1.gz} gives {@code payment-service}. */
    static String serviceOf(String source) {
        String name = source.equals("-") ? "stdin" : Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }

    private static char firstNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    /** Folds continuation lines (indented, {@code Caused by:}, {@code ... 12 more}) into the event before them. */
    private final class Folder {
        final String source;
        final String service;
        String pending;
        long pendingLine;
        int pendingLines;
        StringBuilder folded = new StringBuilder();
        long count;

        Folder(String source, String service) {
            this.source = source;
            this.service = service;
        }

        void line(long number, String text) {
            if (pending != null && isContinuation(text)) {
                pendingLines++;
                if (folded.length() < MAX_FOLDED_CHARS) {
                    if (!folded.isEmpty()) {
                        folded.append('\n');
                    }
                    folded.append(text, 0, Math.min(text.length(), MAX_FOLDED_CHARS - folded.length()));
                }
                return;
            }
            flush();
            pending = text;
            pendingLine = number;
            pendingLines = 1;
        }

        void flush() {
            if (pending != null) {
                sink.accept(new LogEvent(source, pendingLine, pendingLines, service, pending, true,
                        folded.toString(), LogHeader.NO_TIME, Severity.UNKNOWN, null, null));
                count++;
                pending = null;
                folded.setLength(0);
            }
        }

        private boolean isContinuation(String text) {
            char c = text.charAt(0);
            return c == ' ' || c == '\t' || text.startsWith("Caused by:") || text.startsWith("Suppressed:")
                    || text.startsWith("...");
        }
    }
}
