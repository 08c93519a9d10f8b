package dev.sloscout.connectors.files;

import com.github.luben.zstd.ZstdInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Transparent gzip, zstd, xz and bzip2, recognised by their magic bytes rather than the file name: logrotate's
 * {@code compresscmd} may be any of them, and sosreport packs its archive with xz.
 */
public final class Compression {
    static final int BUFFER = 1 << 16;
    /** xz's stream header magic: 0xFD, {@code 7zXZ}, 0x00; the longest of the magic numbers read. */
    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    private Compression() {
    }

    /**
     * Decompressed bytes may outgrow compressed ones by this much at most, once {@link #RATIO_CHECKED_AFTER} bytes
     * came out: real telemetry compresses 10 to 100 times, a decompression bomb thousands of times.
     */
    public static final long MAX_RATIO = 500;
    public static final long RATIO_CHECKED_AFTER = 100L << 20;

    /**
     * A buffered stream of the decompressed bytes; plain input passes through. Nested compression is unwrapped.
     * Decompressed input is held to {@link #MAX_RATIO}: past it, reading fails with an IOException saying so.
     */
    public static BufferedInputStream decompressed(InputStream raw) throws IOException {
        return open(raw).in();
    }

    private record Opened(BufferedInputStream in, boolean compressed) {
    }

    private static Opened open(InputStream raw) throws IOException {
        Counting compressedBytes = new Counting(raw);
        BufferedInputStream in = new BufferedInputStream(compressedBytes, BUFFER);
        boolean compressed = false;
        for (int depth = 0; depth < 3; depth++) {
            byte[] head = peek(in, XZ_MAGIC.length);
            if (isGzip(head)) {
                in = new BufferedInputStream(new OneReadAtATime(new GZIPInputStream(in, BUFFER)), BUFFER);
            } else if (isZstd(head, 0)) {
                ZstdInputStream zstd = new ZstdInputStream(in);
                zstd.setContinuous(false);
                in = new BufferedInputStream(new OneReadAtATime(zstd), BUFFER);
            } else if (isXz(head)) {
                in = new BufferedInputStream(new OneReadAtATime(new XZInputStream(in)), BUFFER);
            } else if (isBzip2(head)) {
                // concatenated streams too, as pbzip2 and lbzip2 write a large file
                in = new BufferedInputStream(new OneReadAtATime(new BZip2CompressorInputStream(in, true)), BUFFER);
            } else {
                break;
            }
            compressed = true;
        }
        return compressed ? new Opened(new BufferedInputStream(new RatioGuard(in, compressedBytes), BUFFER), true)
                : new Opened(in, false);
    }

    /**
     * As {@link #decompressedBorrowing(InputStream)}; with more than one thread a compressed stream is decompressed on
     * a thread of its own, ahead of the reader.
     */
    public static BufferedInputStream decompressedBorrowing(InputStream raw, int threads) throws IOException {
        Opened opened = open(borrowed(raw));
        if (threads <= 1 || !opened.compressed()) {
            return opened.in();
        }
        return new BufferedInputStream(new ReadAhead(opened.in(), "decompress"), BUFFER);
    }

    /**
     * The decompressed bytes of a stream its caller owns: closing the result frees the decompressors (zstd holds
     * native memory until it is closed) but leaves {@code raw} open for its owner.
     */
    public static BufferedInputStream decompressedBorrowing(InputStream raw) throws IOException {
        return decompressed(borrowed(raw));
    }

    private static InputStream borrowed(InputStream raw) {
        return new FilterInputStream(raw) {
            @Override
            public void close() {
                // the caller closes the stream it owns
            }
        };
    }

    /**
     * A decompressor that says nothing is available, so a buffered stream over it asks it once per read: when it
     * fails (a truncated stream), no read above it has already taken bytes it then drops. Every byte decompressed
     * before the failure reaches the reader however large its reads are, which keeps a parallel read (large blocks)
     * and a serial one (small chunks) alike.
     */
    private static final class OneReadAtATime extends FilterInputStream {
        OneReadAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Fails the read once the decompressed bytes outgrow the compressed ones {@link #MAX_RATIO} times. */
    private static final class RatioGuard extends FilterInputStream {
        private final Counting compressed;
        private final byte[] one = new byte[1];
        private long out;

        RatioGuard(InputStream decompressed, Counting compressed) {
            super(decompressed);
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            out += Math.max(n, 0);
            if (out > RATIO_CHECKED_AFTER && out > MAX_RATIO * Math.max(1, compressed.count)) {
                throw new IOException("decompressed to " + (out >> 20) + " MB from " + (compressed.count >> 10)
                        + " KB, over " + MAX_RATIO + ":1, which telemetry never is (a decompression bomb?); "
                        + "reading stopped");
            }
            return n;
        }
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static boolean isZstd(byte[] bytes, int offset) {
        return bytes.length >= offset + 4 && (bytes[offset] & 0xFF) == 0x28 && (bytes[offset + 1] & 0xFF) == 0xB5
                && (bytes[offset + 2] & 0xFF) == 0x2F && (bytes[offset + 3] & 0xFF) == 0xFD;
    }

    static boolean isXz(byte[] head) {
        return head.length >= XZ_MAGIC.length && Arrays.equals(head, 0, XZ_MAGIC.length, XZ_MAGIC, 0, XZ_MAGIC.length);
    }

    /** bzip2's {@code BZh} and its block size, a digit from 1 to 9. */
    static boolean isBzip2(byte[] head) {
        return head.length >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1'
                && head[3] <= '9';
    }

    /** Up to {@code n} bytes from the stream's head, leaving the stream where it was. */
    static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }
}
