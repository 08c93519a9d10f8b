package dev.sloscout.engine.capsule;

/**
 * The state records Nagios Core writes to its log, and the monitors that keep its format (Icinga 1, Naemon, Centreon
 * Engine): a kind of record, a colon and semicolon-separated fields, one of them the state a host or service is in
 * ({@code [1796536304] SERVICE ALERT: web-1;Checkout API;CRITICAL;HARD;2;CRITICAL - Socket timeout after 10
 * seconds}). The record's level is its state's: {@code ALERT} there names the kind of record, not a syslog level.
 */
final class NagiosRecords {
    /** The kinds of record that carry a state, each with the number of fields before it. */
    private static final String[] KINDS = {"SERVICE ALERT: ", "HOST ALERT: ", "INITIAL SERVICE STATE: ",
        "INITIAL HOST STATE: ", "CURRENT SERVICE STATE: ", "CURRENT HOST STATE: ", "SERVICE NOTIFICATION: ",
        "HOST NOTIFICATION: ", "SERVICE EVENT HANDLER: ", "HOST EVENT HANDLER: ", "SERVICE FLAPPING ALERT: ",
        "HOST FLAPPING ALERT: ", "SERVICE DOWNTIME ALERT: ", "HOST DOWNTIME ALERT: "};
    private static final int[] FIELDS_BEFORE = {2, 1, 2, 1, 2, 1, 3, 2, 2, 1, 2, 1, 2, 1};
    /** The longest state field read: a notification's type and state ({@code ACKNOWLEDGEMENT (CRITICAL)}). */
    private static final int STATE_REACH = 32;

    private NagiosRecords() {
    }

    /**
     * The level of the state record at {@code from}: information for {@code OK} and {@code UP}, a warning for {@code
     * WARNING} and {@code UNKNOWN}, an error for {@code CRITICAL}, {@code DOWN} and {@code UNREACHABLE}; a warning when
     * flapping {@code STARTED}; information for any other state or type ({@code ACKNOWLEDGEMENT (CRITICAL)}, {@code
     * FLAPPINGSTOP (OK)}, a downtime's {@code STARTED}: an operator's or the monitor's own act); unknown for a record
     * cut before its state. Null when no such record opens there.
     */
    static Severity level(String s, int from) {
        if (from >= s.length() || "SHIC".indexOf(s.charAt(from)) < 0) {
            return null; // nearly every line
        }
        for (int k = 0; k < KINDS.length; k++) {
            if (s.startsWith(KINDS[k], from)) {
                return state(s, from + KINDS[k].length(), FIELDS_BEFORE[k], KINDS[k].contains("FLAPPING"));
            }
        }
        return null;
    }

    private static Severity state(String s, int at, int fieldsBefore, boolean flapping) {
        int start = at;
        for (int i = 0; i < fieldsBefore; i++) {
            int semicolon = s.indexOf(';', start);
            if (semicolon < 0) {
                return Severity.UNKNOWN;
            }
            start = semicolon + 1;
        }
        int end = s.indexOf(';', start);
        if (end < 0 || end - start > STATE_REACH) {
            return Severity.UNKNOWN;
        }
        return switch (s.substring(start, end)) {
            case "OK", "UP" -> Severity.INFO;
            case "WARNING", "UNKNOWN" -> Severity.WARN;
            case "CRITICAL", "DOWN", "UNREACHABLE" -> Severity.ERROR;
            case "STARTED" -> flapping ? Severity.WARN : Severity.INFO;
            default -> Severity.INFO;
        };
    }
}
