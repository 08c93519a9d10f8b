package dev.sloscout.connectors.files.bench;

import dev.sloscout.connectors.files.fixtures.JaegerJsonWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a folder of Jaeger query responses (one JSON document per file, as the Jaeger UI's "download" gives), for
 * end-to-end runs on inputs read whole, file by file. Usage: {@code WriteDocumentFolder DIR FILES TRACES_PER_FILE}.
 */
public final class WriteDocumentFolder {
    private WriteDocumentFolder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int files = Integer.parseInt(args[1]);
        int traces = Integer.parseInt(args[2]);
        for (int n = 0; n < files; n++) {
            Files.writeString(dir.resolve(String.format("trace-%04d.json", n)),
                    JaegerJsonWriter.queryResponse(TraceFixtures.spans(1000L + n, traces)), StandardCharsets.UTF_8);
        }
    }
}
