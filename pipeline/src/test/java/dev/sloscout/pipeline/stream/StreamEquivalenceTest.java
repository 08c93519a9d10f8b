package dev.sloscout.pipeline.stream;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same dump analysed by the file pipeline and by two instances of the stream job on a real broker (KRaft, one
 * node, in this JVM) with six partitions: the same journeys, counts, percentiles and histories, the same capsules
 * from the logs (ids, templates, counts); bad records in the dead-letter topic with where they came from and why.
 */
@Tag("slow")
class StreamEquivalenceTest {
    private static final int PARTITIONS = 6;
    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = new EmbeddedKafka(dir.resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void twoInstancesFindWhatOneAnalysisFinds() throws Exception {
        List<List<Span>> traces = DemoDump.traces(21, 2);
        List<Span> spans = traces.stream().flatMap(List::stream).toList();
        OtlpJsonWriter writer = new OtlpJsonWriter();
        Path dump = dir.resolve("dump.jsonl");
        Files.writeString(dump, traces.stream().map(t -> writer.request(t, false))
                .reduce(new StringBuilder(), (b, line) -> b.append(line).append('\n'), StringBuilder::append));
        List<dev.sloscout.engine.demo.DemoLog> logs = DemoDump.logs(21, 2);
        Path logDump = dir.resolve("logs.jsonl");
        Files.writeString(logDump, DemoDump.logLines(logs, 50));
        Analysis local = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .files(List.of(dump, logDump));
        assertThat(local.journeys()).hasSizeGreaterThan(3);
        assertThat(local.capsules()).hasSizeGreaterThan(3);
        assertThat(local.logEvents()).isEqualTo(logs.size());

        String topic = "otlp_spans";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
            DemoDump.createTopics(admin, List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                    new NewTopic("otlp_logs", PARTITIONS, (short) 1)));
        }
        byte[] proto = OtlpProtoWriter.bare(traces.get(0));
        List<byte[]> bad = List.of("not telemetry at all".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(proto, proto.length / 2), // truncated protobuf
                writer.request(spans.subList(0, 3), false).getBytes(StandardCharsets.UTF_16LE)); // wrong encoding
        int[] badPartitions = {0, 3, 5};
        // each trace in two records, the way a collector's batches cut traces: they land on different partitions
        DemoDump.produce(kafka.bootstrap(), topic, PARTITIONS, traces, null);
        DemoDump.produceLogs(kafka.bootstrap(), "otlp_logs", logs, 50);
        List<ProducerRecord<byte[], byte[]>> badRecords = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            badRecords.add(new ProducerRecord<>(topic, badPartitions[i], null, bad.get(i)));
        }
        DemoDump.sendAll(producerSettings(), badRecords);

        StreamSettings settings = new StreamSettings(kafka.bootstrap(), topic, "equivalence", "out.",
                dir.resolve("state-1"), 1, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20),
                new Properties()).withLogsTopic("otlp_logs");
        StreamSettings second = new StreamSettings(kafka.bootstrap(), topic, "equivalence", "out.",
                dir.resolve("state-2"), 1, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20),
                new Properties()).withLogsTopic("otlp_logs");
        ClusterAnalysis.Snapshot found;
        try (StreamJob one = StreamJob.start(settings); StreamJob two = StreamJob.start(second)) {
            assertThat(one.partitions()).isEqualTo(PARTITIONS);
            found = awaitTraces(local.report().assignedTraces(), spans.size(), logs.size(), Duration.ofSeconds(150));
        }

        assertThat(found.report().assignedTraces()).isEqualTo(local.report().assignedTraces());
        assertThat(found.report().partialTraces()).isEqualTo(local.report().partialTraces());
        // what decoded of the truncated record is kept (and counted once: its spans are duplicates of real ones)
        assertThat(found.count("spans") - found.count("duplicateSpans")).isEqualTo(spans.size());
        assertThat(found.count("duplicateSpans")).isLessThan(traces.get(0).size());
        Map<String, Journey> stream = new java.util.TreeMap<>();
        found.report().journeys().forEach(j -> stream.put(j.id(), j));
        assertThat(stream.keySet()).containsExactlyInAnyOrderElementsOf(local.journeys().stream().map(Journey::id)
                .toList());
        for (Journey want : local.journeys()) {
            Journey got = stream.get(want.id());
            assertThat(got.name()).isEqualTo(want.name());
            assertThat(got.rank()).isEqualTo(want.rank());
            assertThat(got.traces()).isEqualTo(want.traces());
            assertThat(got.errorTraces()).isEqualTo(want.errorTraces());
            assertThat(got.latencyMs()).isEqualTo(want.latencyMs()); // the histograms merge exactly
            assertThat(got.edges()).isEqualTo(want.edges());
            HistoryRecorder a = local.report().histories().get(want.id());
            HistoryRecorder b = found.report().histories().get(want.id());
            assertThat(b.windows().keySet()).isEqualTo(a.windows().keySet());
            a.windows().forEach((index, counts) -> assertThat(b.windows().get(index)).containsExactly(counts));
        }
        Analysis asAnalysis = found.analysis(PipelineOptions.defaults().profiles());
        assertThat(asAnalysis.candidates()).hasSameSizeAs(local.candidates());

        Map<String, String> localCapsules = new java.util.TreeMap<>();
        local.capsules().forEach(c -> localCapsules.put(c.id(), c.template() + " x" + c.count()));
        Map<String, String> streamCapsules = new java.util.TreeMap<>();
        found.capsules().forEach(c -> streamCapsules.put(c.id(), c.template() + " x" + c.count()));
        assertThat(streamCapsules).isEqualTo(localCapsules);
        assertThat(asAnalysis.logEvents()).isEqualTo(logs.size());

        assertThat(found.deadLetters()).isEqualTo(bad.size());
        assertThat(found.problems()).hasSize(bad.size()).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("kafka " + topic);
            assertThat(p.location()).matches("partition [035] offset \\d+");
            assertThat(p.reason()).isNotBlank();
        });
    }

    /**
     * Reads the job's output until it has counted the traces, spans and log events (the job closes the last traces
     * once the input has been quiet for the root wait, 20 s; each stage's counts come in snapshots of their own).
     */
    static ClusterAnalysis.Snapshot awaitTraces(long traces, long spans, long logEvents, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterAnalysis.Snapshot last = null;
        while (System.nanoTime() < deadline) {
            last = ClusterAnalysis.read(kafka.bootstrap(), "out.", new Properties(), Duration.ofSeconds(20),
                    () -> false);
            if (last.report().assignedTraces() + last.report().partialTraces() >= traces
                    && last.count("spans") - last.count("duplicateSpans") >= spans
                    && last.capsules().stream().mapToLong(dev.sloscout.engine.capsule.Capsule::count).sum()
                    >= logEvents) {
                return last;
            }
            Thread.sleep(1000);
        }
        return last;
    }

    private static Properties producerSettings() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        return props;
    }
}
