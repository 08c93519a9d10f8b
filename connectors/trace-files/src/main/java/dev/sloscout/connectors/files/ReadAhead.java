package dev.sloscout.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a thread of its own, a few blocks ahead of the reader: decompression (gzip, zstd) runs beside
 * decoding instead of before it. A failure of the underlying stream is thrown to the reader, the same exception, at
 * the point of the stream where it happened. Closing stops the thread and closes the underlying stream.
 */
final class ReadAhead extends InputStream {
    private static final int BLOCK = 1 << 18;
    private static final int BLOCKS_AHEAD = 4;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final InputStream in;
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    ReadAhead(InputStream in, String name) {
        this.in = in;
        this.thread = new Thread(this::fill, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void fill() {
        try {
            byte[] block = new byte[BLOCK];
            int filled = 0;
            try {
                while (!closed) {
                    int n = in.read(block, filled, BLOCK - filled);
                    if (n < 0) {
                        break;
                    }
                    filled += n;
                    if (filled == BLOCK) {
                        put(block);
                        block = new byte[BLOCK];
                        filled = 0;
                    }
                }
            } finally {
                if (filled > 0) { // what came before a failure is read before the failure is thrown
                    put(java.util.Arrays.copyOf(block, filled));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e.getMessage(), e);
        } finally {
            try {
                put(END);
            } catch (InterruptedIOException stopped) {
                // closed: nobody reads any more
            }
        }
    }

    private void put(byte[] block) throws InterruptedIOException {
        try {
            while (!closed && !blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
                // the reader is behind; wait for it (or for close)
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException("read-ahead stopped");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private void next() throws IOException {
        byte[] block;
        try {
            block = blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (block == END) {
            ended = true;
            IOException e = failure;
            if (e != null) {
                throw e;
            }
        }
        current = block;
        position = 0;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    @Override
    public void close() throws IOException {
        closed = true; // the thread sees it within one block (no interrupt: it would close a file channel under it)
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        blocks.clear();
        current = new byte[0];
        position = 0;
        ended = true;
        in.close();
    }
}
