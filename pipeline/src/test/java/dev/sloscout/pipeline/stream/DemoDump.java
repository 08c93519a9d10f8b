package dev.sloscout.pipeline.stream;

import dev.sloscout.connectors.files.OtlpJsonLogWriter;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.engine.demo.DemoLog;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A day of the demo shop's traffic as the stream job's tests put it on a spans topic (and its logs on a logs topic). */
public final class DemoDump {
    private DemoDump() {
    }

    /** The spans of one generated day, grouped by trace in the order they were generated. */
    public static List<List<Span>> traces(long seed, double peakRequestsPerMinute) {
        Map<TraceId, List<Span>> byTrace = new LinkedHashMap<>();
        DemoShop.generate(seed, 1, peakRequestsPerMinute, s -> byTrace.computeIfAbsent(s.traceId(),
                t -> new ArrayList<>()).add(s));
        return new ArrayList<>(byTrace.values());
    }

    /** The log records of the same generated day, in the order they were generated. */
    public static List<DemoLog> logs(long seed, double peakRequestsPerMinute) {
        List<DemoLog> out = new ArrayList<>();
        DemoShop.generate(seed, 1, peakRequestsPerMinute, s -> { }, out::add);
        return out;
    }

    /** Log records as OTLP/JSON requests, one line each, {@code batch} records to a line (a log file's lines). */
    public static String logLines(List<DemoLog> logs, int batch) {
        OtlpJsonLogWriter writer = new OtlpJsonLogWriter();
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < logs.size(); from += batch) {
            out.append(writer.request(logs.subList(from, Math.min(logs.size(), from + batch)))).append('\n');
        }
        return out.toString();
    }

    /**
     * Log records on {@code topic} as an agent would write them: keyed by service (so each service's records keep
     * their order on one partition), up to {@code batch} records of one service to a record.
     */
    public static void produceLogs(String bootstrap, String topic, List<DemoLog> logs, int batch) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        OtlpJsonLogWriter writer = new OtlpJsonLogWriter();
        Map<String, List<DemoLog>> pending = new LinkedHashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (DemoLog log : logs) {
            List<DemoLog> mine = pending.computeIfAbsent(log.service(), k -> new ArrayList<>());
            mine.add(log);
            if (mine.size() == batch) {
                records.add(record(topic, writer, log.service(), mine));
            }
        }
        pending.forEach((service, rest) -> {
            if (!rest.isEmpty()) {
                records.add(record(topic, writer, service, rest));
            }
        });
        sendAll(p, records);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, OtlpJsonLogWriter writer, String service,
            List<DemoLog> logs) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, service.getBytes(StandardCharsets.UTF_8),
                writer.request(logs).getBytes(StandardCharsets.UTF_8));
        logs.clear();
        return record;
    }

    /** How long {@link #createTopics} waits for every partition's leader. */
    private static final long LEADERS_WAIT_SECONDS = 30;

    /**
     * Creates the topics and waits until the broker names a leader for every partition of them: a producer's first
     * batch to a partition whose leader the broker does not know yet is refused ({@code NotLeaderOrFollower}), and an
     * idempotent producer retrying it may then fail every later batch of that partition ({@code
     * OutOfOrderSequenceException}), as ClusterAttachTest's did once, its records never written.
     */
    public static void createTopics(Admin admin, List<NewTopic> topics) throws InterruptedException {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try {
            admin.createTopics(topics).all().get(LEADERS_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topics " + names + " not created", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEADERS_WAIT_SECONDS);
        String last = "not described yet";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(LEADERS_WAIT_SECONDS, TimeUnit.SECONDS);
                if (described.values().stream().allMatch(t -> t.partitions().stream()
                        .allMatch(p -> p.leader() != null && p.leader().id() >= 0))) {
                    return;
                }
                last = described.toString();
            } catch (ExecutionException | TimeoutException e) {
                last = e.toString(); // not known to the broker's metadata yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no leader for every partition of " + names + " after " + LEADERS_WAIT_SECONDS
                + " s: " + last);
    }

    /**
     * Writes the records and waits until the broker has every one: a send that failed (a topic's leader moving while
     * it is created can leave an idempotent producer failing every later batch) fails here with its reason, instead
     * of a test waiting for records that were never written ({@code flush} does not report failed sends).
     */
    public static void sendAll(Properties producer, List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(producer, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(out.send(record));
            }
            out.flush();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get(60, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("record " + i + " of " + sent.size() + " to "
                            + records.get(i).topic() + " not written", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing to " + records.get(i).topic(), e);
                }
            }
        }
    }

    /**
     * A trace in two records, the way a Collector's batches cut traces: its first half as an OTLP/JSON request, the
     * rest as OTLP protobuf.
     */
    public static List<byte[]> records(List<Span> trace) {
        int cut = Math.max(1, trace.size() / 2);
        List<byte[]> out = new ArrayList<>(2);
        out.add(new OtlpJsonWriter().request(trace.subList(0, cut), false).getBytes(StandardCharsets.UTF_8));
        if (cut < trace.size()) {
            out.add(OtlpProtoWriter.bare(trace.subList(cut, trace.size())));
        }
        return out;
    }

    /**
     * Every trace's records on {@code topic}, round robin over its partitions (so a trace's two records land on
     * different ones), with the given record time (null: the producer's clock).
     */
    public static void produce(String bootstrap, String topic, int partitions, List<List<Span>> traces,
            Long timestamp) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        int partition = 0;
        for (List<Span> trace : traces) {
            for (byte[] record : records(trace)) {
                records.add(new ProducerRecord<>(topic, partition++ % partitions, timestamp, null, record));
            }
        }
        sendAll(p, records);
    }
}
