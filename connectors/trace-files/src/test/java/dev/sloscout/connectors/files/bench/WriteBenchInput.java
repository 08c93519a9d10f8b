package dev.sloscout.connectors.files.bench;

import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the benchmark's generated OTLP/JSON lines to a file (compressed by its name's ending: {@code .zst},
 * {@code .gz}, {@code .xz} at xz's default level, {@code .bz2}), streaming, for end-to-end runs of the CLI on inputs
 * larger than its heap. Usage: {@code WriteBenchInput FILE SPANS}.
 */
public final class WriteBenchInput {
    private WriteBenchInput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long spans = Long.parseLong(args[1]);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = compressing(file.getFileName().toString(), raw)) {
            IngestThroughputBench.generate(spans, out);
        }
    }

    private static OutputStream compressing(String name, OutputStream raw) throws IOException {
        if (name.endsWith(".zst")) {
            return new ZstdOutputStream(raw);
        } else if (name.endsWith(".gz")) {
            return new GZIPOutputStream(raw, 1 << 16);
        } else if (name.endsWith(".xz")) {
            return new XZOutputStream(raw, new LZMA2Options());
        } else if (name.endsWith(".bz2")) {
            return new BZip2CompressorOutputStream(raw);
        }
        return raw;
    }
}
