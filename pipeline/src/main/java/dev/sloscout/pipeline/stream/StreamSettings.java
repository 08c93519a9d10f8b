package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.journey.JourneyDiscovery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How one instance of the stream job runs. Instances with the same {@code appId} share the work by partition.
 *
 * @param spansTopic   where collectors write spans (one OTLP request, Jaeger or Zipkin record per record)
 * @param outputPrefix put before the names of the topics the job writes ({@link #outputs()})
 * @param stateDir     where this instance keeps its RocksDB stores (each instance needs its own)
 * @param threads      stream threads of this instance (each runs some of the tasks)
 * @param emitEvery    how often (stream time, and wall-clock time when the input goes quiet) changed journeys are
 *                     written to the output topics
 * @param idle         a trace whose root arrived closes once it had no span for this long in stream time; must be
 *                     longer than a failover and than the record-time distance between input partitions
 * @param rootWait     a trace whose root never came closes (as evicted) after this long without a span; every
 *                     trace closes once the input has been quiet this long by the clock
 * @param connection   client settings passed through as given (security.protocol, sasl.*, ssl.*, session.timeout.ms)
 * @param maxJourneys  journeys told apart per partition of the journey stage; traces of further ones are counted
 *                     ({@code overflowTraces}), not kept: a flood of distinct entry operations cannot grow the state
 *                     without bound
 * @param logsTopic    where agents write log records (OTLP logs, JSON lines), mined into capsules; null for none (log
 *                     records on the spans topic are mined too)
 */
public record StreamSettings(String bootstrap, String spansTopic, String appId, String outputPrefix, Path stateDir,
        int threads, Duration emitEvery, Duration idle, Duration rootWait, Properties connection, int maxJourneys,
        String logsTopic) {

    public static final Duration DEFAULT_EMIT_EVERY = Duration.ofSeconds(10);
    /** Longer than a failover with the session below: a trace whose spans straddle one is not cut in two. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_ROOT_WAIT = Duration.ofMinutes(5);

    public StreamSettings {
        Objects.requireNonNull(bootstrap, "bootstrap servers are required");
        Objects.requireNonNull(spansTopic, "a spans topic is required");
        Objects.requireNonNull(appId, "an application id is required");
        outputPrefix = outputPrefix == null ? "" : outputPrefix;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        for (Duration d : List.of(emitEvery, idle, rootWait)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive, got " + d);
            }
        }
        connection = connection == null ? new Properties() : connection;
        if (maxJourneys < 1) {
            throw new IllegalArgumentException("max journeys must be at least 1, got " + maxJourneys);
        }
        logsTopic = logsTopic == null || logsTopic.isBlank() || logsTopic.equals(spansTopic) ? null : logsTopic;
    }

    /** With the default bound of journeys per partition ({@value JourneyDiscovery#DEFAULT_MAX_JOURNEYS}). */
    public StreamSettings(String bootstrap, String spansTopic, String appId, String outputPrefix, Path stateDir,
            int threads, Duration emitEvery, Duration idle, Duration rootWait, Properties connection) {
        this(bootstrap, spansTopic, appId, outputPrefix, stateDir, threads, emitEvery, idle, rootWait, connection,
                JourneyDiscovery.DEFAULT_MAX_JOURNEYS, null);
    }

    public StreamSettings withMaxJourneys(int max) {
        return new StreamSettings(bootstrap, spansTopic, appId, outputPrefix, stateDir, threads, emitEvery, idle,
                rootWait, connection, max, logsTopic);
    }

    public StreamSettings withLogsTopic(String topic) {
        return new StreamSettings(bootstrap, spansTopic, appId, outputPrefix, stateDir, threads, emitEvery, idle,
                rootWait, connection, maxJourneys, topic);
    }

    /** The topics the job reads: the spans topic and, when given, the logs topic. */
    public List<String> inputTopics() {
        return logsTopic == null ? List.of(spansTopic) : List.of(spansTopic, logsTopic);
    }

    public static StreamSettings defaults(String bootstrap, String spansTopic, String appId, String outputPrefix,
            Path stateDir) {
        return new StreamSettings(bootstrap, spansTopic, appId, outputPrefix, stateDir, 1, DEFAULT_EMIT_EVERY,
                DEFAULT_IDLE, DEFAULT_ROOT_WAIT, new Properties());
    }

    public StreamSettings withTimes(Duration emitEvery, Duration idle, Duration rootWait) {
        return new StreamSettings(bootstrap, spansTopic, appId, outputPrefix, stateDir, threads, emitEvery, idle,
                rootWait, connection, maxJourneys, logsTopic);
    }

    /**
     * This instance's name in the group: the application id, the host and the state directory (each instance has
     * its own), so it is the same when the instance restarts and differs between instances.
     */
    String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String dir = stateDir.toAbsolutePath().normalize().toString();
        return appId + "-" + host + "-" + Integer.toHexString(dir.hashCode());
    }

    /** The topics this job writes. */
    public OutputTopics outputs() {
        return new OutputTopics(outputPrefix);
    }

    /** The Kafka Streams configuration: exactly once, loopback-safe defaults, the given connection settings. */
    Properties streamsConfig() {
        Properties props = new Properties();
        // a commit (a transaction, store flushes) a second instead of every 100 ms: a third more spans per second
        // here, and snapshots go out every emitEvery anyway; a --kafka-property overrides it
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // a dead instance is given up after 10 s instead of Kafka's 45: its partitions (and their open traces) move
        // on sooner, well within the idle time that closes a trace
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // a static member: on SIGTERM it is removed from the group at once (Kafka Streams 4.1 leaves the group on
        // close only for static members), and restarted with the same state directory it gets its tasks back
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId());
        props.putAll(connection);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }
}
