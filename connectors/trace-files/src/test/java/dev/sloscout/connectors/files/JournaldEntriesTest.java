package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * journald's entries as {@code journalctl -o json} (and {@code -o json-seq}) writes them: every value a string, a
 * message that is no printable UTF-8 as its bytes, the program in {@code SYSLOG_IDENTIFIER} (or only in
 * {@code _COMM}), the level in {@code PRIORITY}: the program's choice when it logged to syslog or the journal, the
 * stream's default when journald read its output.
 */
class JournaldEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_MICROS = 1_796_339_160_000_000L;

    private final List<LogEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int entries;

    /** One entry as journalctl writes it: the common fields, then the entry's own (a value null: left out). */
    private String entry(String transport, String identifier, String priority, Object message, String... fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("__CURSOR", "s=1d57;i=" + entries);
        node.put("__REALTIME_TIMESTAMP", Long.toString(START_MICROS + entries++ * 1_000L));
        node.put("_TRANSPORT", transport);
        node.put("_HOSTNAME", "vm");
        node.put("_PID", "4242");
        if (identifier != null) {
            node.put("SYSLOG_IDENTIFIER", identifier);
        }
        if (priority != null) {
            node.put("PRIORITY", priority);
        }
        if (message instanceof byte[] bytes) {
            var array = node.putArray("MESSAGE");
            for (byte b : bytes) {
                array.add(b & 0xFF);
            }
        } else {
            node.put("MESSAGE", (String) message);
        }
        for (int i = 0; i < fields.length; i += 2) {
            node.put(fields[i], fields[i + 1]);
        }
        return node.toString();
    }

    private String stdout(String identifier, String message) {
        return entry("stdout", identifier, "6", message);
    }

    private String journal() {
        return String.join("\n",
                stdout("checkout", "INFO:     Started server process [31]"),
                stdout("checkout", "ERROR:    Exception in ASGI application"),
                stdout("checkout", "Traceback (most recent call last):"),
                stdout("checkout", "  File \"/app/main.py\", line 9, in price"),
                entry("syslog", "postgres", "4",
                        "[8-1] 2026-12-03 23:06:00 UTC [314]: [3-1] user=shop,db=shop ERROR:  division by zero"),
                stdout("checkout", "    return {}[\"sku\"]"),
                stdout("checkout", "KeyError: 'sku'"),
                entry("syslog", "postgres", "4",
                        "[8-2] 2026-12-03 23:06:00 UTC [314]: [4-1] user=shop,db=shop STATEMENT:  select 1/0"),
                entry("journal", "orders", "3", "order 7 failed: inventory returned 503"),
                entry("journal", "orders", "4", "payment slow\nwaited 1200 ms"),
                stdout("payments", "{\"level\":\"error\",\"ts\":1796339160.5,\"msg\":\"payment failed\"}"),
                entry("stdout", "colour", "6",
                        "\u001b[31mERROR\u001b[0m colour test failed".getBytes(StandardCharsets.UTF_8)),
                entry("syslog", null, "6", "vm nginx_access: 127.0.0.1 - - \"GET / HTTP/1.1\" 200 3", "_COMM", "nginx"),
                stdout("checkout", "INFO:     Shutting down")) + "\n";
    }

    private void read(String source, String text) {
        new LogFileReader(events::add, problems::add).read(source,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(problems).isEmpty();
    }

    private LogEvent event(String startingWith) {
        return events.stream().filter(e -> e.text().startsWith(startingWith)).findFirst().orElseThrow();
    }

    @Test
    void aProgramsLinesFoldAsItsLogWouldAndItsOwnLevelWins() {
        read("journal.json", journal());

        LogEvent exception = event("ERROR:    Exception in ASGI application");
        assertThat(exception.continuation()).as("a traceback journald kept a line an entry, one event")
                .isEqualTo("Traceback (most recent call last):\n  File \"/app/main.py\", line 9, in price\n"
                        + "    return {}[\"sku\"]\nKeyError: 'sku'");
        assertThat(exception.service()).isEqualTo("checkout");
        assertThat(exception.severity()).as("the stream's default says nothing: the header's level decides")
                .isEqualTo(Severity.UNKNOWN);

        LogEvent division = event("[8-1] 2026-12-03 23:06:00 UTC [314]");
        assertThat(division.continuation()).as("PostgreSQL's statement under its error, though syslog split them")
                .endsWith("STATEMENT:  select 1/0");
        assertThat(division.severity()).as("the line writes ERROR, where PostgreSQL's syslog says warning")
                .isEqualTo(Severity.UNKNOWN);

        assertThat(event("order 7 failed").severity()).as("a level the program gave only to journald")
                .isEqualTo(Severity.ERROR);
        LogEvent slow = event("payment slow");
        assertThat(slow.severity()).isEqualTo(Severity.WARN);
        assertThat(slow.continuation()).isEqualTo("waited 1200 ms");
        assertThat(event("payment failed").severity()).as("the JSON record's own level, not PRIORITY's")
                .isEqualTo(Severity.ERROR);
        assertThat(event("ERROR colour test failed").service()).as("a coloured line journald kept as bytes")
                .isEqualTo("colour");
        assertThat(event("vm nginx_access").service()).as("no identifier: the command").isEqualTo("nginx");
        assertThat(event("INFO:     Shutting down").epochMillis()).isEqualTo(START_MICROS / 1000 + 13);
        assertThat(events).hasSize(9);
    }

    @Test
    void mineTheLevelsTheLinesWrite() {
        read("journal.json", journal());
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2026);
        events.forEach(capsules::accept);
        Map<String, String> levels = new TreeMap<>();
        for (Capsule c : capsules.capsules()) {
            levels.put(c.service() + ": " + c.template(), c.severities().keySet().stream().map(Enum::name)
                    .collect(Collectors.joining(",")));
        }
        assertThat(levels).containsEntry("checkout: Exception in ASGI application", "ERROR")
                .containsEntry("postgres: division by zero", "ERROR")
                .containsEntry("payments: payment failed", "ERROR")
                .containsEntry("colour: colour test failed", "ERROR");
    }

    /**
     * The same entries in journalctl's export format (a value with a line break as its length and bytes) and its
     * verbose format (a value's further lines under its first, the time in the cursor) read as their JSON does.
     */
    @Test
    void exportAndVerboseEntriesReadAsTheirJson() throws Exception {
        String json = journal();
        read("journal.json", json);
        List<LogEvent> fromJson = List.copyOf(events);
        java.io.ByteArrayOutputStream export = new java.io.ByteArrayOutputStream();
        StringBuilder verbose = new StringBuilder();
        for (String line : json.lines().toList()) {
            var entry = JSON.readTree(line);
            long micros = entry.get("__REALTIME_TIMESTAMP").asLong();
            verbose.append("Thu 2026-12-03 23:06:00.000000 UTC [s=1d57;i=9;b=9f2f;m=6cbb;t=")
                    .append(Long.toHexString(micros)).append(";x=8276]\n");
            for (var field : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                    entry::fields) {
                byte[] value = field.getValue().isArray() ? bytes(field.getValue())
                        : field.getValue().asText().getBytes(StandardCharsets.UTF_8);
                String text = new String(value, StandardCharsets.UTF_8);
                boolean binary = text.contains("\n") || text.chars().anyMatch(c -> c < 0x20);
                if (binary) {
                    export.write((field.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                    export.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putLong(value.length).array());
                    export.write(value);
                    export.write('\n');
                } else {
                    export.write((field.getKey() + "=" + text + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (!field.getKey().startsWith("__")) {
                    String under = " ".repeat(4 + field.getKey().length() + 1);
                    verbose.append("    ").append(field.getKey()).append('=')
                            .append(text.replace("\n", "\n" + under)).append('\n');
                }
            }
            export.write('\n');
        }
        for (String source : List.of("journal.export", "journal.verbose")) {
            events.clear();
            byte[] bytes = source.endsWith("export") ? export.toByteArray()
                    : verbose.toString().getBytes(StandardCharsets.UTF_8);
            new LogFileReader(events::add, problems::add).read(source, new ByteArrayInputStream(bytes));
            assertThat(problems).as(source).isEmpty();
            assertThat(events).as(source).extracting(LogEvent::text, LogEvent::continuation, LogEvent::severity,
                    LogEvent::service, LogEvent::epochMillis).containsExactlyElementsOf(fromJson.stream()
                    .map(e -> org.assertj.core.groups.Tuple.tuple(e.text(), e.continuation(), e.severity(),
                            e.service(), e.epochMillis())).toList());
        }
    }

    private static byte[] bytes(com.fasterxml.jackson.databind.JsonNode array) {
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) array.get(i).intValue();
        }
        return bytes;
    }

    /**
     * {@code journalctl -o json-pretty}: the entries as one document of objects, a message kept as its bytes an
     * array in one of them; they read as their JSON lines do, a program's lines folded.
     */
    @Test
    void prettyPrintedEntriesReadAsTheirLines() throws Exception {
        String json = journal();
        read("journal.json", json);
        List<LogEvent> lines = List.copyOf(events);
        events.clear();
        StringBuilder pretty = new StringBuilder();
        for (String line : json.lines().toList()) {
            pretty.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(line))).append('\n');
        }
        read("journal-pretty.json", pretty.toString());
        assertThat(events).extracting(LogEvent::text, LogEvent::continuation, LogEvent::severity, LogEvent::service)
                .containsExactlyElementsOf(lines.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.text(),
                        e.continuation(), e.severity(), e.service())).toList());
    }

    /**
     * A service whose program is a runtime logs under the runtime's name (every Python service as {@code python3}):
     * its systemd unit names it then; a program that names itself keeps its name.
     */
    @Test
    void aRuntimesServiceIsNamedByItsUnit() {
        read("journal.json", String.join("\n",
                entry("stdout", "python3", "6", "order 7 placed", "_SYSTEMD_UNIT", "orders.service"),
                entry("stdout", "python3.11", "6", "cart 9 saved", "_SYSTEMD_UNIT", "cart.service"),
                entry("stdout", "java", "6", "payment 3 declined", "_SYSTEMD_UNIT", "payments.service"),
                entry("syslog", "nginx", "6", "worker started", "_SYSTEMD_UNIT", "nginx.service"),
                entry("stdout", "node", "6", "listening on 3000"),
                entry("stdout", null, "6", "job 4 done", "_SYSTEMD_UNIT", "worker.service"),
                entry("stdout", "python3", "6", "session opened", "_SYSTEMD_UNIT", "session-3.scope")) + "\n");
        assertThat(events).extracting(LogEvent::service).containsExactly("orders", "cart", "payments", "nginx",
                "node", "worker", "python3");
    }

    @Test
    void aJsonTextSequenceReadsAsItsLines() {
        read("journal.json", journal());
        List<LogEvent> lines = List.copyOf(events);
        events.clear();
        String sequence = journal().lines().map(line -> "\u001e" + line + "\n").collect(Collectors.joining());
        read("journal-seq.json", sequence);
        assertThat(events).extracting(LogEvent::text).containsExactlyElementsOf(
                lines.stream().map(LogEvent::text).toList());
        assertThat(events).extracting(LogEvent::severity).containsExactlyElementsOf(
                lines.stream().map(LogEvent::severity).toList());
    }
}
