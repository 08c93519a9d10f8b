package dev.sloscout.app.cli;

import dev.sloscout.connectors.prometheus.MetricsSliDiscovery;
import dev.sloscout.pipeline.stream.StreamJob;
import dev.sloscout.pipeline.stream.StreamSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slo-scout stream --bootstrap HOST:PORT --spans-topic otlp_spans [--logs-topic otlp_logs] --app-id NAME
 * --output-prefix P}: one
 * instance of the engine's stages on Kafka Streams. Runs until stopped (SIGTERM or Ctrl-C commit and leave the
 * group cleanly); start more with the same application id to share the partitions.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Runs the engine's stages as a Kafka Streams job over a spans topic (and a logs topic): "
                + "traces assembled by trace id, journeys added up with their histories, log records mined into "
                + "capsules per service, snapshots written to PREFIXjourneys, PREFIXjourney-history, "
                + "PREFIXsli-candidates, PREFIXcapsules and PREFIXstatus, undecodable records to "
                + "PREFIXdead-letters. Start several "
                + "instances with the same --app-id to share the work; read the result with analyze --cluster or "
                + "the workbench's Cluster analysis source."})
final class StreamCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT,...", description = "Bootstrap servers.")
    String bootstrap;

    @Option(names = "--spans-topic", defaultValue = "otlp_spans", paramLabel = "TOPIC",
            description = "Where collectors write spans (default ${DEFAULT-VALUE}).")
    String spansTopic;

    @Option(names = "--logs-topic", paramLabel = "TOPIC",
            description = "Where agents write log records (OTLP logs, JSON lines), mined into capsules per service; "
                    + "key them by service so each service's lines keep their order (log records on the spans "
                    + "topic are mined too).")
    String logsTopic;

    @Option(names = "--app-id", defaultValue = "slo-scout", paramLabel = "NAME",
            description = "Kafka Streams application id: instances with the same one share the work "
                    + "(default ${DEFAULT-VALUE}).")
    String appId;

    @Option(names = "--output-prefix", defaultValue = "slo-scout.", paramLabel = "PREFIX",
            description = "Put before the output topics' names (default ${DEFAULT-VALUE}).")
    String outputPrefix;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where this instance keeps its state stores (default ~/.slo-scout/stream/APP-ID).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Stream threads of this instance (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--emit-every", defaultValue = "10s", paramLabel = "DURATION",
            description = "How often changed journeys are written out (default ${DEFAULT-VALUE}).")
    String emitEvery;

    @Option(names = "--idle", defaultValue = "60s", paramLabel = "DURATION",
            description = "A trace whose root arrived closes after this long without a span, in record time; longer "
                    + "than a failover (default ${DEFAULT-VALUE}).")
    String idle;

    @Option(names = "--root-wait", defaultValue = "5m", paramLabel = "DURATION",
            description = "A trace whose root never came closes after this long without a span; every trace "
                    + "closes once the input has been quiet this long (default ${DEFAULT-VALUE}).")
    String rootWait;

    @Option(names = "--max-journeys", paramLabel = "N", defaultValue = "5000",
            description = "Journeys told apart per partition of the journey stage; traces of further ones are "
                    + "counted (readers say how many), not kept (default ${DEFAULT-VALUE}).")
    int maxJourneys;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: until stopped).")
    Long seconds;

    @Mixin
    KafkaConnectionOptions connection = new KafkaConnectionOptions();

    StreamCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        StreamSettings settings;
        try {
            Path state = stateDir != null ? stateDir
                    : dev.sloscout.app.CrashLog.home().resolve("stream").resolve(appId);
            settings = new StreamSettings(bootstrap, spansTopic, appId, outputPrefix, state, threads,
                    duration("--emit-every", emitEvery), duration("--idle", idle),
                    duration("--root-wait", rootWait), connection.properties()).withMaxJourneys(maxJourneys)
                    .withLogsTopic(logsTopic);
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        StreamJob job;
        try {
            job = StreamJob.start(settings);
        } catch (IllegalStateException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            job.close(); // commits what was processed and leaves the group: the others take the partitions now
            stopped.countDown();
        }, "slo-scout-stream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("stream job %s: %d partitions of %s -> %sjourneys, %sjourney-history, %ssli-candidates, "
                + "%scapsules, %sstatus, %sdead-letters%n", appId, job.partitions(),
                String.join(" and ", settings.inputTopics()), outputPrefix, outputPrefix, outputPrefix, outputPrefix,
                outputPrefix, outputPrefix);
        Instant end = seconds == null ? Instant.MAX : clock.instant().plusSeconds(seconds);
        String reported = null;
        boolean failed = false;
        while (clock.instant().isBefore(end) && stopped.getCount() > 0) {
            String state = job.state();
            if (!state.equals(reported)) {
                err.println("slo-scout: stream " + appId + ": " + state + " (" + clock.instant() + ")");
                reported = state;
            }
            if (job.stopped()) {
                failed = job.failed();
                break;
            }
            stopped.await(500, TimeUnit.MILLISECONDS);
        }
        if (stopped.getCount() > 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                stopped.await(); // the hook is closing the job already
                return 0;
            }
            job.close();
        }
        return failed ? SloScoutCommand.EXIT_UNUSABLE : 0;
    }

    private static Duration duration(String option, String text) {
        try {
            return MetricsSliDiscovery.durationOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": expected a duration such as 30s or 5m");
        }
    }
}
