package dev.sloscout.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Whole lines of a source in one block, as read (the unit a worker decodes), or the marker of one line longer than
 * the limit, whose bytes were dropped. Blocks are cut after a newline, so no line is split; a worker finds the lines
 * of its block itself and numbers them from the block's start (the reading thread, which alone knows how many lines
 * came before, adds that).
 */
final class LineChunk {
    /** Bytes read for a block (more when one line is longer). */
    static final int TARGET_BYTES = 1 << 18;
    /**
     * The size of a reusable block: a target's worth after a carried partial line of up to half a target (below G1's
     * humongous size for a 1 MB region, so blocks are ordinary young objects).
     */
    static final int BLOCK_BYTES = TARGET_BYTES + TARGET_BYTES / 2;

    private final byte[] bytes;
    private final int length;
    private final boolean first;
    private final boolean overlong;

    private LineChunk(byte[] bytes, int length, boolean first, boolean overlong) {
        this.bytes = bytes;
        this.length = length;
        this.first = first;
        this.overlong = overlong;
    }

    /** True for the marker of a line longer than the limit (one line, no bytes). */
    boolean isOverlong() {
        return overlong;
    }

    /**
     * What a worker does with each line: its bytes (a first line's byte order mark and a CR ending left out) and how
     * long it was as read (what a line's limit applies to, as {@link LineReader} applies it).
     */
    interface LineVisitor {
        void line(byte[] bytes, int start, int length, int readLength, int numberInChunk);
    }

    /** What a worker does with each line when it finds the line's end itself, as it reads the line. */
    interface LineScanner {
        /** Reads the line from {@code start} of a block that ends at {@code limit}; returns where the next starts. */
        int line(byte[] bytes, int start, int limit, int numberInChunk);
    }

    /** The block's length in bytes (0 for an overlong marker). */
    int length() {
        return length;
    }

    /**
     * Visits the lines of the block in order, each finding its own end, and returns how many there were (an
     * overlong marker is one). Byte order marks and CR endings are the scanner's to leave out.
     */
    int scanLines(LineScanner scanner) {
        if (overlong) {
            return 1;
        }
        int lines = 0;
        for (int from = 0; from < length; ) {
            from = scanner.line(bytes, from, length, ++lines);
        }
        return lines;
    }

    /**
     * How many lines {@link #forEachLine} (and {@link #scanLines}) visits, counted without visiting them: a scan for
     * newlines.
     */
    int countLines() {
        if (overlong) {
            return 1;
        }
        int lines = 0;
        for (int i = indexOf(bytes, 0, length); i >= 0; i = indexOf(bytes, i + 1, length)) {
            lines++;
        }
        return length > 0 && bytes[length - 1] != '\n' ? lines + 1 : lines;
    }

    /** Visits the lines of the block in order and returns how many there were (an overlong marker is one). */
    int forEachLine(LineVisitor visitor) {
        if (overlong) {
            return 1;
        }
        int lines = 0;
        int from = 0;
        while (from < length) {
            int newline = indexOf(bytes, from, length);
            int end = newline < 0 ? length : newline;
            int start = from;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            if (first && lines == 0 && stop - start >= 3 && (bytes[start] & 0xFF) == 0xEF
                    && (bytes[start + 1] & 0xFF) == 0xBB && (bytes[start + 2] & 0xFF) == 0xBF) {
                start += 3;
            }
            lines++;
            visitor.line(bytes, start, stop - start, end - from, lines);
            from = end + 1;
        }
        return lines;
    }

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /**
     * The first newline at or after {@code from}, or -1: eight bytes at a time (SWAR; the lowest flagged byte is
     * exact, borrows only flag bytes above it), then byte by byte for the tail.
     */
    static int indexOf(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = Texts.word(bytes, i) ^ NEWLINES;
            long found = (x - Texts.ONES) & ~x & Texts.HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Cuts a stream into chunks of whole lines; a line longer than the limit becomes a marker, its bytes skipped. */
    static final class Reader {
        private final InputStream in;
        private final int maxLineBytes;
        private byte[] carry = new byte[0];
        private int carryLength;
        private boolean skipping;
        private boolean first = true;
        private boolean ended;
        private IOException failure;
        /** Blocks whose chunks were decoded, to read into again: the reader allocates a handful, not one per chunk. */
        private final java.util.ArrayDeque<byte[]> free = new java.util.ArrayDeque<>();

        Reader(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        /**
         * The next chunk, or null at the end of the stream. When the stream fails, the whole lines read before the
         * failure come first, then the failure is thrown (as a line reader gives every line before it).
         */
        LineChunk next() throws IOException {
            while (!ended) {
                if (failure != null) {
                    ended = true;
                    throw failure;
                }
                byte[] block;
                int want;
                if (carryLength <= BLOCK_BYTES - TARGET_BYTES) {
                    block = free.isEmpty() ? new byte[BLOCK_BYTES] : free.pop();
                    System.arraycopy(carry, 0, block, 0, carryLength);
                    want = BLOCK_BYTES - carryLength;
                } else { // a long line: grow (doubling) until its end is in the block
                    want = Math.max(TARGET_BYTES, carryLength);
                    block = Arrays.copyOf(carry, carryLength + want);
                }
                int read = 0;
                try {
                    for (int n; read < want && (n = in.read(block, carryLength + read, want - read)) >= 0; ) {
                        read += n;
                    }
                } catch (IOException e) {
                    failure = e;
                    int last = skipping ? -1 : lastIndexOf(block, 0, carryLength + read);
                    if (last >= 0) {
                        return chunk(block, last + 1);
                    }
                    continue;
                }
                int length = carryLength + read;
                if (read == 0) {
                    ended = true;
                    carryLength = 0;
                    if (skipping) {
                        return new LineChunk(null, 0, false, true);
                    }
                    return length == 0 ? null : chunk(block, length);
                }
                if (skipping) {
                    int newline = indexOf(block, carryLength, length);
                    if (newline < 0) {
                        carryLength = 0;
                        continue;
                    }
                    skipping = false;
                    keep(block, newline + 1, length);
                    return new LineChunk(null, 0, false, true);
                }
                int last = lastIndexOf(block, 0, length);
                if (last >= 0) {
                    LineChunk chunk = chunk(block, last + 1);
                    keep(block, last + 1, length);
                    return chunk;
                }
                if (length > maxLineBytes) {
                    skipping = true;
                    carryLength = 0;
                    carry = new byte[0];
                } else {
                    carry = block;
                    carryLength = length;
                }
            }
            return null;
        }

        /** Takes back the block of a chunk that was decoded (nothing refers to its bytes any more). */
        void recycle(LineChunk chunk) {
            if (chunk.bytes != null && chunk.bytes.length == BLOCK_BYTES && free.size() < 64) {
                free.push(chunk.bytes);
            }
        }

        private LineChunk chunk(byte[] block, int length) {
            LineChunk chunk = new LineChunk(block, length, first, false);
            first = false;
            return chunk;
        }

        private void keep(byte[] block, int from, int to) {
            carry = Arrays.copyOfRange(block, from, to);
            carryLength = to - from;
        }

        private static int lastIndexOf(byte[] bytes, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
