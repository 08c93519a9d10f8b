package dev.sloscout.connectors.files;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** OTLP protobuf ExportLogsServiceRequest into log events (service from the resource, ids when valid). */
public final class OtlpLogProtoDecoder {
    private static final JsonLogRecords RECORDS = new JsonLogRecords(new com.fasterxml.jackson.databind.ObjectMapper());

    private OtlpLogProtoDecoder() {
    }

    public static List<LogEvent> decode(String source, byte[] request) throws InvalidProtocolBufferException {
        List<LogEvent> out = new ArrayList<>();
        decode(source, request, out::add, null);
        return out;
    }

    /**
     * Decodes a request's records in order into {@code events}; those that are bare lines of a file ({@link
     * JsonLogRecords#bareLine(String, Severity, boolean, boolean)}) to {@code bareLines} instead when it is not null,
     * numbered by their place in the request as events are. Returns the number of events delivered.
     */
    static long decode(String source, byte[] request, Consumer<LogEvent> events,
            OtlpJsonLogStream.BareLines bareLines) throws InvalidProtocolBufferException {
        ExportLogsServiceRequest parsed = ExportLogsServiceRequest.parseFrom(request);
        long index = 0;
        long delivered = 0;
        for (ResourceLogs resource : parsed.getResourceLogsList()) {
            String service = "unknown_service";
            for (KeyValue kv : resource.getResource().getAttributesList()) {
                if (kv.getKey().equals("service.name") && kv.getValue().hasStringValue()) {
                    service = kv.getValue().getStringValue();
                }
            }
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                for (LogRecord record : scope.getLogRecordsList()) {
                    index++;
                    long nanos = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano()
                            : record.getObservedTimeUnixNano();
                    long millis = nanos == 0 ? LogHeader.NO_TIME : nanos / 1_000_000;
                    Severity severity = record.getSeverityNumberValue() > 0
                            ? Severity.fromOtlpNumber(record.getSeverityNumberValue())
                            : word(record.getSeverityText());
                    String error = error(record.getAttributesList());
                    String bare = bareLines == null || !record.getBody().hasStringValue() ? null
                            : JsonLogRecords.bareLine(record.getBody().getStringValue(), severity,
                                    !record.getTraceId().isEmpty(), error != null);
                    if (bare != null) {
                        bareLines.line(index, service, bare, millis);
                        continue;
                    }
                    LogEvent event = RECORDS.otlp(source, index, service, text(record.getBody()), millis, severity,
                            traceId(record.getTraceId().toByteArray()), spanId(record.getSpanId().toByteArray()),
                            error);
                    events.accept(JsonLogRecords.threaded(event, thread(record.getAttributesList())));
                    delivered++;
                }
            }
        }
        return delivered;
    }

    /** The record's {@code thread.name} attribute, or null. */
    private static String thread(List<KeyValue> attributes) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(JsonLogRecords.OTLP_THREAD)) {
                return text(kv.getValue());
            }
        }
        return null;
    }

    /** The record's {@code exception.*} attributes as text ({@link RecordErrors#text}), or null. */
    private static String error(List<KeyValue> attributes) {
        RecordErrors.OtelAttributes error = new RecordErrors.OtelAttributes();
        attributes.forEach(kv -> error.put(kv.getKey(), () -> text(kv.getValue())));
        return error.text();
    }

    private static Severity word(String text) {
        Severity s = text.isEmpty() ? null : Severity.fromWord(text);
        return s == null ? Severity.UNKNOWN : s;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case VALUE_NOT_SET -> "";
            default -> value.toString().strip();
        };
    }

    private static TraceId traceId(byte[] bytes) {
        try {
            return bytes.length == 16 ? TraceId.fromBytes(bytes) : null;
        } catch (IllegalArgumentException allZero) {
            return null;
        }
    }

    private static SpanId spanId(byte[] bytes) {
        try {
            return bytes.length == 8 ? SpanId.fromBytes(bytes) : null;
        } catch (IllegalArgumentException allZero) {
            return null;
        }
    }
}
