package dev.sloscout.connectors.files;

import java.util.HashMap;
import java.util.Map;

/**
 * The OTLP/JSON field vocabulary, matched from bytes to shared String instances (fast {@code switch} on names). Each
 * name has a slot, so a reader can remember which name came after which ({@link #matchQuoted}).
 */
final class OtlpFieldNames {
    private static final String[] NAMES = {
        "resourceSpans", "resource", "attributes", "scopeSpans", "instrumentationLibrarySpans", "scope",
        "instrumentationLibrary", "spans", "traceId", "spanId", "parentSpanId", "name", "kind", "startTimeUnixNano",
        "endTimeUnixNano", "status", "code", "message", "events", "timeUnixNano", "key", "value", "stringValue",
        "intValue", "boolValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue", "values", "schemaUrl",
        "flags", "traceState", "links", "droppedAttributesCount", "droppedEventsCount", "droppedLinksCount", "version",
        "resourceLogs", "resourceMetrics"
    };
    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final String[] TABLE = new String[256];
    private static final byte[][] TABLE_BYTES = new byte[256][];
    private static final long[][] TABLE_WORDS = new long[256][];

    static {
        for (String name : NAMES) {
            CANONICAL.put(name, name);
            int slot = slot(name.length(), name.charAt(0), name.charAt(name.length() - 1));
            while (TABLE[slot] != null) {
                slot = (slot + 1) & 0xFF;
            }
            TABLE[slot] = name;
            TABLE_BYTES[slot] = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] padded = java.util.Arrays.copyOf(TABLE_BYTES[slot], (name.length() + 7) & ~7);
            long[] words = new long[padded.length / 8];
            for (int i = 0; i < words.length; i++) {
                words[i] = Texts.word(padded, i * 8);
            }
            TABLE_WORDS[slot] = words;
        }
    }

    private OtlpFieldNames() {
    }

    /** The slot of a known name given as ASCII bytes, or -1. */
    static int slotOf(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return -1;
        }
        for (int slot = slot(length, bytes[offset], bytes[offset + length - 1]); ; slot = (slot + 1) & 0xFF) {
            byte[] candidate = TABLE_BYTES[slot];
            if (candidate == null) {
                return -1;
            }
            if (java.util.Arrays.equals(candidate, 0, candidate.length, bytes, offset, offset + length)) {
                return slot;
            }
        }
    }

    /** The shared instance of the name in a slot {@link #slotOf} gave. */
    static String nameAt(int slot) {
        return TABLE[slot];
    }

    /**
     * The length of the name in {@code slot} when the bytes at {@code offset} are that name and a closing quote,
     * else -1: a word at a time, so a name the reader expects is taken without scanning it.
     */
    static int matchQuoted(int slot, byte[] bytes, int offset, int end) {
        int length = TABLE[slot].length();
        long[] words = TABLE_WORDS[slot];
        if (offset + words.length * 8 > bytes.length || offset + length >= end || bytes[offset + length] != '"') {
            return -1;
        }
        int last = words.length - 1;
        for (int i = 0; i < last; i++) {
            if (Texts.word(bytes, offset + i * 8) != words[i]) {
                return -1;
            }
        }
        int tail = length - last * 8;
        long mask = tail == 8 ? -1L : (1L << (tail * 8)) - 1;
        return (Texts.word(bytes, offset + last * 8) & mask) == words[last] ? length : -1;
    }

    /** Every known name (for tests). */
    static java.util.List<String> names() {
        return java.util.List.of(NAMES);
    }

    static String canonical(String name) {
        return CANONICAL.get(name);
    }

    private static int slot(int length, int first, int last) {
        return (length * 31 + first * 7 + last) * 0x9E3779B9 >>> 24;
    }
}
