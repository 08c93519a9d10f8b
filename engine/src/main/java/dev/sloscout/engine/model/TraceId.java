package dev.sloscout.engine.model;

/**
 * A 128-bit trace id, validated when built: never all zero. 64-bit ids (Jaeger, Zipkin, B3) are left-padded,
 * so the same trace written by different systems gets the same id.
 */
public record TraceId(long high, long low) implements Comparable<TraceId> {

    public TraceId {
        if (high == 0 && low == 0) {
            throw new IllegalArgumentException("trace id is all zero");
        }
    }

    /** Parses 32 or 16 hex digits (either case); 16 digits are left-padded with zeros. */
    public static TraceId fromHex(CharSequence hex) {
        int len = hex.length();
        if (len == 32) {
            return new TraceId(Hex.parseLong(hex, 0, 16), Hex.parseLong(hex, 16, 32));
        }
        if (len == 16) {
            return new TraceId(0, Hex.parseLong(hex, 0, 16));
        }
        if (len > 0 && len < 32 && Hex.isAllHex(hex)) {
            // Some Zipkin/Jaeger clients drop leading zeros.
            int split = Math.max(0, len - 16);
            return new TraceId(split == 0 ? 0 : Hex.parseLong(hex, 0, split), Hex.parseLong(hex, split, len));
        }
        throw new IllegalArgumentException("trace id must be 16 or 32 hex digits, got " + len + " characters");
    }

    public static TraceId fromHex(char[] chars, int offset, int length) {
        if (length == 32) {
            return new TraceId(Hex.parseLong(chars, offset, offset + 16), Hex.parseLong(chars, offset + 16, offset + 32));
        }
        return fromHex(new String(chars, offset, length));
    }

    /** 32 hex digits as ASCII bytes, as they sit in a JSON buffer. */
    public static TraceId fromHexAscii(byte[] bytes, int offset) {
        return new TraceId(Hex.parseSixteen(bytes, offset), Hex.parseSixteen(bytes, offset + 16));
    }

    /** Accepts hex (the OTLP/JSON rule) and, for non-conforming exporters, base64 of 16 or 8 bytes. */
    public static TraceId parse(CharSequence text) {
        if (Hex.isAllHex(text) && (text.length() == 32 || text.length() == 16)) {
            return fromHex(text);
        }
        byte[] bytes = Hex.decodeBase64(text);
        if (bytes != null && (bytes.length == 16 || bytes.length == 8)) {
            return fromBytes(bytes);
        }
        return fromHex(text);
    }

    public static TraceId fromBytes(byte[] bytes) {
        if (bytes.length == 16) {
            return new TraceId(Hex.bytesToLong(bytes, 0), Hex.bytesToLong(bytes, 8));
        }
        if (bytes.length == 8) {
            return new TraceId(0, Hex.bytesToLong(bytes, 0));
        }
        throw new IllegalArgumentException("trace id must be 16 bytes, got " + bytes.length);
    }

    public String toHex() {
        StringBuilder out = new StringBuilder(32);
        Hex.append(out, high);
        Hex.append(out, low);
        return out.toString();
    }

    @Override
    public int compareTo(TraceId other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TraceId other && high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 0x9E3779B97F4A7C15L ^ low);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
