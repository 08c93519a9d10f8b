package dev.sloscout.connectors.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read from a file (compressed, as they are on disk) and says so every megabyte, for progress. */
public final class CountingInputStream extends FilterInputStream {
    private static final long EVERY_BYTES = 1 << 20;
    private final LongConsumer progress;
    private long read;
    private long reported;

    public CountingInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        if (read - reported >= EVERY_BYTES) {
            reported = read;
            progress.accept(read);
        }
    }
}
