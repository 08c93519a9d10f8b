package dev.sloscout.engine.model;

import java.util.Locale;

/** OTLP span status codes with their wire numbers. */
public enum StatusCode {
    UNSET, OK, ERROR;

    public static StatusCode fromOtlpCode(long code) {
        if (code < 0 || code > 2) {
            throw new IllegalArgumentException("unknown status code " + code);
        }
        return values()[(int) code];
    }

    /** {@code STATUS_CODE_ERROR}, {@code ERROR}, {@code error}. */
    public static StatusCode fromName(String name) {
        if (name == null || name.isBlank()) {
            return UNSET;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.chars().allMatch(Character::isDigit)) {
            return fromOtlpCode(Long.parseLong(n));
        }
        if (n.startsWith("STATUS_CODE_")) {
            n = n.substring("STATUS_CODE_".length());
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status code '" + name + "'");
        }
    }
}
