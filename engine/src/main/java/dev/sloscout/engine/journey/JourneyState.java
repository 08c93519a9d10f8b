package dev.sloscout.engine.journey;

import dev.sloscout.engine.slo.HistoryRecorder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One journey's statistics in a form that adds up and travels: the unit of state of a distributed analysis. Made
 * from one trace by {@link JourneyDiscovery#single}, added to others of the same journey with {@link #merge}
 * (counts and latency histograms exactly), turned into a report by {@link JourneyDiscovery#report}. Its bytes carry
 * everything but the history, which is kept per time window where the states are stored; {@link #history()} is the
 * history of what was added to this instance since it was made or decoded. Not thread-safe.
 */
public final class JourneyState {
    private final JourneyAccumulator accumulator;

    JourneyState(JourneyAccumulator accumulator) {
        this.accumulator = accumulator;
    }

    /** What makes traces the same journey, in words (the id is its hash). */
    public String key() {
        return accumulator.key();
    }

    public String id() {
        return JourneyDiscovery.idOf(accumulator.key());
    }

    public String service() {
        return accumulator.service();
    }

    public String operation() {
        return accumulator.operation();
    }

    public long traces() {
        return accumulator.traces();
    }

    public long errorTraces() {
        return accumulator.errorTraces();
    }

    /** The latency percentile of the entry requests in milliseconds (three significant digits). */
    public double latencyMs(double percentile) {
        return accumulator.latencyMs(percentile);
    }

    /** The windows of what was added to this instance (a decoded state has none: histories travel apart). */
    public HistoryRecorder history() {
        return accumulator.history();
    }

    /** Adds another state of the same journey to this one; this one changes, the other does not. */
    public JourneyState merge(JourneyState other) {
        accumulator.merge(other.accumulator);
        return this;
    }

    JourneyAccumulator accumulator() {
        return accumulator;
    }

    /** Everything but the history, as bytes {@link #decode} reads back. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            accumulator.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The state these bytes describe.
     *
     * @throws IllegalArgumentException when they are not a journey state (truncated, damaged, another format)
     */
    public static JourneyState decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            JourneyState state = new JourneyState(JourneyAccumulator.read(in));
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the journey state");
            }
            return state;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a journey state: " + e.getMessage(), e);
        }
    }
}
