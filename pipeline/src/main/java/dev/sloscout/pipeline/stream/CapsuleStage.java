package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogEventCodec;
import dev.sloscout.engine.capsule.ServiceCapsules;
import dev.sloscout.engine.capsule.TemplateMiner;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.redact.BoundStatements;
import dev.sloscout.engine.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 4: log events, partitioned by service, mined per service by the engine's own {@link ServiceCapsules} (header
 * layout learnt from a service's first lines, the template miner, statistics per template). Template ids are content
 * hashes, so every instance names a template alike; a service's templates match a local analysis's when its events
 * keep their order (a producer that keys log records by service keeps it).
 *
 * <p>A service's mining lives in memory while the task runs (the {@value #IN_MEMORY} most recently used services)
 * and, for failover, in two stores: a snapshot of its whole state ({@link #SNAPSHOTS}, deflated, in chunks of at
 * most {@value #CHUNK} bytes, rewritten once {@value #SNAPSHOT_AFTER} events have come since the last) and every
 * event since ({@link #JOURNAL}), written with the record that brought it. Mining is deterministic, so an instance
 * taking the partition over decodes the snapshot, mines the journal again and is where the dead one was: nothing
 * lost, nothing doubled.
 *
 * <p>Every {@code emitEvery} the capsules of the services that changed go out, {@link #CAPSULE} keyed by capsule id
 * (as analysis.json writes them, redacted), those whose count moved; a capsule that is gone (its template
 * generalised and took another id) goes out as {@link #GONE}, a tombstone. After a restart every service is looked at
 * again.
 */
final class CapsuleStage implements Processor<byte[], byte[], String, byte[]> {
    static final byte CAPSULE = 'K';
    static final byte GONE = 'G';
    static final String SNAPSHOTS = "capsule-snapshots";
    static final String JOURNAL = "capsule-journal";
    static final String EMITTED = "capsule-emitted";
    static final String COUNTERS = "capsule-counters";
    static final int SNAPSHOT_AFTER = 10_000;
    /**
     * Bytes of a snapshot stored under one key: a service's whole state (its miner's cache of token sequences alone can
     * reach megabytes) would pass the 1 MB a changelog record may have by default, and the task would die on it.
     */
    static final int CHUNK = 256 * 1024;
    /** Separates a service's name from a chunk's number in the snapshot store's keys. */
    private static final char CHUNK_MARK = '\u0000';
    static final int IN_MEMORY = 256;
    /** New names go at the end: counts are stored by position. */
    static final List<String> COUNTER_NAMES = List.of("logEvents", "logServices", "overflowLogEvents",
            "damagedLogEvents", "damagedServiceStates");

    private final Duration emitEvery;
    private final int maxServices;
    private final int snapshotAfter;
    private final int inMemory;
    private final Redactor redactor = new Redactor();
    /**
     * Values bound to a statement logged on an earlier record of their source, redacted before they are journaled or
     * mined; kept in memory only, so an instance taking a partition over pairs from the statements it reads itself.
     */
    private final BoundStatements statements = new BoundStatements(redactor);
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> snapshots;
    private KeyValueStore<Bytes, byte[]> journal;
    private KeyValueStore<String, byte[]> emitted;
    private Counters counters;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> changed = new LinkedHashSet<>();
    private boolean emitAll = true;

    /**
     * @param maxServices   services mined apart per partition; events of further ones are mined together under
     *                      {@value CapsuleAccumulator#OTHER_SERVICES}, counted ({@code overflowLogEvents})
     * @param snapshotAfter events journaled before a service's state is written whole again
     * @param inMemory      services kept decoded in memory (the others are read back from the stores when needed)
     */
    CapsuleStage(Duration emitEvery, int maxServices, int snapshotAfter, int inMemory) {
        this.emitEvery = emitEvery;
        this.maxServices = maxServices;
        this.snapshotAfter = snapshotAfter;
        this.inMemory = inMemory;
    }

    CapsuleStage(Duration emitEvery) {
        this(emitEvery, CapsuleAccumulator.DEFAULT_MAX_SERVICES, SNAPSHOT_AFTER, IN_MEMORY);
    }

    /** A service's state in memory: what the stores hold, decoded, the journal mined. */
    private static final class Loaded {
        final ServiceCapsules state;
        /** Sequence number of the first event journaled since the snapshot, and of the next one. */
        final long base;
        long next;

        Loaded(ServiceCapsules state, long base) {
            this.state = state;
            this.base = base;
            this.next = base;
        }
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.snapshots = context.getStateStore(SNAPSHOTS);
        this.journal = context.getStateStore(JOURNAL);
        this.emitted = context.getStateStore(EMITTED);
        this.counters = new Counters(context.getStateStore(COUNTERS), COUNTER_NAMES);
        loaded.clear(); // a task started again (after an error) reads its state back from the stores
        changed.clear();
        emitAll = true;
        Stages.every(context, emitEvery, now -> emit());
    }

    @Override
    public void close() {
        loaded.clear();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        LogEvent event;
        try {
            event = LogEventCodec.decode(record.value() == null ? new byte[0] : record.value());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            counters.add("damagedLogEvents", 1); // only another version of this job writes the repartition topic
            counters.save();
            return;
        }
        String text = statements.read(event.source(), event.thread(), event.text(), event.continuation());
        boolean rewritten = text != event.text();
        event = rewritten ? event.withText(text) : event;
        String service = event.service();
        boolean renamed = false;
        Loaded s = loaded.get(service);
        if (s == null) {
            byte[] header = snapshots.get(service);
            if (header == null && counters.get("logServices") >= maxServices) {
                counters.add("overflowLogEvents", 1);
                service = CapsuleAccumulator.OTHER_SERVICES;
                renamed = true;
                event = event.withService(service);
                s = loaded.get(service);
                header = s == null ? snapshots.get(service) : null;
            }
            if (s == null) {
                s = load(service, header);
            }
        }
        byte[] bytes = !renamed && !rewritten && record.value() != null ? record.value() : LogEventCodec.encode(event);
        long time = record.timestamp();
        journal.put(journalKey(service, s.next), journalEntry(time, bytes));
        s.next++;
        s.state.accept(event, null, TraceLookup.NONE, source -> time);
        changed.add(service);
        counters.add("logEvents", 1);
        counters.save();
    }

    /** A service's state: from memory, else its snapshot decoded and its journal mined again, else a new one. */
    private Loaded load(String service) {
        Loaded s = loaded.get(service);
        return s != null ? s : load(service, snapshots.get(service));
    }

    /** A service not in memory, from the snapshot {@code header} read for it (null: none yet). */
    private Loaded load(String service, byte[] header) {
        Loaded s;
        if (header == null) {
            s = new Loaded(new ServiceCapsules(service, TemplateMiner.DEFAULT_MAX_TEMPLATES), 0);
            writeSnapshot(service, s);
            if (!service.equals(CapsuleAccumulator.OTHER_SERVICES)) {
                counters.add("logServices", 1);
            }
        } else {
            long base = ByteBuffer.wrap(header).getLong();
            try {
                s = new Loaded(ServiceCapsules.decode(readSnapshot(service, header)), base);
            } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
                // a state this version cannot read (damaged, or written by another version): the service starts
                // again from the events journaled since, counted, rather than stopping the task at every restart
                counters.add("damagedServiceStates", 1);
                s = new Loaded(new ServiceCapsules(service, TemplateMiner.DEFAULT_MAX_TEMPLATES), base);
            }
            try (KeyValueIterator<Bytes, byte[]> events = journal.range(journalKey(service, base),
                    journalKey(service, Long.MAX_VALUE))) {
                while (events.hasNext()) {
                    KeyValue<Bytes, byte[]> next = events.next();
                    ByteBuffer journaled = ByteBuffer.wrap(next.value);
                    long time = journaled.getLong();
                    LogEvent event = LogEventCodec.decode(Arrays.copyOfRange(next.value, Long.BYTES,
                            next.value.length));
                    s.state.accept(event, null, TraceLookup.NONE, source -> time);
                    s.next = ByteBuffer.wrap(next.key.get(), next.key.get().length - Long.BYTES, Long.BYTES)
                            .getLong() + 1;
                }
            }
        }
        loaded.put(service, s);
        if (loaded.size() > inMemory) {
            String eldest = loaded.keySet().iterator().next();
            loaded.remove(eldest); // its stores hold it: read back when its next event comes
        }
        return s;
    }

    private void emit() {
        long now = Stages.now(context);
        if (emitAll) {
            try (KeyValueIterator<String, byte[]> all = snapshots.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.key.indexOf(CHUNK_MARK) < 0) {
                        changed.add(entry.key);
                    }
                });
            }
            emitAll = false;
        }
        for (String service : changed) {
            Loaded s = load(service);
            if (s.next - s.base >= snapshotAfter) {
                s = snapshot(service, s);
            }
            Map<String, Long> before = counts(emitted.get(service));
            Map<String, Long> after = new LinkedHashMap<>();
            for (Capsule capsule : s.state.capsulesSoFar(redactor, TraceLookup.NONE, source -> now)) {
                after.put(capsule.id(), capsule.count());
                if (!Long.valueOf(capsule.count()).equals(before.get(capsule.id()))) {
                    context.forward(new Record<>(capsule.id(), Stages.tagged(CAPSULE, Snapshots.capsule(capsule)),
                            now));
                }
            }
            for (String id : before.keySet()) {
                if (!after.containsKey(id)) {
                    context.forward(new Record<>(id, new byte[] {GONE}, now));
                }
            }
            if (!after.equals(before)) {
                emitted.put(service, countsBytes(after));
            }
        }
        changed.clear();
        context.forward(new Record<>("capsules-" + context.taskId().partition(), Stages.tagged(AssemblyStage.STATUS,
                Snapshots.status("capsules", context.taskId().partition(), counters.snapshot())), now));
    }

    /** Writes the service's state whole and drops the journal it replaces (in the same transaction). */
    private Loaded snapshot(String service, Loaded s) {
        Loaded fresh = new Loaded(s.state, s.next);
        writeSnapshot(service, fresh);
        for (long seq = s.base; seq < s.next; seq++) {
            journal.put(journalKey(service, seq), null);
        }
        loaded.put(service, fresh);
        return fresh;
    }

    /** The journal's key: the service (length first, so no service's keys run into another's) and the sequence. */
    static Bytes journalKey(String service, long seq) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES + name.length + Long.BYTES).putInt(name.length).put(name)
                .putLong(seq).array());
    }

    private static byte[] journalEntry(long recordTime, byte[] event) {
        return ByteBuffer.allocate(Long.BYTES + event.length).putLong(recordTime).put(event).array();
    }

    /**
     * Writes a service's state, deflated, in chunks of at most {@value #CHUNK} bytes under {@code service + NUL + i},
     * and under {@code service} where its journal starts and how many chunks there are.
     */
    private void writeSnapshot(String service, Loaded s) {
        byte[] before = snapshots.get(service);
        int oldChunks = before == null ? 0 : ByteBuffer.wrap(before).getInt(Long.BYTES);
        byte[] deflated = deflate(s.state.encode());
        int chunks = Math.max(1, (deflated.length + CHUNK - 1) / CHUNK);
        for (int i = 0; i < chunks; i++) {
            snapshots.put(chunkKey(service, i), Arrays.copyOfRange(deflated, i * CHUNK,
                    Math.min(deflated.length, (i + 1) * CHUNK)));
        }
        for (int i = chunks; i < oldChunks; i++) {
            snapshots.put(chunkKey(service, i), null);
        }
        snapshots.put(service, ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(s.base).putInt(chunks).array());
    }

    private byte[] readSnapshot(String service, byte[] header) {
        int chunks = ByteBuffer.wrap(header).getInt(Long.BYTES);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(chunks * CHUNK);
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = snapshots.get(chunkKey(service, i));
            if (chunk == null) {
                throw new IllegalStateException("snapshot of " + service + " lacks chunk " + i + " of " + chunks);
            }
            deflated.writeBytes(chunk);
        }
        return inflate(deflated.toByteArray());
    }

    static String chunkKey(String service, int i) {
        return service + CHUNK_MARK + i;
    }

    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out, deflater)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] bytes) {
        try (java.util.zip.InflaterInputStream z = new java.util.zip.InflaterInputStream(
                new ByteArrayInputStream(bytes))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("damaged snapshot: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> counts(byte[] bytes) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (bytes == null) {
            return out;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int n = in.readInt(); n > 0; n--) {
                out.put(in.readUTF(), in.readLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] countsBytes(Map<String, Long> counts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(24 * counts.size() + 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(counts.size());
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
