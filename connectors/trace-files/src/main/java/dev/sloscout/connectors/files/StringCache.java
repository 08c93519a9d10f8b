package dev.sloscout.connectors.files;

/**
 * Turns characters from a parser's buffer into a String, reusing the previous String for the same text. Span names,
 * services and routes repeat millions of times in a dump: one copy each keeps memory and garbage down. Direct-mapped
 * and bounded; a collision just replaces the entry.
 */
final class StringCache {
    private static final int MAX_CACHED_LENGTH = 256;
    private final String[] entries;
    private final int mask;

    StringCache(int size) {
        int capacity = Integer.highestOneBit(Math.max(16, size));
        entries = new String[capacity];
        mask = capacity - 1;
    }

    String get(char[] chars, int offset, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(chars, offset, length);
        }
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 15)) & mask;
        String cached = entries[slot];
        if (cached != null && cached.length() == length && matches(cached, chars, offset)) {
            return cached;
        }
        String created = new String(chars, offset, length);
        entries[slot] = created;
        return created;
    }

    /** The same for UTF-8 bytes; only ASCII text is cached (names and routes nearly always are). */
    String get(byte[] bytes, int offset, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
        int h = 0;
        int nonAscii = 0;
        for (int i = offset; i < offset + length; i++) {
            nonAscii |= bytes[i];
            h = 31 * h + bytes[i];
        }
        if (nonAscii < 0) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
        int slot = (h ^ (h >>> 15)) & mask;
        String cached = entries[slot];
        if (cached != null && cached.length() == length && matches(cached, bytes, offset)) {
            return cached;
        }
        String created = new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        entries[slot] = created;
        return created;
    }

    private static boolean matches(String cached, byte[] bytes, int offset) {
        for (int i = 0; i < cached.length(); i++) {
            if (cached.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String cached, char[] chars, int offset) {
        for (int i = 0; i < cached.length(); i++) {
            if (cached.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
