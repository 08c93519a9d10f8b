package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonToken;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;

/**
 * The token stream the OTLP/JSON walker reads: a pull parser plus the typed reads OTLP needs. Two implementations:
 * {@link JacksonOtlpTokens} streams documents of any size; {@link ByteOtlpTokens} reads one record held in memory
 * (a JSON line, a Kafka record) straight from its bytes, several times faster.
 *
 * <p>Typed reads throw {@link JsonValues.BadValueException} for a value of the wrong type (the record holding it is
 * rejected, the stream stays in sync) and {@link IOException} for malformed JSON.
 */
interface OtlpJsonTokens {
    JsonToken nextToken() throws IOException;

    JsonToken currentToken();

    /** The current field name; known OTLP names come back as the same String instance every time. */
    String currentName();

    /** On a container start, moves to its end; on anything else does nothing. */
    void skipChildren() throws IOException;

    /** An integer written as a number or a decimal string (OTLP's int64 rule); null is 0. */
    long longValue(String field) throws IOException;

    /** Text of a scalar, null for JSON null; a container is skipped and reported. */
    String text(String field) throws IOException;

    boolean booleanValue() throws IOException;

    /** A double value as a Double, or the text when it was written as a string. */
    Object doubleValue(String field) throws IOException;

    TraceId traceId() throws IOException;

    /** A span id; null for JSON null or an empty string (the OTLP way of saying "no parent"). */
    SpanId spanId(String field) throws IOException;

    /** The {@link WireNames} id of the current string value, or -1. */
    int wireName() throws IOException;

    /** Where the parser is, for messages: {@code line L, column C}. */
    String where();

    default boolean expect(JsonToken wanted, String field) throws IOException {
        JsonToken t = currentToken();
        if (t == wanted) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        skipChildren();
        throw new JsonValues.BadValueException(field + " must be " + JsonValues.describe(wanted) + ", got "
                + JsonValues.describe(t));
    }
}
