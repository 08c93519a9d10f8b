package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.pipeline.stream.DemoDump;
import dev.sloscout.engine.model.Span;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once, for real: two {@code slo-scout stream} instances in child JVMs share a six-partition spans topic;
 * one is killed (SIGKILL) while the first half of a dump is being processed, the second half comes after. The
 * survivor takes the dead one's partitions over with their state, and {@code analyze --cluster} then finds exactly
 * the journeys, counts and percentiles, and the capsules, {@code analyze} finds in the same dump read from files.
 */
@Tag("slow")
class StreamCrashTest {
    private static final int PARTITIONS = 6;

    @TempDir
    Path dir;

    @Test
    void anInstanceKilledMidStreamLosesAndDoublesNothing() throws Exception {
        List<List<Span>> traces = DemoDump.traces(31, 3);
        List<Span> spans = traces.stream().flatMap(List::stream).toList();
        OtlpJsonWriter writer = new OtlpJsonWriter();
        Path dump = dir.resolve("dump.jsonl");
        Files.writeString(dump, String.join("\n", traces.stream().map(t -> writer.request(t, false)).toList()) + "\n");
        List<dev.sloscout.engine.demo.DemoLog> logs = DemoDump.logs(31, 3);
        Path logDump = dir.resolve("logs.jsonl");
        Files.writeString(logDump, DemoDump.logLines(logs, 50));
        CliRun local = CliRun.of("analyze", dump.toString(), logDump.toString(), "--validate", "never", "--out",
                dir.resolve("local").toString());
        assertThat(local.exitCode()).as(local.err()).isZero();

        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                DemoDump.createTopics(admin, List.of(new NewTopic("otlp_spans", PARTITIONS, (short) 1),
                        new NewTopic("otlp_logs", PARTITIONS, (short) 1)));
            }
            CliRun missing = CliRun.of("stream", "--bootstrap", kafka.bootstrap(), "--spans-topic", "no_such_topic",
                    "--state-dir", dir.resolve("state-missing").toString(), "--seconds", "1");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("kafka " + kafka.bootstrap() + ": the spans topic no_such_topic does "
                    + "not exist");
            CliRun noOutput = CliRun.of("analyze", "--cluster", kafka.bootstrap(), "--output-prefix", "nothing.",
                    "--out", dir.resolve("nothing").toString());
            assertThat(noOutput.exitCode()).isEqualTo(2);
            assertThat(noOutput.err()).contains("no topic nothing.journeys");
            int half = traces.size() / 2;
            // record times as if the dump had been written in a steady stream: the second half five seconds after
            // the first, whenever the test gets to send it (the stream job closes traces by record time)
            long base = System.currentTimeMillis();
            DemoDump.produce(kafka.bootstrap(), "otlp_spans", PARTITIONS, traces.subList(0, half), base);
            DemoDump.produceLogs(kafka.bootstrap(), "otlp_logs", logs.subList(0, logs.size() / 2), 50);
            Process victim = instance(kafka, "one");
            Process survivor = instance(kafka, "two");
            try {
                ChildProcesses.await(() -> count(kafka, "spans") > 0 && count(kafka, "logEvents") > 0,
                        Duration.ofSeconds(90), () -> "the job's first spans and log events", dir);
                // SIGKILL mid-stream, with traces open in its stores (they close after 45 quiet seconds): no
                // shutdown hook, no commit, an open transaction left behind
                assertThat(assigned(kafka)).as("no trace closed yet").isZero();
                victim.toHandle().destroyForcibly();
                victim.waitFor();
                try (var tasks = Files.list(dir.resolve("state-one").resolve("crash"))) {
                    assertThat(tasks.map(t -> t.getFileName().toString()).filter(t -> t.matches("\\d+_\\d+")))
                            .as("the killed instance owned tasks (and their state)").isNotEmpty();
                }
                DemoDump.produce(kafka.bootstrap(), "otlp_spans", PARTITIONS, traces.subList(half, traces.size()),
                        base + 5_000);
                DemoDump.produceLogs(kafka.bootstrap(), "otlp_logs", logs.subList(logs.size() / 2, logs.size()), 50);
                long expected = journeys(dir.resolve("local")).values().stream().mapToLong(j -> j.get("traces")
                        .asLong()).sum();
                long killedAt = System.nanoTime();
                StringBuilder timeline = new StringBuilder();
                ChildProcesses.await(() -> {
                    var now = read(kafka);
                    timeline.append(String.format(java.util.Locale.ROOT, "%n%5.1f s after the kill: %d in journeys, %s",
                            (System.nanoTime() - killedAt) / 1e9, now.report().assignedTraces(), now.counts()));
                    return now.report().assignedTraces() >= expected && now.capsules().stream()
                            .mapToLong(dev.sloscout.engine.capsule.Capsule::count).sum() >= logs.size();
                }, Duration.ofSeconds(180), () -> expected + " traces, " + logs.size() + " log events; what the job "
                        + "counted:" + timeline, dir);
            } finally {
                victim.toHandle().destroyForcibly();
                survivor.toHandle().destroy(); // SIGTERM: the shutdown hook commits and leaves the group
                survivor.waitFor(60, TimeUnit.SECONDS);
            }
            assertThat(survivor.isAlive()).as("SIGTERM stops the instance").isFalse();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                // at once, not after its session (6 s) timed out: the instance left the group on its way out
                assertThat(admin.describeConsumerGroups(List.of("crash")).all().get().get("crash").members())
                        .as("members of the job's group after SIGTERM").isEmpty();
            }
            CliRun cluster = CliRun.of("analyze", "--cluster", kafka.bootstrap(), "--output-prefix", "out.",
                    "--validate", "never", "--out", dir.resolve("cluster").toString());
            assertThat(cluster.exitCode()).as(cluster.err()).isZero();
            Map<String, JsonNode> want = journeys(dir.resolve("local"));
            Map<String, JsonNode> got = journeys(dir.resolve("cluster"));
            assertThat(got.keySet()).isEqualTo(want.keySet());
            for (Map.Entry<String, JsonNode> journey : want.entrySet()) {
                JsonNode g = got.get(journey.getKey());
                for (String field : List.of("name", "traces", "errorTraces", "latencyMs", "edges", "rank")) {
                    assertThat(g.get(field)).as(journey.getKey() + " " + field).isEqualTo(journey.getValue()
                            .get(field));
                }
            }
            var counts = read(kafka);
            assertThat(counts.count("lateSpans")).as("no trace was cut by the failover").isZero();
            assertThat(counts.count("spans") - counts.count("duplicateSpans")).isEqualTo(spans.size());
            JsonNode localDoc = read(dir.resolve("local"));
            JsonNode clusterDoc = read(dir.resolve("cluster"));
            assertThat(clusterDoc.get("assignedTraces")).isEqualTo(localDoc.get("assignedTraces"));
            assertThat(clusterDoc.get("sliCandidates").size()).isEqualTo(localDoc.get("sliCandidates").size());
            assertThat(capsules(clusterDoc)).as("capsules: mined again from the journal, none lost or doubled")
                    .isEqualTo(capsules(localDoc));
            assertThat(counts.count("logEvents")).isEqualTo(logs.size());
            assertThat(Files.list(dir.resolve("cluster").resolve("prometheus").resolve("rules")).count())
                    .as("the bundle is exported as from a local analysis").isPositive();
        }
    }

    /** Each capsule's template and count, by id. */
    private static Map<String, String> capsules(JsonNode analysis) {
        Map<String, String> out = new TreeMap<>();
        analysis.get("capsules").forEach(c -> out.put(c.get("id").asText(), c.get("template").asText() + " x"
                + c.get("count").asLong()));
        return out;
    }

    /** {@code slo-scout stream} in a JVM of its own, sharing the work under one application id. */
    private Process instance(EmbeddedKafka kafka, String name) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "dev.sloscout.app.Main", "stream",
                "--bootstrap", kafka.bootstrap(), "--spans-topic", "otlp_spans", "--logs-topic", "otlp_logs",
                "--app-id", "crash",
                "--output-prefix", "out.", "--state-dir", dir.resolve("state-" + name).toString(),
                // traces close after 30 s of record time without a span, or 45 s of quiet input: longer than a
                // failover takes here (a 6 s session, the dead instance's open transaction aborted after 10-20 s,
                // stores restored), so no trace is cut in two by the kill
                "--emit-every", "1s", "--idle", "30s", "--root-wait", "45s",
                // the broker's smallest session: the killed member is given up after 6 s instead of 45
                "--kafka-property", "session.timeout.ms=6000", "--kafka-property", "heartbeat.interval.ms=1000")
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".log").toFile()).start();
    }

    /** Traces the job's output counts so far (0 while there is none). */
    private static long assigned(EmbeddedKafka kafka) {
        try {
            return read(kafka).report().assignedTraces();
        } catch (IllegalStateException noOutputYet) {
            return 0;
        }
    }

    /** A count of the job's status records so far (0 while there is none). */
    private static long count(EmbeddedKafka kafka, String name) {
        try {
            return read(kafka).count(name);
        } catch (IllegalStateException noOutputYet) {
            return 0;
        }
    }

    private static dev.sloscout.pipeline.stream.ClusterAnalysis.Snapshot read(EmbeddedKafka kafka) {
        return dev.sloscout.pipeline.stream.ClusterAnalysis.read(kafka.bootstrap(), "out.", new Properties(),
                Duration.ofSeconds(20), () -> false);
    }

    private static JsonNode read(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
    }

    private static Map<String, JsonNode> journeys(Path out) {
        try {
            Map<String, JsonNode> byId = new TreeMap<>();
            read(out).get("journeys").forEach(j -> byId.put(j.get("id").asText(), j));
            return byId;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
