package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.journey.JourneyState;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanCodec;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.trace.AssemblySettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 2: spans, partitioned by trace id, assembled into traces in state stores (so a partition's open traces move
 * with it when an instance fails), closed by the file path's rules on time instead of span counts: a trace whose root
 * arrived closes once no span came for it in {@code idle} of stream time (record time: the newest record this task
 * has seen is that much newer than the trace's latest span), one without a root after {@code rootWait} (as evicted).
 * When the input goes quiet (no span at all for {@code rootWait} by the clock: a failover stalls part of the input
 * for a while) the traces close without waiting for newer records. Exact duplicates are counted once, also after their trace closed (within {@code rootWait}); a span for a
 * closed trace opens a late part, which journeys count as partial. Each closed trace goes on as its journey's state
 * with one trace in it, keyed by journey, tagged {@link #JOURNEY}; what the stage counted goes out as a status
 * record, tagged {@link #STATUS}.
 *
 * <p>Record times from different input partitions meet here out of order: a trace whose spans are spread over
 * partitions that are read at different paces (a backlog, one partition far behind another) is cut in two when the
 * distance exceeds {@code idle}; its second part is counted (late spans, partial traces), never lost silently.
 */
final class AssemblyStage implements Processor<byte[], byte[], String, byte[]> {
    static final byte JOURNEY = 'J';
    static final byte STATUS = 'S';
    static final String TRACES = "open-traces";
    static final String SPANS = "open-spans";
    static final String COUNTERS = "assembly-counters";
    static final List<String> COUNTER_NAMES = List.of("spans", "duplicateSpans", "droppedSpans", "lateSpans",
            "closedTraces", "evictedTraces", "partialTraces");

    private final Duration idle;
    private final Duration rootWait;
    private final int maxSpansPerTrace = AssemblySettings.DEFAULTS.maxSpansPerTrace();
    private final JourneyDiscovery assigner = new JourneyDiscovery();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<Bytes, byte[]> traces;
    private KeyValueStore<Bytes, byte[]> spans;
    private Counters counters;
    /**
     * The partition's traces by the time of their latest span (record time), open rooted ones apart from the rest
     * (rootless ones, and closed ones remembered for duplicates): the traces due to close are at the head, so a
     * punctuation touches only those. Rebuilt from the store when the task starts.
     */
    private final java.util.TreeSet<Due> rooted = new java.util.TreeSet<>();
    private final java.util.TreeSet<Due> waiting = new java.util.TreeSet<>();
    private final java.util.HashMap<Bytes, Due> indexed = new java.util.HashMap<>();
    /** When this task last processed a span (wall clock): a quiet input closes traces by the clock instead. */
    private long lastActivityMs = UNKNOWN;
    private static final long UNKNOWN = Long.MIN_VALUE;

    /** A trace in the index: the record time of its latest span. */
    private record Due(long at, Bytes key) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : key.compareTo(other.key);
        }
    }

    AssemblyStage(Duration idle, Duration rootWait) {
        this.idle = idle;
        this.rootWait = rootWait;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.traces = context.getStateStore(TRACES);
        this.spans = context.getStateStore(SPANS);
        this.counters = new Counters(context.getStateStore(COUNTERS), COUNTER_NAMES);
        index();
        Duration every = idle.dividedBy(4).compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250)
                : idle.dividedBy(4);
        Stages.every(context, every, now -> closeIdle());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Span span = SpanCodec.decode(record.value());
        Bytes traceKey = Bytes.wrap(record.key());
        long fingerprint = Spans.identityFingerprint(span);
        counters.add("spans", 1);
        OpenTrace trace = OpenTrace.read(traces.get(traceKey));
        if (trace != null && trace.closed) {
            if (Arrays.binarySearch(trace.fingerprints, fingerprint) >= 0) {
                counters.add("duplicateSpans", 1);
                counters.save();
                return;
            }
            trace = OpenTrace.latePartOf(trace); // its spans are counted as a late part
        } else if (trace == null) {
            trace = new OpenTrace();
        }
        Bytes spanKey = spanKey(record.key(), fingerprint);
        if (spans.get(spanKey) != null || trace.latePart && Arrays.binarySearch(trace.fingerprints, fingerprint) >= 0) {
            counters.add("duplicateSpans", 1);
        } else if (trace.spans >= maxSpansPerTrace) {
            counters.add("droppedSpans", 1);
        } else {
            spans.put(spanKey, ByteBuffer.allocate(Long.BYTES + record.value().length).putLong(trace.nextSeq)
                    .put(record.value()).array());
            trace.nextSeq++;
            trace.spans++;
            trace.rooted |= span.isRoot();
            if (trace.latePart) {
                counters.add("lateSpans", 1);
            }
        }
        trace.lastStreamMs = Math.max(trace.lastStreamMs, record.timestamp());
        lastActivityMs = context.currentSystemTimeMs();
        traces.put(traceKey, trace.bytes());
        touched(traceKey, trace);
        counters.save();
    }

    private void touched(Bytes key, OpenTrace trace) {
        forget(key);
        Due due = new Due(trace.lastStreamMs, key);
        indexed.put(key, due);
        (trace.closed || !trace.rooted ? waiting : rooted).add(due);
    }

    private void forget(Bytes key) {
        Due before = indexed.remove(key);
        if (before != null) {
            rooted.remove(before);
            waiting.remove(before);
        }
    }

    /** Rebuilds the in-memory index from the store (a partition taken over, or an instance restarted). */
    private void index() {
        try (KeyValueIterator<Bytes, byte[]> it = traces.all()) {
            it.forEachRemaining(entry -> touched(entry.key, OpenTrace.read(entry.value)));
        }
        // not the context's clock here: in init() it can still read 0, and a task taken over in a failover then
        // looked quiet for 56 years at its first punctuation and closed the traces it had just restored
        lastActivityMs = UNKNOWN;
    }

    /**
     * The head of {@code order} as long as its traces have been quiet for {@code wait}: in stream time (no span for
     * them in records that much newer), or all of them once the task has had no span at all for that long.
     */
    private static List<Bytes> quiet(java.util.TreeSet<Due> order, Duration wait, long stream, boolean inputQuiet) {
        List<Bytes> due = new ArrayList<>();
        for (Due entry : order) {
            if (!inputQuiet && stream - entry.at() < wait.toMillis()) {
                break;
            }
            due.add(entry.key());
        }
        return due;
    }

    /** Closes the traces that are done, forgets closed ones past {@code rootWait}, and says what was counted. */
    private void closeIdle() {
        long stream = context.currentStreamTimeMs();
        long wall = context.currentSystemTimeMs();
        if (lastActivityMs == UNKNOWN) {
            lastActivityMs = wall; // the quiet time counts from the task's first punctuation
        }
        // an input quiet by the clock may only be stalled (a failover moving partitions): wait as long as for a root
        boolean inputQuiet = wall - lastActivityMs >= rootWait.toMillis();
        List<Bytes> due = quiet(rooted, idle, stream, inputQuiet);
        due.addAll(quiet(waiting, rootWait, stream, inputQuiet));
        // traces closing together are added up per journey here, so stage 3 gets one state per journey and
        // punctuation, not one per trace
        java.util.Map<String, JourneyState> closed = new java.util.LinkedHashMap<>();
        for (Bytes key : due) {
            OpenTrace trace = OpenTrace.read(traces.get(key));
            forget(key);
            if (trace == null) {
                continue;
            }
            if (trace.closed) {
                traces.delete(key);
            } else {
                JourneyState journey = close(key, trace, trace.rooted ? Trace.Completion.ROOT_IDLE
                        : Trace.Completion.EVICTED);
                if (journey != null) {
                    closed.merge(journey.key(), journey, JourneyState::merge);
                }
            }
        }
        closed.forEach((journeyKey, journey) -> context.forward(new Record<>(journeyKey, Stages.tagged(JOURNEY,
                JourneyStage.contribution(journey)), Stages.now(context))));
        if (!due.isEmpty()) {
            counters.save();
        }
        context.forward(new Record<>("assembly-" + context.taskId().partition(), Stages.tagged(STATUS,
                Snapshots.status("assembly", context.taskId().partition(), counters.snapshot())), Stages.now(context)));
    }

    /** Closes a trace: its spans leave the store, its fingerprints stay for a while; its journey state, or null. */
    private JourneyState close(Bytes traceKey, OpenTrace trace, Trace.Completion completion) {
        java.util.TreeMap<Long, Span> bySeq = new java.util.TreeMap<>(); // in the order they arrived
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = spans.prefixScan(traceKey, new BytesSerializer())) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                bySeq.put(ByteBuffer.wrap(entry.value).getLong(),
                        SpanCodec.decode(Arrays.copyOfRange(entry.value, Long.BYTES, entry.value.length)));
                keys.add(entry.key);
            }
        }
        keys.forEach(spans::delete);
        List<Span> arrived = new ArrayList<>(bySeq.values());
        long[] fingerprints = new long[trace.fingerprints.length + arrived.size()];
        System.arraycopy(trace.fingerprints, 0, fingerprints, 0, trace.fingerprints.length);
        for (int i = 0; i < arrived.size(); i++) {
            fingerprints[trace.fingerprints.length + i] = Spans.identityFingerprint(arrived.get(i));
        }
        Arrays.sort(fingerprints);
        OpenTrace marker = OpenTrace.closed(fingerprints, context.currentStreamTimeMs());
        traces.put(traceKey, marker.bytes());
        touched(traceKey, marker);
        counters.add("closedTraces", 1);
        if (completion == Trace.Completion.EVICTED) {
            counters.add("evictedTraces", 1);
        }
        if (arrived.isEmpty()) {
            return null;
        }
        TraceId id = arrived.get(0).traceId();
        Trace assembled = new Trace(id, arrived, trace.latePart ? Trace.Completion.LATE_PART : completion);
        JourneyState journey = assigner.single(assembled);
        if (journey == null) {
            counters.add("partialTraces", 1);
        }
        return journey;
    }

    /** The time of records a punctuation makes: stream time, or the clock's before the task saw a record. */
    static long now(ProcessorContext<?, ?> context) {
        long stream = context.currentStreamTimeMs();
        return stream >= 0 ? stream : context.currentSystemTimeMs();
    }

    private static Bytes spanKey(byte[] traceKey, long fingerprint) {
        return Bytes.wrap(ByteBuffer.allocate(traceKey.length + Long.BYTES).put(traceKey).putLong(fingerprint).array());
    }

    /** A trace's bookkeeping: open (with counts and times) or closed (with its spans' fingerprints, for duplicates). */
    private static final class OpenTrace {
        boolean closed;
        boolean latePart;
        boolean rooted;
        int spans;
        long nextSeq;
        long lastStreamMs = Long.MIN_VALUE / 2;
        long[] fingerprints = new long[0];

        static OpenTrace closed(long[] fingerprints, long streamMs) {
            OpenTrace trace = new OpenTrace();
            trace.closed = true;
            trace.fingerprints = fingerprints;
            trace.lastStreamMs = streamMs;
            return trace;
        }

        static OpenTrace latePartOf(OpenTrace closed) {
            OpenTrace trace = new OpenTrace();
            trace.latePart = true;
            trace.fingerprints = closed.fingerprints;
            return trace;
        }

        byte[] bytes() {
            ByteBuffer out = ByteBuffer.allocate(3 + 4 + 8 * 2 + 4 + 8 * fingerprints.length);
            out.put((byte) (closed ? 1 : 0)).put((byte) (latePart ? 1 : 0)).put((byte) (rooted ? 1 : 0));
            out.putInt(spans).putLong(nextSeq).putLong(lastStreamMs);
            out.putInt(fingerprints.length);
            for (long f : fingerprints) {
                out.putLong(f);
            }
            return out.array();
        }

        static OpenTrace read(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            OpenTrace trace = new OpenTrace();
            trace.closed = in.get() == 1;
            trace.latePart = in.get() == 1;
            trace.rooted = in.get() == 1;
            trace.spans = in.getInt();
            trace.nextSeq = in.getLong();
            trace.lastStreamMs = in.getLong();
            trace.fingerprints = new long[in.getInt()];
            for (int i = 0; i < trace.fingerprints.length; i++) {
                trace.fingerprints[i] = in.getLong();
            }
            return trace;
        }
    }
}
