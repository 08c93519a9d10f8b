package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole export bundle of a fixed generated input against golden files (analysis.json aside: it names the
 * temporary input). Run with {@code -Dsloscout.updateGolden=true} to rewrite them, then review the diff.
 */
class BundleGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/bundle-shop");

    @TempDir
    Path dir;

    @Test
    void theBundleOfAFixedInputMatchesItsGoldenFiles() throws IOException {
        Path traces = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(traces, 7, 400);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("analyze", traces.toString(), "--validate", "never", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("structural checks: passed");
        List<Path> written = files(out);
        assertThat(written).extracting(Path::toString).contains("grafana/catalog-slo.json", "prometheus/rules/checkout.rules.yml",
                "prometheus/tests/checkout.test.yml", "sloth/checkout.yml", "openslo/checkout-post-checkout-availability.yaml",
                "runbooks/checkout-post-checkout-latency.md");
        if (Boolean.getBoolean("sloscout.updateGolden")) {
            deleteAll(GOLDEN);
            for (Path file : written) {
                Files.createDirectories(GOLDEN.resolve(file).getParent());
                Files.copy(out.resolve(file), GOLDEN.resolve(file));
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(files(GOLDEN));
        for (Path file : written) {
            assertThat(Files.readString(out.resolve(file))).as(file.toString()).isEqualTo(Files.readString(GOLDEN.resolve(file)));
        }
    }

    @Test
    void dashboardsAreValidJsonWithTheExpectedPanels() throws IOException {
        Path traces = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(traces, 7, 200);
        Path out = dir.resolve("out");
        CliRun.of("analyze", traces.toString(), "--validate", "never", "--out", out.toString());

        JsonNode dashboard = new ObjectMapper().readTree(out.resolve("grafana/checkout-slo.json").toFile());

        assertThat(dashboard.get("title").asText()).isEqualTo("SLOs: checkout");
        assertThat(dashboard.get("panels")).extracting(p -> p.get("title").asText()).contains(
                "Error budget remaining (period)", "Burn rate per window against each tier's threshold",
                "Latency percentiles (ms, ${slo:text})", "Requests and errors per second (${slo:text})");
        assertThat(dashboard.get("templating").get("list")).extracting(v -> v.get("name").asText())
                .containsExactly("datasource", "slo", "window");
        // checkout's SLOs are too loose for the 1h/5m windows to fire: no line for the alert that was left out
        assertThat(dashboard.toString()).contains("vector(5.6)").doesNotContain("vector(13.44)")
                .contains("\"legendFormat\":\"p50\"").contains("\"legendFormat\":\"p90\"");
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize)
                    .filter(p -> !p.toString().equals("analysis.json")).sorted().toList();
        }
    }

    private static void deleteAll(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
