package dev.sloscout.connectors.files;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON record written over several lines inside a file of JSON lines (a logger or a person that pretty-printed
 * one): gathered from the line that opens it, a lone {@code {}, to the line where its braces close, so it can be read
 * as the one record it is. The lines stay at hand: what does not close within {@link #MAX_LINES} lines or the byte
 * bound, or does not turn out to be a record, is read line by line as before.
 */
final class SpreadRecord {
    static final int MAX_LINES = 5_000;

    /** One gathered line: its number and a copy of its bytes (the reader's buffers are reused). */
    record Gathered(long number, byte[] bytes) {
    }

    private final int maxBytes;
    private final List<Gathered> lines = new ArrayList<>();
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private int depth;
    private boolean inString;
    private boolean escaped;

    SpreadRecord(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A line that is a lone opening brace (whitespace around it): how pretty-printers open a record. */
    static boolean opens(byte[] bytes, int start, int end) {
        if (start >= end || bytes[start] == ' ' || bytes[start] == '\t') {
            return false; // an indented brace continues the text above it
        }
        int at = Texts.skipBomAndWhitespace(bytes, start, end);
        if (at >= end || bytes[at] != '{') {
            return false;
        }
        for (int i = at + 1; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    boolean active() {
        return !lines.isEmpty();
    }

    /**
     * Adds a line (the first one opens the record). Returns true when the record's braces closed on it; false while
     * it is open. {@link #tooLong} tells when to give up.
     */
    boolean add(Gathered line) {
        lines.add(line);
        text.writeBytes(line.bytes());
        text.write('\n');
        for (byte b : line.bytes()) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the record has grown past what is gathered: read its lines one by one instead. */
    boolean tooLong() {
        return lines.size() >= MAX_LINES || text.size() > maxBytes;
    }

    /** The gathered text, lines joined by newlines. */
    byte[] text() {
        return text.toByteArray();
    }

    long firstLine() {
        return lines.get(0).number();
    }

    /** The gathered lines, and a fresh start. */
    List<Gathered> takeLines() {
        List<Gathered> taken = List.copyOf(lines);
        lines.clear();
        text.reset();
        depth = 0;
        inString = false;
        escaped = false;
        return taken;
    }
}
