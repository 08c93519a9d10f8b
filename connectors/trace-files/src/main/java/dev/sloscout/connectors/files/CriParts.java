package dev.sloscout.connectors.files;

import java.util.Arrays;

/**
 * Long CRI lines put back together. A runtime splits a line the container wrote that is longer than its buffer (16 KiB
 * in containerd and CRI-O) into parts: every part but the last tagged {@code P}, the last {@code F}; a stream's parts
 * are written in order, but stdout's and stderr's may interleave. Each stream's parts are held until its {@code F}
 * part, then read as one line, numbered and timed by its first part (as {@code kubectl logs} shows it). One per file.
 */
final class CriParts {
    /** What {@link #kind} says of a line that is no CRI line. */
    static final int NONE = -1;

    /** Where the joined lines go. */
    interface Joined {
        /** A whole line: {@code bytes[0, length)}, numbered by its first part, with that part's runtime time. */
        void line(long number, byte[] bytes, int length, long time);

        /** A line whose parts came to more than the longest line read: skipped. */
        void overlong(long number);
    }

    private final int maxBytes;
    /** Parts held: stdout's, then stderr's. */
    private final Held[] held = {new Held(), new Held()};

    /** @param maxBytes the longest line read; a line whose parts come to more is reported and skipped */
    CriParts(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The stream and tag of a CRI line whose container line starts at {@code contentStart}
     * ({@link CriLines#contentStart}), as one number for {@link #take}: {@link #NONE} when it is no CRI line
     * ({@code contentStart} is {@code lineStart}).
     */
    static int kind(byte[] bytes, int lineStart, int contentStart) {
        if (contentStart <= lineStart) {
            return NONE;
        }
        int tag = bytes[contentStart - 1] == ' ' ? contentStart - 2 : contentStart - 1; // an empty line ends at its tag
        int stream = bytes[tag - 4] == 'e' ? 1 : 0; // std(o)ut, std(e)rr
        return stream * 2 + (bytes[tag] == 'P' ? 1 : 0);
    }

    /** Whether a line of this {@link #kind} is a part that more parts follow. */
    static boolean isPart(int kind) {
        return kind != NONE && (kind & 1) == 1;
    }

    /**
     * Takes a CRI line if it belongs to a split one: a part is held, and the last part of a stream with parts held
     * ends them (the whole line goes to {@code joined}). False for every other line: it is read as it is.
     *
     * @param kind the line's {@link #kind}; {@code bytes[from, from + length)} the container's line
     */
    boolean take(int kind, long number, byte[] bytes, int from, int length, long time, Joined joined) {
        if (kind == NONE) {
            return false;
        }
        Held parts = held[kind >> 1];
        if (!isPart(kind) && parts.empty()) {
            return false; // a whole line: nearly every line
        }
        parts.add(number, bytes, from, length, time, maxBytes);
        if (!isPart(kind)) {
            parts.end(joined);
        }
        return true;
    }

    /** At the end of the file: the parts of a line it stops in the middle of, read as they are. */
    void finish(Joined joined) {
        Held first = held[0].firstLine <= held[1].firstLine ? held[0] : held[1];
        Held second = first == held[0] ? held[1] : held[0];
        if (!first.empty()) {
            first.end(joined);
        }
        if (!second.empty()) {
            second.end(joined);
        }
    }

    /** One stream's parts so far. */
    private static final class Held {
        byte[] bytes = new byte[0];
        int length;
        long firstLine = Long.MAX_VALUE;
        long time;
        boolean overlong;

        boolean empty() {
            return firstLine == Long.MAX_VALUE;
        }

        void add(long number, byte[] part, int from, int partLength, long partTime, int maxBytes) {
            if (empty()) {
                firstLine = number;
                time = partTime;
            }
            if (overlong || length + partLength > maxBytes) {
                overlong = true; // counted, not kept: the rest of its parts only end it
                return;
            }
            if (length + partLength > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + partLength, Math.min(maxBytes, 2 * bytes.length)));
            }
            System.arraycopy(part, from, bytes, length, partLength);
            length += partLength;
        }

        void end(Joined joined) {
            if (overlong) {
                joined.overlong(firstLine);
            } else {
                joined.line(firstLine, Arrays.copyOf(bytes, length), length, time);
            }
            length = 0;
            firstLine = Long.MAX_VALUE;
            overlong = false;
        }
    }
}
