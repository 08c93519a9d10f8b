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

    /** Parses a decimal long from ASCII bytes without allocating; same rules as the char version. */
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
        long value = 0;
        if (end - i <= 18) {
            int invalid = 0;
            for (; i < end; i++) {
                int d = bytes[i] - '0';
                invalid |= d | (9 - d);
                value = value * 10 + d;
            }
            if (invalid < 0) {
                throw new NumberFormatException("'" + new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8)
                        + "' is not an integer");
            }
            return negative ? -value : value;
        }
        // 19 or 20 digits (a time in nanoseconds): accumulated negatively, as Long.parseLong does, so both ends of
        // the range parse and anything past them is refused
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        long acc = 0;
        for (; i < end; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("'" + new String(bytes, offset, length,
                        java.nio.charset.StandardCharsets.UTF_8) + "' is not an integer");
            }
            if (acc < multiplyLimit || acc * 10 < limit + d) {
                throw new NumberFormatException("'" + new String(bytes, offset, length,
                        java.nio.charset.StandardCharsets.UTF_8) + "' is out of range");
            }
            acc = acc * 10 - d;
        }
        return negative ? acc : -acc;
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
}
