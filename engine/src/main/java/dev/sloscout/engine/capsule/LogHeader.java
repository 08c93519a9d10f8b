package dev.sloscout.engine.capsule;

/**
 * What the header of a log line said: when, how severe, which component, and where the message body starts.
 *
 * @param epochMillis the timestamp, {@link Long#MIN_VALUE} when the line has none; a time of day without a date
 *                    ({@code 15:05:18.003}) falls on {@link #DATELESS_DAY}, to be placed on the day the data says
 * @param component   the logger, program or component, without a trailing pid ({@code sshd[42]:} gives {@code sshd}),
 *                    empty when none
 * @param bodyStart   index of the first character of the message body in the line
 * @param bodyEnd     index after its last character, {@link #TO_LINE_END} when the message runs to the line's end (a
 *                    layout may write fields after it: {@code | logger | thread})
 */
public record LogHeader(long epochMillis, Severity severity, String component, int bodyStart, int bodyEnd) {
    public static final long NO_TIME = Long.MIN_VALUE;
    /** {@link #bodyEnd} of a message that runs to the end of its line. */
    public static final int TO_LINE_END = Integer.MAX_VALUE;

    /** A header whose message runs to the end of the line. */
    public LogHeader(long epochMillis, Severity severity, String component, int bodyStart) {
        this(epochMillis, severity, component, bodyStart, TO_LINE_END);
    }

    /** Where the message ends in {@code line}. */
    public int bodyEnd(String line) {
        return Math.min(bodyEnd, line.length());
    }

    /**
     * The day a time of day read without a date falls on: 1971-01-01 (UTC), a day no real log is from and out of
     * {@link YearlessTimes#PARSED_IN}, the year yearless times are read in.
     */
    public static final long DATELESS_DAY = 365L * 86_400_000L;

    public boolean hasTime() {
        return epochMillis != NO_TIME;
    }

    /** Whether {@code epochMillis} is a time of day read without a date ({@link #DATELESS_DAY}). */
    public static boolean isDateless(long epochMillis) {
        return epochMillis >= DATELESS_DAY && epochMillis < DATELESS_DAY + 86_400_000L;
    }

    /** Whether {@code epochMillis} is a time with its date: neither {@link #NO_TIME} nor a time of day alone. */
    public static boolean isDated(long epochMillis) {
        return epochMillis != NO_TIME && !isDateless(epochMillis);
    }
}
