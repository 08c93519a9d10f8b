package dev.sloscout.engine.model;

/** A 64-bit span id, validated when built: never zero. */
public record SpanId(long value) {

    public SpanId {
        if (value == 0) {
            throw new IllegalArgumentException("span id is all zero");
        }
    }

    public static SpanId fromHex(CharSequence hex) {
        int len = hex.length();
        if (len == 0 || len > 16) {
            throw new IllegalArgumentException("span id must be 16 hex digits, got " + len + " characters");
        }
        return new SpanId(Hex.parseLong(hex, 0, len));
    }

    public static SpanId fromHex(char[] chars, int offset, int length) {
        if (length == 0 || length > 16) {
            throw new IllegalArgumentException("span id must be 16 hex digits, got " + length + " characters");
        }
        return new SpanId(Hex.parseLong(chars, offset, offset + length));
    }

    /** 16 hex digits as ASCII bytes, as they sit in a JSON buffer. */
    public static SpanId fromHexAscii(byte[] bytes, int offset) {
        return new SpanId(Hex.parseSixteen(bytes, offset));
    }

    /** Hex as OTLP/JSON requires, or base64 of 8 bytes as some exporters write it. */
    public static SpanId parse(CharSequence text) {
        if (text.length() == 16 && Hex.isAllHex(text)) {
            return fromHex(text);
        }
        byte[] bytes = Hex.decodeBase64(text);
        if (bytes != null && bytes.length == 8) {
            return fromBytes(bytes);
        }
        return fromHex(text);
    }

    public static SpanId fromBytes(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("span id must be 8 bytes, got " + bytes.length);
        }
        return new SpanId(Hex.bytesToLong(bytes, 0));
    }

    public String toHex() {
        StringBuilder out = new StringBuilder(16);
        Hex.append(out, value);
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SpanId other && value == other.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value * 0x9E3779B97F4A7C15L);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
