package dev.sloscout.engine.capsule;

/** Where log decoders deliver events, in input order. */
@FunctionalInterface
public interface LogSink {
    void accept(LogEvent event);

    /**
     * Told before the events of a source arrive when the source was last written (a file's modification time): the
     * year of timestamps written without one is taken from it.
     */
    default void sourceWritten(String source, long epochMillis) {
    }
}
