package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *
 * <p>Also single spans, one per JSON value (JSON lines): Jaeger's storage documents as Elasticsearch or OpenSearch
 * hold them (bare, as an export's {@code {"_source": span}} hits, or a {@code _search} response's
 * {@code {"hits":{"hits":[...]}}}; tags stored as fields, {@code "tag":{"http@method":"GET"}}, too), and the
 * protobuf JSON of {@code jaeger.api_v2.Span} the collector writes to Kafka with the {@code json} encoding (base64
 * ids, RFC 3339 times, typed {@code vStr}/{@code vInt64} tags: {@link JaegerJsonValues}).
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
                readRecord(p, location + ", trace " + index++, context, this::readTraceOrSpan);
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            context.reject(location, "expected a Jaeger trace or {\"data\":[...]}, got " + JsonValues.describe(p.currentToken()));
            p.skipChildren();
            return;
        }
        // The query API envelope, a bare trace, a search response or a single span; decide field by field so
        // "data" and "hits" can stream.
        JsonNode spans = null;
        JsonNode processes = null;
        String traceId = null;
        boolean read = false;
        ObjectNode rest = mapper.createObjectNode();
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
                case "errors" -> {
                    reportServerErrors(p.readValueAsTree(), location, context);
                    read = true;
                }
                case "spans" -> spans = p.readValueAsTree();
                case "processes" -> processes = p.readValueAsTree();
                case "traceID" -> {
                    traceId = p.getValueAsString();
                    rest.put(field, traceId);
                }
                case "_source" -> {
                    readRecord(p, location, context, this::readSpan);
                    read = true;
                }
                case "hits" -> {
                    readSearchHits(p, location, context);
                    read = true;
                }
                default -> rest.set(field, p.readValueAsTree());
            }
            read |= field.equals("data");
        }
        if (spans == null && (rest.has("spanID") || rest.has("spanId"))) {
            readSpan(rest, location, context);
        } else if (spans == null && !read) {
            context.reject(location, "no Jaeger trace or span in this JSON object (no \"spans\", \"spanID\" or "
                    + "\"data\")");
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

    /** An element of a top-level array: a trace, or a span on its own (an array of storage documents). */
    private void readTraceOrSpan(JsonNode node, String location, DecodeContext context) {
        if (!node.has("spans") && (node.has("spanID") || node.has("spanId"))) {
            readSpan(node, location, context);
        } else {
            readTrace(node, location, context);
        }
    }

    /** A search response's {@code "hits": {"hits": [{"_source": span}, ...]}}, a span at a time. */
    private void readSearchHits(JsonParser p, String location, DecodeContext context) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && field.equals("hits")) {
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    readRecord(p, location + ", hits[" + index++ + "]", context, (hit, where, c) -> {
                        JsonNode source = hit.get("_source");
                        if (source == null || !source.isObject()) {
                            throw new IllegalArgumentException("a search hit without a \"_source\" span");
                        }
                        readSpan(source, where, c);
                    });
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** One span on its own, with its process inline (a storage document, or a Kafka record). */
    private void readSpan(JsonNode span, String location, DecodeContext context) {
        try {
            context.emit(span(span, null));
        } catch (IllegalArgumentException | NullPointerException e) {
            String id = spanIdText(span);
            context.reject(location, (id == null ? "" : "span " + id + ": ") + e.getMessage());
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
                String id = spanIdText(span);
                context.reject(where, (id == null ? "" : "span " + id + ": ") + e.getMessage());
            }
        }
    }

    private static Span span(JsonNode span, JsonNode processes) {
        if (!span.isObject()) {
            throw new IllegalArgumentException("a span must be an object");
        }
        String traceId = idText(span, "traceID", "traceId");
        String spanId = spanIdText(span);
        if (traceId == null || spanId == null) {
            throw new IllegalArgumentException("traceID and spanID are required");
        }
        Tags tags = new Tags();
        JsonNode tagList = span.get("tags");
        if (tagList != null && tagList.isArray()) {
            for (JsonNode tag : tagList) {
                tags.put(JsonTrees.text(tag, "key"), JaegerJsonValues.tagValue(tag));
            }
        }
        storedAsFields(span.get("tag"), tags::put);
        long start = JaegerJsonValues.time(span, "startTime", -1);
        if (start < 0) {
            throw new IllegalArgumentException("startTime is required");
        }
        long duration = JaegerJsonValues.duration(span, "duration");
        if (duration > Long.MAX_VALUE - start) {
            throw new IllegalArgumentException("duration out of range: ends after the year 2262");
        }
        return Span.builder()
                .traceId(TraceId.parse(traceId))
                .spanId(SpanId.parse(spanId))
                .parentSpanId(parent(span))
                .resource(resource(span, processes))
                .name(nonNull(JsonTrees.text(span, "operationName")))
                .kind(tags.kind)
                .startEpochNanos(start)
                .endEpochNanos(start + duration)
                .status(Status.of(tags.status, tags.statusMessage))
                .attributes(tags.attributes.build())
                .exceptions(exceptions(span.get("logs")))
                .build();
    }

    /** A span's tags as they are read: kind and status from theirs, the rest attributes. */
    private static final class Tags {
        final Attributes.Builder attributes = Attributes.builder();
        SpanKind kind = SpanKind.UNSPECIFIED;
        StatusCode status = StatusCode.UNSET;
        String statusMessage;

        void put(String key, Object value) {
            if (key == null || value == null) {
                return;
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

    /**
     * Tags Elasticsearch stores as fields ({@code --es.tags-as-fields}): {@code {"http@method": "GET"}}, the dots in
     * their names replaced by {@code @} (Jaeger's default), put back.
     */
    private static void storedAsFields(JsonNode tag, java.util.function.BiConsumer<String, Object> put) {
        if (tag == null || !tag.isObject()) {
            return;
        }
        tag.fields().forEachRemaining(e -> put.accept(e.getKey().replace('@', '.'), JsonTrees.scalar(e.getValue())));
    }

    /** The span id as written: {@code spanID} (hex) or, in protobuf JSON, {@code spanId} (base64). */
    private static String spanIdText(JsonNode span) {
        return idText(span, "spanID", "spanId");
    }

    private static String idText(JsonNode node, String field, String protobufField) {
        String text = JsonTrees.text(node, field);
        return text != null ? text : JsonTrees.text(node, protobufField);
    }

    private static SpanId parent(JsonNode span) {
        JsonNode references = span.get("references");
        SpanId followsFrom = null;
        if (references != null && references.isArray()) {
            for (JsonNode reference : references) {
                String refType = JsonTrees.text(reference, "refType");
                String id = spanIdText(reference);
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
        String[] version = new String[1];
        JsonNode tags = process.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if ("service.version".equals(JsonTrees.text(tag, "key"))) {
                    Object value = JaegerJsonValues.tagValue(tag);
                    version[0] = value == null ? null : value.toString();
                }
            }
        }
        storedAsFields(process.get("tag"), (key, value) -> {
            if (key.equals("service.version") && value != null) {
                version[0] = value.toString();
            }
        });
        return new Resource(JsonTrees.text(process, "serviceName"), "", "", version[0]);
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
                Object typed = JaegerJsonValues.tagValue(field);
                String value = typed == null ? null : typed.toString();
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
                long time = JaegerJsonValues.time(log, "timestamp", 0);
                exceptions.add(new ExceptionEvent(time, type, message));
            }
        }
        return exceptions;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
