package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.JaegerJsonWriter;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IngestStatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Span> SPANS = TraceFixtures.spans(21, 12);

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    @Test
    void countsWhatTheFilesHoldInTheContractShape() throws IOException {
        Path file = write("traces.jsonl", new OtlpJsonWriter().jsonLines(SPANS, 5).getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of("ingest-stats", file.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("traces").asLong()).isEqualTo(12);
        assertThat(json.get("spans").asLong()).isEqualTo(SPANS.size());
        assertThat(json.get("errorSpans").asLong()).isEqualTo(SPANS.stream().filter(Spans::isError).count());
        assertThat(json.get("errorSpans").asLong()).isPositive();
        assertThat(json.get("orphanSpans").asLong()).isZero();
        assertThat(json.get("rejected").asLong()).isZero();
        assertThat(json.get("problems")).isEmpty();
        TreeSet<String> services = new TreeSet<>();
        SPANS.forEach(s -> services.add(s.serviceName()));
        assertThat(json.get("services")).extracting(JsonNode::asText).containsExactlyElementsOf(services);
    }

    @Test
    void walksFoldersOfMixedFormatsAndCompressionAndCountsTheSameTracesOnce() throws IOException {
        write("a/otlp.jsonl.gz", Compressions.gzip(new OtlpJsonWriter().jsonLines(SPANS, 5).getBytes(StandardCharsets.UTF_8)));
        write("a/b/jaeger.json", JaegerJsonWriter.queryResponse(SPANS).getBytes(StandardCharsets.UTF_8));
        write("a/b/zipkin.json.zst", Compressions.zstd(ZipkinJsonWriter.spans(SPANS).getBytes(StandardCharsets.UTF_8)));
        write("a/export.pb", OtlpProtoWriter.framed(SPANS, 9));
        write("a/.hidden", "ignored".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of("ingest-stats", dir.resolve("a").toString(), "--json");

        JsonNode json = JSON.readTree(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json.get("sources")).hasSize(4);
        assertThat(json.get("traces").asLong()).isEqualTo(12);
        // The same span read from four formats is one span: identity is trace, span id, kind, service and start.
        assertThat(json.get("spans").asLong()).isEqualTo(SPANS.size());
        assertThat(json.get("duplicateSpans").asLong()).isEqualTo(3L * SPANS.size());
    }

    @Test
    void readsStandardInput() {
        CliRun run = CliRun.of(OtlpProtoWriter.bare(SPANS), "ingest-stats", "-", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"spans\" : " + SPANS.size());
    }

    @Test
    void problemsGoToStderrOneLineEachAndExitOneWhenSomethingWasRead() throws IOException {
        String lines = new OtlpJsonWriter().jsonLines(SPANS, 5);
        Path file = write("broken.jsonl", (lines + "{\"resourceSpans\": [\n").getBytes(StandardCharsets.UTF_8));
        long brokenLine = lines.lines().count() + 1;

        CliRun run = CliRun.of("ingest-stats", file.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("slo-scout: " + file + ":line " + brokenLine + ": malformed JSON")
                        .doesNotContain("Source: REDACTED"));
        assertThat(JSON.readTree(run.out()).get("problems").get(0).get("location").asText()).isEqualTo("line " + brokenLine);
    }

    @Test
    void nothingUsableExitsTwo() throws IOException {
        Path notTelemetry = write("notes.txt", "just some notes\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of("ingest-stats", notTelemetry.toString(), dir.resolve("missing.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notes.txt: not a trace file").contains("missing.json: no such file");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwoAndHelpAndVersionWork() {
        assertThat(CliRun.of("ingest-stats").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(2);
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("ingest-stats").contains("Exit codes");
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("slo-scout ");
    }
}
