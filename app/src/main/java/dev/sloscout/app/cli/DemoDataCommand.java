package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Ingestion;
import com.github.luben.zstd.ZstdOutputStream;
import dev.sloscout.connectors.files.OtlpJsonLogWriter;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.demo.DemoLog;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.model.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/** {@code slo-scout demo-data --out FILE}: the demo shop's traffic as OTLP/JSON lines, at a chosen scale. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = {"Writes the demo shop's generated traffic as OTLP/JSON lines (the Collector file exporter's "
                + "format); .gz and .zst names are compressed. From a small sample to tens of millions of spans."})
final class DemoDataCommand implements Callable<Integer> {
    private static final int SPANS_PER_LINE = 100;

    private final PrintStream out;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (.jsonl, .jsonl.gz, .jsonl.zst).")
    Path file;

    @Option(names = "--logs", paramLabel = "FILE",
            description = "Also write the services' log records, correlated by trace id, as OTLP/JSON logs lines.")
    Path logsFile;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
            description = "Traffic as a multiple of the default (peak 30 requests/min; default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "Days of traffic (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    DemoDataCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (scale <= 0 || days <= 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--scale and --days must be positive");
        }
        OtlpJsonWriter writer = new OtlpJsonWriter();
        OtlpJsonLogWriter logWriter = new OtlpJsonLogWriter();
        List<Span> batch = new ArrayList<>(SPANS_PER_LINE);
        List<DemoLog> logBatch = new ArrayList<>(SPANS_PER_LINE);
        long[] counts = new long[2];
        long traces;
        // written beside the targets and moved into place when whole: a failure leaves no half-written dump
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Path logsPartial = logsFile == null ? null : logsFile.resolveSibling(logsFile.getFileName() + ".partial");
        try (OutputStream target = open(partial, file);
             OutputStream logTarget = logsFile == null ? OutputStream.nullOutputStream() : open(logsPartial, logsFile)) {
            traces = DemoShop.generate(seed, days, Ingestion.DEMO_PEAK_PER_MINUTE * scale, span -> {
                batch.add(span);
                counts[0]++;
                if (batch.size() == SPANS_PER_LINE) {
                    writeLine(target, writer.request(batch, false), batch);
                }
            }, log -> {
                if (logsFile != null) {
                    logBatch.add(log);
                    counts[1]++;
                    if (logBatch.size() == SPANS_PER_LINE) {
                        writeLine(logTarget, logWriter.request(logBatch), logBatch);
                    }
                }
            });
            if (!batch.isEmpty()) {
                writeLine(target, writer.request(batch, false), batch);
            }
            if (!logBatch.isEmpty()) {
                writeLine(logTarget, logWriter.request(logBatch), logBatch);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            if (logsPartial != null) {
                Files.deleteIfExists(logsPartial);
            }
            throw e;
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (logsFile != null) {
            Files.move(logsPartial, logsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        out.printf("%d traces, %d spans -> %s%n", traces, counts[0], file);
        if (logsFile != null) {
            out.printf("%d log records -> %s%n", counts[1], logsFile);
        }
        return 0;
    }

    private static void writeLine(OutputStream target, String line, List<?> batch) {
        try {
            target.write(line.getBytes(StandardCharsets.UTF_8));
            target.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    /** Opens {@code file} compressed as {@code named} says (.zst, .gz or plain); nothing is left open on failure. */
    private static OutputStream open(Path file, Path named) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        String name = named.getFileName().toString();
        try {
            if (name.endsWith(".zst")) {
                return new ZstdOutputStream(raw);
            }
            return name.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
