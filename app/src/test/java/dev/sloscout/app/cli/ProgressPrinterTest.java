package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.pipeline.Pipeline.SourceState;
import dev.sloscout.pipeline.Pipeline.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private static SourceStatus status(SourceState state, double fraction, long items) {
        return new SourceStatus("dump.jsonl", "traces", "", state, fraction, items, 0);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLinePerChangeAndWhileReadingAtMostOnePerInterval() {
        ProgressPrinter p = new ProgressPrinter(err, false, now::get, Duration.ofSeconds(5));
        p.source(0, status(SourceState.WAITING, 0, 0));
        p.source(0, status(SourceState.READING, 0.10, 0));
        now.set(Duration.ofSeconds(1).toNanos());
        p.source(0, status(SourceState.READING, 0.20, 0)); // too soon
        now.set(Duration.ofSeconds(6).toNanos());
        p.source(0, status(SourceState.READING, 0.70, 0));
        p.source(0, status(SourceState.DONE, 1, 1_234_567));
        p.source(0, status(SourceState.DONE, 1, 1_234_567)); // said already
        p.finish();

        assertThat(printed().lines()).containsExactly(
                "slo-scout: progress: dump.jsonl (traces): reading 10%",
                "slo-scout: progress: dump.jsonl (traces): reading 70%",
                "slo-scout: progress: dump.jsonl (traces): done, 1,234,567 spans");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceAndAnEndedSourceKeepsItsLine() {
        ProgressPrinter p = new ProgressPrinter(err, true, now::get, Duration.ZERO);
        p.source(0, new SourceStatus("app.log", "logs", "log lines", SourceState.READING, 0.5, 120_000, 0));
        p.source(0, new SourceStatus("app.log", "logs", "log lines", SourceState.READING, 0.9, 9, 0));
        p.source(1, new SourceStatus("b.jsonl", "traces", "", SourceState.READING, 0.25, 0, 0));
        p.finish();

        String first = "slo-scout: progress: app.log (logs, log lines): reading 50%, 120,000 events";
        String second = "slo-scout: progress: app.log (logs, log lines): reading 90%, 9 events";
        String third = "slo-scout: progress: b.jsonl (traces): reading 25%";
        assertThat(printed()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
                + "\r" + third + " ".repeat(second.length() - third.length()) + System.lineSeparator());
    }

    @Test
    void aSourceThatEndsEndsItsLineOnATerminal() {
        ProgressPrinter p = new ProgressPrinter(err, true, now::get, Duration.ZERO);
        p.source(0, status(SourceState.READING, 0.5, 0));
        p.source(0, new SourceStatus("dump.jsonl", "traces", "OTLP/JSON", SourceState.PROBLEMS, 1, 40, 1));
        p.finish(); // nothing left open

        assertThat(printed()).endsWith("\rslo-scout: progress: dump.jsonl (traces, OTLP/JSON): problems, 40 spans, "
                + "1 problem" + System.lineSeparator()).doesNotEndWith(System.lineSeparator() + System.lineSeparator());
    }

    @Test
    void controlCharactersInANameAreNotWrittenToTheTerminal() {
        String line = ProgressPrinter.describe(new SourceStatus("evil\r\u001b[2Jname", "traces", "", SourceState.DONE,
                1, 2, 3));
        assertThat(line).isEqualTo("slo-scout: progress: evil??[2Jname (traces): done, 2 spans, 3 problems");
    }

    @Test
    void analyzeReportsEachSourceWhenAskedAndNothingByDefaultOutsideATerminal(@TempDir Path dir) throws Exception {
        Path traces = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(traces, 7, 400);
        CliRun quiet = CliRun.of("analyze", traces.toString(), "--out", dir.resolve("a").toString(), "--validate",
                "never");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("progress");

        CliRun loud = CliRun.of("analyze", traces.toString(), "--out", dir.resolve("b").toString(), "--validate",
                "never", "--progress", "always");
        assertThat(loud.exitCode()).as(loud.err()).isZero();
        assertThat(loud.err().lines().filter(l -> l.startsWith("slo-scout: progress: " + traces)))
                .first().asString().contains("(traces): reading");
        assertThat(loud.err().lines().filter(l -> l.startsWith("slo-scout: progress: " + traces)))
                .last().asString().matches(".*\\(traces, [^)]+\\): done, [1-9][0-9,]* spans");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(dir.resolve("b/analysis.json").toFile()).get("journeys"))
                .isEqualTo(json.readTree(dir.resolve("a/analysis.json").toFile()).get("journeys"));

        CliRun wrong = CliRun.of("analyze", traces.toString(), "--out", dir.resolve("c").toString(), "--progress",
                "sometimes");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--progress sometimes: expected auto, always or never");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"journeys", "ingest-stats"})
    void theOtherTraceCommandsReportEachFileTooAndPrintTheSame(String command, @TempDir Path dir) throws Exception {
        Path traces = ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 7, 400);
        Path notTraces = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not traces\n");

        CliRun quiet = CliRun.of(command, traces.toString(), notTraces.toString());
        CliRun loud = CliRun.of(command, traces.toString(), notTraces.toString(), "--progress", "always");

        assertThat(quiet.err()).doesNotContain("progress");
        assertThat(loud.out()).isEqualTo(quiet.out());
        assertThat(loud.exitCode()).isEqualTo(quiet.exitCode()).isEqualTo(SloScoutCommand.EXIT_PROBLEMS);
        assertThat(loud.err().lines().filter(l -> l.startsWith("slo-scout: progress: ")).toList()).containsExactly(
                "slo-scout: progress: " + traces + " (traces): reading 0%",
                "slo-scout: progress: " + traces + " (traces, OTLP/JSON): done, "
                        + String.format(java.util.Locale.ROOT, "%,d", ShopTraffic.spans(7, 400).size()) + " spans",
                "slo-scout: progress: " + notTraces + " (traces): reading 0%",
                "slo-scout: progress: " + notTraces + " (traces, unrecognised): failed, 1 problem");
        assertThat(CliRun.of(command, traces.toString(), "--progress", "sometimes").err())
                .contains("--progress sometimes: expected auto, always or never");
    }
}
