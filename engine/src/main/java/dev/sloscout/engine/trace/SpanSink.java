package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;

/** Where decoders put the spans they read. */
@FunctionalInterface
public interface SpanSink {
    void accept(Span span);
}
