package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sloscout.connectors.files.JsonValues.BadValueException;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;
import java.util.Arrays;

/** {@link OtlpJsonTokens} over a Jackson streaming parser: for documents too large to hold in memory. */
final class JacksonOtlpTokens implements OtlpJsonTokens {
    private final JsonParser p;
    private final StringCache strings;
    private final char[] lastTraceIdChars = new char[32];
    private TraceId lastTraceId;

    JacksonOtlpTokens(JsonParser parser, StringCache strings) {
        this.p = parser;
        this.strings = strings;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return p.nextToken();
    }

    @Override
    public JsonToken currentToken() {
        return p.currentToken();
    }

    @Override
    public String currentName() {
        try {
            return p.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void skipChildren() throws IOException {
        p.skipChildren();
    }

    @Override
    public long longValue(String field) throws IOException {
        return JsonValues.readLong(p, field);
    }

    @Override
    public String text(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return JsonValues.readText(p, field);
    }

    @Override
    public boolean booleanValue() throws IOException {
        return JsonValues.readBoolean(p);
    }

    @Override
    public Object doubleValue(String field) throws IOException {
        return p.currentToken().isNumeric() ? p.getDoubleValue() : JsonValues.readText(p, field);
    }

    /** Spans of one trace sit together, so the previous id is compared first and reused. */
    @Override
    public TraceId traceId() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BadValueException("traceId must be a hex string, got " + JsonValues.describe(p.currentToken()));
        }
        if (p.getTextLength() == 32) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            if (lastTraceId != null && Arrays.equals(chars, offset, offset + 32, lastTraceIdChars, 0, 32)) {
                return lastTraceId;
            }
            try {
                TraceId id = TraceId.fromHex(chars, offset, 32);
                System.arraycopy(chars, offset, lastTraceIdChars, 0, 32);
                lastTraceId = id;
                return id;
            } catch (IllegalArgumentException notHex) {
                // maybe base64: the lenient parse below decides
            }
        }
        String text = p.getText();
        return ids(() -> TraceId.parse(text), "traceId");
    }

    @Override
    public SpanId spanId(String field) throws IOException {
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
        String text = p.getText();
        return ids(() -> SpanId.parse(text), field);
    }

    @Override
    public int wireName() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return -1;
        }
        return WireNames.lookup(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    @Override
    public String where() {
        return JsonValues.where(p.currentLocation());
    }

    static <T> T ids(java.util.function.Supplier<T> parse, String field) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadValueException(field + ": " + e.getMessage());
        }
    }
}
