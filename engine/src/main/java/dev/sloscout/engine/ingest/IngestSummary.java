package dev.sloscout.engine.ingest;

import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.trace.AssemblyStats;
import dev.sloscout.engine.trace.TraceListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what an ingestion produced: traces, distinct spans, services, error and orphan spans, rejected records and
 * the problems behind them. Keeps counts and a bounded list of problems, never the traces.
 */
public final class IngestSummary implements TraceListener, ProblemSink {
    /** Problems kept verbatim; the rest are only counted so a broken 10 GB file cannot exhaust memory. */
    public static final int MAX_KEPT_PROBLEMS = 1_000;

    private long traces;
    private long spans;
    private long errorSpans;
    private long orphanSpans;
    private long rejected;
    private final Set<String> services = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Redactor redactor;

    public IngestSummary() {
        this(new Redactor());
    }

    /** A summary whose problems are redacted by {@code redactor} before they are kept (problems quote input). */
    public IngestSummary(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void onTrace(Trace trace) {
        if (trace.completion() != Trace.Completion.LATE_PART) {
            traces++;
        }
        spans += trace.spans().size();
        for (Span span : trace.spans()) {
            services.add(span.serviceName());
            if (Spans.isError(span)) {
                errorSpans++;
            }
        }
        orphanSpans += trace.orphanCount();
    }

    /**
     * Adds what another summary counted of traces (traces, spans, services, error and orphan spans; not its
     * problems): summaries kept per assembly shard add up to the one a single summary would have counted.
     */
    public void addTracesOf(IngestSummary other) {
        traces += other.traces;
        spans += other.spans;
        services.addAll(other.services);
        errorSpans += other.errorSpans;
        orphanSpans += other.orphanSpans;
    }

    /** A record that could not be used; every report counts as one rejected record. */
    @Override
    public void report(Problem problem) {
        rejected++;
        if (problems.size() < MAX_KEPT_PROBLEMS) {
            problems.add(redactor.redact(problem));
        }
    }

    public Snapshot snapshot(AssemblyStats assembly) {
        return new Snapshot(traces, spans, List.copyOf(new TreeSet<>(services)), errorSpans, orphanSpans, rejected,
                Collections.unmodifiableList(new ArrayList<>(problems)), assembly);
    }

    /** An immutable view of the counts. */
    public record Snapshot(long traces, long spans, List<String> services, long errorSpans, long orphanSpans,
                           long rejected, List<Problem> problems, AssemblyStats assembly) {
    }
}
