package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileReaderTest {
    private final List<LogEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final LogFileReader reader = new LogFileReader(events::add, problems::add);

    private long read(String source, byte[] bytes) {
        return reader.read(source, new ByteArrayInputStream(bytes));
    }

    private long read(String text) {
        return read("app.log", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextFoldsStackTracesIntoTheEventThatStartsThem() {
        read("2024-01-01 10:00:00,000 ERROR [main] a.B: boom\r\n"
                + "java.lang.IllegalStateException: boom\r\n".replace("java", "\tjava")
                + "\tat a.B.run(B.java:10)\r\n"
                + "Caused by: java.io.IOException: disk\r\n"
                + "\t... 3 more\r\n"
                + "2024-01-01 10:00:01,000 INFO [main] a.B: recovered");
        assertThat(events).hasSize(2);
        LogEvent first = events.get(0);
        assertThat(first.text()).isEqualTo("2024-01-01 10:00:00,000 ERROR [main] a.B: boom");
        assertThat(first.lines()).isEqualTo(5);
        assertThat(first.continuation()).contains("Caused by: java.io.IOException: disk").doesNotContain("\r");
        assertThat(first.raw()).isTrue();
        assertThat(events.get(1).line()).isEqualTo(6);
        assertThat(events.get(1).text()).endsWith("recovered");
        assertThat(events.get(0).service()).isEqualTo("app");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedNotFatal() {
        byte[] latin1 = "caf\u00e9 opened\nnext line\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read("x.log", latin1)).isEqualTo(2);
        assertThat(events.get(0).text()).isEqualTo("caf\ufffd opened");
        assertThat(problems).isEmpty();
    }

    @Test
    void jsonLinesTakeMessageLevelTimeAndTraceFromTheirFields() {
        read("{\"ts\":\"2024-03-01T12:00:00Z\",\"level\":\"warn\",\"msg\":\"slow query 12 ms\",\"service\":\"db\","
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\"}\n"
                + "{\"log\":\"2024-03-01 12:00:01 ERROR x.Y: failed\\n\",\"stream\":\"stderr\",\"time\":\"2024-03-01T12:00:01Z\"}\n"
                + "{\"message\":\"first\\nsecond\"}\n"
                + "{\"message\": broken\n"
                + "{\"no\":\"message\"}\n");
        assertThat(events).hasSize(3);
        LogEvent json = events.get(0);
        assertThat(json.text()).isEqualTo("slow query 12 ms");
        assertThat(json.raw()).isFalse();
        assertThat(json.severity()).isEqualTo(Severity.WARN);
        assertThat(json.service()).isEqualTo("db");
        assertThat(Instant.ofEpochMilli(json.epochMillis())).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(json.traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        LogEvent docker = events.get(1);
        assertThat(docker.raw()).isTrue();
        assertThat(docker.text()).isEqualTo("2024-03-01 12:00:01 ERROR x.Y: failed");
        assertThat(events.get(2).continuation()).isEqualTo("second");
        assertThat(problems).extracting(Problem::location).containsExactly("line 4", "line 5");
        assertThat(problems.get(0).reason()).startsWith("not valid JSON");
    }

    @Test
    void otlpLogsAsJsonLinesAndAsOnePrettyDocumentCompressed() throws Exception {
        String request = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":"
                + "\"1700000000000000000\",\"severityNumber\":17,\"body\":{\"stringValue\":\"cart 7 not found\"},"
                + "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\"},"
                + "{\"timeUnixNano\":\"1700000001000000000\",\"severityNumber\":\"SEVERITY_NUMBER_INFO\","
                + "\"body\":{\"stringValue\":\"cart 8 saved\"}}]}]}]}";
        read("logs.jsonl", (request + "\n" + request + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).hasSize(4);
        assertThat(events.get(0).service()).isEqualTo("cart");
        assertThat(events.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(events.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(events.get(0).spanId().toHex()).isEqualTo("b7ad6b7169203331");
        assertThat(events.get(0).epochMillis()).isEqualTo(1_700_000_000_000L);

        events.clear();
        String pretty = request.replace(",", ",\n  ").replace("{", "{\n");
        read("logs.json.zst", Compressions.zstd(Compressions.gzip(pretty.getBytes(StandardCharsets.UTF_8))));
        assertThat(events).extracting(LogEvent::text).containsExactly("cart 7 not found", "cart 8 saved");
        assertThat(problems).isEmpty();
    }

    @Test
    void aBadLineIsReportedWithoutThePersonalDataInIt() {
        read("{\"message\": jane.doe@example.com}\n{\"message\": \"next line still read\"}\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("next line still read");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1");
            assertThat(p.reason()).startsWith("not valid JSON").doesNotContain("jane.doe");
        });
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        assertThat(reader.read(dir.resolve("gone.log"))).isZero();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("gone.log");
            assertThat(p.reason()).startsWith("cannot read");
        });
    }

    @Test
    void inputKindsSendTraceFilesToTracesAndTheRestToLogs(@TempDir Path dir) throws Exception {
        Path traces = dir.resolve("t.jsonl");
        Files.writeString(traces, "{\"resourceSpans\":[]}\n");
        Path logs = dir.resolve("l.log");
        Files.writeString(logs, "hello\n");
        ByteArrayOutputStream otlpLogs = new ByteArrayOutputStream();
        otlpLogs.writeBytes("{\"resourceLogs\":[]}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("o.jsonl.gz"), Compressions.gzip(otlpLogs.toByteArray()));
        InputKinds.Split split = InputKinds.split(List.of(dir.toString()));
        assertThat(split.traces()).containsExactly(traces.toString());
        assertThat(split.logs()).containsExactly(logs, dir.resolve("o.jsonl.gz"));
    }
}
