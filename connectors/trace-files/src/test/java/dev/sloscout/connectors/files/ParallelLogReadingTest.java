package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.model.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * Log lines read in blocks on several threads give the events and problems one thread gives, in the same order:
 * continuation lines folded, JSON records after text read as JSON, JSON values that are no record (or are indented)
 * read as text while an event is being folded, records pretty-printed over lines gathered (and read line by line
 * when they never close), problems limited per kind.
 */
class ParallelLogReadingTest {
    private static String mixed(long seed) {
        Random random = new Random(seed);
        // JSON lines first, then text with continuation lines and JSON lines among it
        StringBuilder out = new StringBuilder("\uFEFF{\"message\":\"starting\"}\n");
        for (int n = 0; out.length() < 1_100_000; n++) {
            String trace = String.format(Locale.ROOT, "%032x", random.nextInt(1000) + 1);
            int kind = out.length() >= 600_000 ? random.nextInt(21) : random.nextInt(50) == 0 ? 19
                    : 2 + random.nextInt(5);
            String line = switch (kind) {
                case 0 -> "  at com.acme.Cart.add(Cart.java:" + n + ")";
                case 1 -> "Caused by: java.io.IOException: reset " + n;
                case 2 -> "{\"time\":\"2024-02-01T10:00:00Z\",\"level\":\"ERROR\",\"service\":\"pay\",\"trace_id\":\""
                        + trace + "\",\"message\":\"charge " + n + " failed\"}";
                case 3 -> "{\"level\":\"INFO\",\"note\":\"no message here " + n + "\"}";
                case 4 -> "{\"broken\": " + n;
                case 5 -> "";
                case 6 -> "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                        + "{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\""
                        + (1_700_000_000_000_000_000L + n) + "\",\"severityText\":\"WARN\",\"body\":{\"stringValue\":"
                        + "\"slow cart " + n + "\"},\"traceId\":\"" + trace + "\"}]}]}]}";
                case 7 -> "[1, 2, " + n + "]";
                case 8 -> "  {\"message\":\"indented " + n + "\"}";
                case 9 -> "[{\"message\":\"batched " + n + "\"}, {\"msg\":\"and " + n + "\"}, " + n + "]";
                case 10 -> "[{thread-" + n + "}] INFO bracketed";
                case 11 -> random.nextInt(10) == 0 ? "{" // opens a record that may never close
                        : "{\n  \"message\": \"pretty " + n + " {\",\n  \"level\": \"WARN\"\n}";
                case 12 -> "Traceback (most recent call last):\n  File \"/app/jobs.py\", line " + n + ", in run\n"
                        + (random.nextBoolean() ? "ValueError: bad count " + n : "KeyboardInterrupt");
                case 13 -> "goroutine " + n + " [running]:\nmain.(*Server).handle(0x0)\n\t/app/server.go:" + n
                        + " +0x1d\ncreated by main.main in goroutine 1";
                case 14 -> "Stack trace:\n#0 /var/www/a.php(" + n + "): run()\n#1 {main}";
                case 16 -> "2024-02-01T10:00:00.12345Z stdout F " + (random.nextBoolean()
                        ? "{\"message\":\"in a container " + n + "\"}" : "\tat a.B.inContainer(B.java:" + n + ")");
                case 17 -> "{\"log\":\"\\tat a.B.docker(B.java:" + n + ")\\n\",\"stream\":\"stderr\"}";
                case 18 -> criParts(random, "{\"message\":\"split " + n + " " + "x".repeat(random.nextInt(40_000))
                        + "\"}");
                case 19 -> "[pod/web-7d9f8b6c5d-x2x9z/" + (random.nextBoolean() ? "web" : "sidecar") + "] "
                        + (random.nextBoolean() ? "\tat a.B.prefixed(B.java:" + n + ")"
                        : "{\"msg\":\"pod " + n + "\"}");
                case 15 -> "java.lang.IllegalStateException: held " + n
                        + (random.nextBoolean() ? "\n\tat a.B.run(B.java:" + n + ")" : "");
                default -> "2024-02-01 10:00:" + String.format(Locale.ROOT, "%02d", n % 60) + ",123 INFO [worker-"
                        + (n % 4) + "] item " + n + " added" + (random.nextInt(5) == 0 ? "\r" : "");
            };
            out.append(line).append('\n');
        }
        // the one shape the draws above may miss (long CRI lines leave room for a few thousand): an exception line
        // held under a fresh event and folded with its frame (an error's: after a routine line it is an event of its
        // own); one seed in about thirty drew none
        out.append("2024-02-01 10:00:00,123 ERROR [worker-0] item last failed\n")
                .append("java.lang.IllegalStateException: held last\n\tat a.B.run(B.java:1)\n");
        return out.toString();
    }

    /** A line split as a CRI runtime splits one longer than its buffer, lines of the other stream among its parts. */
    private static String criParts(Random random, String line) {
        boolean endsEmpty = random.nextInt(4) == 0; // the last part an empty one, as when the line filled the buffer
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < line.length(); ) {
            int part = Math.min(line.length() - at, 1 + random.nextInt(16_384));
            boolean last = at + part == line.length() && !endsEmpty;
            out.append("2024-02-01T10:00:01Z stdout ").append(last ? "F " : "P ").append(line, at, at + part);
            if (random.nextInt(3) == 0) {
                out.append("\n2024-02-01T10:00:01Z stderr F between parts");
            }
            out.append('\n');
            at += part;
        }
        return endsEmpty ? out.append("2024-02-01T10:00:02Z stdout F").toString() : out.substring(0, out.length() - 1);
    }

    private record Read(List<LogEvent> events, List<Problem> problems, long count) {
    }

    private static Read read(byte[] bytes, int threads) {
        List<LogEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        LogSink sink = events::add;
        long count = LogFileReader.withThreads(sink, problems::add, threads).read("app.log", new ByteArrayInputStream(bytes));
        return new Read(events, problems, count);
    }

    @Property(tries = 2)
    @Tag("slow") // ~9 s: in the slow profile, which .ci/run runs too; keeps the README's command within five minutes
    void blocksOnWorkersReadAsOneThreadReads(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int threads) {
        byte[] bytes = mixed(seed).getBytes(StandardCharsets.UTF_8);
        Read serial = read(bytes, 1);
        assertThat(serial.events()).hasSizeGreaterThan(2_000);
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).contains("Caused by"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.text()).startsWith("ValueError: bad count"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).contains("created by main.main"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).contains("#1 {main}"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).startsWith("java.lang.Illegal"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.text()).startsWith("java.lang.Illegal"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.text()).startsWith("in a container"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).contains("\tat a.B.docker"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.continuation()).contains("\tat a.B.inContainer"));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.text()).startsWith("split "));
        assertThat(serial.events()).anySatisfy(e -> assertThat(e.service()).isEqualTo("sidecar"))
                .anySatisfy(e -> assertThat(e.service()).isEqualTo("web"));
        assertThat(serial.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("more problems like the ones above"));
        Read parallel = read(bytes, threads);
        assertThat(parallel.count()).isEqualTo(serial.count());
        assertThat(parallel.problems()).isEqualTo(serial.problems());
        assertThat(parallel.events()).isEqualTo(serial.events());
    }
}
