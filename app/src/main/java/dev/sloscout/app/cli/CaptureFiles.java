package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.redact.BoundStatements;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.redact.SpanRedactor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the live sources ({@code receive}, {@code kafka}) put what arrives, in forms the file readers take back:
 * spans as OTLP/JSON lines (one request per delivery), log records as JSON lines. Flushed after every delivery, so
 * an interrupted capture keeps what it wrote. Unless told to keep them raw, span texts and log messages are redacted
 * as an analysis would redact them (a capture is a file on disk like any other), and counted.
 */
final class CaptureFiles implements AutoCloseable {
    private static final String SOURCE = "capture";

    private final OtlpJsonWriter otlp = new OtlpJsonWriter();
    private final Redactor redactor;
    private final List<Span> redactedSpans = new ArrayList<>();
    private final SpanRedactor spanRedactor;
    /** Values bound to a statement a record before theirs printed (Hibernate's TRACE), in the order received. */
    private final BoundStatements statements;
    private final Writer spanOut;
    private final Writer logOut;
    private final boolean keepsLogs;
    private long spans;
    private long logs;

    /** A redacting capture; {@code logsFile} may be null: log records are then counted, not kept. */
    CaptureFiles(Path spansFile, Path logsFile) throws IOException {
        this(spansFile, logsFile, new Redactor());
    }

    /** {@code redactor} null keeps spans and records as they arrived. */
    CaptureFiles(Path spansFile, Path logsFile, Redactor redactor) throws IOException {
        this.redactor = redactor;
        this.spanRedactor = redactor == null ? null : new SpanRedactor(redactor, redactedSpans::add);
        this.statements = redactor == null ? null : new BoundStatements(redactor);
        if (spanRedactor != null) {
            spanRedactor.source(SOURCE);
        }
        this.spanOut = Files.newBufferedWriter(spansFile, StandardCharsets.UTF_8);
        this.keepsLogs = logsFile != null;
        Writer logWriter;
        try {
            logWriter = keepsLogs ? Files.newBufferedWriter(logsFile, StandardCharsets.UTF_8) : Writer.nullWriter();
        } catch (IOException | RuntimeException e) {
            spanOut.close(); // the spans file was opened: close it rather than leak it
            throw e;
        }
        this.logOut = logWriter;
    }

    void write(List<Span> spanBatch, List<LogEvent> logBatch) throws IOException {
        if (!spanBatch.isEmpty()) {
            List<Span> kept = spanBatch;
            if (spanRedactor != null) {
                redactedSpans.clear();
                spanBatch.forEach(spanRedactor::accept);
                kept = redactedSpans;
            }
            spanOut.write(otlp.request(kept, false));
            spanOut.write('\n');
            spans += spanBatch.size();
        }
        for (LogEvent event : logBatch) {
            logOut.write(jsonLine(redactor == null ? event : redacted(event)));
            logOut.write('\n');
        }
        logs += logBatch.size();
        spanOut.flush();
        logOut.flush();
    }

    private LogEvent redacted(LogEvent e) {
        String text = redactor.redact(SOURCE, statements.read(SOURCE, e.thread(), e.text(), e.continuation()));
        String continuation = e.continuation().isEmpty() ? "" : redactor.redact(SOURCE, e.continuation());
        return new LogEvent(e.source(), e.line(), e.lines(), Redactor.wellFormed(e.service()), text, e.raw(),
                continuation, e.epochMillis(), e.severity(), e.traceId(), e.spanId(), e.thread());
    }

    /** Values redacted so far, by kind (empty for a raw capture). */
    java.util.SortedMap<String, Long> redactions() {
        return redactor == null ? new java.util.TreeMap<>() : redactor.redactions().totals();
    }

    /** {@code "; 3 values redacted (password 2, email 1)"}, or nothing. */
    String redactionNote() {
        java.util.SortedMap<String, Long> totals = redactions();
        if (totals.isEmpty()) {
            return "";
        }
        long n = totals.values().stream().mapToLong(Long::longValue).sum();
        return "; " + n + (n == 1 ? " value" : " values") + " redacted (" + totals.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                + "; --raw keeps them)";
    }

    long spans() {
        return spans;
    }

    long logs() {
        return logs;
    }

    /** {@code " -> FILE"}, or why the log records were not kept. */
    String logsTarget(Path logsFile) {
        return keepsLogs ? " -> " + logsFile : logs > 0 ? " (not kept: no --logs)" : "";
    }

    /**
     * A log event as a JSON line the log reader reads back (message, level, time, service, ids). A bare line of a file
     * (no level, trace or folded lines: what the Collector's {@code filelog} receiver sends, a line a record, without
     * a multiline rule) is written as a container's line ({@code {"service":..,"log":..,"stream":..}}), which the
     * reader folds with the lines after it, so a stack trace sent a frame a record is one event when analysed.
     */
    static String jsonLine(LogEvent e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("service", e.service());
        boolean bare = e.isBareLine();
        if (!bare) {
            node.put("level", e.severity().name());
        }
        if (e.epochMillis() != LogHeader.NO_TIME) {
            node.put("time", Instant.ofEpochMilli(e.epochMillis()).toString());
        }
        if (bare) {
            node.put("log", e.text());
            node.put("stream", "stdout");
            return node.toString();
        }
        node.put("message", e.continuation().isEmpty() ? e.text() : e.text() + "\n" + e.continuation());
        if (e.traceId() != null) {
            node.put("trace_id", e.traceId().toHex());
        }
        if (e.spanId() != null) {
            node.put("span_id", e.spanId().toHex());
        }
        if (!e.thread().isEmpty()) {
            node.put("thread_name", e.thread());
        }
        return node.toString();
    }

    @Override
    public void close() throws IOException {
        try (spanOut; logOut) {
            spanOut.flush();
        }
    }
}
