package dev.sloscout.pipeline;

import dev.sloscout.engine.trace.TraceListener;
import dev.sloscout.connectors.files.CountingInputStream;
import dev.sloscout.connectors.files.InputKinds;
import dev.sloscout.connectors.files.Inputs;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.capsule.TemplateMiner;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.ingest.SpanGate;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.quality.DataQuality;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.sli.SliCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one analysis every front end runs (the CLI's {@code analyze}, the workbench, and what builds on them): trace
 * files, folders and standard input (then log files, their capsules linked to the traces' journeys) or the demo,
 * with progress per source and cancellation between reads, all under one {@link PipelineOptions}; and the export
 * bundle of the analysis. Toolkit-free; the caller decides the thread.
 */
public final class Pipeline {
    /** Told about every source as it is read; called on the analysing thread. */
    public interface Listener {
        void source(int index, SourceStatus status);

        /** After each log file, the capsules as they stand (a workspace stores them file by file). */
        default void logsRead(Path file, long events, Supplier<List<Capsule>> capsules) {
        }
    }

    public enum SourceState { WAITING, READING, DONE, PROBLEMS, FAILED, CANCELLED }

    /**
     * @param fraction of the source read, 0..1, or -1 when unknown (the generated demo)
     * @param items    spans (traces) or events (logs) read so far
     */
    public record SourceStatus(String name, String kind, String format, SourceState state, double fraction, long items,
                               long problems) {
        SourceStatus with(SourceState newState, double newFraction, long newItems, long newProblems, String newFormat) {
            return new SourceStatus(name, kind, newFormat, newState, newFraction, newItems, newProblems);
        }
    }

    private final PipelineOptions options;
    private final BooleanSupplier cancelled;
    private final Listener listener;

    private final List<java.util.function.Function<JourneyDiscovery, TraceListener>> observers;

    public Pipeline(PipelineOptions options, BooleanSupplier cancelled, Listener listener) {
        this(options, cancelled, listener, List.of());
    }

    private Pipeline(PipelineOptions options, BooleanSupplier cancelled, Listener listener,
            List<java.util.function.Function<JourneyDiscovery, TraceListener>> observers) {
        this.options = options;
        this.cancelled = cancelled;
        this.listener = listener;
        this.observers = List.copyOf(observers);
    }

    /**
     * This pipeline, also handing every assembled trace to a listener made from the run's journey discovery (after
     * the discovery saw the trace, so its journey is known): how a comparison measures each side.
     */
    public Pipeline observing(java.util.function.Function<JourneyDiscovery, TraceListener> observer) {
        List<java.util.function.Function<JourneyDiscovery, TraceListener>> more = new ArrayList<>(observers);
        more.add(observer);
        return new Pipeline(options, cancelled, listener, more);
    }

    /** The analyses' listeners: discovery first, the observers last. */
    private TraceListener[] listeners(JourneyDiscovery discovery, TraceListener... builtIn) {
        List<TraceListener> all = new ArrayList<>(List.of(builtIn));
        observers.forEach(o -> all.add(o.apply(discovery)));
        return all.toArray(TraceListener[]::new);
    }

    public PipelineOptions options() {
        return options;
    }

    /** Reads files and folders: trace files first, then log files (their capsules link to the traces' journeys). */
    public Analysis files(List<Path> inputs) {
        return read(inputs.stream().map(Path::toString).toList(), InputStream.nullInputStream());
    }

    /**
     * Reads files, folders and {@code -} (standard input, read as traces): trace files first, then log files (their
     * capsules link to the traces' journeys).
     */
    public Analysis read(List<String> inputs, InputStream stdin) {
        try {
            return readSplit(InputKinds.split(inputs), stdin);
        } finally {
            Inputs.release(); // the archives kept open between their files
        }
    }

    private Analysis readSplit(InputKinds.Split split, InputStream stdin) {
        List<SourceStatus> statuses = new ArrayList<>();
        split.traces().forEach(t -> statuses.add(new SourceStatus(t, "traces", "", SourceState.WAITING, 0, 0, 0)));
        split.logs().forEach(l -> statuses.add(new SourceStatus(l.toString(), "logs", "", SourceState.WAITING, 0, 0, 0)));
        for (int i = 0; i < statuses.size(); i++) {
            listener.source(i, statuses.get(i));
        }
        JourneyDiscovery discovery = new JourneyDiscovery(options.maxJourneys());
        SampleTraces samples = new SampleTraces(discovery);
        DataQuality quality = new DataQuality(samples::keepEvidence);
        Redactor redactor = new Redactor();
        Ingestion.Result ingestion = Ingestion.run((spans, summary) -> {
            TraceFileReader reader = new TraceFileReader(spans, summary, cancelled, stdin, options.threads());
            split.problems().forEach(summary::report);
            List<SourceReport> reports = new ArrayList<>();
            int[] slots = new int[split.traces().size()];
            List<Path> ahead = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                String name = split.traces().get(i);
                boolean regular = !name.equals(TraceFileReader.STDIN) && Files.isRegularFile(Path.of(name));
                slots[i] = options.threads() > 1 && regular ? ahead.size() : -1;
                if (slots[i] >= 0) {
                    ahead.add(Path.of(name));
                }
            }
            try (FilesAhead files = ahead.size() > 1
                    ? new FilesAhead(ahead, spans, summary, cancelled, options.threads()) : null) {
                for (int i = 0; i < slots.length; i++) {
                    if (cancelled.getAsBoolean()) {
                        update(statuses, i, s -> s.with(SourceState.CANCELLED, s.fraction(), s.items(), s.problems(),
                                s.format()));
                        continue;
                    }
                    if (files != null && slots[i] >= 0) {
                        reports.add(readAhead(files, slots[i], statuses, i, spans));
                        continue;
                    }
                    spans.source(statuses.get(i).name());
                    reports.add(readTraces(reader, summary, statuses, i, spans));
                }
            }
            return reports;
        }, options.maxOpenSpans(), redactor, options.threads(), listeners(discovery, discovery, samples, quality));

        List<Problem> logProblems = new ArrayList<>();
        CapsuleAccumulator capsules = LinkedCapsules.linkedTo(discovery, options.clock(), redactor,
                options.maxLogServices(), options.maxTemplates(), options.threads());
        LogFileReader logReader = LogFileReader.withThreads(both(capsules, quality),
                problem -> logProblems.add(redactor.redact(problem)), options.threads());
        for (int i = 0; i < split.logs().size(); i++) {
            int index = split.traces().size() + i;
            if (cancelled.getAsBoolean()) {
                update(statuses, index, s -> s.with(SourceState.CANCELLED, s.fraction(), s.items(), s.problems(), s.format()));
                continue;
            }
            readLogs(logReader, capsules, logProblems, split.logs().get(i), statuses, index);
        }
        return finish(ingestion, discovery, samples, capsules, logProblems, statuses, split.logs(), redactor, quality);
    }

    /** Log events to the capsules and to the quality measurement. */
    private static LogSink both(CapsuleAccumulator capsules, DataQuality quality) {
        return new LogSink() {
            @Override
            public void accept(LogEvent event) {
                quality.accept(event);
                capsules.accept(event);
            }

            @Override
            public void sourceWritten(String source, long epochMillis) {
                capsules.sourceWritten(source, epochMillis);
            }
        };
    }

    /** The bundled demo shop: two weeks of generated traffic with its logs, {@code scale} times the default rate. */
    public Analysis demo(double scale) {
        List<SourceStatus> statuses = new ArrayList<>(List.of(
                new SourceStatus("demo shop", "generated", "traces + logs", SourceState.READING, -1, 0, 0)));
        listener.source(0, statuses.get(0));
        JourneyDiscovery discovery = new JourneyDiscovery(options.maxJourneys());
        SampleTraces samples = new SampleTraces(discovery);
        DataQuality quality = new DataQuality(samples::keepEvidence);
        List<LogEvent> logs = new ArrayList<>();
        Ingestion.Result ingestion = Ingestion.runDemoWithLogs(scale, options.maxOpenSpans(),
                log -> logs.add(DemoLogs.event(log)), listeners(discovery, discovery, samples, quality));
        CapsuleAccumulator capsules = LinkedCapsules.linkedTo(discovery, options.clock(), new Redactor(),
                options.maxLogServices(), options.maxTemplates(), options.threads());
        logs.forEach(both(capsules, quality)::accept);
        update(statuses, 0, s -> s.with(SourceState.DONE, 1, ingestion.summary().spans() + logs.size(), 0, s.format()));
        return finish(ingestion, discovery, samples, capsules, List.of(), statuses, List.of(), new Redactor(), quality);
    }

    /**
     * What the analysis's own bounds cut, as problems with counts and what to raise: nothing is lost without a word.
     */
    static List<Problem> losses(IngestSummary.Snapshot summary, JourneyDiscovery.JourneyReport report,
            JourneyDiscovery discovery, CapsuleAccumulator capsules, int maxOpenSpans) {
        List<Problem> out = new ArrayList<>();
        if (discovery.overflowTraces() > 0) {
            out.add(new Problem("journeys", "", discovery.overflowTraces() + " traces of "
                    + (discovery.overflowJourneys() >= 100_000 ? "100,000 or more" : discovery.overflowJourneys())
                    + " further journeys were not analysed: at most " + discovery.maxJourneys()
                    + " journeys are told apart (raise --max-journeys; many journeys often mean ids in span names)"));
        }
        if (discovery.spansOfOtherServices() > 0) {
            out.add(new Problem("journeys", "", discovery.spansOfOtherServices() + " spans of services beyond the "
                    + "first " + JourneyDiscovery.maxServicesPerJourney() + " of their journey were counted as \""
                    + JourneyDiscovery.OTHER_SERVICES + "\" in its services and call "
                    + "edges (many services often mean an instance id in service.name)"));
        }
        var assembly = summary.assembly();
        if (assembly.droppedSpans() > 0) {
            out.add(new Problem("traces", "", assembly.droppedSpans() + " spans dropped: a trace keeps at most "
                    + dev.sloscout.engine.trace.AssemblySettings.DEFAULTS.maxSpansPerTrace()
                    + " spans, and the traces above it were analysed without the rest"));
        }
        if (assembly.evictedTraces() > 0) {
            out.add(new Problem("traces", "", assembly.evictedTraces() + " traces closed early to keep at most "
                    + maxOpenSpans + " spans in memory; their later spans were analysed as separate parts "
                    + "(raise --max-open-spans)"));
        }
        report.histories().entrySet().stream().filter(e -> e.getValue().dropped() > 0)
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.add(new Problem("journey " + e.getKey(), "", e.getValue().dropped()
                        + " requests fell outside the year of history kept from its first request and are not in "
                        + "its SLO history (are some timestamps wrong?)")));
        if (capsules.overflowEvents() > 0) {
            out.add(new Problem("logs", "", capsules.overflowEvents() + " log events of "
                    + capsules.overflowServices() + " services beyond the first " + capsules.maxServices()
                    + " were mined together as \"" + CapsuleAccumulator.OTHER_SERVICES + "\" (raise "
                    + "--max-log-services; many services often mean an id in the service field)"));
        }
        java.util.Map<String, Long> beyond = capsules.templateOverflow();
        if (!beyond.isEmpty()) {
            long events = beyond.values().stream().mapToLong(Long::longValue).sum();
            List<String> named = beyond.keySet().stream().limit(5).toList();
            out.add(new Problem("logs", "", events + " log events of " + beyond.size()
                    + (beyond.size() == 1 ? " service" : " services") + " (" + String.join(", ", named)
                    + (beyond.size() > named.size() ? ", ..." : "") + ") that fit none of the first "
                    + capsules.maxTemplates() + " templates were counted as \"" + TemplateMiner.OVERFLOW_TEXT
                    + "\" (raise --max-templates; many templates often mean ids or free text the masks miss)"));
        }
        return List.copyOf(out);
    }

    /** The SLOs the bundle exports: each journey's balanced availability and latency SLO, as the options say. */
    public List<ExportedSlo> slos(Analysis analysis) {
        return analysis.withDataQuality(ArtifactBundle.definitions(analysis.journeys(), analysis.candidates(),
                options.export()));
    }

    private Analysis finish(Ingestion.Result ingestion, JourneyDiscovery discovery, SampleTraces samples,
            CapsuleAccumulator capsules, List<Problem> logProblems, List<SourceStatus> statuses, List<Path> logFiles,
            Redactor redactor, DataQuality quality) {
        JourneyDiscovery.JourneyReport report = discovery.build();
        IngestSummary.Snapshot summary = ingestion.summary();
        List<Problem> losses = losses(summary, report, discovery, capsules, options.maxOpenSpans());
        List<Problem> problems = new ArrayList<>(summary.problems());
        problems.addAll(logProblems);
        problems.addAll(losses);
        List<Capsule> kept = capsules.capsules();
        java.util.Map<String, List<String>> unlinked = new java.util.TreeMap<>();
        kept.stream().filter(c -> c.journeys().isEmpty()).forEach(c -> unlinked.computeIfAbsent(c.service(),
                s -> new ArrayList<>()).add(c.id()));
        return new Analysis(List.copyOf(statuses), summary, report, new SliCatalog(options.profiles()).candidates(report),
                kept, capsules.events(), samples.traces(), List.copyOf(problems), cancelled.getAsBoolean(),
                java.util.Map.of(), ingestion.sources(), logFiles.stream().map(Path::toString).toList(),
                List.copyOf(logProblems), redactor.redactions().snapshot(), losses, quality.report(unlinked),
                capsules.placedTimes());
    }

    /**
     * Reads one trace source, its status saying how far: the fraction of its bytes read and the spans handed on so
     * far (counted at the gate, on this thread; the reader's own count replaces it when the file is done).
     */
    private SourceReport readTraces(TraceFileReader reader, IngestSummary summary, List<SourceStatus> statuses, int i,
            SpanGate gate) {
        if (statuses.get(i).name().equals(TraceFileReader.STDIN)) {
            update(statuses, i, s -> s.with(SourceState.READING, -1, s.items(), s.problems(), s.format()));
            SourceReport report = reader.read(List.of(TraceFileReader.STDIN)).get(0);
            update(statuses, i, s -> s.with(endState(report), 1, report.spans(), report.rejected(), formatOf(report)));
            return report;
        }
        Path file = Path.of(statuses.get(i).name());
        if (!Inputs.isReadable(file)) {
            SourceReport report = reader.read(file);
            update(statuses, i, s -> s.with(SourceState.FAILED, 0, 0, report.rejected(), s.format()));
            return report;
        }
        long size = size(file);
        long before = gate.spansHandedOn();
        update(statuses, i, s -> s.with(SourceState.READING, 0, s.items(), s.problems(), s.format())); // before 1 MB
        try (InputStream in = new CountingInputStream(Inputs.open(file), read -> update(statuses, i,
                s -> s.with(SourceState.READING, fraction(read, size), gate.spansHandedOn() - before, s.problems(),
                        s.format())))) {
            return finished(reader.read(file.toString(), in), statuses, i);
        } catch (IOException e) {
            summary.report(new Problem(file.toString(), "", "cannot open: " + e.getMessage()));
            update(statuses, i, s -> s.with(SourceState.FAILED, 0, 0, 1, s.format()));
            return new SourceReport(file.toString(), null, 0, 1);
        }
    }

    /** A trace file read ahead on a thread of its own: its spans and problems handed over now, in order. */
    private SourceReport readAhead(FilesAhead files, int slot, List<SourceStatus> statuses, int i, SpanGate gate) {
        long size = size(Path.of(statuses.get(i).name()));
        long before = gate.spansHandedOn();
        update(statuses, i, s -> s.with(SourceState.READING, 0, s.items(), s.problems(), s.format()));
        SourceReport report = files.drain(slot, read -> update(statuses, i, s -> s.with(SourceState.READING,
                fraction(read, size), gate.spansHandedOn() - before, s.problems(), s.format())));
        return finished(report, statuses, i);
    }

    /** The source's final status from its report (cancelled, unrecognised, with problems, or done). */
    private SourceReport finished(SourceReport report, List<SourceStatus> statuses, int i) {
        SourceState state = cancelled.getAsBoolean() ? SourceState.CANCELLED : endState(report);
        update(statuses, i, s -> s.with(state, 1, report.spans(), report.rejected(), formatOf(report)));
        return report;
    }

    /** How a trace source that was read to its end ended, by its report: unrecognised, with problems, or done. */
    static SourceState endState(SourceReport report) {
        return report.format() == null ? SourceState.FAILED
                : report.rejected() > 0 ? SourceState.PROBLEMS : SourceState.DONE;
    }

    /** The format a trace source was read as, for its status. */
    static String formatOf(SourceReport report) {
        return report.format() == null ? "unrecognised" : report.format().displayName();
    }

    private void readLogs(LogFileReader reader, CapsuleAccumulator capsules, List<Problem> problems, Path file,
            List<SourceStatus> statuses, int index) {
        long size = size(file);
        try {
            capsules.sourceWritten(file.toString(), Inputs.lastModifiedMillis(file));
        } catch (IOException unknown) {
            // opening it below says what is wrong
        }
        long eventsBefore = capsules.events();
        int problemsBefore = problems.size();
        update(statuses, index, s -> s.with(SourceState.READING, 0, 0, s.problems(), s.format()));
        try (InputStream in = new CountingInputStream(Inputs.open(file), read -> update(statuses, index,
                s -> s.with(SourceState.READING, fraction(read, size), capsules.events() - eventsBefore, s.problems(),
                        "log lines")))) {
            reader.read(file.toString(), in);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "", "cannot open: " + e.getMessage()));
        }
        int found = problems.size() - problemsBefore;
        long events = capsules.events() - eventsBefore;
        listener.logsRead(file, events, capsules::capsules);
        SourceState state = events == 0 && found > 0 ? SourceState.FAILED : found > 0 ? SourceState.PROBLEMS : SourceState.DONE;
        update(statuses, index, s -> s.with(state, 1, events, found, "log lines"));
    }

    private void update(List<SourceStatus> statuses, int i, java.util.function.UnaryOperator<SourceStatus> change) {
        statuses.set(i, change.apply(statuses.get(i)));
        listener.source(i, statuses.get(i));
    }

    private static long size(Path file) {
        return Inputs.size(file);
    }

    /** The fraction of a source read, or -1 when its size is unknown. */
    static double fraction(long read, long size) {
        return size <= 0 ? -1 : Math.min(1, (double) read / size);
    }

}
