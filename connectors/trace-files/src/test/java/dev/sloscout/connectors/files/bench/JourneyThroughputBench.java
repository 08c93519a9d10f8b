package dev.sloscout.connectors.files.bench;

import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Journey discovery and SLI candidates alone, on traces assembled once and held in memory (the ingest bench's
 * input): the cost per trace of what {@code -Dbench.journeys=true} adds there, without the decoding and assembly
 * around it, so two builds can be compared with less noise. One thread; run it pinned ({@code taskset -c 0}).
 *
 * <p>Usage: {@code JourneyThroughputBench [spans=1000000] [rounds=15]}.
 */
public final class JourneyThroughputBench {
    /** The traces {@link #prepare} assembled, for {@link #round}. */
    private static List<Trace> traces;

    private JourneyThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        prepare(String.valueOf(spans));
        double[] nanosPerTrace = new double[rounds];
        for (int round = -3; round < rounds; round++) { // three warm-up rounds
            double nanos = round();
            if (round >= 0) {
                nanosPerTrace[round] = nanos;
            }
        }
        Arrays.sort(nanosPerTrace);
        System.out.printf(Locale.ROOT, "%,d traces (%,d spans): journeys + SLIs median %.0f ns per trace, best %.0f%n",
                traces.size(), spans, nanosPerTrace[rounds / 2], nanosPerTrace[0]);
    }

    /** Generates the ingest bench's input of {@code spans} spans, decodes it and keeps its assembled traces. */
    public static void prepare(String spans) throws IOException {
        List<Trace> assembled = new ArrayList<>();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, assembled::add);
        new TraceFileReader(assembler, p -> { }, () -> false, InputStream.nullInputStream(), 1)
                .read("bench", new ByteArrayInputStream(IngestThroughputBench.generate(Integer.parseInt(spans))));
        assembler.finish();
        traces = assembled;
    }

    /** One round: journeys and SLI candidates of the prepared traces; nanoseconds per trace. */
    public static double round() {
        long start = System.nanoTime();
        JourneyDiscovery discovery = new JourneyDiscovery();
        traces.forEach(discovery::onTrace);
        new SliCatalog(MetricsProfile.DEFAULTS).candidates(discovery.build());
        return (System.nanoTime() - start) / (double) traces.size();
    }
}
