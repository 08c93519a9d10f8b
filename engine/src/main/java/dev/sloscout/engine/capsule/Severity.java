package dev.sloscout.engine.capsule;

import java.util.Locale;

/** Log severity on one scale for every source: syslog names, Java/Python levels, single letters, OTLP numbers. */
public enum Severity {
    UNKNOWN, TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** The severity a level word names, or null when the word is not a level (so callers can tell). */
    public static Severity fromWord(CharSequence word) {
        return switch (word.toString().toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "FINER", "VERBOSE" -> TRACE;
            case "DEBUG", "FINE", "DBG" -> DEBUG;
            case "INFO", "INFORMATION", "NOTICE", "CONFIG", "INF" -> INFO;
            case "WARN", "WARNING", "WRN" -> WARN;
            case "ERROR", "ERR", "SEVERE", "CRIT", "CRITICAL", "FAILURE" -> ERROR;
            case "FATAL", "ALERT", "EMERG", "EMERGENCY", "PANIC" -> FATAL;
            default -> null;
        };
    }

    /** Android/glog style single letters (V D I W E F), or null. */
    public static Severity fromLetter(char c) {
        return switch (c) {
            case 'V' -> TRACE;
            case 'D' -> DEBUG;
            case 'I' -> INFO;
            case 'W' -> WARN;
            case 'E' -> ERROR;
            case 'F', 'A' -> FATAL;
            default -> null;
        };
    }

    /** OTLP {@code SeverityNumber} (1-24), 0 or out of range is unknown. */
    public static Severity fromOtlpNumber(int number) {
        if (number <= 0 || number > 24) {
            return UNKNOWN;
        }
        return values()[1 + (number - 1) / 4];
    }
}
