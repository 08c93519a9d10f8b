package dev.sloscout.engine.ingest;

import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.redact.SpanRedactor;
import dev.sloscout.engine.trace.SpanSink;

import java.time.Instant;

/**
 * Where spans enter the engine, whatever read them: spans whose time cannot be real (before 2000, or after 2200)
 * are problems, not history (one span at time 0 would otherwise anchor a journey's history decades before the rest,
 * and push the real traffic out of it); the others are redacted ({@link SpanRedactor}) and handed on. Names the
 * source being read for both. Not thread-safe: one per reading thread; decoding workers each get their own
 * ({@link #forWorker}), sharing the redaction counts (which are thread-safe).
 */
public final class SpanGate implements WorkerStage {
    /** 2000-01-01T00:00:00Z: no tracing system has spans older than that. */
    public static final long EARLIEST_NANOS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    /** 2200-01-01T00:00:00Z: a time after it is a unit mix-up, not a future request. */
    public static final long LATEST_NANOS = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    private final Redactor counts;
    private final Counted next;
    private final SpanRedactor redactor;
    private final ProblemSink problems;
    private String source = "spans";

    public SpanGate(Redactor redactor, SpanSink next, ProblemSink problems) {
        this.counts = redactor;
        this.next = new Counted(next);
        this.redactor = new SpanRedactor(redactor, this.next);
        this.problems = problems;
    }

    @Override
    public SpanSink forWorker(SpanSink workerNext, ProblemSink workerProblems) {
        return forSource(source, workerNext, workerProblems);
    }

    /** A gate of its own for a source read on another thread (redaction counted under {@code name}). */
    public SpanGate forSource(String name, SpanSink gateNext, ProblemSink gateProblems) {
        SpanGate gate = new SpanGate(counts, gateNext, gateProblems);
        gate.source(name);
        return gate;
    }

    @Override
    public SpanSink downstream() {
        return next;
    }

    /**
     * Spans handed on so far, by this gate or through {@link #downstream()} (workers' spans, handed on in order): how
     * far a source has got, for progress. Read it on the thread that hands spans on.
     */
    public long spansHandedOn() {
        return next.spans;
    }

    /** Where the following spans come from, for problems and redaction counts. */
    public void source(String source) {
        this.source = source;
        redactor.source(source);
    }

    @Override
    public void accept(Span span) {
        long start = span.startEpochNanos();
        if (start < EARLIEST_NANOS || start > LATEST_NANOS) {
            problems.report(new Problem(source, "span " + span.spanId() + " of trace " + span.traceId(),
                    "start time " + Instant.ofEpochSecond(0, start) + " is out of range (2000 to 2200); the span is "
                            + "skipped, not put into the history"));
            return;
        }
        redactor.accept(span);
    }

    private static final class Counted implements SpanSink {
        private final SpanSink next;
        private long spans;

        Counted(SpanSink next) {
            this.next = next;
        }

        @Override
        public void accept(Span span) {
            spans++;
            next.accept(span);
        }
    }
}
