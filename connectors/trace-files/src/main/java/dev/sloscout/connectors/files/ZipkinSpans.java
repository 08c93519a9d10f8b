package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zipkin spans as Zipkin itself reads them: the parts of one span reported separately (a late annotation, the other
 * half of a span that a tracer flushed twice) are merged by trace id, span id, shared flag and local service before the
 * span is built, taking the timestamp, duration, kind, name and parent from whichever part has them and the tags and
 * annotations of all. A shared server span (the server half of a B3 single-id RPC) stays apart from its client.
 * Zipkin v1 spans (annotations {@code cs}/{@code sr}/{@code ss}/{@code cr}, {@code binaryAnnotations}) are converted
 * to their v2 halves first, as Zipkin's own v1 converter does.
 */
final class ZipkinSpans {
    /** Parts held before they are merged and built; past this the held ones are built (and later parts stand alone). */
    static final int MAX_HELD = 500_000;

    private final Map<String, Part> held = new LinkedHashMap<>();

    /** Adds one span record (v2, or v1 giving one or two parts) read at {@code location}. */
    void add(JsonNode span, String location) {
        List<Part> parts = isV1(span) ? fromV1(span) : List.of(fromV2(span));
        for (Part part : parts) {
            part.location = location;
            hold(part);
        }
    }

    boolean isFull() {
        return held.size() >= MAX_HELD;
    }

    /** Builds every held span, reporting the ones that cannot be built; the held parts are forgotten. */
    void flush(DecodeContext context) {
        for (Part part : held.values()) {
            try {
                context.emit(part.build());
            } catch (IllegalArgumentException e) {
                context.reject(part.location, e.getMessage());
            }
        }
        held.clear();
    }

    private void hold(Part part) {
        held.merge(part.key(), part, Part::merge);
    }

    /** v1 when it has binary annotations, or annotations that carry their own endpoint and no v2 fields. */
    static boolean isV1(JsonNode span) {
        if (span.has("binaryAnnotations")) {
            return true;
        }
        if (span.has("localEndpoint") || span.has("kind") || span.has("remoteEndpoint")) {
            return false;
        }
        for (JsonNode annotation : span.path("annotations")) {
            if (annotation.has("endpoint")) {
                return true;
            }
        }
        return false;
    }

    private static Part fromV2(JsonNode span) {
        Part p = base(span);
        p.kind = span.hasNonNull("kind") ? SpanKind.fromName(JsonTrees.text(span, "kind")) : null;
        p.timestamp = JsonTrees.longValue(span, "timestamp", -1);
        p.duration = JsonTrees.longValue(span, "duration", -1);
        JsonNode endpoint = span.get("localEndpoint");
        p.service = endpoint == null ? null : JsonTrees.text(endpoint, "serviceName");
        p.shared = span.path("shared").asBoolean(false);
        JsonNode tags = span.get("tags");
        if (tags != null && tags.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> tag = it.next();
                p.tags.put(tag.getKey(), tag.getValue().asText());
            }
        }
        for (JsonNode annotation : span.path("annotations")) {
            p.seeAnnotation(JsonTrees.longValue(annotation, "timestamp", -1));
        }
        return p;
    }

    private static Part base(JsonNode span) {
        String traceId = JsonTrees.text(span, "traceId");
        String id = JsonTrees.text(span, "id");
        if (traceId == null || id == null) {
            throw new IllegalArgumentException("traceId and id are required");
        }
        String high = JsonTrees.text(span, "traceIdHigh"); // v1 128-bit ids
        Part p = new Part();
        p.traceId = (high != null && traceId.length() <= 16 ? high + pad16(traceId) : traceId).toLowerCase(Locale.ROOT);
        p.id = id.toLowerCase(Locale.ROOT);
        String parent = JsonTrees.text(span, "parentId");
        p.parentId = parent == null || parent.isEmpty() ? null : parent.toLowerCase(Locale.ROOT);
        p.name = JsonTrees.text(span, "name");
        return p;
    }

    /**
     * The halves of a v1 span: a client part from {@code cs}/{@code cr} on the caller's endpoint, a server part from
     * {@code sr}/{@code ss} on the callee's (shared when both are in one record, as in a B3 single-id RPC), producer
     * and consumer parts from {@code ms}/{@code mr}, else one local part.
     */
    private static List<Part> fromV1(JsonNode span) {
        Map<String, Long> times = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        long earliest = -1;
        for (JsonNode annotation : span.path("annotations")) {
            String value = JsonTrees.text(annotation, "value");
            long t = JsonTrees.longValue(annotation, "timestamp", -1);
            if (value == null || t < 0) {
                continue;
            }
            times.putIfAbsent(value, t);
            String service = JsonTrees.text(annotation.path("endpoint"), "serviceName");
            if (service != null) {
                services.putIfAbsent(value, service);
            }
            earliest = earliest < 0 ? t : Math.min(earliest, t);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> tagServices = new LinkedHashMap<>();
        String localService = null;
        for (JsonNode binary : span.path("binaryAnnotations")) {
            String key = JsonTrees.text(binary, "key");
            if (key == null || key.equals("ca") || key.equals("sa") || key.equals("ma")) {
                continue; // address annotations name the remote side
            }
            String service = JsonTrees.text(binary.path("endpoint"), "serviceName");
            if (key.equals("lc")) {
                localService = service;
            }
            JsonNode value = binary.get("value");
            tags.put(key, value == null || value.isNull() ? "" : value.asText());
            if (service != null) {
                tagServices.put(key, service);
            }
        }
        boolean client = times.containsKey("cs") || times.containsKey("cr");
        boolean server = times.containsKey("sr") || times.containsKey("ss");
        List<Part> parts = new ArrayList<>();
        long spanTimestamp = JsonTrees.longValue(span, "timestamp", -1);
        long spanDuration = JsonTrees.longValue(span, "duration", -1);
        if (client) {
            parts.add(half(span, SpanKind.CLIENT, times, services, "cs", "cr", spanTimestamp, spanDuration, false));
        }
        if (server) {
            parts.add(half(span, SpanKind.SERVER, times, services, "sr", "ss", client ? -1 : spanTimestamp,
                    client ? -1 : spanDuration, client));
        }
        if (!client && !server && (times.containsKey("ms") || times.containsKey("mr"))) {
            boolean producer = times.containsKey("ms");
            String mark = producer ? "ms" : "mr";
            Part p = base(span);
            p.kind = producer ? SpanKind.PRODUCER : SpanKind.CONSUMER;
            p.service = services.get(mark);
            p.timestamp = times.get(mark);
            p.duration = spanDuration;
            parts.add(p);
        }
        if (parts.isEmpty()) {
            Part p = base(span);
            p.kind = SpanKind.INTERNAL;
            p.service = localService != null ? localService : services.values().stream().findFirst().orElse(null);
            p.timestamp = spanTimestamp >= 0 ? spanTimestamp : earliest;
            p.duration = spanDuration;
            parts.add(p);
        }
        for (Part p : parts) {
            tags.forEach((key, value) -> {
                String owner = tagServices.get(key);
                if (owner == null || owner.equals(p.service) || parts.size() == 1) {
                    p.tags.put(key, value);
                }
            });
            p.seeAnnotation(earliest);
        }
        return parts;
    }

    private static Part half(JsonNode span, SpanKind kind, Map<String, Long> times, Map<String, String> services,
            String begin, String end, long fallbackTimestamp, long fallbackDuration, boolean shared) {
        Part p = base(span);
        p.kind = kind;
        p.shared = shared;
        p.service = services.getOrDefault(begin, services.get(end));
        Long start = times.get(begin);
        Long finish = times.get(end);
        p.timestamp = start != null ? start : fallbackTimestamp;
        p.duration = start != null && finish != null && finish >= start ? finish - start : fallbackDuration;
        return p;
    }

    private static String pad16(String hex) {
        return hex.length() >= 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    /** One part of a span, mutable until built. */
    private static final class Part {
        String location;
        String traceId;
        String id;
        String parentId;
        String name;
        SpanKind kind;
        long timestamp = -1;
        long duration = -1;
        long earliestAnnotation = -1;
        String service;
        boolean shared;
        final Map<String, String> tags = new LinkedHashMap<>();

        String key() {
            return traceId + '/' + id + '/' + (shared ? "shared" : "") + '/' + (service == null ? "" : service);
        }

        void seeAnnotation(long t) {
            if (t >= 0 && (earliestAnnotation < 0 || t < earliestAnnotation)) {
                earliestAnnotation = t;
            }
        }

        /** Zipkin's merge: what one part lacks the other gives; tags and annotations from both. */
        Part merge(Part other) {
            if (other.timestamp >= 0 && (timestamp < 0 || other.timestamp < timestamp)) {
                timestamp = other.timestamp;
            }
            duration = Math.max(duration, other.duration);
            kind = kind != null ? kind : other.kind;
            parentId = parentId != null ? parentId : other.parentId;
            if (name == null || name.isEmpty() || name.equals("unknown")) {
                name = other.name;
            }
            seeAnnotation(other.earliestAnnotation);
            other.tags.forEach(tags::putIfAbsent);
            return this;
        }

        Span build() {
            long start = timestamp >= 0 ? timestamp : earliestAnnotation;
            if (start < 0) {
                throw new IllegalArgumentException("span " + id + (service == null ? "" : " of " + service)
                        + " has no timestamp, and no other part of it has one");
            }
            StatusCode status = StatusCode.UNSET;
            String statusMessage = null;
            Attributes.Builder attributes = Attributes.builder();
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                String value = tag.getValue();
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
            long nanos = JsonTrees.microsToNanos(start, "timestamp");
            long length = JsonTrees.microsToNanos(Math.max(0, duration), "duration");
            return Span.builder()
                    .traceId(TraceId.fromHex(traceId))
                    .spanId(SpanId.fromHex(id))
                    .parentSpanId(parentId == null ? null : SpanId.fromHex(parentId))
                    .resource(Resource.ofService(service))
                    .name(name == null ? "" : name)
                    .kind(kind == null ? SpanKind.INTERNAL : kind)
                    .startEpochNanos(nanos)
                    .endEpochNanos(nanos + length)
                    .status(Status.of(status, statusMessage))
                    .attributes(attributes.build())
                    .shared(shared)
                    .build();
        }
    }
}
