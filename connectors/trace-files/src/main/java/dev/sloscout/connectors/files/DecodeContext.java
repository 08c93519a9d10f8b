package dev.sloscout.connectors.files;

import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.ingest.WorkerStage;
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
    private final int threads;
    private long spanCount;
    private long rejectedCount;

    public DecodeContext(String source, SpanSink spans, ProblemSink problems, BooleanSupplier cancelled) {
        this(source, spans, problems, cancelled, 1);
    }

    /** @param threads decoders that may work on this source at once (formats that split into records use them) */
    public DecodeContext(String source, SpanSink spans, ProblemSink problems, BooleanSupplier cancelled, int threads) {
        this.source = source;
        this.spans = spans;
        this.problems = problems;
        this.cancelled = cancelled;
        this.threads = Math.max(1, threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * One worker's way of recording the chunks it decodes of this source: each {@link Recorder#next} is a context
     * whose spans and problems are kept in order until {@link Recorded#replay} hands them to this context on the
     * reading thread. When the spans' first stage can run on workers ({@link WorkerStage}: checks and redaction), the
     * worker's own copy of it is made once, here, and keeps its caches from chunk to chunk.
     */
    Recorder recorder() {
        return new Recorder(source, threads > 1 && spans instanceof WorkerStage stage ? stage : null);
    }

    /** A worker's recording of successive chunks, through one copy of the first stage. */
    static final class Recorder {
        private final String source;
        private final WorkerStage stage;
        private final SpanSink spans;
        private java.util.List<Object> current;

        private Recorder(String source, WorkerStage stage) {
            this.source = source;
            this.stage = stage;
            this.spans = stage == null ? span -> current.add(span)
                    : stage.forWorker(span -> current.add(span), p -> current.add(new Uncounted(p)));
        }

        /** A fresh recording for the next chunk. */
        Recorded next() {
            current = new java.util.ArrayList<>();
            return new Recorded(new DecodeContext(source, spans, current::add, () -> false), stage, current);
        }
    }

    /** A problem found by the worker's stage (a span out of range), not a rejected record. */
    private record Uncounted(Problem problem) {
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

    /**
     * Spans and problems of one chunk, in the order the decoder produced them. When the spans' first stage can run
     * on workers ({@link WorkerStage}: checks and redaction), it runs here, on the worker, and its output is what is
     * recorded; its problems are reported without counting as rejected records, as they are on one thread.
     */
    static final class Recorded {
        private final DecodeContext context;
        private final WorkerStage stage;
        private final java.util.List<Object> out;

        private Recorded(DecodeContext context, WorkerStage stage, java.util.List<Object> out) {
            this.context = context;
            this.stage = stage;
            this.out = out;
        }

        DecodeContext context() {
            return context;
        }

        /** Emits and rejects into {@code target} what this chunk's decoder emitted and rejected, in order. */
        void replay(DecodeContext target) {
            replay(target, 0);
        }

        /**
         * As above, for a chunk whose problems were located by line numbers counted from the chunk's start: a
         * location {@code line N...} becomes {@code line (N + linesBefore)...}.
         */
        void replay(DecodeContext target, long linesBefore) {
            SpanSink spans = stage == null ? target.spans : stage.downstream();
            target.spanCount += context.spanCount;
            for (Object o : out) {
                if (o instanceof Span span) {
                    spans.accept(span);
                } else if (o instanceof Uncounted u) {
                    target.problems.report(u.problem());
                } else {
                    Problem p = (Problem) o;
                    target.rejectedCount++;
                    target.problems.report(linesBefore == 0 ? p
                            : new Problem(p.source(), shiftLine(p.location(), linesBefore), p.reason()));
                }
            }
        }

        private static String shiftLine(String location, long linesBefore) {
            if (!location.startsWith("line ")) {
                return location;
            }
            int end = "line ".length();
            while (end < location.length() && Character.isDigit(location.charAt(end))) {
                end++;
            }
            long line = Long.parseLong(location.substring("line ".length(), end));
            return "line " + (line + linesBefore) + location.substring(end);
        }
    }
}
