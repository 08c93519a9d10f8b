package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsOneRowPerInputLineWithTheFinalTemplate() throws IOException {
        Path log = dir.resolve("auth.log");
        Files.writeString(log, String.join("\n",
                "Dec 10 06:55:46 host sshd[1]: Invalid user alice from 10.0.0.1",
                "Dec 10 06:55:47 host sshd[2]: Invalid user bob from 10.0.0.2",
                "Dec 10 06:55:48 host sshd[3]: Connection closed, by 10.0.0.3",
                "Dec 10 06:55:49 host java[4]: failed \"quoted, value\"",
                "\tat a.B.c(B.java:1)",
                "Dec 10 06:55:50 host sshd[5]: Invalid user carol from 10.0.0.4",
                "Dec 10 06:55:51 host sshd[6]: Invalid user dave from 10.0.0.5"));
        CliRun run = CliRun.of("fingerprint", log.toString(), "--csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("LineId,TemplateId,Template");
        assertThat(rows).hasSize(8);
        String invalidUser = rows.get(1).split(",")[1];
        assertThat(rows.get(1)).as("four user names make the position a variable")
                .endsWith(",Invalid user <*> from <IP>");
        assertThat(rows.get(2).split(",")[1]).isEqualTo(invalidUser); // early lines get the final id
        assertThat(rows.get(7)).startsWith("7," + invalidUser + ",");
        assertThat(rows.get(3)).endsWith(",\"Connection closed, by <IP>\"");
        assertThat(rows.get(4).split(",")[1]).isEqualTo(rows.get(5).split(",")[1]); // the folded line
        assertThat(rows.get(5)).startsWith("5,");
        assertThat(run.err()).contains("7 lines, 6 events, 3 templates");
    }

    @Test
    void readsAFileInsideAnArchiveByItsName() throws IOException {
        String text = "Dec 10 06:55:46 host sshd[1]: Invalid user alice from 10.0.0.1\n"
                + "Dec 10 06:55:47 host sshd[2]: Invalid user bob from 10.0.0.2\n";
        Path archive = Files.write(dir.resolve("logs.tgz"), dev.sloscout.connectors.files.fixtures.Compressions.gzip(
                new dev.sloscout.connectors.files.fixtures.Archives.Tar(
                        dev.sloscout.connectors.files.fixtures.Archives.LongNames.PAX)
                        .file("var/log/auth.log", text.getBytes(StandardCharsets.UTF_8), 1_700_000_000L).bytes()));

        CliRun run = CliRun.of("fingerprint", archive + "!/var/log/auth.log", "--csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(1)).hasSize(2)
                .allSatisfy(row -> assertThat(row).contains(",Invalid user ").endsWith(" from <IP>"));
        assertThat(CliRun.of("fingerprint", archive + "!/var/log/missing.log", "--csv").err())
                .contains("missing.log: no such file");
    }

    @Test
    void readsStandardInputAndSaysWhenThereIsNothing() {
        CliRun run = CliRun.of("one line\nanother one line\n".getBytes(StandardCharsets.UTF_8), "fingerprint", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(CliRun.of("fingerprint", dir.resolve("missing.log").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void analyzeWithLogFilesAloneGivesCapsulesAndNoJourneys() throws IOException {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "2024-01-01 10:00:00 ERROR a.B: disk 91% full\n2024-01-01 10:01:00 ERROR a.B: disk 95% full\n");
        Path out = dir.resolve("out-logs");
        CliRun run = CliRun.of("analyze", log.toString(), "--validate", "never", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode analysis = JSON.readTree(out.resolve("analysis.json").toFile());
        assertThat(analysis.get("journeys")).isEmpty();
        assertThat(analysis.get("capsules")).singleElement()
                .satisfies(c -> assertThat(c.get("count").asInt()).isEqualTo(2));
    }

    /**
     * Times written without a year are placed counting back from the file's last write: analyze says so, per file,
     * on its summary and in {@code logs.timesPlaced}, as information (the exit code stays 0).
     */
    @Test
    void analyzeSaysWhereItPlacedTimesWrittenWithoutAYear() throws IOException {
        Path log = dir.resolve("auth.log");
        Files.writeString(log, "Dec 31 23:59:00 host sshd[1]: session opened for user root\n"
                + "Jan  1 00:02:00 host sshd[1]: session closed for user root\n");
        Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.from(java.time.Instant.parse(
                "2006-01-02T00:00:00Z")));
        Path out = dir.resolve("out-yearless");
        CliRun run = CliRun.of("analyze", log.toString(), "--validate", "never", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("times placed: " + log + ": 2 times written without a year were placed "
                + "from 2005-12-31 to 2006-01-01, counting back from when the file was last written (2006-01-02 00:00 "
                + "UTC)");
        JsonNode placed = JSON.readTree(out.resolve("analysis.json").toFile()).get("logs").get("timesPlaced");
        assertThat(placed).singleElement().satisfies(p -> {
            assertThat(p.get("source").asText()).isEqualTo(log.toString());
            assertThat(p.get("yearless").asLong()).isEqualTo(2);
            assertThat(p.get("from").asText()).isEqualTo("2005-12-31T23:59:00Z");
            assertThat(p.get("to").asText()).isEqualTo("2006-01-01T00:02:00Z");
            assertThat(p.get("reference").asText()).isEqualTo("2006-01-02T00:00:00Z");
            assertThat(p.get("referenceIs").asText()).isEqualTo("written");
        });
    }

    @Test
    void analyzeLinksCapsulesFromLogFilesToJourneysByTraceId() throws IOException {
        Path traces = dir.resolve("shop.jsonl");
        Path logs = dir.resolve("shop-logs.jsonl");
        CliRun write = CliRun.of("demo-data", "--out", traces.toString(), "--logs", logs.toString(), "--days", "1",
                "--scale", "0.1");
        assertThat(write.exitCode()).as(write.err()).isZero();
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", traces.toString(), logs.toString(), "--validate", "never", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode analysis = JSON.readTree(out.resolve("analysis.json").toFile());
        assertThat(analysis.get("logs").get("sources").get(0).asText()).endsWith("shop-logs.jsonl");
        JsonNode capsules = analysis.get("capsules");
        assertThat(capsules.size()).isGreaterThan(3);
        java.util.Set<String> journeyIds = new java.util.HashSet<>();
        analysis.get("journeys").forEach(j -> journeyIds.add(j.get("id").asText()));
        for (JsonNode capsule : capsules) {
            assertThat(capsule.get("eventsWithTrace").asLong()).isEqualTo(capsule.get("count").asLong());
            capsule.get("journeys").fieldNames().forEachRemaining(id -> assertThat(journeyIds).contains(id));
            capsule.get("samples").forEach(s -> assertThat(s.get("text").asText()).doesNotContainPattern(
                    "[a-z0-9.]+@[a-z]+\\.[a-z]+"));
        }
        boolean anyErrorCapsule = false;
        for (JsonNode capsule : capsules) {
            anyErrorCapsule |= capsule.get("mostlyOnErrorTraces").asBoolean()
                    && capsule.get("severities").has("ERROR");
        }
        assertThat(anyErrorCapsule).as("error logs sit on failed traces").isTrue();
    }
}
