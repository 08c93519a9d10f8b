package dev.sloscout.connectors.files;

import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Transparent gzip and zstd, recognised by their magic bytes rather than the file name. */
public final class Compression {
    static final int BUFFER = 1 << 16;

    private Compression() {
    }

    /** A buffered stream of the decompressed bytes; plain input passes through. Nested compression is unwrapped. */
    public static BufferedInputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        for (int depth = 0; depth < 3; depth++) {
            byte[] head = peek(in, 4);
            if (isGzip(head)) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            } else if (isZstd(head, 0)) {
                ZstdInputStream zstd = new ZstdInputStream(in);
                zstd.setContinuous(false);
                in = new BufferedInputStream(zstd, BUFFER);
            } else {
                return in;
            }
        }
        return in;
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static boolean isZstd(byte[] bytes, int offset) {
        return bytes.length >= offset + 4 && (bytes[offset] & 0xFF) == 0x28 && (bytes[offset + 1] & 0xFF) == 0xB5
                && (bytes[offset + 2] & 0xFF) == 0x2F && (bytes[offset + 3] & 0xFF) == 0xFD;
    }

    /** Up to {@code n} bytes from the stream's head, leaving the stream where it was. */
    static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }
}
