package dev.sloscout.engine.ingest;

import dev.sloscout.engine.trace.SpanSink;

/**
 * A span sink whose per-span work needs no shared state and may run on the workers that decode a source: each
 * worker puts its own copy in front of what it records, and the recorded spans then go straight to
 * {@link #downstream()}, in order, on the reading thread.
 */
public interface WorkerStage extends SpanSink {
    /**
     * This stage's work for one worker: spans it passes go to {@code next}, problems it finds to {@code problems}
     * (both recorded in order with the worker's other output).
     */
    SpanSink forWorker(SpanSink next, ProblemSink problems);

    /** Where the spans this stage passes go. */
    SpanSink downstream();
}
