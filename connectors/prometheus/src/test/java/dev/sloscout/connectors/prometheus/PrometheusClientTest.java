package dev.sloscout.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's HTTP behaviour against a loopback stand-in: credentials, retries, warnings. */
class PrometheusClientTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failFirst;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            boolean fail = calls.incrementAndGet() <= failFirst;
            byte[] body = (fail ? "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"busy\"}"
                    : "{\"status\":\"success\",\"warnings\":[\"PromQL info: metric might not be a counter\"],"
                    + "\"data\":{\"resultType\":\"vector\",\"result\":[]}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PrometheusClient client(PrometheusClient.Options options) {
        return new PrometheusClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), options);
    }

    @Test
    void sendsTheBearerTokenOrBasicCredentials() throws Exception {
        client(new PrometheusClient.Options(Duration.ofSeconds(5), 0, "t0ken", null, null)).query("up", Instant.now());
        client(new PrometheusClient.Options(Duration.ofSeconds(5), 0, null, "ann", "pw")).query("up", Instant.now());
        assertThat(authorizations).containsExactly("Bearer t0ken", "Basic YW5uOnB3");
    }

    @Test
    void retriesAnUnavailableServerAndKeepsItsWarnings() throws Exception {
        failFirst = 2;
        PrometheusClient client = client(new PrometheusClient.Options(Duration.ofSeconds(5), 2, null, null, null));
        client.query("rate(x[5m])", Instant.now());
        assertThat(calls.get()).isEqualTo(3);
        assertThat(client.warnings()).containsExactly("PromQL info: metric might not be a counter");
    }

    @Test
    void givesUpAfterTheRetriesWithTheServersWords() {
        failFirst = 100;
        PrometheusClient client = client(new PrometheusClient.Options(Duration.ofSeconds(5), 1, null, null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.query("up", Instant.now()))
                .hasMessageEndingWith("/api/v1/query: unavailable: busy (after 2 attempts)");
        assertThat(calls.get()).isEqualTo(2);
    }
}
