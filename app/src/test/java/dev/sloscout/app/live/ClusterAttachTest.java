package dev.sloscout.app.live;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.engine.model.Span;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.stream.ClusterAnalysis;
import dev.sloscout.pipeline.stream.DemoDump;
import dev.sloscout.pipeline.stream.StreamJob;
import dev.sloscout.pipeline.stream.StreamSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sources panel attached to a stream job on a real broker: its journeys, SLIs and capsules become the analysis
 * shown.
 */
@Tag("slow")
class ClusterAttachTest {
    @TempDir
    Path dir;

    @Test
    void attachingShowsTheJobsJourneysAndAWrongPrefixSaysWhy() throws Exception {
        List<List<Span>> traces = DemoDump.traces(41, 1);
        List<dev.sloscout.engine.demo.DemoLog> logs = DemoDump.logs(41, 1);
        AtomicReference<Analysis> shown = new AtomicReference<>();
        LiveSourcesViewModel vm = new LiveSourcesViewModel(BackgroundTasks.SAME_THREAD, Runnable::run, shown::set,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                DemoDump.createTopics(admin, List.of(new NewTopic("otlp_spans", 3, (short) 1),
                        new NewTopic("otlp_logs", 3, (short) 1)));
            }
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (List<Span> trace : traces) {
                records.add(new ProducerRecord<>("otlp_spans", new OtlpJsonWriter().request(trace, false)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            DemoDump.sendAll(p, records);
            DemoDump.produceLogs(kafka.bootstrap(), "otlp_logs", logs, 50);
            StreamSettings settings = StreamSettings.defaults(kafka.bootstrap(), "otlp_spans", "attach", "job.",
                    dir.resolve("state")).withTimes(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(10)).withLogsTopic("otlp_logs");
            try (StreamJob job = StreamJob.start(settings)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                ClusterAnalysis.Snapshot read;
                do {
                    Thread.sleep(500);
                    read = ClusterAnalysis.read(kafka.bootstrap(), "job.", new Properties(), Duration.ofSeconds(10),
                            () -> false);
                } while ((read.report().assignedTraces() < traces.size() || read.count("logEvents") < logs.size())
                        && System.nanoTime() < deadline);
            }

            vm.attachCluster(kafka.bootstrap(), "wrong.", "", "", "", "");
            assertThat(shown.get()).isNull();
            assertThat(vm.clusterStatusProperty().get()).contains(kafka.bootstrap()).contains("no topic wrong.journeys");

            vm.attachCluster(kafka.bootstrap(), "job.", "", "", "", "");
            assertThat(vm.clusterAttached()).isTrue();
            Analysis analysis = shown.get();
            assertThat(analysis).isNotNull();
            assertThat(analysis.report().assignedTraces()).isEqualTo(traces.size());
            assertThat(analysis.journeys()).isNotEmpty();
            assertThat(analysis.candidates()).isNotEmpty();
            assertThat(analysis.capsules()).isNotEmpty();
            assertThat(analysis.capsules().stream().mapToLong(dev.sloscout.engine.capsule.Capsule::count).sum())
                    .isEqualTo(logs.size());
            assertThat(vm.clusterStatusProperty().get()).startsWith("Attached to cluster " + kafka.bootstrap() + " job.")
                    .contains(analysis.journeys().size() + " journeys")
                    .contains(analysis.capsules().size() + " capsules from");

            vm.detachCluster();
            shown.set(null);
            vm.readCluster();
            assertThat(shown.get()).as("detached: no more reads").isNull();
        } finally {
            vm.close();
        }
    }
}
