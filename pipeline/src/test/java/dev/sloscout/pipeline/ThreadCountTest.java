package dev.sloscout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis does not depend on the number of threads: the same files at 1, 2, 7 and 16 threads give byte-identical
 * analysis.json, problems at the same lines included. The files are large enough that several chunks and batches
 * are in flight at once, and include what makes ordering matter: bad lines between good ones, a gzip file, a folder
 * of Jaeger and Zipkin documents and framed protobuf (files read several at once), spans the gate stops or redacts,
 * log services whose header layout is learnt mid-file, yearless syslog times (placed in order per file).
 */
class ThreadCountTest {
    @TempDir
    static Path dir;
    private static List<String> inputs;

    @BeforeAll
    static void writeInputs() throws IOException {
        String shop = new dev.sloscout.connectors.files.OtlpJsonWriter()
                .jsonLines(ShopTraffic.spans(7, 6_000), 20);
        List<String> lines = new ArrayList<>(shop.lines().toList());
        int half = lines.size() / 2;
        List<String> first = new ArrayList<>(lines.subList(0, half));
        first.add(2, "{\"resourceSpans\": [ this is not json");
        first.add(40, "");
        first.add(77, "[1, 2, 3]");
        first.set(5, first.get(5) + "\r");
        first.add(120, oddSpan(0, "user=jane.doe@example.com")); // out of range, and personal data
        first.add(300, oddSpan(1_700_000_000_000_000_000L, "users/jane.doe@example.com"));
        Path plain = dir.resolve("first.jsonl");
        Files.writeString(plain, "\uFEFF" + String.join("\n", first) + "\n", StandardCharsets.UTF_8);
        Path gz = dir.resolve("second.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(String.join("\n", lines.subList(half, lines.size())).getBytes(StandardCharsets.UTF_8));
        }
        Path documents = Files.createDirectory(dir.resolve("documents")); // one record each: read whole, at once
        for (int n = 0; n < 6; n++) {
            List<dev.sloscout.engine.model.Span> spans = dev.sloscout.connectors.files.fixtures.TraceFixtures
                    .spans(100 + n, 150);
            Files.writeString(documents.resolve("trace-" + n + ".json"), n % 2 == 0
                    ? dev.sloscout.connectors.files.fixtures.JaegerJsonWriter.queryResponse(spans)
                    : dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter.traces(spans), StandardCharsets.UTF_8);
        }
        Files.write(documents.resolve("frames.pb"), dev.sloscout.connectors.files.fixtures.OtlpProtoWriter.framed(
                dev.sloscout.connectors.files.fixtures.TraceFixtures.spans(200, 400), 10));
        Files.writeString(documents.resolve("unknown.json"), "{\"neither\": \"traces nor logs\"}");
        inputs = List.of(plain.toString(), gz.toString(), documents.toString(), rawLog("cart", 3_000, false).toString(),
                rawLog("gateway", 2_500, true).toString(), jsonLog(4_000).toString());
    }

    /** A span the gate stops (time 0) or redacts (an e-mail address in its name and attribute). */
    private static String oddSpan(long startNanos, String attribute) {
        dev.sloscout.engine.model.Span span = dev.sloscout.engine.model.Span.builder()
                .traceId(new dev.sloscout.engine.model.TraceId(0x77, startNanos == 0 ? 1 : 2))
                .spanId(new dev.sloscout.engine.model.SpanId(1))
                .resource(dev.sloscout.engine.model.Resource.ofService("frontend")).name("GET /" + attribute)
                .kind(dev.sloscout.engine.model.SpanKind.SERVER).startEpochNanos(startNanos)
                .endEpochNanos(startNanos + 1_000_000)
                .attributes(dev.sloscout.engine.model.Attributes.builder().put(
                        dev.sloscout.engine.model.AttributeKey.stringKey("note"), attribute).build())
                .build();
        return new dev.sloscout.connectors.files.OtlpJsonWriter().jsonLines(List.of(span), 1).strip();
    }

    private static Path rawLog(String service, int count, boolean syslog) throws IOException {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String time = syslog ? String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d", n < count / 2 ? "Dec" : "Jan",
                    n < count / 2 ? 31 : 1, n % 24, n % 60, (n * 7) % 60)
                    : String.format(Locale.ROOT, "2023-11-14 %02d:%02d:%02d.%03d", n % 24, n % 60, n % 60, n % 1000);
            String level = n % 9 == 0 ? "ERROR" : "INFO";
            String trace = String.format(Locale.ROOT, "%016x%016x", 0x5b0bL, n + 1L);
            String message = switch (n % 4) {
                case 0 -> "item " + (n * 31) + " added to cart of user u" + (n % 97) + " trace_id=" + trace;
                case 1 -> "cache miss for key product:" + (n * 13) + " after " + (n % 50) + " ms";
                case 2 -> "payment declined for order " + (1000 + n) + " card ending " + (n % 10_000);
                default -> "GET /products/" + n + " took " + (n % 300) + "ms status=" + (n % 17 == 0 ? 500 : 200);
            };
            out.add(syslog ? time + " host-" + (n % 3) + " " + service + "[" + (100 + n % 5) + "]: " + level + " " + message
                    : time + " " + level + " [" + service + "] " + message);
        }
        Path file = dir.resolve(service + ".log");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static Path jsonLog(int count) throws IOException {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String service = n % 3 == 0 ? "payment" : "checkout";
            String message = n % 5 == 0 ? "payment declined for order " + (1000 + n) + " after " + (20 + n % 7) + " ms"
                    : "order " + (1000 + n) + " placed in " + (5 + n % 9) + " ms by user" + n + "@example.com";
            out.add(String.format(Locale.ROOT, "{\"time\":\"2023-11-14T22:%02d:%02dZ\",\"level\":\"%s\",\"service\":\"%s\","
                    + "\"trace_id\":\"%016x%016x\",\"message\":\"%s\"}", (n / 60) % 60, n % 60, n % 5 == 0 ? "ERROR"
                    : "INFO", service, 0x5b0bL, n + 1L, message));
            if (n == 1_500) {
                out.add("{\"time\": broken");
            }
        }
        Path file = dir.resolve("services.log");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static Analysis analyse(int threads) {
        return analyse(threads, inputs);
    }

    private static Analysis analyse(int threads, List<String> files) {
        PipelineOptions options = PipelineOptions.defaults().withThreads(threads)
                .withClock(java.time.Clock.fixed(java.time.Instant.parse("2024-03-01T00:00:00Z"),
                        java.time.ZoneOffset.UTC));
        return new Pipeline(options, () -> false, (i, s) -> { }).read(files, System.in);
    }

    /**
     * One trace file alone is decoded in blocks by all the threads, spans checked and redacted on the workers (with
     * several files, each file gets a share of the threads).
     */
    @Test
    void oneFileDecodedInBlocksOnWorkersGivesTheSameAnalysis() {
        List<String> one = List.of(inputs.get(0));
        Analysis serial = analyse(1, one);
        assertThat(serial.redactions()).isNotEmpty();
        assertThat(serial.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("is out of range"));
        assertThat(document(analyse(3, one))).isEqualTo(document(serial));
    }

    private static String document(Analysis analysis) {
        return Json.write(AnalysisDocument.of(analysis, "test"));
    }

    @Test
    void theAnalysisIsTheSameAtOneTwoSevenAndSixteenThreads() {
        Analysis serial = analyse(1);
        String expected = document(serial);

        assertThat(serial.summary().spans()).isGreaterThan(25_000);
        assertThat(serial.capsules()).hasSizeGreaterThan(8);
        assertThat(serial.problems()).extracting(Problem::location).contains("line 3", "line 78");
        assertThat(serial.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("is out of range"));
        assertThat(serial.redactions()).isNotEmpty();
        // 7: assembly on a shard of its own; 16: on four shards, the journeys and data quality prepared on them
        for (int threads : new int[] {2, 7, 16}) {
            Analysis parallel = analyse(threads);
            assertThat(document(parallel)).as("analysis.json at %d threads", threads).isEqualTo(expected);
            assertThat(parallel.problems()).isEqualTo(serial.problems());
        }
    }

    /**
     * Cancelled mid-read, a parallel analysis stops, says so, and leaves none of its threads behind (at 3 threads,
     * and at 8, where two shards assemble the traces).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 8})
    void aCancelledParallelAnalysisStopsAndLeavesNoThreads(int threads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        PipelineOptions options = PipelineOptions.defaults().withThreads(threads);
        Analysis analysis = new Pipeline(options, cancel::get, (i, status) -> {
            if (status.items() > 0 || status.fraction() > 0) {
                cancel.set(true); // as soon as the first file shows progress
            }
        }).read(inputs, System.in);

        assertThat(analysis.cancelled()).isTrue();
        assertThat(analysis.summary().spans()).isLessThan(analyse(1).summary().spans());
        java.util.Set<String> ours = java.util.Set.of("otlp-json-decoder", "otlp-frame-decoder", "trace-file",
                "trace-analysis", "trace-assembly-shard", "trace-assembly-merge", "log-miner", "log-mining", "log-reader", "decompress");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> ours.contains(name.replaceAll("-\\d+$", ""))).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        assertThat(alive).isEmpty();
    }
}
