package dev.sloscout.engine.model;

import java.util.Locale;

/** Span kinds with the OTLP wire numbers; names from OTLP, Jaeger ({@code span.kind}) and Zipkin are accepted. */
public enum SpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    private static final SpanKind[] BY_CODE = values();

    public int otlpCode() {
        return ordinal();
    }

    public static SpanKind fromOtlpCode(long code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown span kind " + code);
        }
        return BY_CODE[(int) code];
    }

    /** {@code SPAN_KIND_SERVER}, {@code SERVER}, {@code server}; null or blank is unspecified. */
    public static SpanKind fromName(String name) {
        if (name == null || name.isBlank()) {
            return UNSPECIFIED;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.chars().allMatch(Character::isDigit)) {
            return fromOtlpCode(Long.parseLong(n));
        }
        if (n.startsWith("SPAN_KIND_")) {
            n = n.substring("SPAN_KIND_".length());
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown span kind '" + name + "'");
        }
    }
}
