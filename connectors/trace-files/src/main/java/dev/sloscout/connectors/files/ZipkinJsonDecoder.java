package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * Zipkin JSON, v2 and v1: an array of spans, or an array of traces (arrays of spans) as {@code /api/v2/traces}
 * returns. Parts of one span reported separately are merged the way Zipkin merges them ({@link ZipkinSpans}) before
 * the span is built, per trace for an array of traces, per document otherwise. Shared server spans keep their client's
 * id and are marked {@code shared}; a missing kind is a local span; a missing timestamp is taken from the other parts,
 * then from the earliest annotation; clock skew is kept as recorded (it is the data).
 */
public final class ZipkinJsonDecoder extends TreeStreamDecoder {

    @Override
    public TraceFormat format() {
        return TraceFormat.ZIPKIN_JSON;
    }

    @Override
    protected void readValue(JsonParser p, String location, int depth, DecodeContext context) throws IOException {
        ZipkinSpans spans = new ZipkinSpans();
        read(p, location, depth, spans, context);
        spans.flush(context);
    }

    /**
     * A span object; or, as Zipkin's Elasticsearch storage hands them out, a search hit holding one in
     * {@code _source}, or a search answer's {@code {"hits": {"hits": [...]}}}.
     */
    private static void add(JsonNode node, String where, ZipkinSpans spans) {
        JsonNode hits = node.path("hits").path("hits");
        if (hits.isArray() && !node.has("traceId")) {
            int index = 0;
            for (JsonNode hit : hits) {
                add(hit, where + ", hits[" + index++ + "]", spans);
            }
        } else if (node.path("_source").isObject() && !node.has("traceId")) {
            spans.add(node.get("_source"), where);
        } else {
            spans.add(node, where);
        }
    }

    private void read(JsonParser p, String location, int depth, ZipkinSpans spans, DecodeContext context)
            throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            readRecord(p, location, context, (node, where, c) -> add(node, where, spans));
            if (spans.isFull()) {
                spans.flush(context);
            }
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY || depth > 1) {
            context.reject(location, "expected Zipkin spans in an array, got " + JsonValues.describe(p.currentToken()));
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = (depth == 0 ? "" : location + ", ") + "[" + index++ + "]";
            if (p.currentToken() == JsonToken.START_ARRAY) {
                ZipkinSpans trace = new ZipkinSpans(); // one trace of /api/v2/traces: its parts merge together
                read(p, where, depth + 1, trace, context);
                trace.flush(context);
            } else {
                read(p, where, depth + 1, spans, context);
            }
        }
    }
}
