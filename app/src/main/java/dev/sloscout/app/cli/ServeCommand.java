package dev.sloscout.app.cli;

import dev.sloscout.app.serve.ApiServer;
import dev.sloscout.app.serve.ServeToken;
import dev.sloscout.connectors.git.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code slo-scout serve}: the local HTTP API (analyses as jobs, bundles, publishing) for automation. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the local HTTP API: POST /api/v1/analyses (files under --allow, or uploads), "
                + "GET /api/v1/analyses/{id} (status and analysis.json), .../bundle (zip), .../bundle/{path}, "
                + "POST .../publish, DELETE to cancel, GET /api/v1/health; the OpenAPI document at "
                + "/api/v1/openapi.json (docs/openapi.json). Every call but health needs Authorization: Bearer "
                + "TOKEN: SLO_SCOUT_TOKEN, or the token written owner-only to ~/.slo-scout/serve.token on first start.",
                "Listens on 127.0.0.1 only unless --listen says otherwise; stops on Ctrl+C (or after --seconds)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--listen", defaultValue = "127.0.0.1:8088", paramLabel = "HOST:PORT",
            description = "Where to listen (default ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Option(names = "--allow", paramLabel = "DIR", description = "A folder whose files analyses may name (repeat "
            + "for more); without it only uploads are analysed.")
    List<Path> allowed = List.of();

    @Option(names = "--max-body", defaultValue = "256", paramLabel = "MB",
            description = "Largest request body in megabytes (default ${DEFAULT-VALUE}).")
    long maxBodyMb;

    @Option(names = "--max-uploads", defaultValue = "20", paramLabel = "N",
            description = "Most files in one multipart upload (default ${DEFAULT-VALUE}).")
    int maxUploads;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "Analyses run at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", defaultValue = "8", paramLabel = "N",
            description = "Analyses waiting at most; more are refused with 429 (default ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--job-timeout", defaultValue = "60", paramLabel = "MINUTES",
            description = "How long one analysis may run before it is stopped and failed (default ${DEFAULT-VALUE}).")
    long jobTimeoutMinutes;

    @Option(names = "--work", paramLabel = "DIR", description = "Where analyses keep uploads and results "
            + "(default ~/.slo-scout/serve).")
    Path work;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: run until stopped).")
    Long seconds;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path home;
    private final Clock clock;

    ServeCommand(PrintStream out, PrintStream err, Map<String, String> environment, Path home, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.home = home;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--listen is HOST:PORT, got " + listen);
        }
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1)));
        ServeToken token = ServeToken.resolve(environment, home);
        ApiServer.Limits limits = new ApiServer.Limits(maxBodyMb * 1024 * 1024, maxUploads, allowed,
                java.time.Duration.ofMinutes(jobTimeoutMinutes));
        // the JDK's HTTP server drops a request (or response) that takes longer than this to transfer
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "300");
            System.setProperty("sun.net.httpserver.maxRspTime", "300");
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (ApiServer server = new ApiServer(address, token.value(), limits, workers, queue,
                work != null ? work : home.resolve("serve"), dev.sloscout.app.serve.AnalysisJobs.runner(clock),
                new Tokens(environment, home))) {
            Thread hook = new Thread(stop::countDown, "slo-scout-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("serving http://" + server.address().getHostString() + ":" + server.address().getPort()
                    + "/api/v1/ (token " + token.source() + "; allowed: " + (allowed.isEmpty() ? "uploads only"
                    : allowed) + ")");
            if (!address.getAddress().isLoopbackAddress()) {
                err.println("slo-scout: listening on " + address.getHostString() + ", not only this machine: anyone "
                        + "who can reach it and has the token can read the allowed folders");
            }
            if (seconds != null) {
                stop.await(seconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        return 0;
    }
}
