package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.connectors.otlphttp.OtlpHttpReceiver;
import dev.sloscout.engine.redact.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slo-scout receive --out FILE [--logs FILE] [--listen 127.0.0.1:4318] [--seconds N]}: an OTLP/HTTP endpoint
 * for an application or Collector to send to; spans are written as OTLP/JSON lines (read them with {@code analyze}),
 * log records as JSON lines. Stops after N seconds, or on Ctrl-C.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Listens for OTLP/HTTP (POST /v1/traces and /v1/logs, protobuf or JSON, gzip) and writes what "
                + "arrives to files that analyze reads. Loopback only unless --listen says otherwise."})
final class ReceiveCommand implements java.util.concurrent.Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--listen", defaultValue = "127.0.0.1:4318", paramLabel = "HOST:PORT",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Spans, as OTLP/JSON lines.")
    Path spansFile;

    @Option(names = "--logs", paramLabel = "FILE", description = "Log records, as JSON lines.")
    Path logsFile;

    @Option(names = "--raw", description = "Keep span texts and log messages as they arrived; by default "
            + "secrets and personal data are redacted before they are written.")
    boolean raw;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: until interrupted).")
    Long seconds;

    @Option(names = "--max-body", defaultValue = "16777216", paramLabel = "BYTES",
            description = "Largest request accepted, compressed or not (default ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--body-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long a client may take to send a request's body before it is cut off, so slow or "
                    + "stalled senders cannot hold the receiver's workers (default ${DEFAULT-VALUE}).")
    double bodyTimeoutSeconds;

    private final Clock clock;

    ReceiveCommand(PrintStream out, PrintStream err, Clock clock) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        InetSocketAddress address;
        try {
            address = OtlpHttpReceiver.Settings.address(listen);
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: --listen " + listen + ": " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        if (!(bodyTimeoutSeconds > 0 && bodyTimeoutSeconds <= 3600)) {
            err.println("slo-scout: --body-timeout " + bodyTimeoutSeconds + ": expected seconds above 0, at most 3600");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        java.time.Duration bodyTimeout = java.time.Duration.ofMillis(Math.round(bodyTimeoutSeconds * 1000));
        BlockingQueue<OtlpHttpReceiver.Batch> queue = new ArrayBlockingQueue<>(64);
        Instant end = seconds == null ? Instant.MAX : clock.instant().plusSeconds(seconds);
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(
                new OtlpHttpReceiver.Settings(address, maxBody, 8, bodyTimeout), queue);
             CaptureFiles capture = new CaptureFiles(spansFile, logsFile, raw ? null : new Redactor())) {
            out.println("receiving OTLP/HTTP on http://" + listen + "/v1/traces and /v1/logs");
            if (receiver.listensBeyondLoopback()) {
                err.println("slo-scout: warning: " + listen + " accepts connections from other machines, without "
                        + "authentication; listen on 127.0.0.1 unless that is what you want");
            }
            out.flush();
            while (clock.instant().isBefore(end)) {
                OtlpHttpReceiver.Batch batch = queue.poll(200, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    capture.write(batch.spans(), batch.logs());
                }
            }
            // the deadline: answer what is in flight, then keep everything that was answered 200
            receiver.stop(java.time.Duration.ofSeconds(5));
            for (OtlpHttpReceiver.Batch batch = queue.poll(); batch != null; batch = queue.poll()) {
                capture.write(batch.spans(), batch.logs());
            }
            out.printf("%d spans -> %s, %d log records%s; %d requests, %d answered 429%s%n", capture.spans(),
                    spansFile, capture.logs(), logsFile == null ? " (not kept: no --logs)"
                            : capture.logsTarget(logsFile), receiver.acceptedRequests(), receiver.throttledRequests(),
                    capture.redactionNote());
        } catch (BindException e) {
            err.println("slo-scout: " + listen + ": cannot listen: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        return 0;
    }
}
