package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataCommandTest {
    @TempDir
    Path dir;

    @Test
    void aDumpAppearsOnlyWhole() throws Exception {
        Path traces = dir.resolve("shop.jsonl.zst");
        Path logs = dir.resolve("shop-logs.jsonl.gz");

        CliRun run = CliRun.of("demo-data", "--out", traces.toString(), "--logs", logs.toString(), "--days", "1",
                "--scale", "0.1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(CliRun.of("ingest-stats", traces.toString()).exitCode()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("shop.jsonl.zst",
                    "shop-logs.jsonl.gz");
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        Path traces = dir.resolve("shop.jsonl");
        Path logs = dir.resolve("missing-folder").resolve("logs.jsonl"); // cannot be opened

        CliRun run = CliRun.of("demo-data", "--out", traces.toString(), "--logs", logs.toString(), "--days", "1",
                "--scale", "0.1");

        assertThat(run.exitCode()).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
