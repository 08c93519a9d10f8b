package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.pipeline.bundle.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad entries are one problem each, the rest is read, and the exit code says there were problems. */
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithBinaryAndAPipeIsReadAroundThem() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dump"));
        ShopTraffic.writeJsonLines(folder.resolve("shop.jsonl"), 7, 200);
        byte[] random = new byte[100_000];
        new Random(11).nextBytes(random);
        Files.write(folder.resolve("core.bin"), random);
        assertThat(new ProcessBuilder("mkfifo", folder.resolve("pipe").toString()).start().waitFor()).isZero();

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.of("analyze", folder.toString(), "--out", dir.resolve("out").toString(),
                        "--validate", "never"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(SloScoutCommand.EXIT_PROBLEMS);
        assertThat(run.out()).containsPattern("[1-9]\\d* journeys");
        assertThat(run.err()).contains("core.bin: not a trace file").contains("pipe: not a regular file");
    }

    @Test
    void aLogsOnlyRunThatSkippedAnInputSaysSoInItsExitCode() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("logs"));
        Files.writeString(folder.resolve("app.log"), "2024-01-01 10:00:00 INFO started\n"
                + "2024-01-01 10:00:01 INFO started\n");
        assertThat(new ProcessBuilder("mkfifo", folder.resolve("pipe").toString()).start().waitFor()).isZero();

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.of("analyze", folder.toString(), "--out", dir.resolve("out").toString(),
                        "--validate", "never"));

        assertThat(run.out()).contains("capsules from 2 log events");
        assertThat(run.err()).contains("pipe: not a regular file");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(SloScoutCommand.EXIT_PROBLEMS);
    }

    @Test
    void namesWithTemplateSyntaxDollarsAndHalfCharactersBreakNoOutput() throws Exception {
        StringBuilder lines = new StringBuilder();
        long start = 1_700_000_000_000_000_000L;
        for (int i = 1; i <= 50; i++) {
            long t = start + i * 60_000_000_000L;
            lines.append("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",")
                    .append("\"value\":{\"stringValue\":\"pay$ments\\ud800\"}}]},\"scopeSpans\":[{\"spans\":[{")
                    .append(String.format("\"traceId\":\"%032x\",\"spanId\":\"%016x\",", i, i))
                    .append("\"name\":\"GET /a{{.window}}/$x\\ud800\",\"kind\":2,")
                    .append("\"startTimeUnixNano\":\"").append(t).append("\",\"endTimeUnixNano\":\"")
                    .append(t + 5_000_000).append("\"}]}]}]}\n");
        }
        Path file = Files.writeString(dir.resolve("names.jsonl"), lines);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("analyze", file.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("FAILED");
        if (Promtool.find() != null || System.getenv("CI") != null) { // CI installs it: there, its absence fails
            assertThat(run.out()).contains("promtool test rules");
        } else {
            assertThat(run.out()).contains("promtool not on the PATH");
        }
        // Grafana substitutes $name in queries and titles; the rule generator {{.window}} in queries
        try (Stream<Path> files = Files.walk(out.resolve("grafana"))) {
            for (Path dashboard : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(dashboard)).as(dashboard.toString()).doesNotContain("$x")
                        .doesNotContain("pay$ments");
            }
        }
        String rules = Files.readString(out.resolve("prometheus/rules/pay-ments-7527fa.rules.yml"));
        assertThat(rules).contains("span_name=\\\"GET /a\\\\x7b{.window}}/\\\\x24x?\\\"")
                .doesNotContain("{{.window}}/");
        // annotations are Go templates, where a $ outside {{ }} is text; queries hold none
        assertThat(rules.lines().filter(l -> l.contains("expr:"))).noneMatch(l -> l.contains("$"));
    }

    @Test
    void searchSaysWhatItCouldNotRead() {
        CliRun run = CliRun.of("search", dir.resolve("missing.log").toString(), "--query", "x");
        assertThat(run.exitCode()).isEqualTo(SloScoutCommand.EXIT_PROBLEMS);
        assertThat(run.err()).contains("missing.log: no such file");
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void theOutFolderHoldsOnlyTheNewBundle() throws Exception {
        Path out = dir.resolve("out");
        CliRun demo = CliRun.of("analyze", "--demo", "--out", out.toString(), "--validate", "never");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path traces = ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 7, 200);
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun shop = CliRun.of("analyze", traces.toString(), "--out", out.toString(), "--validate", "never");

        assertThat(shop.exitCode()).as(shop.err()).isZero();
        assertThat(shop.out()).contains("removed ");
        try (Stream<Path> files = Files.walk(out.resolve("prometheus/rules"))) {
            // every rules file left is one the second run wrote: named in its bundle's Sloth specs
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()
                    .replace(".rules.yml", "")).toList())
                    .allSatisfy(service -> assertThat(out.resolve("sloth/" + service + ".yml")).exists());
        }
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }
}
