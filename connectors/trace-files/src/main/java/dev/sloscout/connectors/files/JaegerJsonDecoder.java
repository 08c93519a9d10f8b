package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Jaeger JSON as the query API and the UI's upload use it: {@code {"data":[trace...]}}, a bare trace
 * {@code {traceID, spans, processes}}, or an array of traces. Times are microseconds; the service comes from
 * {@code processes[processID]} (or an inline {@code process}); the parent from a CHILD_OF reference (or the
 * deprecated {@code parentSpanID}); kind and error from tags.
 */
public final class JaegerJsonDecoder extends TreeStreamDecoder {

    @Override
    public TraceFormat format() {
        return TraceFormat.JAEGER_JSON;
    }

    @Override
    protected void readValue(JsonParser p, String location, int depth, DecodeContext context) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readRecord(p, location + ", trace " + index++, context, this::readTrace);
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            context.reject(location, "expected a Jaeger trace or {\"data\":[...]}, got " + JsonValues.describe(p.currentToken()));
            p.skipChildren();
            return;
        }
        // Either the query API envelope or a bare trace; decide field by field so "data" can stream.
        JsonNode spans = null;
        JsonNode processes = null;
        String traceId = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "data" -> {
                    if (p.currentToken() == JsonToken.START_ARRAY) {
                        int index = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            readRecord(p, "data[" + index++ + "]", context, this::readTrace);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "errors" -> reportServerErrors(p.readValueAsTree(), location, context);
                case "spans" -> spans = p.readValueAsTree();
                case "processes" -> processes = p.readValueAsTree();
                case "traceID" -> traceId = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        if (spans != null) {
            var trace = mapper.createObjectNode();
            trace.set("spans", spans);
            if (processes != null) {
                trace.set("processes", processes);
            }
            readTrace(trace, traceId == null ? location : "trace " + traceId, context);
        }
    }

    private static void reportServerErrors(JsonNode errors, String location, DecodeContext context) {
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                context.reject(location, "the Jaeger query reported an error: " + error.toString());
            }
        }
    }

    private void readTrace(JsonNode trace, String location, DecodeContext context) {
        JsonNode spans = trace.get("spans");
        if (spans == null || !spans.isArray()) {
            throw new IllegalArgumentException("a Jaeger trace needs a \"spans\" array");
        }
        JsonNode processes = trace.get("processes");
        int index = 0;
        for (JsonNode span : spans) {
            String where = location + ", span " + index++;
            try {
                context.emit(span(span, processes));
            } catch (IllegalArgumentException | NullPointerException e) {
                String id = JsonTrees.text(span, "spanID");
                context.reject(where, (id == null ? "" : "span " + id + ": ") + e.getMessage());
            }
        }
    }

    private static Span span(JsonNode span, JsonNode processes) {
        if (!span.isObject()) {
            throw new IllegalArgumentException("a span must be an object");
        }
        String traceId = JsonTrees.text(span, "traceID");
        String spanId = JsonTrees.text(span, "spanID");
        if (traceId == null || spanId == null) {
            throw new IllegalArgumentException("traceID and spanID are required");
        }
        Attributes.Builder attributes = Attributes.builder();
        SpanKind kind = SpanKind.UNSPECIFIED;
        StatusCode status = StatusCode.UNSET;
        String statusMessage = null;
        JsonNode tags = span.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                String key = JsonTrees.text(tag, "key");
                Object value = JsonTrees.scalar(tag.get("value"));
                if (key == null || value == null) {
                    continue;
                }
                switch (key) {
                    case "span.kind" -> kind = SpanKind.fromName(value.toString());
                    case "error" -> {
                        if (JsonTrees.truthy(value)) {
                            status = StatusCode.ERROR;
                        }
                    }
                    case "otel.status_code" -> status = StatusCode.fromName(value.toString());
                    case "otel.status_description" -> statusMessage = value.toString();
                    default -> attributes.putWire(key, value);
                }
            }
        }
        long start = JsonTrees.microsToNanos(JsonTrees.longValue(span, "startTime", -1), "startTime");
        long duration = JsonTrees.microsToNanos(JsonTrees.longValue(span, "duration", 0), "duration");
        return Span.builder()
                .traceId(TraceId.parse(traceId))
                .spanId(SpanId.parse(spanId))
                .parentSpanId(parent(span))
                .resource(resource(span, processes))
                .name(nonNull(JsonTrees.text(span, "operationName")))
                .kind(kind)
                .startEpochNanos(start)
                .endEpochNanos(start + duration)
                .status(Status.of(status, statusMessage))
                .attributes(attributes.build())
                .exceptions(exceptions(span.get("logs")))
                .build();
    }

    private static SpanId parent(JsonNode span) {
        JsonNode references = span.get("references");
        SpanId followsFrom = null;
        if (references != null && references.isArray()) {
            for (JsonNode reference : references) {
                String refType = JsonTrees.text(reference, "refType");
                String id = JsonTrees.text(reference, "spanID");
                if (id == null) {
                    continue;
                }
                if (refType == null || refType.equals("CHILD_OF")) {
                    return SpanId.parse(id);
                }
                if (refType.equals("FOLLOWS_FROM") && followsFrom == null) {
                    followsFrom = SpanId.parse(id);
                }
            }
        }
        if (followsFrom != null) {
            return followsFrom;
        }
        String deprecated = JsonTrees.text(span, "parentSpanID");
        return deprecated == null || deprecated.isEmpty() || deprecated.chars().allMatch(c -> c == '0')
                ? null : SpanId.parse(deprecated);
    }

    /** The span's process: its service name, and {@code service.version} when a process tag says it. */
    private static Resource resource(JsonNode span, JsonNode processes) {
        JsonNode process = span.get("process");
        if (process == null && processes != null) {
            String processId = JsonTrees.text(span, "processID");
            process = processId == null ? null : processes.get(processId);
        }
        if (process == null) {
            return Resource.UNKNOWN;
        }
        String version = null;
        JsonNode tags = process.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if ("service.version".equals(JsonTrees.text(tag, "key"))) {
                    JsonNode value = tag.get("value");
                    version = value == null || value.isNull() ? null : value.asText();
                }
            }
        }
        return new Resource(JsonTrees.text(process, "serviceName"), "", "", version);
    }

    private static List<ExceptionEvent> exceptions(JsonNode logs) {
        if (logs == null || !logs.isArray()) {
            return List.of();
        }
        List<ExceptionEvent> exceptions = new ArrayList<>(0);
        for (JsonNode log : logs) {
            String event = null;
            String type = null;
            String message = null;
            JsonNode fields = log.get("fields");
            if (fields == null || !fields.isArray()) {
                continue;
            }
            for (JsonNode field : fields) {
                String key = JsonTrees.text(field, "key");
                String value = JsonTrees.text(field, "value");
                if (key == null) {
                    continue;
                }
                switch (key) {
                    case "event" -> event = value;
                    case "exception.type", "error.kind" -> type = value;
                    case "exception.message", "message", "error.object" -> message = message == null ? value : message;
                    default -> { }
                }
            }
            if ("exception".equals(event) || "error".equals(event)) {
                long time = JsonTrees.microsToNanos(JsonTrees.longValue(log, "timestamp", 0), "logs[].timestamp");
                exceptions.add(new ExceptionEvent(time, type, message));
            }
        }
        return exceptions;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
