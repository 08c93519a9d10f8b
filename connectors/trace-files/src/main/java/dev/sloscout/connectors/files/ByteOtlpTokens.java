package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonToken;
import dev.sloscout.connectors.files.JsonValues.BadValueException;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict JSON pull tokenizer over one record in memory, with OTLP's typed reads done on the bytes themselves:
 * hex ids and int64 strings are parsed without decoding text, field names are matched against the OTLP vocabulary
 * without allocating. Strings with escapes are decoded exactly; invalid UTF-8 becomes U+FFFD.
 *
 * <p>Reusable: {@link #reset} points it at the next record, {@link #resetLine} at the next line of a block, whose end
 * it finds as it goes: the line's newline is where whitespace, a string or a skipped value meets it (a raw newline
 * cannot be anywhere else in JSON), so the line is read once, not searched first. Not thread-safe.
 */
final class ByteOtlpTokens implements OtlpJsonTokens {
    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;
    private static final int MAX_DEPTH = 200;
    /** Bytes that end the fast path of a string scan: the quote, the backslash and control characters. */
    private static final boolean[] STRING_SPECIAL = new boolean[256];

    static {
        for (int i = 0; i < 0x20; i++) {
            STRING_SPECIAL[i] = true;
        }
        STRING_SPECIAL['"'] = true;
        STRING_SPECIAL['\\'] = true;
    }

    private final StringCache strings;
    private byte[] buf;
    private int pos;
    private int end;
    private int base;
    /** In line mode, the block's end: {@link #end} becomes the line's end once the tokenizer reaches it. */
    private boolean lineMode;
    private int limit;

    private byte[] stack = new byte[16];
    private int depth;
    private boolean needComma;
    private boolean expectValue;
    private boolean rootDone;

    private JsonToken current;
    private String name;
    private int valueStart;
    private int valueEnd;
    private boolean escaped;

    /** The known name read last, and after each known name the one that came next last time (field order repeats). */
    private int lastName = -1;
    private final int[] nextName = newNextNames();
    private final byte[] lastTraceId = new byte[32];
    private TraceId lastTraceIdValue;

    private static int[] newNextNames() {
        int[] next = new int[256];
        Arrays.fill(next, -1);
        return next;
    }

    ByteOtlpTokens(StringCache strings) {
        this.strings = strings;
    }

    void reset(byte[] bytes, int offset, int length) {
        lineMode = false;
        start(bytes, offset, offset + length);
    }

    /**
     * Points the tokenizer at a line that starts at {@code offset} and ends at the first LF before {@code limit}
     * (a CR before it, or a CR at the limit, is not part of it): tokens, errors and their columns are what
     * {@link #reset} over the line alone would give. {@link #nextLineStart} then says where the next line starts.
     */
    void resetLine(byte[] bytes, int offset, int limit) {
        lineMode = true;
        this.limit = limit;
        start(bytes, offset, limit);
    }

    /** In line mode, where the line after the current one starts (the block's end if there is none). */
    int nextLineStart() {
        int newline = LineChunk.indexOf(buf, Math.min(pos, end), limit); // no newline before the point reached
        return newline < 0 ? limit : newline + 1;
    }

    private void start(byte[] bytes, int offset, int to) {
        buf = bytes;
        pos = offset;
        base = offset;
        end = to;
        depth = 0;
        needComma = false;
        expectValue = false;
        rootDone = false;
        current = null;
        name = null;
        if (end - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    @Override
    public JsonToken nextToken() throws IOException {
        skipWhitespace();
        if (depth == 0) {
            if (rootDone) {
                if (pos < end) {
                    throw error("unexpected content after the JSON value");
                }
                return current = null;
            }
            return current = pos >= end ? null : value();
        }
        if (pos >= end) {
            throw error("unexpected end of input inside " + (stack[depth - 1] == OBJECT ? "an object" : "an array"));
        }
        byte c = buf[pos];
        if (stack[depth - 1] == OBJECT) {
            if (expectValue) {
                expectValue = false;
                return current = value();
            }
            if (c == '}') {
                pos++;
                return current = close(JsonToken.END_OBJECT);
            }
            if (needComma) {
                c = separator('}');
            }
            if (c != '"') {
                throw error("expected a field name, got " + describe(c));
            }
            name = readName();
            skipWhitespace();
            if (pos >= end || buf[pos] != ':') {
                throw error("expected ':' after field name \"" + name + "\"");
            }
            pos++;
            expectValue = true;
            return current = JsonToken.FIELD_NAME;
        }
        if (c == ']') {
            pos++;
            return current = close(JsonToken.END_ARRAY);
        }
        if (needComma) {
            separator(']');
        }
        return current = value();
    }

    private byte separator(char closer) throws IOException {
        if (buf[pos] != ',') {
            throw error("expected ',' or '" + closer + "', got " + describe(buf[pos]));
        }
        pos++;
        skipWhitespace();
        if (pos >= end) {
            throw error("unexpected end of input after ','");
        }
        return buf[pos];
    }

    private JsonToken value() throws IOException {
        byte c = buf[pos];
        switch (c) {
            case '{' -> {
                pos++;
                push(OBJECT);
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                pos++;
                push(ARRAY);
                return JsonToken.START_ARRAY;
            }
            case '"' -> {
                scanString();
                afterScalar();
                return JsonToken.VALUE_STRING;
            }
            case 't' -> {
                literal("true");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("false");
                return JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                literal("null");
                return JsonToken.VALUE_NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    JsonToken number = scanNumber();
                    afterScalar();
                    return number;
                }
                throw error("unexpected " + describe(c));
            }
        }
    }

    private void push(byte kind) throws IOException {
        if (depth == MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = kind;
        needComma = false;
        expectValue = false;
    }

    private JsonToken close(JsonToken token) {
        depth--;
        if (depth == 0) {
            rootDone = true;
        } else {
            needComma = true;
        }
        return token;
    }

    private void afterScalar() {
        if (depth == 0) {
            rootDone = true;
        } else {
            needComma = true;
        }
    }

    private void literal(String word) throws IOException {
        int n = word.length();
        for (int i = pos; lineMode && i < Math.min(pos + n, end); i++) {
            if (lineEndsAt(i)) {
                end = i;
            }
        }
        if (end - pos < n) {
            throw error("unexpected end of input in '" + word + "'");
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw error("unexpected " + describe(buf[pos]) + " (expected '" + word + "')");
            }
        }
        pos += n;
        afterScalar();
    }

    private void scanString() throws IOException {
        int i = pos + 1;
        valueStart = i;
        escaped = false;
        byte[] bytes = buf;
        int stop = end;
        while (true) {
            i = skipPlainStringBytes(bytes, i, stop);
            while (i < stop && !STRING_SPECIAL[bytes[i] & 0xFF]) {
                i++;
            }
            if (i >= stop) {
                pos = i;
                throw error("unterminated string");
            }
            byte b = bytes[i];
            if (b == '"') {
                valueEnd = i;
                pos = i + 1;
                return;
            }
            if (b == '\\') {
                escaped = true;
                int next = i + (i + 1 < stop && bytes[i + 1] == 'u' ? 6 : 2);
                for (int k = i + 1; lineMode && k < Math.min(next, stop); k++) {
                    if (lineEndsAt(k)) { // the line ends inside the escape
                        stop = end = k;
                    }
                }
                i = next;
                continue;
            }
            pos = i;
            if (lineEndsAt(i)) {
                end = i;
                throw error("unterminated string");
            }
            throw error("control character in a string");
        }
    }

    /**
     * Skips string content eight bytes at a time (SWAR): stops at or before the first quote, backslash or control
     * character. Ids, timestamps and names are most of an OTLP line, so this is where the bytes go.
     */
    private static int skipPlainStringBytes(byte[] bytes, int i, int limit) {
        while (i + 8 <= limit) {
            long w = Texts.word(bytes, i);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long found = ((quote - Texts.ONES) & ~quote) | ((backslash - Texts.ONES) & ~backslash)
                    | ((w - 0x2020202020202020L) & ~w);
            found &= Texts.HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        return i;
    }

    private JsonToken scanNumber() throws IOException {
        int i = pos;
        valueStart = i;
        if (buf[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        if (i == digits) {
            pos = i;
            throw error("a number needs digits");
        }
        boolean integral = true;
        if (i < end && buf[i] == '.') {
            integral = false;
            int fraction = ++i;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                i++;
            }
            if (i == fraction) {
                pos = i;
                throw error("a decimal point needs digits after it");
            }
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                i++;
            }
            if (i == exponent) {
                pos = i;
                throw error("an exponent needs digits");
            }
        }
        valueEnd = i;
        pos = i;
        return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    /**
     * A field name: first as the name that followed the previous one last time (exporters write fields in a fixed
     * order), taken a word at a time when the bytes are that name and its closing quote; else scanned and looked up.
     */
    private String readName() throws IOException {
        int expected = lastName < 0 ? -1 : nextName[lastName];
        if (expected >= 0) {
            int length = OtlpFieldNames.matchQuoted(expected, buf, pos + 1, end);
            if (length >= 0) {
                valueStart = pos + 1;
                valueEnd = valueStart + length;
                escaped = false;
                pos = valueEnd + 1;
                lastName = expected;
                return OtlpFieldNames.nameAt(expected);
            }
        }
        scanString();
        if (!escaped) {
            int slot = OtlpFieldNames.slotOf(buf, valueStart, valueEnd - valueStart);
            if (slot >= 0) {
                if (lastName >= 0) {
                    nextName[lastName] = slot;
                }
                lastName = slot;
                return OtlpFieldNames.nameAt(slot);
            }
        }
        String decoded = decodeString();
        String known = OtlpFieldNames.canonical(decoded);
        return known != null ? known : decoded;
    }

    @Override
    public JsonToken currentToken() {
        return current;
    }

    @Override
    public String currentName() {
        return name;
    }

    @Override
    public void skipChildren() throws IOException {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return;
        }
        int level = 1;
        int i = pos;
        while (level > 0) {
            if (i >= end) {
                pos = i;
                throw error("unexpected end of input inside " + (current == JsonToken.START_OBJECT ? "an object" : "an array"));
            }
            if (lineEndsAt(i)) {
                end = i;
                continue;
            }
            byte b = buf[i++];
            if (b == '"') {
                while (true) {
                    if (i >= end) {
                        pos = i;
                        throw error("unterminated string");
                    }
                    if (lineEndsAt(i)) {
                        end = i;
                        continue;
                    }
                    byte s = buf[i++];
                    if (s == '\\') {
                        if (i < end && lineEndsAt(i)) {
                            end = i;
                        }
                        i++;
                    } else if (s == '"') {
                        break;
                    }
                }
            } else if (b == '{' || b == '[') {
                level++;
            } else if (b == '}' || b == ']') {
                level--;
            }
        }
        pos = i;
        current = close(current == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY);
    }

    @Override
    public long longValue(String field) throws IOException {
        JsonToken t = current;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING && !escaped) {
            try {
                return Texts.parseLong(buf, valueStart, valueEnd - valueStart);
            } catch (NumberFormatException e) {
                throw new BadValueException(field + ": " + e.getMessage());
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return new BigDecimal(new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII)).longValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(decodeString().trim());
            } catch (NumberFormatException e) {
                throw new BadValueException(field + ": '" + JsonTrees.abbreviate(decodeString()) + "' is not an integer");
            }
        }
        throw new BadValueException(field + " must be an integer, got " + JsonValues.describe(t));
    }

    @Override
    public String text(String field) throws IOException {
        JsonToken t = current;
        if (t == JsonToken.VALUE_STRING) {
            return escaped ? decodeString() : strings.get(buf, valueStart, valueEnd - valueStart);
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE ? "true" : "false";
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII);
        }
        skipChildren();
        throw new BadValueException(field + " must be a string, got " + JsonValues.describe(t));
    }

    @Override
    public boolean booleanValue() throws IOException {
        return switch (current) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_STRING -> Boolean.parseBoolean(text("boolValue").trim());
            case VALUE_NUMBER_INT -> longValue("boolValue") != 0;
            default -> {
                skipChildren();
                yield false;
            }
        };
    }

    @Override
    public Object doubleValue(String field) throws IOException {
        if (current == JsonToken.VALUE_NUMBER_INT || current == JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.parseDouble(new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII));
        }
        return text(field);
    }

    @Override
    public TraceId traceId() throws IOException {
        if (current != JsonToken.VALUE_STRING) {
            throw new BadValueException("traceId must be a hex string, got " + JsonValues.describe(current));
        }
        if (!escaped && valueEnd - valueStart == 32) {
            if (lastTraceIdValue != null && Arrays.equals(buf, valueStart, valueEnd, lastTraceId, 0, 32)) {
                return lastTraceIdValue;
            }
            try {
                TraceId id = TraceId.fromHexAscii(buf, valueStart);
                System.arraycopy(buf, valueStart, lastTraceId, 0, 32);
                lastTraceIdValue = id;
                return id;
            } catch (IllegalArgumentException notHex) {
                // maybe base64: the lenient parse below decides
            }
        }
        String text = text("traceId");
        return JacksonOtlpTokens.ids(() -> TraceId.parse(text), "traceId");
    }

    @Override
    public SpanId spanId(String field) throws IOException {
        if (current == JsonToken.VALUE_NULL) {
            return null;
        }
        if (current != JsonToken.VALUE_STRING) {
            throw new BadValueException(field + " must be a hex string, got " + JsonValues.describe(current));
        }
        int length = valueEnd - valueStart;
        if (length == 0) {
            return null;
        }
        if (!escaped && length == 16) {
            try {
                return SpanId.fromHexAscii(buf, valueStart);
            } catch (IllegalArgumentException notHex) {
                // maybe base64
            }
        }
        String text = text(field);
        return JacksonOtlpTokens.ids(() -> SpanId.parse(text), field);
    }

    @Override
    public int wireName() throws IOException {
        if (current != JsonToken.VALUE_STRING) {
            return -1;
        }
        if (escaped) {
            char[] chars = decodeString().toCharArray();
            return WireNames.lookup(chars, 0, chars.length);
        }
        return WireNames.lookup(buf, valueStart, valueEnd - valueStart);
    }

    @Override
    public String where() {
        return "line 1, column " + (pos - base + 1);
    }

    /** Decodes the current string's bytes, escapes included; malformed escapes are errors, bad UTF-8 is replaced. */
    private String decodeString() throws IOException {
        if (!escaped) {
            return new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(valueEnd - valueStart);
        int runStart = valueStart;
        int i = valueStart;
        while (i < valueEnd) {
            if (buf[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(buf, runStart, i - runStart, StandardCharsets.UTF_8));
            if (i + 1 >= valueEnd) {
                throw error("unfinished escape");
            }
            byte e = buf[i + 1];
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 6 > valueEnd) {
                        throw error("unfinished \\u escape");
                    }
                    int code = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int d = buf[k] >= 0 ? Character.digit((char) buf[k], 16) : -1;
                        if (d < 0) {
                            throw error("invalid \\u escape");
                        }
                        code = code << 4 | d;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw error("invalid escape '\\" + (char) (e & 0xFF) + "'");
            }
            i += 2;
            runStart = i;
        }
        out.append(new String(buf, runStart, valueEnd - runStart, StandardCharsets.UTF_8));
        return out.toString();
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte b = buf[pos];
            if (b > ' ') {
                return;
            }
            if (b == '\n' || b == '\r') {
                if (lineEndsAt(pos)) {
                    end = pos;
                    return;
                }
            } else if (b != ' ' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    /** In line mode, whether the line ends at {@code i}: an LF, or a CR before an LF or at the block's end. */
    private boolean lineEndsAt(int i) {
        if (!lineMode) {
            return false;
        }
        byte b = buf[i];
        return b == '\n' || b == '\r' && (i + 1 == limit || buf[i + 1] == '\n');
    }

    private static String describe(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xFF);
    }

    private MalformedJsonException error(String message) {
        return new MalformedJsonException("at " + where() + ": " + message);
    }

    /** Malformed JSON in a record; the record is rejected, the next one read. */
    static final class MalformedJsonException extends IOException {
        MalformedJsonException(String message) {
            super(message);
        }
    }
}
