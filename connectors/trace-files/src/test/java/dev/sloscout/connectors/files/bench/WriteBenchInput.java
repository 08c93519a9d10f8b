package dev.sloscout.connectors.files.bench;

import com.github.luben.zstd.ZstdOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's generated OTLP/JSON lines to a file ({@code .zst} compresses), streaming, for end-to-end
 * runs of the CLI on inputs larger than its heap. Usage: {@code WriteBenchInput FILE SPANS}.
 */
public final class WriteBenchInput {
    private WriteBenchInput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long spans = Long.parseLong(args[1]);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = file.toString().endsWith(".zst") ? new ZstdOutputStream(raw) : raw) {
            IngestThroughputBench.generate(spans, out);
        }
    }
}
