package dev.sloscout.connectors.files;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one generated, pretty-printed JSON log document that wraps N records ({@code {"export": {"logs": [...]}}})
 * through {@link LogFileReader}, without the document ever existing as a whole, and prints
 * {@code records bytes problems}. Run in a small heap by {@link LogFileReaderTest}.
 */
public final class JsonDocumentSoak {
    private JsonDocumentSoak() {
    }

    public static void main(String[] args) {
        long records = Long.parseLong(args[0]);
        Generated document = new Generated(records);
        AtomicLong events = new AtomicLong();
        AtomicLong problems = new AtomicLong();
        new LogFileReader(e -> events.incrementAndGet(), p -> problems.incrementAndGet()).read("export.json", document);
        System.out.println(events.get() + " " + document.bytes + " " + problems.get());
    }

    /** The document, produced a record at a time as it is read. */
    private static final class Generated extends InputStream {
        private final long records;
        private long next;
        private byte[] chunk = "{\n  \"export\": {\n    \"logs\": [\n".getBytes(StandardCharsets.UTF_8);
        private int at;
        long bytes;

        Generated(long records) {
            this.records = records;
        }

        @Override
        public int read() {
            while (at == chunk.length) {
                if (next > records) {
                    return -1;
                }
                chunk = next == records ? "    ]\n  }\n}\n".getBytes(StandardCharsets.UTF_8)
                        : ("      {\n        \"message\": \"order " + next + " shipped to warehouse " + next % 97
                        + "\",\n        \"level\": \"info\"\n      }" + (next + 1 < records ? ",\n" : "\n"))
                        .getBytes(StandardCharsets.UTF_8);
                next++;
                at = 0;
            }
            bytes++;
            return chunk[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
