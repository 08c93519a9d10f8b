package dev.sloscout.connectors.kafka;

import dev.sloscout.connectors.files.JaegerProtoDecoder;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.connectors.files.OtlpLogProtoDecoder;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kafka record's spans or log records, whatever the encoding a collector or agent wrote: an OTLP request
 * (protobuf or JSON), a Jaeger span (protobuf or JSON) or Zipkin JSON; on a topic whose name says logs, OTLP logs
 * first. The same detection as for files. Shared by the Kafka source and the Kafka Streams job.
 */
public final class RecordDecoder {
    private RecordDecoder() {
    }

    /**
     * What a record held.
     *
     * @param problems what was wrong with it, each located at topic/partition/offset (a rejected record has one)
     */
    public record Decoded(List<Span> spans, List<LogEvent> logs, List<Problem> problems) {
        /** Nothing usable in it: it goes nowhere (or to a dead-letter topic) with the first problem as the reason. */
        public boolean rejected() {
            return spans.isEmpty() && logs.isEmpty();
        }

        /** Why it was rejected (or the first problem of one that was not); empty when nothing was wrong. */
        public String reason() {
            return problems.isEmpty() ? "" : problems.get(0).reason();
        }
    }

    public static Decoded decode(String topic, int partition, long offset, byte[] value) {
        String source = "kafka " + topic;
        String location = "partition " + partition + " offset " + offset;
        if (value == null || value.length == 0) {
            return new Decoded(List.of(), List.of(), List.of(new Problem(source, location, "empty record")));
        }
        List<Span> spans = new ArrayList<>();
        List<LogEvent> logs = new ArrayList<>();
        List<Problem> found = new ArrayList<>();
        String where = source + " " + location;
        if (topic.contains("log")) { // otlp_logs: try logs first, then spans
            logs(where, value, logs, found);
            if (logs.isEmpty()) {
                found.clear();
                new TraceFileReader(spans::add, found::add).read(where, new ByteArrayInputStream(value));
            }
        } else if (topic.contains("jaeger") && jaegerProto(value, spans)) {
            found.clear(); // jaeger-spans with the protobuf encoding: one jaeger.api_v2.Span per record
        } else {
            new TraceFileReader(spans::add, found::add).read(where, new ByteArrayInputStream(value));
            if (spans.isEmpty() && jaegerProto(value, spans)) {
                found.clear();
            }
            if (spans.isEmpty()) {
                List<Problem> asLogs = new ArrayList<>();
                logs(where, value, logs, asLogs);
                if (!logs.isEmpty()) {
                    found = asLogs;
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        if (spans.isEmpty() && logs.isEmpty()) {
            problems.add(new Problem(source, location, found.isEmpty() ? "no spans or log records in it"
                    : found.get(0).reason()));
        } else {
            found.forEach(p -> problems.add(new Problem(source, location, p.reason())));
        }
        return new Decoded(spans, logs, problems);
    }

    /** A Jaeger protobuf span (the record's only content), added to {@code spans}; false when it is not one. */
    private static boolean jaegerProto(byte[] value, List<Span> spans) {
        try {
            spans.add(JaegerProtoDecoder.decode(value));
            return true;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    /** OTLP logs: JSON (as the log file reader reads it) or protobuf ExportLogsServiceRequest. */
    private static void logs(String where, byte[] value, List<LogEvent> logs, List<Problem> found) {
        if (value[0] == '{') {
            new LogFileReader(logs::add, found::add).read(where, new ByteArrayInputStream(value));
            return;
        }
        try {
            logs.addAll(OtlpLogProtoDecoder.decode(where, value));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            found.add(new Problem(where, "", "neither spans nor log records: " + e.getMessage()));
        }
    }
}
