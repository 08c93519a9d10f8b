package dev.sloscout.engine.ingest;

import dev.sloscout.engine.model.Problem;

/** Where decoders and stages report bad input; reporting never stops the caller. */
@FunctionalInterface
public interface ProblemSink {
    void report(Problem problem);
}
