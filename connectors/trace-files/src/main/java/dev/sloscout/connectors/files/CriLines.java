package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogHeader;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The CRI log format, in which containerd and CRI-O write a container's output under {@code /var/log/pods} (and the
 * kubelet's links in {@code /var/log/containers}): each line is {@code <RFC 3339 time> <stdout|stderr> <F|P> } and
 * then the line the container wrote ({@code 2024-03-01T12:00:00.123456789Z stdout F GET /cart 200}). The prefix is the
 * runtime's, not the application's: what is read, as text or as JSON, is the line after it; its time is the time of a
 * text line's event.
 */
final class CriLines {
    private CriLines() {
    }

    /**
     * Where the container's line starts when {@code bytes[from, end)} is a CRI line, else -1. The time must be a full
     * RFC 3339 one ({@code T}, seconds, a zone), the stream {@code stdout} or {@code stderr}, the tag {@code F} (a full
     * line) or {@code P} (a part of a longer one; parts are read as lines of their own).
     */
    static int contentStart(byte[] bytes, int from, int end) {
        int i = rfc3339End(bytes, from, end);
        if (i < 0 || i >= end || bytes[i] != ' ') {
            return -1;
        }
        i++;
        if (startsWith(bytes, i, end, "stdout ") || startsWith(bytes, i, end, "stderr ")) {
            i += "stdout ".length();
        } else {
            return -1;
        }
        if (i >= end || bytes[i] != 'F' && bytes[i] != 'P') {
            return -1;
        }
        i++;
        if (i == end) {
            return end; // an empty line
        }
        return bytes[i] == ' ' ? i + 1 : -1;
    }

    /**
     * The runtime's time of a CRI line whose container line starts at {@code contentStart} ({@link #contentStart}), in
     * milliseconds since the epoch; {@link LogHeader#NO_TIME} when the line is none ({@code contentStart} is
     * {@code from}) or its date does not exist.
     */
    static long epochMillis(byte[] bytes, int from, int contentStart) {
        if (contentStart <= from) {
            return LogHeader.NO_TIME;
        }
        int i = from + DATE_AND_TIME.length();
        int millis = 0;
        if (bytes[i] == '.') {
            i++;
            for (int scale = 100; bytes[i] >= '0' && bytes[i] <= '9'; i++, scale /= 10) {
                millis += (bytes[i] - '0') * scale;
            }
        }
        int offsetSeconds = bytes[i] == 'Z' || bytes[i] == ':' ? 0 : (bytes[i] == '-' ? -1 : 1)
                * (number(bytes, i + 1, 2) * 3600 + number(bytes, i + 4, 2) * 60); // ':' pm2's, without a zone
        return dateTimeMillis(bytes, from, millis, offsetSeconds);
    }

    /**
     * The date and time of day {@code dddd-dd-dd?dd:dd:dd} at {@code from} (any separator between them), plus
     * {@code millis}, in a zone {@code offsetSeconds} ahead of UTC, in milliseconds since the epoch;
     * {@link LogHeader#NO_TIME} when the date does not exist or the time of day is out of range.
     */
    static long dateTimeMillis(byte[] bytes, int from, int millis, int offsetSeconds) {
        try {
            long day = LocalDate.of(number(bytes, from, 4), number(bytes, from + 5, 2), number(bytes, from + 8, 2))
                    .toEpochDay();
            int hour = number(bytes, from + 11, 2);
            int minute = number(bytes, from + 14, 2);
            int second = number(bytes, from + 17, 2);
            if (hour > 23 || minute > 59 || second > 60) {
                return LogHeader.NO_TIME;
            }
            return ((day * 24 + hour) * 3600 + minute * 60L + second - offsetSeconds) * 1000 + millis;
        } catch (DateTimeException noSuchDay) {
            return LogHeader.NO_TIME;
        }
    }

    /**
     * Where the text after a time that opens {@code bytes[from, end)} starts ({@code 2024-03-01T12:00:00.123Z }, as
     * docker writes it before a line with {@code --timestamps}), else -1. Its time is {@link #epochMillis}.
     */
    static int afterTime(byte[] bytes, int from, int end) {
        int i = rfc3339End(bytes, from, end);
        return i < 0 ? -1 : i == end ? end : bytes[i] == ' ' ? i + 1 : -1;
    }

    /**
     * Where the text after a runtime's time that opens {@code bytes[from, end)} starts, else -1: a time in UTC with
     * seven to nine digits of its second ({@code 2026-12-04T02:53:24.939391609Z }, Go's RFC 3339 with nanoseconds),
     * as {@code kubectl logs --timestamps} and {@code docker logs -t} write it before each line, where a program's own
     * time has at most six.
     */
    static int afterRuntimeTime(byte[] bytes, int from, int end) {
        int after = afterTime(bytes, from, end);
        if (after < 0) {
            return -1;
        }
        int zone = after == end ? end - 1 : after - 2;
        int fraction = from + DATE_AND_TIME.length();
        return bytes[zone] == 'Z' && bytes[fraction] == '.' && zone - fraction - 1 >= 7 ? after : -1;
    }

    /**
     * Where the text after pm2's time that opens {@code bytes[from, end)} starts, else -1: a date and time of day
     * without a fraction or a zone, then a colon and a space ({@code 2026-12-05T05:14:59: }), as pm2 writes it before
     * each line of a process's log it was started with {@code --time} for, and of its own {@code pm2.log}. Its time is
     * {@link #epochMillis}, read as UTC (pm2 writes the machine's local time).
     */
    static int afterPm2Time(byte[] bytes, int from, int end) {
        int colon = from + DATE_AND_TIME.length();
        return colon + 1 < end && bytes[colon] == ':' && bytes[colon + 1] == ' ' && isDateAndTime(bytes, from)
                ? colon + 2 : -1;
    }

    static int number(byte[] bytes, int at, int digits) {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            value = value * 10 + bytes[at + k] - '0';
        }
        return value;
    }

    /** A time's date and time of day: {@code d} a digit, anything else itself. */
    static final String DATE_AND_TIME = "dddd-dd-ddTdd:dd:dd";
    /** Where the date ends and the time begins in {@link #DATE_AND_TIME}. */
    static final int SEPARATOR_AT = 10;

    /** The end of {@code 2024-03-01T12:00:00[.fraction](Z|+hh:mm|-hh:mm)} at {@code from}, or -1. */
    private static int rfc3339End(byte[] bytes, int from, int end) {
        if (end - from < DATE_AND_TIME.length() || !isDateAndTime(bytes, from)) {
            return -1;
        }
        int i = from + DATE_AND_TIME.length();
        if (i < end && bytes[i] == '.') {
            int digits = ++i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        if (i < end && bytes[i] == 'Z') {
            return i + 1;
        }
        if (i + 6 <= end && (bytes[i] == '+' || bytes[i] == '-') && isDigit(bytes[i + 1]) && isDigit(bytes[i + 2])
                && bytes[i + 3] == ':' && isDigit(bytes[i + 4]) && isDigit(bytes[i + 5])) {
            return i + 6;
        }
        return -1;
    }

    /** Whether {@link #DATE_AND_TIME} stands at {@code from}, the bytes there known to be enough. */
    private static boolean isDateAndTime(byte[] bytes, int from) {
        return isDateAndTime(bytes, from, false);
    }

    /**
     * Whether {@link #DATE_AND_TIME} stands at {@code from}, with any byte between the date and the time when
     * {@code anySeparator}, the bytes there known to be enough.
     */
    static boolean isDateAndTime(byte[] bytes, int from, boolean anySeparator) {
        for (int k = 0; k < DATE_AND_TIME.length(); k++) {
            byte b = bytes[from + k];
            char want = DATE_AND_TIME.charAt(k);
            if (want == 'd' ? !isDigit(b) : b != want && !(anySeparator && k == SEPARATOR_AT)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] bytes, int at, int end, String ascii) {
        if (end - at < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
