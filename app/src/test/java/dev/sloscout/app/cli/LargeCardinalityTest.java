package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory follows what is kept, not what is read: 100,000 distinct routes, 10,000 of them told apart as journeys
 * (20,000 SLOs exported), analysed by the CLI in a child JVM with a 512 MB heap.
 */
@Tag("integration")
@Tag("slow")
class LargeCardinalityTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandRoutesAndTenThousandJourneysFitIn512Megabytes() throws Exception {
        Path input = dir.resolve("routes.jsonl");
        long start = 1_700_000_000_000_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int r = 0; r < 100_000; r++) {
                long t = start + r * 1_000_000_000L;
                out.write(String.format("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                        + "\"value\":{\"stringValue\":\"svc%d\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\"%032x\","
                        + "\"spanId\":\"%016x\",\"name\":\"GET /r%d/items\",\"kind\":2,\"startTimeUnixNano\":\"%d\","
                        + "\"endTimeUnixNano\":\"%d\",\"attributes\":[{\"key\":\"http.route\",\"value\":{\"stringValue\":"
                        + "\"/r%d/items\"}},{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}}]}]}]}]}%n",
                        r % 20, r + 1, r + 1, r, t, t + 5_000_000, r));
            }
        }
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Dsloscout.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "dev.sloscout.app.Main",
                "analyze", input.toString(), "--out", out.toString(), "--validate", "never",
                "--max-journeys", "10000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        String printed = Files.readString(log);
        assertThat(child.exitValue()).as(printed).isEqualTo(SloScoutCommand.EXIT_PROBLEMS); // the cap is reported
        assertThat(printed).contains("10000 journeys").contains("20000 SLOs").contains("structural checks: passed")
                .contains("90000 traces of 90000 further journeys were not analysed");
        assertThat(out.resolve("prometheus/rules/svc0.rules.yml")).exists();
    }
}
