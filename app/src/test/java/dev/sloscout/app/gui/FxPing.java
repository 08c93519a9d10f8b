package dev.sloscout.app.gui;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * A watchdog for the FX application thread (test helper): a daemon thread posts a no-op to it every few milliseconds
 * and records how long the longest one waited to run. A thread kept busy by I/O or analysis shows up as a long wait.
 */
final class FxPing implements AutoCloseable {
    private final Thread pinger;
    private volatile boolean running = true;
    private volatile long worstNanos;
    private volatile int pings;

    private FxPing(Duration every) {
        pinger = new Thread(() -> {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long sent = System.nanoTime();
                Platform.runLater(ran::countDown);
                try {
                    if (!ran.await(1, TimeUnit.MINUTES)) {
                        worstNanos = TimeUnit.MINUTES.toNanos(1);
                        return;
                    }
                    worstNanos = Math.max(worstNanos, System.nanoTime() - sent);
                    pings++;
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

    /** The longest any ping waited for the FX thread so far. */
    Duration worst() {
        return Duration.ofNanos(worstNanos);
    }

    int pings() {
        return pings;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        pinger.join(TimeUnit.MINUTES.toMillis(1));
    }
}
