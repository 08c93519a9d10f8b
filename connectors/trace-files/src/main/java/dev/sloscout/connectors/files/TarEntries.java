package dev.sloscout.connectors.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The entries of a tar stream (POSIX ustar, GNU and PAX, as GNU tar, bsdtar and most libraries write them), one after
 * the other: each regular file's name, size and time of writing, positioned at its content. Long names (GNU
 * {@code L} entries, PAX {@code path}) and sizes past 8 GiB (base-256, PAX {@code size}) are read; links, folders
 * and devices are passed over. A header whose checksum does not add up ends the reading with an IOException naming
 * its offset.
 */
final class TarEntries {
    static final int BLOCK = 512;

    /** A regular file in the archive; its content is next in the stream. */
    record Entry(String name, long size, long modifiedMillis, long offset) {
    }

    private final InputStream in;
    private long position;
    /** Bytes of the current entry's content (and its padding) not read yet. */
    private long left;

    TarEntries(InputStream in) {
        this.in = in;
    }

    /** True when the bytes open a tar archive: a header whose checksum adds up (ustar magic or not). */
    static boolean looksLikeTar(byte[] head) {
        if (head.length < BLOCK) {
            return false;
        }
        long stored = octal(head, 148, 8);
        return stored >= 0 && stored == checksum(head) && head[0] != 0;
    }

    /** The next regular file, positioned at its content; null at the end of the archive. */
    Entry next() throws IOException {
        skip(left);
        left = 0;
        String longName = null;
        long paxSize = -1;
        long paxTime = Long.MIN_VALUE;
        byte[] header = new byte[BLOCK];
        while (true) {
            long offset = position;
            if (!readBlock(header)) {
                return null; // the end without the two zero blocks: what a truncated archive leaves
            }
            if (isZeros(header)) {
                return null;
            }
            if (octal(header, 148, 8) != checksum(header)) {
                throw new IOException("not a tar header at byte " + offset + " (its checksum does not add up): the "
                        + "archive is damaged");
            }
            long size = size(header);
            if (size < 0) {
                throw new IOException("tar header at byte " + offset + ": unreadable size");
            }
            char type = (char) header[156];
            switch (type) {
                case 'L' -> longName = trimmed(readContent(size, offset));
                case 'x' -> {
                    for (String record : readContent(size, offset).split("\n")) {
                        int space = record.indexOf(' ');
                        int equals = record.indexOf('=');
                        if (space < 0 || equals < space) {
                            continue;
                        }
                        String key = record.substring(space + 1, equals);
                        String value = record.substring(equals + 1);
                        switch (key) {
                            case "path" -> longName = value;
                            case "size" -> paxSize = parseLong(value);
                            case "mtime" -> paxTime = parseSeconds(value);
                            default -> { }
                        }
                    }
                }
                case '0', '\0', '7' -> {
                    long length = paxSize >= 0 ? paxSize : size;
                    String name = longName != null ? longName : name(header);
                    long mtime = paxTime != Long.MIN_VALUE ? paxTime : Math.max(0, octal(header, 136, 12)) * 1000;
                    left = padded(length);
                    return new Entry(name, length, mtime, position);
                }
                default -> { // a folder, link, device, GNU volume or global PAX header: passed over
                    skip(padded(paxSize >= 0 ? paxSize : size));
                    longName = null;
                    paxSize = -1;
                    paxTime = Long.MIN_VALUE;
                }
            }
        }
    }

    /** The current entry's content: at most its size, then end of stream; closing it leaves the archive open. */
    InputStream content(Entry entry) {
        long[] remaining = {entry.size()};
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining[0] <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining[0]));
                if (n < 0) {
                    throw new EOFException("the tar archive ends inside " + entry.name());
                }
                remaining[0] -= n;
                left -= n;
                position += n;
                return n;
            }

            @Override
            public void close() {
                // the archive stays open for the next entry
            }
        };
    }

    private String readContent(long size, long offset) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar header at byte " + offset + ": an extended header of " + size + " bytes");
        }
        byte[] content = in.readNBytes((int) size);
        if (content.length < size) {
            throw new EOFException("the tar archive ends inside the header at byte " + offset);
        }
        position += size;
        skip(padded(size) - size);
        return new String(content, StandardCharsets.UTF_8);
    }

    private boolean readBlock(byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        position += n;
        if (n > 0 && n < BLOCK) {
            throw new EOFException("the tar archive ends inside the header at byte " + (position - n));
        }
        return n == BLOCK;
    }

    private void skip(long bytes) throws IOException {
        long skipped = 0;
        while (skipped < bytes) {
            long n = in.skip(bytes - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the tar archive ends inside an entry");
                }
                n = 1;
            }
            skipped += n;
        }
        position += bytes;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }

    private static String trimmed(String name) {
        int end = name.indexOf('\0');
        return end >= 0 ? name.substring(0, end) : name.strip();
    }

    /** The size field: octal digits, or GNU's base-256 (first byte's high bit set) for sizes past 8 GiB. */
    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                if ((value >>> 55) != 0) {
                    return -1;
                }
                value = value << 8 | (header[i] & 0xFF);
            }
            return value;
        }
        return octal(header, 124, 12);
    }

    /** An octal field (spaces and NULs around it allowed); -1 when it holds anything else. */
    static long octal(byte[] header, int from, int length) {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < from + length; i++) {
            int c = header[i];
            if (c >= '0' && c <= '7') {
                if (value >>> 60 != 0) {
                    return -1;
                }
                value = value << 3 | (c - '0');
                digits = true;
            } else if (c == ' ' || c == 0) {
                if (digits) {
                    break;
                }
            } else {
                return -1;
            }
        }
        return digits ? value : 0;
    }

    /** The header's checksum: the sum of its bytes, the checksum field counted as spaces. */
    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        return sum;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** PAX's decimal seconds ({@code 1700000000.123456789}) in milliseconds; unknown gives the header's own. */
    private static long parseSeconds(String text) {
        try {
            return (long) (Double.parseDouble(text.trim()) * 1000);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
