package dev.sloscout.app.cli;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ReceiveCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("receive", "--listen", "127.0.0.1:" + taken.getLocalPort(), "--seconds", "1",
                    "--out", dir.resolve("r.jsonl").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("slo-scout: 127.0.0.1:" + taken.getLocalPort() + ": cannot listen");
        }
        assertThat(CliRun.of("receive", "--listen", "4318", "--out", dir.resolve("r.jsonl").toString()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void listeningBeyondLoopbackIsWarnedAbout() {
        CliRun run = CliRun.of("receive", "--listen", "0.0.0.0:0", "--seconds", "1", "--out",
                dir.resolve("r.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: 0.0.0.0:0 accepts connections from other machines");
        CliRun loopback = CliRun.of("receive", "--listen", "127.0.0.1:0", "--seconds", "1", "--out",
                dir.resolve("l.jsonl").toString());
        assertThat(loopback.err()).doesNotContain("warning");
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README's test command within five minutes
    void aClientThatStallsMidBodyIsCutOffAfterTheBodyTimeout() throws Exception {
        int port = freeLoopbackPort();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("receive", "--listen",
                "127.0.0.1:" + port, "--seconds", "4", "--body-timeout", "1.5", "--out",
                dir.resolve("r.jsonl").toString()));
        java.net.Socket stalled = null;
        for (int attempt = 0; attempt < 50 && stalled == null; attempt++) {
            try {
                stalled = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(50);
            }
        }
        assertThat(stalled).as("the receiver listens").isNotNull();
        try (java.net.Socket socket = stalled) {
            socket.getOutputStream().write(("POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"resource")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(5_000); // the default timeout (10 s) would run past this and fail the read
            long start = System.nanoTime();
            socket.getInputStream().readAllBytes(); // returns when the receiver closes the connection
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isBetween(
                    java.time.Duration.ofMillis(1_000), java.time.Duration.ofMillis(5_000));
        }
        assertThat(run.get().exitCode()).as(run.get().err()).isZero();
    }

    @Test
    void aBodyTimeoutOutOfRangeIsAUsageError() {
        for (String value : List.of("0", "-1", "NaN", "5000")) {
            CliRun run = CliRun.of("receive", "--body-timeout", value, "--seconds", "1", "--out",
                    dir.resolve("r.jsonl").toString());
            assertThat(run.exitCode()).as(value).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
            assertThat(run.err()).as(value).startsWith("slo-scout: --body-timeout");
        }
    }

    @Test
    void whatArrivesOverOtlpHttpIsWrittenForAnalyze() throws Exception {
        int port = freeLoopbackPort();
        Path spans = dir.resolve("received.jsonl");
        Path logs = dir.resolve("received-logs.jsonl");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("receive", "--listen",
                "127.0.0.1:" + port, "--seconds", "4", "--out", spans.toString(), "--logs", logs.toString()));
        HttpClient http = HttpClient.newHttpClient();
        byte[] body = OtlpProtoWriter.bare(TraceFixtures.spans(11, 5));
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                        .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers
                                .ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(50);
            }
        }
        assertThat(status).isEqualTo(200);
        String log = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":"
                + "\"cart 7 saved for alice@example.com\"},\"severityNumber\":9}]}]}]}";
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(log)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        CliRun done = run.get();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("log records -> " + logs);
        CliRun stats = CliRun.of("ingest-stats", spans.toString(), "--json");
        assertThat(new ObjectMapper().readTree(stats.out()).get("traces").asInt()).isEqualTo(5);
        assertThat(Files.readString(logs)).contains("\"message\":\"cart 7 saved for <EMAIL>\"")
                .contains("\"level\":\"INFO\"");
        assertThat(done.out()).contains("; 1 value redacted (email 1; --raw keeps them)");
        CliRun fingerprint = CliRun.of("fingerprint", logs.toString());
        assertThat(fingerprint.out()).contains("cart <NUM> saved");
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README's test command within five minutes
    void atTheDeadlineEverythingAcknowledgedIsWrittenAndNothingElse() throws Exception {
        int port = freeLoopbackPort();
        Path spans = dir.resolve("deadline.jsonl");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("receive", "--listen",
                "127.0.0.1:" + port, "--seconds", "3", "--out", spans.toString()));
        java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger seeds = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                while (!run.isDone()) {
                    List<dev.sloscout.engine.model.Span> batch = TraceFixtures.spans(seeds.incrementAndGet(), 3);
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v1/traces")).header("Content-Type", "application/x-protobuf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(OtlpProtoWriter.bare(batch))).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            acknowledged.addAndGet(batch.size());
                        }
                    } catch (java.io.IOException | InterruptedException notAnswered) {
                        // before the start or after the deadline: not acknowledged, must not be written
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        CliRun done = run.get();
        for (Thread client : clients) {
            client.join();
        }

        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(acknowledged.get()).isPositive();
        CliRun stats = CliRun.of("ingest-stats", spans.toString(), "--json");
        var summary = new ObjectMapper().readTree(stats.out());
        assertThat(summary.get("spans").asLong() + summary.get("duplicateSpans").asLong())
                .isEqualTo(acknowledged.get());
    }

    private static int freeLoopbackPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
