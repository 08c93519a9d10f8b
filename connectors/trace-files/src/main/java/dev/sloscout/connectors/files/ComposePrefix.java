package dev.sloscout.connectors.files;

import java.nio.charset.StandardCharsets;

/**
 * The prefix docker compose puts before each line of {@code docker compose logs} and {@code up} ({@code billing-1  | },
 * compose v1's {@code billing_1  | }): a service's replica, padded so the bars line up, coloured on a terminal. The
 * line the container wrote follows it; the replica's lines are folded apart from the others' (compose interleaves
 * them as they come), its service names the line's. With {@code --timestamps} the engine's time follows the bar
 * ({@code 2026-12-04T02:53:24.939391609Z }): it is the line's time, as a CRI runtime's is.
 */
final class ComposePrefix {
    /** Compose names a replica {@code <service>-<n>} (v1: {@code _<n>}); service names are short. */
    private static final int MAX_NAME = 255;

    private ComposePrefix() {
    }

    /**
     * Where the replica's line starts when {@code bytes[from, end)} opens with the prefix (colour codes around the
     * name and the bar allowed), else -1: a name of letters, digits, {@code .}, {@code _} and {@code -} that ends
     * with a replica number, spaces, a bar, then a space or the line's end.
     */
    static int contentStart(byte[] bytes, int from, int end) {
        int name = EscapeCodes.afterControlSequences(bytes, from, end);
        int i = name;
        while (i < end && i - name <= MAX_NAME && isNameByte(bytes[i])) {
            i++;
        }
        if (i == name || i >= end || bytes[i] != ' ' || replicaStart(bytes, name, i) < 0) {
            return -1; // nearly every line: a word, then something else than spaces and a bar
        }
        return afterPaddedBar(bytes, i, end);
    }

    /**
     * Where the line after a padded name's bar starts when {@code bytes[at, end)} holds the padding (a space at
     * least), the bar and a space or the line's end, colour codes after the bar allowed; else -1. Compose's and
     * pm2's prefixes end so ({@link Pm2Prefix}).
     */
    static int afterPaddedBar(byte[] bytes, int at, int end) {
        if (at >= end || bytes[at] != ' ') {
            return -1;
        }
        int i = at;
        while (i < end && bytes[i] == ' ') {
            i++;
        }
        if (i >= end || bytes[i] != '|') {
            return -1;
        }
        i = EscapeCodes.afterControlSequences(bytes, i + 1, end);
        if (i == end) {
            return end; // an empty line
        }
        return bytes[i] == ' ' ? EscapeCodes.afterControlSequences(bytes, i + 1, end) : -1;
    }

    /** The replica a line's prefix names ({@code billing-1}), its line starting at {@code contentStart}. */
    static String replica(byte[] bytes, int from, int contentStart) {
        int name = EscapeCodes.afterControlSequences(bytes, from, contentStart);
        return new String(bytes, name, nameEnd(bytes, name) - name, StandardCharsets.UTF_8);
    }

    /**
     * The service of the replica a line's prefix names: its name without its number ({@code billing-1}, {@code
     * billing_1}: billing).
     */
    static String service(byte[] bytes, int from, int contentStart) {
        int name = EscapeCodes.afterControlSequences(bytes, from, contentStart);
        return new String(bytes, name, replicaStart(bytes, name, nameEnd(bytes, name)) - name, StandardCharsets.UTF_8);
    }

    private static int nameEnd(byte[] bytes, int name) {
        int i = name;
        while (isNameByte(bytes[i])) {
            i++;
        }
        return i;
    }

    /** Where {@code -<n>} or {@code _<n>} ends a name in {@code bytes[from, end)} after a service's name, else -1. */
    private static int replicaStart(byte[] bytes, int from, int end) {
        int i = end;
        while (i > from && bytes[i - 1] >= '0' && bytes[i - 1] <= '9') {
            i--;
        }
        return i < end && i - 1 > from && (bytes[i - 1] == '-' || bytes[i - 1] == '_') ? i - 1 : -1;
    }

    /** A byte of a service's or an app's name: a letter, a digit, {@code -}, {@code _} or {@code .}. */
    static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '.';
    }
}
