package dev.sloscout.app.serve;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The analyses the API runs: a bounded pool of workers with a bounded queue (a full queue refuses, which the API
 * answers with 429), each job in a folder of its own, cancellable while queued or running, independent of the client
 * that asked for it.
 */
public final class Jobs implements AutoCloseable {
    /** What a job does: analyse its inputs into its folder, telling progress, stopping when cancelled. */
    @FunctionalInterface
    public interface Runner {
        /** @return a short summary line */
        String run(Job job, BooleanSupplier cancelled) throws Exception;
    }

    enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** One analysis: its inputs and options, where it writes, and how it stands. */
    static final class Job {
        final String id;
        final List<Path> inputs;
        final Map<String, String> options;
        final Path folder;
        volatile Status status = Status.QUEUED;
        volatile double progress;
        volatile String message = "";
        volatile boolean cancelRequested;
        volatile boolean timedOut;

        Job(String id, List<Path> inputs, Map<String, String> options, Path folder) {
            this.id = id;
            this.inputs = List.copyOf(inputs);
            this.options = Map.copyOf(options);
            this.folder = folder;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;
    private final Runner runner;
    private final java.time.Duration timeout;
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "slo-scout-api-timeout");
                t.setDaemon(true);
                return t;
            });

    /** @param timeout how long one analysis may run before it is stopped (and failed) */
    Jobs(int workers, int queue, Runner runner, java.time.Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "slo-scout-api-job");
            t.setDaemon(true);
            return t;
        });
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Queues a job; false (nothing queued) when the queue is full. */
    boolean submit(Job job) {
        jobs.put(job.id, job);
        try {
            pool.execute(() -> run(job));
            return true;
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            return false;
        }
    }

    private void run(Job job) {
        synchronized (job) {
            if (job.cancelRequested) {
                job.status = Status.CANCELLED;
                return;
            }
            job.status = Status.RUNNING;
        }
        java.util.concurrent.ScheduledFuture<?> deadline = timer.schedule(() -> {
            job.timedOut = true;
            job.cancelRequested = true;
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            job.message = runner.run(job, () -> job.cancelRequested);
            job.status = job.cancelRequested ? Status.CANCELLED : Status.DONE;
            job.progress = job.status == Status.DONE ? 1 : job.progress;
        } catch (Exception | OutOfMemoryError e) {
            job.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.status = job.cancelRequested ? Status.CANCELLED : Status.FAILED;
        } finally {
            deadline.cancel(false);
        }
        if (job.timedOut) {
            job.status = Status.FAILED;
            job.message = String.format(java.util.Locale.ROOT, "timed out after %.1f s (--job-timeout)",
                    timeout.toMillis() / 1000.0);
        }
    }

    Job get(String id) {
        return jobs.get(id);
    }

    List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    /** Asks a job to stop: a queued one never runs, a running one stops at its next check. */
    void cancel(Job job) {
        synchronized (job) {
            job.cancelRequested = true;
            if (job.status == Status.QUEUED) {
                job.status = Status.CANCELLED;
            }
        }
    }

    /** Cancels every job and waits (a few seconds at most) for the running ones to stop writing. */
    @Override
    public void close() {
        jobs.values().forEach(this::cancel);
        pool.shutdownNow();
        timer.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
