package dev.sloscout.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The source's commits against a consumer that refuses them, as a broker does while its coordinator loads. */
class KafkaSourceCommitTest {
    /**
     * A commit the broker refused is asked for again: every asynchronous commit refused, the source's last commit as
     * it stops carries the offset after all that was done, so a group that resumes reads none of it again.
     */
    @Test
    void aRefusedCommitIsAskedForAgain() throws Exception {
        TopicPartition partition = new TopicPartition("otlp_spans", 0);
        AtomicLong refusedUpTo = new AtomicLong(-1);
        AtomicLong committedUpTo = new AtomicLong(-1);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                    OffsetCommitCallback callback) {
                if (callback == null) { // commitSync's own way in
                    super.commitAsync(offsets, null);
                    return;
                }
                offsets.values().forEach(o -> refusedUpTo.accumulateAndGet(o.offset(), Math::max));
                callback.onComplete(offsets, new RetriableCommitFailedException("the coordinator is loading"));
            }

            @Override
            public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                offsets.values().forEach(o -> committedUpTo.accumulateAndGet(o.offset(), Math::max));
                super.commitSync(offsets);
            }
        };
        List<Span> spans = TraceFixtures.spans(7, 1);
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(partition, 0L));
            consumer.updateEndOffsets(Map.of(partition, (long) spans.size()));
            consumer.rebalance(List.of(partition));
            for (int i = 0; i < spans.size(); i++) {
                consumer.addRecord(new ConsumerRecord<>(partition.topic(), 0, i, null,
                        OtlpProtoWriter.bare(List.of(spans.get(i)))));
            }
        });
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(64);
        List<Problem> problems = new CopyOnWriteArrayList<>();
        KafkaSource source = new KafkaSource(new KafkaSource.Settings("127.0.0.1:9", List.of(partition.topic()),
                KafkaSource.Start.EARLIEST, null, "slo-scout-test", "test", null), queue, problems::add, consumer);
        Thread thread = new Thread(source, "kafka-source");
        thread.start();
        for (int taken = 0; taken < spans.size(); taken++) {
            KafkaSource.Delivery delivery = queue.poll(10, TimeUnit.SECONDS);
            assertThat(delivery).as("delivery %d", taken).isNotNull();
            source.done(delivery);
        }
        Instant end = Instant.now().plusSeconds(10);
        while (refusedUpTo.get() < spans.size() && Instant.now().isBefore(end)) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(refusedUpTo.get()).as("the commit after every record was refused").isEqualTo(spans.size());
        source.close();
        thread.join(10_000);

        assertThat(committedUpTo.get()).as("committed as it stopped").isEqualTo(spans.size());
        assertThat(problems).isEmpty();
    }
}
