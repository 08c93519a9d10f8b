package dev.sloscout.connectors.files.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.parallel.Handoff;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.ShardedTraceAssembler;
import dev.sloscout.engine.trace.TraceAssembler;
import dev.sloscout.engine.trace.TraceListener;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ingestion throughput harness: OTLP/JSON lines (as the Collector's file exporter writes them) into assembled traces,
 * against a bare Jackson token scan of the same bytes as the floor. Single-threaded work; run it with
 * {@code taskset -c 0} to pin it to one core. Writes a Markdown table row per measurement.
 *
 * <p>Usage: {@code IngestThroughputBench [spans=1000000] [rounds=9]}; prints a Markdown table in spans per second.
 * With {@code -Dbench.journeys=true} it also measures journey discovery and SLI candidates on top of assembly (and
 * data quality too with {@code -Dbench.quality=true}; with shards, each prepares the traces it closes for them, unless
 * {@code -Dbench.prepare=false}). With
 * {@code -Dbench.shards=N} (a power of two) assembly runs on N shard threads ({@link ShardedTraceAssembler}) and the
 * counting or the analysis on its merging thread, as the pipeline does from four threads on. {@code -Dbench.only=P}
 * runs only the measurements whose name starts with P (to profile one alone). With {@code -Dbench.routes=true} each
 * trace's entry span also carries {@code http.route} and {@code http.request.method}, as OTel's HTTP server spans do
 * (journeys then name it by its route).
 */
public final class IngestThroughputBench {
    private IngestThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        byte[] input = generate(spans);
        System.out.printf(Locale.ROOT, "input: %,d spans, %,d bytes (%.0f bytes/span), OTLP/JSON lines of 100 spans%n",
                spans, input.length, (double) input.length / spans);

        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("Jackson token scan (floor)", () -> tokenScan(input));
        List<Integer> threadCounts = Arrays.stream(System.getProperty("bench.threads", "1").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int shards = Integer.getInteger("bench.shards", 0);
        for (int threads : threadCounts) {
            String at = (shards > 0 ? ", " + shards + " assembly shard" + (shards == 1 ? "" : "s") : "")
                    + (threadCounts.size() == 1 && threads == 1 ? "" : ", " + threads + (threads == 1 ? " thread" : " threads"));
            runs.put("decode only" + at, () -> {
                long[] count = new long[1];
                new TraceFileReader(s -> count[0]++, p -> { }, () -> false, InputStream.nullInputStream(), threads)
                        .read("bench", new ByteArrayInputStream(input));
                return count[0];
            });
            runs.put("decode + assemble traces" + at, () -> {
                long[] count = new long[1];
                assemble(input, threads, shards, () -> trace -> { }, t -> count[0] += t.spans().size());
                return count[0];
            });
            if (Boolean.getBoolean("bench.journeys")) {
                boolean quality = Boolean.getBoolean("bench.quality");
                boolean prepare = !"false".equals(System.getProperty("bench.prepare"));
                runs.put("decode + assemble + journeys + SLIs" + (quality ? " + data quality" : "") + at, () -> {
                    long[] count = new long[1];
                    dev.sloscout.engine.journey.JourneyDiscovery discovery = new dev.sloscout.engine.journey.JourneyDiscovery();
                    dev.sloscout.engine.quality.DataQuality measured = new dev.sloscout.engine.quality.DataQuality();
                    TraceListener analyses = quality ? t -> {
                        discovery.onTrace(t);
                        measured.onTrace(t);
                    } : discovery;
                    // as the pipeline runs it: with threads, the analysis takes traces in order on its own thread
                    // (with shards, on their merging thread)
                    try (Handoff<Trace> analysis = threads > 1 && shards == 0
                            ? new Handoff<>(analyses::onTrace, 64, "analysis") : null) {
                        // with shards, each prepares its traces for the analyses, as the pipeline has them do
                        assemble(input, threads, shards, () -> {
                            if (!prepare) {
                                return trace -> { };
                            }
                            TraceListener journeys = discovery.preparer();
                            TraceListener measures = measured.preparer();
                            return quality ? t -> {
                                journeys.onTrace(t);
                                measures.onTrace(t);
                            } : journeys;
                        }, t -> {
                            count[0] += t.spans().size();
                            if (analysis == null) {
                                analyses.onTrace(t);
                            } else {
                                analysis.accept(t);
                            }
                        });
                        if (analysis != null) {
                            analysis.finish();
                        }
                    }
                    new dev.sloscout.engine.sli.SliCatalog(dev.sloscout.engine.sli.MetricsProfile.DEFAULTS)
                            .candidates(discovery.build());
                    return count[0];
                });
            }
        }

        // Rounds interleave the measurements, so a slow patch of a shared machine hits all of them alike; the
        // per-round ratio to the floor is the figure that survives noise.
        Map<String, double[]> rates = new LinkedHashMap<>();
        String only = System.getProperty("bench.only");
        if (only != null) { // one measurement alone, e.g. to profile its threads
            runs.keySet().removeIf(name -> !name.startsWith(only));
        }
        runs.keySet().forEach(name -> rates.put(name, new double[rounds]));
        for (int warmup = 0; warmup < 2; warmup++) {
            for (Run run : runs.values()) {
                run.run();
            }
        }
        ThreadCpu threadCpu = Boolean.getBoolean("bench.threadCpu") ? new ThreadCpu() : null;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Run> run : runs.entrySet()) {
                if (threadCpu != null) {
                    threadCpu.start(run.getKey());
                }
                long start = System.nanoTime();
                long n = run.getValue().run();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (threadCpu != null) {
                    threadCpu.stop(seconds);
                }
                if (n != spans && !run.getKey().contains("scan")) {
                    throw new IllegalStateException(run.getKey() + " saw " + n + " spans, expected " + spans);
                }
                rates.get(run.getKey())[round] = spans / seconds;
            }
        }
        double[] floor = rates.get("Jackson token scan (floor)");
        System.out.println("| measurement | min spans/s | median spans/s | max spans/s | median slowdown vs floor |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, double[]> entry : rates.entrySet()) {
            double[] values = entry.getValue();
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = floor == null ? Double.NaN : floor[round] / values[round];
            }
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.2fx |%n", entry.getKey(), min(values),
                    median(values), max(values), median(ratios));
        }
        if (threadCpu != null) {
            threadCpu.print(spans * (long) rounds);
        }
        if (threadCounts.size() > 1) {
            System.out.println();
            System.out.println("| measurement | median speed-up vs 1 thread (per round) |");
            System.out.println("|---|---:|");
            for (Map.Entry<String, double[]> entry : rates.entrySet()) {
                String name = entry.getKey();
                int comma = name.lastIndexOf(", ");
                if (comma < 0 || name.endsWith(", 1 thread")) {
                    continue;
                }
                double[] single = rates.get(name.substring(0, comma) + ", 1 thread");
                if (single == null) {
                    continue;
                }
                double[] ratios = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    ratios[round] = entry.getValue()[round] / single[round];
                }
                System.out.printf(Locale.ROOT, "| %s | %.2fx |%n", name, median(ratios));
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "peak heap use: %,d MB (the input itself is %,d MB)%n", peakHeapMb(), input.length >> 20);
    }

    interface Run {
        long run() throws IOException;
    }

    /**
     * CPU time per thread role while a measurement runs ({@code -Dbench.threadCpu=true}): every live thread's CPU
     * time is read every 20 ms (threads end with their run, so the last reading before the end is what is counted;
     * up to 20 ms per thread is missed). Threads are grouped by name without a trailing number.
     */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        private final Map<String, Map<String, Long>> nanosByRun = new LinkedHashMap<>();
        private final Map<String, Double> wallByRun = new LinkedHashMap<>();
        private final Map<Long, long[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean running;
        private Thread poller;
        private String current;

        void start(String run) {
            current = run;
            seen.clear();
            names.clear();
            poll(); // the CPU threads already alive had before the run
            seen.forEach((id, cpu) -> cpu[1] = cpu[0]);
            running = true;
            poller = new Thread(() -> {
                while (running) {
                    poll();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-poller");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll() {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                long cpu = bean.getThreadCpuTime(thread.getId());
                if (cpu >= 0 && !thread.getName().equals("cpu-poller")) {
                    seen.computeIfAbsent(thread.getId(), id -> new long[] {cpu, 0})[0] = cpu;
                    names.put(thread.getId(), thread.getName().replaceAll("-\\d+$", ""));
                }
            }
        }

        void stop(double seconds) throws IOException {
            poll();
            running = false;
            try {
                poller.join();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            Map<String, Long> byRole = nanosByRun.computeIfAbsent(current, k -> new java.util.TreeMap<>());
            seen.forEach((id, cpu) -> byRole.merge(names.get(id), cpu[0] - cpu[1], Long::sum));
            wallByRun.merge(current, seconds, Double::sum);
        }

        void print(long spans) {
            System.out.println();
            System.out.println("| measurement | thread | CPU ns per span | share of wall time |");
            System.out.println("|---|---|---:|---:|");
            nanosByRun.forEach((run, byRole) -> byRole.forEach((role, nanos) -> {
                if (nanos > 1_000_000L * 50) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f%% |%n", run, role, (double) nanos / spans,
                            100 * nanos / 1e9 / wallByRun.get(run));
                }
            }));
        }
    }

    /**
     * Decodes and assembles {@code input}: on the reading thread, or on {@code shards} shard threads, each with a
     * listener of its own from {@code onShard}.
     */
    private static void assemble(byte[] input, int threads, int shards,
            java.util.function.Supplier<TraceListener> onShard, TraceListener listener) throws IOException {
        if (shards == 0) {
            TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, listener);
            new TraceFileReader(assembler, p -> { }, () -> false, InputStream.nullInputStream(), threads)
                    .read("bench", new ByteArrayInputStream(input));
            assembler.finish();
            return;
        }
        try (ShardedTraceAssembler assembler = new ShardedTraceAssembler(AssemblySettings.DEFAULTS, shards,
                shard -> onShard.get(), listener, "bench-assembly")) {
            new TraceFileReader(assembler, p -> { }, () -> false, InputStream.nullInputStream(), threads)
                    .read("bench", new ByteArrayInputStream(input));
            assembler.finish();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(spans * 300);
        try {
            generate(spans, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static dev.sloscout.engine.model.Attributes entryAttributes(boolean routes) {
        dev.sloscout.engine.model.Attributes.Builder attributes = dev.sloscout.engine.model.Attributes.builder()
                .put(dev.sloscout.engine.model.SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
        if (routes) {
            attributes.put(dev.sloscout.engine.model.SpanAttributes.HTTP_ROUTE, "/api/products/{id}")
                    .put(dev.sloscout.engine.model.SpanAttributes.HTTP_REQUEST_METHOD, "GET");
        }
        return attributes.build();
    }

    /** Streams the generated lines, so inputs larger than the heap can be written. */
    static void generate(long spans, java.io.OutputStream out) throws IOException {
        Random random = new Random(1);
        List<Span> batch = new ArrayList<>(100);
        OtlpJsonWriter writer = new OtlpJsonWriter();
        String[] services = {"frontend", "cart", "checkout", "payment", "catalog", "currency", "shipping", "email"};
        boolean routes = Boolean.getBoolean("bench.routes");
        long produced = 0;
        long traceNumber = 0;
        while (produced < spans) {
            traceNumber++;
            int size = (int) Math.min(5 + random.nextInt(16), spans - produced);
            dev.sloscout.engine.model.TraceId traceId = new dev.sloscout.engine.model.TraceId(random.nextLong() | 1, traceNumber);
            long start = 1_700_000_000_000_000_000L + traceNumber * 1_000_000L;
            for (int i = 0; i < size; i++) {
                batch.add(Span.builder().traceId(traceId).spanId(new dev.sloscout.engine.model.SpanId(traceNumber << 8 | (i + 1)))
                        .parentSpanId(i == 0 ? null : new dev.sloscout.engine.model.SpanId(traceNumber << 8 | (i / 2 + 1)))
                        .resource(dev.sloscout.engine.model.Resource.ofService(services[(i + (int) traceNumber) % services.length]))
                        .name(i == 0 ? "GET /api/products/{id}" : "hipstershop.Service/Call" + (i % 4))
                        .kind(i == 0 ? dev.sloscout.engine.model.SpanKind.SERVER : dev.sloscout.engine.model.SpanKind.CLIENT)
                        .startEpochNanos(start + i * 1000L).endEpochNanos(start + i * 1000L + 50_000 + random.nextInt(900_000))
                        .attributes(i == 0 ? entryAttributes(routes) : dev.sloscout.engine.model.Attributes.EMPTY)
                        .build());
                if (batch.size() == 100) {
                    out.write(writer.request(batch, false).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    batch.clear();
                }
            }
            produced += size;
        }
        if (!batch.isEmpty()) {
            out.write(writer.request(batch, false).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
