package dev.sloscout.pipeline.stream;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.TraceId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream job's topology on Kafka's test driver (its real processors, its stores kept in memory, time moved by
 * hand): when traces close, what is counted, what goes to the dead-letter topic. The RocksDB stores are exercised by
 * the tests on a real broker (StreamEquivalenceTest, StreamCrashTest).
 */
class StreamTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration ROOT_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> spans;
    private final StreamSettings settings = StreamSettings.defaults("127.0.0.1:1", "otlp_spans", "topology-test",
            "out.", Path.of(".")).withTimes(Duration.ofSeconds(5), IDLE, ROOT_WAIT).withLogsTopic("otlp_logs");
    private final OtlpJsonWriter writer = new OtlpJsonWriter();

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(StreamTopology.build(settings, false), props, T0);
        spans = driver.createInputTopic("otlp_spans", new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A checkout: frontend POST /checkout -> payment /charge (client and server spans). */
    private static List<Span> trace(long id, long startMillis, boolean failed) {
        TraceId traceId = new TraceId(7, id);
        long start = (T0.toEpochMilli() + startMillis) * 1_000_000L;
        Span root = Span.builder().traceId(traceId).spanId(new SpanId(id * 10 + 1)).name("POST /checkout")
                .kind(SpanKind.SERVER).resource(Resource.ofService("frontend")).startEpochNanos(start)
                .endEpochNanos(start + 80_000_000L).status(failed ? dev.sloscout.engine.model.Status.of(
                        dev.sloscout.engine.model.StatusCode.ERROR, "boom") : null).build();
        Span call = Span.builder().traceId(traceId).spanId(new SpanId(id * 10 + 2)).parentSpanId(root.spanId())
                .name("POST /charge").kind(SpanKind.CLIENT).resource(Resource.ofService("frontend"))
                .startEpochNanos(start + 5_000_000L).endEpochNanos(start + 60_000_000L).build();
        Span served = Span.builder().traceId(traceId).spanId(new SpanId(id * 10 + 3)).parentSpanId(call.spanId())
                .name("POST /charge").kind(SpanKind.SERVER).resource(Resource.ofService("payment"))
                .startEpochNanos(start + 6_000_000L).endEpochNanos(start + 58_000_000L).build();
        return List.of(root, call, served);
    }

    private void send(List<Span> spans, Duration at) {
        this.spans.pipeInput(new TestRecord<>(null, writer.request(spans, false).getBytes(StandardCharsets.UTF_8),
                T0.plus(at)));
    }

    private ClusterAnalysis.Snapshot output() {
        Map<String, byte[]> journeys = latest(settings.outputs().journeys());
        Map<String, byte[]> windows = latest(settings.outputs().history());
        Map<String, byte[]> status = latest(settings.outputs().status());
        long deadLetters = driver.createOutputTopic(settings.outputs().deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).getQueueSize();
        return ClusterAnalysis.snapshot("test", journeys, windows, status, java.util.Map.of(), deadLetters, new ArrayList<>());
    }

    private Map<String, byte[]> latest(String topic) {
        Map<String, byte[]> out = new HashMap<>();
        driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList()
                .forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    /** Moves the clock on so that the punctuations run (closing traces, then writing snapshots). */
    private void tick(Duration by) {
        driver.advanceWallClockTime(by);
    }

    @Test
    void aTraceCutOverRecordsIsAssembledOnceAndItsDuplicatesAreCountedOnce() {
        List<Span> a = trace(1, 0, false);
        send(a.subList(0, 1), Duration.ZERO);
        send(a.subList(1, 3), Duration.ofSeconds(2));
        send(a.subList(0, 2), Duration.ofSeconds(3)); // a retried batch: two spans again
        send(trace(2, 15_000, true), Duration.ofSeconds(15)); // record time moves 12 s past trace 1's last span
        tick(Duration.ofSeconds(5));
        tick(Duration.ofSeconds(5));
        ClusterAnalysis.Snapshot out = output();
        assertThat(out.report().assignedTraces()).as("trace 1 closed by stream time, trace 2 still open").isEqualTo(1);
        Journey checkout = out.report().journeys().get(0);
        assertThat(checkout.traces()).isEqualTo(1);
        assertThat(checkout.errorTraces()).isZero();
        assertThat(checkout.edges()).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo("payment"));
        assertThat(out.count("duplicateSpans")).isEqualTo(2);
        assertThat(out.count("spans")).isEqualTo(3 + 2 + 3);
        assertThat(out.report().tracesWithOrphans()).as("both halves met: no orphan").isZero();
    }

    @Test
    void eachJourneysSliCandidatesGoOutAsAnAnalysisWouldProposeThem() throws Exception {
        for (int i = 0; i < 40; i++) {
            send(trace(i + 1, i * 1000L, i % 10 == 0), Duration.ofSeconds(i));
        }
        tick(ROOT_WAIT.plusSeconds(5));
        tick(Duration.ofSeconds(5));
        tick(JourneyStage.CANDIDATES_EVERY); // candidates are written at most once a minute per journey
        Map<String, byte[]> candidates = latest(settings.outputs().sliCandidates());
        ClusterAnalysis.Snapshot out = output();
        var local = out.analysis(dev.sloscout.pipeline.PipelineOptions.defaults().profiles());
        assertThat(out.report().assignedTraces()).isEqualTo(40);
        assertThat(candidates.keySet()).containsExactlyInAnyOrderElementsOf(local.candidates().stream()
                .map(dev.sloscout.engine.sli.SliCandidate::id).toList());
        var availability = new com.fasterxml.jackson.databind.ObjectMapper().readTree(candidates.get(
                out.report().journeys().get(0).id() + "-availability"));
        assertThat(availability.get("journeyId").asText()).isEqualTo(out.report().journeys().get(0).id());
        assertThat(availability.get("queries")).isNotEmpty();
        assertThat(availability.get("proposals")).isNotEmpty();
        assertThat(availability.get("observed").get("good").asLong()).isEqualTo(36); // every tenth failed
        assertThat(availability.get("observed").get("total").asLong()).isEqualTo(40);
    }

    @Test
    void journeysBeyondTheBoundAreCountedNotKept() throws Exception {
        driver.close();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-bound");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("bound").toString());
        driver = new TopologyTestDriver(StreamTopology.build(settings.withMaxJourneys(1), false), props, T0);
        spans = driver.createInputTopic("otlp_spans", new ByteArraySerializer(), new ByteArraySerializer());
        send(trace(1, 0, false), Duration.ZERO);
        send(renamed(trace(2, 1000, false), "GET /search"), Duration.ofSeconds(1));
        send(renamed(trace(3, 2000, false), "GET /search"), Duration.ofSeconds(2));
        tick(ROOT_WAIT.plusSeconds(5));
        tick(Duration.ofSeconds(5));
        ClusterAnalysis.Snapshot out = output();
        assertThat(out.report().journeys()).hasSize(1); // the test driver has one partition
        assertThat(out.report().assignedTraces() + out.count("overflowTraces")).isEqualTo(3);
        assertThat(out.count("overflowTraces")).isPositive();
        assertThat(out.problems()).anySatisfy(p -> assertThat(p.reason()).contains("--max-journeys"));
    }

    private static List<Span> renamed(List<Span> trace, String rootName) {
        List<Span> out = new ArrayList<>(trace);
        Span root = out.get(0);
        out.set(0, new Span(root.traceId(), root.spanId(), root.parentSpanId(), root.resource(), rootName, root.kind(),
                root.startEpochNanos(), root.endEpochNanos(), root.status(), root.attributes(), root.exceptions(),
                root.shared()));
        return out;
    }

    @Test
    void aQuietInputClosesItsTracesAfterTheRootWaitNotBefore() {
        send(trace(1, 0, true), Duration.ZERO);
        tick(IDLE.plusSeconds(5));
        assertThat(output().report().assignedTraces()).as("a quiet input may be a stalled one").isZero();
        tick(ROOT_WAIT);
        tick(Duration.ofSeconds(5)); // the snapshot of what closed
        ClusterAnalysis.Snapshot out = output();
        assertThat(out.report().assignedTraces()).isEqualTo(1);
        assertThat(out.report().journeys().get(0).errorTraces()).isEqualTo(1);
        assertThat(out.report().histories()).hasSize(1);
        assertThat(out.report().histories().values().iterator().next().availability().total()).containsOnly(1);
    }

    @Test
    void aSpanForAClosedTraceIsALatePartCountedAsPartial() {
        List<Span> a = trace(1, 0, false);
        send(a.subList(0, 2), Duration.ZERO);
        send(trace(2, 30_000, false), Duration.ofSeconds(30)); // trace 1 closes without its payment span
        tick(Duration.ofSeconds(5));
        send(a.subList(2, 3), Duration.ofSeconds(31));
        send(a.subList(0, 1), Duration.ofSeconds(31)); // and a duplicate of a span it had
        // a late part has no root: like a rootless trace it closes after the root wait
        send(trace(3, 95_000, false), Duration.ofSeconds(95));
        tick(Duration.ofSeconds(5));
        tick(Duration.ofSeconds(5));
        ClusterAnalysis.Snapshot out = output();
        assertThat(out.count("lateSpans")).isEqualTo(1);
        assertThat(out.count("duplicateSpans")).isEqualTo(1);
        assertThat(out.report().partialTraces()).isEqualTo(1);
        assertThat(out.report().assignedTraces()).isEqualTo(2);
    }

    @Test
    void badRecordsGoWholeToTheDeadLetterTopicWithOriginAndReason() {
        byte[] garbage = "not telemetry".getBytes(StandardCharsets.UTF_8);
        spans.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), garbage, T0));
        send(trace(1, 0, false), Duration.ofSeconds(1));
        var dead = driver.createOutputTopic(settings.outputs().deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(r.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
            assertThat(header(r.headers().lastHeader(DecodeStage.ORIGIN_HEADER))).isEqualTo("otlp_spans/0/0");
            assertThat(header(r.headers().lastHeader(DecodeStage.REASON_HEADER))).contains("not a trace file");
            assertThat(header(r.headers().lastHeader(DecodeStage.PARTIAL_HEADER))).isEqualTo("false");
        });
        tick(ROOT_WAIT.plusSeconds(5));
        tick(Duration.ofSeconds(5));
        assertThat(output().report().assignedTraces()).as("the good record after it is analysed").isEqualTo(1);
    }

    @Test
    void logRecordsAreMinedIntoTheCapsulesAFilePathAnalysisFinds() {
        List<dev.sloscout.engine.demo.DemoLog> all = new ArrayList<>();
        dev.sloscout.engine.demo.DemoShop.generate(3, 1, 6, span -> { }, all::add);
        // enough for the busiest services' layouts to be learnt (1,000 lines), few enough for the test driver, which
        // commits after each repartitioned event
        List<dev.sloscout.engine.demo.DemoLog> logs = all.subList(0, 2500);
        var logTopic = driver.createInputTopic("otlp_logs", new ByteArraySerializer(), new ByteArraySerializer());
        var writer = new dev.sloscout.connectors.files.OtlpJsonLogWriter();
        var local = new dev.sloscout.engine.capsule.CapsuleAccumulator(new dev.sloscout.engine.redact.Redactor(),
                dev.sloscout.engine.capsule.TraceLookup.NONE, 2026);
        for (int from = 0; from < logs.size(); from += 250) {
            var batch = logs.subList(from, Math.min(logs.size(), from + 250));
            var record = writer.request(batch).getBytes(StandardCharsets.UTF_8);
            // what the file path's reader makes of the same records
            dev.sloscout.connectors.kafka.RecordDecoder.decode("otlp_logs", 0, from, record).logs()
                    .forEach(local::accept);
            if (from == 0) { // log records on the spans topic are mined as well
                spans.pipeInput(new TestRecord<>(null, record, T0));
            } else {
                logTopic.pipeInput(new TestRecord<>(null, record, T0.plusMillis(from)));
            }
        }
        logTopic.pipeInput(new TestRecord<>(null, new byte[] {0x0a, 0x7f, 0x01}, T0.plusSeconds(60)));
        tick(Duration.ofSeconds(5));

        Map<String, Long> expected = new HashMap<>();
        local.capsules().forEach(c -> expected.put(c.id() + " " + c.template(), c.count()));

        Map<String, byte[]> records = latest(settings.outputs().capsules());
        ClusterAnalysis.Snapshot out = ClusterAnalysis.snapshot("test", Map.of(), Map.of(),
                latest(settings.outputs().status()), records, 0, new ArrayList<>());
        Map<String, Long> mined = new HashMap<>();
        out.capsules().forEach(c -> mined.put(c.id() + " " + c.template(), c.count()));
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(mined).isEqualTo(expected);
        assertThat(out.count("logEvents")).isEqualTo(logs.size());
        assertThat(out.analysis(dev.sloscout.pipeline.PipelineOptions.defaults().profiles()).capsules())
                .isEqualTo(out.capsules());
        var dead = driver.createOutputTopic(settings.outputs().deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> assertThat(header(r.headers()
                .lastHeader(DecodeStage.ORIGIN_HEADER))).startsWith("otlp_logs/0/"));
    }

    @Test
    void settingsRunExactlyOnceAndGivenClientSettingsWin() {
        Properties given = new Properties();
        given.put("session.timeout.ms", "6000");
        StreamSettings custom = new StreamSettings("b:9092", "spans", "app", "p.", dir, 2, Duration.ofSeconds(1),
                IDLE, ROOT_WAIT, given);
        Properties config = custom.streamsConfig();
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.get("session.timeout.ms")).isEqualTo("6000");
        assertThat(config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000);
        assertThat(settings.streamsConfig().get("session.timeout.ms")).isEqualTo(10_000);
        // a static member, named by its state directory: the same after a restart, another for another instance
        Object member = custom.streamsConfig().get("group.instance.id");
        assertThat(member).asString().startsWith("app-");
        assertThat(custom.streamsConfig().get("group.instance.id")).isEqualTo(member);
        assertThat(new StreamSettings("b:9092", "spans", "app", "p.", dir.resolve("other"), 2, Duration.ofSeconds(1),
                IDLE, ROOT_WAIT, given).streamsConfig().get("group.instance.id")).isNotEqualTo(member);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StreamSettings("b", "s", "a", "p", dir, 0,
                IDLE, IDLE, IDLE, null)).hasMessageContaining("threads");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.withMaxJourneys(0))
                .hasMessageContaining("max journeys");
    }

    @Test
    void damagedSnapshotsAreSkippedAndSaid() {
        Map<String, byte[]> journeys = Map.of("j-1", "{not json".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> windows = Map.of("j-1@1", "{\"format\":1,\"counts\":[1]}".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> status = Map.of("assembly-0", "{\"format\":9}".getBytes(StandardCharsets.UTF_8));
        ClusterAnalysis.Snapshot out = ClusterAnalysis.snapshot("test", journeys, windows, status, java.util.Map.of(), 0,
                new ArrayList<>());
        assertThat(out.report().journeys()).isEmpty();
        assertThat(out.problems()).extracting(dev.sloscout.engine.model.Problem::location)
                .containsExactlyInAnyOrder("journey j-1", "window j-1@1", "status assembly-0");
        assertThat(out.problems()).allSatisfy(p -> assertThat(p.reason()).contains("skipped"));
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
