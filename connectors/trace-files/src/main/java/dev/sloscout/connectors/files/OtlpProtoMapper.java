package dev.sloscout.connectors.files;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.List;

/** Turns OTLP protobuf messages into engine spans; protobuf types stop here. */
public final class OtlpProtoMapper {
    private OtlpProtoMapper() {
    }

    /** Emits every valid span of one ResourceSpans; invalid spans are rejected with {@code location}. */
    public static void emit(ResourceSpans resourceSpans, String location, DecodeContext context) {
        Resource resource = resource(resourceSpans.getResource().getAttributesList());
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                try {
                    context.emit(span(span, resource));
                } catch (IllegalArgumentException | NullPointerException e) {
                    context.reject(location, "span " + hex(span.getSpanId()) + " '" + span.getName() + "': " + e.getMessage());
                }
            }
        }
    }

    static Resource resource(List<KeyValue> attributes) {
        String service = null;
        String namespace = null;
        String instance = null;
        String version = null;
        for (KeyValue kv : attributes) {
            switch (kv.getKey()) {
                case "service.name" -> service = text(kv.getValue());
                case "service.namespace" -> namespace = text(kv.getValue());
                case "service.instance.id" -> instance = text(kv.getValue());
                case "service.version" -> version = text(kv.getValue());
                default -> { }
            }
        }
        return new Resource(service, namespace, instance, version);
    }

    static Span span(io.opentelemetry.proto.trace.v1.Span span, Resource resource) {
        Attributes.Builder attributes = Attributes.builder();
        for (KeyValue kv : span.getAttributesList()) {
            attributes.putWire(kv.getKey(), scalar(kv.getValue()));
        }
        List<ExceptionEvent> exceptions = new ArrayList<>(0);
        for (io.opentelemetry.proto.trace.v1.Span.Event event : span.getEventsList()) {
            if (event.getName().equals("exception")) {
                String type = null;
                String message = null;
                for (KeyValue kv : event.getAttributesList()) {
                    if (kv.getKey().equals("exception.type")) {
                        type = text(kv.getValue());
                    } else if (kv.getKey().equals("exception.message")) {
                        message = text(kv.getValue());
                    }
                }
                exceptions.add(new ExceptionEvent(event.getTimeUnixNano(), type, message));
            }
        }
        ByteString parent = span.getParentSpanId();
        return Span.builder()
                .traceId(TraceId.fromBytes(span.getTraceId().toByteArray()))
                .spanId(SpanId.fromBytes(span.getSpanId().toByteArray()))
                .parentSpanId(parent.isEmpty() || isZero(parent) ? null : SpanId.fromBytes(parent.toByteArray()))
                .resource(resource)
                .name(span.getName())
                .kind(SpanKind.fromOtlpCode(span.getKindValue()))
                .startEpochNanos(span.getStartTimeUnixNano())
                .endEpochNanos(span.getEndTimeUnixNano())
                .status(Status.of(StatusCode.fromOtlpCode(span.getStatus().getCodeValue()), span.getStatus().getMessage()))
                .attributes(attributes.build())
                .exceptions(exceptions)
                .build();
    }

    private static boolean isZero(ByteString bytes) {
        for (int i = 0; i < bytes.size(); i++) {
            if (bytes.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Object scalar(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> value.getIntValue();
            case BOOL_VALUE -> value.getBoolValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            default -> null;
        };
    }

    private static String text(AnyValue value) {
        Object scalar = scalar(value);
        return scalar == null ? null : scalar.toString();
    }

    private static String hex(ByteString bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.size(); i++) {
            out.append(String.format("%02x", bytes.byteAt(i)));
        }
        return out.toString();
    }
}
