package dev.sloscout.connectors.files;

import java.util.List;
import java.util.Set;

/**
 * The place in the code a console logger writes at the right of each record, padded into a column of its own: Python's
 * rich ({@code RichHandler}) fills the line to the console's width and ends it with the file and line that logged
 * ({@code [05:00:14] INFO     processing order 7                              app.py:18}). Kept, the location was a
 * variable in every template, and the padding before it made the message's words look like a header's padded fields.
 *
 * <p>Learnt from the file's first bytes: when at least {@link #MIN_LINES} lines, and a third of the whole lines there,
 * end with two spaces or more and a source file's name ({@link #SOURCE_EXTENSIONS}), a colon and a line number, that
 * ending is taken off every line of the file that has it (a wrapped message's or a traceback's lines do not).
 */
record SourceColumn(boolean present) {
    static final SourceColumn NONE = new SourceColumn(false);
    private static final int MIN_LINES = 3;
    /** Source files' extensions: a host's name before a port ({@code db.local:5432}) is no place in code. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("py", "java", "kt", "scala", "go",
            "rb", "js", "mjs", "cjs", "ts", "jsx", "tsx", "php", "rs", "c", "cc", "cpp", "h", "cs", "ex", "exs", "erl",
            "pl", "swift", "lua", "dart");

    /** The column of the text whose first bytes are {@code head} (UTF-8); {@link #NONE} when it has none. */
    static SourceColumn of(byte[] head) {
        return of(HeadLines.of(head));
    }

    /** The column of a file whose first whole lines are {@code head} ({@link HeadLines}). */
    static SourceColumn of(List<String> head) {
        int lines = 0;
        int located = 0;
        for (String line : head) {
            if (!line.isBlank()) {
                lines++;
                located += locationStart(line) >= 0 ? 1 : 0;
            }
        }
        return located >= MIN_LINES && located * 3 >= lines ? new SourceColumn(true) : NONE;
    }

    /** {@code line} without the location at its end and the blanks before it (as it is when it has none). */
    String strip(String line) {
        if (!present) {
            return line;
        }
        int start = locationStart(line);
        return start < 0 ? line : line.substring(0, start).stripTrailing();
    }

    /**
     * Where the location that ends {@code line} starts ({@code app.py:18}, {@code Main.java:42}, trailing blanks
     * aside) when two blanks or more stand before it and something before them; -1 otherwise.
     */
    static int locationStart(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        int digits = end;
        while (digits > 0 && Character.isDigit(line.charAt(digits - 1))) {
            digits--;
        }
        if (digits == end || digits < 2 || line.charAt(digits - 1) != ':') {
            return -1;
        }
        int extension = digits - 1;
        while (extension > 0 && Character.isLetter(line.charAt(extension - 1))) {
            extension--;
        }
        if (extension < 2 || line.charAt(extension - 1) != '.'
                || !SOURCE_EXTENSIONS.contains(line.substring(extension, digits - 1))) {
            return -1;
        }
        int start = extension - 1;
        while (start > 0 && isNameChar(line.charAt(start - 1))) {
            start--;
        }
        return start < extension - 1 && start >= 3 && line.charAt(start - 1) == ' ' && line.charAt(start - 2) == ' '
                && !line.substring(0, start).isBlank() ? start : -1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
