package dev.sloscout.engine.capsule.bench;

import dev.sloscout.engine.capsule.Fingerprinter;
import dev.sloscout.engine.capsule.HeaderLayout;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.MessageTokenizer;
import dev.sloscout.engine.capsule.ServiceCapsules;
import dev.sloscout.engine.capsule.TemplateMiner;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.capsule.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where a log line's time goes when it is mined, stage by stage on one thread: its header read with the learnt layout,
 * its body cut into tokens, the miner's lookup key (built and hashed, with the token list each prepared line keeps),
 * and the mining thread's part (template, statistics, samples) on lines prepared beforehand. Each stage runs over a
 * block of lines on its own, so the stages add up to about a line's cost on one thread without the hand-offs between
 * threads; the first three are the workers' share at two threads and more, the last the serial share. The corpus is
 * the throughput bench's (Loghub-2k systems re-drawn, one service each).
 *
 * <p>Usage: {@code MiningStagesBench [lines=1000000] [rounds=7] [loghub dir]}; two warm-up rounds first.
 */
public final class MiningStagesBench {
    private static final int BLOCK = 1_000;
    private static final String[] STAGES = {"header", "tokens", "key", "mining thread"};
    private static final ToLongFunction<String> WRITTEN = source -> 1_700_000_000_000L;
    /** The keys' hashes added up, printed, so that computing them is not optimised away. */
    private static long sink;

    private MiningStagesBench() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path loghub = Path.of(args.length > 2 ? args[2] : "../shared/data/loghub");
        List<String[]> corpus = FingerprintThroughputBench.corpus(loghub, lines);
        long total = corpus.stream().mapToLong(system -> Math.max(0, system.length - ServiceCapsules.LAYOUT_SAMPLE))
                .sum();
        System.out.printf("corpus: %d systems, %d lines timed (each system's first %d learn its layout)%n",
                corpus.size(), total, ServiceCapsules.LAYOUT_SAMPLE);
        double[][] perLine = new double[STAGES.length][rounds];
        for (int round = -2; round < rounds; round++) {
            long[] nanos = new long[STAGES.length];
            for (int s = 0; s < corpus.size(); s++) {
                time(corpus.get(s), "system-" + s, nanos);
            }
            if (round >= 0) {
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int k = 0; k < STAGES.length; k++) {
                    perLine[k][round] = nanos[k] / (double) total;
                    line.append(String.format(" %s %.0f ns,", STAGES[k], perLine[k][round]));
                }
                System.out.println(line.append(String.format(" all %.0f ns per line",
                        Arrays.stream(nanos).sum() / (double) total)));
            }
        }
        System.out.println("| stage | median ns per line | best ns per line |");
        System.out.println("|---|---:|---:|");
        double medianSum = 0;
        for (int k = 0; k < STAGES.length; k++) {
            double[] sorted = perLine[k].clone();
            Arrays.sort(sorted);
            medianSum += sorted[rounds / 2];
            System.out.printf("| %s | %.0f | %.0f |%n", STAGES[k], sorted[rounds / 2], sorted[0]);
        }
        System.out.printf("| all (sum of medians) | %.0f | |%n", medianSum);
        System.out.println("(keys' hashes added up: " + sink + ")");
    }

    /**
     * One system's lines through the stages, a block at a time (a thousand lines: what a worker prepared is still in
     * the processor's caches when the mining thread takes it, as in the pipeline), adding to {@code nanos}.
     */
    private static void time(String[] system, String service, long[] nanos) {
        ServiceCapsules capsules = new ServiceCapsules(service, TemplateMiner.DEFAULT_MAX_TEMPLATES);
        int learn = Math.min(system.length, ServiceCapsules.LAYOUT_SAMPLE);
        for (int i = 0; i < learn; i++) {
            capsules.accept(event(service, i, system[i]), null, TraceLookup.NONE, WRITTEN);
        }
        capsules.learn(TraceLookup.NONE, WRITTEN);
        HeaderLayout layout = capsules.layout();
        MessageTokenizer tokenizer = new MessageTokenizer();
        LogHeader[] headers = new LogHeader[BLOCK];
        Tokens[] tokens = new Tokens[BLOCK];
        LogEvent[] events = new LogEvent[BLOCK];
        for (int from = learn; from < system.length; from += BLOCK) {
            int n = Math.min(BLOCK, system.length - from);
            for (int i = 0; i < n; i++) {
                events[i] = event(service, from + i, system[from + i]);
            }
            // what Fingerprinter.prepare does for a line, a step at a time
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                headers[i] = layout.parse(system[from + i]);
            }
            long parsed = System.nanoTime();
            for (int i = 0; i < n; i++) {
                tokens[i] = new Tokens();
                tokenizer.tokenize(system[from + i], headers[i].bodyStart(), tokens[i]);
            }
            long tokenized = System.nanoTime();
            long keys = 0;
            for (int i = 0; i < n; i++) {
                keys += tokens[i].key().hashCode();
            }
            long keyed = System.nanoTime();
            for (int i = 0; i < n; i++) {
                capsules.accept(events[i], new Fingerprinter.Prepared(layout, headers[i], tokens[i]),
                        TraceLookup.NONE, WRITTEN);
            }
            long mined = System.nanoTime();
            nanos[0] += parsed - start;
            nanos[1] += tokenized - parsed;
            nanos[2] += keyed - tokenized;
            nanos[3] += mined - keyed;
            sink += keys;
        }
    }

    private static LogEvent event(String service, int index, String line) {
        return LogEvent.rawLine(service + ".log", index + 1, service, line);
    }
}
