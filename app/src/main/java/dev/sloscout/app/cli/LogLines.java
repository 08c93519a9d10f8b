package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.engine.capsule.LogEvent;
import java.time.Instant;

/** Log events written back as JSON lines that {@code LogFileReader} reads (receive, kafka). */
final class LogLines {
    private LogLines() {
    }

    /** A log event as a JSON line the log reader reads back (message, level, time, service, ids). */
    static String jsonLine(LogEvent e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("service", e.service());
        node.put("level", e.severity().name());
        if (e.epochMillis() != dev.sloscout.engine.capsule.LogHeader.NO_TIME) {
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
}
