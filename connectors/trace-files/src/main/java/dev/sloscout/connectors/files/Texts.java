package dev.sloscout.connectors.files;

/** Byte-level helpers for text inputs. */
final class Texts {
    private Texts() {
    }

    /** Index of the first byte after a UTF-8 byte-order mark and whitespace. */
    static int skipBomAndWhitespace(byte[] bytes, int from, int to) {
        int i = from;
        if (to - i >= 3 && (bytes[i] & 0xFF) == 0xEF && (bytes[i + 1] & 0xFF) == 0xBB && (bytes[i + 2] & 0xFF) == 0xBF) {
            i += 3;
        }
        while (i < to && isWhitespace(bytes[i])) {
            i++;
        }
        return i;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A one in every byte of a word, and every byte's high bit: the masks of the eight-bytes-at-a-time scans. */
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Eight bytes from {@code at} as one word, the first in its lowest byte (the word the scans here test). */
    static long word(byte[] bytes, int at) {
        return (long) LITTLE_ENDIAN_LONGS.get(bytes, at);
    }

    /**
     * Parses a decimal long from ASCII bytes without allocating; same rules as the char version. Digits after the
     * first {@code n % 8} are read eight at a time (SWAR): a time in nanoseconds is 19 of them.
     */
    static long parseLong(byte[] bytes, int offset, int length) {
        if (length == 0 || length > 20) {
            throw new NumberFormatException("not an integer of at most 19 digits");
        }
        int i = offset;
        int end = offset + length;
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
            if (i == end) {
                throw new NumberFormatException("a sign without digits");
            }
        }
        int digits = end - i;
        long value = 0;
        int invalid = 0;
        for (int head = i + (digits & 7); i < head; i++) {
            int d = bytes[i] - '0';
            invalid |= d | (9 - d);
            value = value * 10 + d;
        }
        if (invalid < 0) {
            throw notAnInteger(bytes, offset, length);
        }
        for (; i < end; i += 8) {
            long eight = word(bytes, i);
            if ((((eight + 0x4646464646464646L) | (eight - ZEROS)) & HIGHS) != 0) { // a byte below '0' or above '9'
                throw notAnInteger(bytes, offset, length);
            }
            long chunk = eightDigits(eight);
            if (i + 8 == end && digits >= 19 && !fits(value, chunk, negative)) {
                throw new NumberFormatException("'" + new String(bytes, offset, length,
                        java.nio.charset.StandardCharsets.UTF_8) + "' is out of range");
            }
            value = value * 100_000_000L + chunk; // Long.MIN_VALUE's digits wrap to it, and negate to it
        }
        return negative ? -value : value;
    }

    private static NumberFormatException notAnInteger(byte[] bytes, int offset, int length) {
        return new NumberFormatException("'" + new String(bytes, offset, length,
                java.nio.charset.StandardCharsets.UTF_8) + "' is not an integer");
    }

    /** Whether {@code value * 10^8 + chunk} is within a long of the given sign. */
    private static boolean fits(long value, long chunk, boolean negative) {
        long most = Long.MAX_VALUE / 100_000_000L;
        long rest = Long.MAX_VALUE % 100_000_000L + (negative ? 1 : 0);
        return value < most || value == most && chunk <= rest;
    }

    /** Eight ASCII digits, the first in the lowest byte, as the number they write (Lemire's SWAR reduction). */
    private static long eightDigits(long bytes) {
        long v = bytes - ZEROS;
        v = v * 10 + (v >>> 8);
        return ((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
                + ((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /** Parses a decimal long from characters without allocating; throws on anything but an optional sign and digits. */
    static long parseLong(char[] chars, int offset, int length) {
        if (length == 0 || length > 20) {
            throw new NumberFormatException("not an integer of at most 19 digits");
        }
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (chars[i] == '-' || chars[i] == '+') {
            negative = chars[i] == '-';
            i++;
            if (i == end) {
                throw new NumberFormatException("a sign without digits");
            }
        }
        long value = 0;
        if (end - i <= 18) { // cannot overflow: one check for all digits
            int invalid = 0;
            for (; i < end; i++) {
                int d = chars[i] - '0';
                invalid |= d | (9 - d);
                value = value * 10 + d;
            }
            if (invalid < 0) {
                throw new NumberFormatException("'" + new String(chars, offset, length) + "' is not an integer");
            }
            return negative ? -value : value;
        }
        for (; i < end; i++) {
            int d = chars[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("'" + new String(chars, offset, length) + "' is not an integer");
            }
            long next = value * 10 + d;
            if (next < value) {
                throw new NumberFormatException("'" + new String(chars, offset, length) + "' is out of range");
            }
            value = next;
        }
        return negative ? -value : value;
    }

    /**
     * A URL's path, without its query or fragment (a query may carry tokens and personal data); {@code /} when it has
     * none. A URL without a scheme is taken as a path already.
     */
    static String urlPath(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
        if (start < 0) {
            return "/";
        }
        int end = url.length();
        for (int i = start; i < end; i++) {
            if (url.charAt(i) == '?' || url.charAt(i) == '#') {
                end = i;
            }
        }
        return start == end ? "/" : url.substring(start, end);
    }
}
