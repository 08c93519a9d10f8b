package dev.sloscout.connectors.files.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.connectors.files.fixtures.OtlpJsonWriter;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ingestion throughput harness: OTLP/JSON lines (as the Collector's file exporter writes them) into assembled traces,
 * against a bare Jackson token scan of the same bytes as the floor. Single-threaded work; run it with
 * {@code taskset -c 0} to pin it to one core. Writes a Markdown table row per measurement.
 *
 * <p>Usage: {@code IngestThroughputBench [spans=2000000] [iterations=5] [all|scan|decode|assemble]}; prints
 * {@code | measurement | min | median | max |} in spans per second.
 */
public final class IngestThroughputBench {
    private IngestThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "all";
        AssemblySettings settings = args.length > 3 ? new AssemblySettings(Long.parseLong(args[3]),
                AssemblySettings.DEFAULTS.maxOpenSpans(), AssemblySettings.DEFAULTS.maxSpansPerTrace(),
                AssemblySettings.DEFAULTS.rememberedSpans()) : AssemblySettings.DEFAULTS;
        byte[] input = generate(spans);
        System.out.printf(Locale.ROOT, "input: %,d spans, %,d bytes (%.0f bytes/span), OTLP/JSON lines of 100 spans%n",
                spans, input.length, (double) input.length / spans);

        if (only.equals("all") || only.equals("scan")) {
            measure("Jackson token scan (floor)", spans, iterations, () -> tokenScan(input));
        }
        if (only.equals("bytescan")) {
            measure("Jackson token scan (floor)", spans, iterations, () -> tokenScan(input));
            measure("byte tokenizer scan", spans, iterations, () -> dev.sloscout.connectors.files.BenchAccess.byteScan(input));
        }
        if (only.equals("all") || only.equals("decode")) {
            measure("decode only", spans, iterations, () -> {
            long[] count = new long[1];
            new TraceFileReader(s -> count[0]++, p -> { }).read("bench", new ByteArrayInputStream(input));
            return count[0];
            });
        }
        if (only.equals("all") || only.equals("assemble")) {
            measure("decode + assemble traces", spans, iterations, () -> {
            long[] count = new long[1];
            TraceAssembler assembler = new TraceAssembler(settings, t -> count[0] += t.spans().size());
            new TraceFileReader(assembler, p -> { }).read("bench", new ByteArrayInputStream(input));
            assembler.finish();
            return count[0];
            });
        }
        System.out.printf(Locale.ROOT, "peak old-gen/heap use: %,d MB%n", peakHeapMb());
    }

    interface Run {
        long run() throws IOException;
    }

    private static void measure(String name, int spans, int iterations, Run run) throws IOException {
        run.run(); // warm-up
        run.run();
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long n = run.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (n != spans && !name.contains("scan")) {
                throw new IllegalStateException(name + " saw " + n + " spans, expected " + spans);
            }
            rates[i] = spans / seconds;
        }
        java.util.Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", name, rates[0], rates[iterations / 2],
                rates[iterations - 1]);
    }

    private static long tokenScan(byte[] input) throws IOException {
        JsonFactory json = new JsonFactory();
        long tokens = 0;
        try (JsonParser p = json.createParser(input)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** Realistic spans: 5-20 per trace, HTTP/gRPC attributes, interleaved traces as a Collector batch has them. */
    static byte[] generate(int spans) {
        Random random = new Random(1);
        List<Span> batch = new ArrayList<>(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream(spans * 300);
        OtlpJsonWriter writer = new OtlpJsonWriter().withoutUnkeptAttribute();
        String[] services = {"frontend", "cart", "checkout", "payment", "catalog", "currency", "shipping", "email"};
        int produced = 0;
        long traceNumber = 0;
        while (produced < spans) {
            traceNumber++;
            int size = Math.min(5 + random.nextInt(16), spans - produced);
            dev.sloscout.engine.model.TraceId traceId = new dev.sloscout.engine.model.TraceId(random.nextLong() | 1, traceNumber);
            long start = 1_700_000_000_000_000_000L + traceNumber * 1_000_000L;
            for (int i = 0; i < size; i++) {
                batch.add(Span.builder().traceId(traceId).spanId(new dev.sloscout.engine.model.SpanId(traceNumber << 8 | (i + 1)))
                        .parentSpanId(i == 0 ? null : new dev.sloscout.engine.model.SpanId(traceNumber << 8 | (i / 2 + 1)))
                        .resource(dev.sloscout.engine.model.Resource.ofService(services[(i + (int) traceNumber) % services.length]))
                        .name(i == 0 ? "GET /api/products/{id}" : "hipstershop.Service/Call" + (i % 4))
                        .kind(i == 0 ? dev.sloscout.engine.model.SpanKind.SERVER : dev.sloscout.engine.model.SpanKind.CLIENT)
                        .startEpochNanos(start + i * 1000L).endEpochNanos(start + i * 1000L + 50_000 + random.nextInt(900_000))
                        .attributes(i == 0 ? dev.sloscout.engine.model.Attributes.builder()
                                .put(dev.sloscout.engine.model.SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 200L).build()
                                : dev.sloscout.engine.model.Attributes.EMPTY)
                        .build());
                if (batch.size() == 100) {
                    out.writeBytes(writer.request(batch, false).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    batch.clear();
                }
            }
            produced += size;
        }
        if (!batch.isEmpty()) {
            out.writeBytes(writer.request(batch, false).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
