package dev.sloscout.connectors.files;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Jaeger {@code jaeger.api_v2.Span} in protobuf, as the Jaeger collector's Kafka exporter writes it to the
 * {@code jaeger-spans} topic ({@code protobuf} encoding: one span per record, with its process). Read field by field
 * from the wire (no generated classes), with the same mapping as the Jaeger JSON reader: tags to attributes,
 * {@code span.kind}, {@code error} and {@code otel.status_code} to kind and status, CHILD_OF (else FOLLOWS_FROM) to
 * the parent, logs with an exception or error event to exception events.
 */
public final class JaegerProtoDecoder {
    private static final int CHILD_OF = 0;

    private JaegerProtoDecoder() {
    }

    /** The span; throws when the bytes are not a Jaeger span (bad wire data, or no 8/16-byte trace and 8-byte span id). */
    public static Span decode(byte[] bytes) throws InvalidProtocolBufferException {
        try {
            return span(CodedInputStream.newInstance(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | ArithmeticException e) {
            throw new InvalidProtocolBufferException("not a Jaeger span: " + e.getMessage());
        }
    }

    private static Span span(CodedInputStream in) throws IOException {
        byte[] traceId = null;
        byte[] spanId = null;
        String name = "";
        SpanId childOf = null;
        SpanId followsFrom = null;
        long startNanos = -1;
        long durationNanos = 0;
        Attributes.Builder attributes = Attributes.builder();
        SpanKind kind = SpanKind.UNSPECIFIED;
        StatusCode status = StatusCode.UNSET;
        String statusMessage = null;
        List<ExceptionEvent> exceptions = new ArrayList<>(0);
        String service = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 10 -> traceId = in.readByteArray();
                case 18 -> spanId = in.readByteArray();
                case 26 -> name = in.readStringRequireUtf8();
                case 34 -> {
                    long[] ref = reference(in);
                    if (ref != null && ref[0] == CHILD_OF && childOf == null) {
                        childOf = new SpanId(ref[1]);
                    } else if (ref != null && followsFrom == null) {
                        followsFrom = new SpanId(ref[1]);
                    }
                }
                case 50 -> startNanos = timestampNanos(in);
                case 58 -> durationNanos = timestampNanos(in);
                case 66 -> {
                    Object[] kv = keyValue(in);
                    if (kv[1] == null) {
                        continue;
                    }
                    String key = (String) kv[0];
                    switch (key) {
                        case "span.kind" -> kind = SpanKind.fromName(kv[1].toString());
                        case "error" -> {
                            if (Boolean.TRUE.equals(kv[1]) || "true".equals(kv[1])) {
                                status = StatusCode.ERROR;
                            }
                        }
                        case "otel.status_code" -> status = StatusCode.fromName(kv[1].toString());
                        case "otel.status_description" -> statusMessage = kv[1].toString();
                        default -> attributes.putWire(key, kv[1]);
                    }
                }
                case 74 -> {
                    ExceptionEvent e = log(in);
                    if (e != null) {
                        exceptions.add(e);
                    }
                }
                case 82 -> service = process(in);
                default -> {
                    if (!in.skipField(tag)) {
                        throw new InvalidProtocolBufferException("unexpected end group");
                    }
                }
            }
        }
        if (traceId == null || (traceId.length != 16 && traceId.length != 8) || spanId == null || spanId.length != 8) {
            throw new InvalidProtocolBufferException("not a Jaeger span: no 16-byte trace id and 8-byte span id");
        }
        if (startNanos < 0) {
            throw new InvalidProtocolBufferException("not a Jaeger span: no start_time");
        }
        return Span.builder()
                .traceId(TraceId.fromBytes(traceId))
                .spanId(SpanId.fromBytes(spanId))
                .parentSpanId(childOf != null ? childOf : followsFrom)
                .resource(Resource.ofService(service))
                .name(name)
                .kind(kind)
                .startEpochNanos(startNanos)
                .endEpochNanos(startNanos + Math.max(0, durationNanos))
                .status(Status.of(status, statusMessage))
                .attributes(attributes.build())
                .exceptions(exceptions)
                .build();
    }

    /** SpanRef: [ref type, span id], or null without a usable span id. */
    private static long[] reference(CodedInputStream outer) throws IOException {
        CodedInputStream in = nested(outer);
        byte[] spanId = null;
        int refType = CHILD_OF;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 18 -> spanId = in.readByteArray();
                case 24 -> refType = in.readEnum();
                default -> in.skipField(tag);
            }
        }
        return spanId == null || spanId.length != 8 ? null : new long[] {refType, SpanId.fromBytes(spanId).value()};
    }

    /** google.protobuf.Timestamp or Duration (seconds, nanos) in nanoseconds. */
    private static long timestampNanos(CodedInputStream outer) throws IOException {
        CodedInputStream in = nested(outer);
        long seconds = 0;
        int nanos = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 8 -> seconds = in.readInt64();
                case 16 -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    /** KeyValue: [key, value as String, Boolean, Long or Double] (binary values are left out). */
    private static Object[] keyValue(CodedInputStream outer) throws IOException {
        CodedInputStream in = nested(outer);
        String key = "";
        Object value = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 10 -> key = in.readStringRequireUtf8();
                case 26 -> value = in.readStringRequireUtf8();
                case 32 -> value = in.readBool();
                case 40 -> value = in.readInt64();
                case 49 -> value = in.readDouble();
                default -> in.skipField(tag);
            }
        }
        return new Object[] {key, value};
    }

    private static ExceptionEvent log(CodedInputStream outer) throws IOException {
        CodedInputStream in = nested(outer);
        long time = 0;
        String event = null;
        String type = null;
        String message = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == 10) {
                time = timestampNanos(in);
            } else if (tag == 18) {
                Object[] kv = keyValue(in);
                String value = kv[1] == null ? null : kv[1].toString();
                switch ((String) kv[0]) {
                    case "event" -> event = value;
                    case "exception.type", "error.kind" -> type = value;
                    case "exception.message", "message", "error.object" -> message = message == null ? value : message;
                    default -> { }
                }
            } else {
                in.skipField(tag);
            }
        }
        return "exception".equals(event) || "error".equals(event) ? new ExceptionEvent(time, type, message) : null;
    }

    private static String process(CodedInputStream outer) throws IOException {
        CodedInputStream in = nested(outer);
        String service = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == 10) {
                service = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return service;
    }

    /** The length-delimited field the outer stream is at, as its own stream. */
    private static CodedInputStream nested(CodedInputStream outer) throws IOException {
        return CodedInputStream.newInstance(outer.readByteArray());
    }
}
