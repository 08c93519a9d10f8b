package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.compare.ChangedShop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo-scout diff}: the summary, --json, --out, the time split, and usage errors. */
class DiffCommandTest {
    @TempDir
    Path dir;
    private Path before;
    private Path after;

    @BeforeEach
    void dumps() throws Exception {
        before = ChangedShop.write(dir.resolve("before.jsonl"), 7, 1_000, "payment", 1, s -> false);
        after = ChangedShop.write(dir.resolve("after.jsonl"), 8, 1_000, "payment", 3, s -> true);
    }

    @Test
    void progressNamesBothSidesFilesAndLeavesTheReportAlone() {
        CliRun quiet = CliRun.of("diff", before.toString(), "--against", after.toString(), "--out",
                dir.resolve("report-quiet").toString());
        CliRun loud = CliRun.of("diff", before.toString(), "--against", after.toString(), "--out",
                dir.resolve("report-loud").toString(), "--progress", "always");

        assertThat(quiet.err()).doesNotContain("progress");
        assertThat(loud.out().replace(dir.resolve("report-loud").toString(), "OUT"))
                .isEqualTo(quiet.out().replace(dir.resolve("report-quiet").toString(), "OUT"));
        assertThat(loud.err()).contains("slo-scout: progress: " + before + " (traces").contains(
                "slo-scout: progress: " + after + " (traces").containsPattern("\\(traces, [^)]+\\): done, [1-9]");
    }

    @Test
    void theSummaryRanksTheChangeFirstAndTheFilesHoldTheDetail() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("diff", before.toString(), "--against", after.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("baseline:  1,000 traces, 0 log events (" + before);
        assertThat(lines[2]).matches("\\d+ significant changes of \\d+ compared \\(Holm-corrected p < 0.05\\):");
        assertThat(lines[3]).startsWith(" 1. payment \"POST /charge\" in ").contains("self time 48.00 -> 144.00 ms");
        assertThat(lines[4]).startsWith("    evidence: ");
        JsonNode json = Json.MAPPER.readTree(out.resolve("diff.json").toFile());
        assertThat(json.get("findings").get(0).get("service").asText()).isEqualTo("payment");
        assertThat(json.get("method").get("correction").asText()).isEqualTo("Holm over every test");
        assertThat(Files.readString(out.resolve("diff.md"))).startsWith("# What changed");
    }

    @Test
    void jsonOnStandardOutputForAutomation() throws Exception {
        CliRun run = CliRun.of("diff", before.toString(), "--against", after.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("significant").asInt()).isPositive();
        assertThat(json.get("findings").get(0).get("significant").asBoolean()).isTrue();
    }

    @Test
    void oneDumpSplitAtATime() {
        CliRun run = CliRun.of("diff", before.toString(), "--split-at", "2023-11-14T22:21:40Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("in ..2023-11-14T22:21:40Z)").contains("in 2023-11-14T22:21:40Z..)")
                .contains("0 significant changes");
    }

    @Test
    void oneDumpCutByAVersion() throws Exception {
        Path dump = ChangedShop.write(dir.resolve("versions.jsonl"), 7, 1_000, "payment", 3,
                s -> s.startEpochNanos() / 1_000_000 >= 1_700_000_500_000L, "1.4.2", "1.4.3");
        CliRun run = CliRun.of("diff", dump.toString(), "--attribute", "service.version=1.4.2",
                "--against-attribute", "service.version=1.4.3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("where service.version=1.4.3)").contains(" 1. payment \"POST /charge\"");
        CliRun keys = CliRun.of("diff", dump.toString(), "--attribute", "service.version=1.4.2",
                "--against-attribute", "service.namespace=x");
        assertThat(keys.exitCode()).isEqualTo(2);
        assertThat(keys.err()).contains("name the same key with two values");
        CliRun malformed = CliRun.of("diff", dump.toString(), "--attribute", "1.4.2", "--against-attribute",
                "service.version=1.4.3");
        assertThat(malformed.err()).contains("--attribute is KEY=VALUE");
    }

    @Test
    void sidesMustBeSaidOnceAndTimesMustBeTimes() {
        CliRun none = CliRun.of("diff", before.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("say how the sides differ");
        CliRun both = CliRun.of("diff", before.toString(), "--against", after.toString(), "--split-at",
                "2023-11-14T22:21:40Z");
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun badTime = CliRun.of("diff", before.toString(), "--split-at", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("'yesterday' is not an ISO-8601 instant");
        CliRun halfWindow = CliRun.of("diff", before.toString(), "--window", "..2023-11-14T22:21:40Z");
        assertThat(halfWindow.exitCode()).isEqualTo(2);
        assertThat(halfWindow.err()).contains("--window and --against-window go together");
    }

    @Test
    void aMissingSideIsSaidAndNothingToCompareIsExitTwo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        CliRun run = CliRun.of("diff", empty.toString(), "--against", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing to compare");
        CliRun oneSided = CliRun.of("diff", empty.toString(), "--against", after.toString());
        assertThat(oneSided.err()).contains("the baseline has no traces");
    }
}
