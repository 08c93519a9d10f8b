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
    /** Where a record that is one bare line of a file goes to be folded with the lines after it. */
    interface BareLines {
        void line(long line, String service, String text, long epochMillis);
    }

    private final JsonLogRecords records;
    private final LogSink sink;
    private final BareLines bareLines;

    /**
     * Records go to {@code sink}; those that are bare lines of a file ({@link JsonLogRecords#bareLine}) to
     * {@code bareLines} when it is not null (they are not counted: the events they fold into are).
     */
    OtlpJsonLogStream(JsonLogRecords records, LogSink sink, BareLines bareLines) {
        this.records = records;
        this.sink = sink;
        this.bareLines = bareLines;
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
                                    count += deliver(source, line, service, record);
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
            count += deliver(source, line, service == null ? "unknown_service" : service, record);
        }
        return count;
    }

    /** Hands a record on; the number of events delivered (none for a bare line: it is folded later). */
    private int deliver(String source, long line, String service, JsonNode record) {
        String bare = bareLines == null ? null : JsonLogRecords.bareLine(record);
        if (bare != null) {
            bareLines.line(line, service, bare, JsonLogRecords.otlpMillis(record));
            return 0;
        }
        sink.accept(records.otlp(source, line, service, record));
        return 1;
    }
}
