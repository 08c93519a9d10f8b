package dev.sloscout.engine.capsule;

/**
 * What the header of a log line said: when, how severe, which component, and where the message body starts.
 *
 * @param epochMillis the timestamp, {@link Long#MIN_VALUE} when the line has none (or only a time of day)
 * @param component   the logger, program or component, without a trailing pid ({@code sshd[42]:} gives {@code sshd}),
 *                    empty when none
 * @param bodyStart   index of the first character of the message body in the line
 */
public record LogHeader(long epochMillis, Severity severity, String component, int bodyStart) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public boolean hasTime() {
        return epochMillis != NO_TIME;
    }
}
