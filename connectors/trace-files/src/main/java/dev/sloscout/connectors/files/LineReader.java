package dev.sloscout.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: LF or CRLF endings, a missing final newline, and a UTF-8 BOM
 * on the first line are all fine. One reusable buffer; a line longer than the limit is skipped and reported.
 */
final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1 << 12];
    private int lineLen;
    private int lineStart;
    private long lineNumber;
    private boolean overlong;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** What a file reader does with each of its lines ({@link #eachLine}). */
    interface Lines {
        void line(long number, String text) throws IOException;
    }

    /**
     * Gives each line of {@code in}, decoded as UTF-8, to {@code lines}, numbered from 1; a line longer than {@code
     * maxLineBytes} is one problem and skipped. The loop of the readers that take a file's lines whole (W3C, the XML
     * of java.util.logging).
     */
    static void eachLine(InputStream in, int maxLineBytes, LocatedProblems problems, Lines lines) throws IOException {
        LineReader reader = new LineReader(in, maxLineBytes);
        while (reader.next()) {
            if (reader.isOverlong()) {
                problems.report("line " + reader.lineNumber(), "longer than " + maxLineBytes + " bytes: skipped");
            } else {
                lines.line(reader.lineNumber(), new String(reader.line, reader.lineStart, reader.length(),
                        StandardCharsets.UTF_8));
            }
        }
    }

    /** Advances to the next line; false at end of input. */
    boolean next() throws IOException {
        lineLen = 0;
        lineStart = 0;
        overlong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int newline = LineChunk.indexOf(chunk, chunkPos, chunkLen);
            int end = newline < 0 ? chunkLen : newline;
            append(chunk, chunkPos, end - chunkPos);
            if (newline >= 0) {
                chunkPos = newline + 1;
                break;
            }
            chunkPos = chunkLen;
        }
        lineNumber++;
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        if (lineNumber == 1 && lineLen >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF) {
            lineStart = 3;
        }
        return true;
    }

    private void append(byte[] src, int from, int count) {
        if (overlong || count == 0) {
            return;
        }
        if (lineLen + count > maxLineBytes) {
            overlong = true;
            return;
        }
        if (lineLen + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + count));
        }
        System.arraycopy(src, from, line, lineLen, count);
        lineLen += count;
    }

    byte[] buffer() {
        return line;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineLen - lineStart;
    }

    boolean isBlank() {
        return Texts.skipBomAndWhitespace(line, lineStart, lineLen) >= lineLen;
    }

    /** True when the line exceeded the limit and its bytes were dropped. */
    boolean isOverlong() {
        return overlong;
    }

    long lineNumber() {
        return lineNumber;
    }

}
