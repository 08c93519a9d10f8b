package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sloscout.connectors.files.JsonValues.BadValueException;
import dev.sloscout.engine.model.AttributeKey;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OTLP/JSON traces: one ExportTraceServiceRequest (TracesData), a JSON array of them, or JSON lines as the Collector's
 * file exporter writes them. A streaming token reader, no trees: spans are built straight from tokens.
 *
 * <p>JSON lines are decoded line by line, so a corrupt line is reported and the next one read. A multi-line
 * document is one record: an error in it ends the read at that point, keeping what came before.
 */
public final class OtlpJsonDecoder implements TraceDecoder {
    static final int MAX_LINE_BYTES = 512 << 20;

    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private final Map<Resource, Resource> resources = new HashMap<>();
    private final KeyValue keyValue = new KeyValue();
    private final StringCache strings = new StringCache(4096);
    private final char[] lastTraceIdChars = new char[32];
    private TraceId lastTraceId;

    @Override
    public TraceFormat format() {
        return TraceFormat.OTLP_JSON;
    }

    @Override
    public void decode(BufferedInputStream in, DecodeContext context) throws IOException {
        byte[] head = Compression.peek(in, FormatSniffer.SNIFF_BYTES);
        if (isJsonLines(head)) {
            decodeLines(in, context);
        } else {
            decodeDocument(in, context);
        }
    }

    /** Decodes one JSON value held in memory (a Kafka record, a framed message); problems name {@code location}. */
    public void decodeRecord(byte[] bytes, int offset, int length, String location, DecodeContext context) {
        try (JsonParser p = json.createParser(bytes, offset, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            readTopLevel(p, location, context);
            if (p.nextToken() != null) {
                context.reject(location, "unexpected content after the JSON value at " + JsonValues.where(p.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            context.reject(location, "malformed JSON at " + JsonValues.where(e.getLocation()) + ": " + JsonValues.message(e));
        } catch (BadValueException e) {
            context.reject(location, e.getMessage());
        } catch (IOException e) {
            context.reject(location, "unreadable: " + e.getMessage());
        }
    }

    /**
     * JSON lines unless the first line is complete in the sniff window and is not a whole JSON value by itself
     * (a pretty-printed document). A first line longer than the window is a minified document or a long line:
     * both read correctly as lines.
     */
    private boolean isJsonLines(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int newline = -1;
        for (int i = start; i < head.length; i++) {
            if (head[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return true;
        }
        try (JsonParser p = json.createParser(head, start, newline - start)) {
            if (p.nextToken() == null) {
                return true;
            }
            p.skipChildren();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void decodeLines(BufferedInputStream in, DecodeContext context) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        while (!context.isCancelled() && lines.next()) {
            String location = "line " + lines.lineNumber();
            if (lines.isOverlong()) {
                context.reject(location, "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB, skipped");
            } else if (!lines.isBlank()) {
                decodeRecord(lines.buffer(), lines.start(), lines.length(), location, context);
            }
        }
    }

    private void decodeDocument(BufferedInputStream in, DecodeContext context) throws IOException {
        try (JsonParser p = json.createParser(in)) {
            while (!context.isCancelled() && p.nextToken() != null) {
                readTopLevel(p, "document", context);
            }
        } catch (JsonProcessingException e) {
            context.reject(JsonValues.where(e.getLocation()) + " (byte " + e.getLocation().getByteOffset() + ")",
                    "malformed JSON, reading stopped here: " + JsonValues.message(e));
        } catch (BadValueException e) {
            context.reject("document", e.getMessage() + "; reading stopped here");
        }
    }

    private void readTopLevel(JsonParser p, String location, DecodeContext context) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readTracesData(p, location + ", request " + index++, context);
            }
        } else {
            readTracesData(p, location, context);
        }
    }

    private void readTracesData(JsonParser p, String location, DecodeContext context) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_OBJECT, "the request")) {
            return;
        }
        boolean sawSpans = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resourceSpans")) {
                sawSpans = true;
                if (JsonValues.expect(p, JsonToken.START_ARRAY, "resourceSpans")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        readResourceSpans(p, location, context);
                    }
                }
            } else {
                if (field.equals("resourceLogs") || field.equals("resourceMetrics")) {
                    context.reject(location, "OTLP " + field.substring("resource".length()).toLowerCase()
                            + ", not traces; skipped");
                }
                p.skipChildren();
            }
        }
        if (!sawSpans && p.currentToken() == JsonToken.END_OBJECT) {
            // {} is a valid empty request; nothing to do.
            return;
        }
    }

    private void readResourceSpans(JsonParser p, String location, DecodeContext context) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_OBJECT, "resourceSpans[]")) {
            return;
        }
        // Spans are emitted as soon as their resource is known; the resource usually comes first, but JSON field
        // order is free, so spans read before it wait for the end of the ResourceSpans.
        Resource resource = null;
        List<SpanDraft> waiting = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "resource" -> resource = readResource(p);
                case "scopeSpans", "instrumentationLibrarySpans" -> readScopeSpans(p, resource, waiting, location, context);
                default -> p.skipChildren();
            }
        }
        for (SpanDraft draft : waiting) {
            emit(draft, resource == null ? Resource.UNKNOWN : resource, location, context);
        }
    }

    private static void emit(SpanDraft draft, Resource resource, String location, DecodeContext context) {
        if (draft.error != null) {
            context.reject(location, draft.describe() + ": " + draft.error);
            return;
        }
        try {
            context.emit(draft.builder.resource(resource).build());
        } catch (IllegalArgumentException | NullPointerException e) {
            context.reject(location, draft.describe() + ": " + e.getMessage());
        }
    }

    private Resource readResource(JsonParser p) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_OBJECT, "resource")) {
            return Resource.UNKNOWN;
        }
        String service = null;
        String namespace = null;
        String instance = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!field.equals("attributes") || !JsonValues.expect(p, JsonToken.START_ARRAY, "resource.attributes")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                KeyValue kv = readKeyValue(p);
                if (kv.value == null) {
                    continue;
                }
                switch (kv.id) {
                    case WireNames.SERVICE_NAME -> service = kv.value.toString();
                    case WireNames.SERVICE_NAMESPACE -> namespace = kv.value.toString();
                    case WireNames.SERVICE_INSTANCE_ID -> instance = kv.value.toString();
                    default -> { }
                }
            }
        }
        Resource resource = new Resource(service, namespace, instance);
        return resources.computeIfAbsent(resource, r -> r);
    }

    private void readScopeSpans(JsonParser p, Resource resource, List<SpanDraft> waiting, String location,
                                DecodeContext context) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_ARRAY, "scopeSpans")) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!JsonValues.expect(p, JsonToken.START_OBJECT, "scopeSpans[]")) {
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("spans") && JsonValues.expect(p, JsonToken.START_ARRAY, "spans")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        SpanDraft draft = readSpan(p);
                        if (resource == null) {
                            waiting.add(draft);
                        } else {
                            emit(draft, resource, location, context);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private SpanDraft readSpan(JsonParser p) throws IOException {
        SpanDraft draft = new SpanDraft();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            draft.error = "a span must be an object, got " + JsonValues.describe(p.currentToken());
            return draft;
        }
        Span.Builder b = draft.builder;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            try {
                switch (field) {
                    case "traceId" -> b.traceId(readTraceId(p));
                    case "spanId" -> {
                        SpanId id = readSpanId(p, "spanId");
                        draft.spanId = id;
                        b.spanId(id);
                    }
                    case "parentSpanId" -> b.parentSpanId(readSpanId(p, "parentSpanId"));
                    case "name" -> {
                        draft.name = p.currentToken() == JsonToken.VALUE_STRING
                                ? strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                                : JsonValues.readText(p, "name");
                        b.name(draft.name == null ? "" : draft.name);
                    }
                    case "kind" -> b.kind(p.currentToken() == JsonToken.VALUE_STRING
                            ? SpanKind.fromName(p.getText()) : SpanKind.fromOtlpCode(JsonValues.readLong(p, "kind")));
                    case "startTimeUnixNano" -> b.startEpochNanos(JsonValues.readLong(p, "startTimeUnixNano"));
                    case "endTimeUnixNano" -> b.endEpochNanos(JsonValues.readLong(p, "endTimeUnixNano"));
                    case "status" -> b.status(readStatus(p));
                    case "attributes" -> b.attributes(readAttributes(p));
                    case "events" -> b.exceptions(readExceptionEvents(p));
                    default -> p.skipChildren();
                }
            } catch (BadValueException | IllegalArgumentException e) {
                p.skipChildren();
                if (draft.error == null) {
                    draft.error = e.getMessage();
                }
            }
        }
        if (draft.name == null && draft.error == null) {
            b.name("");
        }
        return draft;
    }

    /**
     * Spans of one trace sit together in a request, so the previous trace id is compared first and reused: no parse,
     * no new object, and identity-fast lookups in the assembler.
     */
    private TraceId readTraceId(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BadValueException("traceId must be a hex string, got " + JsonValues.describe(p.currentToken()));
        }
        if (p.getTextLength() == 32) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            if (lastTraceId != null && java.util.Arrays.equals(chars, offset, offset + 32, lastTraceIdChars, 0, 32)) {
                return lastTraceId;
            }
            try {
                TraceId id = TraceId.fromHex(chars, offset, 32);
                System.arraycopy(chars, offset, lastTraceIdChars, 0, 32);
                lastTraceId = id;
                return id;
            } catch (IllegalArgumentException notHex) {
                // fall through to the lenient parse: maybe base64
            }
        }
        return TraceId.parse(p.getText());
    }

    private static SpanId readSpanId(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BadValueException(field + " must be a hex string, got " + JsonValues.describe(p.currentToken()));
        }
        int length = p.getTextLength();
        if (length == 0) {
            return null;
        }
        if (length == 16) {
            try {
                return SpanId.fromHex(p.getTextCharacters(), p.getTextOffset(), 16);
            } catch (IllegalArgumentException notHex) {
                // maybe base64
            }
        }
        try {
            return SpanId.parse(p.getText());
        } catch (IllegalArgumentException e) {
            throw new BadValueException(field + ": " + e.getMessage());
        }
    }

    private Status readStatus(JsonParser p) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_OBJECT, "status")) {
            return Status.UNSET;
        }
        StatusCode code = StatusCode.UNSET;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "code" -> code = p.currentToken() == JsonToken.VALUE_STRING && !isDigits(p)
                        ? StatusCode.fromName(p.getText()) : StatusCode.fromOtlpCode(JsonValues.readLong(p, "status.code"));
                case "message" -> message = JsonValues.readText(p, "status.message");
                default -> p.skipChildren();
            }
        }
        return Status.of(code, message);
    }

    private static boolean isDigits(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] < '0' || chars[offset + i] > '9') {
                return false;
            }
        }
        return length > 0;
    }

    private Attributes readAttributes(JsonParser p) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_ARRAY, "attributes")) {
            return Attributes.EMPTY;
        }
        Attributes.Builder attributes = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            KeyValue kv = readKeyValue(p);
            AttributeKey<?> key = WireNames.spanAttribute(kv.id);
            if (key != null && kv.value != null) {
                if (attributes == null) {
                    attributes = Attributes.builder();
                }
                attributes.putCoerced(key, kv.value);
            }
        }
        return attributes == null ? Attributes.EMPTY : attributes.build();
    }

    private List<ExceptionEvent> readExceptionEvents(JsonParser p) throws IOException {
        if (!JsonValues.expect(p, JsonToken.START_ARRAY, "events")) {
            return List.of();
        }
        List<ExceptionEvent> exceptions = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!JsonValues.expect(p, JsonToken.START_OBJECT, "events[]")) {
                continue;
            }
            long time = 0;
            String name = null;
            String type = null;
            String message = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "timeUnixNano" -> time = JsonValues.readLong(p, "events[].timeUnixNano");
                    case "name" -> name = JsonValues.readText(p, "events[].name");
                    case "attributes" -> {
                        if (JsonValues.expect(p, JsonToken.START_ARRAY, "events[].attributes")) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                KeyValue kv = readKeyValue(p);
                                if (kv.id == WireNames.EXCEPTION_TYPE && kv.value != null) {
                                    type = kv.value.toString();
                                } else if (kv.id == WireNames.EXCEPTION_MESSAGE && kv.value != null) {
                                    message = kv.value.toString();
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if ("exception".equals(name)) {
                if (exceptions == null) {
                    exceptions = new ArrayList<>(1);
                }
                exceptions.add(new ExceptionEvent(time, type, message));
            }
        }
        return exceptions == null ? List.of() : exceptions;
    }

    /**
     * Reads {@code {"key": ..., "value": AnyValue}} in either field order; nested values become null. Keys are
     * matched against the known names in place; when the key comes first, values of unknown keys are skipped unread.
     */
    private KeyValue readKeyValue(JsonParser p) throws IOException {
        KeyValue kv = keyValue;
        kv.id = -1;
        kv.value = null;
        if (!JsonValues.expect(p, JsonToken.START_OBJECT, "attribute")) {
            return kv;
        }
        boolean keySeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("key")) {
                keySeen = true;
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    kv.id = WireNames.lookup(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            } else if (field.equals("value") && (!keySeen || kv.id >= 0)) {
                kv.value = readAnyValue(p);
            } else {
                p.skipChildren();
            }
        }
        return kv;
    }

    private Object readAnyValue(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Object value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "stringValue" -> value = p.currentToken() == JsonToken.VALUE_STRING
                        ? strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                        : JsonValues.readText(p, "stringValue");
                case "intValue" -> value = JsonValues.readLong(p, "intValue");
                case "boolValue" -> value = JsonValues.readBoolean(p);
                case "doubleValue" -> value = p.currentToken().isNumeric() ? p.getDoubleValue()
                        : JsonValues.readText(p, "doubleValue");
                default -> p.skipChildren();
            }
        }
        return value;
    }

    /** Reused per decoder: one key/value is read at a time. */
    private static final class KeyValue {
        int id;
        Object value;
    }

    private static final class SpanDraft {
        final Span.Builder builder = Span.builder();
        SpanId spanId;
        String name;
        String error;

        String describe() {
            StringBuilder out = new StringBuilder("span");
            if (spanId != null) {
                out.append(' ').append(spanId.toHex());
            }
            if (name != null) {
                out.append(" '").append(name.length() > 80 ? name.substring(0, 80) + "..." : name).append('\'');
            }
            return out.toString();
        }
    }
}
