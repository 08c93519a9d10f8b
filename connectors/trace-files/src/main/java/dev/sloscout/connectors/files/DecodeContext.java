package dev.sloscout.connectors.files;

import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.trace.SpanSink;

import java.util.function.BooleanSupplier;

/** What a decoder writes to while it reads one source: spans out, problems out, counts kept, cancel honoured. */
public final class DecodeContext {
    private final String source;
    private final SpanSink spans;
    private final ProblemSink problems;
    private final BooleanSupplier cancelled;
    private long spanCount;
    private long rejectedCount;

    public DecodeContext(String source, SpanSink spans, ProblemSink problems, BooleanSupplier cancelled) {
        this.source = source;
        this.spans = spans;
        this.problems = problems;
        this.cancelled = cancelled;
    }

    public String source() {
        return source;
    }

    public void emit(Span span) {
        spanCount++;
        spans.accept(span);
    }

    public void reject(String location, String reason) {
        rejectedCount++;
        problems.report(new Problem(source, location, reason));
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    public long spanCount() {
        return spanCount;
    }

    public long rejectedCount() {
        return rejectedCount;
    }
}
