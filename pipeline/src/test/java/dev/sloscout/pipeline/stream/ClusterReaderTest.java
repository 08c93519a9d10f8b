package dev.sloscout.pipeline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.connectors.kafka.EmbeddedKafka;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that reads a job's output again (the workbench every few seconds) reads only what was written since,
 * and its result is the whole output: counts not doubled, capsules replaced by newer snapshots or removed by
 * tombstones. Records are written to the output topics by hand, as a job would.
 */
@Tag("slow")
class ClusterReaderTest {
    @TempDir
    Path dir;

    private static Capsule capsule(String id, long count) {
        return new Capsule(id, "t-" + id, List.of(), "cart", "cart " + id + " <NUM>", count, Map.of(Severity.INFO,
                count), LogHeader.NO_TIME, LogHeader.NO_TIME, 60_000, new TreeMap<>(), List.of(), List.of(), 0, 0,
                Map.of());
    }

    @Test
    void aSecondReadTakesOnlyWhatWasWrittenSince() throws Exception {
        OutputTopics out = new OutputTopics("r.");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("broker"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
                DemoDump.createTopics(admin, List.of(out.journeys(), out.history(), out.status(), out.deadLetters(),
                        out.capsules()).stream().map(t -> new NewTopic(t, 2, (short) 1)).toList());
            }
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer());
                 ClusterReader reader = new ClusterReader(kafka.bootstrap(), "r.", new Properties(),
                         Duration.ofSeconds(20))) {
                producer.send(new ProducerRecord<>(out.capsules(), "a", Snapshots.capsule(capsule("a", 3))));
                producer.send(new ProducerRecord<>(out.capsules(), "b", Snapshots.capsule(capsule("b", 1))));
                producer.send(new ProducerRecord<>(out.status(), "capsules-0", Snapshots.status("capsules", 0,
                        Map.of("logEvents", 4L))));
                producer.send(new ProducerRecord<>(out.deadLetters(), null, "junk".getBytes(StandardCharsets.UTF_8)));
                producer.flush();
                ClusterAnalysis.Snapshot first = reader.read(() -> false);
                assertThat(first.capsules()).extracting(Capsule::id).containsExactly("a", "b");
                assertThat(first.count("logEvents")).isEqualTo(4);
                assertThat(first.deadLetters()).isEqualTo(1);

                producer.send(new ProducerRecord<>(out.capsules(), "a", Snapshots.capsule(capsule("a", 7))));
                producer.send(new ProducerRecord<>(out.capsules(), "b", null)); // its template took another id
                producer.send(new ProducerRecord<>(out.capsules(), "c", Snapshots.capsule(capsule("c", 2))));
                producer.send(new ProducerRecord<>(out.status(), "capsules-0", Snapshots.status("capsules", 0,
                        Map.of("logEvents", 13L))));
                producer.send(new ProducerRecord<>(out.deadLetters(), null, "more".getBytes(StandardCharsets.UTF_8)));
                producer.flush();
                ClusterAnalysis.Snapshot second = reader.read(() -> false);
                assertThat(second.capsules()).extracting(Capsule::id, Capsule::count)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 7L),
                                org.assertj.core.groups.Tuple.tuple("c", 2L));
                assertThat(second.count("logEvents")).isEqualTo(13);
                assertThat(second.deadLetters()).as("the first dead letter is not read twice").isEqualTo(2);
                assertThat(second.problems()).hasSize(2);
            }
            try (ClusterReader wrong = new ClusterReader(kafka.bootstrap(), "nothing.", new Properties(),
                    Duration.ofSeconds(10))) {
                assertThatThrownBy(() -> wrong.read(() -> false)).hasMessageContaining("no topic nothing.journeys")
                        .hasMessageContaining(kafka.bootstrap());
            }
        }
    }
}
