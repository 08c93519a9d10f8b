package dev.sloscout.pipeline.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * One instance of the stream job: checks the input topics, creates the output topics it writes (compacted snapshots,
 * a dead-letter topic that keeps what it is given for a week), then runs the topology until closed. Start as many
 * instances with the same application id as there are machines; they share the partitions, and when one stops or
 * dies the others take its partitions over with their state (rebuilt from the changelog topics).
 */
public final class StreamJob implements AutoCloseable {
    private final KafkaStreams streams;
    private final StreamSettings settings;
    private final int partitions;

    private StreamJob(StreamSettings settings, KafkaStreams streams, int partitions) {
        this.settings = settings;
        this.streams = streams;
        this.partitions = partitions;
    }

    /**
     * Checks and creates the topics, then starts the instance.
     *
     * @throws IllegalStateException naming the servers and the reason, when the spans topic is missing or the
     *                               cluster does not answer
     */
    public static StreamJob start(StreamSettings settings) {
        int partitions = prepareTopics(settings);
        KafkaStreams streams = new KafkaStreams(StreamTopology.build(settings), settings.streamsConfig());
        // a stream thread that fails (a bug, a record that breaks a stage) is replaced; the transaction of its
        // records is aborted, so nothing half-done is kept
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                .REPLACE_THREAD);
        streams.start();
        return new StreamJob(settings, streams, partitions);
    }

    /** The partitions of the spans topic: how many instances (times threads) can share the work. */
    public int partitions() {
        return partitions;
    }

    /** What the instance is doing, in words: created, rebalancing, running, pending_shutdown, not_running, error. */
    public String state() {
        return streams.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stopped for good: closed, or failed (every stream thread died and none could be replaced). */
    public boolean stopped() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING;
    }

    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR;
    }

    public StreamSettings settings() {
        return settings;
    }

    /**
     * Stops this instance, committing what it processed, and leaves the group: its partitions go to the others at
     * once (Kafka Streams by default stays in the group until the session times out, for rolling restarts).
     */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
    }

    /** The topic, or why it cannot be read: missing, or the servers did not answer. */
    private static TopicDescription describe(Admin admin, StreamSettings settings, String topic, String what)
            throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("kafka " + settings.bootstrap() + ": the " + what + " topic " + topic
                        + " does not exist");
            }
            throw new IllegalStateException("kafka " + settings.bootstrap() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("kafka " + settings.bootstrap() + ": no answer in 30 s", e);
        }
    }

    private static int prepareTopics(StreamSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.connection());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            int partitions = describe(admin, settings, settings.spansTopic(), "spans").partitions().size();
            if (settings.logsTopic() != null) {
                describe(admin, settings, settings.logsTopic(), "logs");
            }
            Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : List.of(settings.outputs().journeys(), settings.outputs().history(),
                    settings.outputs().status(), settings.outputs().sliCandidates(), settings.outputs().capsules())) {
                wanted.add(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty())
                        .configs(compacted));
            }
            wanted.add(new NewTopic(settings.outputs().deadLetters(), java.util.Optional.of(partitions),
                    java.util.Optional.empty()).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(Duration.ofDays(7).toMillis()))));
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // another instance made them first
                    throw new IllegalStateException("kafka " + settings.bootstrap() + ": cannot create the output "
                            + "topics: " + e.getCause().getMessage(), e);
                }
            }
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("kafka " + settings.bootstrap() + ": cannot list topics: " + e.getMessage(),
                    e);
        }
    }
}
