package dev.sloscout.connectors.prometheus;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real Prometheus (Debian's {@code prometheus} package) started by the test on 127.0.0.1 with a temporary data
 * directory, scraping itself and a small exporter this class serves every second: a spanmetrics-style calls counter
 * (1% errors) and an OTel-HTTP-style duration histogram that grow on every scrape. Without the binary the tests are
 * skipped, except in CI ({@code CI} set), where that is a failure: {@code .ci/run} installs it.
 */
public final class RealPrometheus implements AutoCloseable {
    private final Process process;
    private final HttpServer exporter;
    private final int port;
    private final AtomicLong scrapes = new AtomicLong();

    private RealPrometheus(Process process, HttpServer exporter, int port) {
        this.process = process;
        this.exporter = exporter;
        this.port = port;
    }

    public static RealPrometheus start(Path dir) throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        if (!Files.isExecutable(binary)) {
            if (System.getenv("CI") != null) {
                fail("prometheus is not installed (apt-get install prometheus): .ci/run should have done it");
            }
            assumeTrue(false, "no prometheus binary at " + binary);
        }
        HttpServer exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Prometheus takes no port 0 that it would report back: a free port is picked, and when another process
        // takes it between the pick and the bind, Prometheus exits at once and the start is retried on another
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: prometheus
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                      - job_name: shop
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                    """.formatted(port, exporter.getAddress().getPort()));
            Path log = dir.resolve("prometheus.log");
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RealPrometheus p = new RealPrometheus(process, exporter, port);
            if (attempt == 1) {
                exporter.createContext("/metrics", exchange -> p.serve(exchange));
                exporter.start();
            } else {
                exporter.removeContext("/metrics");
                exporter.createContext("/metrics", exchange -> p.serve(exchange));
            }
            if (p.awaitReady() || attempt == 3 || !Files.readString(log).contains("address already in use")) {
                if (!process.isAlive()) {
                    fail("prometheus exited with " + process.exitValue() + " (see " + log + ")");
                }
                return p;
            }
        }
    }

    private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        long n = scrapes.incrementAndGet();
        byte[] body = exposition(n).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private String exposition(long n) {
        long calls = n * 1000;
        long errors = n * 10;
        return """
                # HELP traces_span_metrics_calls_total Calls of spans (spanmetrics connector).
                # TYPE traces_span_metrics_calls_total counter
                traces_span_metrics_calls_total{service_name="cart",span_name="GET /cart",status_code="STATUS_CODE_UNSET"} %d
                traces_span_metrics_calls_total{service_name="cart",span_name="GET /cart",status_code="STATUS_CODE_ERROR"} %d
                # HELP http_server_request_duration_seconds Duration of HTTP server requests.
                # TYPE http_server_request_duration_seconds histogram
                http_server_request_duration_seconds_bucket{http_route="/cart",le="0.1"} %d
                http_server_request_duration_seconds_bucket{http_route="/cart",le="0.25"} %d
                http_server_request_duration_seconds_bucket{http_route="/cart",le="0.5"} %d
                http_server_request_duration_seconds_bucket{http_route="/cart",le="1"} %d
                http_server_request_duration_seconds_bucket{http_route="/cart",le="+Inf"} %d
                http_server_request_duration_seconds_sum{http_route="/cart"} %d
                http_server_request_duration_seconds_count{http_route="/cart"} %d
                """.formatted(calls - errors, errors, n * 800, n * 900, n * 990, n * 1000, n * 1000, n * 150, n * 1000);
    }

    /** True when ready with five scrapes; false when the process exited (the caller says why); fails on timeout. */
    private boolean awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && scrapes.get() >= 5 && queryableScrapes(http) >= 5) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail("prometheus on " + url() + " not ready with 5 scrapes within 30 s");
        return false;
    }

    /** How many of the shop's scrapes a query sees now (0 until the first is in the head block). */
    private int queryableScrapes(HttpClient http) throws IOException, InterruptedException {
        String query = java.net.URLEncoder.encode("count_over_time(up{job=\"shop\"}[10m])", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + query))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value\":\\[[^,]+,\"(\\d+)\"\\]")
                .matcher(r.body());
        return r.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        exporter.stop(0);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
