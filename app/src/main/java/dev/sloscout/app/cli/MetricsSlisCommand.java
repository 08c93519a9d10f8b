package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.pipeline.Json;
import dev.sloscout.connectors.prometheus.MetricSliCandidate;
import dev.sloscout.connectors.prometheus.MetricsSliDiscovery;
import dev.sloscout.connectors.prometheus.PrometheusClient;
import dev.sloscout.connectors.prometheus.PrometheusException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slo-scout metrics-slis --prometheus URL [--range 14d] --json}: SLI candidates from a server's series. */
@Command(name = "metrics-slis", mixinStandardHelpOptions = true,
        description = {"Finds SLI candidates in what a Prometheus server already stores: histograms become latency "
                + "SLIs (bucket bounds as thresholds), counters with a status label availability SLIs."})
final class MetricsSlisCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--prometheus", required = true, paramLabel = "URL", description = "e.g. http://127.0.0.1:9090")
    String url;

    @Option(names = "--range", defaultValue = "14d", paramLabel = "DURATION",
            description = "How far back to look (Prometheus duration, default ${DEFAULT-VALUE}).")
    String range;

    @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "Read a bearer token from this "
            + "environment variable (never from the command line, where ps would show it).")
    String bearerEnv;

    @Option(names = "--basic-user", paramLabel = "USER", description = "Basic auth user; the password comes from "
            + "the environment variable SLO_SCOUT_PROMETHEUS_PASSWORD.")
    String basicUser;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Per request.")
    int timeoutSeconds;

    @Option(names = "--json", description = "JSON output (the default).")
    boolean json = true;

    private final Clock clock;

    MetricsSlisCommand(PrintStream out, PrintStream err, Clock clock) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    record Result(List<MetricSliCandidate> candidates, List<String> warnings) {
    }

    @Override
    public Integer call() {
        try {
            MetricsSliDiscovery.durationOf(range);
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: --range " + range + ": expected a Prometheus duration such as 14d or 6h");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        PrometheusClient client;
        try {
            client = new PrometheusClient(URI.create(url), new PrometheusClient.Options(
                    Duration.ofSeconds(timeoutSeconds), 2, bearerEnv == null ? null : System.getenv(bearerEnv),
                    basicUser, basicUser == null ? null : System.getenv("SLO_SCOUT_PROMETHEUS_PASSWORD")));
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: " + url + ": not a URL: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        try {
            List<MetricSliCandidate> candidates = new MetricsSliDiscovery(client).discover(range, clock.instant());
            out.println(Json.write(new Result(candidates, client.warnings())));
            client.warnings().forEach(w -> err.println("slo-scout: " + url + ": warning: " + w));
            return candidates.isEmpty() ? SloScoutCommand.EXIT_PROBLEMS : 0;
        } catch (PrometheusException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
    }
}
