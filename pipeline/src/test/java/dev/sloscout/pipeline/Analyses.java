package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.sli.MetricsProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Analyses for view model tests: the demo shop at a small scale, or files the test writes. */
public final class Analyses {
    private static Analysis demo;

    private Analyses() {
    }

    /** The demo at 5% of its traffic (two weeks, a few thousand traces per journey), computed once. */
    public static synchronized Analysis smallDemo() {
        if (demo == null) {
            demo = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { }).demo(0.05);
        }
        return demo;
    }

    /** Shop traffic as OTLP/JSON lines. */
    public static Path shopTraces(Path dir, int traces) throws IOException {
        return ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 7, traces);
    }

    /**
     * JSON log lines of the checkout service carrying the first {@code traces} shop trace ids: a "payment declined"
     * error on every fourth, "order placed" on the others.
     */
    public static Path shopLogs(Path dir, int traces) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < traces; n++) {
            String traceId = String.format(Locale.ROOT, "%016x%016x", 0x5b0bL, n + 1L);
            String message = n % 4 == 0 ? "payment declined for order " + (1000 + n) + " after " + (20 + n % 7) + " ms"
                    : "order " + (1000 + n) + " placed in " + (5 + n % 9) + " ms";
            lines.add(String.format(Locale.ROOT, "{\"time\":\"2023-11-14T22:13:%02dZ\",\"level\":\"%s\",\"service\":\"checkout\","
                    + "\"trace_id\":\"%s\",\"message\":\"%s\"}", n % 60, n % 4 == 0 ? "ERROR" : "INFO", traceId, message));
        }
        Path file = dir.resolve("checkout.log");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
