package dev.sloscout.pipeline.live;

import dev.sloscout.connectors.kafka.KafkaSource;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.trace.SpanSink;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/** Kafka topics as a live source: a {@link KafkaSource} on its own named thread, a bounded queue to the session. */
public final class KafkaLiveSource extends LiveSource {
    static final int QUEUE = 64;

    private final KafkaSource.Settings settings;
    private final BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Consumer<Problem> problems;
    private volatile KafkaSource source;
    private Thread thread;
    private long problemCount;

    public KafkaLiveSource(KafkaSource.Settings settings, Consumer<Problem> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "kafka " + settings.bootstrapServers() + " " + String.join(",", settings.topics())
                + (settings.groupId() == null ? "" : " (group " + settings.groupId() + ")");
    }

    @Override
    public String kind() {
        return "kafka";
    }

    @Override
    void start() {
        source = new KafkaSource(settings, queue, problem -> {
            synchronized (this) {
                problemCount++;
            }
            problems.accept(problem);
        });
        thread = new Thread(source, "kafka-source-" + String.join(",", settings.topics()));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    int drain(SpanSink spans, LogSink logs, int max) {
        KafkaSource current = source;
        return drainQueue(queue, KafkaSource.Delivery::spans, KafkaSource.Delivery::logs, spans, logs, max,
                current == null ? d -> { } : current::done); // the assembler has them: the offset may be committed
    }

    @Override
    public String state() {
        if (source == null) {
            return "not started";
        }
        KafkaSource.State s = source.state();
        return paused() ? "paused by you (" + (s == KafkaSource.State.PAUSED ? "partitions paused" : "queue filling") + ")"
                : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public long received() {
        return source == null ? 0 : source.records();
    }

    @Override
    public long lag() {
        if (source == null || source.lag() < 0) {
            return -1;
        }
        return source.lag() + queue.size();
    }

    @Override
    public synchronized long errors() {
        return problemCount;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
