package dev.sloscout.app.workbench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * A watchdog for the FX application thread (test helper): a daemon thread posts a no-op to it every few milliseconds
 * and records how long each waited to run. A thread kept busy by I/O, analysis or a lock shows up as a long wait; a
 * wait during which the collector paused the whole JVM is counted apart, as no code of ours can avoid it.
 */
final class FxPing implements AutoCloseable {
    private final Thread pinger;
    private volatile boolean running = true;
    private volatile long longest;
    private volatile long longestOutsideGc;
    private volatile int pings;

    /** What the watchdog saw. */
    record Waits(int pings, Duration longest, Duration longestOutsideGc) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d pings, longest wait %d ms (%d ms without a GC pause in it)", pings,
                    longest.toMillis(), longestOutsideGc.toMillis());
        }
    }

    private FxPing(Duration every) {
        pinger = new Thread(() -> {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long gcBefore = gcMillis();
                long sent = System.nanoTime();
                Platform.runLater(ran::countDown);
                try {
                    boolean done = ran.await(1, TimeUnit.MINUTES);
                    long waited = done ? System.nanoTime() - sent : TimeUnit.MINUTES.toNanos(1);
                    longest = Math.max(longest, waited);
                    if (gcMillis() == gcBefore) {
                        longestOutsideGc = Math.max(longestOutsideGc, waited);
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
    }

    static FxPing every(Duration interval) {
        FxPing ping = new FxPing(interval);
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

    Waits waits() {
        return new Waits(pings, Duration.ofNanos(longest), Duration.ofNanos(longestOutsideGc));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        pinger.join(TimeUnit.MINUTES.toMillis(1));
    }
}
