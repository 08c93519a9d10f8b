package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Feeds traces to a {@link PreparedTraceListener} as assembly shards do: prepared on other threads, then in order. */
public final class PreparedFeed {
    private PreparedFeed() {
    }

    /**
     * Prepares each trace on one of {@code threads} threads (each with a preparer of its own, in whatever order the
     * pool runs them), then hands every trace to {@code listener} in the given order.
     */
    public static void feed(List<Trace> traces, PreparedTraceListener listener, int threads)
            throws InterruptedException, ExecutionException {
        ThreadLocal<TraceListener> preparer = ThreadLocal.withInitial(listener::preparer);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Trace>> done = new ArrayList<>();
            for (Trace trace : traces) {
                done.add(pool.submit(() -> {
                    preparer.get().onTrace(trace);
                    return trace;
                }));
            }
            for (Future<Trace> trace : done) {
                listener.onTrace(trace.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
