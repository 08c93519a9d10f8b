package dev.sloscout.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.PipelineOptions;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dump from ../shared/data (skipped when absent) diffed against a copy in which one service's spans last
 * three times as long: that service comes first, in every journey through it (docs/compare.md reports the run).
 */
class SharedDataDiffTest {
    @TempDir
    Path dir;

    @Test
    void aStretchedServiceOfTheOnlineBoutiqueDumpComesFirst() throws Exception {
        Path dump = Path.of(System.getProperty("sloscout.sharedData", "../shared/data"))
                .resolve("traces/onlineboutique/traces.otlp.jsonl");
        assumeTrue(Files.isRegularFile(dump), "../shared/data is not here");
        Path stretched = dir.resolve("stretched.otlp.jsonl");
        int changed = stretch(dump, stretched, "cartservice", 3);
        assertThat(changed).isPositive();

        Diff.Result result = Diff.run(new Diff.FileSides(List.of(dump.toString()), List.of(stretched.toString())),
                PipelineOptions.defaults(), () -> false, (i, s) -> { });

        var significant = result.report().significant();
        assertThat(significant).isNotEmpty();
        long cartFirst = significant.stream().takeWhile(f -> f.service().equals("cartservice")).count();
        assertThat(cartFirst).as("cartservice's findings lead").isGreaterThanOrEqualTo(3);
        assertThat(significant.get(0).metric()).isEqualTo("self time");
        assertThat(significant.get(0).after() / significant.get(0).before()).isBetween(2.5, 3.5);
        DiffDocument.of(result).summary(8).forEach(System.out::println);
    }

    /** Copies OTLP/JSON lines, stretching every span of {@code service} by {@code factor}; returns how many. */
    private static int stretch(Path from, Path to, String service, long factor) throws Exception {
        int changed = 0;
        try (BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode root = Json.MAPPER.readTree(line);
                for (JsonNode resourceSpans : root.path("resourceSpans")) {
                    boolean ours = false;
                    for (JsonNode attribute : resourceSpans.path("resource").path("attributes")) {
                        ours |= attribute.path("key").asText().equals("service.name")
                                && attribute.path("value").path("stringValue").asText().equals(service);
                    }
                    if (!ours) {
                        continue;
                    }
                    for (JsonNode scope : resourceSpans.path("scopeSpans")) {
                        for (JsonNode span : (ArrayNode) scope.path("spans")) {
                            long start = Long.parseLong(span.path("startTimeUnixNano").asText());
                            long end = Long.parseLong(span.path("endTimeUnixNano").asText());
                            ((ObjectNode) span).put("endTimeUnixNano", Long.toString(start + factor * (end - start)));
                            changed++;
                        }
                    }
                }
                out.write(Json.MAPPER.writeValueAsString(root));
                out.newLine();
            }
        }
        return changed;
    }
}
