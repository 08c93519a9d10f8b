package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;

/** Token-level readers for the loosely typed values trace formats carry (int64 as string or number, and so on). */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * Whether the line {@code bytes[from, to)} is the start of a longer JSON value: it reads as JSON to its end and
     * stops inside an object or an array ({@code {"resourceSpans": [}, or {@code [{...},} of an array written a value
     * per line), where a line broken in its middle fails before its end.
     */
    static boolean opensValue(JsonFactory factory, byte[] bytes, int from, int to) {
        int end = to;
        while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t' || bytes[end - 1] == '\r')) {
            end--;
        }
        try (JsonParser p = factory.createParser(bytes, from, end - from)) {
            while (p.nextToken() != null) {
                // to the end of the line
            }
            return false; // one or more whole values
        } catch (JsonEOFException ranOut) {
            return true;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation(); // "[{...}," fails after its comma, at the end of the line
            return at != null && at.getColumnNr() > end - from;
        } catch (IOException e) {
            return false;
        }
    }

    /** An integer written as a JSON number or a decimal string; floats are truncated without losing nanoseconds. */
    static long readLong(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Texts.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) {
                throw new BadValueException(field + ": " + e.getMessage());
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue().longValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw new BadValueException(field + " must be an integer, got " + describe(t));
    }

    /** Text of a scalar; null for JSON null; containers are skipped and reported. */
    static String readText(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        throw new BadValueException(field + " must be a string, got " + describe(t));
    }

    static boolean readBoolean(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_STRING) {
            return Boolean.parseBoolean(p.getText().trim());
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() != 0;
        }
        p.skipChildren();
        return false;
    }


    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** Jackson's message without its source-redaction boilerplate. */
    static String message(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "unreadable JSON" : message.replaceAll("\\[Source: [^;]*; ", "[").replace('\n', ' ');
    }

    static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Where a parse failure happened, with its byte offset; "document" when Jackson knows no place (a document
     * nested deeper than its limit fails before any location is kept).
     */
    static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "document" : where(location) + " (byte " + location.getByteOffset() + ")";
    }

    /** A value of the wrong type or form; the record holding it is rejected, the stream stays in sync. */
    static final class BadValueException extends RuntimeException {
        BadValueException(String message) {
            super(message, null, false, false);
        }
    }
}
