package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Zipkin v2 JSON: an array of spans, or an array of traces (arrays of spans) as {@code /api/v2/traces} returns.
 * Shared server spans keep their client's id and are marked {@code shared}; a missing kind is a local span; a missing
 * timestamp is taken from the earliest annotation; clock skew is kept as recorded (it is the data).
 */
public final class ZipkinJsonDecoder extends TreeStreamDecoder {

    @Override
    public TraceFormat format() {
        return TraceFormat.ZIPKIN_JSON;
    }

    @Override
    protected void readValue(JsonParser p, String location, int depth, DecodeContext context) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            readRecord(p, location, context, ZipkinJsonDecoder::readSpan);
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY || depth > 1) {
            context.reject(location, "expected Zipkin spans in an array, got " + JsonValues.describe(p.currentToken()));
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            readValue(p, (depth == 0 ? "" : location + ", ") + "[" + index++ + "]", depth + 1, context);
        }
    }

    private static void readSpan(JsonNode span, String location, DecodeContext context) {
        context.emit(span(span));
    }

    static Span span(JsonNode span) {
        String traceId = JsonTrees.text(span, "traceId");
        String id = JsonTrees.text(span, "id");
        if (traceId == null || id == null) {
            throw new IllegalArgumentException("traceId and id are required");
        }
        SpanKind kind = span.hasNonNull("kind") ? SpanKind.fromName(JsonTrees.text(span, "kind")) : SpanKind.INTERNAL;
        Attributes.Builder attributes = Attributes.builder();
        StatusCode status = StatusCode.UNSET;
        String statusMessage = null;
        JsonNode tags = span.get("tags");
        if (tags != null && tags.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> tag = it.next();
                String value = tag.getValue().asText();
                switch (tag.getKey()) {
                    case "error" -> {
                        status = StatusCode.ERROR;
                        statusMessage = value.isEmpty() || value.equalsIgnoreCase("true") ? null : value;
                    }
                    case "otel.status_code" -> {
                        StatusCode code = StatusCode.fromName(value);
                        status = status == StatusCode.ERROR ? status : code;
                    }
                    case "otel.status_description" -> statusMessage = value;
                    default -> attributes.putWire(tag.getKey(), value);
                }
            }
        }
        long timestamp = JsonTrees.longValue(span, "timestamp", earliestAnnotation(span));
        if (timestamp < 0) {
            throw new IllegalArgumentException("span " + id + " has no timestamp and no annotations to take one from");
        }
        long start = JsonTrees.microsToNanos(timestamp, "timestamp");
        long duration = JsonTrees.microsToNanos(JsonTrees.longValue(span, "duration", 0), "duration");
        String parentId = JsonTrees.text(span, "parentId");
        JsonNode endpoint = span.get("localEndpoint");
        return Span.builder()
                .traceId(TraceId.fromHex(traceId))
                .spanId(SpanId.fromHex(id))
                .parentSpanId(parentId == null || parentId.isEmpty() ? null : SpanId.fromHex(parentId))
                .resource(Resource.ofService(endpoint == null ? null : JsonTrees.text(endpoint, "serviceName")))
                .name(JsonTrees.text(span, "name") == null ? "" : JsonTrees.text(span, "name"))
                .kind(kind)
                .startEpochNanos(start)
                .endEpochNanos(start + duration)
                .status(Status.of(status, statusMessage))
                .attributes(attributes.build())
                .shared(span.path("shared").asBoolean(false))
                .build();
    }

    private static long earliestAnnotation(JsonNode span) {
        long earliest = -1;
        JsonNode annotations = span.get("annotations");
        if (annotations != null && annotations.isArray()) {
            for (JsonNode annotation : annotations) {
                long t = JsonTrees.longValue(annotation, "timestamp", -1);
                if (t >= 0 && (earliest < 0 || t < earliest)) {
                    earliest = t;
                }
            }
        }
        return earliest;
    }
}
