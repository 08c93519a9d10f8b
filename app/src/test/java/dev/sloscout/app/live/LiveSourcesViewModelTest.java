package dev.sloscout.app.live;

import org.junit.jupiter.api.Tag;
import dev.sloscout.pipeline.live.OtlpReceiverSource;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Span;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Live sources against the real OTLP/HTTP receiver and a real Kafka broker; snapshots arrive while data streams. */
@Tag("integration")
class LiveSourcesViewModelTest {
    @TempDir
    Path dir;

    private final AtomicReference<Analysis> latest = new AtomicReference<>();
    private final LiveSourcesViewModel vm = new LiveSourcesViewModel(BackgroundTasks.SAME_THREAD, Runnable::run,
            latest::set, Duration.ofMillis(200), Duration.ofMillis(300));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        vm.close();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    private int post(String base, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theReceiverFeedsJourneysWhileDataArrivesAndPausingPushesBack() throws Exception {
        vm.addReceiver("127.0.0.1:0");
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.state()).startsWith("listening on http://127.0.0.1:"));
        OtlpReceiverSource source = (OtlpReceiverSource) vm.rows().get(0).source();
        String base = "http://127.0.0.1:" + source.address().getPort();
        List<Span> spans = ShopTraffic.spans(3, 120);
        assertThat(post(base, new OtlpJsonWriter().request(spans.subList(0, spans.size() / 2), false))).isEqualTo(200);
        await(() -> latest.get() != null && !latest.get().journeys().isEmpty(), "a first snapshot with journeys");
        long firstTraces = latest.get().summary().traces();
        assertThat(post(base, new OtlpJsonWriter().request(spans.subList(spans.size() / 2, spans.size()), false))).isEqualTo(200);
        await(() -> latest.get().summary().traces() > firstTraces, "the second half to be analysed");
        await(() -> latest.get().summary().spans() == spans.size(), () -> "every span analysed, got "
                + latest.get().summary().spans() + " of " + spans.size() + "; " + latest.get().summary().assembly());
        assertThat(latest.get().candidates()).isNotEmpty();
        vm.refresh();
        assertThat(vm.rows().get(0).received()).isEqualTo(2);

        vm.pause(vm.rows().get(0));
        assertThat(vm.rows().get(0).state()).startsWith("paused by you");
        String one = new OtlpJsonWriter().request(ShopTraffic.spans(9, 1), false);
        int status = 200;
        for (int i = 0; i < OtlpReceiverSource.QUEUE + 2 && status == 200; i++) {
            status = post(base, one);
        }
        assertThat(status).as("a paused source fills its queue, then the sender is told to retry").isEqualTo(429);
        vm.refresh();
        assertThat(vm.rows().get(0).lag()).isEqualTo(OtlpReceiverSource.QUEUE);
        assertThat(vm.rows().get(0).errors()).isGreaterThanOrEqualTo(1);
        vm.resume(vm.rows().get(0));
        await(() -> source.lag() == 0, "the queue to drain after resuming");

        vm.remove(vm.rows().get(0));
        assertThat(vm.rows()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(base, one)).isInstanceOf(java.io.IOException.class);
    }

    /**
     * The Collector's {@code filelog} receiver without a multiline rule sends a file a line a record, and its
     * {@code otlphttp} exporter sends protobuf: in the live session as in a file, a stack trace sent so is one event
     * under its message, each service's lines apart, its header (level, time) read as a file's line is.
     */
    @Test
    void bareLinesSentToTheLiveReceiverAreFoldedAsAFilesLinesAre() throws Exception {
        vm.addReceiver("127.0.0.1:0");
        OtlpReceiverSource source = (OtlpReceiverSource) vm.rows().get(0).source();
        ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(resourceLogs("shop", "2024-03-01 12:00:00,000 ERROR [main] c.a.Shop - could not save",
                        "java.lang.IllegalStateException: save failed", "\tat c.a.Shop.save(Shop.java:12)",
                        "\tat c.a.Shop.main(Shop.java:5)",
                        "2024-03-01 12:00:01,000 INFO [main] c.a.Shop - order placed"))
                .addResourceLogs(resourceLogs("cart", "2024-03-01 12:00:00,500 INFO [main] c.a.Cart - cart emptied"))
                .build();
        int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + source.address().getPort()
                        + "/v1/logs")).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isEqualTo(200);

        await(() -> latest.get() != null && latest.get().capsules().size() >= 3, "the lines mined");
        assertThat(latest.get().capsules()).extracting(c -> c.service() + " " + c.worstSeverity() + " " + c.count())
                .containsExactlyInAnyOrder("shop ERROR 1", "shop INFO 1", "cart INFO 1");
        assertThat(latest.get().capsules()).filteredOn(c -> c.worstSeverity() == Severity.ERROR).singleElement()
                .satisfies(c -> assertThat(c.samples().get(0).text()).contains("could not save")
                        .contains("save failed").contains("Shop.java:5"));
    }

    /** One service's records, each a bare line (a body and the time it was read, nothing else). */
    private static ResourceLogs resourceLogs(String service, String... lines) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder();
        for (String line : lines) {
            scope.addLogRecords(LogRecord.newBuilder().setObservedTimeUnixNano(1_709_294_400_000_000_000L)
                    .setBody(AnyValue.newBuilder().setStringValue(line)));
        }
        return ResourceLogs.newBuilder().setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder()
                .setKey("service.name").setValue(AnyValue.newBuilder().setStringValue(service)))).addScopeLogs(scope)
                .build();
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README's test command within five minutes
    void aKafkaTopicFeedsJourneysWithLagAndUndecodableRecordsCounted() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            List<Span> spans = ShopTraffic.spans(5, 80);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("otlp_spans", OtlpProtoWriter.bare(spans))).get();
                producer.send(new ProducerRecord<>("otlp_spans", "garbage".getBytes(StandardCharsets.UTF_8))).get();
            }
            vm.addKafka(kafka.bootstrap(), "otlp_spans", "workbench-test", "earliest");
            await(() -> latest.get() != null && latest.get().summary().spans() == spans.size(), "every span analysed");
            assertThat(latest.get().journeys()).isNotEmpty();
            await(() -> {
                vm.refresh();
                return vm.rows().get(0).errors() == 1 && vm.rows().get(0).lag() == 0 && vm.rows().get(0).received() == 2;
            }, "the garbage record counted and no lag left");
            assertThat(vm.rows().get(0).state()).isEqualTo("running");
            assertThat(latest.get().problems()).anySatisfy(pr -> assertThat(pr.toLine()).contains("partition ").contains(" offset ").contains("\"garbage\""));
            vm.addKafka("", "", "", "");
            assertThat(vm.statusProperty().get()).startsWith("Kafka source not added: give the bootstrap servers");
            vm.addKafka(kafka.bootstrap(), "otlp_spans", "", "yesterday");
            assertThat(vm.statusProperty().get()).startsWith("Kafka source not added");
        }
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void aPrometheusServersSliCandidatesJoinTheAnalysisAndTheStudioDrawsTheirHistory() throws Exception {
        try (dev.sloscout.connectors.prometheus.RealPrometheus prometheus =
                     dev.sloscout.connectors.prometheus.RealPrometheus.start(java.nio.file.Files.createDirectories(dir.resolve("prometheus")))) {
            vm.setPrometheusEvery(Duration.ofSeconds(1));
            vm.addPrometheus(prometheus.url(), "1h");
            assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("prometheus"));
            await(() -> latest.get() != null && latest.get().candidates().stream()
                    .anyMatch(c -> c.id().equals("prom-traces_span_metrics_calls_total-availability")), "Prometheus SLIs");
            Analysis analysis = latest.get();
            dev.sloscout.engine.sli.SliCandidate calls = analysis.candidates().stream()
                    .filter(c -> c.id().equals("prom-traces_span_metrics_calls_total-availability")).findFirst().orElseThrow();
            assertThat(calls.proposals()).hasSize(3);
            assertThat(analysis.history(calls, 0).totalEvents()).isPositive();

            dev.sloscout.app.slostudio.SloStudioViewModel studio = new dev.sloscout.app.slostudio.SloStudioViewModel(
                    new javafx.beans.property.SimpleObjectProperty<>(analysis));
            studio.selectedProperty().set(calls);
            assertThat(studio.chartsProperty().get().sli().points()).isNotEmpty();
            assertThat(studio.summaryProperty().get()).contains("traces_span_metrics_calls_total availability");
            await(() -> {
                vm.refresh();
                return vm.rows().get(0).received() >= 2;
            }, "a second discovery round");
            assertThat(vm.rows().get(0).state()).contains("SLI candidates at");

            vm.addPrometheus("http://127.0.0.1:1", "1h");
            assertThat(vm.statusProperty().get()).startsWith("prometheus http://127.0.0.1:1 (1h) could not start: ")
                    .contains("http://127.0.0.1:1/api/v1/status/buildinfo");
            vm.addPrometheus(prometheus.url(), "forever");
            assertThat(vm.statusProperty().get()).startsWith("Prometheus not added: range forever");
        }
    }
}
