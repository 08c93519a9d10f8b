package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.CountingInputStream;
import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.ingest.SpanGate;
import dev.sloscout.engine.ingest.WorkerStage;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.trace.SpanSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Trace files decoded ahead of the one being assembled: several files read at once (a folder of Jaeger or Zipkin
 * documents is one record per file, so this is where their decoding runs in parallel), each into a bounded channel
 * of its own, the channels drained file by file on the reading thread. Each file's spans (checked and redacted on
 * its own thread by a gate of its own) and problems reach the assembler and the summary in the order one thread
 * would give them, and files follow each other in the order given, so the analysis is the same.
 *
 * <p>At most {@code threads} files are read at once, and the threads are shared out among them: each file is
 * decoded with {@code threads / files at once} decoder threads (at least one), so threads and blocks in flight stay
 * about {@code threads}, not its square. Each file is at most {@value #BATCHES} batches of {@value #BATCH} spans
 * ahead of the reader.
 */
final class FilesAhead implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int BATCHES = 8;

    private final SpanGate gate;
    private final ProblemSink problems;
    private final BooleanSupplier cancelled;
    /** Decoder threads per file read at once. */
    private final int threadsPerFile;
    private final ExecutorService pool;
    private final List<Channel> channels = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param gate     the reading thread's gate; each file gets one of its own, counting redactions in common
     * @param problems where each file's problems go, in order, on the reading thread
     */
    FilesAhead(List<Path> files, SpanGate gate, ProblemSink problems, BooleanSupplier cancelled, int threads) {
        this.gate = gate;
        this.problems = problems;
        this.cancelled = cancelled;
        int filesAtOnce = Math.max(1, Math.min(threads, files.size()));
        this.threadsPerFile = Math.max(1, threads / filesAtOnce);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(filesAtOnce, task -> {
            Thread t = new Thread(task, "trace-file-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (Path file : files) { // in order: a file's task starts before any later file's, so none waits forever
            Channel channel = new Channel(file);
            channels.add(channel);
            pool.submit(channel::read);
        }
    }

    /**
     * Hands file {@code index}'s spans to the assembler and its problems to the summary, as they come, and returns
     * its report. {@code progress} is told the file's bytes read so far (a megabyte at a time), on this thread.
     */
    SourceReport drain(int index, LongConsumer progress) {
        Channel channel = channels.get(index);
        SpanSink assembler = gate.downstream();
        long reported = 0;
        while (true) {
            List<Object> batch;
            try {
                batch = channel.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while reading " + channel.file);
            }
            for (Object o : batch) {
                if (o instanceof Span span) {
                    assembler.accept(span);
                } else if (o instanceof Problem problem) {
                    problems.report(problem);
                } else if (o instanceof End end) {
                    if (end.failure() != null) {
                        throw end.failure();
                    }
                    return end.report();
                }
            }
            long read = channel.bytesRead.get();
            if (read != reported) {
                reported = read;
                progress.accept(read);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        channels.forEach(c -> c.queue.clear());
        pool.shutdownNow();
    }

    /** The end of a file's output: its report, or what went wrong on its thread. */
    private record End(SourceReport report, RuntimeException failure) {
    }

    /** One file's output, written by its reading thread, drained by the assembling one. */
    private final class Channel implements WorkerStage, ProblemSink {
        final Path file;
        final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES);
        final AtomicLong bytesRead = new AtomicLong();
        private final SpanGate ownGate;
        private List<Object> batch = new ArrayList<>(BATCH);

        Channel(Path file) {
            this.file = file;
            this.ownGate = gate.forSource(file.toString(), this::put, this);
        }

        void read() {
            SourceReport report = null;
            RuntimeException failure = null;
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead::set)) {
                report = new TraceFileReader(this, this, () -> closed || cancelled.getAsBoolean(),
                        InputStream.nullInputStream(), threadsPerFile).read(file.toString(), in);
            } catch (IOException e) {
                put(new Problem(file.toString(), "", "cannot open: " + e.getMessage()));
                report = new SourceReport(file.toString(), null, 0, 1);
            } catch (RuntimeException e) {
                failure = e;
            }
            put(new End(report, failure));
        }

        /** A span of a format read whole (a document): checked and redacted here, then queued. */
        @Override
        public void accept(Span span) {
            ownGate.accept(span);
        }

        @Override
        public SpanSink forWorker(SpanSink next, ProblemSink workerProblems) {
            return gate.forSource(file.toString(), next, workerProblems);
        }

        /** Where spans checked and redacted on a decoding worker go: queued as they are. */
        @Override
        public SpanSink downstream() {
            return this::put;
        }

        @Override
        public void report(Problem problem) {
            put(problem);
        }

        private void put(Object item) {
            batch.add(item);
            if (batch.size() >= BATCH || item instanceof End) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        throw new CancellationException("closed");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            batch = new ArrayList<>(BATCH);
        }
    }
}
