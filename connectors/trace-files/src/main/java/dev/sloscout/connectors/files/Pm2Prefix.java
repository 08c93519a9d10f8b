package dev.sloscout.connectors.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The prefix {@code pm2 logs} puts before each line of the processes it tails ({@code 0|shop     | }): the process's
 * id, a bar and its app's name padded so the bars line up, coloured on a terminal; pm2's own lines stand under
 * {@code PM2        | }. The line the process wrote follows it, after pm2's time with {@code --time}; each process's
 * lines are folded apart from the others' (pm2 interleaves them as they come), and its app names the line's service.
 */
final class Pm2Prefix {
    /** Digits of a process's id at most. */
    private static final int MAX_ID = 6;
    /** Characters of an app's name at most. */
    private static final int MAX_NAME = 255;
    /** The name pm2's own lines stand under, without an id. */
    private static final byte[] DAEMON = "PM2".getBytes(StandardCharsets.US_ASCII);

    private Pm2Prefix() {
    }

    /**
     * Where the process's line starts when {@code bytes[from, end)} opens with the prefix (colour codes around it
     * allowed), else -1: an id of digits, a bar and a name of letters, digits, {@code .}, {@code _} and {@code -}, or
     * {@code PM2} alone; then spaces, a bar, and a space or the line's end.
     */
    static int contentStart(byte[] bytes, int from, int end) {
        int name = nameStart(bytes, EscapeCodes.afterControlSequences(bytes, from, end), end);
        if (name < 0) {
            return -1; // nearly every line: no digits and a bar, nor pm2's name, open it
        }
        int i = nameEnd(bytes, name, end);
        return i == name ? -1 : ComposePrefix.afterPaddedBar(bytes, i, end);
    }

    /** The process a line's prefix names ({@code 0|shop}, {@code PM2}), its line starting at {@code contentStart}. */
    static String process(byte[] bytes, int from, int contentStart) {
        int start = EscapeCodes.afterControlSequences(bytes, from, contentStart);
        int name = nameStart(bytes, start, contentStart);
        return new String(bytes, start, nameEnd(bytes, name, contentStart) - start, StandardCharsets.UTF_8);
    }

    /** The app of a {@link #process} ({@code 0|shop}: shop; {@code PM2} for pm2's own lines): what follows the id. */
    static String appOf(String process) {
        return process.substring(process.indexOf('|') + 1);
    }

    /** Where the name starts after the id and its bar at {@code from}, or at {@code from} for pm2's own; else -1. */
    private static int nameStart(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && i - from <= MAX_ID && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        if (i > from) {
            boolean bar = i - from <= MAX_ID && i + 1 < end && bytes[i] == '|';
            return bar && ComposePrefix.isNameByte(bytes[i + 1]) ? i + 1 : -1;
        }
        return end - from > DAEMON.length && Arrays.equals(bytes, from, from + DAEMON.length, DAEMON, 0,
                DAEMON.length) && bytes[from + DAEMON.length] == ' ' ? from : -1;
    }

    private static int nameEnd(byte[] bytes, int name, int end) {
        int i = name;
        while (i < end && i - name <= MAX_NAME && ComposePrefix.isNameByte(bytes[i])) {
            i++;
        }
        return i;
    }
}
