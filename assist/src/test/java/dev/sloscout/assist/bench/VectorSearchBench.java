package dev.sloscout.assist.bench;

import dev.sloscout.assist.Embedder;
import dev.sloscout.assist.VectorIndex;
import dev.sloscout.engine.capsule.Fingerprinter;
import dev.sloscout.engine.capsule.HeaderLayout;
import dev.sloscout.engine.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Embedding throughput (batched), HNSW index build time, query latency, and recall@10 of the HNSW index against exact
 * search. The texts are real: every distinct masked message of the Loghub-2k systems (each line's template as the
 * miner first saw it, before merging), so near-duplicates are plentiful as in a real workspace.
 *
 * <p>Usage: {@code VectorSearchBench loghub-dir [queries=200]}
 */
public final class VectorSearchBench {
    public static void main(String[] args) throws IOException {
        Path loghub = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Set<String> templates = new LinkedHashSet<>();
        Set<String> messages = new LinkedHashSet<>();
        Redactor redactor = new Redactor();
        HeaderLayout headers = HeaderLayout.perLine(2024);
        try (Stream<Path> folders = Files.list(loghub)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Fingerprinter f = new Fingerprinter(2024);
                for (String line : Files.readAllLines(folder.resolve(folder.getFileName() + "_2k.log"),
                        StandardCharsets.UTF_8)) {
                    templates.add(f.addLine(line).template().text());
                    messages.add(redactor.redact(line.substring(headers.parse(line).bodyStart())));
                }
            }
        }
        Embedder embedder = new Embedder();
        run("distinct templates as first mined", new ArrayList<>(templates), embedder, queries);
        run("distinct redacted message bodies", new ArrayList<>(messages), embedder, queries);
    }

    private static void run(String what, List<String> corpus, Embedder embedder, int queries) throws IOException {
        System.out.printf("%n%s: %d texts%n", what, corpus.size());
        embedder.embed(corpus.subList(0, Math.min(64, corpus.size()))); // warm-up
        long t0 = System.nanoTime();
        List<float[]> vectors = embedder.embed(corpus);
        double embedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("embedding: %.0f texts/s (batches of 32), %.1f s%n", corpus.size() / embedSeconds,
                embedSeconds);

        Path folder = Files.createTempDirectory("slo-scout-vectors");
        try (VectorIndex index = new VectorIndex(folder)) {
            long t1 = System.nanoTime();
            for (int i = 0; i < corpus.size(); i++) {
                index.put("t" + i, "capsule", "bench", corpus.get(i), 1, vectors.get(i));
            }
            index.commit();
            System.out.printf("index build: %.0f ms for %d vectors%n", (System.nanoTime() - t1) / 1e6, corpus.size());

            double recall = 0;
            long[] latencies = new long[queries];
            for (int q = 0; q < queries; q++) {
                float[] query = vectors.get((int) ((long) q * 7919 % corpus.size()));
                long start = System.nanoTime();
                List<VectorIndex.Hit> approx = index.nearest(query, 10, null);
                latencies[q] = System.nanoTime() - start;
                Set<String> truth = new HashSet<>();
                index.exact(query, 10).forEach(h -> truth.add(h.id()));
                recall += approx.stream().filter(h -> truth.contains(h.id())).count() / 10.0;
            }
            Arrays.sort(latencies);
            System.out.printf("query (k=10): median %.2f ms, p99 %.2f ms; recall@10 vs exact: %.4f over %d queries%n",
                    latencies[queries / 2] / 1e6, latencies[queries * 99 / 100] / 1e6, recall / queries, queries);
        }
    }
}
