package dev.sloscout.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.app.cli.SloScoutCommand;
import dev.sloscout.connectors.git.Tokens;
import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local API over real HTTP on 127.0.0.1. */
@Tag("integration")
class ApiServerTest {
    private static final String TOKEN = "test-token-0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path allowed;
    private Path dump;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void dumpUnderAnAllowedFolder() throws Exception {
        allowed = Files.createDirectories(dir.resolve("allowed"));
        dump = Analyses.shopTraces(allowed, 300);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiServer start(long maxBody, int maxUploads, int workers, int queue, Jobs.Runner runner)
            throws Exception {
        return start(maxBody, maxUploads, workers, queue, runner, Duration.ofMinutes(5));
    }

    private ApiServer start(long maxBody, int maxUploads, int workers, int queue, Jobs.Runner runner,
            Duration jobTimeout) throws Exception {
        server = new ApiServer(new InetSocketAddress("127.0.0.1", 0), TOKEN, new ApiServer.Limits(maxBody, maxUploads,
                List.of(allowed), jobTimeout), workers, queue, dir.resolve("work"), runner, new Tokens(Map.of(), dir.resolve("h")));
        return server;
    }

    private ApiServer start() throws Exception {
        return start(64 * 1024 * 1024, 5, 1, 4, AnalysisJobs.runner(CLOCK));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private HttpResponse<byte[]> call(String method, String path, String token, String type, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private JsonNode postJson(String body) throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/v1/analyses", TOKEN, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        return json(response);
    }

    private JsonNode await(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            JsonNode state = json(call("GET", "/api/v1/analyses/" + id, TOKEN, null, null));
            String status = state.get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("analysis " + id + " did not finish");
    }

    /** analysis.json without what differs between two runs of the same input (timestamps and versions). */
    private static JsonNode withoutTimes(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> drop = new java.util.ArrayList<>();
            names.forEachRemaining(n -> {
                String lower = n.toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith("at") && lower.contains("generat") || lower.equals("version")) {
                    drop.add(n);
                }
            });
            object.remove(drop);
            object.elements().forEachRemaining(ApiServerTest::strip);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ApiServerTest::strip);
        }
    }

    @Test
    void anAnalysisOfALocalFileEqualsWhatAnalyzeWrites() throws Exception {
        start();
        JsonNode created = postJson("{\"inputs\":[\"" + dump + "\"]}");
        assertThat(created.get("status").asText()).isEqualTo("queued");
        JsonNode done = await(created.get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("progress").asDouble()).isEqualTo(1);

        Path out = dir.resolve("cli-out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SloScoutCommand.run(new String[] {"analyze", dump.toString(), "--validate", "never", "--out",
                out.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), CLOCK);
        assertThat(code).as(err.toString()).isZero();
        JsonNode cli = Json.MAPPER.readTree(out.resolve("analysis.json").toFile());
        assertThat(withoutTimes(done.get("analysis"))).isEqualTo(withoutTimes(cli));

        String id = created.get("id").asText();
        Map<String, byte[]> zipped = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(call("GET", "/api/v1/analyses/" + id
                + "/bundle", TOKEN, null, null).body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                zipped.put(entry.getName(), zip.readAllBytes());
            }
        }
        Map<String, byte[]> written = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("analysis.json")).toList()) {
                written.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertThat(zipped.keySet()).isEqualTo(written.keySet()).isNotEmpty();
        written.forEach((path, bytes) -> assertThat(zipped.get(path)).as(path).isEqualTo(bytes));
        String rules = written.keySet().stream().filter(p -> p.startsWith("prometheus/rules/")).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> file = call("GET", "/api/v1/analyses/" + id + "/bundle/" + rules, TOKEN, null, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(written.get(rules));
        assertThat(call("GET", "/api/v1/analyses/" + id + "/bundle/../analysis.json", TOKEN, null, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aDoneAnalysisIsPublishedToABranch() throws Exception {
        start();
        Path remote = dev.sloscout.connectors.git.fixtures.BareRepository.withMain(dir.resolve("slos.git"),
                java.util.Map.of("README.md", "slos\n"));
        String id = postJson("{\"inputs\":[\"" + dump + "\"]}").get("id").asText();
        assertThat(await(id).get("status").asText()).isEqualTo("done");

        HttpResponse<byte[]> published = call("POST", "/api/v1/analyses/" + id + "/publish", TOKEN,
                "application/json", ("{\"repo\":\"" + remote + "\",\"branch\":\"slo-scout/api\"}").getBytes());

        assertThat(published.statusCode()).as(new String(published.body())).isEqualTo(200);
        JsonNode result = json(published);
        assertThat(result.get("commit").asText()).hasSize(40);
        assertThat(result.get("title").asText()).startsWith("feat(slo): ");
        assertThat(result.get("added").asInt()).isPositive();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(remote.toFile())) {
            assertThat(git.getRepository().resolve("refs/heads/slo-scout/api").name())
                    .isEqualTo(result.get("commit").asText());
        }
        HttpResponse<byte[]> noToken = call("POST", "/api/v1/analyses/" + id + "/publish", TOKEN, "application/json",
                ("{\"repo\":\"" + remote + "\",\"branch\":\"b\",\"hosting\":\"github\"}").getBytes());
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(json(noToken).get("error").asText()).startsWith("no github token on the server");
        HttpResponse<byte[]> unknown = call("POST", "/api/v1/analyses/" + id + "/publish", TOKEN, "application/json",
                ("{\"repo\":\"" + remote + "\",\"branch\":\"b\",\"hosting\":\"bitbucket\"}").getBytes());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).isEqualTo("\"hosting\" is none, github or gitlab, got "
                + "\"bitbucket\"");
    }

    @Test
    void everyCallButHealthNeedsTheToken() throws Exception {
        start();
        assertThat(call("GET", "/api/v1/health", null, null, null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> none = call("GET", "/api/v1/analyses", null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("error").asText()).startsWith("missing or wrong token");
        assertThat(call("POST", "/api/v1/analyses", "wrong", "application/json", "{}".getBytes()).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/openapi.json", "wrong", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/analyses", TOKEN, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsRawOrMultipartWithinTheLimits() throws Exception {
        start(2_000_000, 2, 1, 4, AnalysisJobs.runner(CLOCK));
        byte[] bytes = Files.readAllBytes(dump);
        assertThat(bytes.length).isLessThan(2_000_000);
        HttpResponse<byte[]> raw = http.send(HttpRequest.newBuilder(uri("/api/v1/analyses"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/octet-stream")
                .header("X-Filename", "../../shop.jsonl").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.statusCode()).isEqualTo(202);
        JsonNode done = await(json(raw).get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("analysis").get("journeys").size()).isPositive();

        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(bytes);
        }
        HttpResponse<byte[]> compressed = http.send(HttpRequest.newBuilder(uri("/api/v1/analyses"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/gzip")
                .header("X-Filename", "shop.jsonl.gz").POST(HttpRequest.BodyPublishers.ofByteArray(
                        gzipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.statusCode()).isEqualTo(202);
        JsonNode unzipped = await(json(compressed).get("id").asText());
        assertThat(unzipped.get("analysis").get("journeys")).as("a compressed body reads as the same dump")
                .isEqualTo(done.get("analysis").get("journeys"));

        String boundary = "b0undary";
        byte[] multipart = multipart(boundary, Map.of("a.jsonl", bytes, "b.log",
                "{\"service\":\"checkout\",\"message\":\"cache warmed in 12 ms\"}\n".getBytes()));
        HttpResponse<byte[]> parts = call("POST", "/api/v1/analyses", TOKEN, "multipart/form-data; boundary="
                + boundary, multipart);
        assertThat(parts.statusCode()).as(new String(parts.body())).isEqualTo(202);
        assertThat(await(json(parts).get("id").asText()).get("status").asText()).isEqualTo("done");

        HttpResponse<byte[]> tooMany = call("POST", "/api/v1/analyses", TOKEN, "multipart/form-data; boundary="
                + boundary, multipart(boundary, Map.of("1.log", "x\n".getBytes(), "2.log", "y\n".getBytes(),
                        "3.log", "z\n".getBytes())));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(json(tooMany).get("error").asText()).contains("more than 2 files");
        HttpResponse<byte[]> tooBig = call("POST", "/api/v1/analyses", TOKEN, "application/octet-stream",
                new byte[3_000_000]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).get("error").asText()).contains("more than the 2000000");
    }

    private static byte[] multipart(String boundary, Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
            out.write(file.getValue());
            out.write("\r\n".getBytes());
        }
        out.write(("--" + boundary + "--\r\n").getBytes());
        return out.toByteArray();
    }

    @Test
    void pathsOutsideTheAllowedFoldersAndUnknownOptionsAreRefused() throws Exception {
        start();
        Path outside = Analyses.shopTraces(Files.createDirectories(dir.resolve("private")), 10);
        HttpResponse<byte[]> forbidden = call("POST", "/api/v1/analyses", TOKEN, "application/json",
                ("{\"inputs\":[\"" + outside + "\"]}").getBytes());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).get("error").asText()).contains("outside the folders serve was allowed");
        HttpResponse<byte[]> sneaky = call("POST", "/api/v1/analyses", TOKEN, "application/json",
                ("{\"inputs\":[\"" + allowed + "/../private\"]}").getBytes());
        assertThat(sneaky.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> option = call("POST", "/api/v1/analyses", TOKEN, "application/json",
                ("{\"inputs\":[\"" + dump + "\"],\"options\":{\"colour\":\"red\"}}").getBytes());
        assertThat(option.statusCode()).isEqualTo(400);
        assertThat(json(option).get("error").asText()).startsWith("unknown option \"colour\"");
        assertThat(call("GET", "/api/v1/analyses/nope", TOKEN, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFullQueueRefusesAndAnalysesCanBeCancelledQueuedOrRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        start(1_000_000, 5, 1, 1, (job, cancelled) -> {
            running.countDown();
            while (!cancelled.getAsBoolean() && !release.await(20, TimeUnit.MILLISECONDS)) {
                job.progress = 0.5;
            }
            return "stopped";
        });
        String body = "{\"inputs\":[\"" + dump + "\"]}";
        String first = postJson(body).get("id").asText();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        String second = postJson(body).get("id").asText();
        HttpResponse<byte[]> third = call("POST", "/api/v1/analyses", TOKEN, "application/json", body.getBytes());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(json(third).get("error").asText()).contains("the queue is full");

        assertThat(json(call("DELETE", "/api/v1/analyses/" + second, TOKEN, null, null)).get("status").asText())
                .isEqualTo("cancelled");
        assertThat(json(call("GET", "/api/v1/analyses/" + first, TOKEN, null, null)).get("status").asText())
                .isEqualTo("running");
        assertThat(call("GET", "/api/v1/analyses/" + first + "/bundle", TOKEN, null, null).statusCode())
                .isEqualTo(409);
        call("DELETE", "/api/v1/analyses/" + first, TOKEN, null, null);
        assertThat(await(first).get("status").asText()).isEqualTo("cancelled");
        assertThat(await(second).get("status").asText()).as("never ran").isEqualTo("cancelled");
        release.countDown();
    }

    @Test
    void anAnalysisThatRunsTooLongIsStoppedAndFailed() throws Exception {
        start(1_000_000, 5, 1, 1, (job, cancelled) -> {
            while (!cancelled.getAsBoolean()) {
                Thread.sleep(10);
            }
            return "stopped";
        }, Duration.ofMillis(300));
        String id = postJson("{\"inputs\":[\"" + dump + "\"]}").get("id").asText();
        JsonNode failed = await(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("message").asText()).isEqualTo("timed out after 0.3 s (--job-timeout)");
    }

    @Test
    void theServedOpenApiDocumentIsDocsOpenapiJsonAndEveryPathInItAnswers() throws Exception {
        start();
        byte[] served = call("GET", "/api/v1/openapi.json", TOKEN, null, null).body();
        assertThat(served).isEqualTo(Files.readAllBytes(Path.of("../docs/openapi.json")));
        String id = postJson("{\"inputs\":[\"" + dump + "\"]}").get("id").asText();
        assertThat(await(id).get("status").asText()).isEqualTo("done");
        String rules = json(call("GET", "/api/v1/analyses/" + id, TOKEN, null, null)).get("analysis") == null ? ""
                : "prometheus/rules/checkout.rules.yml";

        JsonNode paths = Json.MAPPER.readTree(served).get("paths");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replace("{id}", id).replace("{path}", rules);
            for (String method : List.of("get", "post", "delete")) {
                if (!path.getValue().has(method) || method.equals("delete")) {
                    continue;
                }
                byte[] body = method.equals("post") ? (concrete.endsWith("/analyses") ? ("{\"inputs\":[\"" + dump
                        + "\"]}") : "{}").getBytes() : null;
                HttpResponse<byte[]> response = call(method.toUpperCase(java.util.Locale.ROOT), concrete, TOKEN,
                        body == null ? null : "application/json", body);
                assertThat(path.getValue().get(method).get("responses").has(String.valueOf(response.statusCode())))
                        .as(method + " " + concrete + " answered " + response.statusCode() + ", which the document "
                                + "does not list").isTrue();
                assertThat(response.statusCode()).as(method + " " + concrete).isNotIn(404, 405);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }
}
