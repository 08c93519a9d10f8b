package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS X-Ray segments: as {@code aws xray batch-get-traces} answers ({@code {"Traces": [{"Id", "Segments": [{"Id",
 * "Document": "<the segment as a JSON string>"}]}]}}, pages one after another), or segment documents themselves (one
 * per line, or in an array), as the X-Ray daemon receives them.
 *
 * <p>A segment is a server span of the service it names (its HTTP request, when it has one, names the operation:
 * {@code GET /cart/42}); its subsegments, nested to any depth, are spans of the same service under it: client spans
 * when they call AWS or a remote service ({@code namespace} {@code aws} or {@code remote}; the callee named as
 * {@code peer.service}, with the AWS operation), else internal ones. Trace ids
 * {@code 1-5759e988-bd862e3fe1be46a994272793} are the 32 hex digits after the version (as OpenTelemetry's X-Ray
 * propagator maps them). {@code fault} (a 5xx) is an
 * error; {@code error} (a 4xx, or a throttle) is one on a call, not on a server span, as OpenTelemetry counts them.
 * A segment still in progress (no {@code end_time}) is rejected with its reason.
 */
public final class XRayJsonDecoder extends TreeStreamDecoder {
    /** Subsegments nested deeper than this are not read (a document is rejected, not the stack overflowed). */
    private static final int MAX_DEPTH = 64;

    @Override
    public TraceFormat format() {
        return TraceFormat.XRAY_JSON;
    }

    @Override
    protected void readValue(JsonParser p, String location, int depth, DecodeContext context) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY && depth == 0) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readValue(p, "[" + index++ + "]", depth + 1, context);
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            context.reject(location, "expected X-Ray traces or segments, got " + JsonValues.describe(p.currentToken()));
            p.skipChildren();
            return;
        }
        readRecord(p, location, context, this::read);
    }

    /** An answer with traces, one trace, or one segment document. */
    private void read(JsonNode node, String location, DecodeContext context) {
        if (node.has("Traces") || node.has("Segments")) {
            JsonNode traces = node.has("Traces") ? node.path("Traces") : mapper.createArrayNode().add(node);
            int t = 0;
            for (JsonNode trace : traces) {
                int s = 0;
                for (JsonNode segment : trace.path("Segments")) {
                    String where = location + ", Traces[" + t + "].Segments[" + s++ + "]";
                    JsonNode document = segment.get("Document");
                    try {
                        segment(document != null && document.isTextual() ? mapper.readTree(document.asText())
                                : document, where, context);
                    } catch (JsonProcessingException e) {
                        context.reject(where, "Document is not valid JSON: " + JsonValues.message(e));
                    }
                }
                t++;
            }
            return;
        }
        segment(node, location, context);
    }

    /** One segment document: its spans, or its problem. */
    private static void segment(JsonNode segment, String location, DecodeContext context) {
        if (segment == null || !segment.isObject()) {
            context.reject(location, "a segment without its Document");
            return;
        }
        List<Span> spans = new ArrayList<>();
        try {
            TraceId traceId = traceId(JsonTrees.text(segment, "trace_id"));
            String service = JsonTrees.text(segment, "name");
            if (service == null || service.isEmpty()) {
                throw new IllegalArgumentException("segment " + JsonTrees.text(segment, "id") + " has no name");
            }
            addSpan(segment, traceId, Resource.ofService(service), null, true, 0, spans);
        } catch (IllegalArgumentException e) {
            context.reject(location, e.getMessage());
            return;
        }
        spans.forEach(context::emit); // all of a segment or none: a broken subsegment leaves no dangling children
    }

    private static void addSpan(JsonNode node, TraceId traceId, Resource resource, SpanId parent, boolean segment,
            int depth, List<Span> spans) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("subsegments nested deeper than " + MAX_DEPTH);
        }
        String id = JsonTrees.text(node, "id");
        if (id == null) {
            throw new IllegalArgumentException((segment ? "segment" : "subsegment") + " without an id");
        }
        SpanId spanId = SpanId.fromHex(id);
        if (node.path("in_progress").asBoolean(false) || !node.has("end_time")) {
            throw new IllegalArgumentException((segment ? "segment " : "subsegment ") + id
                    + " is still in progress (no end_time): its segment is left out");
        }
        long start = secondsToNanos(node, "start_time", id);
        long end = secondsToNanos(node, "end_time", id);
        String namespace = JsonTrees.text(node, "namespace");
        boolean call = !segment && ("aws".equals(namespace) || "remote".equals(namespace));
        JsonNode http = node.path("http");
        String method = JsonTrees.text(http.path("request"), "method");
        String url = JsonTrees.text(http.path("request"), "url");
        String operation = JsonTrees.text(node.path("aws"), "operation");

        Attributes.Builder attributes = Attributes.builder();
        if (method != null) {
            attributes.put(SpanAttributes.HTTP_REQUEST_METHOD, method);
        }
        String path = url == null || url.isEmpty() ? null : Texts.urlPath(url);
        if (path != null) {
            attributes.put(SpanAttributes.URL_PATH, path);
        }
        JsonNode status = http.path("response").path("status");
        if (status.canConvertToLong()) {
            attributes.put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, status.asLong());
        }
        if (call) {
            attributes.put(SpanAttributes.PEER_SERVICE, JsonTrees.text(node, "name"));
            if ("aws".equals(namespace)) {
                attributes.put(SpanAttributes.RPC_SYSTEM, "aws-api");
                attributes.put(SpanAttributes.RPC_SERVICE, JsonTrees.text(node, "name"));
                if (operation != null) {
                    attributes.put(SpanAttributes.RPC_METHOD, operation);
                }
            }
        }
        String name = segment ? (method != null && path != null ? method + " " + path : JsonTrees.text(node, "name"))
                : operation != null ? JsonTrees.text(node, "name") + "." + operation : JsonTrees.text(node, "name");

        boolean fault = node.path("fault").asBoolean(false);
        boolean failed = fault || !segment && (node.path("error").asBoolean(false)
                || node.path("throttle").asBoolean(false));
        List<ExceptionEvent> exceptions = new ArrayList<>();
        for (JsonNode exception : node.path("cause").path("exceptions")) {
            exceptions.add(new ExceptionEvent(end, JsonTrees.text(exception, "type"),
                    JsonTrees.text(exception, "message")));
        }
        String message = exceptions.isEmpty() ? null : exceptions.get(0).message();
        spans.add(Span.builder()
                .traceId(traceId)
                .spanId(spanId)
                .parentSpanId(segment ? parentOf(node) : parent)
                .resource(resource)
                .name(name == null ? "" : name)
                .kind(segment ? SpanKind.SERVER : call ? SpanKind.CLIENT : SpanKind.INTERNAL)
                .startEpochNanos(start)
                .endEpochNanos(end)
                .status(Status.of(failed ? StatusCode.ERROR : StatusCode.UNSET, failed ? message : null))
                .attributes(attributes.build())
                .exceptions(exceptions)
                .build());
        for (JsonNode sub : node.path("subsegments")) {
            addSpan(sub, traceId, resource, spanId, false, depth + 1, spans);
        }
    }

    /** A segment's parent: the subsegment of the caller that called it, when the caller was traced. */
    private static SpanId parentOf(JsonNode segment) {
        String parent = JsonTrees.text(segment, "parent_id");
        return parent == null || parent.isEmpty() ? null : SpanId.fromHex(parent);
    }

    /** {@code 1-5759e988-bd862e3fe1be46a994272793}: the version, 8 hex digits of time, 24 random ones. */
    static TraceId traceId(String xray) {
        if (xray == null) {
            throw new IllegalArgumentException("segment without a trace_id");
        }
        String[] parts = xray.split("-");
        if (parts.length != 3 || !parts[0].equals("1") || parts[1].length() != 8 || parts[2].length() != 24) {
            throw new IllegalArgumentException("trace_id '" + JsonTrees.abbreviate(xray)
                    + "' is not an X-Ray trace id (1-<8 hex>-<24 hex>)");
        }
        return TraceId.fromHex(parts[1] + parts[2]);
    }

    /** Seconds since the epoch as X-Ray writes them (microseconds after the point) in nanoseconds. */
    private static long secondsToNanos(JsonNode node, String field, String id) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() <= 0) {
            throw new IllegalArgumentException("span " + id + ": " + field + " must be seconds since the epoch, got "
                    + (value == null ? "nothing" : JsonTrees.abbreviate(value.toString())));
        }
        return value.decimalValue().movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()
                * 1000;
    }
}
