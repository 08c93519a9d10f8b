package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sloscout.engine.demo.DemoLog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes log records as an OTLP/JSON ExportLogsServiceRequest (one resource per service), ids in hex. */
public final class OtlpJsonLogWriter {
    private final JsonFactory json = new JsonFactory();

    public String request(List<DemoLog> records) {
        Map<String, List<DemoLog>> byService = new LinkedHashMap<>();
        for (DemoLog record : records) {
            byService.computeIfAbsent(record.service(), s -> new ArrayList<>()).add(record);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeArrayFieldStart("resourceLogs");
            for (Map.Entry<String, List<DemoLog>> service : byService.entrySet()) {
                OtlpJsonWriter.startResource(g, service.getKey());
                g.writeArrayFieldStart("scopeLogs");
                g.writeStartObject();
                g.writeObjectFieldStart("scope");
                g.writeStringField("name", "slo-scout-demo");
                g.writeEndObject();
                g.writeArrayFieldStart("logRecords");
                for (DemoLog record : service.getValue()) {
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
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
