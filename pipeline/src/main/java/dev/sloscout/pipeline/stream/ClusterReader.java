package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.model.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a stream job's output topics and keeps what it read: the first {@link #read} reads each topic from its
 * start, every later one only what the job wrote since, so a reader that looks every few seconds (the workbench)
 * does not read a year of history windows each time. Committed records only (the job writes in transactions). One
 * read at a time; not thread-safe, but it may be used from one thread after another.
 */
public final class ClusterReader implements AutoCloseable {
    private final String bootstrap;
    private final String outputPrefix;
    private final OutputTopics names;
    private final Duration timeout;
    private final KafkaConsumer<String, byte[]> consumer;
    private boolean assigned;
    private final Map<String, byte[]> journeys = new HashMap<>();
    private final Map<String, byte[]> windows = new HashMap<>();
    private final Map<String, byte[]> statuses = new HashMap<>();
    private final Map<String, byte[]> capsules = new HashMap<>();
    private final List<Problem> deadLetterProblems = new ArrayList<>();
    private long deadLetters;

    /** A reader of the job writing topics named {@code outputPrefix}... on {@code bootstrap}; nothing is read yet. */
    public ClusterReader(String bootstrap, String outputPrefix, Properties connection, Duration timeout) {
        this.bootstrap = bootstrap;
        this.outputPrefix = outputPrefix;
        this.names = new OutputTopics(outputPrefix);
        this.timeout = timeout;
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "slo-scout-cluster-reader");
        try {
            this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            throw new IllegalStateException("kafka " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads up to the end of each topic as of this call and returns the job's output as a whole.
     *
     * @param cancelled checked between polls
     * @throws IllegalStateException naming the servers and the reason: unreachable, or no such output there
     */
    public ClusterAnalysis.Snapshot read(BooleanSupplier cancelled) {
        List<Problem> problems = new ArrayList<>();
        try {
            if (!assigned) {
                assign();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(end)) {
                if (cancelled.getAsBoolean() || System.nanoTime() > deadline) {
                    problems.add(new Problem("kafka " + bootstrap, outputPrefix, cancelled.getAsBoolean()
                            ? "cancelled: what was read so far is shown" : "not all of the output read in "
                            + timeout.toSeconds() + " s: what was read so far is shown"));
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record);
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("kafka " + bootstrap + ": no answer in " + timeout.toSeconds() + " s", e);
        } catch (KafkaException e) {
            throw new IllegalStateException("kafka " + bootstrap + ": " + e.getMessage(), e);
        }
        problems.addAll(0, deadLetterProblems);
        return ClusterAnalysis.snapshot("cluster " + bootstrap + " " + outputPrefix, journeys, windows, statuses,
                capsules, deadLetters, problems);
    }

    /** Every partition of the output topics, from the start (the capsules topic is missing in older jobs' output). */
    private void assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(names.journeys(), names.history(), names.status(), names.deadLetters(),
                names.capsules())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if ((infos == null || infos.isEmpty()) && topic.equals(names.capsules())) {
                continue;
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("kafka " + bootstrap + ": no topic " + topic + " (is a stream job "
                        + "with --output-prefix '" + outputPrefix + "' running there?)");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        assigned = true;
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        if (topic.equals(names.deadLetters())) {
            deadLetters++;
            if (deadLetterProblems.size() < ClusterAnalysis.PROBLEMS_LISTED) {
                deadLetterProblems.add(ClusterAnalysis.deadLetter(record));
            }
            return;
        }
        Map<String, byte[]> latest = topic.equals(names.journeys()) ? journeys
                : topic.equals(names.history()) ? windows
                : topic.equals(names.capsules()) ? capsules : statuses;
        if (record.value() == null) {
            latest.remove(record.key());
        } else {
            latest.put(record.key(), record.value());
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
