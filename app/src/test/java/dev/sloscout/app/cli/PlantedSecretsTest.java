package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.OtlpJsonLogWriter;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.demo.DemoLog;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets and personal data planted in every input format (plain logs, JSON logs, OTLP/JSON logs, span names, URL
 * paths, status messages) must reach no sink: analysis.json, the bundle, the workspace's database and index files,
 * search output, stdout and stderr.
 */
class PlantedSecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A carrier message and the secret in it that must never be written (null when it carries none). */
    private record Planted(String message, String secret) {
    }

    private static final List<Planted> IN_LOGS = List.of(
            new Planted("deploy ran with --password Zq7Plant01 ok", "Zq7Plant01"),
            new Planted("backup: mysql -u root -pZq7Plant02 shop", "Zq7Plant02"),
            new Planted("env PGPASSWORD=Zq7Plant03 psql -h db", "Zq7Plant03"),
            new Planted("user changed it: the new password is Zq7Plant04", "Zq7Plant04"),
            new Planted("cache at redis://:Zq7Plant05@cache:6379", "Zq7Plant05"),
            new Planted("boot aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCYZq7Plant06", "Zq7Plant06"),
            new Planted("assumed role with key ASIAZQ7PLANT07ABCD12", "ASIAZQ7PLANT07ABCD12"),
            new Planted("key -----BEGIN RSA PRIVATE KEY-----MIIBOgIBAAJBAKZq7Plant08x-----END RSA PRIVATE KEY-----",
                    "Zq7Plant08"),
            new Planted("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQZq7Plant09", "Zq7Plant09"),
            new Planted("token github_pat_11Zq7Plant10abcdefghijklmnopq used", "Zq7Plant10"),
            new Planted("request Cookie: JSESSIONID=Zq7Plant11; theme=dark", "Zq7Plant11"),
            new Planted("set session=Zq7Plant12 for request", "Zq7Plant12"),
            new Planted("config secret_key: Zq7Plant13", "Zq7Plant13"),
            new Planted("GET /file?X-Amz-Signature=Zq7Plant14abcdef0123 200", "Zq7Plant14"),
            new Planted("customer ssn 123-45-6789 verified", "123-45-6789"),
            new Planted("login for zq7plant15@example.com ok", "zq7plant15@example.com"),
            new Planted("auth Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJacTdQbGFudDE2In0.c2lnbmF0dXJl ok",
                    "eyJzdWIiOiJacTdQbGFudDE2In0"),
            // a statement, then on the next record a value bound to it (Hibernate's TRACE), the same in every format
            new Planted("org.hibernate.SQL - select id from users where name=? and password=?", null),
            new Planted("org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- [Zq7Plant17]", "Zq7Plant17"));

    private static final String JWT_IN_PATH = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJacTdQbGFudDIwIn0.c2lnMjA";
    private static final List<String> IN_SPANS = List.of(JWT_IN_PATH, "zq7plant21@example.com",
            "zq7plant22@example.com", "Zq7Plant23");

    @TempDir
    Path dir;

    @Test
    void noPlantedSecretReachesAnySink() throws IOException {
        List<Path> inputs = plantedInputs();
        Path out = dir.resolve("out");
        Path workspace = dir.resolve("ws");
        List<String> args = new ArrayList<>(List.of("analyze", "--out", out.toString(), "--workspace",
                workspace.toString()));
        inputs.forEach(p -> args.add(p.toString()));
        CliRun analyze = CliRun.of(args.toArray(String[]::new));
        assertThat(analyze.exitCode()).as(analyze.err()).isIn(0, 1);
        CliRun search = CliRun.of("search", inputs.get(0).toString(), inputs.get(1).toString(),
                inputs.get(2).toString(), "--query", "password OR key OR session OR token", "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(JSON.readTree(search.out()).get("results")).isNotEmpty();

        List<String> secrets = new ArrayList<>(IN_SPANS);
        IN_LOGS.stream().map(Planted::secret).filter(java.util.Objects::nonNull).forEach(secrets::add);
        StringBuilder everything = new StringBuilder(analyze.out()).append(analyze.err()).append(search.out())
                .append(search.err());
        for (Path file : files(out)) {
            everything.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        for (Path file : files(dir).stream().filter(f -> dir.relativize(f).toString().startsWith("ws")).toList()) {
            everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        everything.append(luceneContents(dir));
        String all = everything.toString().toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(all).as("planted secret %s", secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
        }

        JsonNode analysis = JSON.readTree(out.resolve("analysis.json").toFile());
        JsonNode redactions = analysis.get("redactions");
        assertThat(redactions.fieldNames()).toIterable().contains(inputs.get(0).toString(), inputs.get(3).toString());
        assertThat(redactions.get(inputs.get(3).toString()).get("jwt").asLong()).isPositive();
        assertThat(redactions.get(inputs.get(0).toString()).get("password").asLong()).isPositive();
        // the journeys are named by templates: one per route, whatever the tokens and addresses in the paths
        List<String> journeys = new ArrayList<>();
        analysis.get("journeys").forEach(j -> journeys.add(j.get("name").asText()));
        assertThat(journeys).hasSize(3).anyMatch(n -> n.contains("/invite/<TOKEN>/accept"))
                .anyMatch(n -> n.contains("/users/<EMAIL>/orders")).anyMatch(n -> n.contains("/reset/<SECRET:jwt>"));
    }

    private List<Path> plantedInputs() throws IOException {
        long t0 = 1_700_000_000_000L;
        Path plain = dir.resolve("app.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < IN_LOGS.size(); i++) {
            lines.append("2024-01-01 10:00:").append(String.format("%02d", i)).append(" INFO app: ")
                    .append(IN_LOGS.get(i).message()).append('\n');
        }
        lines.append("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQZq7Plant09\n"
                + "-----END PRIVATE KEY-----\n");
        Files.writeString(plain, lines);

        Path json = dir.resolve("app.json.log");
        StringBuilder records = new StringBuilder();
        for (Planted p : IN_LOGS) {
            records.append(JSON.writeValueAsString(java.util.Map.of("ts", "2024-01-01T10:00:00Z", "level", "warn",
                    "service", "billing", "msg", p.message()))).append('\n');
        }
        Files.writeString(json, records);

        Path otlpLogs = dir.resolve("logs.otlp.json");
        List<DemoLog> logs = new ArrayList<>();
        for (Planted p : IN_LOGS) {
            logs.add(new DemoLog(t0 * 1_000_000, "checkout", 13, "WARN", p.message(), new TraceId(9, logs.size() + 1),
                    new SpanId(logs.size() + 1)));
        }
        Files.writeString(otlpLogs, new OtlpJsonLogWriter().request(logs));

        Path traces = dir.resolve("traces.otlp.jsonl");
        List<Span> spans = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String token = "Zq7" + Long.toString(Math.abs(random.nextLong()), 36) + "X" + i;
            spans.add(span(i, "GET /invite/" + token + "/accept", "/invite/" + token + "/accept", null, t0 + i));
        }
        spans.add(span(1000, "GET /reset/" + JWT_IN_PATH, "/reset/" + JWT_IN_PATH, null, t0));
        spans.add(span(1001, "GET /api/users/zq7plant21@example.com/orders", "/api/users/zq7plant21@example.com/orders",
                "no orders for zq7plant22@example.com", t0));
        spans.add(span(1002, "GET /api/users/zq7plant24@example.com/orders", "/api/users/zq7plant24@example.com/orders"
                + "?api_key=Zq7Plant23", null, t0));
        Files.writeString(traces, new OtlpJsonWriter().jsonLines(spans, 50));
        return List.of(plain, json, otlpLogs, traces);
    }

    private static Span span(int i, String name, String path, String error, long startMillis) {
        return Span.builder().traceId(new TraceId(7, i + 1)).spanId(new SpanId(i + 1))
                .resource(Resource.ofService("web")).name(name).kind(SpanKind.SERVER)
                .startEpochNanos(startMillis * 1_000_000).endEpochNanos(startMillis * 1_000_000 + 5_000_000)
                .status(error == null ? Status.UNSET : new Status(StatusCode.ERROR, error))
                .attributes(Attributes.builder().put(SpanAttributes.URL_PATH, path)
                        .put(SpanAttributes.HTTP_REQUEST_METHOD, "GET").build())
                .build();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** Every term and stored field of every Lucene index under {@code root}: its files are compressed. */
    private static String luceneContents(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Path> indexes;
        try (Stream<Path> walk = Files.walk(root)) {
            indexes = walk.filter(p -> p.getFileName().toString().startsWith("segments_")).map(Path::getParent)
                    .distinct().toList();
        }
        assertThat(indexes).as("a Lucene index in the workspace").isNotEmpty();
        for (Path index : indexes) {
            try (FSDirectory directory = FSDirectory.open(index);
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    for (var field : leaf.reader().getFieldInfos()) {
                        Terms terms = leaf.reader().terms(field.name);
                        if (terms == null) {
                            continue;
                        }
                        TermsEnum e = terms.iterator();
                        for (BytesRef term = e.next(); term != null; term = e.next()) {
                            text.append(term.utf8ToString()).append(' ');
                        }
                    }
                    var stored = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        for (IndexableField f : stored.document(doc).getFields()) {
                            if (f.stringValue() != null) {
                                text.append(f.stringValue()).append('\n');
                            }
                        }
                    }
                }
            }
        }
        return text.toString();
    }
}
