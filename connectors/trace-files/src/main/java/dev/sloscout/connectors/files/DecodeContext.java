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
     * A context a worker thread decodes a chunk of this source into: spans and problems are kept in order until
     * {@link Recorded#replay} hands them to this context on the reading thread.
     */
    Recorded recorded() {
        return new Recorded(source, threads > 1 && spans instanceof WorkerStage stage ? stage : null);
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
        private final java.util.ArrayList<Object> out = new java.util.ArrayList<>();

        private Recorded(String source, WorkerStage stage) {
            this.stage = stage;
            SpanSink spans = stage == null ? out::add : stage.forWorker(out::add, p -> out.add(new Uncounted(p)));
            this.context = new DecodeContext(source, spans, out::add, () -> false);
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

        /** A problem found by the worker's stage (a span out of range), not a rejected record. */
        private record Uncounted(Problem problem) {
        }
    }
}
