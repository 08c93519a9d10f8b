package dev.sloscout.connectors.files;

/**
 * Turns characters from a parser's buffer into a String, reusing the previous String for the same text. Span names,
 * services and routes repeat millions of times in a dump: one copy each keeps memory and garbage down. Direct-mapped
 * and bounded; a collision just replaces the entry.
 */
final class StringCache {
    private static final int MAX_CACHED_LENGTH = 256;
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private final String[] entries;
    /** Texts read from bytes, beside the ASCII bytes they were made from (a table apart from the characters' one). */
    private final String[] byteEntries;
    private final byte[][] entryBytes;
    private final int mask;

    StringCache(int size) {
        int capacity = Integer.highestOneBit(Math.max(16, size));
        entries = new String[capacity];
        byteEntries = new String[capacity];
        entryBytes = new byte[capacity][];
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

    /**
     * The same for UTF-8 bytes; only ASCII text is cached (names and routes nearly always are). The bytes are hashed
     * eight at a time and compared with the cached text's own bytes, so a hit reads them twice, a word at a time.
     */
    String get(byte[] bytes, int offset, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
        int end = offset + length;
        int i = offset;
        long any = 0;
        long h = length;
        for (; i + 8 <= end; i += 8) {
            long word = Texts.word(bytes, i);
            any |= word;
            h = (h ^ word) * MIX;
        }
        long tail = 0;
        for (int k = end - 1; k >= i; k--) {
            tail = tail << 8 | (bytes[k] & 0xFF);
        }
        any |= tail;
        if ((any & Texts.HIGHS) != 0) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
        h = (h ^ tail) * MIX;
        int slot = (int) (h >>> 32 ^ h) & mask;
        byte[] cachedBytes = entryBytes[slot];
        if (cachedBytes != null && java.util.Arrays.equals(cachedBytes, 0, cachedBytes.length, bytes, offset, end)) {
            return byteEntries[slot];
        }
        String created = new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        byteEntries[slot] = created;
        entryBytes[slot] = java.util.Arrays.copyOfRange(bytes, offset, end);
        return created;
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
