package dev.sloscout.connectors.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The whole lines of a file's first bytes, read by what is learnt from them ({@link Margin}, {@link SourceColumn}). */
final class HeadLines {
    private HeadLines() {
    }

    /** The lines of {@code head} (UTF-8), up to its last line break: the line after it may be cut. */
    static List<String> of(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < end; ) {
            int eol = text.indexOf('\n', from);
            lines.add(text.substring(from, eol));
            from = eol + 1;
        }
        return lines;
    }
}
