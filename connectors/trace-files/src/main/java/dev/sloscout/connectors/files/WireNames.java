package dev.sloscout.connectors.files;

import dev.sloscout.engine.model.AttributeKey;
import dev.sloscout.engine.model.SpanAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the attribute names a decoder cares about straight from a parser's character buffer, without
 * allocating a String per attribute (most attributes on the wire are of no interest and are skipped).
 */
final class WireNames {
    static final int SERVICE_NAME = 0;
    static final int SERVICE_NAMESPACE = 1;
    static final int SERVICE_INSTANCE_ID = 2;
    static final int EXCEPTION_TYPE = 3;
    static final int EXCEPTION_MESSAGE = 4;
    static final int SERVICE_VERSION = 5;
    private static final int FIRST_SPAN_ATTRIBUTE = 6;

    private static final String[] NAMES;
    private static final AttributeKey<?>[] KEYS;
    private static final int[] TABLE;
    private static final int MASK;

    static {
        List<String> names = new ArrayList<>(List.of("service.name", "service.namespace", "service.instance.id",
                "exception.type", "exception.message", "service.version"));
        names.addAll(SpanAttributes.wireNames());
        NAMES = names.toArray(String[]::new);
        KEYS = new AttributeKey<?>[NAMES.length];
        for (int i = FIRST_SPAN_ATTRIBUTE; i < NAMES.length; i++) {
            KEYS[i] = SpanAttributes.forWireName(NAMES[i]);
        }
        int size = Integer.highestOneBit(NAMES.length * 4);
        TABLE = new int[size];
        MASK = size - 1;
        java.util.Arrays.fill(TABLE, -1);
        for (int i = 0; i < NAMES.length; i++) {
            char[] chars = NAMES[i].toCharArray();
            int slot = hash(chars, 0, chars.length) & MASK;
            while (TABLE[slot] >= 0) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = i;
        }
    }

    private WireNames() {
    }

    /** The id of a known name, or -1. */
    static int lookup(char[] chars, int offset, int length) {
        for (int slot = hash(chars, offset, length) & MASK; ; slot = (slot + 1) & MASK) {
            int id = TABLE[slot];
            if (id < 0) {
                return -1;
            }
            if (equals(NAMES[id], chars, offset, length)) {
                return id;
            }
        }
    }

    /** The id of a known name given as UTF-8 bytes, or -1. */
    static int lookup(byte[] bytes, int offset, int length) {
        int h = length;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return -1; // known names are ASCII
            }
            h = 31 * h + bytes[i];
        }
        h ^= h >>> 16;
        for (int slot = h & MASK; ; slot = (slot + 1) & MASK) {
            int id = TABLE[slot];
            if (id < 0) {
                return -1;
            }
            if (equals(NAMES[id], bytes, offset, length)) {
                return id;
            }
        }
    }

    private static boolean equals(String name, byte[] bytes, int offset, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** The kept span attribute for an id, or null when the id is a resource or event name. */
    static AttributeKey<?> spanAttribute(int id) {
        return id < 0 ? null : KEYS[id];
    }

    private static int hash(char[] chars, int offset, int length) {
        int h = length;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }

    private static boolean equals(String name, char[] chars, int offset, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
