package dev.sloscout.connectors.files;

import java.util.HashMap;
import java.util.Map;

/** The OTLP/JSON field vocabulary, matched from bytes to shared String instances (fast {@code switch} on names). */
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

    static {
        for (String name : NAMES) {
            CANONICAL.put(name, name);
            int slot = slot(name.length(), name.charAt(0), name.charAt(name.length() - 1));
            while (TABLE[slot] != null) {
                slot = (slot + 1) & 0xFF;
            }
            TABLE[slot] = name;
            TABLE_BYTES[slot] = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private OtlpFieldNames() {
    }

    /** The shared instance of a known name given as ASCII bytes, or null. */
    static String lookup(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return null;
        }
        for (int slot = slot(length, bytes[offset], bytes[offset + length - 1]); ; slot = (slot + 1) & 0xFF) {
            byte[] candidate = TABLE_BYTES[slot];
            if (candidate == null) {
                return null;
            }
            if (java.util.Arrays.equals(candidate, 0, candidate.length, bytes, offset, offset + length)) {
                return TABLE[slot];
            }
        }
    }

    static String canonical(String name) {
        return CANONICAL.get(name);
    }

    private static int slot(int length, int first, int last) {
        return (length * 31 + first * 7 + last) * 0x9E3779B9 >>> 24;
    }
}
