package dev.sloscout.connectors.files;

/**
 * The CRI log format, in which containerd and CRI-O write a container's output under {@code /var/log/pods} (and the
 * kubelet's links in {@code /var/log/containers}): each line is {@code <RFC 3339 time> <stdout|stderr> <F|P> } and
 * then the line the container wrote ({@code 2024-03-01T12:00:00.123456789Z stdout F GET /cart 200}). The prefix is the
 * runtime's, not the application's: what is read, as text or as JSON, is the line after it.
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

    /** A time's date and time of day: {@code d} a digit, anything else itself. */
    private static final String DATE_AND_TIME = "dddd-dd-ddTdd:dd:dd";

    /** The end of {@code 2024-03-01T12:00:00[.fraction](Z|+hh:mm|-hh:mm)} at {@code from}, or -1. */
    private static int rfc3339End(byte[] bytes, int from, int end) {
        if (end - from < DATE_AND_TIME.length()) {
            return -1;
        }
        for (int k = 0; k < DATE_AND_TIME.length(); k++) {
            byte b = bytes[from + k];
            char want = DATE_AND_TIME.charAt(k);
            if (want == 'd' ? !isDigit(b) : b != want) {
                return -1;
            }
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

    private static boolean isDigit(byte b) {
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
