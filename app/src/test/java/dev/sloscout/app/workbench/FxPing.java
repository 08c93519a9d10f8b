package dev.sloscout.app.workbench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * A watchdog for the FX application thread (test helper): a daemon thread posts a no-op to it every few milliseconds
 * and records how long each waited to run. A thread kept busy by I/O, analysis or a lock shows up as a long wait; a
 * wait during which the collector paused the whole JVM is counted apart, as no code of ours can avoid it, and so is
 * one during which the process as a whole did not run: a second daemon thread sleeps a millisecond at a time and
 * notes when it woke late by more than {@value #STALL_MILLIS} ms (a loaded machine, other JVMs of the build on its two
 * cores, a safepoint); a ping that waited across such a stall tells nothing about the FX thread. Nor does the time the
 * FX thread itself was ready to run but not given a core (preempted by the build's other threads while this process
 * as a whole ran): on Linux each ping, when it runs on the FX thread, reads that thread's time spent waiting on a run
 * queue ({@code /proc/thread-self/schedstat}, second field), and a wait counts without the part of it that grew in.
 * Time the thread was busy, or blocked on a lock or I/O, is not run-queue time: those waits count in full.
 */
final class FxPing implements AutoCloseable {
    static final long STALL_MILLIS = 20;
    private final Thread pinger;
    private final Thread watcher;
    private volatile boolean running = true;
    private volatile long longest;
    private volatile int pings;
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    /**
     * Waits without a GC pause in them: sent, answered (nanoTime) and the FX thread's run-queue time that grew from the
     * ping before's run to this one's (0 where not known).
     */
    private final java.util.List<long[]> gcFree = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When the whole process did not run: from, to (nanoTime). */
    private final java.util.List<long[]> stalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * What the watchdog saw.
     *
     * @param longestOutsideStalls the longest wait with neither a GC pause nor a stall of the whole process in it, less
     *     the time in it the FX thread was ready to run but preempted
     * @param preempted the FX thread's time on a run queue over the pings without a GC pause (not known: zero)
     */
    record Waits(int pings, Duration longest, Duration longestOutsideGc, Duration longestOutsideStalls, int stalls,
            Duration preempted) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d pings, longest wait %d ms (%d ms without a GC pause in it, %d ms "
                    + "without a stall of the whole process or the FX thread's own run-queue time either; %d stalls, "
                    + "%d ms preempted)", pings, longest.toMillis(), longestOutsideGc.toMillis(),
                    longestOutsideStalls.toMillis(), stalls, preempted.toMillis());
        }
    }

    private FxPing(Duration every) {
        pinger = new Thread(() -> {
            long queuedBefore = -1;
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long[] queued = {-1};
                long gcBefore = gcMillis();
                long sent = System.nanoTime();
                Platform.runLater(() -> {
                    queued[0] = runQueueNanos();
                    ran.countDown();
                });
                try {
                    boolean done = ran.await(1, TimeUnit.MINUTES);
                    long waited = done ? System.nanoTime() - sent : TimeUnit.MINUTES.toNanos(1);
                    longest = Math.max(longest, waited);
                    long preempted = done && queuedBefore >= 0 && queued[0] >= 0 ? queued[0] - queuedBefore : 0;
                    queuedBefore = done ? queued[0] : -1;
                    if (gcMillis() == gcBefore) {
                        gcFree.add(new long[] {sent, sent + waited, preempted});
                    }
                    pings++;
                    if (!done) {
                        return;
                    }
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-ping");
        pinger.setDaemon(true);
        watcher = new Thread(() -> {
            while (running) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long after = System.nanoTime();
                if (after - before > TimeUnit.MILLISECONDS.toNanos(1 + STALL_MILLIS)) {
                    stalls.add(new long[] {before, after});
                }
            }
        }, "fx-ping-watcher");
        watcher.setDaemon(true);
    }

    static FxPing every(Duration interval) {
        FxPing ping = new FxPing(interval);
        ping.watcher.start();
        ping.pinger.start();
        return ping;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * The calling thread's time spent ready to run but waiting for a core, in nanoseconds since it started; -1 where
     * the system does not say (not Linux, no scheduler statistics).
     */
    static long runQueueNanos() {
        try {
            String[] fields = Files.readString(SCHEDSTAT).trim().split(" ");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    Waits waits() {
        long outsideGc = 0;
        long outsideStalls = 0;
        long preempted = 0;
        for (long[] wait : gcFree) {
            long waited = wait[1] - wait[0];
            outsideGc = Math.max(outsideGc, waited);
            preempted += wait[2];
            boolean stalled = stalls.stream().anyMatch(s -> s[0] < wait[1] && s[1] > wait[0]);
            if (!stalled) {
                outsideStalls = Math.max(outsideStalls, waited - Math.min(waited, wait[2]));
            }
        }
        return new Waits(pings, Duration.ofNanos(longest), Duration.ofNanos(outsideGc),
                Duration.ofNanos(outsideStalls), stalls.size(), Duration.ofNanos(preempted));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        pinger.join(TimeUnit.MINUTES.toMillis(1));
        watcher.join(TimeUnit.MINUTES.toMillis(1));
    }
}
