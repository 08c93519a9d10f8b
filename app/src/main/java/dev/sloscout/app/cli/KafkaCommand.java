package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.connectors.kafka.KafkaSource;
import dev.sloscout.engine.redact.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slo-scout kafka --bootstrap HOST:PORT --topic otlp_spans --out FILE}: spans from Kafka topics (OTLP proto or
 * JSON, Jaeger or Zipkin JSON; detected per record) written as OTLP/JSON lines for {@code analyze}.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Consumes spans from Kafka topics (the Collector's Kafka exporter: otlp_spans) into OTLP/JSON "
                + "lines. Passwords come from environment variables, never from the command line."})
final class KafkaCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT,...", description = "Bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "otlp_spans", split = ",", paramLabel = "TOPIC",
            description = "Topics (default ${DEFAULT-VALUE}).")
    List<String> topics;

    @Option(names = "--from", defaultValue = "earliest", paramLabel = "earliest|latest|TIME",
            description = "Where to start: earliest, latest or an ISO-8601 time (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--group", paramLabel = "ID", description = "Consumer group: commit offsets and resume there "
            + "next time (default: an ephemeral read that commits nothing).")
    String group;

    @Option(names = "--client-id", defaultValue = "slo-scout", paramLabel = "ID")
    String clientId;

    @Mixin
    KafkaConnectionOptions connection = new KafkaConnectionOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Spans, as OTLP/JSON lines.")
    Path outFile;

    @Option(names = "--logs", paramLabel = "FILE", description = "Log records (from otlp_logs-style topics), as JSON "
            + "lines.")
    Path logsFile;

    @Option(names = "--raw", description = "Keep span texts and log messages as they arrived; by default "
            + "secrets and personal data are redacted before they are written.")
    boolean raw;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: until interrupted).")
    Long seconds;

    private final Clock clock;

    KafkaCommand(PrintStream out, PrintStream err, Clock clock) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        KafkaSource.StartAt startAt;
        try {
            startAt = KafkaSource.StartAt.parse(from);
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: --from " + from + ": expected earliest, latest or an ISO-8601 time");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        KafkaSource.Start start = startAt.start();
        Instant at = startAt.at();
        BlockingQueue<KafkaSource.Delivery> queue = new ArrayBlockingQueue<>(256);
        KafkaSource source = new KafkaSource(new KafkaSource.Settings(bootstrap, topics, start, at, group, clientId,
                connection.properties()), queue, p -> err.println("slo-scout: " + p.toLine()));
        Thread consumer = new Thread(source, "kafka-source");
        consumer.start();
        Instant end = seconds == null ? Instant.MAX : clock.instant().plusSeconds(seconds);
        KafkaSource.State reported = null;
        try (CaptureFiles capture = new CaptureFiles(outFile, logsFile, raw ? null : new Redactor())) {
            while (clock.instant().isBefore(end) && consumer.isAlive()) {
                KafkaSource.State state = source.state();
                if (state != reported) {
                    err.println("slo-scout: kafka " + bootstrap + ": " + state.name().toLowerCase(Locale.ROOT));
                    reported = state;
                }
                KafkaSource.Delivery d = queue.poll(200, TimeUnit.MILLISECONDS);
                if (d != null) {
                    capture.write(d.spans(), d.logs()); // written and flushed: only now may its offset be committed
                    source.done(d);
                }
            }
            for (KafkaSource.Delivery d = queue.poll(); d != null; d = queue.poll()) {
                capture.write(d.spans(), d.logs());
                source.done(d);
            }
            source.close(); // commits what was written; anything fetched after this is read again next time
            consumer.join(10_000);
            for (KafkaSource.Delivery d = queue.poll(); d != null; d = queue.poll()) {
                capture.write(d.spans(), d.logs());
            }
            out.printf("%d spans, %d log records%s from %d records (%d rejected) -> %s%s%n", capture.spans(),
                    capture.logs(), logsFile == null ? capture.logsTarget(null) : "", source.records(),
                    source.rejectedRecords(), outFile, capture.redactionNote());
        }
        return source.state() == KafkaSource.State.FAILED ? SloScoutCommand.EXIT_UNUSABLE
                : source.rejectedRecords() > 0 ? SloScoutCommand.EXIT_PROBLEMS : 0;
    }
}
