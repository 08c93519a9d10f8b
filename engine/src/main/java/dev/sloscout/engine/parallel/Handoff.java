package dev.sloscout.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Hands items to one thread of its own, in order, in batches, through a bounded queue: a pipeline stage whose
 * state only that thread touches (the analyses of assembled traces, say) runs beside the stage that feeds it, and
 * sees exactly the sequence a serial run would. The feeding thread waits when the stage is {@value #BATCHES_AHEAD}
 * batches behind. A failure of the stage is thrown to the feeder at its next {@link #accept} or at {@link #finish}.
 */
public final class Handoff<T> implements Consumer<T>, AutoCloseable {
    private static final int BATCHES_AHEAD = 8;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final int batchSize;
    private final Thread thread;
    private List<T> batch;
    private volatile Throwable failure;
    private boolean finished;

    /**
     * @param stage     takes every item, in order, on the stage's thread
     * @param batchSize items handed over together (fewer hand-offs, more latency)
     * @param name      the stage thread's name
     */
    public Handoff(Consumer<? super T> stage, int batchSize, String name) {
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.thread = new Thread(() -> run(stage), name);
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void run(Consumer<? super T> stage) {
        try {
            while (true) {
                List<?> items = queue.take();
                if (items == END) {
                    return;
                }
                if (failure == null) {
                    for (Object item : items) {
                        stage.accept((T) item);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            dropUntilEnd();
        }
    }

    /**
     * After a failure: takes and drops what the feeder hands over (so it never waits on a full queue) until the end
     * it sends. Taking one batch at a time, never clearing: a clear could drop the end itself, already queued.
     */
    private void dropUntilEnd() {
        try {
            while (queue.take() != END) {
                // dropped: the stage failed, the feeder is told at its next call
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void accept(T item) {
        rethrow();
        batch.add(item);
        if (batch.size() >= batchSize) {
            put(batch);
            batch = new ArrayList<>(batchSize);
        }
    }

    /** Hands over what is batched and waits until the stage has taken every item. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!batch.isEmpty()) {
            put(batch);
            batch = List.of();
        }
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + thread.getName());
        }
        rethrow();
    }

    /** Stops the stage without waiting for what is queued (after a failure elsewhere). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            queue.clear();
            thread.interrupt();
        }
    }

    private void put(List<?> items) {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing over to " + thread.getName());
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
