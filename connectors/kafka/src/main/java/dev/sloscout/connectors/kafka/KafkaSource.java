package dev.sloscout.connectors.kafka;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Spans and log records from Kafka topics as the OpenTelemetry Collector's Kafka exporter writes them
 * ({@code otlp_spans} and {@code otlp_logs}: one OTLP request per record, protobuf or JSON), Jaeger spans (protobuf
 * {@code jaeger.api_v2.Span} or JSON, one per record, as on {@code jaeger-spans}) and Zipkin JSON. The encoding is
 * detected per record (the
 * same detection as for files); a record that does not decode is reported with topic/partition/offset and skipped.
 *
 * <p>Start from earliest, latest or a timestamp. With a group id the consumer commits an offset only once every
 * record before it was taken by the pipeline: whoever drains the queue says so with {@link #done(Delivery)} after it
 * handed the spans on (wrote them, assembled them). A crash then replays what was queued but not done (at least once;
 * the trace assembler drops exact duplicate spans, so a replay counts nothing twice). Records that do not decode are
 * done at once. Without a group it reads ephemerally and commits nothing. Memory is bounded:
 * decoded spans go to a bounded queue, and while it is full the partitions are paused (polling goes on, so the group
 * keeps its membership). The client reconnects to a broker that went away by itself (with backoff); the source's
 * state says what it is doing. Secrets in the connection settings are never logged by this class.
 */
public final class KafkaSource implements Runnable, AutoCloseable {
    public enum Start { EARLIEST, LATEST, TIMESTAMP }

    /** Where to start reading, as users write it: {@code earliest} (also blank), {@code latest} or an ISO-8601 time. */
    public record StartAt(Start start, Instant at) {
        public static StartAt parse(String from) {
            String text = from == null ? "" : from.trim();
            if (text.isEmpty() || text.equalsIgnoreCase("earliest")) {
                return new StartAt(Start.EARLIEST, null);
            }
            if (text.equalsIgnoreCase("latest")) {
                return new StartAt(Start.LATEST, null);
            }
            try {
                return new StartAt(Start.TIMESTAMP, Instant.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("expected earliest, latest or an ISO-8601 time, got '" + from + "'");
            }
        }
    }

    public enum State { CONNECTING, RUNNING, PAUSED, STOPPED, FAILED }

    /**
     * @param connection extra client settings (security.protocol, sasl.*, ssl.* ...), passed through as given
     * @param groupId    null for an ephemeral read that commits nothing
     */
    public record Settings(String bootstrapServers, List<String> topics, Start start, Instant startAt, String groupId,
            String clientId, Properties connection) {
        public Settings {
            topics = List.copyOf(topics);
            connection = connection == null ? new Properties() : connection;
        }
    }

    /** Spans or log records decoded from one record, with where they came from. */
    public record Delivery(String topic, int partition, long offset, List<Span> spans, List<LogEvent> logs) {
    }

    private final Settings settings;
    private final BlockingQueue<Delivery> out;
    private final ProblemSink problems;
    private final Consumer<byte[], byte[]> consumer;
    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile boolean stopping;
    /** Per partition: offsets handed on and not done yet, and the next offset after everything the source saw. */
    private final Map<TopicPartition, Progress> progress = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** What one partition's records have become: the ones still out, and how far the source has read. */
    private static final class Progress {
        final java.util.TreeSet<Long> outstanding = new java.util.TreeSet<>();
        long next = -1;

        /** The offset to commit: the first one still out, else the next after all that was read. */
        long committable() {
            return outstanding.isEmpty() ? next : outstanding.first();
        }
    }

    public KafkaSource(Settings settings, BlockingQueue<Delivery> out, ProblemSink problems) {
        this(settings, out, problems, newConsumer(settings));
    }

    /** With the consumer given: a test's, which refuses what a broker may refuse. */
    KafkaSource(Settings settings, BlockingQueue<Delivery> out, ProblemSink problems,
            Consumer<byte[], byte[]> consumer) {
        this.settings = settings;
        this.out = out;
        this.problems = problems;
        this.consumer = consumer;
    }

    private static KafkaConsumer<byte[], byte[]> newConsumer(Settings settings) {
        Properties props = new Properties();
        props.putAll(settings.connection());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() == null ? "slo-scout" : settings.clientId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.start() == Start.LATEST ? "latest" : "earliest");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        if (settings.groupId() != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        }
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public State state() {
        return state.get();
    }

    public long records() {
        return records.get();
    }

    /**
     * Records on the assigned partitions not yet handed to the pipeline (the broker's end offsets minus the position,
     * as of the last poll, plus any held back while paused); -1 before the first assignment.
     */
    public long lag() {
        return lag.get();
    }

    private long currentLag() {
        long sum = 0;
        boolean known = false;
        for (TopicPartition tp : consumer.assignment()) {
            java.util.OptionalLong partitionLag = consumer.currentLag(tp);
            if (partitionLag.isPresent()) {
                sum += partitionLag.getAsLong();
                known = true;
            }
        }
        return known ? sum : -1;
    }

    /** Records that did not decode (each reported with its location). */
    public long rejectedRecords() {
        return rejected.get();
    }

    @Override
    public void run() {
        try {
            subscribe();
            List<ConsumerRecord<byte[], byte[]>> pending = new ArrayList<>();
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(pending::add);
                if (state.get() == State.CONNECTING && !consumer.assignment().isEmpty()) {
                    state.set(State.RUNNING);
                }
                while (!pending.isEmpty()) {
                    ConsumerRecord<byte[], byte[]> record = pending.get(0);
                    Delivery delivery = decode(record);
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    synchronized (progress) {
                        if (delivery != null) {
                            progress.computeIfAbsent(tp, k -> new Progress()).outstanding.add(record.offset());
                        }
                    }
                    if (delivery != null && !out.offer(delivery)) {
                        synchronized (progress) {
                            progress.get(tp).outstanding.remove(record.offset());
                        }
                        pause(); // the pipeline is behind: keep this record, stop fetching until it drains
                        break;
                    }
                    pending.remove(0);
                    synchronized (progress) {
                        progress.computeIfAbsent(tp, k -> new Progress()).next = record.offset() + 1;
                    }
                }
                if (pending.isEmpty() && state.get() == State.PAUSED && out.remainingCapacity() > 0) {
                    consumer.resume(consumer.paused());
                    state.set(State.RUNNING);
                }
                if (settings.groupId() != null) {
                    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> done = committable();
                    if (!done.isEmpty()) {
                        consumer.commitAsync(done, (offsets, failure) -> {
                            if (failure != null) {
                                forget(offsets); // a broker restarting, its coordinator loading: asked again
                            }
                        });
                    }
                }
                lag.set(currentLag() + pending.size());
            }
            if (settings.groupId() != null) {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> done = committable();
                if (!done.isEmpty()) {
                    consumer.commitSync(done); // what was done; what is still queued is read again next time
                }
            }
            state.set(State.STOPPED);
        } catch (WakeupException e) {
            state.set(State.STOPPED);
        } catch (RuntimeException e) {
            state.set(State.FAILED);
            problems.report(new Problem("kafka " + settings.bootstrapServers(), "", "consumer stopped: "
                    + e.getMessage()));
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Says the pipeline took a delivery (wrote its spans, assembled them): its offset may now be committed. Called by
     * whoever drains the queue, from any thread, in any order.
     */
    public void done(Delivery delivery) {
        synchronized (progress) {
            Progress p = progress.get(new TopicPartition(delivery.topic(), delivery.partition()));
            if (p != null) { // a partition given away in a rebalance: its new owner reads it again
                p.outstanding.remove(delivery.offset());
            }
        }
    }

    /** The offsets that advanced since the last commit: everything below them is done. */
    private Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committable() {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> done = new HashMap<>();
        synchronized (progress) {
            progress.forEach((tp, p) -> {
                long offset = p.committable();
                if (offset >= 0 && !Long.valueOf(offset).equals(committed.get(tp))) {
                    done.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(offset));
                    committed.put(tp, offset);
                }
            });
        }
        return done;
    }

    /**
     * Takes offsets a commit failed for out of what counts as committed, so the next commit asks for them again: a
     * commit the broker refused (its coordinator loading after a restart) is otherwise never made, and the group reads
     * those records again when it resumes.
     */
    private void forget(Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets) {
        synchronized (progress) {
            offsets.forEach((tp, refused) -> committed.remove(tp, refused.offset()));
        }
    }

    private void pause() {
        consumer.pause(consumer.assignment());
        state.set(State.PAUSED);
    }

    private void subscribe() {
        if (settings.groupId() != null) {
            consumer.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> done = committable();
                    done.keySet().retainAll(partitions);
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                    synchronized (progress) { // what is still queued for them is read again by their new owner
                        partitions.forEach(progress::remove);
                        partitions.forEach(committed::remove);
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekToStart(partitions, true);
                }
            });
            return;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : settings.topics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        consumer.assign(partitions);
        seekToStart(partitions, false);
    }

    /** Positions a fresh assignment; with a group, committed offsets win (resume where it stopped). */
    private void seekToStart(Collection<TopicPartition> partitions, boolean group) {
        if (group) {
            var committed = consumer.committed(new java.util.HashSet<>(partitions));
            partitions = partitions.stream().filter(p -> committed.get(p) == null).toList();
        }
        if (partitions.isEmpty()) {
            return;
        }
        switch (settings.start()) {
            case EARLIEST -> consumer.seekToBeginning(partitions);
            case LATEST -> consumer.seekToEnd(partitions);
            case TIMESTAMP -> {
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(p -> query.put(p, settings.startAt().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
                for (TopicPartition p : partitions) {
                    OffsetAndTimestamp at = found.get(p);
                    if (at == null) {
                        consumer.seekToEnd(List.of(p));
                    } else {
                        consumer.seek(p, at.offset());
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private Delivery decode(ConsumerRecord<byte[], byte[]> record) {
        records.incrementAndGet();
        RecordDecoder.Decoded decoded = RecordDecoder.decode(record.topic(), record.partition(), record.offset(),
                record.value());
        decoded.problems().forEach(problems::report);
        if (decoded.rejected()) {
            rejected.incrementAndGet();
            return null;
        }
        return new Delivery(record.topic(), record.partition(), record.offset(), decoded.spans(), decoded.logs());
    }

    /** Stops polling (from any thread); {@link #run()} returns after committing what was handed on. */
    @Override
    public void close() {
        stopping = true;
    }
}
