package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.demo.DemoLog;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.ingest.SpanGate;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.parallel.Handoff;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.ShardedTraceAssembler;
import dev.sloscout.engine.trace.TraceAssembler;
import dev.sloscout.engine.trace.PreparedTraceListener;
import dev.sloscout.engine.trace.TraceListener;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The file pipeline every trace subcommand runs: read, decode, assemble, then hand each trace to the analyses. */
public final class Ingestion {
    private Ingestion() {
    }

    public record Result(IngestSummary.Snapshot summary, List<SourceReport> sources) {
    }

    /** Reads files with as many threads as the machine has cores (the result does not depend on the number). */
    public static Result run(List<String> inputs, InputStream stdin, int maxOpenSpans, TraceListener... analyses) {
        return run(inputs, stdin, maxOpenSpans, Runtime.getRuntime().availableProcessors(), analyses);
    }

    /** Reads files with {@code threads} threads (the result does not depend on the number). */
    public static Result run(List<String> inputs, InputStream stdin, int maxOpenSpans, int threads,
            TraceListener... analyses) {
        return run(inputs, stdin, maxOpenSpans, threads, (index, status) -> { }, analyses);
    }

    /**
     * As above, telling {@code progress} each source's status while it is read (sources numbered in the order they
     * start): the fraction of its bytes read and the spans handed on so far, then how it ended.
     */
    public static Result run(List<String> inputs, InputStream stdin, int maxOpenSpans, int threads,
            Pipeline.Listener progress, TraceListener... analyses) {
        return run((spans, summary) -> new TraceFileReader(spans, summary, () -> false, stdin, threads)
                .withProgress(new SourceProgress(spans, progress)).read(inputs),
                maxOpenSpans, new Redactor(), threads, analyses);
    }

    /** A trace reader's progress as the pipeline's per-source statuses. */
    private static final class SourceProgress implements TraceFileReader.Progress {
        private final SpanGate gate;
        private final Pipeline.Listener listener;
        private int index = -1;
        private long size;
        private long spansBefore;

        SourceProgress(SpanGate gate, Pipeline.Listener listener) {
            this.gate = gate;
            this.listener = listener;
        }

        @Override
        public void started(String source, long size) {
            index++;
            this.size = size;
            spansBefore = gate.spansHandedOn();
            tell(source, "", Pipeline.SourceState.READING, size > 0 ? 0 : -1, 0, 0);
        }

        @Override
        public void read(String source, long bytes) {
            tell(source, "", Pipeline.SourceState.READING, Pipeline.fraction(bytes, size),
                    gate.spansHandedOn() - spansBefore, 0);
        }

        @Override
        public void ended(SourceReport report) {
            tell(report.source(), Pipeline.formatOf(report), Pipeline.endState(report), 1, report.spans(),
                    report.rejected());
        }

        private void tell(String source, String format, Pipeline.SourceState state, double fraction, long spans,
                long problems) {
            listener.source(index, new Pipeline.SourceStatus(source, "traces", format, state, fraction, spans,
                    problems));
        }
    }

    /** The bundled demo shop instead of files: two weeks of generated traffic, {@code scale} times the default. */
    public static Result runDemo(double scale, int maxOpenSpans, TraceListener... analyses) {
        return runDemoWithLogs(scale, maxOpenSpans, log -> { }, analyses);
    }

    /** The demo with its log records, correlated by trace id, handed to {@code logs} as they are written. */
    public static Result runDemoWithLogs(double scale, int maxOpenSpans, java.util.function.Consumer<DemoLog> logs,
            TraceListener... analyses) {
        return run((spans, summary) -> {
            long traces = DemoShop.generate(DEMO_SEED, 14, DEMO_PEAK_PER_MINUTE * scale, spans, logs);
            return List.of(new SourceReport("demo shop (" + traces + " generated traces)", null, 0, 0));
        }, maxOpenSpans, new Redactor(), analyses);
    }

    public static final long DEMO_SEED = 42;
    public static final double DEMO_PEAK_PER_MINUTE = 30;

    /**
     * Where spans come from: it feeds the spans (checked and redacted on their way to the assembler; naming each
     * source as it starts keeps problems and redaction counts per source) and reports problems into the summary (redacted there).
     */
    public interface Source {
        List<SourceReport> feed(SpanGate spans, IngestSummary summary);
    }

    public static Result run(Source source, int maxOpenSpans, Redactor redactor, TraceListener... analyses) {
        return run(source, maxOpenSpans, redactor, 1, analyses);
    }

    /**
     * As above; with more than one thread the analyses take the assembled traces on a thread of their own, in the
     * order they were assembled (so they see what one thread would), while the spans are decoded and assembled. From
     * four threads on, assembly moves off the reading thread too, onto {@link #assemblyShards} shards by trace id
     * ({@link ShardedTraceAssembler}: the same traces in the same order, whatever the number).
     */
    public static Result run(Source source, int maxOpenSpans, Redactor redactor, int threads,
            TraceListener... analyses) {
        AssemblySettings defaults = AssemblySettings.DEFAULTS;
        AssemblySettings settings = new AssemblySettings(defaults.idleSpans(), maxOpenSpans,
                defaults.maxSpansPerTrace(), defaults.rememberedSpans());
        return run(source, settings, redactor, threads, assemblyShards(threads, settings), analyses);
    }

    /**
     * Shards of trace assembly for a number of threads: none below four (the reading thread assembles, the
     * analyses have a thread of their own: at two threads that is already a thread per core), then one per four
     * threads, a power of two, at most what the bounds allow ({@link ShardedTraceAssembler#maxShards}).
     */
    public static int assemblyShards(int threads, AssemblySettings settings) {
        if (threads < 4) {
            return 0;
        }
        return Math.min(ShardedTraceAssembler.maxShards(settings), Integer.highestOneBit(threads / 4));
    }

    /**
     * Whether analyses prepare traces on the assembly shards ({@link PreparedTraceListener}): from two shards on.
     * One shard carrying assembly and the analyses' per-trace work would be busier than the merging thread it
     * relieves (docs/performance.md, "Analyses on shards"); with two or more the work spreads.
     */
    static boolean prepareOnShards(int shards) {
        return shards >= 2;
    }

    /** As above, with the assembly bounds and the number of assembly shards (0: on the reading thread) given. */
    public static Result run(Source source, AssemblySettings settings, Redactor redactor, int threads, int shards,
            TraceListener... analyses) {
        IngestSummary summary = new IngestSummary(redactor);
        TraceListener analysed = TraceListener.all(Arrays.asList(analyses));
        if (shards > 0) {
            // The summary's counts do not depend on order: each shard counts its own traces, added up at the end.
            // Analyses that can prepare a trace alone do that on the shards too, ahead of their ordered pass.
            List<IngestSummary> counted = new ArrayList<>();
            try (ShardedTraceAssembler assembler = new ShardedTraceAssembler(settings, shards, shard -> {
                IngestSummary part = new IngestSummary(redactor);
                counted.add(part);
                List<TraceListener> onShard = new ArrayList<>(List.of(part));
                for (TraceListener analysis : analyses) {
                    if (analysis instanceof PreparedTraceListener preparing && prepareOnShards(shards)) {
                        onShard.add(preparing.preparer());
                    }
                }
                return TraceListener.all(onShard);
            }, analysed, "trace-assembly")) {
                List<SourceReport> sources = source.feed(new SpanGate(redactor, assembler, summary), summary);
                assembler.finish();
                counted.forEach(summary::addTracesOf);
                return new Result(summary.snapshot(assembler.stats()), sources);
            }
        }
        TraceListener summarised = TraceListener.all(List.of(summary, analysed));
        try (Handoff<Trace> handoff = threads > 1 ? new Handoff<>(summarised::onTrace, 64, "trace-analysis") : null) {
            TraceAssembler assembler = new TraceAssembler(settings, handoff == null ? summarised : handoff::accept);
            List<SourceReport> sources = source.feed(new SpanGate(redactor, assembler, summary), summary);
            assembler.finish();
            if (handoff != null) {
                handoff.finish();
            }
            return new Result(summary.snapshot(assembler.stats()), sources);
        }
    }
}
