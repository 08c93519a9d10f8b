package dev.sloscout.engine.model;

/** Hex and base64 digit handling shared by the id types; no allocation on the parse path. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final int[] BASE64 = new int[128];
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUE['a' + i] = (byte) (10 + i);
            HEX_VALUE['A' + i] = (byte) (10 + i);
        }
        java.util.Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
        BASE64['-'] = 62; // URL-safe alphabet, as some exporters write it
        BASE64['_'] = 63;
    }

    private Hex() {
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Parses up to 16 hex digits into a long, or throws naming the offending character. */
    static long parseLong(CharSequence text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = digit(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not a hex digit '" + printable(text.charAt(i)) + "' at position " + i);
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /** The hot path for ids read straight from a JSON parser's buffer: a table lookup per digit, one check at the end. */
    static long parseLong(char[] text, int from, int to) {
        long value = 0;
        int invalid = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            int d = c < 128 ? HEX_VALUE[c] : -1;
            invalid |= d;
            value = (value << 4) | (d & 0xF);
        }
        if (invalid < 0) {
            for (int i = from; i < to; i++) {
                if (digit(text[i]) < 0) {
                    throw new IllegalArgumentException("not a hex digit '" + printable(text[i]) + "'");
                }
            }
        }
        return value;
    }

    /** As {@link #parseLong(char[], int, int)}, for ASCII bytes straight from an input buffer. */
    static long parseLong(byte[] text, int from, int to) {
        long value = 0;
        int invalid = 0;
        for (int i = from; i < to; i++) {
            int d = HEX_VALUE[text[i] & 0x7F] | (text[i] >> 7);
            invalid |= d;
            value = (value << 4) | (d & 0xF);
        }
        if (invalid < 0) {
            for (int i = from; i < to; i++) {
                if (text[i] < 0 || digit((char) text[i]) < 0) {
                    throw new IllegalArgumentException("not a hex digit '" + printable((char) (text[i] & 0xFF)) + "'");
                }
            }
        }
        return value;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Sixteen hex digits in ASCII bytes (an id as OTLP/JSON writes it) into a long, eight bytes at a time (SWAR):
     * the same answers and errors as {@link #parseLong(byte[], int, int)} over those bytes.
     */
    static long parseSixteen(byte[] text, int offset) {
        long high = (long) BIG_ENDIAN_LONGS.get(text, offset);
        long low = (long) BIG_ENDIAN_LONGS.get(text, offset + 8);
        if (!allHex(high) || !allHex(low)) {
            return parseLong(text, offset, offset + 16); // throws, naming the first character that is no digit
        }
        return packNibbles(high) << 32 | packNibbles(low);
    }

    /** True when each of the eight bytes is 0-9, a-f or A-F. */
    private static boolean allHex(long bytes) {
        long digit = atLeast(bytes, '0') & ~atLeast(bytes, '9' + 1);
        long lower = atLeast(bytes, 'a') & ~atLeast(bytes, 'f' + 1);
        long upper = atLeast(bytes, 'A') & ~atLeast(bytes, 'F' + 1);
        return (bytes & HIGHS) == 0 && (digit | lower | upper) == HIGHS;
    }

    /** The high bit of each byte set where that byte (below 0x80) is at least {@code bound}. */
    private static long atLeast(long bytes, int bound) {
        return (bytes + (0x80 - bound) * ONES) & HIGHS;
    }

    /** Eight hex digits, the first in the top byte, as the 32-bit number they write. */
    private static long packNibbles(long bytes) {
        // a digit's low four bits are its value; a letter's are its value less nine, and it has 0x40 set
        long nibbles = (bytes & 0x0F0F0F0F0F0F0F0FL) + ((bytes >>> 6) & ONES) * 9;
        long pairs = (nibbles >>> 4 | nibbles) & 0x00FF00FF00FF00FFL;
        long quads = (pairs >>> 8 | pairs) & 0x0000FFFF0000FFFFL;
        return (quads >>> 16 | quads) & 0xFFFFFFFFL;
    }

    static void append(StringBuilder out, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (value >>> shift) & 0xF]);
        }
    }

    static boolean isAllHex(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes standard or URL-safe base64 (padding optional); returns null when it is not base64. */
    static byte[] decodeBase64(CharSequence text) {
        int len = text.length();
        while (len > 0 && text.charAt(len - 1) == '=') {
            len--;
        }
        if (len % 4 == 1) {
            return null;
        }
        byte[] out = new byte[len * 3 / 4];
        int buffer = 0;
        int bits = 0;
        int pos = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            int v = c < 128 ? BASE64[c] : -1;
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[pos++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    static long bytesToLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
