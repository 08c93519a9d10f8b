package dev.sloscout.pipeline.bench;

import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.pipeline.stream.ClusterAnalysis;
import dev.sloscout.pipeline.stream.StreamJob;
import dev.sloscout.pipeline.stream.StreamSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One stream job instance against a broker in this JVM: the demo shop's traffic (one OTLP protobuf request per
 * trace, as a Collector batching by trace would write it) is put on the spans topic first, then the job is started
 * and timed until it has counted every span, and until every trace is in a journey. Prints spans/s and the size of
 * what the output topics hold per journey and per history window.
 */
public final class StreamThroughputBench {
    private StreamThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        long wanted = Long.parseLong(args[0]);
        int partitions = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("stream-bench");
        List<Span> spans = new ArrayList<>();
        double rate = 30;
        DemoShop.generate(7, 14, rate * Math.max(0.01, wanted / 1_500_000.0), spans::add);
        Map<TraceId, List<Span>> byTrace = new LinkedHashMap<>();
        spans.forEach(s -> byTrace.computeIfAbsent(s.traceId(), t -> new ArrayList<>()).add(s));
        System.out.printf(Locale.ROOT, "%,d spans in %,d traces, %d partitions, %d stream thread(s)%n", spans.size(),
                byTrace.size(), partitions, threads);
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("otlp_spans", partitions, (short) 1))).all().get();
            }
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            p.put("linger.ms", "20");
            p.put("batch.size", "262144");
            long bytes = 0;
            try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (List<Span> trace : byTrace.values()) {
                    byte[] record = OtlpProtoWriter.bare(trace);
                    bytes += record.length;
                    out.send(new ProducerRecord<>("otlp_spans", record));
                }
            }
            System.out.printf(Locale.ROOT, "on the topic: %,d records, %.1f MB%n", byTrace.size(), bytes / 1e6);
            StreamSettings settings = new StreamSettings(kafka.bootstrap(), "otlp_spans", "bench", "bench.",
                    dir.resolve("state"), threads, Duration.ofSeconds(5), StreamSettings.DEFAULT_IDLE,
                    StreamSettings.DEFAULT_ROOT_WAIT, clientSettings());
            long start = System.nanoTime();
            long spansAt = 0;
            ClusterAnalysis.Snapshot last;
            try (StreamJob job = StreamJob.start(settings)) {
                while (true) {
                    Thread.sleep(250);
                    last = ClusterAnalysis.read(kafka.bootstrap(), "bench.", new Properties(), Duration.ofSeconds(30),
                            () -> false);
                    if (spansAt == 0 && last.count("spans") >= spans.size()) {
                        spansAt = System.nanoTime();
                    }
                    if (last.report().assignedTraces() + last.report().partialTraces() >= byTrace.size()) {
                        break;
                    }
                }
            }
            long done = System.nanoTime();
            double spanSeconds = (spansAt - start) / 1e9;
            System.out.printf(Locale.ROOT, "every span counted after %.1f s: %,.0f spans/s (startup and the "
                    + "first rebalance included)%n", spanSeconds, spans.size() / spanSeconds);
            System.out.printf(Locale.ROOT, "every trace in a journey after %.1f s (traces close after 30 quiet s, "
                    + "snapshots every 5 s)%n", (done - start) / 1e9);
            sizes(kafka.bootstrap(), last);
        }
    }

    /** Client settings from system properties {@code bench.kafka.NAME} (e.g. -Dbench.kafka.commit.interval.ms=1000). */
    private static Properties clientSettings() {
        Properties out = new Properties();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.kafka."))
                .forEach(n -> out.put(n.substring("bench.kafka.".length()), System.getProperty(n)));
        return out;
    }

    /** Bytes on the output topics per journey snapshot and per history window (the latest record per key). */
    private static void sizes(String bootstrap, ClusterAnalysis.Snapshot snapshot) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        for (String topic : List.of("bench.journeys", "bench.journey-history")) {
            Map<String, Integer> latest = new java.util.HashMap<>();
            try (KafkaConsumer<byte[], byte[]> in = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> parts = in.partitionsFor(topic).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                in.assign(parts);
                in.seekToBeginning(parts);
                Map<TopicPartition, Long> end = in.endOffsets(parts);
                while (parts.stream().anyMatch(tp -> in.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<byte[], byte[]> r : in.poll(Duration.ofMillis(200))) {
                        latest.put(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), r.value().length);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: %,d keys, %,.0f bytes each on average%n", topic, latest.size(),
                    latest.values().stream().mapToInt(Integer::intValue).average().orElse(0));
        }
        System.out.printf(Locale.ROOT, "%d journeys, %,d traces, counts %s%n", snapshot.report().journeys().size(),
                snapshot.report().assignedTraces(), snapshot.counts());
    }
}
