package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sloscout.connectors.files.JsonValues.BadValueException;
import dev.sloscout.engine.parallel.OrderedWork;
import dev.sloscout.engine.model.AttributeKey;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OTLP/JSON traces: one ExportTraceServiceRequest (TracesData), a JSON array of them, or JSON lines as the Collector's
 * file exporter writes them. Spans are built straight from tokens, no trees.
 *
 * <p>JSON lines (and single records such as Kafka messages) are read by {@link ByteOtlpTokens} from their bytes, line
 * by line, so a corrupt line is reported and the next one read. A multi-line document streams through Jackson
 * ({@link JacksonOtlpTokens}) and is one record: an error in it ends the read at that point, keeping what came before.
 */
public final class OtlpJsonDecoder implements TraceDecoder {
    private final int maxRecordBytes;
    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private final Map<Resource, Resource> resources = new HashMap<>();
    private final StringCache strings = new StringCache(4096);
    private final ByteOtlpTokens recordTokens = new ByteOtlpTokens(strings);
    private final KeyValue keyValue = new KeyValue();
    private final SpanDraft reusableDraft = new SpanDraft();
    private final Attributes.Builder reusableAttributes = Attributes.builder();

    public OtlpJsonDecoder() {
        this(RecordLimits.MAX_RECORD_BYTES);
    }

    /** @param maxRecordBytes a longer line is reported and skipped without being held in memory */
    public OtlpJsonDecoder(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

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

    /** Decodes one JSON value held in memory (a line, a Kafka record, a framed message); problems name {@code location}. */
    public void decodeRecord(byte[] bytes, int offset, int length, String location, DecodeContext context) {
        recordTokens.reset(bytes, offset, length);
        readRecord(recordTokens, location, context);
    }

    /**
     * Decodes the line that starts at {@code start} of a block that ends at {@code limit}, its end found as it is
     * read (as {@link #decodeRecord} over the line alone would); returns where the next line starts.
     */
    private int decodeLine(byte[] bytes, int start, int limit, String location, DecodeContext context) {
        recordTokens.resetLine(bytes, start, limit);
        readRecord(recordTokens, location, context);
        return recordTokens.nextLineStart();
    }

    /**
     * Where the next line starts when the line at {@code start} holds nothing but spaces, tabs and CRs, else -1: a
     * file of millions of empty lines (a decompression bomb's favourite) is skipped without a tokenizer or a name
     * for each.
     */
    private static int blankLineEnd(byte[] bytes, int start, int limit) {
        int i = start;
        while (i < limit && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r')) {
            i++;
        }
        return i == limit ? limit : bytes[i] == '\n' ? i + 1 : -1;
    }

    private void readRecord(ByteOtlpTokens t, String location, DecodeContext context) {
        try {
            if (t.nextToken() == null) {
                return;
            }
            readTopLevel(t, location, context);
            t.nextToken(); // throws on trailing content
        } catch (BadValueException e) {
            context.reject(location, e.getMessage());
        } catch (IOException e) {
            context.reject(location, "malformed JSON " + e.getMessage());
        }
    }

    /**
     * JSON lines unless the first line is complete in the sniff window and is not a whole JSON value by itself
     * (a pretty-printed document). A first line longer than the window is a minified document or a long line:
     * both read correctly as lines. A first line that opens a value it does not close is a document's start; a
     * broken first line followed by lines that are whole JSON objects is a JSON lines file with one bad line, not a
     * document: the bad line is reported and the rest read.
     */
    private boolean isJsonLines(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int newline = nextNewline(head, start);
        if (newline < 0) {
            return true;
        }
        if (isWholeValue(head, start, newline)) {
            return true;
        }
        if (JsonValues.opensValue(json, head, start, newline)) {
            return false; // "{"resourceSpans": [" or "[{...},": a document written over lines, however short
        }
        for (int line = 0, from = newline + 1; line < 3 && from < head.length; line++) {
            int end = nextNewline(head, from);
            if (end < 0) {
                break;
            }
            int at = Texts.skipBomAndWhitespace(head, from, end);
            if (at < end && head[at] == '{' && isWholeValue(head, at, end)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static int nextNewline(byte[] head, int from) {
        for (int i = from; i < head.length; i++) {
            if (head[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean isWholeValue(byte[] head, int from, int to) {
        try (JsonParser p = json.createParser(head, from, to - from)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private void decodeLines(BufferedInputStream in, DecodeContext context) throws IOException {
        if (context.threads() > 1) {
            decodeLinesInParallel(in, context);
            return;
        }
        // blocks of whole lines, as the workers take them: lines are decoded where they were read, not copied out
        long linesBefore = 0;
        LineChunk.Reader chunks = new LineChunk.Reader(in, maxRecordBytes);
        for (LineChunk chunk; !context.isCancelled() && (chunk = chunks.next()) != null; ) {
            linesBefore += decodeChunk(chunk, linesBefore, context);
            chunks.recycle(chunk);
        }
    }

    private void rejectOverlong(long line, DecodeContext context) {
        context.reject("line " + line, "line longer than " + maxRecordBytes + " bytes, skipped");
    }

    /** A chunk's spans and problems (lines numbered from the chunk's start) and how many lines it had. */
    private record DecodedChunk(LineChunk chunk, DecodeContext.Recorded recorded, int lines) {
    }

    /**
     * Blocks of whole lines, each decoded by a worker's own decoder, the spans and problems handed to the context in
     * line order: the same spans in the same order, the same problems at the same lines, as one thread reads them.
     */
    private void decodeLinesInParallel(BufferedInputStream in, DecodeContext context) throws IOException {
        long[] linesBefore = {0};
        LineChunk.Reader chunks = new LineChunk.Reader(in, maxRecordBytes);
        try (OrderedWork<LineChunk, DecodedChunk> work = OrderedWork.start(context.threads(), () -> {
            OtlpJsonDecoder decoder = new OtlpJsonDecoder(maxRecordBytes);
            DecodeContext.Recorder recorder = context.recorder();
            return chunk -> decoder.decodeChunk(chunk, recorder.next());
        }, decoded -> {
            decoded.recorded().replay(context, linesBefore[0]);
            linesBefore[0] += decoded.lines();
            chunks.recycle(decoded.chunk());
        }, "otlp-json-decoder")) {
            try {
                for (LineChunk chunk; !context.isCancelled() && (chunk = chunks.next()) != null; ) {
                    work.submit(chunk);
                }
            } finally {
                work.finish(); // the lines before a failed read count, as they do on one thread
            }
        }
    }

    private DecodedChunk decodeChunk(LineChunk chunk, DecodeContext.Recorded recorded) {
        return new DecodedChunk(chunk, recorded, decodeChunk(chunk, 0, recorded.context()));
    }

    /** Decodes a block's lines into {@code into}, numbered after {@code linesBefore}; returns how many it had. */
    private int decodeChunk(LineChunk chunk, long linesBefore, DecodeContext into) {
        if (chunk.isOverlong()) {
            rejectOverlong(linesBefore + 1, into);
            return 1;
        }
        if (chunk.length() <= maxRecordBytes) { // no line in it is too long: each is read once, its end found then
            return chunk.scanLines((bytes, start, limit, number) -> {
                int blankEnd = blankLineEnd(bytes, start, limit);
                return blankEnd >= 0 ? blankEnd
                        : decodeLine(bytes, start, limit, "line " + (linesBefore + number), into);
            });
        }
        return chunk.forEachLine((bytes, start, length, readLength, number) -> {
            if (readLength > maxRecordBytes) {
                rejectOverlong(linesBefore + number, into);
            } else if (Texts.skipBomAndWhitespace(bytes, start, start + length) < start + length) {
                decodeRecord(bytes, start, length, "line " + (linesBefore + number), into);
            }
        });
    }

    private void decodeDocument(BufferedInputStream in, DecodeContext context) throws IOException {
        try (JsonParser p = json.createParser(in)) {
            OtlpJsonTokens t = new JacksonOtlpTokens(p, strings);
            while (!context.isCancelled() && t.nextToken() != null) {
                readTopLevel(t, "document", context);
            }
        } catch (JsonProcessingException e) {
            context.reject(JsonValues.where(e),
                    "malformed JSON, reading stopped here: " + JsonValues.message(e));
        } catch (BadValueException e) {
            context.reject("document", e.getMessage() + "; reading stopped here");
        }
    }

    private void readTopLevel(OtlpJsonTokens t, String location, DecodeContext context) throws IOException {
        if (t.currentToken() == JsonToken.START_ARRAY) {
            int index = 0;
            while (t.nextToken() != JsonToken.END_ARRAY) {
                readTracesData(t, location + ", request " + index++, context);
            }
        } else {
            readTracesData(t, location, context);
        }
    }

    private void readTracesData(OtlpJsonTokens t, String location, DecodeContext context) throws IOException {
        if (!t.expect(JsonToken.START_OBJECT, "the request")) {
            return;
        }
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            if (field.equals("resourceSpans") || field.equals("batches")) { // Tempo's trace API says "batches"
                if (t.expect(JsonToken.START_ARRAY, field)) {
                    while (t.nextToken() != JsonToken.END_ARRAY) {
                        readResourceSpans(t, location, context);
                    }
                }
            } else if ((field.equals("trace") || field.equals("result"))
                    && t.currentToken() == JsonToken.START_OBJECT) {
                // Tempo's v2 API: {"trace": {"resourceSpans": [...]}}; Jaeger's API v3: {"result": {...}}
                readTracesData(t, location, context);
            } else if (field.equals("error") && t.currentToken() == JsonToken.START_OBJECT) {
                context.reject(location, "the query reported an error: " + errorMessage(t));
            } else {
                if (field.equals("resourceLogs") || field.equals("resourceMetrics")) {
                    context.reject(location, "OTLP " + field.substring("resource".length()).toLowerCase(java.util.Locale.ROOT)
                            + ", not traces; skipped");
                }
                t.skipChildren();
            }
        }
    }

    /** A gRPC gateway's error object ({@code {"grpcCode":5,"httpCode":404,"message":"trace not found"}}), read. */
    private static String errorMessage(OtlpJsonTokens t) throws IOException {
        String message = null;
        String code = null;
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            if (field.equals("message") && t.currentToken() == JsonToken.VALUE_STRING) {
                message = t.text(field);
            } else if (field.equals("httpCode") && t.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                code = "HTTP " + t.longValue(field);
            } else {
                t.skipChildren();
            }
        }
        return (message == null ? "(no message)" : JsonTrees.abbreviate(message)) + (code == null ? "" : " (" + code + ")");
    }

    private void readResourceSpans(OtlpJsonTokens t, String location, DecodeContext context) throws IOException {
        if (!t.expect(JsonToken.START_OBJECT, "resourceSpans[]")) {
            return;
        }
        // Spans are emitted as soon as their resource is known; the resource usually comes first, but JSON field
        // order is free, so spans read before it wait for the end of the ResourceSpans.
        Resource resource = null;
        List<SpanDraft> waiting = new ArrayList<>();
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            switch (field) {
                case "resource" -> resource = readResource(t);
                case "scopeSpans", "instrumentationLibrarySpans" -> readScopeSpans(t, resource, waiting, location, context);
                default -> t.skipChildren();
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

    private Resource readResource(OtlpJsonTokens t) throws IOException {
        if (!t.expect(JsonToken.START_OBJECT, "resource")) {
            return Resource.UNKNOWN;
        }
        String service = null;
        String namespace = null;
        String instance = null;
        String version = null;
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            if (!field.equals("attributes") || !t.expect(JsonToken.START_ARRAY, "resource.attributes")) {
                t.skipChildren();
                continue;
            }
            while (t.nextToken() != JsonToken.END_ARRAY) {
                KeyValue kv = readKeyValue(t);
                if (kv.value == null) {
                    continue;
                }
                switch (kv.id) {
                    case WireNames.SERVICE_NAME -> service = kv.value.toString();
                    case WireNames.SERVICE_NAMESPACE -> namespace = kv.value.toString();
                    case WireNames.SERVICE_INSTANCE_ID -> instance = kv.value.toString();
                    case WireNames.SERVICE_VERSION -> version = kv.value.toString();
                    default -> { }
                }
            }
        }
        Resource resource = new Resource(service, namespace, instance, version);
        return resources.computeIfAbsent(resource, r -> r);
    }

    private void readScopeSpans(OtlpJsonTokens t, Resource resource, List<SpanDraft> waiting, String location,
                                DecodeContext context) throws IOException {
        if (!t.expect(JsonToken.START_ARRAY, "scopeSpans")) {
            return;
        }
        while (t.nextToken() != JsonToken.END_ARRAY) {
            if (!t.expect(JsonToken.START_OBJECT, "scopeSpans[]")) {
                continue;
            }
            while (t.nextToken() == JsonToken.FIELD_NAME) {
                String field = t.currentName();
                t.nextToken();
                if (field.equals("spans") && t.expect(JsonToken.START_ARRAY, "spans")) {
                    while (t.nextToken() != JsonToken.END_ARRAY) {
                        if (resource == null) {
                            waiting.add(readSpan(t, new SpanDraft()));
                        } else {
                            emit(readSpan(t, reusableDraft.reset()), resource, location, context);
                        }
                    }
                } else {
                    t.skipChildren();
                }
            }
        }
    }

    private SpanDraft readSpan(OtlpJsonTokens t, SpanDraft draft) throws IOException {
        if (t.currentToken() != JsonToken.START_OBJECT) {
            JsonToken got = t.currentToken();
            t.skipChildren();
            draft.error = "a span must be an object, got " + JsonValues.describe(got);
            return draft;
        }
        Span.Builder b = draft.builder;
        b.name("");
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            try {
                switch (field) {
                    case "traceId" -> b.traceId(t.traceId());
                    case "spanId" -> {
                        draft.spanId = t.spanId("spanId");
                        b.spanId(draft.spanId);
                    }
                    case "parentSpanId" -> b.parentSpanId(t.spanId("parentSpanId"));
                    case "name" -> {
                        draft.name = t.text("name");
                        b.name(draft.name == null ? "" : draft.name);
                    }
                    case "kind" -> b.kind(t.currentToken() == JsonToken.VALUE_STRING
                            ? SpanKind.fromName(t.text("kind")) : SpanKind.fromOtlpCode(t.longValue("kind")));
                    case "startTimeUnixNano" -> b.startEpochNanos(t.longValue("startTimeUnixNano"));
                    case "endTimeUnixNano" -> b.endEpochNanos(t.longValue("endTimeUnixNano"));
                    case "status" -> b.status(readStatus(t));
                    case "attributes" -> b.attributes(readAttributes(t));
                    case "events" -> b.exceptions(readExceptionEvents(t));
                    default -> t.skipChildren();
                }
            } catch (BadValueException | IllegalArgumentException e) {
                t.skipChildren();
                if (draft.error == null) {
                    draft.error = e.getMessage();
                }
            }
        }
        return draft;
    }

    private static Status readStatus(OtlpJsonTokens t) throws IOException {
        if (!t.expect(JsonToken.START_OBJECT, "status")) {
            return Status.UNSET;
        }
        StatusCode code = StatusCode.UNSET;
        String message = null;
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            switch (field) {
                case "code" -> code = t.currentToken() == JsonToken.VALUE_STRING
                        ? StatusCode.fromName(t.text("status.code")) : StatusCode.fromOtlpCode(t.longValue("status.code"));
                case "message" -> message = t.text("status.message");
                default -> t.skipChildren();
            }
        }
        return Status.of(code, message);
    }

    private Attributes readAttributes(OtlpJsonTokens t) throws IOException {
        if (!t.expect(JsonToken.START_ARRAY, "attributes")) {
            return Attributes.EMPTY;
        }
        Attributes.Builder attributes = null;
        while (t.nextToken() != JsonToken.END_ARRAY) {
            KeyValue kv = readKeyValue(t);
            AttributeKey<?> key = WireNames.spanAttribute(kv.id);
            if (key != null && kv.value != null) {
                if (attributes == null) {
                    attributes = reusableAttributes.clear();
                }
                attributes.putCoerced(key, kv.value);
            }
        }
        return attributes == null ? Attributes.EMPTY : attributes.build();
    }

    private List<ExceptionEvent> readExceptionEvents(OtlpJsonTokens t) throws IOException {
        if (!t.expect(JsonToken.START_ARRAY, "events")) {
            return List.of();
        }
        List<ExceptionEvent> exceptions = null;
        while (t.nextToken() != JsonToken.END_ARRAY) {
            if (!t.expect(JsonToken.START_OBJECT, "events[]")) {
                continue;
            }
            long time = 0;
            String name = null;
            String type = null;
            String message = null;
            while (t.nextToken() == JsonToken.FIELD_NAME) {
                String field = t.currentName();
                t.nextToken();
                switch (field) {
                    case "timeUnixNano" -> time = t.longValue("events[].timeUnixNano");
                    case "name" -> name = t.text("events[].name");
                    case "attributes" -> {
                        if (t.expect(JsonToken.START_ARRAY, "events[].attributes")) {
                            while (t.nextToken() != JsonToken.END_ARRAY) {
                                KeyValue kv = readKeyValue(t);
                                if (kv.id == WireNames.EXCEPTION_TYPE && kv.value != null) {
                                    type = kv.value.toString();
                                } else if (kv.id == WireNames.EXCEPTION_MESSAGE && kv.value != null) {
                                    message = kv.value.toString();
                                }
                            }
                        }
                    }
                    default -> t.skipChildren();
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
    private KeyValue readKeyValue(OtlpJsonTokens t) throws IOException {
        KeyValue kv = keyValue;
        kv.id = -1;
        kv.value = null;
        if (!t.expect(JsonToken.START_OBJECT, "attribute")) {
            return kv;
        }
        boolean keySeen = false;
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            if (field.equals("key")) {
                keySeen = true;
                kv.id = t.wireName();
            } else if (field.equals("value") && (!keySeen || kv.id >= 0)) {
                kv.value = readAnyValue(t);
            } else {
                t.skipChildren();
            }
        }
        return kv;
    }

    private static Object readAnyValue(OtlpJsonTokens t) throws IOException {
        if (t.currentToken() != JsonToken.START_OBJECT) {
            t.skipChildren();
            return null;
        }
        Object value = null;
        while (t.nextToken() == JsonToken.FIELD_NAME) {
            String field = t.currentName();
            t.nextToken();
            switch (field) {
                case "stringValue" -> value = t.text("stringValue");
                case "intValue" -> value = t.longValue("intValue");
                case "boolValue" -> value = t.booleanValue();
                case "doubleValue" -> value = t.doubleValue("doubleValue");
                default -> t.skipChildren();
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

        SpanDraft reset() {
            builder.reset();
            spanId = null;
            name = null;
            error = null;
            return this;
        }

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
