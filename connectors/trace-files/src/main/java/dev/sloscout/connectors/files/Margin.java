package dev.sloscout.connectors.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The indent every line of a log opens with, as a program that prints its lines indented writes them (koa-logger's
 * {@code   <-- GET /a} and {@code   --> GET /a 200 5ms 2b}, a stack trace under them indented further). An indented
 * line continues the event before it (a stack trace's frames), so such a log was one event: its own margin is taken
 * off every line before lines are folded, and the lines indented further still fold.
 *
 * <p>Learnt from the file's first bytes: the whitespace that every complete line there opens with, when at least
 * {@link #MIN_LINES} lines, and a third of them, stand right at it and are no stack frame (a file that opens within a
 * stack trace keeps its indents: its lines at the common indent are frames, the others deeper).
 */
record Margin(String indent) {
    static final Margin NONE = new Margin("");
    private static final int MIN_LINES = 3;

    /** The margin of the text whose first bytes are {@code head} (UTF-8); {@link #NONE} when lines reach column 0. */
    static Margin of(byte[] head) {
        return of(HeadLines.of(head));
    }

    /** The margin of a file whose first whole lines are {@code head} ({@link HeadLines}). */
    static Margin of(List<String> head) {
        String common = null;
        List<String> lines = new ArrayList<>();
        for (String whole : head) {
            String line = whole.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            int indent = indent(line);
            if (indent == 0) {
                return NONE; // nearly every log: its first line is at the margin
            }
            common = common == null ? line.substring(0, indent) : commonPrefix(common, line, indent);
            if (common.isEmpty()) {
                return NONE;
            }
            lines.add(line);
        }
        // the lines at the margin itself, other than frames: a stack trace's head has frames there (Java's "\tat",
        // Python's "  File"), its other lines deeper
        int atMargin = 0;
        for (String line : lines) {
            boolean frame = ContinuationLines.isFrame(line) || line.startsWith("File \"", common.length());
            atMargin += indent(line) == common.length() && !frame ? 1 : 0;
        }
        return atMargin >= MIN_LINES && atMargin * 3 >= lines.size() ? new Margin(common) : NONE;
    }

    private static int indent(String line) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
            indent++;
        }
        return indent;
    }

    private static String commonPrefix(String common, String line, int indent) {
        int n = 0;
        while (n < common.length() && n < indent && common.charAt(n) == line.charAt(n)) {
            n++;
        }
        return common.substring(0, n);
    }

    /** {@code line} without the margin (as it is when it does not open with it). */
    String strip(String line) {
        return !indent.isEmpty() && line.startsWith(indent) ? line.substring(indent.length()) : line;
    }
}
