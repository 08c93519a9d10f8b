package dev.sloscout.engine.parallel;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Items computed on worker threads and handed back in the order they were submitted: the ordered hand-off that
 * keeps a parallel run's results identical to a serial one. Each worker thread has its own function (made by the
 * factory the first time the thread works), so workers need not share mutable state.
 *
 * <p>The submitting thread is the consumer: {@link #submit} hands over every result already done at the head of the
 * queue, and waits for the oldest when {@link #window()} items are in flight (backpressure: memory holds at most that
 * many items and results). With one thread nothing is started and each item is computed and consumed at once, on the
 * caller's thread. Not itself thread-safe: one thread submits.
 */
public final class OrderedWork<I, R> implements AutoCloseable {
    private final ExecutorService pool;
    private final ThreadLocal<Function<I, R>> perThread;
    private final Function<I, R> inline;
    private final Consumer<R> consumer;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    private final int window;

    private OrderedWork(int threads, Supplier<? extends Function<I, R>> perWorker, Consumer<R> consumer, String name) {
        this.consumer = consumer;
        if (threads <= 1) {
            pool = null;
            perThread = null;
            inline = perWorker.get();
            window = 1;
        } else {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, name + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            perThread = ThreadLocal.withInitial(perWorker);
            inline = null;
            window = threads * 4;
        }
    }

    /**
     * @param threads   worker threads; 1 or less computes inline
     * @param perWorker makes one worker's function (called once per worker thread)
     * @param consumer  takes the results in submission order, on the submitting thread
     * @param name      the worker threads' name prefix
     */
    public static <I, R> OrderedWork<I, R> start(int threads, Supplier<? extends Function<I, R>> perWorker,
            Consumer<R> consumer, String name) {
        return new OrderedWork<>(threads, perWorker, consumer, name);
    }

    /** Items in flight at most before {@link #submit} waits. */
    public int window() {
        return window;
    }

    /** Queues an item, hands over what is done at the head, and waits while the window is full. */
    public void submit(I item) {
        if (pool == null) {
            consumer.accept(inline.apply(item));
            return;
        }
        inFlight.add(pool.submit(() -> perThread.get().apply(item)));
        while (!inFlight.isEmpty() && (inFlight.size() >= window || inFlight.peek().isDone())) {
            consumer.accept(await(inFlight.poll()));
        }
    }

    /** Waits for every submitted item and hands the results over, in order. */
    public void finish() {
        while (!inFlight.isEmpty()) {
            consumer.accept(await(inFlight.poll()));
        }
    }

    /** Drops what is still in flight (after a failure or a cancel) and stops the workers. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
        pool.shutdownNow();
    }

    private R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
