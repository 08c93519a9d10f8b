package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogHeader;

/**
 * The time a supervisor's logger writes before each line a supervised service sends it, which is the logger's, not
 * the service's: what is read is the line after it, and its time is the time of a text line's event, as a container
 * runtime's is. Three shapes, each only such a logger writes:
 * <ul>
 *   <li>a TAI64N label, {@code @} and 24 hex digits ({@code @400000006b14057b14869da4 INFO order 1 placed}):
 *       daemontools' {@code multilog t}, runit's {@code svlogd -t}, s6's {@code s6-log t};</li>
 *   <li>runit's {@code svlogd -tt} and {@code -ttt}: a date, {@code _} or {@code T}, a time with five digits of its
 *       second and a space ({@code 2026-12-05_12:37:16.72436 INFO ...}), in UTC;</li>
 *   <li>s6's {@code s6-log T}: a date, a space, a time with nine digits of its second and two spaces
 *       ({@code 2026-12-05 12:37:09.051274986  INFO ...}), the machine's time, read as UTC.</li>
 * </ul>
 * A TAI64N label's first 16 digits are TAI64 seconds, 2^62 plus the seconds since the epoch, the last 8 the
 * nanoseconds. daemontools and runit count TAI as UTC plus ten seconds ({@code tai64nlocal} reads their labels so); s6
 * counts the leap seconds too, 37 now, so its labels read 27 seconds late.
 */
final class SupervisorStamps {
    private SupervisorStamps() {
    }

    private static final int LABEL_LENGTH = 25; // '@' and 24 hex digits
    private static final int SECONDS_DIGITS = 16;
    private static final long TAI64_EPOCH = 1L << 62;
    /** The seconds TAI is ahead of UTC by daemontools' count ({@code tai64nlocal}'s). */
    private static final long TAI_OFFSET = 10;
    /** A date and a time of day to the second, any separator between them ({@link CriLines#DATE_AND_TIME}). */
    private static final int DATE_AND_TIME_LENGTH = CriLines.DATE_AND_TIME.length();
    private static final int SVLOGD_DIGITS = 5;
    private static final int S6_DIGITS = 9;

    /** Where the line after a supervisor's stamp that opens {@code bytes[from, end)} starts, else -1. */
    static int after(byte[] bytes, int from, int end) {
        if (end - from <= LABEL_LENGTH) {
            return -1;
        }
        if (bytes[from] == '@') {
            return isLabel(bytes, from) && bytes[from + LABEL_LENGTH] == ' ' ? from + LABEL_LENGTH + 1 : -1;
        }
        int separator = from + CriLines.SEPARATOR_AT;
        if (!CriLines.isDateAndTime(bytes, from, true) || bytes[from + DATE_AND_TIME_LENGTH] != '.') {
            return -1;
        }
        int fraction = from + DATE_AND_TIME_LENGTH + 1;
        int digits = 0;
        while (fraction + digits < end && CriLines.isDigit(bytes[fraction + digits])) {
            digits++;
        }
        int rest = fraction + digits;
        if ((bytes[separator] == '_' || bytes[separator] == 'T') && digits == SVLOGD_DIGITS
                && rest < end && bytes[rest] == ' ') {
            return rest + 1;
        }
        return bytes[separator] == ' ' && digits == S6_DIGITS && rest + 1 < end && bytes[rest] == ' '
                && bytes[rest + 1] == ' ' ? rest + 2 : -1;
    }

    /**
     * The time of the stamp opening {@code bytes} at {@code from} ({@link #after}), in milliseconds since the epoch;
     * {@link LogHeader#NO_TIME} when its date does not exist.
     */
    static long epochMillis(byte[] bytes, int from) {
        if (bytes[from] == '@') {
            long tai = 0;
            for (int i = from + 1; i < from + 1 + SECONDS_DIGITS; i++) {
                tai = tai << 4 | hex(bytes[i]);
            }
            long nanos = 0;
            for (int i = from + 1 + SECONDS_DIGITS; i < from + LABEL_LENGTH; i++) {
                nanos = nanos << 4 | hex(bytes[i]);
            }
            return (tai - TAI64_EPOCH - TAI_OFFSET) * 1000 + nanos / 1_000_000;
        }
        int fraction = from + DATE_AND_TIME_LENGTH + 1;
        return CriLines.dateTimeMillis(bytes, from, CriLines.number(bytes, fraction, 3), 0);
    }

    private static boolean isLabel(byte[] bytes, int from) {
        if (bytes[from + 1] != '4') {
            return false; // TAI64 labels of this era open with 4000...
        }
        for (int i = from + 1; i < from + LABEL_LENGTH; i++) {
            if (hex(bytes[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }
}
