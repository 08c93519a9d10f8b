package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sloscout.engine.demo.DemoLog;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes log records as an OTLP/JSON ExportLogsServiceRequest (one resource per service), ids in hex. */
public final class OtlpJsonLogWriter {
    private static final OtlpJsonEnvelope.Fields FIELDS = new OtlpJsonEnvelope.Fields("resourceLogs", "scopeLogs",
            "scope", "logRecords", "slo-scout-demo");

    public String request(List<DemoLog> records) {
        return OtlpJsonEnvelope.request(records, r -> Map.of("service.name", r.service()), FIELDS, false, OtlpJsonLogWriter::writeRecord);
    }

    private static void writeRecord(JsonGenerator g, DemoLog record) throws IOException {
        g.writeStartObject();
        g.writeStringField("timeUnixNano", Long.toString(record.epochNanos()));
        g.writeStringField("observedTimeUnixNano", Long.toString(record.epochNanos()));
        g.writeNumberField("severityNumber", record.severityNumber());
        g.writeStringField("severityText", record.severityText());
        g.writeObjectFieldStart("body");
        g.writeStringField("stringValue", record.body());
        g.writeEndObject();
        g.writeStringField("traceId", record.traceId().toHex());
        g.writeStringField("spanId", record.spanId().toHex());
        g.writeEndObject();
    }
}
