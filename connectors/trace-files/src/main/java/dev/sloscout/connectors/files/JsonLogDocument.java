package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The records of one JSON log document that is not OTLP, streamed whatever the document's size: a top-level array
 * of records, or an object that wraps its records in an array, however deep ({@code {"logs":[...]}},
 * Elasticsearch's {@code {"hits":{"hits":[{"_source":{...}}]}}}). An array is taken for records when its first
 * element looks like one (a message field, or a {@code _source} holding one); otherwise it is kept as part of the
 * object, and an object that wrapped no records is one record itself. Only one record is in memory at a time, and a
 * record larger than the bound is skipped with its byte offset, never built.
 */
final class JsonLogDocument {
    /** Objects opened while looking for the array of records. */
    private static final int MAX_WRAPPER_DEPTH = 4;

    /** Where the document's records and problems go. */
    interface Handler {
        void record(long index, JsonNode record);

        void problem(String location, String reason);
    }

    private final JsonParser parser;
    private final Handler handler;
    private final long maxRecordBytes;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private long index;

    private JsonLogDocument(JsonParser parser, Handler handler, long maxRecordBytes) {
        this.parser = parser;
        this.handler = handler;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Reads the value the parser is on and hands over its records: the parser has read the value's first token
     * (START_ARRAY or START_OBJECT), or the first field name of an object.
     *
     * @return the number of records handed over
     */
    static long read(JsonParser parser, Handler handler, long maxRecordBytes) throws IOException {
        JsonLogDocument document = new JsonLogDocument(parser, handler, maxRecordBytes);
        JsonToken first = parser.currentToken();
        if (first == JsonToken.START_ARRAY) {
            document.records();
        } else if (first == JsonToken.START_OBJECT || first == JsonToken.FIELD_NAME) {
            Opened top = document.object(0);
            if (!top.wrapper) {
                document.handOver(top.node);
            }
        }
        return document.index;
    }

    /** An object read as far as it held no records; {@code wrapper} when records were handed over from inside it. */
    private record Opened(ObjectNode node, boolean wrapper) {
    }

    /**
     * The object whose START_OBJECT (or first field name) was just read: records in its arrays handed over, the rest
     * kept.
     */
    private Opened object(int depth) throws IOException {
        ObjectNode node = nodes.objectNode();
        boolean wrapper = false;
        JsonToken t = parser.currentToken() == JsonToken.FIELD_NAME ? JsonToken.FIELD_NAME : parser.nextToken();
        for (; t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean mayWrap = !looksLikeRecord(node);
            if (value == JsonToken.START_ARRAY && mayWrap) {
                ArrayNode kept = records();
                if (kept == null) {
                    wrapper = true;
                } else {
                    node.set(name, kept);
                }
            } else if (value == JsonToken.START_OBJECT && mayWrap && depth < MAX_WRAPPER_DEPTH) {
                Opened inner = object(depth + 1);
                if (inner.wrapper) {
                    wrapper = true;
                } else {
                    node.set(name, inner.node);
                }
            } else {
                node.set(name, tree(parser.currentLocation().getByteOffset()));
            }
        }
        return new Opened(node, wrapper);
    }

    /**
     * The array whose START_ARRAY was just read: when its first element looks like a record, every element is handed
     * over as one and null is returned; otherwise the array itself, for the object that holds it.
     */
    private ArrayNode records() throws IOException {
        boolean topLevel = parser.getParsingContext().getParent().inRoot();
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return nodes.arrayNode();
        }
        if (!topLevel && t != JsonToken.START_OBJECT) { // a field's values (journald's message as its bytes)
            return kept(tree(parser.currentLocation().getByteOffset()));
        }
        JsonNode first = element(t);
        if (first != null && !topLevel && !looksLikeRecord(first)) {
            return kept(first);
        }
        handOver(first);
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            handOver(element(t));
        }
        return null;
    }

    /** The array being read, kept as a value: its first element, then the rest. */
    private ArrayNode kept(JsonNode first) throws IOException {
        ArrayNode kept = nodes.arrayNode();
        kept.add(first);
        for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_ARRAY && t != null; ) {
            kept.add(tree(parser.currentLocation().getByteOffset()));
        }
        return kept;
    }

    /** One element of an array of records, or null (reported) when it is not an object or too large. */
    private JsonNode element(JsonToken t) throws IOException {
        long elementNumber = index + 1;
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();
            handler.problem("element " + elementNumber, "not a JSON object");
            index++;
            return null;
        }
        long start = parser.currentLocation().getByteOffset();
        JsonNode node = tree(start);
        if (node == null) {
            handler.problem("element " + elementNumber + " (byte " + start + ")", "a record larger than "
                    + describe(maxRecordBytes) + " skipped");
            index++;
        }
        return node;
    }

    private void handOver(JsonNode record) {
        if (record != null) {
            index++;
            handler.record(index, record);
        }
    }

    /**
     * The value the parser is on as a tree, or null when it runs past {@code maxRecordBytes} from {@code start} (the
     * rest of it is skipped, never held).
     */
    private JsonNode tree(long start) throws IOException {
        JsonToken t = parser.currentToken();
        if (parser.currentLocation().getByteOffset() - start > maxRecordBytes) {
            return t.isStructStart() ? abandon() : null;
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    JsonNode value = tree(start);
                    if (value == null) {
                        return abandon();
                    }
                    object.set(name, value);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode value = tree(start);
                    if (value == null) {
                        return abandon();
                    }
                    array.add(value);
                }
                return array;
            }
            default:
                return parser.readValueAsTree();
        }
    }

    /** Skips the rest of the container the parser is inside; null, for the caller to pass up. */
    private JsonNode abandon() throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return null;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
        return null;
    }

    /**
     * The records an object already read whole wraps (the first array, at most {@value #MAX_WRAPPER_DEPTH} objects
     * down, whose first element looks like a record), or none.
     */
    static java.util.List<JsonNode> wrappedRecords(JsonNode node) {
        return wrappedRecords(node, 0);
    }

    private static java.util.List<JsonNode> wrappedRecords(JsonNode node, int depth) {
        for (JsonNode value : node) {
            if (value.isArray() && value.size() > 0 && value.get(0).isObject() && looksLikeRecord(value.get(0))) {
                java.util.List<JsonNode> records = new java.util.ArrayList<>();
                value.forEach(records::add);
                return records;
            }
            if (value.isObject() && depth < MAX_WRAPPER_DEPTH) {
                java.util.List<JsonNode> inner = wrappedRecords(value, depth + 1);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        return java.util.List.of();
    }

    static boolean looksLikeRecord(JsonNode node) {
        if (JsonLogRecords.isLokiStream(node) || JsonLogRecords.isLokiLine(node)
                || JsonLogRecords.isCloudLoggingEntry(node) || JsonLogRecords.isKubernetesEvent(node)) {
            return true;
        }
        JsonNode source = node.get("_source");
        JsonNode fields = source != null && source.isObject() ? source : JsonLogRecords.unwrapped(node);
        for (String field : JsonLogRecords.MESSAGE_FIELDS) {
            if (JsonLogRecords.value(fields, field) != null) {
                return true;
            }
        }
        return false;
    }

    private static String describe(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
