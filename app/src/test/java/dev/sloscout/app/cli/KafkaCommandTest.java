package dev.sloscout.app.cli;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.connectors.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class KafkaCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesAStartThatIsNotATime() {
        CliRun run = CliRun.of("kafka", "--bootstrap", "127.0.0.1:1", "--from", "yesterday", "--out",
                dir.resolve("x.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from yesterday: expected earliest, latest or an ISO-8601 time");
    }

    @Test
    @Tag("slow") // in the slow profile (.ci/run runs it): keeps the README's test command within five minutes
    void consumesATopicIntoAFileThatAnalyzeReads() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("otlp_spans", OtlpProtoWriter.bare(TraceFixtures.spans(4, 6))))
                        .get();
                producer.send(new ProducerRecord<>("otlp_spans", "garbage".getBytes(StandardCharsets.UTF_8))).get();
            }
            Path out = dir.resolve("spans.jsonl");
            CliRun run = CliRun.of("kafka", "--bootstrap", kafka.bootstrap(), "--topic", "otlp_spans", "--out",
                    out.toString(), "--seconds", "6", "--sasl-user", "ignored-without-mechanism");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // one record did not decode
            assertThat(run.err()).contains("slo-scout: kafka otlp_spans:partition ").contains("offset 1");
            assertThat(run.out()).contains("from 2 records (1 rejected)");
            CliRun stats = CliRun.of("ingest-stats", out.toString(), "--json");
            assertThat(new ObjectMapper().readTree(stats.out()).get("traces").asInt()).isEqualTo(6);
        }
    }
}
