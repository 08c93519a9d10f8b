package dev.sloscout.engine.parallel;

import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * many items and results). While it would wait, it works: it takes the oldest item no worker has started yet and
 * computes it itself (with a function of its own, as any worker), so a consumer that has to wait often does not leave
 * a core idle, nor pay for being woken up. With one thread nothing is started and each item is computed and consumed
 * at once, on the caller's thread. Not itself thread-safe: one thread submits.
 */
public final class OrderedWork<I, R> implements AutoCloseable {
    private final ExecutorService pool;
    /** The pool's queue of items no worker has started, which the waiting consumer takes from. */
    private final BlockingQueue<Runnable> queued;
    private final ThreadLocal<Function<I, R>> perThread;
    private final Function<I, R> inline;
    private final Consumer<R> consumer;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    private final int window;

    private OrderedWork(int threads, Supplier<? extends Function<I, R>> perWorker, Consumer<R> consumer, String name) {
        this.consumer = consumer;
        if (threads <= 1) {
            pool = null;
            queued = null;
            perThread = null;
            inline = perWorker.get();
            window = 1;
        } else {
            AtomicInteger count = new AtomicInteger();
            queued = new LinkedBlockingQueue<>();
            int workers = threads - 1; // the consumer is the last: it computes while it would wait
            pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queued, task -> {
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
     * @param threads   threads computing, the consumer's among them ({@code threads - 1} workers are started);
     *                  1 or less computes inline
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

    /** Computes items no worker has started, oldest first, until {@code oldest} is done or none is left. */
    private void helpWhileWaiting(Future<R> oldest) {
        Runnable item;
        while (!oldest.isDone() && (item = queued.poll()) != null) {
            item.run(); // the pool's own task: its result (or failure) lands in the future the consumer waits on
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
        if (!future.isDone()) {
            helpWhileWaiting(future);
        }
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
