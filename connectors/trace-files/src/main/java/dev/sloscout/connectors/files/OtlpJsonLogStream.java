package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.engine.capsule.LogSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of an OTLP/JSON ExportLogsServiceRequest one at a time, so a request of any size (the
 * Collector's file exporter writes a whole batch, several MB, on one line) is read without building it as one tree:
 * only one record, and one resource, are held at a time.
 */
final class OtlpJsonLogStream {
    private final JsonLogRecords records;
    private final LogSink sink;

    OtlpJsonLogStream(JsonLogRecords records, LogSink sink) {
        this.records = records;
        this.sink = sink;
    }

    /**
     * Reads the rest of a request object whose {@code resourceLogs} field name the parser is on; returns the number
     * of records delivered.
     */
    long request(JsonParser p, String source, long line) throws IOException {
        long count = 0;
        do {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("resourceLogs".equals(name) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    count += resourceLogs(p, source, line);
                }
            } else {
                p.skipChildren();
            }
        } while (p.nextToken() == JsonToken.FIELD_NAME);
        return count;
    }

    private long resourceLogs(JsonParser p, String source, long line) throws IOException {
        String service = null;
        List<JsonNode> early = new ArrayList<>(); // records that came before their resource (unusual field order)
        long count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("resource") && value == JsonToken.START_OBJECT) {
                service = JsonLogRecords.serviceOfResource(p.readValueAsTree());
            } else if ((name.equals("scopeLogs") || name.equals("instrumentationLibraryLogs"))
                    && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && field.equals("logRecords")) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                JsonNode record = p.readValueAsTree();
                                if (service == null) {
                                    early.add(record);
                                } else {
                                    sink.accept(records.otlp(source, line, service, record));
                                    count++;
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        for (JsonNode record : early) {
            sink.accept(records.otlp(source, line, service == null ? "unknown_service" : service, record));
            count++;
        }
        return count;
    }
}
