package dev.sloscout.pipeline.live;

import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.LinkedCapsules;
import dev.sloscout.pipeline.SampleTraces;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.ingest.SpanGate;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The analysis of live sources: one pipeline thread drains every (unpaused) source into one trace assembler, journey
 * discovery and capsule accumulator, closes traces that went quiet, and every {@code snapshotEvery} publishes a new
 * {@link Analysis} (journeys, SLI candidates, capsules) if anything arrived: views update in batches, never per span.
 */
public final class LiveSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    static final int DRAIN_PER_SOURCE = 5_000;
    static final int MAX_PROBLEMS = 1_000;

    private final List<MetricsProfile> profiles;
    private final Duration snapshotEvery;
    private final Duration quiet;
    private final Consumer<Analysis> published;
    private final List<LiveSource> sources = new CopyOnWriteArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Thread pipeline;
    private volatile boolean stopping;

    // owned by the pipeline thread
    private final Redactor redactor = new Redactor();
    private final IngestSummary summary = new IngestSummary(redactor);
    private final JourneyDiscovery discovery = new JourneyDiscovery();
    private final SampleTraces samples = new SampleTraces(discovery);
    private final TraceAssembler assembler;
    private final SpanGate redactedSpans;
    private final CapsuleAccumulator capsules;
    /** Per source, the bare lines its records are (a collector's, a shipper's) folded before mining. */
    private final Map<LiveSource, LogFileReader.LineFolding> folding = new HashMap<>();
    private final java.time.Clock clock;
    private final Deque<long[]> ticks = new ArrayDeque<>(); // (millis, tick) samples, for quiet-time expiry
    private long tracesClosed;
    private long lastMetricRounds;

    /**
     * @param quiet     a trace with no new span for this long is complete
     * @param published gets each snapshot, on the pipeline thread
     */
    public LiveSession(List<MetricsProfile> profiles, Duration snapshotEvery, Duration quiet, Consumer<Analysis> published) {
        this(profiles, snapshotEvery, quiet, published, java.time.Clock.systemUTC());
    }

    /**
     * @param clock where the session's time comes from: snapshots every {@code snapshotEvery} and the quiet time are
     *              measured on it (tests move it forward instead of waiting)
     */
    public LiveSession(List<MetricsProfile> profiles, Duration snapshotEvery, Duration quiet, Consumer<Analysis> published,
                       java.time.Clock clock) {
        this.clock = clock;
        this.capsules = LinkedCapsules.linkedTo(discovery, clock, redactor);
        this.profiles = List.copyOf(profiles);
        this.snapshotEvery = snapshotEvery;
        this.quiet = quiet;
        this.published = published;
        this.assembler = new TraceAssembler(AssemblySettings.DEFAULTS, (Trace trace) -> {
            tracesClosed++;
            summary.onTrace(trace);
            discovery.onTrace(trace);
            samples.onTrace(trace);
        });
        this.redactedSpans = new SpanGate(redactor, assembler, problemSink()::accept);
        pipeline = new Thread(this::run, "live-pipeline");
        pipeline.setDaemon(true);
        pipeline.start();
    }

    /** Starts a source and adds it; throws (and adds nothing) when it cannot start. */
    public void add(LiveSource source) throws Exception {
        source.start();
        sources.add(source);
    }

    public void remove(LiveSource source) {
        sources.remove(source);
        source.close();
    }

    public List<LiveSource> sources() {
        return List.copyOf(sources);
    }

    /** Problems reported by the sources (bounded); the snapshot carries them too. */
    public Consumer<Problem> problemSink() {
        return problem -> {
            synchronized (problems) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(redactor.redact(problem));
                }
            }
        };
    }

    private void run() {
        long lastSnapshot = clock.millis();
        long closedAtSnapshot = 0;
        boolean dirty = false;
        while (!stopping) {
            int moved = 0;
            for (LiveSource source : sources) {
                if (!source.paused()) {
                    try {
                        redactedSpans.source(source.name());
                        moved += source.drain(redactedSpans, foldingOf(source), DRAIN_PER_SOURCE);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: draining failed: {}", source.name(), e.toString());
                    }
                }
            }
            dirty |= moved > 0;
            long now = clock.millis();
            tickClock(now);
            if (now - lastSnapshot >= snapshotEvery.toMillis()) {
                expireQuiet(now);
                long metricRounds = sources.stream().mapToLong(s -> s.kind().equals("prometheus") ? s.received() : 0).sum();
                if (dirty || tracesClosed != closedAtSnapshot || metricRounds != lastMetricRounds) {
                    lastMetricRounds = metricRounds;
                    publish();
                    dirty = false;
                    closedAtSnapshot = tracesClosed;
                }
                lastSnapshot = now;
            }
            if (moved == 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private LogFileReader.LineFolding foldingOf(LiveSource source) {
        return folding.computeIfAbsent(source, s -> new LogFileReader(capsules, problemSink()::accept)
                .folding(s.name()));
    }

    private void tickClock(long now) {
        if (ticks.isEmpty() || now - ticks.peekLast()[0] >= 250) {
            ticks.addLast(new long[] {now, assembler.tick()});
        }
        // keep one sample older than the quiet time (the one expiry uses), drop the ones before it
        while (ticks.size() > 1) {
            java.util.Iterator<long[]> it = ticks.iterator();
            it.next();
            if (now - it.next()[0] < quiet.toMillis()) {
                break;
            }
            ticks.pollFirst();
        }
    }

    /** Closes traces untouched since the input position of {@code quiet} ago. */
    private void expireQuiet(long now) {
        long[] before = null;
        for (long[] sample : ticks) {
            if (now - sample[0] >= quiet.toMillis()) {
                before = sample;
            }
        }
        if (before != null) {
            assembler.expireUntouchedSince(before[1]);
            // with nothing moving, what waits for a root after a quiet time is as complete as it gets
            assembler.closeRootlessUntouchedSince(before[1]);
        }
    }

    private void publish() {
        // what is being folded ends here: a stack trace cut by a snapshot is two events rather than one shown late
        folding.values().forEach(LogFileReader.LineFolding::flush);
        folding.keySet().retainAll(sources);
        JourneyDiscovery.JourneyReport live = discovery.build();
        Map<String, HistoryRecorder> copies = new HashMap<>();
        live.histories().forEach((id, recorder) -> copies.put(id, recorder.copy()));
        JourneyDiscovery.JourneyReport report = new JourneyDiscovery.JourneyReport(live.journeys(), live.assignedTraces(),
                live.partialTraces(), live.tracesWithOrphans(), Map.copyOf(copies));
        List<Problem> seen;
        synchronized (problems) {
            seen = List.copyOf(problems);
        }
        IngestSummary.Snapshot snapshot = summary.snapshot(assembler.stats());
        List<Pipeline.SourceStatus> statuses = sources.stream().map(s -> new Pipeline.SourceStatus(s.name(), s.kind(),
                s.state(), Pipeline.SourceState.READING, -1, s.received(), s.errors())).toList();
        List<dev.sloscout.engine.sli.SliCandidate> candidates = new ArrayList<>(new SliCatalog(profiles).candidates(report));
        Map<String, dev.sloscout.engine.slo.History> metricHistories = new HashMap<>();
        for (LiveSource s : sources) {
            s.sliCandidates().forEach((candidate, history) -> {
                candidates.add(candidate);
                metricHistories.put(candidate.id(), history);
            });
        }
        published.accept(new Analysis(statuses, snapshot, report, List.copyOf(candidates), capsules.capsules(),
                capsules.events(), samples.traces(), seen, false, Map.copyOf(metricHistories), List.of(), List.of(),
                List.of(), redactor.redactions().snapshot(), List.of()));
    }

    @Override
    public void close() {
        stopping = true;
        pipeline.interrupt();
        try {
            pipeline.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sources.forEach(LiveSource::close);
        sources.clear();
    }
}
