package dev.sloscout.engine.slo;

import java.time.Duration;
import java.time.Instant;

/**
 * An SLI's observed history in fixed windows: per window the total and the bad events. Dense from the first to
 * the last window that saw traffic; windows without traffic hold zeros.
 */
public record History(Instant start, Duration window, long[] total, long[] bad) {

    public History {
        if (total.length != bad.length) {
            throw new IllegalArgumentException("total and bad must cover the same windows");
        }
    }

    public int windows() {
        return total.length;
    }

    public Duration span() {
        return window.multipliedBy(total.length);
    }

    public long totalEvents() {
        long sum = 0;
        for (long t : total) {
            sum += t;
        }
        return sum;
    }

    public long badEvents() {
        long sum = 0;
        for (long b : bad) {
            sum += b;
        }
        return sum;
    }

    /** Bad over total for all of history, events-weighted; 0 when there was no traffic. */
    public double errorRatio() {
        long total = totalEvents();
        return total == 0 ? 0 : (double) badEvents() / total;
    }

    public Instant windowStart(int index) {
        return start.plus(window.multipliedBy(index));
    }
}
