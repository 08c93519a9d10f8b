package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slo-scout journeys} on generated traffic with known journeys, against a golden file. Run with
 * {@code -Dsloscout.updateGolden=true} to rewrite the baseline, then review the diff.
 */
class JourneysCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/journeys-shop.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    private CliRun journeysOfShopTraffic() throws IOException {
        Path file = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(file, 7, 400);
        return CliRun.of("journeys", file.toString(), "--json");
    }

    @Test
    void findsTheKnownJourneysOfTheShop() throws IOException {
        CliRun run = journeysOfShopTraffic();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("assignedTraces").asLong()).isEqualTo(400);
        assertThat(json.get("partialTraces").asLong()).isZero();
        assertThat(json.get("journeys")).extracting(j -> j.get("name").asText()).containsExactlyInAnyOrder(
                "cart GET /cart/{userId}", "catalog GET /products/{id}", "checkout POST /checkout",
                "frontend hipstershop.Frontend/Recv. → ProductCatalogService/ListProducts (+1 more)",
                "frontend hipstershop.Frontend/Recv. → ProductCatalogService/GetProduct + RecommendationService/ListRecommendations (+1 more)");
        JsonNode checkout = find(json, "checkout POST /checkout");
        assertThat(checkout.get("errorRatio").asDouble()).isBetween(0.02, 0.3);
        assertThat(checkout.get("edges")).anySatisfy(e -> {
            assertThat(e.get("from").asText()).isEqualTo("checkout");
            assertThat(e.get("to").asText()).isEqualTo("payment");
            assertThat(e.get("errors").asLong()).isEqualTo(checkout.get("errorTraces").asLong());
        });
        assertThat(find(json, "cart GET /cart/{userId}").get("errorRatio").asDouble()).isZero();
    }

    @Test
    void theJourneysAreTheSameAtAnyThreadCountAndZeroThreadsIsRefused() throws IOException {
        Path file = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(file, 7, 3_000);
        CliRun one = CliRun.of("journeys", file.toString(), "--json", "--threads", "1");
        CliRun five = CliRun.of("journeys", file.toString(), "--json", "--threads", "5");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(five.out()).isEqualTo(one.out());
        CliRun zero = CliRun.of("journeys", file.toString(), "--threads", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--threads must be at least 1, got 0");
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String actual = JSON.writeValueAsString(JSON.readTree(journeysOfShopTraffic().out())) + "\n";
        if (Boolean.getBoolean("sloscout.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode json, String name) {
        for (JsonNode journey : json.get("journeys")) {
            if (journey.get("name").asText().equals(name)) {
                return journey;
            }
        }
        throw new AssertionError("no journey " + name);
    }
}
