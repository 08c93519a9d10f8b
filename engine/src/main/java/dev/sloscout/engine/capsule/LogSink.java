package dev.sloscout.engine.capsule;

/** Where log decoders deliver events, in input order. */
@FunctionalInterface
public interface LogSink {
    void accept(LogEvent event);
}
