package dev.sloscout.connectors.kafka;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real single-node KRaft broker in this JVM (see {@link EmbeddedKafka}), restarted mid-stream. */
@Tag("integration")
class KafkaSourceTest {
    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka(dir);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaSource.Settings settings(String topic, String group, KafkaSource.Start start, Instant at) {
        return new KafkaSource.Settings(kafka.bootstrap(), List.of(topic), start, at, group, "test", null);
    }

    /** Runs a source until it has delivered {@code spans} distinct spans (or the time is up). */
    private static Set<SpanId> collect(KafkaSource source, BlockingQueue<KafkaSource.Delivery> queue, int spans,
            Duration within) throws InterruptedException {
        Set<SpanId> seen = new HashSet<>();
        Instant end = Instant.now().plus(within);
        while (seen.size() < spans && Instant.now().isBefore(end)) {
            KafkaSource.Delivery d = queue.poll(100, TimeUnit.MILLISECONDS);
            if (d != null) {
                d.spans().forEach(s -> seen.add(s.spanId()));
                source.done(d); // taken: its offset may be committed
            }
        }
        return seen;
    }

    /** Waits until the source has read everything on its partitions (lag 0), then returns what is still queued. */
    private static int awaitCaughtUp(KafkaSource source, BlockingQueue<KafkaSource.Delivery> queue)
            throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (source.lag() != 0 && Instant.now().isBefore(end)) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(source.lag()).as("the source caught up").isZero();
        int left = 0;
        while (queue.poll() != null) {
            left++;
        }
        return left;
    }

    @Test
    void readsOtlpProtoJsonAndReportsWhatDoesNotDecodeWithItsOffset() throws Exception {
        List<Span> proto = TraceFixtures.spans(1, 3);
        List<Span> json = TraceFixtures.spans(2, 3);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>("otlp_spans", 0, null, OtlpProtoWriter.bare(proto))).get();
            producer.send(new ProducerRecord<>("otlp_spans", 0, null, "not a span".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>("otlp_spans", 1, null, new OtlpJsonWriter().request(json, false)
                    .getBytes(StandardCharsets.UTF_8))).get();
        }
        List<Problem> problems = new CopyOnWriteArrayList<>();
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(16);
        KafkaSource source = new KafkaSource(settings("otlp_spans", null, KafkaSource.Start.EARLIEST, null), queue,
                problems::add);
        Thread t = new Thread(source, "kafka-source");
        t.start();
        Set<SpanId> seen = collect(source, queue, proto.size() + json.size(), Duration.ofSeconds(30));
        source.close();
        t.join(10_000);
        assertThat(seen).hasSize(proto.size() + json.size());
        assertThat(source.rejectedRecords()).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("kafka otlp_spans");
            assertThat(p.location()).isEqualTo("partition 0 offset 1");
        });
        assertThat(source.state()).isEqualTo(KafkaSource.State.STOPPED);
    }

    @Test
    void readsJaegerSpansOnePerRecordInProtobufAndJson() throws Exception {
        List<Span> spans = TraceFixtures.spans(7, 4);
        List<Span> asJson = TraceFixtures.spans(8, 2);
        List<Span> asProtobufJson = TraceFixtures.spans(9, 2); // the collector's "json" encoding
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Span span : spans) {
                producer.send(new ProducerRecord<>("jaeger-spans", 0, null,
                        dev.sloscout.connectors.files.fixtures.JaegerProtoWriter.span(span))).get();
            }
            producer.send(new ProducerRecord<>("jaeger-spans", 0, null, dev.sloscout.connectors.files.fixtures
                    .JaegerJsonWriter.queryResponse(asJson).getBytes(StandardCharsets.UTF_8))).get();
            for (Span span : asProtobufJson) {
                producer.send(new ProducerRecord<>("jaeger-spans", 0, null, dev.sloscout.connectors.files.fixtures
                        .JaegerJsonWriter.protobufJson(span).toString().getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        List<Problem> problems = new CopyOnWriteArrayList<>();
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(64);
        KafkaSource source = new KafkaSource(settings("jaeger-spans", null, KafkaSource.Start.EARLIEST, null), queue,
                problems::add);
        Thread t = new Thread(source, "kafka-source");
        t.start();
        Set<SpanId> seen = collect(source, queue, spans.size() + asJson.size() + asProtobufJson.size(),
                Duration.ofSeconds(30));
        source.close();
        t.join(10_000);
        assertThat(seen).containsAll(spans.stream().map(Span::spanId).toList())
                .containsAll(asJson.stream().map(Span::spanId).toList())
                .containsAll(asProtobufJson.stream().map(Span::spanId).toList());
        assertThat(problems).isEmpty();
    }

    @Test
    @Tag("slow") // in the slow profile (.ci/run runs it): keeps the README's test command within five minutes
    void aGroupResumesWhereItStoppedAndABrokerRestartLosesNothing() throws Exception {
        String topic = "restart_spans";
        List<Span> before = TraceFixtures.spans(10, 20);
        List<Span> after = TraceFixtures.spans(11, 20);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Span s : before) {
                producer.send(new ProducerRecord<>(topic, OtlpProtoWriter.bare(List.of(s)))).get();
            }
        }
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(2); // small: the source must pause
        List<Problem> problems = new CopyOnWriteArrayList<>();
        KafkaSource source = new KafkaSource(settings(topic, "slo-scout-test", KafkaSource.Start.EARLIEST, null),
                queue, problems::add);
        Thread t = new Thread(source, "kafka-source");
        t.start();
        Set<SpanId> seen = new HashSet<>(collect(source, queue, before.size() / 2, Duration.ofSeconds(30)));
        boolean paused = false;
        Instant pauseBy = Instant.now().plusSeconds(10);
        while (!paused && Instant.now().isBefore(pauseBy)) {
            paused = source.state() == KafkaSource.State.PAUSED;
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(paused).as("a full queue pauses the partitions").isTrue();

        kafka.restart(); // mid-stream
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Span s : after) {
                producer.send(new ProducerRecord<>(topic, OtlpProtoWriter.bare(List.of(s)))).get();
            }
        }
        Set<SpanId> expected = new HashSet<>();
        before.forEach(s -> expected.add(s.spanId()));
        after.forEach(s -> expected.add(s.spanId()));
        Instant end = Instant.now().plusSeconds(60);
        while (!seen.containsAll(expected) && Instant.now().isBefore(end)) { // replays after the restart may come too
            seen.addAll(collect(source, queue, 1, Duration.ofSeconds(1)));
        }
        source.close();
        t.join(15_000);
        assertThat(seen).isEqualTo(expected);

        // the same group again: everything was committed, so only what is new arrives
        List<Span> later = TraceFixtures.spans(12, 2);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, OtlpProtoWriter.bare(later))).get();
        }
        BlockingQueue<KafkaSource.Delivery> again = new ArrayBlockingQueue<>(16);
        KafkaSource resumed = new KafkaSource(settings(topic, "slo-scout-test", KafkaSource.Start.EARLIEST, null),
                again, problems::add);
        Thread t2 = new Thread(resumed, "kafka-source-2");
        t2.start();
        Set<SpanId> second = collect(resumed, again, later.size(), Duration.ofSeconds(30));
        int replayed = awaitCaughtUp(resumed, again); // anything more would be old records read again
        resumed.close();
        t2.join(15_000);
        assertThat(second).hasSize(later.size());
        assertThat(replayed).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void readsOtlpLogsTopicsInProtobufAndJson() throws Exception {
        io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest proto =
                io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest.newBuilder().addResourceLogs(
                        io.opentelemetry.proto.logs.v1.ResourceLogs.newBuilder().setResource(
                                io.opentelemetry.proto.resource.v1.Resource.newBuilder().addAttributes(
                                        io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("service.name")
                                                .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                                                        .setStringValue("cart"))))
                                .addScopeLogs(io.opentelemetry.proto.logs.v1.ScopeLogs.newBuilder().addLogRecords(
                                        io.opentelemetry.proto.logs.v1.LogRecord.newBuilder()
                                                .setSeverityNumberValue(17).setBody(io.opentelemetry.proto.common.v1
                                                        .AnyValue.newBuilder().setStringValue("cart 7 lost")))))
                        .build();
        String json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"auth\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":"
                + "\"login ok\"}}]}]}]}";
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>("otlp_logs", 0, null, proto.toByteArray())).get();
            producer.send(new ProducerRecord<>("otlp_logs", 0, null, json.getBytes(StandardCharsets.UTF_8))).get();
        }
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(16);
        List<Problem> problems = new CopyOnWriteArrayList<>();
        KafkaSource source = new KafkaSource(settings("otlp_logs", null, KafkaSource.Start.EARLIEST, null), queue,
                problems::add);
        Thread t = new Thread(source);
        t.start();
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            KafkaSource.Delivery d = queue.poll(30, TimeUnit.SECONDS);
            assertThat(d).isNotNull();
            assertThat(d.spans()).isEmpty();
            d.logs().forEach(l -> services.add(l.service() + ":" + l.text() + ":" + l.severity()));
        }
        source.close();
        t.join(10_000);
        assertThat(services).containsExactly("cart:cart 7 lost:ERROR", "auth:login ok:UNKNOWN");
        assertThat(problems).isEmpty();
    }

    @Test
    void startsFromATimestamp() throws Exception {
        String topic = "timed_spans";
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, 0, Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), null,
                    OtlpProtoWriter.bare(TraceFixtures.spans(20, 1)))).get();
            producer.send(new ProducerRecord<>(topic, 0, Instant.parse("2024-06-01T00:00:00Z").toEpochMilli(), null,
                    OtlpProtoWriter.bare(TraceFixtures.spans(21, 1)))).get();
        }
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(16);
        KafkaSource source = new KafkaSource(settings(topic, null, KafkaSource.Start.TIMESTAMP,
                Instant.parse("2024-03-01T00:00:00Z")), queue, p -> { });
        Thread t = new Thread(source);
        t.start();
        KafkaSource.Delivery first = queue.poll(30, TimeUnit.SECONDS);
        int more = awaitCaughtUp(source, queue);
        source.close();
        t.join(10_000);
        assertThat(first).isNotNull();
        assertThat(first.offset()).isEqualTo(1);
        assertThat(more).as("nothing before the timestamp").isZero();
    }
}
