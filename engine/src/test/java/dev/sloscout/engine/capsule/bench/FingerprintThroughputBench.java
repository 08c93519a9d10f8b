package dev.sloscout.engine.capsule.bench;

import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.Fingerprinter;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Log fingerprinting throughput on one thread: the header layout learnt from each system's first 1,000 lines (as
 * the capsule accumulator does, inside the timed round), then header, typed masking and template mining per line
 * ({@code Fingerprinter.addLine}), masking always on. The corpus is the labelled Loghub-2k systems when
 * {@code ../shared/data/loghub} is there (each line repeated with its digits re-drawn, so numbers vary as in real
 * logs), else lines generated from a few dozen templates. One miner per system, as capsules are mined per source.
 *
 * <p>Usage: {@code FingerprintThroughputBench [lines=2000000] [rounds=7] [loghub-dir]}
 */
public final class FingerprintThroughputBench {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path loghub = Path.of(args.length > 2 ? args[2] : "../shared/data/loghub");
        List<String[]> corpus = corpus(loghub, lines);
        long bytes = corpus.stream().flatMap(Arrays::stream).mapToLong(line -> line.length() + 1).sum();
        long total = corpus.stream().mapToLong(system -> system.length).sum();
        System.out.printf("corpus: %d lines (%.1f MB) from %d %s systems%n", total, bytes / 1e6, corpus.size(),
                Files.isDirectory(loghub) ? "Loghub-2k" : "generated");
        double[] rates = new double[rounds];
        int templates = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            templates = 0;
            for (String[] system : corpus) {
                Fingerprinter f = new Fingerprinter(2024);
                f.learnLayout(Arrays.asList(system).subList(0, Math.min(system.length, 1000)));
                for (String line : system) {
                    f.addLine(line);
                }
                templates += f.miner().templateCount();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[round] = total / seconds;
            System.out.printf("round %d: %.0f lines/s (%.1f MB/s), %d templates%n", round + 1, rates[round],
                    bytes / 1e6 / seconds, templates);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("median %.0f lines/s, best %.0f lines/s, %d templates, heap used %d MB%n",
                sorted[rounds / 2], sorted[rounds - 1], templates,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        String threadList = System.getProperty("bench.threads");
        if (threadList != null) {
            accumulatorRounds(corpus, total, rounds, Arrays.stream(threadList.split(",")).map(String::trim)
                    .toArray(String[]::new));
        }
    }

    /** The corpus {@link #prepare} read, for {@link #round}. */
    private static List<String[]> prepared;
    private static long preparedLines;

    /**
     * Reads the corpus for {@link #round} ({@code LINES[:LOGHUB_DIR]}, the directory {@code ../shared/data/loghub} by
     * default): what {@code AbRunner} calls to compare two builds in one JVM.
     */
    public static void prepare(String argument) throws IOException {
        String[] parts = argument.split(":", 2);
        prepared = corpus(Path.of(parts.length > 1 ? parts[1] : "../shared/data/loghub"), Integer.parseInt(parts[0]));
        preparedLines = prepared.stream().mapToLong(system -> system.length).sum();
    }

    /** One round of the capsule accumulator at one thread over the prepared corpus: nanoseconds per line. */
    public static double round() {
        long start = System.nanoTime();
        accumulate(prepared, 1, CapsuleAccumulator.miningStages(1));
        return (System.nanoTime() - start) / (double) preparedLines;
    }

    /**
     * The corpus through a capsule accumulator of {@code threads} workers and {@code stages} mining stages: one system
     * after the other (a log file per service), or with {@code -Dbench.interleave=N} in blocks of N lines taking turns
     * (one file or topic carrying every service, as OTLP log exports do). Returns the capsules found.
     */
    private static int accumulate(List<String[]> corpus, int threads, int stages) {
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), id -> null, java.time.Clock.systemUTC(),
                CapsuleAccumulator.DEFAULT_MAX_SERVICES, dev.sloscout.engine.capsule.TemplateMiner.DEFAULT_MAX_TEMPLATES,
                threads, stages);
        int block = Integer.getInteger("bench.interleave", Integer.MAX_VALUE);
        int longest = corpus.stream().mapToInt(system -> system.length).max().orElse(0);
        for (int from = 0; from < longest; from += block) {
            for (int s = 0; s < corpus.size(); s++) {
                String service = "system-" + s;
                String[] system = corpus.get(s);
                int to = (int) Math.min(system.length, (long) from + block);
                for (int i = from; i < to; i++) {
                    capsules.accept(LogEvent.rawLine(service + ".log", i + 1, service, system[i]));
                }
            }
        }
        return capsules.capsules().size();
    }

    /**
     * The capsule accumulator as the pipeline runs it (one service per system, layouts learnt from the first lines,
     * statistics and samples per capsule), at each thread count; rounds interleave the thread counts, and the speed-up
     * is the per-round ratio to the first count. A count {@code T:S} runs {@code T} workers and {@code S} mining
     * stages (services shared out over them); a plain {@code T} the accumulator's default stages for {@code T}.
     */
    private static void accumulatorRounds(List<String[]> corpus, long total, int rounds, String[] threadCounts) {
        double[][] rates = new double[threadCounts.length][rounds];
        // warm-up rounds: the compiler is still at work on the accumulator's code for ten seconds or so, and at two
        // threads it takes a core from the workers where at one it has the idle one (docs/performance.md)
        int warmUp = Integer.getInteger("bench.warmup", 6);
        for (int round = -warmUp; round < rounds; round++) {
            for (int t = 0; t < threadCounts.length; t++) {
                long start = System.nanoTime();
                long ownCpu = THREADS.getCurrentThreadCpuTime();
                long processCpu = PROCESS.getProcessCpuTime();
                String[] counts = threadCounts[t].split(":");
                int threads = Integer.parseInt(counts[0]);
                int stages = counts.length == 1 ? CapsuleAccumulator.miningStages(threads)
                        : Integer.parseInt(counts[1]);
                int found = accumulate(corpus, threads, stages);
                if (round >= 0) {
                    long wall = System.nanoTime() - start;
                    long cpu = PROCESS.getProcessCpuTime() - processCpu;
                    rates[t][round] = total / (wall / 1e9);
                    // the handing-out thread (reading, dispatch, and mining too when there is one stage) against all
                    // of the process's CPU (workers, stages, GC, JIT): the serial share a scaling model starts from;
                    // CPU per wall time and per line tell idle cores from work added by running in parallel
                    double serial = (double) (THREADS.getCurrentThreadCpuTime() - ownCpu) / cpu;
                    System.out.printf("accumulator, %s threads, round %d: %.0f lines/s, %d capsules, handing-out "
                            + "thread %.0f%% of the CPU, %.2f cores busy, %.0f ns CPU per line%n", threadCounts[t],
                            round + 1, rates[t][round], found, serial * 100, (double) cpu / wall, (double) cpu / total);
                }
            }
        }
        System.out.println("| capsule accumulator | median lines/s | best lines/s | median speed-up vs " + threadCounts[0]
                + " (per round) |");
        System.out.println("|---|---:|---:|---:|");
        for (int t = 0; t < threadCounts.length; t++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = rates[t][round] / rates[0][round];
            }
            double[] sorted = rates[t].clone();
            Arrays.sort(sorted);
            Arrays.sort(ratios);
            String label = threadCounts[t].contains(":")
                    ? threadCounts[t].replace(":", " threads, stages ")
                    : threadCounts[t] + (threadCounts[t].equals("1") ? " thread" : " threads");
            System.out.printf("| %s | %.0f | %.0f | %.2fx |%n", label, sorted[rounds / 2], sorted[rounds - 1],
                    ratios[rounds / 2]);
        }
    }

    /**
     * About {@code lines} lines, as many from each Loghub-2k system under {@code loghub} (or from generated lines when
     * it is not there), each system's lines repeated with their digits re-drawn after the first pass.
     */
    static List<String[]> corpus(Path loghub, int lines) throws IOException {
        List<List<String>> systems = Files.isDirectory(loghub) ? loghub(loghub) : generated();
        List<String[]> corpus = new ArrayList<>();
        Random random = new Random(1);
        int perSystem = lines / systems.size();
        for (List<String> system : systems) {
            String[] copy = new String[perSystem];
            for (int i = 0; i < perSystem; i++) {
                copy[i] = redraw(system.get(i % system.size()), random, i >= system.size());
            }
            corpus.add(copy);
        }
        return corpus;
    }

    private static List<List<String>> loghub(Path dir) throws IOException {
        List<List<String>> systems = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path log = folder.resolve(folder.getFileName() + "_2k.log");
                if (Files.exists(log)) {
                    systems.add(Files.readAllLines(log, StandardCharsets.UTF_8));
                }
            }
        }
        return systems;
    }

    private static List<List<String>> generated() {
        String[] templates = {
            "2024-05-01 10:00:%02d,%03d INFO [worker-%d] com.acme.Cart: cart %d saved for user %d in %d ms",
            "2024-05-01 10:00:%02d,%03d WARN [worker-%d] com.acme.Pay: retry %d of charge %d after %d ms",
            "2024-05-01 10:00:%02d,%03d ERROR [worker-%d] com.acme.Pay: charge %d failed: code=%d attempt=%d",
            "2024-05-01 10:00:%02d,%03d INFO [worker-%d] com.acme.Http: GET /api/items/%d -> 200 in %d ms (%d bytes)",
        };
        List<String> lines = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            lines.add(String.format(templates[i % templates.length], r.nextInt(60), r.nextInt(1000), r.nextInt(16),
                    r.nextInt(100000), r.nextInt(100000), r.nextInt(5000)));
        }
        return List.of(lines);
    }

    /** The line with every digit after the first 20 characters re-drawn (headers keep valid times). */
    private static String redraw(String line, Random random, boolean change) {
        if (!change) {
            return line;
        }
        char[] chars = line.toCharArray();
        for (int i = 20; i < chars.length; i++) {
            if (chars[i] >= '1' && chars[i] <= '9') {
                chars[i] = (char) ('1' + random.nextInt(9));
            }
        }
        return new String(chars);
    }
}
