package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sloscout.engine.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputKindsTest {
    @TempDir
    Path dir;

    @Test
    void onlyTextThatIsNoTraceFormatIsReadAsLogs() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2024-01-01 10:00:00 INFO started\n\u001b[32mok\u001b[0m\n");
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        Path binary = Files.write(dir.resolve("random.bin"), random);
        // a trace document whose first byte was lost: no JSON any more, but trace field names all over
        Path damaged = Files.writeString(dir.resolve("cut.json"),
                "\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"x\",\"startTimeUnixNano\":");
        Path latin1 = Files.write(dir.resolve("legacy.log"), "caf\u00e9 ferm\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(InputKinds.isLogFile(log)).isTrue();
        assertThat(InputKinds.isLogFile(latin1)).isTrue();
        assertThat(InputKinds.isLogFile(binary)).isFalse();
        assertThat(InputKinds.isLogFile(damaged)).isFalse();
        byte[] padded = ("2024-01-01 10:00:00 INFO writing\n2024-01-01 10:00:01 INFO cut" + "\0".repeat(4096)
                + "2024-01-01 10:05:00 INFO started again\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(InputKinds.isLogFile(Files.write(dir.resolve("crashed.log"), padded)))
                .as("the zeros a crash leaves are no binary").isTrue();
        byte[] scattered = "2024-01-01 10:00:00 INFO a\0b\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertThat(InputKinds.isLogFile(Files.write(dir.resolve("scattered.bin"), scattered))).isFalse();
        assertThat(FormatSniffer.describe(Files.readAllBytes(damaged))).startsWith("a damaged trace file");
    }

    /**
     * The Collector's file exporter writes metrics beside traces and logs: a metrics export (plain or gzip'd) is one
     * problem that says what it is, not one "record without a message" per line; a JSON log that merely mentions the
     * field stays a log.
     */
    @Test
    void anOtlpMetricsExportIsNamedAndSkippedNotReadAsLogs() throws Exception {
        String metrics = "{\"resourceMetrics\":[{\"resource\":{},\"scopeMetrics\":[{\"metrics\":[{\"name\":"
                + "\"http.server.duration\",\"sum\":{\"dataPoints\":[{\"asInt\":\"5\"}]}}]}]}]}\n";
        Path plain = Files.writeString(dir.resolve("metrics.json"), metrics.repeat(3));
        Path gzipped = Files.write(dir.resolve("metrics.json.gz"),
                dev.sloscout.connectors.files.fixtures.Compressions.gzip(metrics.getBytes(StandardCharsets.UTF_8)));
        Path log = Files.writeString(dir.resolve("collector.jsonl"),
                "{\"msg\":\"exporting \\\"resourceMetrics\\\" failed\",\"level\":\"warn\"}\n");

        InputKinds.Split split = InputKinds.split(List.of(dir.toString()));

        assertThat(split.logs()).containsExactly(log);
        assertThat(split.traces()).containsExactlyInAnyOrder(plain.toString(), gzipped.toString());
        List<Problem> problems = new java.util.ArrayList<>();
        SourceReport report = new TraceFileReader(span -> { }, problems::add).read(plain);
        assertThat(report.spans()).isZero();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("OTLP metrics, not traces or logs: skipped"));
    }

    @Test
    void pipesAreNeverOpenedAndAFolderListsAroundWhatItCannotRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("in"));
        Path good = Files.writeString(folder.resolve("a.log"), "2024-01-01 10:00:00 INFO started\n");
        Path fifo = folder.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        InputKinds.Split split = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> InputKinds.split(List.of(folder.toString(), fifo.toString())));

        assertThat(split.logs()).containsExactly(good);
        assertThat(split.traces()).containsExactly(fifo.toString()); // named on its own: the trace reader refuses it
        assertThat(split.problems()).extracting(Problem::source).containsExactly(fifo.toString());
        assertThat(split.problems().get(0).reason()).contains("not a regular file");

        List<Problem> problems = new java.util.ArrayList<>();
        SourceReport report = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new TraceFileReader(span -> { }, problems::add).read(fifo));
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(problems.get(0).reason()).contains("give - to read standard input");
    }

    @Test
    void namesThatAreNotValidInTheFileNameEncodingAreReadAsLogsAndReportedAsTraces() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("names"));
        Path log = Files.writeString(dir.resolve("source.log"), "2024-01-01 10:00:00 INFO started\n");
        Path trace = Files.writeString(dir.resolve("source.jsonl"), "{\"resourceSpans\":[]}\n");
        // Latin-1 bytes in the names: no UTF-8 (nor ASCII) text names these files
        Process copy = new ProcessBuilder("bash", "-c", "cp \"$0\" \"$2\"/$'caf\\xe9.log' && cp \"$1\" \"$2\"/$'tr\\xe4ce.jsonl'",
                log.toString(), trace.toString(), folder.toString()).inheritIO().start();
        assertThat(copy.waitFor()).isZero();

        InputKinds.Split split = InputKinds.split(List.of(folder.toString()));

        assertThat(split.logs()).singleElement().satisfies(file -> {
            List<dev.sloscout.engine.capsule.LogEvent> events = new java.util.ArrayList<>();
            new LogFileReader(events::add, p -> { throw new AssertionError(p.toLine()); }).read(file);
            assertThat(events).singleElement().satisfies(e -> assertThat(e.service()).startsWith("caf"));
        });
        assertThat(split.traces()).isEmpty();
        assertThat(split.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).startsWith(folder.resolve("tr").toString());
            assertThat(p.reason()).startsWith("a trace file whose name is not valid in this system's file name "
                    + "encoding");
        });
    }
}
