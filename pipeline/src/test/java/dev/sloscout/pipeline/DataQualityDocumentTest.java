package dev.sloscout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analysis.json says how far the data behind each service, journey and SLI can be trusted. */
class DataQualityDocumentTest {
    @TempDir
    Path dir;

    @Test
    void analysisJsonCarriesTheQualityOfEveryServiceJourneyAndSli() throws Exception {
        Path traces = Analyses.shopTraces(dir, 40);
        Path logs = Analyses.shopLogs(dir, 10); // checkout records carrying trace ids
        Path untraced = Files.writeString(dir.resolve("checkout-extra.log"),
                "{\"service\":\"checkout\",\"message\":\"cache warmed in 12 ms\"}\n"
                        + "{\"service\":\"checkout\",\"message\":\"cache warmed in 14 ms\"}\n");

        Analysis analysis = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .read(List.of(traces.toString(), logs.toString(), untraced.toString()), System.in);
        Path file = dir.resolve("analysis.json");
        AnalysisDocument.of(analysis, "test").write(file);
        JsonNode quality = Json.MAPPER.readTree(file.toFile()).get("dataQuality");

        JsonNode checkout = null;
        for (JsonNode service : quality.get("services")) {
            assertThat(service.get("score").asInt()).isBetween(0, 100);
            if (service.get("service").asText().equals("checkout")) {
                checkout = service;
            }
        }
        assertThat(checkout).isNotNull();
        JsonNode correlation = checkout.get("logTraceCorrelation");
        assertThat(correlation.get("withTrace").asLong()).isEqualTo(10);
        assertThat(correlation.get("total").asLong()).isEqualTo(12);
        assertThat(correlation.get("ratio").asDouble()).isEqualTo(10.0 / 12);
        assertThat(checkout.get("statusCoverage").get("total").asLong())
                .isEqualTo(analysis.dataQuality().service("checkout").statusCoverage().total()).isPositive();
        assertThat(quality.get("journeys")).hasSize(analysis.journeys().size());
        assertThat(quality.get("slis").size()).isPositive();
        int routes = 0;
        for (JsonNode sli : quality.get("slis")) {
            assertThat(sli.get("weak").asBoolean()).isEqualTo(!sli.get("why").asText().isEmpty());
            var measured = analysis.dataQuality().service(sli.get("service").asText());
            for (JsonNode need : sli.get("attributes")) {
                if (need.get("profile").asText().equals("otel-http") && need.get("label").asText().equals("http_route")) {
                    routes++;
                    assertThat(need.get("attribute").asText()).isEqualTo("http.route");
                    assertThat(need.get("coverage").get("count").asLong())
                            .isEqualTo(measured.serverAttributes().get("http.route").count());
                }
            }
        }
        assertThat(routes).as("otel-http SLIs select on http_route").isPositive();
        assertThat(quality.get("sampling").get("traces").asLong()).isEqualTo(40);
    }
}
