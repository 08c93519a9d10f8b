package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.model.Span;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the live sources ({@code receive}, {@code kafka}) put what arrives, in forms the file readers take back:
 * spans as OTLP/JSON lines (one request per delivery), log records as JSON lines. Flushed after every delivery, so
 * an interrupted capture keeps what it wrote.
 */
final class CaptureFiles implements AutoCloseable {
    private final OtlpJsonWriter otlp = new OtlpJsonWriter();
    private final Writer spanOut;
    private final Writer logOut;
    private final boolean keepsLogs;
    private long spans;
    private long logs;

    /** {@code logsFile} may be null: log records are then counted, not kept. */
    CaptureFiles(Path spansFile, Path logsFile) throws IOException {
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
            spanOut.write(otlp.request(spanBatch, false));
            spanOut.write('\n');
            spans += spanBatch.size();
        }
        for (LogEvent event : logBatch) {
            logOut.write(jsonLine(event));
            logOut.write('\n');
        }
        logs += logBatch.size();
        spanOut.flush();
        logOut.flush();
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

    /** A log event as a JSON line the log reader reads back (message, level, time, service, ids). */
    static String jsonLine(LogEvent e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("service", e.service());
        node.put("level", e.severity().name());
        if (e.epochMillis() != LogHeader.NO_TIME) {
            node.put("time", Instant.ofEpochMilli(e.epochMillis()).toString());
        }
        node.put("message", e.continuation().isEmpty() ? e.text() : e.text() + "\n" + e.continuation());
        if (e.traceId() != null) {
            node.put("trace_id", e.traceId().toHex());
        }
        if (e.spanId() != null) {
            node.put("span_id", e.spanId().toHex());
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
