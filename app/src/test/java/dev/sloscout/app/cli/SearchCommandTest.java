package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void findsCapsulesByTemplateWordsWithFilters() throws Exception {
        Path cart = dir.resolve("cart.log");
        Files.writeString(cart, "2024-01-01 10:00:00 ERROR c.Cart: checkout failed for cart 7: timeout\n"
                + "2024-01-01 10:00:01 ERROR c.Cart: checkout failed for cart 8: timeout\n"
                + "2024-01-01 10:00:02 INFO c.Cart: cart 9 saved\n");
        Path auth = dir.resolve("auth.log");
        Files.writeString(auth, "2024-01-01 10:00:00 WARN a.Login: login failed for jane@example.com\n");

        CliRun run = CliRun.of("search", cart.toString(), auth.toString(), "--query", "failed", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = JSON.readTree(run.out()).get("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactlyInAnyOrder("capsuleId", "service", "template",
                "count", "score");
        assertThat(run.out()).contains("checkout failed for cart <NUM>: timeout")
                .contains("login failed for <EMAIL>").doesNotContain("jane");

        CliRun filtered = CliRun.of("search", cart.toString(), auth.toString(), "--query", "failed", "--service",
                "auth", "--json");
        assertThat(JSON.readTree(filtered.out()).get("results")).singleElement()
                .satisfies(r -> assertThat(r.get("service").asText()).isEqualTo("auth"));
        CliRun phrase = CliRun.of("search", cart.toString(), "--query", "\"cart saved\"", "--json");
        assertThat(JSON.readTree(phrase.out()).get("results")).isEmpty();
    }

    @Test
    void searchesTheLogsInAnArchiveAndSaysWhatTheOtherFilesAre() throws Exception {
        byte[] tar = new dev.sloscout.connectors.files.fixtures.Archives.Tar(
                dev.sloscout.connectors.files.fixtures.Archives.LongNames.PAX)
                .file("logs/cart.log", ("2024-01-01 10:00:00 ERROR c.Cart: checkout failed for cart 7: timeout\n"
                        + "2024-01-01 10:00:01 ERROR c.Cart: checkout failed for cart 8: timeout\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), 1_704_103_200L)
                .file("traces/shop.json", dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter.spans(
                        dev.sloscout.connectors.files.fixtures.TraceFixtures.spans(3, 2))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), 1_704_103_200L)
                .bytes();
        Path archive = Files.write(dir.resolve("incident.tar.gz"),
                dev.sloscout.connectors.files.fixtures.Compressions.gzip(tar));

        CliRun run = CliRun.of("search", archive.toString(), "--query", "failed", "--json");

        assertThat(run.exitCode()).as("read, with a problem: " + run.err()).isEqualTo(SloScoutCommand.EXIT_PROBLEMS);
        assertThat(JSON.readTree(run.out()).get("results")).singleElement().satisfies(r -> assertThat(
                r.get("template").asText()).isEqualTo("checkout failed for cart <NUM>: timeout"));
        assertThat(run.err()).contains(archive + "!/traces/shop.json: not a log file (a trace file, Zipkin v2 JSON): "
                + "not searched");
    }

    @Test
    void semanticSearchFindsWhatNoWordOfTheQueryNames() throws Exception {
        Path log = dir.resolve("auth.log");
        Files.writeString(log, "2024-01-01 10:00:00 WARN a.Login: Login request of username alice rejected\n"
                + "2024-01-01 10:00:01 WARN a.Login: Login request of username bob rejected\n"
                + "2024-01-01 10:00:01 WARN a.Login: Login request of username carol rejected\n"
                + "2024-01-01 10:00:01 WARN a.Login: Login request of username dave rejected\n"
                + "2024-01-01 10:00:02 INFO a.Disk: volume /data at 91 percent\n"
                + "2024-01-01 10:00:03 INFO a.Cart: cart 7 checked out\n");
        CliRun plain = CliRun.of("search", log.toString(), "--query", "sign-in failures", "--json");
        assertThat(JSON.readTree(plain.out()).get("results")).isEmpty();
        CliRun semantic = CliRun.of("search", log.toString(), "--query", "sign-in failures", "--semantic", "--json");
        assertThat(semantic.exitCode()).as(semantic.err()).isZero();
        JsonNode results = JSON.readTree(semantic.out()).get("results");
        assertThat(results.get(0).get("template").asText()).isEqualTo("Login request of username <*> rejected");
        assertThat(results.get(0).get("score").asDouble()).isGreaterThan(results.get(1).get("score").asDouble());
        assertThat(semantic.err()).doesNotContain("djl");
        CliRun filtered = CliRun.of("search", log.toString(), "--query", "sign-in failures", "--semantic",
                "--severity", "INFO", "--json");
        assertThat(JSON.readTree(filtered.out()).get("results")).isNotEmpty()
                .noneSatisfy(r -> assertThat(r.get("template").asText()).startsWith("Login request"));
    }

    @Test
    void analyzeStoresItsResultsInAWorkspaceThatSearchReadsLater() throws Exception {
        Path traces = dir.resolve("shop.jsonl");
        Path logs = dir.resolve("shop-logs.jsonl");
        assertThat(CliRun.of("demo-data", "--out", traces.toString(), "--logs", logs.toString(), "--days", "1",
                "--scale", "0.1").exitCode()).isZero();
        Path ws = dir.resolve("ws/shop");
        CliRun analyze = CliRun.of("analyze", traces.toString(), logs.toString(), "--workspace", ws.toString(),
                "--validate", "never", "--out", dir.resolve("out").toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        try (Workspace workspace = Workspace.open(ws)) {
            assertThat(workspace.journeys()).isNotEmpty();
            assertThat(workspace.sliCandidates()).isNotEmpty();
            assertThat(workspace.capsules()).isNotEmpty().allSatisfy(c -> assertThat(c.journeys()).isNotEmpty());
            assertThat(workspace.sources()).extracting(Workspace.Source::kind).containsExactly("logs", "traces");
        }
        CliRun search = CliRun.of("search", "--workspace", ws.toString(), "--query", "charge failed", "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(JSON.readTree(search.out()).get("results").get(0).get("service").asText()).isEqualTo("payment");
        assertThat(CliRun.of("search", "--query", "x").exitCode()).isEqualTo(2);
    }
}
