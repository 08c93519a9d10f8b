package dev.sloscout.pipeline.bench;

import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.connectors.kafka.RecordDecoder;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.ServiceCapsules;
import dev.sloscout.engine.capsule.TemplateMiner;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.demo.DemoLog;
import dev.sloscout.pipeline.stream.ClusterAnalysis;
import dev.sloscout.pipeline.stream.DemoDump;
import dev.sloscout.pipeline.stream.StreamJob;
import dev.sloscout.pipeline.stream.StreamSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One stream job instance mining a logs topic, against a broker in this JVM: the demo shop's log records (OTLP/JSON,
 * 50 records of one service to a Kafka record, keyed by service) are put on the topic first, then the job is started
 * and timed until its capsules count every event. Prints log events/s and the size of a service's mining state (what
 * its snapshot in the state store holds) per service and per template.
 */
public final class StreamLogThroughputBench {
    private StreamLogThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        long wanted = Long.parseLong(args[0]);
        int partitions = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("stream-log-bench");
        List<DemoLog> logs = DemoDump.logs(7, Math.max(1, wanted / 900.0)); // about 900 records a day per request a minute
        System.out.printf(Locale.ROOT, "%,d log records, %d partitions%n", logs.size(), partitions);
        stateSizes(logs);
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("otlp_spans", partitions, (short) 1),
                        new NewTopic("otlp_logs", partitions, (short) 1))).all().get();
            }
            DemoDump.produceLogs(kafka.bootstrap(), "otlp_logs", logs, 50);
            StreamSettings settings = StreamSettings.defaults(kafka.bootstrap(), "otlp_spans", "bench", "bench.",
                    dir.resolve("state")).withTimes(Duration.ofSeconds(2), StreamSettings.DEFAULT_IDLE,
                    StreamSettings.DEFAULT_ROOT_WAIT).withLogsTopic("otlp_logs");
            long start = System.nanoTime();
            ClusterAnalysis.Snapshot last;
            try (StreamJob job = StreamJob.start(settings)) {
                while (true) {
                    Thread.sleep(250);
                    last = ClusterAnalysis.read(kafka.bootstrap(), "bench.", new Properties(), Duration.ofSeconds(30),
                            () -> false);
                    if (last.capsules().stream().mapToLong(Capsule::count).sum() >= logs.size()) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "every log event in a capsule after %.1f s: %,.0f events/s (startup, the "
                    + "first rebalance and up to one 2 s emission included)%n", seconds, logs.size() / seconds);
            System.out.printf(Locale.ROOT, "%d capsules, counts %s%n", last.capsules().size(), last.counts());
        }
    }

    /** What each service's mining state encodes to once every event is mined, as the job's snapshot store holds it. */
    private static void stateSizes(List<DemoLog> logs) {
        Map<String, ServiceCapsules> services = new LinkedHashMap<>();
        int offset = 0;
        for (int from = 0; from < logs.size(); from += 50) {
            byte[] record = DemoDump.logLines(logs.subList(from, Math.min(logs.size(), from + 50)), 50)
                    .getBytes(StandardCharsets.UTF_8);
            for (LogEvent e : RecordDecoder.decode("otlp_logs", 0, offset++, record).logs()) {
                services.computeIfAbsent(e.service(), s -> new ServiceCapsules(s, TemplateMiner.DEFAULT_MAX_TEMPLATES))
                        .accept(e, null, TraceLookup.NONE, source -> 0L);
            }
        }
        long bytes = 0;
        long templates = 0;
        for (ServiceCapsules s : services.values()) {
            s.learn(TraceLookup.NONE, source -> 0L);
            bytes += s.encode().length;
            templates += s.templateCount();
        }
        System.out.printf(Locale.ROOT, "state: %d services, %d templates, %,d bytes encoded (%,.0f per service, "
                + "%,.0f per template)%n", services.size(), templates, bytes, (double) bytes / services.size(),
                (double) bytes / Math.max(1, templates));
    }
}
