package dev.sloscout.app.cli;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.prometheus.RealPrometheus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class MetricsSlisCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Tag("slow") // in the slow profile (.ci/run runs it): keeps the README's test command within five minutes
    void listsCandidatesFromARealServer() throws Exception {
        try (RealPrometheus prometheus = RealPrometheus.start(dir)) {
            CliRun run = CliRun.of("metrics-slis", "--prometheus", prometheus.url(), "--range", "1h", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode candidates = JSON.readTree(run.out()).get("candidates");
            assertThat(candidates).isNotEmpty();
            JsonNode first = candidates.get(0);
            assertThat(first.fieldNames()).toIterable().contains("kind", "metric", "labels", "goodQuery",
                    "totalQuery", "thresholds", "observed", "proposals");
            boolean latency = false;
            boolean availability = false;
            for (JsonNode c : candidates) {
                latency |= c.get("kind").asText().equals("latency") && c.get("thresholds").size() > 0;
                availability |= c.get("kind").asText().equals("availability") && c.get("observed").get("ratio")
                        .isNumber();
            }
            assertThat(latency).isTrue();
            assertThat(availability).isTrue();
            JsonNode proposal = first.get("proposals").get(1);
            assertThat(proposal.get("variant").asText()).isEqualTo("BALANCED");
            assertThat(proposal.get("backtest")).hasSize(4);
            assertThat(proposal.get("objective").asDouble()).isBetween(0.9, 0.99999);
        }
    }

    @Test
    void anUnreachableServerIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("metrics-slis", "--prometheus", "http://127.0.0.1:1", "--timeout", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("slo-scout: http://127.0.0.1:1/api/v1/metadata: connection refused");
        assertThat(CliRun.of("metrics-slis", "--prometheus", "http://x", "--range", "two weeks").exitCode())
                .isEqualTo(2);
    }
}
