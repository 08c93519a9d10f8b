package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.journey.JourneyState;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.slo.HistoryRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 3: traces' journey states, partitioned by journey, added up per journey (counts and latency histograms
 * exactly) in a key-value store, and their requests counted per five-minute window in a window store (a year and a
 * day kept). Every {@code emitEvery} of stream time (or of wall-clock time when the input goes quiet) the journeys
 * and windows that changed go out as snapshots: {@link #SNAPSHOT} to the journeys topic, {@link #WINDOW} to the
 * history topic, {@link #CANDIDATE} (at most once a minute per journey) the journey's SLI candidates with proposals
 * from its last four weeks, {@link AssemblyStage#STATUS} for what this stage counted. After a restart or a move to another
 * instance, everything the partition holds is written once more.
 */
final class JourneyStage implements Processor<String, byte[], String, byte[]> {
    static final byte SNAPSHOT = 'J';
    static final byte WINDOW = 'H';
    static final byte CANDIDATE = 'C';
    /** SLI candidates of a journey are written at most this often (they read four weeks of its windows). */
    static final Duration CANDIDATES_EVERY = Duration.ofMinutes(1);
    /** The history SLI candidates are proposed from: the four weeks up to the journey's latest window. */
    static final Duration CANDIDATE_HISTORY = Duration.ofDays(28);
    static final String JOURNEYS = "journeys";
    static final String HISTORY = "journey-history";
    static final String COUNTERS = "journey-counters";
    static final Duration RETENTION = HistoryRecorder.WINDOW.multipliedBy(HistoryRecorder.MAX_WINDOWS)
            .plusDays(1);
    /** A window this far ahead of the clock is refused: it would push the window store's time past what it keeps. */
    static final Duration FUTURE = Duration.ofDays(1);
    /** New names go at the end: counts are stored by position. */
    static final List<String> COUNTER_NAMES = List.of("traces", "futureWindows", "journeys", "overflowTraces");

    private final Duration emitEvery;
    private final SliCatalog catalog;
    /** When each journey's SLI candidates were last written (wall clock), in memory: a restart writes them again. */
    private final java.util.Map<String, Long> candidatesWritten = new java.util.HashMap<>();
    /** Journeys changed since their SLI candidates were last written. */
    private final Set<String> candidatesBehind = new LinkedHashSet<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> journeys;
    private WindowStore<String, byte[]> history;
    private Counters counters;
    private final Set<String> changedJourneys = new LinkedHashSet<>();
    private final Set<KeyValue<String, Long>> changedWindows = new LinkedHashSet<>();
    private boolean emitAll = true;

    private final int maxJourneys;

    JourneyStage(Duration emitEvery, List<MetricsProfile> profiles, int maxJourneys) {
        this.emitEvery = emitEvery;
        this.maxJourneys = maxJourneys;
        this.catalog = new SliCatalog(profiles);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.journeys = context.getStateStore(JOURNEYS);
        this.history = context.getStateStore(HISTORY);
        this.counters = new Counters(context.getStateStore(COUNTERS), COUNTER_NAMES);
        Stages.every(context, emitEvery, now -> emit());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Contribution part = Contribution.decode(record.value());
        byte[] known = journeys.get(record.key());
        if (known == null && counters.get("journeys") >= maxJourneys) {
            counters.add("overflowTraces", part.state().traces()); // counted, said by readers, not kept
            counters.save();
            return;
        }
        if (known == null) {
            counters.add("journeys", 1);
        }
        JourneyState state = known == null ? part.state() : JourneyState.decode(known).merge(part.state());
        journeys.put(record.key(), state.encode());
        changedJourneys.add(record.key());
        counters.add("traces", part.state().traces());
        long horizon = context.currentSystemTimeMs() + FUTURE.toMillis();
        part.windows().forEach((index, counts) -> {
            long start = index * HistoryRecorder.WINDOW.toMillis();
            if (start > horizon) {
                counters.add("futureWindows", counts[0]);
                return;
            }
            byte[] before = history.fetch(record.key(), start);
            history.put(record.key(), add(before, counts), start);
            changedWindows.add(KeyValue.pair(record.key(), index));
        });
        counters.save();
    }

    private void emit() {
        long now = Stages.now(context);
        if (emitAll) {
            try (KeyValueIterator<String, byte[]> all = journeys.all()) {
                all.forEachRemaining(entry -> changedJourneys.add(entry.key));
            }
            try (KeyValueIterator<Windowed<String>, byte[]> all = history.all()) {
                all.forEachRemaining(entry -> changedWindows.add(KeyValue.pair(entry.key.key(),
                        entry.key.window().start() / HistoryRecorder.WINDOW.toMillis())));
            }
            emitAll = false;
        }
        long wall = context.currentSystemTimeMs();
        for (String key : changedJourneys) {
            byte[] state = journeys.get(key);
            if (state != null) {
                JourneyState journey = JourneyState.decode(state);
                context.forward(new Record<>(journey.id(), Stages.tagged(SNAPSHOT, Snapshots.journey(journey)),
                        now));
                candidatesBehind.add(key);
            }
        }
        for (java.util.Iterator<String> behind = candidatesBehind.iterator(); behind.hasNext(); ) {
            String key = behind.next();
            Long written = candidatesWritten.get(key);
            byte[] state = journeys.get(key);
            if (state == null || written != null && wall - written < CANDIDATES_EVERY.toMillis()) {
                continue; // written a moment ago: these wait for a later emission
            }
            behind.remove();
            candidatesWritten.put(key, wall);
            for (SliCandidate candidate : candidates(JourneyState.decode(state))) {
                context.forward(new Record<>(candidate.id(), Stages.tagged(CANDIDATE,
                        Snapshots.candidate(candidate)), now));
            }
        }
        for (KeyValue<String, Long> window : changedWindows) {
            byte[] counts = history.fetch(window.key, window.value * HistoryRecorder.WINDOW.toMillis());
            if (counts != null) {
                context.forward(new Record<>(Snapshots.windowKey(dev.sloscout.engine.journey.JourneyDiscovery.idOf(
                        window.key), window.value), Stages.tagged(WINDOW, Snapshots.window(window.key,
                        window.value, Stages.longs(counts))), now));
            }
        }
        changedJourneys.clear();
        changedWindows.clear();
        context.forward(new Record<>("journeys-" + context.taskId().partition(), Stages.tagged(
                AssemblyStage.STATUS, Snapshots.status("journeys", context.taskId().partition(),
                        counters.snapshot())), now));
    }

    /**
     * The journey's SLI candidates as the catalog proposes them from its last four weeks of windows. Named from
     * this journey alone: a journey told apart by its calls may be named differently by a reader that sees all.
     */
    private List<SliCandidate> candidates(JourneyState journey) {
        long latest = -1;
        try (WindowStoreIterator<byte[]> last = history.backwardFetch(journey.key(), 0L, Long.MAX_VALUE)) {
            if (last.hasNext()) {
                latest = last.next().key;
            }
        }
        HistoryRecorder recorder = new HistoryRecorder();
        if (latest >= 0) {
            try (WindowStoreIterator<byte[]> windows = history.fetch(journey.key(),
                    Math.max(0, latest - CANDIDATE_HISTORY.toMillis()), latest)) {
                windows.forEachRemaining(w -> recorder.add(w.key / HistoryRecorder.WINDOW.toMillis(),
                        Stages.longs(w.value)));
            }
        }
        return catalog.candidates(JourneyDiscovery.report(List.of(journey), java.util.Map.of(journey.key(),
                recorder), 0));
    }

    private static byte[] add(byte[] before, long[] counts) {
        long[] sum = before == null ? new long[counts.length] : Stages.longs(before);
        for (int i = 0; i < counts.length; i++) {
            sum[i] += counts[i];
        }
        return Stages.bytes(sum);
    }

    /** A closed trace's journey state and the history windows of its request, as stage 2 hands them on. */
    record Contribution(JourneyState state, Map<Long, long[]> windows) {
        static Contribution decode(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int count = in.readInt();
                Map<Long, long[]> windows = new java.util.TreeMap<>();
                for (int w = 0; w < count; w++) {
                    long index = in.readLong();
                    long[] counts = new long[HistoryRecorder.COLUMNS];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = in.readLong();
                    }
                    windows.put(index, counts);
                }
                return new Contribution(JourneyState.decode(in.readAllBytes()), windows);
            } catch (IOException e) {
                throw new IllegalArgumentException("not a journey contribution: " + e.getMessage(), e);
            }
        }
    }

    static byte[] contribution(JourneyState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<Long, long[]> windows = state.history().windows();
            out.writeInt(windows.size());
            for (Map.Entry<Long, long[]> window : windows.entrySet()) {
                out.writeLong(window.getKey());
                for (long count : window.getValue()) {
                    out.writeLong(count);
                }
            }
            out.write(state.encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
