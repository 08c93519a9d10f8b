package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogFileReaderTest {
    private final List<LogEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final LogFileReader reader = new LogFileReader(events::add, problems::add);

    private long read(String source, byte[] bytes) {
        return reader.read(source, new ByteArrayInputStream(bytes));
    }

    /** The events of {@code text} read as {@code source} on {@code threads} threads. */
    private List<LogEvent> readOn(int threads, String source, String text) {
        List<LogEvent> read = new ArrayList<>();
        LogFileReader.withThreads(read::add, problems::add, threads).read(source,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return read;
    }

    private long read(String text) {
        return read("app.log", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextFoldsStackTracesIntoTheEventThatStartsThem() {
        read("2024-01-01 10:00:00,000 ERROR [main] a.B: boom\r\n"
                + "java.lang.IllegalStateException: boom\r\n".replace("java", "\tjava")
                + "\tat a.B.run(B.java:10)\r\n"
                + "Caused by: java.io.IOException: disk\r\n"
                + "\t... 3 more\r\n"
                + "2024-01-01 10:00:01,000 INFO [main] a.B: recovered");
        assertThat(events).hasSize(2);
        LogEvent first = events.get(0);
        assertThat(first.text()).isEqualTo("2024-01-01 10:00:00,000 ERROR [main] a.B: boom");
        assertThat(first.lines()).isEqualTo(5);
        assertThat(first.continuation()).contains("Caused by: java.io.IOException: disk").doesNotContain("\r");
        assertThat(first.raw()).isTrue();
        assertThat(events.get(1).line()).isEqualTo(6);
        assertThat(events.get(1).text()).endsWith("recovered");
        assertThat(events.get(0).service()).isEqualTo("app");
    }

    /**
     * journalctl's and syslog's files write a program's output a line a syslog header ({@code Dec 03 23:06:08 vm
     * checkout[31670]: }): a traceback, a Java exception and PostgreSQL's statement under its error come a line a
     * header, and are folded by what follows the program's tag, at one thread and at two. A line of another program,
     * or of the same program's other process, is never a continuation, however indented.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aProgramsLinesUnderSyslogHeadersFoldByWhatFollowsTheTag(int threads) {
        List<LogEvent> read = readOn(threads, "syslog", """
                Dec 03 23:06:08 vm checkout[31670]: INFO:     Started server process [30220]
                Dec 03 23:06:08 vm checkout[31670]: ERROR:    Exception in ASGI application
                Dec 03 23:06:08 vm checkout[31670]: Traceback (most recent call last):
                Dec 03 23:06:08 vm checkout[31670]:   File "/app/main.py", line 9, in price
                Dec 03 23:06:08 vm checkout[31670]:     return {}["sku"]
                Dec 03 23:06:08 vm checkout[31670]: KeyError: 'sku'
                Dec 03 23:06:09 vm checkout[31670]: INFO:     127.0.0.1:33584 - "GET /orders/1 HTTP/1.1" 200 OK
                Dec 03 23:06:10 vm pg[314]: [8-1] 2026-12-03 23:06:10 UTC [314]: [3-1] db=s ERROR:  division by zero
                Dec 03 23:06:10 vm pg[314]: [8-2] 2026-12-03 23:06:10 UTC [314]: [4-1] db=s STATEMENT:  select 1/0
                Dec 03 23:06:11 vm shop[77]: 2026-12-03 23:06:11,002 ERROR c.a.Shop - save failed
                Dec 03 23:06:11 vm shop[77]: java.lang.IllegalStateException: db down
                Dec 03 23:06:11 vm shop[77]: \tat c.a.Shop.save(Shop.java:12)
                Dec 03 23:06:11 vm shop[78]:   another process's indented line
                Dec 03 23:06:11 vm cart[78]:   another program's indented line
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "Dec 03 23:06:08 vm checkout[31670]: INFO:     Started server process [30220]",
                "Dec 03 23:06:08 vm checkout[31670]: ERROR:    Exception in ASGI application",
                "Dec 03 23:06:09 vm checkout[31670]: INFO:     127.0.0.1:33584 - \"GET /orders/1 HTTP/1.1\" 200 OK",
                "Dec 03 23:06:10 vm pg[314]: [8-1] 2026-12-03 23:06:10 UTC [314]: [3-1] db=s ERROR:  division by zero",
                "Dec 03 23:06:11 vm shop[77]: 2026-12-03 23:06:11,002 ERROR c.a.Shop - save failed",
                "Dec 03 23:06:11 vm shop[78]:   another process's indented line",
                "Dec 03 23:06:11 vm cart[78]:   another program's indented line");
        assertThat(read.get(1).continuation()).isEqualTo("""
                Traceback (most recent call last):
                  File "/app/main.py", line 9, in price
                    return {}["sku"]
                KeyError: 'sku'""");
        assertThat(read.get(3).continuation())
                .isEqualTo("[8-2] 2026-12-03 23:06:10 UTC [314]: [4-1] db=s STATEMENT:  select 1/0");
        assertThat(read.get(4).continuation())
                .isEqualTo("java.lang.IllegalStateException: db down\n\tat c.a.Shop.save(Shop.java:12)");
        assertThat(read.get(1).lines()).isEqualTo(5);
    }

    /**
     * journald and a syslog server interleave the lines of programs that write at once: each program's lines are
     * folded apart (a traceback another program's lines cut is one event), and handed on in the order of their first
     * lines, at one thread and at two. A line without a tag (journalctl's indent under a message of several lines)
     * continues the event of the line before it; one that opens an event of its own is the file's.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void interleavedProgramsAreFoldedEachApart(int threads) {
        List<LogEvent> read = readOn(threads, "syslog", """
                Dec 04 02:11:12 vm checkout[501]: ERROR checkout: order 7 failed
                Dec 04 02:11:12 vm checkout[501]: Traceback (most recent call last):
                Dec 04 02:11:12 vm billing[502]: ERROR billing: order 9 failed
                Dec 04 02:11:12 vm checkout[501]:   File "/app/main.py", line 9, in handle
                Dec 04 02:11:12 vm billing[502]: Traceback (most recent call last):
                Dec 04 02:11:12 vm beat[503]: heartbeat seq=1 ok
                Dec 04 02:11:12 vm billing[502]:   File "/app/main.py", line 9, in handle
                Dec 04 02:11:12 vm checkout[501]: KeyError: 'price'
                Dec 04 02:11:12 vm billing[502]: KeyError: 'qty'
                Dec 04 02:11:13 vm worker[504]: worker started
                Dec 04 02:11:13 vm orders[505]: payment declined
                                                card expired
                Dec 04 02:11:13 vm kernel: eth0: link up
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "Dec 04 02:11:12 vm checkout[501]: ERROR checkout: order 7 failed",
                "Dec 04 02:11:12 vm billing[502]: ERROR billing: order 9 failed",
                "Dec 04 02:11:12 vm beat[503]: heartbeat seq=1 ok",
                "Dec 04 02:11:13 vm worker[504]: worker started",
                "Dec 04 02:11:13 vm orders[505]: payment declined",
                "Dec 04 02:11:13 vm kernel: eth0: link up");
        assertThat(read).extracting(LogEvent::service).containsOnly("syslog");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 3L, 6L, 10L, 11L, 13L);
        assertThat(read.get(0).continuation()).isEqualTo("""
                Traceback (most recent call last):
                  File "/app/main.py", line 9, in handle
                KeyError: 'price'""");
        assertThat(read.get(1).continuation()).endsWith("KeyError: 'qty'");
        assertThat(read.get(4).continuation()).contains("card expired");
        assertThat(read.get(0).lines()).isEqualTo(4);
    }

    /**
     * A program's lane ends once other programs wrote 256 lines after its last: its event is handed on, in line order
     * with the rest, and a later indented line of it is an event of its own; before that, it still folds.
     */
    @Test
    void aProgramQuietForLongEndsItsEvent() {
        StringBuilder log = new StringBuilder("Dec 04 02:11:12 vm checkout[501]: ERROR order 7 failed\n");
        for (int i = 0; i < 400; i++) {
            if (i == 100) {
                log.append("Dec 04 02:11:12 vm checkout[501]:   still the same event\n");
            }
            log.append("Dec 04 02:11:12 vm beat[503]: heartbeat seq=").append(i).append(" ok\n");
        }
        log.append("Dec 04 02:11:12 vm checkout[501]:   at the end\n");
        List<LogEvent> read = readOn(1, "syslog", log.toString());
        assertThat(read).hasSize(402);
        assertThat(read).extracting(LogEvent::line).isSorted();
        assertThat(read.get(0).continuation()).isEqualTo("  still the same event");
        assertThat(read.get(401).text()).endsWith("at the end");
    }

    /**
     * docker's {@code json-file} driver wraps each line a container wrote in a record of its own: the lines are read
     * as text lines are, at one thread and at two, so a stack trace is folded into its message, and a line without a
     * time of its own takes the wrapper's; a wrapped JSON record is read as one, a blank line skipped.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void dockerWrappedLinesAreFoldedAsTextLinesAre(int threads) {
        List<LogEvent> read = readOn(threads, "abc123-json.log",
                docker("2024-01-01 10:00:00,000 ERROR [main] a.B: charge failed", "2024-01-01T10:00:00.5Z")
                + docker("java.lang.IllegalStateException: card declined", "2024-01-01T10:00:00.6Z")
                + docker("\\tat a.B.charge(B.java:10)", "2024-01-01T10:00:00.7Z")
                + docker("{\\\"level\\\":\\\"warn\\\",\\\"msg\\\":\\\"slow\\\"}", "2024-01-01T10:00:01Z")
                + docker("", "2024-01-01T10:00:02Z")
                + docker("ready to serve", "2024-01-01T10:00:03Z"));
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2024-01-01 10:00:00,000 ERROR [main] a.B: charge failed", "slow", "ready to serve");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 4L, 6L);
        assertThat(read.get(0).continuation())
                .isEqualTo("java.lang.IllegalStateException: card declined\n\tat a.B.charge(B.java:10)");
        assertThat(read.get(0).lines()).isEqualTo(3);
        assertThat(Instant.ofEpochMilli(read.get(0).epochMillis())).isEqualTo(Instant.parse("2024-01-01T10:00:00.5Z"));
        assertThat(read.get(1).severity()).isEqualTo(Severity.WARN);
        assertThat(Instant.ofEpochMilli(read.get(2).epochMillis())).isEqualTo(Instant.parse("2024-01-01T10:00:03Z"));
        assertThat(problems).isEmpty();
    }

    /**
     * docker names a container's log by the container's id; the service is the container's compose service, its
     * kubelet name, else its own name, from {@code config.v2.json} beside the log; without one, the file's name.
     */
    @Test
    void aDockerLogTakesItsServiceFromTheContainersConfiguration(@TempDir Path dir) throws Exception {
        String[] configs = {
            "{\"Name\":\"/shop-checkout-1\",\"Config\":{\"Labels\":{\"com.docker.compose.service\":\"checkout\"}}}",
            "{\"Name\":\"/k8s_cart_cart-7d9f_shop_1\",\"Config\":{\"Labels\":{\"io.kubernetes.container.name\":"
                    + "\"cart\"}}}",
            "{\"Name\":\"/payments\",\"Config\":{}}",
            "not json",
            null};
        for (int i = 0; i < configs.length; i++) {
            String id = String.valueOf((char) ('a' + i)).repeat(64);
            Path container = Files.createDirectories(dir.resolve(id));
            if (configs[i] != null) {
                Files.writeString(container.resolve("config.v2.json"), configs[i]);
            }
            Path log = Files.writeString(container.resolve(id + "-json.log" + (i == 2 ? ".1" : "")),
                    docker("ready", "2024-01-01T10:00:00Z"));
            reader.read(log);
        }
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "cart", "payments",
                "d".repeat(64) + "-json", "e".repeat(64) + "-json");
        assertThat(problems).isEmpty();
    }

    /** A line of docker's {@code json-file} driver: {@code text} as JSON string content (escapes written). */
    private static String docker(String text, String time) {
        return "{\"log\":\"" + text + "\\n\",\"stream\":\"stderr\",\"time\":\"" + time + "\"}\n";
    }

    /**
     * Container logs as containerd and CRI-O keep them on a node ({@code /var/log/pods}): the runtime's time, stream
     * and tag before each line the container wrote. The container's lines are read, at one thread and at two: headers,
     * stack traces folded, JSON records; a text event takes the runtime's time of its first line.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void containerRuntimeLinesAreReadAsTheLinesTheContainerWrote(int threads) {
        List<LogEvent> read = readOn(threads, "checkout/0.log",
                "2024-03-01T12:00:02.000000001Z stderr F 2024-03-01 12:00:02,000 ERROR [http-2] Checkout: failed\n"
                + "2024-03-01T12:00:02.000000002Z stderr F java.lang.IllegalStateException: card declined\n"
                + "2024-03-01T12:00:02.000000003Z stderr F \tat c.Checkout.pay(Checkout.java:42)\n"
                + "2024-03-01T12:00:03.000000001Z stdout F {\"level\":\"warn\",\"msg\":\"slow charge\"}\n"
                + "2024-03-01T12:00:04.000000001Z stdout F\n"
                + "2024-03-01T12:00:05.000000001Z stdout F 2024-03-01 12:00:05,000 INFO [http-1] Checkout: placed\n"
                + "2024-03-01T13:00:06.250000001+01:00 stdout F ready to serve\n");
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:02,000 ERROR [http-2] Checkout: failed", "slow charge",
                "2024-03-01 12:00:05,000 INFO [http-1] Checkout: placed", "ready to serve");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 4L, 6L, 7L);
        assertThat(Instant.ofEpochMilli(read.get(3).epochMillis())).isEqualTo("2024-03-01T12:00:06.250Z");
        assertThat(Instant.ofEpochMilli(read.get(0).epochMillis())).isEqualTo("2024-03-01T12:00:02Z");
        assertThat(read.get(0).continuation())
                .isEqualTo("java.lang.IllegalStateException: card declined\n\tat c.Checkout.pay(Checkout.java:42)");
        assertThat(read.get(1).severity()).isEqualTo(Severity.WARN);
        assertThat(Instant.ofEpochMilli(read.get(1).epochMillis())).isEqualTo("2024-03-01T12:00:03Z"); // no own time
        assertThat(read).allSatisfy(e -> assertThat(e.service()).isEqualTo("checkout"));
        assertThat(problems).isEmpty();
    }

    /**
     * A line longer than the runtime's buffer is written in parts ({@code P}, the last {@code F}), stdout's and
     * stderr's interleaved: each stream's parts are read as one line, numbered and timed by the first part; parts that
     * come to more than the longest line read are reported and skipped, the lines around them read; a file that stops
     * within a line's parts keeps them.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void partsOfALongContainerLineAreReadAsOneLine(int threads) {
        String json = "{\"level\":\"error\",\"msg\":\"charge failed: " + "x".repeat(40) + "\"}";
        List<LogEvent> read = new ArrayList<>();
        LogFileReader reader = new LogFileReader(read::add, problems::add, 200, threads);
        reader.read("checkout/0.log", new ByteArrayInputStream((
                "2024-03-01T12:00:00.5Z stdout P " + json.substring(0, 20) + "\n"
                + "2024-03-01T12:00:00.6Z stderr F 2024-03-01 12:00:00,600 WARN [main] Pool: low\n"
                + "2024-03-01T12:00:00.7Z stdout P " + json.substring(20, 50) + "\n"
                + "2024-03-01T12:00:00.8Z stdout F " + json.substring(50) + "\n"
                + "2024-03-01T12:00:01Z stdout P " + "y".repeat(150) + "\n"
                + "2024-03-01T12:00:01Z stdout P " + "y".repeat(150) + "\n"
                + "2024-03-01T12:00:01Z stdout F\n"
                + "2024-03-01T12:00:02Z stdout P 2024-03-01 12:00:02,000 ERROR [main] Checkout: \n"
                + "2024-03-01T12:00:02Z stdout F failed after 3 tries\n"
                + "2024-03-01T12:00:03Z stderr P java.lang.IllegalStateException: cut off mid-").getBytes(
                        StandardCharsets.UTF_8)));

        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:00,600 WARN [main] Pool: low", "charge failed: " + "x".repeat(40),
                "2024-03-01 12:00:02,000 ERROR [main] Checkout: failed after 3 tries",
                "java.lang.IllegalStateException: cut off mid-");
        assertThat(read).extracting(LogEvent::line).containsExactly(2L, 1L, 8L, 10L);
        assertThat(read.get(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(read.get(1).epochMillis())).isEqualTo("2024-03-01T12:00:00.500Z");
        assertThat(problems).extracting(Problem::location, Problem::reason).containsExactly(tuple("line 5",
                "a line the container runtime split into parts, longer than 200 bytes joined: skipped"));
    }

    /**
     * {@code kubectl logs --prefix} (several pods' logs in one file): the prefix is taken off, and the container it
     * names is each line's service; a stack trace folds into the event before it only when both are its container's
     * (another container's frame starts an event of its own); a JSON record takes the container when it names no
     * service of its own.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void kubectlPrefixesNameEachLinesContainer(int threads) {
        List<LogEvent> read = readOn(threads, "pods.log",
                "[pod/checkout-7d9f8b6c5d-x2x9z/checkout] 2024-03-01 12:00:00,123 ERROR [main] c.Checkout - failed\n"
                + "[pod/checkout-7d9f8b6c5d-x2x9z/checkout] java.lang.IllegalStateException: declined\n"
                + "[pod/checkout-7d9f8b6c5d-x2x9z/checkout] \tat c.Checkout.pay(Checkout.java:42)\n"
                + "[pod/cart-6b8f7c9d5f-q7w2z/cart] \tat c.Cart.add(Cart.java:7)\n"
                + "[pod/cart-6b8f7c9d5f-q7w2z/istio-proxy] {\"level\":\"warn\",\"msg\":\"upstream reset\"}\n"
                + "[pod/cart-6b8f7c9d5f-q7w2z/cart] {\"msg\":\"named\",\"service\":\"cart-api\"}\n"
                + "[podcast] not a prefix\n");

        // a container's event ends with its next line or the file: each comes when its container's is complete
        assertThat(read).extracting(LogEvent::text).containsExactly("upstream reset", "\tat c.Cart.add(Cart.java:7)",
                "named", "2024-03-01 12:00:00,123 ERROR [main] c.Checkout - failed", "[podcast] not a prefix");
        assertThat(read).extracting(LogEvent::service).containsExactly("istio-proxy", "cart", "cart-api", "checkout",
                "pods");
        assertThat(read.get(3).continuation())
                .isEqualTo("java.lang.IllegalStateException: declined\n\tat c.Checkout.pay(Checkout.java:42)");
        assertThat(problems).isEmpty();
    }

    /**
     * {@code kubectl logs --timestamps} and {@code docker logs -t} put the runtime's time before each line, in UTC with
     * nanoseconds ({@code 2026-12-04T02:53:25.153529532Z }): it is taken off and is the line's time, so the program's
     * own header is read and its traceback folded, with kubectl's prefix too, at one thread and at two. A program's
     * own time, with at most six digits of its second, stays its header.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRuntimesTimestampBeforeEachLineIsTheLinesTime(int threads) {
        List<LogEvent> read = readOn(threads, "billing.log", """
                2026-12-04T02:53:25.1535295Z 2026-12-04 02:53:25,143 ERROR billing: order 0 failed
                2026-12-04T02:53:25.153566532Z Traceback (most recent call last):
                2026-12-04T02:53:25.1535714Z   File "/app/tb.py", line 9, in <module>
                2026-12-04T02:53:25.153580532Z KeyError: 'price'
                [pod/billing-7d9f8b6c5d-x2x9z/billing] 2026-12-04T02:53:26.000000001Z 2026-12-04 02:53:26,000 INFO ok
                2026-12-04T02:53:27.123456Z INFO a program's own time
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2026-12-04 02:53:25,143 ERROR billing: order 0 failed", "2026-12-04 02:53:26,000 INFO ok",
                "2026-12-04T02:53:27.123456Z INFO a program's own time");
        assertThat(read.get(0).continuation()).isEqualTo("""
                Traceback (most recent call last):
                  File "/app/tb.py", line 9, in <module>
                KeyError: 'price'""");
        assertThat(Instant.ofEpochMilli(read.get(0).epochMillis())).isEqualTo("2026-12-04T02:53:25.153Z");
        assertThat(read.get(1).service()).isEqualTo("billing");
        assertThat(Instant.ofEpochMilli(read.get(1).epochMillis())).isEqualTo("2026-12-04T02:53:26Z");
        assertThat(read.get(2).epochMillis()).isEqualTo(LogHeader.NO_TIME);
    }

    /**
     * daemontools' {@code multilog t}, runit's {@code svlogd -t} and s6's {@code s6-log t} write a TAI64N label before
     * each line of the service they log, {@code svlogd -tt} and {@code -ttt} a time with five digits of its second,
     * {@code s6-log T} one with nine and two spaces: it is taken off and is the line's time, so the service's own lines
     * are read and its traceback folded, at one thread and at two. A word like a label that is none (a capital, a
     * digit short) and a program's own time (six digits) stay the line's.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSupervisorsStampBeforeEachLineIsTheLinesTime(int threads) {
        List<LogEvent> read = readOn(threads, "current", """
                @400000006b14057b14869da4 ERROR charge failed for order 1: timeout
                @400000006b14057b1486ebc4 Traceback (most recent call last):
                @400000006b14057c2674d74c   File "app.py", line 3, in <module>
                @400000006b14057c2674e0a4 ValueError: boom
                2026-12-05_12:37:16.72436 INFO order 2 placed
                2026-12-05T12:37:16.72447 ERROR charge failed for order 2: timeout
                2026-12-05 12:37:09.051274986  WARN order 3 slow
                2026-12-05 12:37:09.051426914    File "app.py", line 4, in <module>
                @400000006b14057D2674e0a4 INFO no label: a capital
                @400000006b14057d2674e0a INFO no label: a digit short
                2026-12-05T12:37:16.724470 INFO a program's own time
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly("ERROR charge failed for order 1: timeout",
                "INFO order 2 placed", "ERROR charge failed for order 2: timeout", "WARN order 3 slow",
                "@400000006b14057D2674e0a4 INFO no label: a capital",
                "@400000006b14057d2674e0a INFO no label: a digit short",
                "2026-12-05T12:37:16.724470 INFO a program's own time");
        assertThat(read).extracting(LogEvent::lines).containsExactly(4, 1, 1, 2, 1, 1, 1);
        assertThat(read.subList(0, 4)).extracting(e -> Instant.ofEpochMilli(e.epochMillis())).containsExactly(
                Instant.parse("2026-12-05T12:37:05.344Z"), Instant.parse("2026-12-05T12:37:16.724Z"),
                Instant.parse("2026-12-05T12:37:16.724Z"), Instant.parse("2026-12-05T12:37:09.051Z"));
    }

    /**
     * pm2 started with {@code --time} writes the machine's time before each line of a process's log, a colon after it
     * ({@code 2026-12-05T05:14:59: }): it is the line's time, taken off so that a Node error's frames, each under the
     * same prefix, fold under it, at one thread and at two.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void pm2sTimeBeforeEachLineIsTheLinesTime(int threads) {
        List<LogEvent> read = readOn(threads, "shop-error.log", """
                2026-12-05T05:14:59: order 4 failed: payment declined
                2026-12-05T05:14:59: Error: cart service crashed
                2026-12-05T05:14:59:     at Timeout._onTimeout (/srv/app.js:6:24)
                2026-12-05T05:15:00:     at listOnTimeout (node:internal/timers:581:17)
                2026-12-05T05:15:01: order 8 failed: payment declined
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly("order 4 failed: payment declined",
                "Error: cart service crashed", "order 8 failed: payment declined");
        assertThat(read.get(1).lines()).isEqualTo(3);
        assertThat(Instant.ofEpochMilli(read.get(2).epochMillis())).isEqualTo("2026-12-05T05:15:01Z");
    }

    /**
     * {@code docker compose logs} and {@code up} put the replica before each line ({@code billing-1  | }, compose v1's
     * {@code billing_1  | }, padded, coloured on a terminal): the prefix is taken off, the service names the line's,
     * each replica's lines are folded apart (a traceback another replica's lines cut is one event), and with
     * {@code --timestamps} docker's time after the bar is the line's. Compose's own lines are the file's.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void dockerComposePrefixesNameEachLinesService(int threads) {
        List<LogEvent> read = readOn(threads, "up.log", """
                Attaching to shop_billing_1, shop_beat_1
                \u001b[33mbilling_1   |\u001b[0m 2026-12-04 02:53:25,143 ERROR billing: order 0 failed
                \u001b[33mbilling_1   |\u001b[0m Traceback (most recent call last):
                \u001b[36mbeat_1      |\u001b[0m heartbeat seq=1 ok
                \u001b[33mbilling_1   |\u001b[0m   File "/app/tb.py", line 9, in <module>
                \u001b[33mbilling_1   |\u001b[0m KeyError: 'price'
                web-api-1  | 2026-12-04T02:53:24.939391609Z GET /orders 200
                web-api-1  |
                shop_billing_1 exited with code 0
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly("Attaching to shop_billing_1, shop_beat_1",
                "2026-12-04 02:53:25,143 ERROR billing: order 0 failed", "heartbeat seq=1 ok", "GET /orders 200",
                "shop_billing_1 exited with code 0");
        assertThat(read).extracting(LogEvent::service).containsExactly("up", "billing", "beat", "web-api", "up");
        assertThat(read.get(1).continuation()).isEqualTo("""
                Traceback (most recent call last):
                  File "/app/tb.py", line 9, in <module>
                KeyError: 'price'""");
        assertThat(Instant.ofEpochMilli(read.get(3).epochMillis())).isEqualTo("2026-12-04T02:53:24.939Z");
        assertThat(problems).isEmpty();
    }

    /**
     * A logger's routine record that tells of a failure logged the JVM's stack under it (Flink logs a job's state at
     * INFO with its cause); one that does not, and a bare print that does, left a stack printed on its own.
     */
    @Test
    void aRoutineRecordThatTellsOfAFailureKeepsTheStackUnderIt() {
        String stack = "org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoff\n"
                + "\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure"
                + "(ExecutionFailureHandler.java:219)\n";
        String log = "2026-12-06 11:32:20,254 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph [] - Job"
                + " orders (3db996ee) switched from state RUNNING to FAILING.\n"
                + stack
                + "2026-12-06 11:32:20,262 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph [] - Job"
                + " orders (3db996ee) switched from state RUNNING to CANCELED.\n"
                + stack
                + "order 4 failed: payment declined\n"
                + stack;

        read("flink.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 3", "4 1", "5 2", "7 1",
                "8 2");
    }

    /**
     * A container's last line, held to see whether frames follow it, goes out in its place at the end: after another
     * container's event that opened before it.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aLineHeldAtTheEndOfAContainersStreamKeepsItsPlace(int threads) {
        List<LogEvent> read = readOn(threads, "up.log", """
                billing_1   | 2026-12-04 02:53:25,143 ERROR billing: order 0 failed
                beat_1      | 2026-12-04 02:53:25,150 INFO beat: heartbeat seq=1 ok
                billing_1   | IllegalStateException: price missing
                """);
        assertThat(read).extracting(e -> e.line() + " " + e.service()).containsExactly("1 billing", "2 beat",
                "3 billing");
    }

    /**
     * {@code pm2 logs} puts the process before each line it tails ({@code 0|shop     | }, coloured, padded), and its
     * own daemon's lines under {@code PM2        | }: the prefix is taken off, the app names the line's service, each
     * process's lines are folded apart (a stack another process's line cuts is one event), and pm2's time after the
     * bar ({@code --time}) is the line's. pm2's own lines about the tail, and a table's row, are the file's.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void pm2sPrefixNamesEachLinesApp(int threads) {
        List<LogEvent> read = readOn(threads, "pm2-logs.txt", """
                \u001b[90m/home/app/.pm2/logs/shop-error.log last 15 lines:\u001b[39m
                \u001b[31m0|shop     | \u001b[39m2026-12-05T05:14:59: Error: cart service crashed
                \u001b[32m1|cart-api | \u001b[39m2026-12-05T05:14:59: cart 7 saved
                \u001b[31m0|shop     | \u001b[39m2026-12-05T05:14:59:     at Timeout._onTimeout (/app/app.js:6:24)
                \u001b[34mPM2        | \u001b[39m2026-12-05T05:15:00: PM2 log: App [shop:0] exited with code [1]
                │ 0  │ shop     │ default     │ N/A     │ fork    │ 3101     │ 0s     │ 4    │ online    │
                """);
        assertThat(read).extracting(LogEvent::text).containsExactly("/home/app/.pm2/logs/shop-error.log last 15 lines:",
                "Error: cart service crashed", "cart 7 saved", "PM2 log: App [shop:0] exited with code [1]",
                "│ 0  │ shop     │ default     │ N/A     │ fork    │ 3101     │ 0s     │ 4    │ online    │");
        assertThat(read).extracting(LogEvent::service).containsExactly("pm2-logs", "shop", "cart-api", "PM2",
                "pm2-logs");
        assertThat(read.get(1).continuation()).isEqualTo("    at Timeout._onTimeout (/app/app.js:6:24)");
        assertThat(Instant.ofEpochMilli(read.get(2).epochMillis())).isEqualTo("2026-12-05T05:14:59Z");
        assertThat(problems).isEmpty();
    }

    /**
     * {@code kubectl logs -f -l app=shop --prefix} and stern interleave the lines of several pods as they arrive: a
     * stack trace goes on under its message whatever other containers wrote between its lines.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void interleavedContainersKeepTheirOwnStackTraces(int threads) {
        List<LogEvent> read = readOn(threads, "pods.log",
                "[pod/checkout-1/checkout] 2024-03-01 12:00:00,123 ERROR [main] c.Checkout - failed\n"
                + "[pod/cart-1/cart] 2024-03-01 12:00:00,124 INFO [main] c.Cart - added\n"
                + "[pod/checkout-1/checkout] java.lang.IllegalStateException: declined\n"
                + "[pod/cart-1/cart] 2024-03-01 12:00:00,125 ERROR [main] c.Cart - lost\n"
                + "[pod/checkout-1/checkout] \tat c.Checkout.pay(Checkout.java:42)\n"
                + "[pod/cart-1/cart] Traceback (most recent call last):\n"
                + "[pod/checkout-2/checkout] 2024-03-01 12:00:00,126 INFO [main] c.Checkout - other pod\n"
                + "[pod/cart-1/cart]   File \"cart.py\", line 3, in add\n"
                + "[pod/checkout-1/checkout] \tat c.Checkout.main(Checkout.java:7)\n"
                + "[pod/checkout-1/checkout] 2024-03-01 12:00:01,000 INFO [main] c.Checkout - next\n");

        assertThat(read).extracting(LogEvent::service, LogEvent::text, LogEvent::continuation).containsExactly(
                tuple("cart", "2024-03-01 12:00:00,124 INFO [main] c.Cart - added", ""),
                tuple("checkout", "2024-03-01 12:00:00,123 ERROR [main] c.Checkout - failed",
                        "java.lang.IllegalStateException: declined\n\tat c.Checkout.pay(Checkout.java:42)\n"
                        + "\tat c.Checkout.main(Checkout.java:7)"),
                tuple("cart", "2024-03-01 12:00:00,125 ERROR [main] c.Cart - lost",
                        "Traceback (most recent call last):\n  File \"cart.py\", line 3, in add"),
                tuple("checkout", "2024-03-01 12:00:00,126 INFO [main] c.Checkout - other pod", ""),
                tuple("checkout", "2024-03-01 12:00:01,000 INFO [main] c.Checkout - next", ""));
        assertThat(problems).isEmpty();
    }

    /** A kubectl prefix is no CRI runtime's: a pod named like digits of a date gives its line no time of its own. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aKubectlPrefixGivesNoRuntimeTime(int threads) {
        List<LogEvent> read = readOn(threads, "pods.log", "[pod/12-01-08-30-00-x/c] started\n");

        assertThat(read).extracting(LogEvent::service, LogEvent::text, LogEvent::epochMillis)
                .containsExactly(tuple("c", "started", LogHeader.NO_TIME));
    }

    /**
     * logback and log4j write the exception's name at the margin under the message, .NET's and Node's loggers too;
     * with frames under it, it belongs to the message, at one thread and at two. A line of that shape without frames
     * after it, or last in the file, is an event of its own.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anExceptionAtTheMarginWithFramesUnderItBelongsToTheMessage(int threads) {
        List<LogEvent> read = readOn(threads, "orders.log",
                "2024-01-01 10:00:00,000 ERROR [main] a.B: charge failed\n"
                + "java.lang.IllegalStateException: card declined\n"
                + "\tat a.B.charge(B.java:10)\n"
                + "Caused by: java.io.IOException: reset\n"
                + "\t... 3 more\n"
                + "2024-01-01 10:00:01,000 ERROR [main] Orders: lookup failed\n"
                + "System.InvalidOperationException: Sequence contains no elements\n"
                + "   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)\n"
                + "2024-01-01 10:00:02,000 WARN [main] a.B: odd reply\n"
                + "TypeError: not followed by frames\n"
                + "2024-01-01 10:00:03,000 INFO [main] a.B: done\n"
                + "ValueError: last line");
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2024-01-01 10:00:00,000 ERROR [main] a.B: charge failed",
                "2024-01-01 10:00:01,000 ERROR [main] Orders: lookup failed",
                "2024-01-01 10:00:02,000 WARN [main] a.B: odd reply", "TypeError: not followed by frames",
                "2024-01-01 10:00:03,000 INFO [main] a.B: done", "ValueError: last line");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 6L, 9L, 10L, 11L, 12L);
        assertThat(read.get(0).lines()).isEqualTo(5);
        assertThat(read.get(0).continuation()).startsWith("java.lang.IllegalStateException: card declined\n\tat a.B")
                .endsWith("\t... 3 more");
        assertThat(read.get(1).continuation()).startsWith("System.InvalidOperationException");
    }

    /**
     * Python's tracebacks and Go's goroutine dumps have lines at the margin (the exception, the functions); they belong
     * to the message above them, at one thread and at two, and are no events (nor templates) of their own.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void pythonTracebacksAndGoroutineDumpsAreFoldedIntoTheirMessage(int threads) {
        List<LogEvent> read = readOn(threads, "worker.log",
                "2024-03-01 12:00:01,456 ERROR [jobs] Job 42 failed\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 88, in run\n"
                + "KeyError: 'count'\n"
                + "\n"
                + "The above exception was the direct cause of the following exception:\n"
                + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/main.py\", line 3, in <module>\n"
                + "jobs.JobError: job 42\n"
                + "2024-03-01 12:00:02,000 ERROR [http] panic serving 10.0.0.7:51234: nil map\n"
                + "goroutine 33 [running]:\n"
                + "main.(*Server).handle(0x0)\n"
                + "\t/app/server.go:42 +0x1d\n"
                + "created by net/http.(*Server).Serve in goroutine 1\n"
                + "2024-03-01 12:00:03,000 INFO [jobs] Job 43 done\n");
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:01,456 ERROR [jobs] Job 42 failed",
                "2024-03-01 12:00:02,000 ERROR [http] panic serving 10.0.0.7:51234: nil map",
                "2024-03-01 12:00:03,000 INFO [jobs] Job 43 done");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 11L, 16L);
        assertThat(read.get(0).continuation()).startsWith("Traceback (most recent call last):")
                .contains("KeyError: 'count'\nThe above exception").endsWith("jobs.JobError: job 42");
        assertThat(read.get(1).continuation()).endsWith("created by net/http.(*Server).Serve in goroutine 1");
    }

    /**
     * Loggers that print a message and then its fields as a JSON object (winston's simple format, zap's console) give
     * the line's time, service, trace and error from the object; the message before it is what is mined, the object
     * (and the error it holds, unless written in it as it reads) goes under it. A brace that opens no object that
     * ends the line, or one glued to a word, is message.
     */
    @Test
    void aTextLinesTrailingJsonGivesItsFieldsAndLeavesTheMessageToMine() {
        read("info: order 7 placed {\"service\":\"shop\",\"timestamp\":\"2024-03-01T12:00:00.000Z\","
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}\n"
                + "error: db down {\"service\":\"shop\",\"stack\":\"Error: refused\\n    at a (/app.js:3:9)\"}\n"
                + "2024-03-01T12:00:01.000Z\tERROR\tshop/main.go:48\tcharge failed\t"
                + "{\"order\": 7, \"error\": \"refused\"}\n"
                + "main.main\n"
                + "\t/app/main.go:48\n"
                + "state {\"a\": broken} and more {\"b\": 1} not at the end\n"
                + "payload={\"a\":1}\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("info: order 7 placed", "error: db down",
                "2024-03-01T12:00:01.000Z\tERROR\tshop/main.go:48\tcharge failed",
                "state {\"a\": broken} and more {\"b\": 1} not at the end", "payload={\"a\":1}");
        assertThat(events).extracting(LogEvent::continuation).containsExactly(
                "{\"service\":\"shop\",\"timestamp\":\"2024-03-01T12:00:00.000Z\","
                        + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}",
                "{\"service\":\"shop\",\"stack\":\"Error: refused\\n    at a (/app.js:3:9)\"}\n"
                        + "Error: refused\n    at a (/app.js:3:9)",
                "{\"order\": 7, \"error\": \"refused\"}\nmain.main\n\t/app/main.go:48", "", "");
        assertThat(events).extracting(LogEvent::service).containsExactly("shop", "shop", "app", "app", "app");
        assertThat(events.get(0).epochMillis()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z").toEpochMilli());
        assertThat(events.get(0).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /**
     * A JSON logger's record behind a prefix (forwarded through syslog; Fluentd's file output writes time and tag
     * before it) is the record: its message, after the prefix, is what is mined, with its level, trace and error.
     */
    @Test
    void aJsonRecordBehindASyslogPrefixIsReadAsTheRecord() {
        read("Mar  1 12:00:00 web-1 shop[42]: {\"level\":\"error\",\"msg\":\"charge failed\","
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"err\":{\"stack\":\"Error: x\\n    at y\"}}\n"
                + "2024-03-01T12:00:01+00:00\tdocker.shop\t{\"log\":\"GET /cart 200\\n\",\"stream\":\"stdout\"}\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("Mar  1 12:00:00 web-1 shop[42]: charge failed",
                "2024-03-01T12:00:01+00:00\tdocker.shop GET /cart 200");
        assertThat(events.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(events.get(0).continuation()).isEqualTo("Error: x\n    at y");
        assertThat(events.get(0).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(1).continuation()).isEmpty();
    }

    /**
     * java.util.logging's default SimpleFormatter writes a record on two lines, the header (time and the class and
     * method that logged) and then the level and message: one event, the message joined to its header so that it is
     * what is mined; a stack trace under it is folded as usual. A level line under any other line is no such record.
     */
    @Test
    void javaUtilLoggingsTwoLineRecordsAreOneEventEach() {
        read("2024-03-01 12:00:00,000 INFO [main] a.B: started\n"
                + "INFO: not a record of java.util.logging\n"
                + "Mar 01, 2024 7:57:35 PM com.acme.shop.Orders place\n"
                + "SEVERE: could not save order 7\n"
                + "java.lang.IllegalStateException: db down\n"
                + "\tat com.acme.shop.Orders.place(Orders.java:12)\n"
                + "Mar 01, 2024 7:57:36 PM com.acme.shop.Orders place\n"
                + "INFO: order 8 placed\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:00,000 INFO [main] a.B: started", "INFO: not a record of java.util.logging",
                "Mar 01, 2024 7:57:35 PM com.acme.shop.Orders place SEVERE: could not save order 7",
                "Mar 01, 2024 7:57:36 PM com.acme.shop.Orders place INFO: order 8 placed");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 1, 4, 2);
        assertThat(events.get(2).continuation()).startsWith("java.lang.IllegalStateException: db down\n\tat ");
    }

    /**
     * A JVM in Japanese, Chinese or Korean writes SimpleFormatter's header with the month in its characters ({@code
     * 12月 06, 2026 12:36:11 午前 ...}) and the level in them ({@code 情報: ...}); in Spanish with a no-break space in
     * the half of the day ({@code A. M.}). The JDK's own formatter writes the records here, in each language: each
     * record is one event, its level line joined to its header.
     */
    @Test
    void javaUtilLoggingsTwoLineRecordsAreOneEventInTheJvmsLanguage() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"ja", "zh", "ko", "es"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                java.util.logging.SimpleFormatter formatter = new java.util.logging.SimpleFormatter();
                StringBuilder log = new StringBuilder();
                for (java.util.logging.Level level : new java.util.logging.Level[] {java.util.logging.Level.INFO,
                        java.util.logging.Level.WARNING, java.util.logging.Level.SEVERE}) {
                    java.util.logging.LogRecord record = new java.util.logging.LogRecord(level, "order 7 placed");
                    record.setSourceClassName("com.acme.Shop");
                    record.setSourceMethodName("main");
                    record.setInstant(java.time.Instant.parse("2026-12-06T00:36:11Z"));
                    log.append(formatter.format(record));
                }
                events.clear();
                read("shop-" + tag + ".log", log.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(events).as(log.toString()).hasSize(3).allSatisfy(e -> {
                    assertThat(e.lines()).isEqualTo(2);
                    assertThat(e.text()).contains("com.acme.Shop main ").endsWith(": order 7 placed");
                });
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /**
     * tinylog's default format writes a record on two lines as SimpleFormatter does: the time, the thread and the
     * method that logged, then the level and message; one event, the message joined to its header.
     */
    @Test
    void tinylogsTwoLineRecordsAreOneEventEach() {
        read("2026-12-04 23:10:55 [main] com.acme.Shop.main()\n"
                + "INFO: shop starting on port 8080\n"
                + "2026-12-04 23:10:55 [pool-1-thread-2] com.acme.Orders.lambda$place$0()\n"
                + "ERROR: could not parse order id: java.lang.NumberFormatException: For input string: \"x7\"\n"
                + "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)\n"
                + "2026-12-04 23:10:56 [main] com.acme.Shop.main() returned\n"
                + "INFO: not the message of the line above\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "2026-12-04 23:10:55 [main] com.acme.Shop.main() INFO: shop starting on port 8080",
                "2026-12-04 23:10:55 [pool-1-thread-2] com.acme.Orders.lambda$place$0() ERROR: could not parse order"
                        + " id: java.lang.NumberFormatException: For input string: \"x7\"",
                "2026-12-04 23:10:56 [main] com.acme.Shop.main() returned", "INFO: not the message of the line above");
        assertThat(events.get(1).continuation()).startsWith("\tat java.base/");
    }

    /**
     * SimpleFormatter writes a message's line breaks as they are: its lines at the margin, up to the next record's
     * header, are the record's (Hazelcast's advice under "The Jet engine is disabled."); a logged exception's stack is
     * folded as before.
     */
    @Test
    void aJulMessagesLinesAtTheMarginAreTheRecords() {
        read("Dec 05, 2026 7:09:46 PM com.hazelcast.system\n"
                + "INFO: [192.0.2.2]:5701 [dev] [5.6.0] The Jet engine is disabled.\n"
                + "To enable the Jet engine on the members, do one of the following:\n"
                + "  - Add system property: -Dhz.jet.enabled=true\n"
                + "Dec 05, 2026 7:10:50 PM com.hazelcast.internal.diagnostics.HealthMonitor\n"
                + "INFO: [192.0.2.2]:5701 [dev] [5.6.0] High load. For more detailed information,\n"
                + "enable Diagnostics by adding the property -Dhazelcast.diagnostics.enabled=true\n"
                + "Dec 05, 2026 7:10:52 PM com.acme.Job run\n"
                + "SEVERE: gave up\n"
                + "java.lang.IllegalStateException: no route\n"
                + "\tat com.acme.Job.run(Job.java:9)\n"
                + "Dec 05, 2026 7:10:53 PM com.acme.Job run\n"
                + "INFO: stopped\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 3, 4, 2);
        assertThat(events.get(0).continuation())
                .isEqualTo("To enable the Jet engine on the members, do one of the following:\n"
                        + "  - Add system property: -Dhz.jet.enabled=true");
        assertThat(events.get(1).continuation()).startsWith("enable Diagnostics");
        assertThat(events.get(2).continuation()).startsWith("java.lang.IllegalStateException: no route\n\tat ");
    }

    /**
     * A java.util.logging record names its level on its second line: a stack printed after a routine one ({@code
     * e.printStackTrace()} after {@code INFO: retrying}) is an event of its own, as it is after any routine record; a
     * warning's is folded.
     */
    @Test
    void aStackPrintedAfterARoutineJulRecordIsAnEventOfItsOwn() {
        read("Dec 05, 2026 7:10:51 PM com.acme.Job run\n"
                + "INFO: retrying\n"
                + "java.lang.IllegalStateException: printed, not logged\n"
                + "\tat com.acme.Job.run(Job.java:9)\n"
                + "Dec 05, 2026 7:10:52 PM com.acme.Job run\n"
                + "WARNING: retrying again\n"
                + "java.lang.IllegalStateException: logged\n"
                + "\tat com.acme.Job.run(Job.java:9)\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(2, 2, 4);
        assertThat(events.get(1).text()).isEqualTo("java.lang.IllegalStateException: printed, not logged");
        assertThat(events.get(2).continuation()).startsWith("java.lang.IllegalStateException: logged\n\tat ");
    }

    /**
     * Dropwizard writes each line of a logged exception behind {@code "! "}, the root cause first and {@code Causing:}
     * before each exception it caused: the lines are the record's, whatever its level (only the logger writes the
     * mark); a line behind the mark that is no stack's is an event of its own.
     */
    @Test
    void aLoggedExceptionsMarkedLinesAreTheRecords() {
        read("ERROR [2026-12-05 21:07:03,371] shop.App$Orders: Could not price order 7\n"
                + "! java.lang.NumberFormatException: For input string: \"x7\"\n"
                + "! at java.base/java.lang.Integer.parseInt(Integer.java:668)\n"
                + "! ... 69 common frames omitted\n"
                + "! Causing: java.lang.RuntimeException: pricing failed\n"
                + "! at shop.App$Orders.get(App.java:28)\n"
                + "127.0.0.1 - - [05/Dec/2026:21:07:03 +0000] \"GET /orders/7 HTTP/1.1\" 402 17 \"-\" \"curl\" 5\n"
                + "INFO  [2026-12-05 21:07:04,002] shop.App$Orders: retried\n"
                + "! java.net.ConnectException: Connection refused\n"
                + "! at shop.App$Orders.call(App.java:40)\n"
                + "! disk nearly full\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(6, 1, 3, 1);
        assertThat(events.get(0).continuation()).endsWith("! at shop.App$Orders.get(App.java:28)");
        assertThat(events.get(3).text()).isEqualTo("! disk nearly full");
    }

    /**
     * Apache Derby opens its records with Java's {@code Date.toString()}, a weekday's and a month's names first; a
     * record of the time and a colon alone is followed by what it reports at the margin (the database it boots, the
     * JVM's properties): those lines are its, up to the next record, the first its message.
     */
    @Test
    void aRecordOpeningWithAWeekdaysNameTakesTheLinesUnderIt() {
        read("Sat Dec 05 21:44:46 UTC 2026:\n"
                + "Booting Derby version The Apache Software Foundation - Apache Derby - 10.16.1.1 - (1901046)\n"
                + "Loaded from file:/opt/derby/lib/derby-10.16.1.1.jar\n"
                + "java.vendor=Debian\n"
                + "Sat Dec 05 21:44:47 UTC 2026 Thread[DRDAConnThread_2,5,main] (XID = 165), Committing\n"
                + "Booting Derby version 10.16.1.1 again\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 1);
        assertThat(events.get(0).text()).startsWith("Sat Dec 05 21:44:46 UTC 2026: Booting Derby version ");
        assertThat(events.get(0).continuation()).endsWith("java.vendor=Debian");
        assertThat(ContinuationLines.isTimeAlone("2026-12-05 21:44:46:")).isTrue();
        assertThat(ContinuationLines.isTimeAlone("2026-12-05 21:44:46 ERROR 3:")).isFalse();
        assertThat(ContinuationLines.isTimeAlone("2026-12-05 21:44:46 listening on port 8080:")).isFalse();
        // a tab between its words (and after a space) ends a word too: these once looped for ever in the reader
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(ContinuationLines.isTimeAlone("2026-12-05\t21:44:46:")).isTrue();
            assertThat(ContinuationLines.isTimeAlone("12 \t\t05 ERROR:")).isFalse();
            read("tabbed.log", "12\t05:\nnext line\n".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(ContinuationLines.opensWithWeekdayAndMonth("Sat Dec 05 21:44:46 UTC 2026:", 0)).isTrue();
        assertThat(ContinuationLines.opensWithWeekdayAndMonth("Sat Dez 05 21:44:46 UTC 2026:", 0)).isFalse();
        assertThat(ContinuationLines.opensWithWeekdayAndMonth("Dec 05 21:44:46 vm sshd[1]: ok", 0)).isFalse();
    }

    /**
     * coturn writes its seconds since start and a colon before each line ({@code 0: : Domain name: }): a record whose
     * message ends with a colon takes the lines under it up to the next record, and the next opens with the same stamp
     * though its words differ from the first's right after it. A line that opens otherwise is still the record's.
     */
    @Test
    void aShortStampBeforeTheMessageOpensTheNextRecord() {
        read("0: : Default Net Engine version: 3 (UDP thread per CPU core)\n"
                + "\n"
                + "=====================================================\n"
                + "\n"
                + "0: : Domain name: \n"
                + "0: : Default realm: shop.test\n"
                + "0: : Relay address to use: 127.0.0.1\n"
                + "4: : session 001000000000000001: realm <shop.test> user <>: incoming packet message processed:\n"
                + "error 401: Unauthorized\n"
                + "12: : Total General servers: 2\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(2, 1, 1, 1, 2, 1);
        assertThat(events.get(4).continuation()).isEqualTo("error 401: Unauthorized");
    }

    /**
     * GlusterFS prints its graph under {@code Final graph:}, its lines numbered in a column padded on the left: past 99
     * the numbers reach the margin and go on the listing all the same. A record after it is its own.
     */
    @Test
    void aNumberedListingGoesOnPastItsPadding() {
        StringBuilder graph = new StringBuilder("Final graph:\n+-----------------------+\n");
        for (int n = 1; n <= 102; n++) {
            graph.append(String.format("%3d: %s%n", n, n % 2 == 0 ? "    option threads 16" : "volume shopvol-posix"));
        }
        graph.append("+-----------------------+\n");
        read(graph + "[2026-12-06 00:07:11.111245 +0000] I [trash.c:2480:init] 0-shopvol-trash: no option\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(105, 1);
    }

    /**
     * Dropwizard's record opens with its level, its time in brackets after it ({@code WARN  [2026-12-05
     * 21:06:57,599] ...}): a record of an empty message takes the lines after it up to the next record, as one that
     * opens with its time does (its health check warning is a banner of eight lines).
     */
    @Test
    void aRecordOpeningWithItsLevelThenItsTimeTakesItsMessagesLines() {
        read("WARN  [2026-12-05 21:06:57,599] io.dropwizard.core.setup.AdminEnvironment: \n"
                + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                + "!    THIS APPLICATION HAS NO HEALTHCHECKS.   !\n"
                + "!    YOU WILL NEVER KNOW IF IT DIES.    !\n"
                + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                + "INFO  [2026-12-05 21:06:57,600] org.eclipse.jetty.server.handler.ContextHandler: Started\n"
                + "!    not the record's\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 1, 1);
        assertThat(events.get(0).text()).endsWith("AdminEnvironment: !    THIS APPLICATION HAS NO HEALTHCHECKS.   !");
        assertThat(events.get(0).continuation()).contains("!    YOU WILL NEVER KNOW IF IT DIES.    !");
    }

    /**
     * uWSGI writes a request's line right after the traceback Flask logged for it: an exception's message may go on at
     * the margin, but a line that opens with a bracket as an earlier event did (the request lines' {@code [pid: ...]})
     * is a record of its own, though its time is too far in to see; a message's line with a bracket of its own still
     * goes on the exception.
     */
    @Test
    void aLineOpeningAsAnEarlierEventDidEndsAnExceptionsMessage() {
        String request = "[pid: 5695|app: 0|req: %d/%d] 127.0.0.1 () {24 vars in 248 bytes} [Sat Dec  5 19:21:47 2026]"
                + " GET /%s => generated 2 bytes in 44 msecs (HTTP/1.1 %d) 2 headers in 78 bytes (1 switches on core"
                + " 0)";
        read(String.format(request, 1, 1, "ok", 200) + "\n"
                + "[2026-12-05 19:21:47,431] ERROR in app: Exception on /boom [GET]\n"
                + "Traceback (most recent call last):\n"
                + "  File \"app.py\", line 13, in boom\n"
                + "    return db.execute(q)\n"
                + "OperationalError: could not connect\n"
                + "[SQL: SELECT 1]\n"
                + String.format(request, 1, 2, "boom", 500) + "\n"
                + String.format(request, 2, 3, "deny", 403) + "\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 6, 1, 1);
        assertThat(events.get(1).continuation()).endsWith("OperationalError: could not connect\n[SQL: SELECT 1]");
        assertThat(events.get(2).text()).contains("GET /boom");
    }

    /**
     * A routine record that ends with a colon announces the traceback right under it ({@code log.debug("Exiting
     * abnormally:", exc_info=True)}, as certbot logs): the traceback is that record's. One under a routine record
     * that announces nothing, or not right under it, is still the interpreter's, an event of its own.
     */
    @Test
    void aTracebackUnderARoutineRecordThatAnnouncesItIsThatRecords() {
        read("2026-12-05 19:30:48,580:DEBUG:certbot._internal.log:Exiting abnormally:\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/certbot/main.py\", line 19, in main\n"
                + "    return internal_main.main(cli_args)\n"
                + "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='acme.example', port=443)\n"
                + "2026-12-05 19:30:48,591:ERROR:certbot._internal.log:An unexpected error occurred:\n"
                + "2026-12-05 19:30:48,592:DEBUG:certbot._internal.log:retrying\n"
                + "Traceback (most recent call last):\n"
                + "  File \"x.py\", line 1, in <module>\n"
                + "ValueError: uncaught\n"
                + "2026-12-05 19:30:49,001:INFO:shop:serving on:\n"
                + "  http://127.0.0.1:8000\n"
                + "Traceback (most recent call last):\n"
                + "  File \"x.py\", line 2, in <module>\n"
                + "RuntimeError: uncaught after the list\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 1, 1, 3, 2, 3);
        assertThat(events.get(0).continuation()).startsWith("Traceback (most recent call last):\n")
                .endsWith("ConnectionError: HTTPSConnectionPool(host='acme.example', port=443)");
    }

    /**
     * A java.util.logging message that ends with a space ran on past a line break: Hazelcast writes its address,
     * cluster and version, then a blank line and the members list under it. The list's first line is the message's
     * rest, its members folded under it; the logo drawn under such a message stays folded, and a record after it is
     * one of its own.
     */
    @Test
    void aJulMessageEndingWithASpaceRunsOnToTheNextLineWithAWord() {
        read("Dec 04, 2026 1:15:36 PM com.hazelcast.internal.cluster.ClusterService\n"
                + "INFO: [127.0.0.1]:5711 [shop] [5.3.8] \n"
                + "\n"
                + "Members {size:2, ver:2} [\n"
                + "\tMember [127.0.0.1]:5711 - ff0b47f6-c5c9-49d1-b1e2-0326511e7f12 this\n"
                + "\tMember [127.0.0.1]:5712 - faf53ae9-3119-4351-bea5-7dfa2b42a374\n"
                + "]\n"
                + "\n"
                + "Dec 04, 2026 1:15:28 PM com.hazelcast.system.logo\n"
                + "INFO: [127.0.0.1]:5711 [shop] [5.3.8] \n"
                + "\t+       +  o    o     o     o---o o----o o      o---o     o     o----o o--o--o\n"
                + "Dec 04, 2026 1:15:36 PM com.hazelcast.core.LifecycleService\n"
                + "INFO: [127.0.0.1]:5712 [shop] [5.3.8] [127.0.0.1]:5712 is STARTED\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "Dec 04, 2026 1:15:36 PM com.hazelcast.internal.cluster.ClusterService INFO: [127.0.0.1]:5711 [shop] "
                        + "[5.3.8] Members {size:2, ver:2} [",
                "Dec 04, 2026 1:15:28 PM com.hazelcast.system.logo INFO: [127.0.0.1]:5711 [shop] [5.3.8] ",
                "Dec 04, 2026 1:15:36 PM com.hazelcast.core.LifecycleService INFO: [127.0.0.1]:5712 [shop] [5.3.8] "
                        + "[127.0.0.1]:5712 is STARTED");
        assertThat(events.get(0).continuation()).startsWith("\tMember [127.0.0.1]:5711").endsWith("]");
        assertThat(events.get(1).continuation()).startsWith("\t+       +");
    }

    /**
     * A record's message that ends with a space ran on past a line break in any format, as Hazelcast's does through
     * logback: the next line with a word is its rest. A line that opens a record, or a Python traceback, under such a
     * message is not: the traceback's exception is ({@link #anEmptyRecordsTracebackAtTheMarginGivesItsException}).
     */
    @Test
    void aMessageEndingWithASpaceRunsOnToTheNextLineWithAWord() {
        read("13:41:19.431 [hz.thread-0] INFO com.hazelcast.internal.cluster.ClusterService -- [127.0.0.1]:5711 "
                + "[shop] [5.3.8] \n"
                + "\n"
                + "Members {size:2, ver:2} [\n"
                + "\tMember [127.0.0.1]:5711 - bd6a7450-4c7f-4c86-a1be-45e36ddea780 this\n"
                + "]\n"
                + "13:41:19.445 [main] INFO com.hazelcast.core.LifecycleService -- [127.0.0.1]:5711 is STARTED \n"
                + "13:41:19.446 [main] INFO com.hazelcast.core.LifecycleService -- [127.0.0.1]:5711 shutting down\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "13:41:19.431 [hz.thread-0] INFO com.hazelcast.internal.cluster.ClusterService -- [127.0.0.1]:5711 "
                        + "[shop] [5.3.8] Members {size:2, ver:2} [",
                "13:41:19.445 [main] INFO com.hazelcast.core.LifecycleService -- [127.0.0.1]:5711 is STARTED ",
                "13:41:19.446 [main] INFO com.hazelcast.core.LifecycleService -- [127.0.0.1]:5711 shutting down");
        assertThat(events.get(0).continuation()).isEqualTo("\tMember [127.0.0.1]:5711 - "
                + "bd6a7450-4c7f-4c86-a1be-45e36ddea780 this\n]");

        events.clear();
        read("[03/Dec/2026:23:46:39] HTTP \n"
                + "Traceback (most recent call last):\n"
                + "  File \"app.py\", line 3, in <module>\n"
                + "ValueError: bad\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("[03/Dec/2026:23:46:39] HTTP ValueError: bad");
        assertThat(events.get(0).continuation()).startsWith("Traceback (most recent call last):");
    }

    /**
     * An exception printed with its stack after a routine line (Node's {@code console.error(err)} after an info
     * line), or after a bare print with neither time nor level ({@code console.log}), is an event of its own: no
     * logger logged it under that line. After a line that names a higher level it is folded under it, as a logger
     * writes a logged exception.
     */
    @Test
    void anExceptionPrintedAfterARoutineLineIsAnEventOfItsOwn() {
        read("2024-03-01T12:00:00.000Z info order 1 placed\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:5432\n"
                + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)\n"
                + "2024-03-01T12:00:01.000Z error could not save order 2\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:5432\n"
                + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)\n"
                + "could not save order 3\n"
                + "java.lang.IllegalStateException: db down\n"
                + "\tat com.acme.Orders.save(Orders.java:12)\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("2024-03-01T12:00:00.000Z info order 1 placed",
                "Error: connect ECONNREFUSED 127.0.0.1:5432", "2024-03-01T12:00:01.000Z error could not save order 2",
                "could not save order 3", "java.lang.IllegalStateException: db down");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 2, 3, 1, 2);
        assertThat(ContinuationLines.saysRoutine("[DEBUG] 12:00:00 cache warm")).isTrue();
        assertThat(ContinuationLines.saysRoutine("12:00:00 WARN [main] slow")).isFalse();
    }

    /**
     * A bare print that says a stack trace follows keeps the stack under it: HSQLDB's server writes, without a time or
     * a level, {@code 3:Failed to connect client.  Stack trace follows.} and then the exception it caught, which had
     * been an event of its own as after any bare print.
     */
    @Test
    void aBarePrintThatAnnouncesAStackTraceKeepsTheStackUnderIt() {
        read("[Server@1b2c6ec2]: [Thread[HSQLDB Connection @684d07d7,5,main]]: 3:Failed to connect client.  Stack "
                + "trace follows.\n"
                + "org.hsqldb.HsqlException: client version '-1195.-72.-58.-56' is not compatible.\n"
                + "\tat org.hsqldb.server.ServerConnection.handshake(Unknown Source)\n"
                + "[Server@1b2c6ec2]: 4:Failed to connect client\n"
                + "org.hsqldb.HsqlException: client version '-1195.-72.-58.-56' is not compatible.\n"
                + "\tat org.hsqldb.server.ServerConnection.handshake(Unknown Source)\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 1, 2);
    }

    /**
     * A record that opens with a month's name, its day and a time of day (syslog's order; Apache Traffic Server's, in
     * brackets) opens with a time, as one that opens with a digit does, and the rules for a record's further lines
     * apply: a list announced by a colon, a message on the line under an empty one. A month and a day without the
     * time right after them (java.util.logging's header) open no time.
     */
    @Test
    void aRecordOpeningWithAMonthItsDayAndATimeIsTimed() {
        read("[Dec  6 23:17:51.185] traffic_server NOTE: remap rules:\n"
                + "map /ok/ http://127.0.0.1:8088/\n"
                + "map /down/ http://127.0.0.1:9/\n"
                + "[Dec  6 23:17:59.358] [ET_NET 1] DEBUG: <MIME.cc:2688 (mime_field_block_describe)> (http) \n"
                + "-- State Machine Id: 0\n"
                + "[Dec  6 23:17:59.359] [ET_NET 1] DEBUG: <HttpSM.cc:7691 (main_handler)> (http) [0] done\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 2, 1);
        assertThat(events.get(1).text()).endsWith("(http) -- State Machine Id: 0");
        assertThat(ContinuationLines.opensWithMonthAndTime("Dec  6 23:17:59 vm sshd[1]: ok", 0)).isTrue();
        assertThat(ContinuationLines.opensWithMonthAndTime("Dec 16 23:17:59 vm sshd[1]: ok", 0)).isTrue();
        assertThat(ContinuationLines.opensWithMonthAndTime("Dec 03, 2026 7:57:35 AM com.acme.Shop main", 0)).isFalse();
        assertThat(ContinuationLines.opensWithMonthAndTime("Decided 23:17:59", 0)).isFalse();
    }

    /**
     * A record whose first line ends with a space ran on past a line break: it takes the lines after it at the
     * margin up to the next record, not the first alone (a table a program printed under an empty message). So does
     * one that ends with a comma, its message cut by a line break (spdlog writes a message's line breaks as they are).
     */
    @Test
    void aMessageThatRunsOnPastALineBreakTakesTheLinesUpToTheNextRecord() {
        read("2026-12-06 23:17:59,358 DEBUG dump.Tables - \n"
                + "name    rows\n"
                + "orders  12\n"
                + "items   40\n"
                + "2026-12-06 23:17:59,360 INFO dump.Tables - done\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1);
        assertThat(events.get(0).text()).endsWith("- name    rows");
        events.clear();
        read("[2026-12-07 00:20:04.092] [warning] config value 'retry' missing,\n"
                + "using default 3\n"
                + "[2026-12-07 00:20:04.092] [inventory] [info] shutting down\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "[2026-12-07 00:20:04.092] [warning] config value 'retry' missing, using default 3",
                "[2026-12-07 00:20:04.092] [inventory] [info] shutting down");
    }

    /**
     * A title between two rules of one mark is a banner: a program printed it over what it prints next, at the
     * margin, which is the banner's event up to the next record. Apache Traffic Server at debug prints each HTTP
     * message it handles so among its records, a field a line, a {@code Date:} with its time among them (no record's
     * header), the reason of its status line any text.
     */
    @Test
    void aBannerTakesTheLinesPrintedUnderIt() {
        read("[Dec  6 23:17:59.362] [ET_NET 1] DEBUG: <HttpTransact.cc:3477 (HandleResponse)> (http_trans) [0] "
                + "response_received_time: 1796599079\n"
                + "+++++++++ Incoming O.S. Response +++++++++\n"
                + "-- State Machine Id: 0\n"
                + "HTTP/1.1 500 Cannot find server.\r\n"
                + "Date: Sun, 06 Dec 2026 23:17:59 GMT\r\n"
                + "Server: h2o/2.2.5\r\n"
                + "\r\n"
                + "[Dec  6 23:17:59.362] [ET_NET 1] DEBUG: <HttpTransact.cc:330 (is_response_valid)> (http_trans) [0] "
                + "No errors in response\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 5, 1);
        assertThat(events.get(1).text()).isEqualTo("+++++++++ Incoming O.S. Response +++++++++");
        assertThat(ContinuationLines.isBanner("======== Running on http://127.0.0.1:8080 ========")).isTrue();
        assertThat(ContinuationLines.isBanner("======== run 2:")).isFalse();
        assertThat(ContinuationLines.isBanner("+++++++++ +++++++++")).as("no title").isFalse();
        assertThat(ContinuationLines.isBanner("*** short ***")).isFalse();
    }

    /**
     * A table drawn with bars under a record is the record's: Netty's LoggingHandler dumps the bytes it read under
     * its record, rows of hex and text between bars at the margin. A table under a bare line (no record) stays a
     * row an event, as before.
     */
    @Test
    void aTableDrawnUnderARecordIsTheRecords() {
        read("2026-12-06 23:51:36.784 [nioEventLoopGroup-3-1] DEBUG io.netty.handler.logging.LoggingHandler - "
                + "[id: 0xf723e93d, L:/127.0.0.1:8099 - R:/127.0.0.1:51786] READ: 20B\n"
                + "         +-------------------------------------------------+\n"
                + "         |  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f |\n"
                + "+--------+-------------------------------------------------+----------------+\n"
                + "|00000000| 47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a |GET / HTTP/1.1..|\n"
                + "|00000010| 0d 0a 0d 0a                                     |....            |\n"
                + "+--------+-------------------------------------------------+----------------+\n"
                + "2026-12-06 23:51:36.837 [nioEventLoopGroup-3-1] DEBUG io.netty.handler.logging.LoggingHandler - "
                + "[id: 0xf723e93d, L:/127.0.0.1:8099 - R:/127.0.0.1:51786] FLUSH\n"
                + "orders by state\n"
                + "| state | count |\n"
                + "| open  | 3     |\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(7, 1, 1, 1, 1);
        assertThat(ContinuationLines.isTableRow("|00000010| 0d 0a |....|  ")).isTrue();
        assertThat(ContinuationLines.isTableRow("| state")).isFalse();
        assertThat(ContinuationLines.isTableRow("||")).isFalse();
    }

    /**
     * A program's tag with nothing after it (syslog's {@code cron[3]: } with an empty message; H2's trace file, whose
     * {@code jdbc[3]: } puts the statement on the next line) is a record of its own: before, the empty body it left
     * ended the whole analysis with an index out of range. Read as a header alone, it takes the line under it, at the
     * margin, as its message.
     */
    @Test
    void aProgramTagWithNothingAfterItIsARecordOfItsOwn() {
        read("Dec  5 17:13:53 vm cron[3]: starting\n"
                + "Dec  5 17:13:54 vm cron[3]: \n"
                + "Dec  5 17:13:55 vm cron[3]: ok\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 2L, 3L);
        events.clear();
        read("2026-12-05 17:13:54.715964Z jdbc[3]: \n"
                + "/*SQL */SET TRACE_LEVEL_FILE 3;\n"
                + "2026-12-05 17:13:54.720303Z jdbc[3]: \n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 3L);
        assertThat(events.get(0).text()).as("its message under it, as under any header alone")
                .isEqualTo("2026-12-05 17:13:54.715964Z jdbc[3]: /*SQL */SET TRACE_LEVEL_FILE 3;");
        assertThat(problems).isEmpty();
    }

    /**
     * The colon of a program's tag with nothing after it, or one word, labels no list and no lines to come: the
     * program's next record is one of its own (H2's trace file, each statement under a tag alone, "exception" after
     * a tag). An exception's message that ends with a colon goes on at the margin up to its frames (the statement).
     */
    @Test
    void aProgramTagsColonOpensNoListOfLines() {
        read("2026-12-05 17:13:54.715964Z jdbc[3]: \n"
                + "/**/stat0.execute(\"SELECT * FROM missing\");\n"
                + "2026-12-05 17:13:54.717089Z jdbc[3]: exception\n"
                + "org.h2.jdbc.JdbcSQLSyntaxErrorException: Table \"MISSING\" not found; SQL statement:\n"
                + "SELECT * FROM missing [42102-252]\n"
                + "\tat org.h2.message.DbException.get(DbException.java:223)\n"
                + "2026-12-05 17:13:54.718195Z jdbc[3]: \n"
                + "/**/stat0.execute(\"SELECT 1\");\n"
                + "2026-12-05 17:13:54.718712Z lock: 3 shared read unlock SYS\n"
                + "2026-12-05 17:13:54.719001Z jdbc[3]: exception\n"
                + "2026-12-05 17:13:54.719002Z jdbc[3]: closed\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 3L, 7L, 9L, 10L, 11L);
        assertThat(events.get(0).text()).isEqualTo(
                "2026-12-05 17:13:54.715964Z jdbc[3]: /**/stat0.execute(\"SELECT * FROM missing\");");
        assertThat(events.get(1).lines()).as("the exception, the statement its message names, its frame")
                .isEqualTo(4);
        assertThat(events.get(1).carriesStack()).isTrue();
        assertThat(problems).isEmpty();
    }

    /**
     * A fault of the reader on lines nobody foresaw ends that file's reading, said as a problem of the file, with the
     * records read before it kept; the analysis goes on. A cancel is no fault: it goes through.
     */
    @Test
    void anUnexpectedFaultEndsTheFilesReadingNotTheAnalysis() {
        List<LogEvent> kept = new ArrayList<>();
        LogFileReader faulty = new LogFileReader(event -> {
            if (event.text().contains("poison")) {
                throw new IllegalStateException("unforeseen");
            }
            kept.add(event);
        }, problems::add);
        faulty.read("app.log", new ByteArrayInputStream(("2026-12-05 17:00:00 INFO one\n"
                + "2026-12-05 17:00:01 INFO poison\n"
                + "2026-12-05 17:00:02 INFO three\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(kept).extracting(LogEvent::text).containsExactly("2026-12-05 17:00:00 INFO one");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("app.log");
            assertThat(p.reason()).startsWith("reading stopped on an unexpected fault (java.lang.IllegalStateException:"
                    + " unforeseen at ").endsWith("the records read before it were kept");
        });

        LogFileReader cancelled = new LogFileReader(event -> {
            throw new CancellationException("cancelled");
        }, problems::add);
        assertThatThrownBy(() -> cancelled.read("app.log", new ByteArrayInputStream(
                "2026-12-05 17:00:00 INFO one\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CancellationException.class);
    }

    /**
     * Express run with {@code DEBUG=express:*}: the {@code debug} module's records have a time and no level, and
     * Express's final handler prints a failed request's stack at the margin after them. A Node stack under a record
     * without a level that does not tell of its error is an event of its own; a record that does keeps it, and so
     * does a level-less record over a Java stack.
     */
    @Test
    void aNodeStackAfterARecordWithoutALevelIsAnEventOfItsOwn() {
        read("Sat, 05 Dec 2026 16:47:00 GMT express:router jsonParser  : /boom\n"
                + "Error: inventory unavailable\n"
                + "    at /app/app.js:8:40\n"
                + "    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\n"
                + "Sat, 05 Dec 2026 16:47:00 GMT express:router jsonParser  : /orders\n"
                + "SyntaxError: Expected property name or '}' in JSON at position 1\n"
                + "    at JSON.parse (<anonymous>)\n"
                + "    at parse (/app/node_modules/body-parser/lib/types/json.js:96:19)\n"
                + "Sat, 05 Dec 2026 16:47:01 GMT shop:db query failed: connect ECONNREFUSED 127.0.0.1:5432\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:5432\n"
                + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)\n"
                + "Sat, 05 Dec 2026 16:47:02 GMT orders 7 not saved\n"
                + "java.lang.IllegalStateException: db down\n"
                + "\tat com.acme.Orders.save(Orders.java:12)\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "Sat, 05 Dec 2026 16:47:00 GMT express:router jsonParser  : /boom", "Error: inventory unavailable",
                "Sat, 05 Dec 2026 16:47:00 GMT express:router jsonParser  : /orders",
                "SyntaxError: Expected property name or '}' in JSON at position 1",
                "Sat, 05 Dec 2026 16:47:01 GMT shop:db query failed: connect ECONNREFUSED 127.0.0.1:5432",
                "Sat, 05 Dec 2026 16:47:02 GMT orders 7 not saved");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 3, 1, 3, 3, 3);
        assertThat(ContinuationLines.isJavaScriptFrame("    at node:internal/main/run_main_module:28:49")).isTrue();
        assertThat(ContinuationLines.isJavaScriptFrame("\tat com.acme.Orders.save(Orders.java:12)")).isFalse();
        assertThat(ContinuationLines.isJavaScriptFrame("   at Shop.Orders.Save() in /src/Orders.cs:line 12")).isFalse();
    }

    /**
     * auditd's enriched format writes a group separator (U+001D) between a record's fields and their meanings: it
     * reads as a space, so that {@code res=success} stays a field of its own.
     */
    @Test
    void auditsGroupSeparatorIsASpace() {
        read("type=DAEMON_END msg=audit(1796446645.868:4323): op=terminate auid=0 pid=3145 res=success"
                + "\u001dAUID=\"root\" UID=\"root\"\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("type=DAEMON_END msg=audit(1796446645.868:4323):"
                + " op=terminate auid=0 pid=3145 res=success AUID=\"root\" UID=\"root\"");
    }

    /**
     * apex/log's text handler right-aligns each record's level in six columns, glued to its bracket: every line is
     * indented, and each is a record, not a line continuing the first.
     */
    @Test
    void levelsRightAlignedAndGluedToTheirBracketAreRecords() {
        read("  INFO[0000] order placed              order=1000 user=alice\n"
                + " DEBUG[0000] cache miss                order=1001 user=alice\n"
                + " ERROR[0001] payment failed            error=connection refused order=1002 user=alice\n"
                + "    at the margin of nothing: a continuation\n"
                + "  WARN[0001] slow query                order=1003 user=alice\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 1, 2, 1);
        assertThat(ContinuationLines.isAlignedGluedLevel("  cache[0] warm")).isFalse();
        assertThat(ContinuationLines.isAlignedGluedLevel("INFO[0000] at the margin")).as("not indented").isFalse();
    }

    /**
     * SSSD writes the debug messages that led to an error under a heading after it, and a heading where they end,
     * each opening with a rule of stars: both are part of the error's event. A heading that does not end with a colon
     * (aiohttp's banner printed after its logger's record) opens an event, as does one under bare lines, without a
     * time or level; a banner, its title closed by a rule too, takes the lines under it up to the next heading.
     */
    @Test
    void aHeadingOpeningWithARuleUnderARecordIsPartOfIt() {
        read("(2026-12-05  6:32:32): [be[corp]] [sssd_async_connect_done] (0x0020): connect failed [111].\n"
                + "********************** PREVIOUS MESSAGE WAS TRIGGERED BY THE FOLLOWING BACKTRACE:\n"
                + "   *  (2026-12-05  6:32:32): [be[corp]] [server_setup] (0x0400): CONFDB: /var/lib/sss/db/c.ldb\n"
                + "   *  (2026-12-05  6:32:32): [be[corp]] [sssd_async_connect_done] (0x0020): connect failed.\n"
                + "********************** BACKTRACE DUMP ENDS HERE *********************************\n"
                + "\n"
                + "(2026-12-05  6:32:34): [be[corp]] [sdap_sys_connect_done] (0x0020): connect call failed.\n"
                + "======== Running on http://127.0.0.1:8080 ========\n"
                + "results of run 1\n"
                + "======== run 2:\n"
                + "results of run 2\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 1, 2, 1, 1);
        assertThat(ContinuationLines.opensWithRule("**** too short a rule")).isFalse();
        assertThat(ContinuationLines.opensWithRule("********************")).as("a rule alone").isFalse();
        assertThat(ContinuationLines.opensWithRule("//////////////// slashes")).isFalse();
    }

    /**
     * A routine line that tells of the exception under it (repeats its message, names its class, says "exception")
     * logged it: ActiveMQ logs a client's failed connection at debug with the stack, Python's logging a record with
     * {@code exc_info} at any level. An exception it does not tell of is still an event of its own.
     */
    @Test
    void aRoutineLineThatTellsOfTheExceptionUnderItLoggedIt() {
        read("2026-12-05 04:15:38,033 | DEBUG | Transport Connection to: tcp://127.0.0.1:42512 failed: Unknown data"
                + " type: 47 | org.apache.activemq.broker.TransportConnection.Transport | ActiveMQ Transport\n"
                + "java.io.IOException: Unknown data type: 47\n"
                + "\tat org.apache.activemq.openwire.OpenWireFormat.doUnmarshal(OpenWireFormat.java:371)\n"
                + "2026-12-05 04:15:38,539 | DEBUG | Unexpected exception on asyncDispatch | org.acme.X | main\n"
                + "org.apache.activemq.transport.InactivityIOException: Cannot send, channel has already failed\n"
                + "\tat org.apache.activemq.transport.AbstractInactivityMonitor.doOnewaySend(A.java:329)\n"
                + "2026-12-05 04:15:39,000 | INFO  | closing after an EOFException | org.apache.activemq.X | main\n"
                + "java.io.EOFException\n"
                + "\tat java.io.DataInputStream.readInt(DataInputStream.java:386)\n"
                + "2026-12-05 04:15:40,000 | INFO  | order 7 placed | org.apache.activemq.X | main\n"
                + "java.lang.IllegalStateException: db down\n"
                + "\tat com.acme.Orders.save(Orders.java:12)\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 3, 3, 1, 2);
        assertThat(events.get(4).text()).isEqualTo("java.lang.IllegalStateException: db down");
        List<LogEvent> python = readOn(1, "app.log", "2026-12-05 05:06:55,697 DEBUG shop: retrying order 0 after an"
                + " exception\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/srv/app.py\", line 6, in <module>\n"
                + "KeyError: 'order0'\n"
                + "2026-12-05 05:06:55,701 INFO shop: order 0 retried\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/srv/app.py\", line 9, in <module>\n"
                + "ZeroDivisionError: division by zero\n");
        assertThat(python).extracting(LogEvent::lines).as("logged with exc_info, then uncaught")
                .containsExactly(4, 1, 3);
    }

    /**
     * An exception whose message runs on over indented lines before its frames (PostgreSQL's JDBC driver adds
     * {@code   Position: 15}, {@code   Detail: ...}) is still one stack: under a line that logged it, or an event of
     * its own after a routine line, its message lines with it either way.
     */
    @Test
    void anExceptionsIndentedMessageLinesStayWithItsFrames() {
        String exception = "org.postgresql.util.PSQLException: ERROR: relation \"orders\" does not exist\n"
                + "  Position: 15\n"
                + "  Where: SQL function \"totals\"\n"
                + "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)\n";
        read("2024-03-01 12:00:00.000 ERROR [exec-1] o.a.c.c.C.[dispatcherServlet] : Servlet.service() failed\n"
                + exception
                + "2024-03-01 12:00:01.000 INFO [exec-2] c.a.Orders : order 7 placed\n"
                + exception
                + "2024-03-01 12:00:02.000 INFO [exec-2] c.a.Orders : order 8 placed\n"
                + "org.postgresql.util.PSQLException: ERROR: relation \"orders\" does not exist\n"
                + "  Position: 15\n"
                + "2024-03-01 12:00:03.000 INFO [exec-2] c.a.Orders : order 9 placed\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 1, 4, 1, 2, 1);
        assertThat(events.get(0).continuation()).isEqualTo(exception.strip());
        assertThat(events.get(2).text()).startsWith("org.postgresql.util.PSQLException:");
        assertThat(events.get(2).continuation()).startsWith("  Position: 15\n  Where: ").endsWith("2676)");
        assertThat(events.get(4).continuation()).as("without frames: the exception and its message, on their own")
                .isEqualTo("  Position: 15");
    }

    /**
     * An uncaught exception that ends a process is an event whose message is the exception: Node's crash (the site,
     * the source line and its caret, the exception, its stack, a properties object, {@code Node.js v20...}) and a
     * Python traceback the interpreter printed after a routine line. Before, every Node crash was a file name and
     * every uncaught Python exception was one template, {@code Traceback (most recent call last):}, or hidden under
     * the INFO line before it.
     */
    @Test
    void anUncaughtExceptionIsAnEventNamedByTheException() {
        read("2024-03-01T12:00:00.000Z info server started\n"
                + "/app/server.js:3\n"
                + "setTimeout(() => { const o = undefined; console.log(o.items.length); }, 100);\n"
                + "                                                      ^\n"
                + "\n"
                + "TypeError: Cannot read properties of undefined (reading 'items')\n"
                + "    at Timeout._onTimeout (/app/server.js:3:55)\n"
                + "    at listOnTimeout (node:internal/timers:581:17)\n"
                + "\n"
                + "Node.js v20.20.2\n"
                + "node:internal/modules/cjs/loader:1210\n"
                + "  throw err;\n"
                + "  ^\n"
                + "\n"
                + "Error: Cannot find module '/app/nope.js'\n"
                + "    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15) {\n"
                + "  code: 'MODULE_NOT_FOUND',\n"
                + "  requireStack: []\n"
                + "}\n"
                + "\n"
                + "Node.js v20.20.2\n"
                + "2024-03-01 12:00:01,653 INFO starting\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/p.py\", line 4, in f\n"
                + "    return d[\"x\"]\n"
                + "KeyError: 'x'\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("2024-03-01T12:00:00.000Z info server started",
                "TypeError: Cannot read properties of undefined (reading 'items')",
                "Error: Cannot find module '/app/nope.js'", "2024-03-01 12:00:01,653 INFO starting", "KeyError: 'x'");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 2L, 11L, 22L, 23L);
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 7, 9, 1, 4);
        assertThat(events.get(1).continuation()).startsWith("/app/server.js:3\nsetTimeout(")
                .contains("\n    at Timeout._onTimeout").endsWith("\nNode.js v20.20.2");
        assertThat(events.get(4).continuation()).startsWith("Traceback (most recent call last):\n  File ");
    }

    /**
     * A Node process ended by a thrown value that is no Error ({@code throw "boom"}) prints the site, the source line,
     * the caret, the value and a hint: one event named by the value, an error by Node's last words.
     */
    @Test
    void aThrownValueThatEndedNodeIsTheEventsMessage() {
        read("starting\n"
                + "\n"
                + "/app/t.js:2\n"
                + "setTimeout(() => { throw \"boom: config missing\"; }, 5);\n"
                + "                   ^\n"
                + "boom: config missing\n"
                + "(Use `node --trace-uncaught ...` to show where the exception was thrown)\n"
                + "\n"
                + "Node.js v20.20.2\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("starting", "boom: config missing");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 6);
        assertThat(events.get(1).continuation()).startsWith("/app/t.js:2\n").endsWith("Node.js v20.20.2");
        assertThat(events.get(1).carriesStack()).isTrue();
        assertThat(events.get(0).carriesStack()).isFalse();
    }

    /**
     * Node prints a hint under a process warning it shows without its stack ({@code (Use `node --trace-deprecation
     * ...`}, {@code --trace-warnings}): the hint is the warning's, not an event of its own.
     */
    @Test
    void nodesHintUnderAWarningIsTheWarnings() {
        read("server listening on 3000\n"
                + "(node:1970) [DEP0005] DeprecationWarning: Buffer() is deprecated.\n"
                + "(Use `node --trace-deprecation ...` to show where the warning was created)\n"
                + "(node:1970) CacheWarning: cache size exceeded 100MB\n"
                + "(Use `node --trace-warnings ...` to show where the warning was created)\n"
                + "(Used by nothing: no hint)\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 2, 2, 1);
    }

    /**
     * A chained Python traceback the interpreter printed is named by its last exception, the one that ended the
     * program; the first goes back under it where it stood.
     */
    @Test
    void anUncaughtChainedTracebackIsNamedByItsLastException() {
        read("Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 13, in <module>\n"
                + "ZeroDivisionError: division by zero\n"
                + "\n"
                + "The above exception was the direct cause of the following exception:\n"
                + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 15, in <module>\n"
                + "ValueError: bad ratio\n"
                + "2024-03-01 12:00:01,653 ERROR order 7 failed\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 3, in <module>\n"
                + "KeyError: 'x'\n"
                + "\n"
                + "During handling of the above exception, another exception occurred:\n"
                + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 5, in <module>\n"
                + "RuntimeError: lookup failed\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("ValueError: bad ratio",
                "2024-03-01 12:00:01,653 ERROR order 7 failed");
        assertThat(events.get(0).continuation()).isEqualTo("Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 13, in <module>\n"
                + "ZeroDivisionError: division by zero\n"
                + "The above exception was the direct cause of the following exception:\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/jobs.py\", line 15, in <module>");
        assertThat(events).extracting(LogEvent::lines).containsExactly(7, 8);
    }

    /**
     * Ruby's report of an exception that ended the program is an event of its own after a routine record of its
     * {@code Logger}, whose rule otherwise folds every line without the header into the record before; after an
     * error record it stays under it.
     */
    @Test
    void aRubyCrashAfterARoutineRecordIsAnEventOfItsOwn() {
        String crash = "app.rb:2:in `foo': undefined method `bar' for nil:NilClass (NoMethodError)\n"
                + "  x.bar\n"
                + "\tfrom app.rb:5:in `<main>'\n";
        read("I, [2024-03-01T12:00:00.123456 #42]  INFO -- : starting\n" + crash
                + "E, [2024-03-01T12:00:01.123456 #42] ERROR -- : could not start\n" + crash);
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 3, 4);
        assertThat(events.get(1).text()).startsWith("app.rb:2:in `foo'");
        assertThat(events.get(1).carriesStack()).isTrue();
        assertThat(ContinuationLines.isRubyCrash("[req-7] app/controllers/orders_controller.rb:5:in `show'")).isFalse();
    }

    /**
     * A program that logs an exception and raises it again prints the trace twice: under the error record, then the
     * interpreter's own when the exception ends the program. The second is an event of its own, named by the
     * exception (it was hidden under the record). A traceback the record quoted after its own (Celery's task error)
     * stays with it, and so does a crash the record wrote as its message.
     */
    @Test
    void aTraceAfterTheOneARecordLoggedIsTheInterpretersOwn() {
        read("2026-12-04 17:53:30,023 ERROR shop: charge failed\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/app.py\", line 5, in charge\n"
                + "ValueError: card declined for order 7\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/app.py\", line 5, in charge\n"
                + "ValueError: card declined for order 7\n"
                + "E, [2026-12-04T17:53:09.561649 #16093] ERROR -- : failed: card declined for order 3\n"
                + "app.rb:5:in `charge'\n"
                + "app.rb:8:in `<main>'\n"
                + "app.rb:5:in `charge': card declined for order 3 (ArgumentError)\n"
                + "\tfrom app.rb:19:in `<main>'\n"
                + "E, [2026-12-04T17:53:10.000000 #16093] ERROR -- : failed again\n"
                + "app.rb:5:in `charge': card declined for order 4 (ArgumentError)\n"
                + "\tfrom app.rb:19:in `<main>'\n"
                + "[2026-12-04 17:46:27,803: ERROR/ForkPoolWorker-1] Task tasks.charge[31db] raised unexpected: "
                + "ExceptionWithTraceback()\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/celery/app/trace.py\", line 451, in trace_task\n"
                + "billiard.einfo.ExceptionWithTraceback: \n"
                + "\"\"\"\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/tasks.py\", line 9, in charge\n"
                + "ValueError: card declined for order 0\n"
                + "\"\"\"\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "2026-12-04 17:53:30,023 ERROR shop: charge failed", "ValueError: card declined for order 7",
                "E, [2026-12-04T17:53:09.561649 #16093] ERROR -- : failed: card declined for order 3",
                "app.rb:5:in `charge': card declined for order 3 (ArgumentError)",
                "E, [2026-12-04T17:53:10.000000 #16093] ERROR -- : failed again",
                "[2026-12-04 17:46:27,803: ERROR/ForkPoolWorker-1] Task tasks.charge[31db] raised unexpected: "
                        + "ExceptionWithTraceback()");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 3, 3, 2, 3, 9);
        assertThat(events.get(1).carriesStack()).isTrue();
    }

    /**
     * koa-logger prints every line indented by two spaces, an error's stack under it further: that margin is not a
     * continuation (the whole log was one event), the stack under the margin still is.
     */
    @Test
    void aLogPrintedIndentedIsReadFromItsOwnMargin() {
        read("  <-- GET /a\n  --> GET /a 200 5ms 2b\n  <-- GET /boom\n  xxx GET /boom 500 0ms -\n\n"
                + "  Error: db down\n      at /app/k.js:3:56\n"
                + "      at dispatch (/app/node_modules/koa-compose/index.js:42:32)\n"
                + "\n  <-- GET /missing\n  --> GET /missing 404 1ms 9b\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("<-- GET /a", "--> GET /a 200 5ms 2b",
                "<-- GET /boom", "xxx GET /boom 500 0ms -", "Error: db down", "<-- GET /missing",
                "--> GET /missing 404 1ms 9b");
        assertThat(events.get(4).continuation()).startsWith("    at /app/k.js:3:56");
    }

    /**
     * A koa app prints its own lines at the margin among koa-logger's, two spaces in: each request line is an event
     * of its own, where they were all folded under the app's last print; an error's stack under its print still folds,
     * and an indented line of another shape (no method in capitals, no path) still continues.
     */
    @Test
    void koaLoggersRequestsAmongTheAppsPrintsAreEvents() {
        read("listening on 8091\n  <-- GET /orders/1\n  --> GET /orders/1 200 21ms 10b\n  <-- GET /orders/5\n"
                + "  xxx GET /orders/5 500 1ms -\nserver error Error: charge failed for order 5\n"
                + "    at /app/app.js:4:69\n  --> see the docs\n  <-- POST /orders\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("listening on 8091", "  <-- GET /orders/1",
                "  --> GET /orders/1 200 21ms 10b", "  <-- GET /orders/5", "  xxx GET /orders/5 500 1ms -",
                "server error Error: charge failed for order 5", "  <-- POST /orders");
        assertThat(events.get(5).continuation()).isEqualTo("    at /app/app.js:4:69\n  --> see the docs");
    }

    /** consola's fancy reporter prints a warning's or an error's badge one space in: an event, not a continuation. */
    @Test
    void aLevelBadgeOneSpaceInOpensAnEvent() {
        read("\u2139 starting cart service\n\n WARN  cache miss rate high\n\n\n ERROR  redis down\n\n"
                + "    at Object.<anonymous> (cons.js:2:92)\n"
                + "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
                + "\n\u2714 ready\n WARN not a badge: one space after\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("\u2139 starting cart service",
                " WARN  cache miss rate high", " ERROR  redis down", "\u2714 ready");
        assertThat(events.get(2).continuation()).startsWith("    at Object.<anonymous>");
        assertThat(events.get(3).continuation()).isEqualTo(" WARN not a badge: one space after");
    }

    /**
     * Twisted logs a failure as {@code Unhandled Error} with the traceback indented under it, and a failure that
     * carries no frames (an errback's) as the traceback's first line and the exception alone: an error either way.
     * Sinatra prints a Ruby backtrace a frame to a line.
     */
    @Test
    void aTracebackWithoutFramesOrARubyBacktraceCarriesAStack() {
        read("2026-12-03 17:48:47+0000 [-] Unhandled error in Deferred:\n"
                + "2026-12-03 17:48:47+0000 [-] Unhandled Error\n"
                + "\tTraceback (most recent call last):\n"
                + "\tFailure: builtins.RuntimeError: payment gateway down\n"
                + "\t\n"
                + "2026-12-03 17:48:47+0000 [-] Main loop terminated.\n");
        assertThat(events.get(1).continuation()).endsWith("Failure: builtins.RuntimeError: payment gateway down");
        assertThat(events).extracting(LogEvent::carriesStack).containsExactly(false, true, false);

        events.clear(); // Sinatra's report of an exception: a Ruby backtrace, a frame to a line
        read("2026-12-03 18:27:11 - KeyError - price missing for 3:\n"
                + "\tapp.rb:9:in `block in <main>'\n"
                + "\t/usr/share/gems/sinatra-3.0.5/lib/sinatra/base.rb:1696:in 'call'\n"
                + "2026-12-03 18:27:12 - a report of its own:\n"
                + "\tapp.rb:in `no line'\n\tnot:1:in a frame\n");
        assertThat(events).extracting(LogEvent::carriesStack).containsExactly(true, false);
    }

    /**
     * A Rust panic is one event named by its message: {@code thread 'main' panicked at src/main.rs:7:33:} with the
     * message on the next line (Rust 1.73 on), the backtrace and its note folded under it; the older form, the message
     * inside the first line, keeps that line and folds the note.
     */
    @Test
    void aRustPanicIsAnEventNamedByItsMessage() {
        read("[2024-03-01T12:00:00Z INFO  shop] order 5 placed\n"
                + "\n"
                + "thread 'main' (23916) panicked at src/main.rs:7:33:\n"
                + "index out of bounds: the len is 3 but the index is 5\n"
                + "stack backtrace:\n"
                + "   0: __rustc::rust_begin_unwind\n"
                + "             at /rustc/5980/library/std/src/panicking.rs:689:5\n"
                + "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n"
                + "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: \"no\"', src/main.rs:8:7\n"
                + "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "[2024-03-01T12:00:00Z INFO  shop] order 5 placed",
                "index out of bounds: the len is 3 but the index is 5",
                "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: \"no\"', src/main.rs:8:7");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 6, 2);
        assertThat(events.get(1).continuation()).startsWith("thread 'main' (23916) panicked at src/main.rs:7:33:\n")
                .endsWith("for a verbose backtrace.");
        assertThat(events.get(1).carriesStack()).isTrue();
        assertThat(events.get(2).carriesStack()).as("a panic before Rust 1.73, no backtrace").isTrue();
        assertThat(events.get(0).carriesStack()).isFalse();
    }

    /**
     * Elixir's logger reports a crashed process with its exception ({@code ** (KeyError) ...}), frames, and the report
     * running on at the margin (last message, state, the client): all under the record that logged it, up to the next
     * record. An exception the runtime printed after a routine record (a script's uncaught raise) is an event of its
     * own, an error by its Elixir frames.
     */
    @Test
    void anElixirCrashReportIsPartOfTheRecordThatLoggedIt() {
        read("\n15:05:36.220 [error] GenServer #PID<0.103.0> terminating\n"
                + "** (KeyError) key :id not found in: nil\n"
                + "    b.exs:5: Cart.handle_call/3\n"
                + "    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4\n"
                + "Last message (from #PID<0.96.0>): {:add, nil}\n"
                + "State: %{}\n"
                + "Client #PID<0.96.0> is alive\n"
                + "\n"
                + "    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3\n"
                + "\n"
                + "15:05:36.434 [info] after crash\n"
                + "** (RuntimeError) fatal at end\n"
                + "    a.exs:10: (file)\n"
                + "    (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "15:05:36.220 [error] GenServer #PID<0.103.0> terminating", "15:05:36.434 [info] after crash",
                "** (RuntimeError) fatal at end");
        assertThat(events).extracting(LogEvent::lines).containsExactly(8, 1, 3);
        assertThat(events.get(0).continuation()).startsWith("** (KeyError)").endsWith("GenServer.call/3");
        assertThat(events.get(2).carriesStack()).isTrue();
        assertThat(events.get(1).carriesStack()).isFalse();
    }

    /**
     * A record whose message opens a bracket it does not close runs on until a line closes it (Tomcat's report of a
     * failed JSP: the page's source lines, blank lines among them, then {@code Stacktrace:] with root cause} and the
     * indented exception), or until a line opens as the record did.
     */
    @Test
    void aRecordWithABracketOpenRunsOnUntilItCloses() {
        String record = "03-Dec-2026 15:40:06.572 SEVERE [http-nio-8092-exec-3] org.apache.catalina.core."
                + "StandardWrapperValve.invoke Servlet.service() for servlet [jsp] threw exception [An exception "
                + "occurred processing [/boom.jsp] at line [1]\n";
        read(record
                + "\n"
                + "1: <% if (id > 2) throw new IllegalStateException(\"order \" + id); %>ok\n"
                + "\n"
                + "Stacktrace:] with root cause\n"
                + "\tjava.lang.IllegalStateException: order 3 not found\n"
                + "\t\tat org.apache.jsp.boom_jsp._jspService(boom_jsp.java:121)\n"
                + "after the record\n"
                + record
                + "1: <% a[0] %>\n"
                + "03-Dec-2026 15:40:07.001 INFO [main] org.apache.catalina.startup.Catalina.start Server startup\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 1, 2, 1);
        assertThat(events.get(0).continuation()).startsWith("1: <% if").endsWith("(boom_jsp.java:121)");
    }

    /**
     * A bracket a record leaves open is tracked from the line under it, indented or not: WildFly prints an operation's
     * address over lines, indented, and closes it at the margin before the failure's description.
     */
    @Test
    void aBracketLeftOpenOverIndentedLinesClosesAtTheMargin() {
        read("2026-12-06 08:06:38,201 ERROR [org.jboss.as.controller.management-operation] (management-handler-"
                + "thread - 2) WFLYCTL0013: Operation (\"test-connection-in-pool\") failed - address: ([\n"
                + "    (\"subsystem\" => \"datasources\"),\n"
                + "    (\"data-source\" => \"OrdersDS\")\n"
                + "]) - Stage: (RUNTIME) - failure description: \"WFLYJCA0047: Connection is not valid\"\n"
                + "after the record\n"
                + "2026-12-06 08:06:45,930 INFO  [org.wildfly.extension.undertow] (ServerService Thread Pool -- 17) "
                + "WFLYUT0022: Unregistered web context: '/shop' from server 'default-server'\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 1);
        assertThat(events.get(0).continuation())
                .endsWith("failure description: \"WFLYJCA0047: Connection is not valid\"");
    }

    /** Spark's failed job message ends with {@code Driver stacktrace:} after a blank line: it is the message's. */
    @Test
    void sparksDriverStacktraceLineEndsTheFailedJobsMessage() {
        read("26/12/06 08:16:23 INFO DAGScheduler: ShuffleMapStage 3 (collect at Job.java:18) failed in 0.337 s due to "
                + "Job aborted due to stage failure: Task 1 in stage 3.0 failed 1 times, most recent failure: "
                + "Lost task 1.0 in stage 3.0 (TID 4): java.lang.IllegalStateException: order 123457 has no payment\n"
                + "\tat demo.Job.lambda$main$1(Job.java:15)\n"
                + "\t... 21 more\n"
                + "\n"
                + "Driver stacktrace:\n"
                + "26/12/06 08:16:23 INFO DAGScheduler: Job 2 failed: collect at Job.java:18, took 0.351 s\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1);
        assertThat(events.get(0).continuation()).endsWith("Driver stacktrace:");
    }

    /**
     * A Python warning whose message runs over lines at the margin is one event up to its source line, indented;
     * the line after that opens an event of its own.
     */
    @Test
    void aPythonWarningsMessageRunsOnToItsSourceLine() {
        read("/usr/lib/python3/dist-packages/celery/platforms.py:840: SecurityWarning: You're running the worker "
                + "with superuser privileges: this is\n"
                + "absolutely not recommended!\n"
                + "\n"
                + "Please specify a different user using the --uid option.\n"
                + "  warnings.warn(SecurityWarning(ROOT_DISCOURAGED.format(\n"
                + "worker ready\n"
                + "/app/db.py:12: DeprecationWarning: utcnow() is deprecated\n"
                + "  now = datetime.utcnow()\n"
                + "[2026-12-03 15:35:32,101: INFO/MainProcess] Connected\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 2, 1);
        assertThat(events.get(0).continuation()).endsWith("  warnings.warn(SecurityWarning(ROOT_DISCOURAGED.format(");
    }

    /**
     * Jetty 9 logs a failed deployment with the exception under the record: Java's XML parser writes its exception
     * with a semicolon after the name ({@code org.xml.sax.SAXParseException; lineNumber: 2; ...}), and a record
     * logged with no message ends with the thread, a colon and a space, the exception its message.
     */
    @Test
    void jettysExceptionsUnderTheirRecords() {
        read("2026-12-04 07:57:08.540:WARN:oejw.WebAppContext:Scanner-0: Failed startup of context bad\n"
                + "org.xml.sax.SAXParseException; lineNumber: 2; columnNumber: 1; XML document structures must end.\n"
                + "\tat org.eclipse.jetty.xml.XmlParser.parse(XmlParser.java:254)\n"
                + "\tat org.eclipse.jetty.webapp.Descriptor.parse(Descriptor.java:53)\n"
                + "2026-12-04 07:57:08.548:WARN:oejs.BaseHolder:Scanner-0: \n"
                + "java.lang.ClassNotFoundException: com.shop.OrdersServlet\n"
                + "\tat java.base/java.net.URLClassLoader.findClass(URLClassLoader.java:445)\n"
                + "2026-12-04 07:57:33.494:INFO:oejs.AbstractConnector:JettyShutdownThread: Stopped ServerConnector\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 3, 1);
        assertThat(events.get(1).text()).endsWith("Scanner-0: java.lang.ClassNotFoundException: com.shop.OrdersServlet");
    }

    /**
     * Samba writes each record's header on a line of its own (the time, its debug level, the source file, line and
     * function) and the message under it, indented by two: the message's first line is joined to the header, the
     * rest folded under it. An indented line under another header is folded as before.
     */
    @Test
    void sambasMessageUnderItsHeaderIsJoinedToIt() {
        read("[2026/12/04 08:11:32.356265,  0] ../../source3/smbd/server.c:1741(main)\n"
                + "  smbd version 4.17.12-Debian started.\n"
                + "  Copyright Andrew Tridgell and the Samba Team 1992-2022\n"
                + "[2026/12/04 08:11:34.441992,  2] ../../source3/auth/auth.c:345(auth_check_ntlm_password)\n"
                + "  check_ntlm_password:  Authentication for user [root] -> [root] FAILED\n"
                + "[2026/12/04 08:11:35.000000] shutting down\n"
                + "  with 2 open connections\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "[2026/12/04 08:11:32.356265,  0] ../../source3/smbd/server.c:1741(main) smbd version 4.17.12-Debian "
                        + "started.",
                "[2026/12/04 08:11:34.441992,  2] ../../source3/auth/auth.c:345(auth_check_ntlm_password) "
                        + "check_ntlm_password:  Authentication for user [root] -> [root] FAILED",
                "[2026/12/04 08:11:35.000000] shutting down");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 2, 2);
    }

    /**
     * Mopidy writes a record's header (level, time, process and thread in brackets, logger) on a line of its own and
     * the message under it, two spaces in: the message is joined to the header, and a traceback at the margin after a
     * debug record whose message says {@code exception} is that record's. A header whose last word is no dotted name
     * (a message of one word) keeps the indented line under it folded.
     */
    @Test
    void aMessageUnderAHeaderThatEndsWithItsLoggerIsJoinedToIt() {
        read("INFO     2026-12-06 18:09:29,940 [5906:MainThread] mopidy.__main__\n"
                + "  Starting Mopidy 3.4.1\n"
                + "DEBUG    2026-12-06 18:10:10,943 [5958:StreamBackend-5 (_actor_loop)] mopidy.internal.http\n"
                + "  Download exception details\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/requests/adapters.py\", line 489, in send\n"
                + "    resp = conn.urlopen(\n"
                + "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1)\n"
                + "INFO     2026-12-06 18:10:11,000 [5958:MainThread] starting\n"
                + "  with two workers\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "INFO     2026-12-06 18:09:29,940 [5906:MainThread] mopidy.__main__ Starting Mopidy 3.4.1",
                "DEBUG    2026-12-06 18:10:10,943 [5958:StreamBackend-5 (_actor_loop)] mopidy.internal.http Download "
                        + "exception details",
                "INFO     2026-12-06 18:10:11,000 [5958:MainThread] starting");
        assertThat(events).extracting(LogEvent::lines).containsExactly(2, 6, 2);
    }

    /**
     * aria2 writes the exception that made a download retry or abort at the margin right under the record that says
     * so, {@code Exception:} and the source's place, its causes under it two spaces and an arrow in: they are that
     * record's lines. The same line under a record's further line, or under a line that is no record, is not.
     */
    @Test
    void anExceptionAtTheMarginRightUnderARecordIsThatRecords() {
        read("2026-12-06 18:19:04.117504 [INFO] [AbstractCommand.cc:366] CUID#7 - Restarting the download. "
                + "URI=http://127.0.0.1:1/nosuch.iso\n"
                + "Exception: [AbstractCommand.cc:368] errorCode=1 URI=http://127.0.0.1:1/nosuch.iso\n"
                + "  -> [AbstractCommand.cc:856] errorCode=1 Failed to establish connection, cause: refused\n"
                + "2026-12-06 18:19:04.117702 [ERROR] [AbstractCommand.cc:377] CUID#7 - Download aborted.\n"
                + "Exception: [AbstractCommand.cc:856] errorCode=1 Failed to establish connection\n"
                + "2026-12-06 18:19:04.118000 [INFO] [Context.cc:183] gcc 10.2.1 20210110\n"
                + "  built by  x86_64-pc-linux-gnu\n"
                + "Exception: [Context.cc:190] not under the first line\n"
                + "download results:\n"
                + "Exception: [Context.cc:191] not under a record\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 2, 2, 1, 1, 1);
        assertThat(events.get(1).continuation())
                .isEqualTo("Exception: [AbstractCommand.cc:856] errorCode=1 Failed to establish connection");
    }

    /**
     * Unbound logs a DNS message as dig prints one, after the text that says which: its flags, its sections' headings,
     * records and blank lines at the margin, up to its size, its last. They are that record's lines, up to the next
     * record; the same lines under a record that printed no message's header are events of their own.
     */
    @Test
    void aDnsMessagePrintedAsDigShowsOneIsTheRecordsThatPrintedIt() {
        read("[1796590626] unbound[23015:0] info: reply from <.> 170.247.170.2#53\n"
                + "[1796590626] unbound[23015:0] info: incoming scrubbed packet: ;; ->>HEADER<<- opcode: QUERY, "
                + "rcode: NOERROR, id: 0\n"
                + ";; flags: qr aa ; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0 \n"
                + ";; QUESTION SECTION:\n"
                + "example.com.\tIN\tA\n"
                + "\n"
                + ";; ANSWER SECTION:\n"
                + "example.com.\t3600\tIN\tA\t93.184.216.34\n"
                + "\n"
                + ";; MSG SIZE  rcvd: 45\n"
                + "\n"
                + "a line at the margin after the message\n"
                + "[1796590626] unbound[23015:0] info: response for example.com. A IN\n"
                + ";; ANSWER SECTION:\n"
                + "[1796590627] unbound[23015:0] info: incoming scrubbed packet: ;; ->>HEADER<<- opcode: QUERY, "
                + "rcode: NXDOMAIN, id: 0\n"
                + ";; flags: qr ra ; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0 \n"
                + "[1796590627] unbound[23015:0] debug: the size went missing\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 7, 1, 1, 1, 2, 1);
        assertThat(events.get(1).continuation()).startsWith(";; flags: qr aa ;").endsWith(";; MSG SIZE  rcvd: 45");
    }

    /**
     * Twisted writes a Failure's traceback with a mark between the frames that called the code that caught the
     * exception and those that raised it: the traceback goes on past the mark to its exception. A Failure shown in a
     * message opens a bracket its brief frames ({@code file:line:function}) and the mark go under, up to its close,
     * though a bare print wrote it; another bare line that leaves a bracket open takes nothing under it.
     */
    @Test
    void twistedFailuresGoOnPastTheirMarkAndUpToTheirBracketsClose() {
        read("Unhandled error in Deferred:\n"
                + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/twisted/internet/defer.py\", line 1815, in _cancellable\n"
                + "    _inlineCallbacks(None, gen, status)\n"
                + "--- <exception caught here> ---\n"
                + "  File \"/usr/lib/python3/dist-packages/deluge/log.py\", line 65, in debug\n"
                + "    yield LoggingLoggerClass.debug(self, msg, *args, **kwargs)\n"
                + "builtins.TypeError: Logging.findCaller() takes from 1 to 2 positional arguments but 3 were given\n"
                + "\n"
                + "Temporarily disabling observer LegacyLogObserverWrapper(<bound method emit>) due to exception: "
                + "[Failure instance: Traceback: <class 'TypeError'>: Logging.findCaller() takes 2 arguments\n"
                + "/usr/lib/python3/dist-packages/twisted/logger/_logger.py:142:emit\n"
                + "--- <exception caught here> ---\n"
                + "/usr/lib/python3/dist-packages/deluge/log.py:204:emit\n"
                + "]\n"
                + "Listing [a bracket left open\n"
                + "/usr/lib/python3/dist-packages/deluge/log.py:204:emit\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(8, 5, 1, 1);
        assertThat(events.get(0).text()).isEqualTo("Unhandled error in Deferred:");
        assertThat(events.get(0).continuation()).endsWith("builtins.TypeError: Logging.findCaller() takes from 1 to 2 "
                + "positional arguments but 3 were given");
    }

    /**
     * Dante writes a session's timings under the record that ends it, a table whose labels are padded to align their
     * colons: its rows go on with the record, the longest label's (one space before its colon) too, in the colons'
     * column right under a padded row. A label and a colon without padding is no row of a table: an event of its own.
     */
    @Test
    void rowsOfATableOfAlignedLabelsGoOnWithTheRecordAboveThem() {
        read("Dec  6 19:00:07 (1796583607.114694) danted[22480]: info: pass(1): tcp/accept ]: remote peer error\n"
                + "accept to negotiate start       : 0.002822s\n"
                + "negotiate finish to established : N/A\n"
                + "total session duration          : 0.022871s\n"
                + "Dec  6 19:00:07 (1796583607.105066) danted[22464]: debug: send_io(): sending 2 descriptors\n"
                + "Control: -1 (laddr: N/A, raddr: N/A, protocol: N/A)\n"
                + "Src    : 10 (laddr: 127.0.0.1.1080, raddr: 127.0.0.1.55938, protocol: tcp)\n"
                + "Dec  6 19:00:08 (1796583608.000000) danted[22464]: info: stopping\n"
                + "Status: stopped\n"
                + "total session duration : 0.1s\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 2, 1, 1, 1);
        assertThat(events.get(0).continuation()).endsWith("total session duration          : 0.022871s");
    }

    /**
     * Scrapy logs through Python's logging: a warning it captures ({@code [py.warnings] WARNING:}) runs over paragraphs
     * to its source line as the warning alone does, and the item printed under {@code Scraped from} (a dict, one line
     * at the margin) belongs to that record. A line at the margin that is no Python literal is still an event.
     */
    @Test
    void scrapysCapturedWarningAndScrapedItemBelongToTheirRecords() {
        String scraped = "2026-12-04 07:34:06 [scrapy.core.scraper] DEBUG: Scraped from <200 http://127.0.0.1/p1>\n";
        read("2026-12-04 07:34:05 [py.warnings] WARNING: /usr/lib/python3/dist-packages/scrapy/utils/request.py:232: "
                + "ScrapyDeprecationWarning: '2.6' is a deprecated value.\n"
                + "\n"
                + "It is also the default value.\n"
                + "\n"
                + "See the documentation of the setting.\n"
                + "  return cls(crawler)\n"
                + "\n"
                + scraped
                + "{'url': 'http://127.0.0.1/p1', 'price': '1.99'}\n"
                + scraped
                + "done: 1 item\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 2, 1, 1);
        assertThat(events.get(0).continuation()).endsWith("  return cls(crawler)");
        assertThat(events.get(1).continuation()).isEqualTo("{'url': 'http://127.0.0.1/p1', 'price': '1.99'}");
    }

    /**
     * A list a record prints one word a line after a colon (unattended-upgrades' packages, joined with line breaks)
     * is the record's: one event, not one per item. A sentence's last word, a level's name and a line of two words
     * are not a list's items, nor is a word under a record that opens no list.
     */
    @Test
    void aListOfWordsUnderARecordBelongsToIt() {
        read("2026-12-04 10:27:17,023 DEBUG pkgs that look like they should be upgraded: appstream\n"
                + "apt\n"
                + "libssl3\n"
                + "python3.11-minimal\n"
                + "2026-12-04 10:27:36,957 WARNING SIGTERM received, will stop\n"
                + "appstream\n"
                + "done.\n"
                + "ERROR\n"
                + "two words\n"
                + "2026-12-04 10:27:37,000 INFO Packages held back:\n"
                + "lib-held\n".repeat(40)
                + "2026-12-04 10:27:38,000 INFO done\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 1, 1, 1, 1, 41, 1);
        assertThat(events.get(0).continuation()).isEqualTo("apt\nlibssl3\npython3.11-minimal");
    }

    /**
     * OTP's legacy report (Erlang's default handler) is a header line, the message under it and the report's lines:
     * one event, the header joined to the message's first line; a crash report's process info folded.
     */
    @Test
    void anErlangReportIsItsHeaderAndTheLinesUnderIt() {
        read("=PROGRESS REPORT==== 3-Dec-2026::15:06:08.236250 ===\n"
                + "    application: kernel\n"
                + "    started_at: nonode@nohost\n"
                + "\n"
                + "=ERROR REPORT==== 3-Dec-2026::15:06:08.309562 ===\n"
                + "** Generic server cart terminating \n"
                + "** Last message in was {add,0}\n"
                + "** {badarith,[{erlang,'div',[1,0],[]},\n"
                + "              {cart,handle_call,3,[{file,\"cart.erl\"},{line,6}]}]}\n"
                + "=CRASH REPORT==== 3-Dec-2026::15:06:08.309763 ===\n"
                + "  crasher:\n"
                + "    initial call: cart:init/1\n"
                + "  neighbours:\n"
                + "=ERROR REPORT==== 3-Dec-2026::15:06:08.617830 ===\n"
                + "payment failed for order 17: timeout\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "=PROGRESS REPORT==== 3-Dec-2026::15:06:08.236250 === application: kernel",
                "=ERROR REPORT==== 3-Dec-2026::15:06:08.309562 === ** Generic server cart terminating",
                "=CRASH REPORT==== 3-Dec-2026::15:06:08.309763 === crasher:",
                "=ERROR REPORT==== 3-Dec-2026::15:06:08.617830 === payment failed for order 17: timeout");
        assertThat(events).extracting(LogEvent::lines).containsExactly(3, 5, 4, 2);
        assertThat(events.get(1).continuation()).startsWith("** Last message in was {add,0}\n** {badarith");
    }

    /**
     * A Python exception's message runs on at the margin until a line opens as its event did, or has a time of its
     * own: another logger's line interleaved with it (werkzeug's access line after Flask's logged exception) is an
     * event, not more of the message.
     */
    @Test
    void anotherLoggersLineEndsAPythonExceptionsMessage() {
        read("[2026-12-03 13:23:41,279] ERROR in app: Exception on /orders/5 [GET]\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/app.py\", line 10, in order\n"
                + "    raise ValueError(f\"order {oid} has no items\")\n"
                + "ValueError: order 5 has no items\n"
                + "the order was empty\n"
                + "127.0.0.1 - - [03/Dec/2026 13:23:41] \"GET /orders/5 HTTP/1.1\" 500 -\n"
                + "127.0.0.1 - - [03/Dec/2026 13:23:42] \"GET /orders/6 HTTP/1.1\" 200 -\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(6, 1, 1);
        assertThat(events.get(0).continuation()).endsWith("ValueError: order 5 has no items\nthe order was empty");
        assertThat(ContinuationLines.hasTimeOfDay("2024-03-01 12:00:00 INFO x")).isTrue();
        assertThat(ContinuationLines.hasTimeOfDay("[SQL: SELECT * FROM orders WHERE id = ?]")).isFalse();
    }

    /**
     * A record that ends with a colon, or with its header's separator and no message, is followed by its message's
     * lines at the margin: Spring Boot's failure report (the first line with a word is the message, rules of stars
     * left under it), a list a line announces. They continue it until a line opens as it did.
     */
    @Test
    void aRecordWithoutAMessageOrEndingInAColonTakesTheLinesAfterIt() {
        read("2024-03-01 12:00:00.112  INFO 45469 --- [main] c.a.shop.ShopApplication : Starting shop\n"
                + "2024-03-01 12:00:01.300 ERROR 45469 --- [main] o.s.b.d.LoggingFailureAnalysisReporter   : \n"
                + "\n"
                + "***************************\n"
                + "APPLICATION FAILED TO START\n"
                + "***************************\n"
                + "\n"
                + "Description:\n"
                + "\n"
                + "Web server failed to start. Port 8080 was already in use.\n"
                + "2024-03-01 12:00:02.000  WARN 45469 --- [main] c.a.shop.Config : unknown keys:\n"
                + "shop.colour\n"
                + "shop.sise\n"
                + "2024-03-01 12:00:03.000  INFO 45469 --- [main] c.a.shop.ShopApplication : Stopped\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 2L, 11L, 14L);
        assertThat(events.get(1).text()).endsWith(": APPLICATION FAILED TO START");
        assertThat(events.get(1).continuation()).isEqualTo("***************************\n***************************\n"
                + "Description:\nWeb server failed to start. Port 8080 was already in use.");
        assertThat(events.get(2).continuation()).isEqualTo("shop.colour\nshop.sise");
        assertThat(ContinuationLines.endsWithoutMessage("12:00:00 ERROR c.a.Foo : ")).isTrue();
        assertThat(ContinuationLines.endsWithoutMessage("12:00:00 ERROR c.a.Foo : done")).isFalse();
        assertThat(ContinuationLines.endsWithoutMessage("12:00:00 ERROR took 3:")).isFalse();
        assertThat(ContinuationLines.endsWithoutMessage("127.0.0.1 - - [03/Dec/2026 13:23:41] \"GET /\" 200 -"))
                .as("an access log's unknown size").isFalse();
    }

    /**
     * A record that ends with an HTTP message's start line is followed by that message's header fields and body at the
     * margin, as MiniDLNA writes the requests it serves at debug: they are the record's, a {@code Date:} field's time
     * among them; the next record ends them. Untimed lines after a record that ends otherwise stay events.
     */
    @Test
    void anHttpMessageLoggedUnderItsStartLineIsTheRecords() {
        read("[2026/12/04 22:46:41] upnphttp.c:916: debug: HTTP REQUEST: GET /rootDesc.xml HTTP/1.1\n"
                + "Host: 127.0.0.1:8201\n"
                + "User-Agent: curl/7.88.1\n"
                + "\n"
                + "[2026/12/04 22:46:41] upnphttp.c:1263: debug: HTTP RESPONSE: HTTP/1.1 404 Not Found\n"
                + "Content-Type: text/html\n"
                + "Date: Fri, 04 Dec 2026 22:46:41 GMT\n"
                + "EXT:\n"
                + "\n"
                + "<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD></HTML>\n"
                + "[2026/12/04 22:46:52] minidlna.c:200: warn: received signal 15, good-bye\n"
                + "Host: not a field under this record\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 5L, 11L, 12L);
        assertThat(events.get(0).continuation()).isEqualTo("Host: 127.0.0.1:8201\nUser-Agent: curl/7.88.1");
        assertThat(events.get(1).continuation()).isEqualTo("Content-Type: text/html\n"
                + "Date: Fri, 04 Dec 2026 22:46:41 GMT\nEXT:\n<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD></HTML>");
        assertThat(ContinuationLines.endsWithHttpStartLine("12:00:00 sent GET /a?b=1 HTTP/1.1")).isTrue();
        assertThat(ContinuationLines.endsWithHttpStartLine("12:00:00 got HTTP/2 200")).isTrue();
        assertThat(ContinuationLines.endsWithHttpStartLine("12:00:00 \"GET /a HTTP/1.1\" 200 12")).isFalse();
        assertThat(ContinuationLines.endsWithHttpStartLine("12:00:00 upgraded to HTTP/2")).isFalse();
    }

    /**
     * tslog's pretty format: tab-separated fields, an object's lines indented under its record, and an error after a
     * blank line, a space in, its frames under {@code error stack:} at the margin. A record logged with an error alone
     * ends with the tab before its message: the error is its message.
     */
    @Test
    void tslogsErrorsAndTheirStacksAreTheirRecords() {
        read("2026-12-04 22:59:33.172\tDEBUG\tts.js:4\tshop\torder placed {\n"
                + "  id: 0,\n"
                + "}\n"
                + "2026-12-04 22:59:33.181\tERROR\tts.js:6\tshop\tcould not parse payload\n"
                + "\n"
                + " SyntaxError  Expected property name or '}' in JSON at position 1\n"
                + "error stack:\n"
                + "  \u2022 <anonymous>\tJSON.parse\n"
                + "\t\n"
                + "  \u2022 ts.js\tObject.<anonymous>\n"
                + "\tts.js:6\n"
                + "2026-12-04 22:59:33.182\tFATAL\tts.js:7\tshop\t\n"
                + " Error  connection refused to db:5432\n"
                + "error stack:\n"
                + "  \u2022 ts.js\tObject.<anonymous>\n"
                + "\tts.js:7\n"
                + "2026-12-04 22:59:33.182\tINFO\tts.js:9\tshop:payments\tcharged card\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 4L, 12L, 17L);
        assertThat(events.get(1).continuation()).startsWith(" SyntaxError  Expected").contains("error stack:")
                .endsWith("\tts.js:6");
        assertThat(events.get(2).text()).endsWith("shop\t Error  connection refused to db:5432");
        assertThat(events.get(2).continuation()).startsWith("error stack:").endsWith("\tts.js:7");
    }

    /**
     * CherryPy logs a request's exception as a record of its context alone ({@code [07/Dec/2026:00:11:12] HTTP }, the
     * message empty after it), the traceback at the margin under it: the exception is the record's message, so each
     * failure is an event of its own kind. A record with a message of its own keeps it.
     */
    @Test
    void anEmptyRecordsTracebackAtTheMarginGivesItsException() {
        read("[07/Dec/2026:00:11:12] HTTP \n"
                + "Traceback (most recent call last):\n"
                + "  File \"/srv/app.py\", line 9, in order\n"
                + "    raise ValueError(\"order store unavailable for order %s\" % id)\n"
                + "ValueError: order store unavailable for order 7\n"
                + "[07/Dec/2026:00:11:13] HTTP order failed \n"
                + "Traceback (most recent call last):\n"
                + "  File \"/srv/app.py\", line 9, in order\n"
                + "KeyError: 'id'\n"
                + "[07/Dec/2026:00:11:16] ENGINE Bus STOPPING\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(5, 4, 1);
        assertThat(events.get(0).text()).isEqualTo("[07/Dec/2026:00:11:12] HTTP "
                + "ValueError: order store unavailable for order 7");
        assertThat(events.get(0).continuation()).startsWith("Traceback").contains("in order");
        assertThat(events.get(1).text()).isEqualTo("[07/Dec/2026:00:11:13] HTTP order failed KeyError: 'id'");
    }

    /**
     * Twisted logs a request's exception as a record whose message is empty, the traceback under it a tab in: the
     * traceback's exception is the record's message, so each failure is an event of its own kind rather than all one
     * empty template. A record with a message keeps it, the traceback under it.
     */
    @Test
    void anEmptyRecordsIndentedTracebackGivesItsException() {
        read("2026-12-05T01:35:24+0000 [twisted.web.server.Request#critical] \n"
                + "\tTraceback (most recent call last):\n"
                + "\t  File \"/usr/lib/python3/dist-packages/twisted/web/server.py\", line 227, in process\n"
                + "\t    self.render(resrc)\n"
                + "\t--- <exception caught here> ---\n"
                + "\t  File \"/srv/app.py\", line 12, in render_GET\n"
                + "\t    raise ValueError(\"order 42 has no lines\")\n"
                + "\tbuiltins.ValueError: order 42 has no lines\n"
                + "\t\n"
                + "2026-12-05T01:35:24+0000 [shop.orders#critical] settlement crashed\n"
                + "\tTraceback (most recent call last):\n"
                + "\t  File \"/srv/app.py\", line 24, in drive\n"
                + "\tbuiltins.ZeroDivisionError: division by zero\n"
                + "2026-12-05T01:35:25+0000 [-] Main loop terminated.\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 10L, 14L);
        assertThat(events.get(0).text()).isEqualTo("2026-12-05T01:35:24+0000 [twisted.web.server.Request#critical] "
                + "builtins.ValueError: order 42 has no lines");
        assertThat(events.get(0).continuation()).startsWith("\tTraceback").contains("render_GET");
        assertThat(events.get(1).text()).endsWith("] settlement crashed");
        assertThat(events.get(1).continuation()).endsWith("builtins.ZeroDivisionError: division by zero");
    }

    /**
     * Python's logging reports a record a handler could not write on stderr (a format naming a field the record
     * lacks): a banner, the traceback, the logging call's stack, the record's message and arguments. All of it is one
     * event, whose message is the traceback's exception; a record after it is an event of its own.
     */
    @Test
    void pythonsReportOfARecordItCouldNotWriteIsOneEvent() {
        String report = "--- Logging error ---\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3.11/logging/__init__.py\", line 445, in _format\n"
                + "    return self._fmt % values\n"
                + "KeyError: 'hostname'\n"
                + "\n"
                + "During handling of the above exception, another exception occurred:\n"
                + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3.11/logging/__init__.py\", line 451, in format\n"
                + "    raise ValueError('Formatting field not found in record: %s' % e)\n"
                + "ValueError: Formatting field not found in record: 'hostname'\n"
                + "Call stack:\n"
                + "  File \"/srv/app.py\", line 12, in <module>\n"
                + "    log.info(\"order %d placed\", 1000)\n"
                + "Message: 'order %d placed'\n"
                + "Arguments: (1000,)\n";
        read(report + report + "2026-12-05 01:58:55,702 INFO shop: order 1001 placed\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 18L, 35L);
        assertThat(events.get(0).text()).isEqualTo("KeyError: 'hostname'");
        assertThat(events.get(1).continuation()).startsWith("--- Logging error ---").contains("Call stack:")
                .endsWith("Arguments: (1000,)");
    }

    /**
     * A record whose message opens a double quote it does not close has a value with line breaks in it, as hclog
     * (Consul's, Vault's, Nomad's logger) writes one: the lines up to the one that closes it are the record's. A quote
     * escaped by a backslash opens nothing; a record after it ends the value however it stands.
     */
    @Test
    void aQuotedValueWithLineBreaksIsTheRecordsUpToItsClosingQuote() {
        read("2026-12-04T23:23:54.711Z [INFO]  agent: config dump: config=\"line one\n"
                + "line two\n"
                + "line three\"\n"
                + "after the value\n"
                + "2026-12-04T23:23:54.712Z [INFO]  agent: note=\"a \\\"quoted\\\" word\"\n"
                + "not in a value\n"
                + "2026-12-04T23:23:54.713Z [WARN]  agent: left open: reason=\"unterminated\n"
                + "2026-12-04T23:23:54.714Z [INFO]  agent: next record\n");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 4L, 5L, 6L, 7L, 8L);
        assertThat(events.get(0).continuation()).isEqualTo("line two\nline three\"");
        assertThat(ContinuationLines.quotesOdd("a \"b\" \\\"c")).isFalse();
    }

    /**
     * JSON access logs have no message: Envoy's and Istio's JSON format, nginx's JSON {@code log_format} with its
     * request line, Traefik's. Each record is its request and status as the Common Log Format writes them, its
     * severity the status class, its time from the access log's own time field; a record without a method and a
     * path is still refused.
     */
    @Test
    void jsonAccessLogRecordsAreTheirRequestAndStatus() {
        read("{\"start_time\":\"2024-03-01T12:00:00.000Z\",\"method\":\"GET\",\"path\":\"/orders/7\","
                + "\"protocol\":\"HTTP/1.1\",\"response_code\":503,\"response_flags\":\"UF\",\"duration\":12}\n"
                + "{\"time_iso8601\":\"2024-03-01T12:00:01+00:00\",\"request\":\"POST /cart HTTP/2.0\","
                + "\"status\":\"404\",\"remote_addr\":\"10.0.0.7\"}\n"
                + "{\"time\":\"2024-03-01T12:00:02Z\",\"RequestMethod\":\"get\",\"RequestPath\":\"/health\","
                + "\"DownstreamStatus\":200,\"Duration\":1200000}\n"
                + "{\"method\":\"FETCH\",\"path\":\"/not/http\"}\n");
        assertThat(events).extracting(e -> e.severity() + " " + e.text()).containsExactly(
                "ERROR \"GET /orders/7 HTTP/1.1\" 503", "WARN \"POST /cart HTTP/2.0\" 404", "INFO \"GET /health\" 200");
        assertThat(events).extracting(LogEvent::epochMillis).containsExactly(1_709_294_400_000L,
                1_709_294_401_000L, 1_709_294_402_000L);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("without a message"));
    }

    /**
     * Caddy's access log and pino-http write one message for every request ("handled request", "request
     * completed") and the request and its status beside it: the request and status follow the message, as an access
     * line writes them, and the status raises the level; a message that names the request already is kept as it is.
     */
    @Test
    void jsonAccessRecordsWithAMessageKeepTheirRequestAndStatus() {
        read("{\"level\":\"info\",\"ts\":1796396303.199,\"logger\":\"http.log.access.log0\","
                + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"127.0.0.1\",\"proto\":\"HTTP/1.1\","
                + "\"method\":\"GET\",\"uri\":\"/ok\"},\"status\":200}\n"
                + "{\"level\":30,\"time\":1796396303300,\"pid\":7,\"hostname\":\"h\",\"req\":{\"id\":2,"
                + "\"method\":\"POST\",\"url\":\"/orders\"},\"res\":{\"statusCode\":503},\"responseTime\":4,"
                + "\"msg\":\"request completed\"}\n"
                + "{\"level\":\"info\",\"msg\":\"GET /health 200\",\"method\":\"GET\",\"path\":\"/health\","
                + "\"status\":200}\n"
                + "{\"level\":\"info\",\"msg\":\"job done\",\"status\":200}\n"
                + "{\"level\":\"info\",\"msg\":\"synced a/b\",\"method\":\"GET\",\"path\":\"/\",\"status\":200}\n");
        assertThat(events).extracting(e -> e.severity() + " " + e.text()).containsExactly(
                "INFO handled request \"GET /ok HTTP/1.1\" 200", "ERROR request completed \"POST /orders\" 503",
                "INFO GET /health 200", "INFO job done", "INFO synced a/b \"GET /\" 200");
    }

    /**
     * .NET's console logger (ASP.NET Core in a container) writes the level, category and event id, then the message
     * under it indented: one event whose first line is header and message, the exception under it folded.
     */
    @Test
    void dotnetConsoleRecordsAreOneEventWithTheirMessage() {
        read("info: Microsoft.Hosting.Lifetime[14]\n"
                + "      Now listening on: http://[::]:8080\n"
                + "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]\n"
                + "      An unhandled exception has occurred while executing the request.\n"
                + "      System.InvalidOperationException: Order 7 not found\n"
                + "         at Shop.OrdersController.Get(Int32 id) in /src/OrdersController.cs:line 20\n"
                + "warn: Shop.Payments[0]\n"
                + "      Payment provider slow: 1200 ms\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080",
                "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1] An unhandled exception has "
                        + "occurred while executing the request.",
                "warn: Shop.Payments[0] Payment provider slow: 1200 ms");
        assertThat(events).extracting(LogEvent::lines).containsExactly(2, 4, 2);
        assertThat(events.get(1).continuation()).startsWith("      System.InvalidOperationException: Order 7");
    }

    /**
     * MariaDB's general query log (and MySQL 5's) writes its time only when it changed: the next records of the same
     * second open with tabs where the time was. Each is an event at the time above, not a line folded under it; a
     * tab-indented line with no column after it (a frame, a message's next line) is still folded.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void generalQueryLogLinesWithoutTheirTimeAreEventsAtTheTimeAbove(int threads) {
        List<LogEvent> read = readOn(threads, "general.log", "Time\t\t    Id Command\tArgument\n"
                + "261204 17:31:33\t     3 Connect\troot@localhost on  using Socket\n"
                + "\t\t     3 Query\tSELECT DATABASE()\n"
                + "\t\t     3 Init DB\tshop\n"
                + "261204 17:31:34\t    12 Query\tselect * from orders\n"
                + "\t\t     3 Quit\t\n"
                + "2024-03-01 12:00:00.123\tERROR\tcharge failed\n"
                + "\tjava.lang.IllegalStateException: card declined\n"
                + "\tat com.acme.Shop.charge(Shop.java:12)\n"
                + "2024-03-01 12:00:01.000\tINFO\tretrying\n"
                + "\tDEBUG\tcache miss\n"
                + "\t42\titems left\n"
                + "\t\tINFO\tcharged\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("Time\t\t    Id Command\tArgument",
                "261204 17:31:33\t     3 Connect\troot@localhost on  using Socket",
                "261204 17:31:33\t     3 Query\tSELECT DATABASE()", "261204 17:31:33\t     3 Init DB\tshop",
                "261204 17:31:34\t    12 Query\tselect * from orders", "261204 17:31:34\t     3 Quit\t",
                "2024-03-01 12:00:00.123\tERROR\tcharge failed", "2024-03-01 12:00:01.000\tINFO\tretrying",
                "2024-03-01 12:00:01.000\tINFO\tcharged");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 10L, 13L);
        assertThat(read.get(6).lines()).isEqualTo(3);
        assertThat(read.get(7).continuation()).isEqualTo("\tDEBUG\tcache miss\n\t42\titems left");
    }

    /**
     * A number printed right-aligned at a line's start leaves the lines with a shorter one indented: Kamailio's process
     * index on its standard error (what its container prints), under the addresses it lists when it starts, and
     * Zabbix's process id beside a longer one. Each is a record; a numbered line under a record that opens otherwise
     * (Rust's backtrace frames) and a message's indented lines still fold.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void recordsOpeningWithANumberPaddedOnTheLeftAreEventsThoughIndented(int threads) {
        List<LogEvent> read = readOn(threads, "kamailio.log", "Listening on \n"
                + "             udp: 127.0.0.1:5060\n"
                + "Aliases: \n"
                + "             udp: localhost:5060\n"
                + "\n"
                + " 0(25681) INFO: <core> [main.c:3055]: main(): processes (at least): 11\n"
                + " 9(25690) INFO: ctl [io_listener.c:213]: io_listen_loop(): using epoll_lt\n"
                + "10(25691) INFO: <core> [main.c:854]: sig_usr(): signal 15 received\n"
                + " 0(25681) ALERT: <core> [main.c:770]: handle_sigs(): child process 25683 exited normally\n"
                + "  see the listing above\n"
                + "1234567:20261204:100145.155 Starting Zabbix Agent [shop-web-1]\n"
                + "  30535:20261204:100145.162 agent #1 started [collector]\n"
                + "  30539:20261204:100145.172 Unable to connect to [127.0.0.1]:10059\n"
                + "thread 'main' panicked at 'boom', src/main.rs:4:5\n"
                + "   0: rust_begin_unwind\n"
                + "   1: core::panicking::panic_fmt\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("Listening on ", "Aliases: ",
                " 0(25681) INFO: <core> [main.c:3055]: main(): processes (at least): 11",
                " 9(25690) INFO: ctl [io_listener.c:213]: io_listen_loop(): using epoll_lt",
                "10(25691) INFO: <core> [main.c:854]: sig_usr(): signal 15 received",
                " 0(25681) ALERT: <core> [main.c:770]: handle_sigs(): child process 25683 exited normally",
                "1234567:20261204:100145.155 Starting Zabbix Agent [shop-web-1]",
                "  30535:20261204:100145.162 agent #1 started [collector]",
                "  30539:20261204:100145.172 Unable to connect to [127.0.0.1]:10059",
                "thread 'main' panicked at 'boom', src/main.rs:4:5");
        assertThat(read).extracting(LogEvent::lines).containsExactly(2, 2, 1, 1, 1, 2, 1, 1, 1, 3);
    }

    /**
     * MySQL's and MariaDB's slow query logs write an entry as comment lines, {@code use} and {@code SET timestamp}
     * when they change, then the statement: one event per entry, its statement mined, its time from the timestamp,
     * the comments under it. MariaDB writes {@code # Time:} only when the second changes; MySQL 8 before every entry.
     */
    @Test
    void slowQueryLogEntriesAreEventsOfTheirStatement() {
        read("mariadbd, Version: 10.11.6-MariaDB-0+deb12u1-log (Debian 12). started with:\n"
                + "Tcp port: 3306  Unix socket: /run/mysqld/mysqld.sock\n"
                + "Time\t\t    Id Command\tArgument\n"
                + "# Time: 240301 12:00:00\n"
                + "# User@Host: shop[shop] @ localhost []\n"
                + "# Thread_id: 3  Schema: shop  QC_hit: No\n"
                + "# Query_time: 2.000306  Lock_time: 0.000000  Rows_sent: 1  Rows_examined: 0\n"
                + "use `shop`;\n"
                + "SET timestamp=1709294400;\n"
                + "SELECT sleep(2);\n"
                + "# User@Host: shop[shop] @ localhost []\n"
                + "# Query_time: 1.500348  Lock_time: 0.000120  Rows_sent: 20  Rows_examined: 90000\n"
                + "SET timestamp=1709294400;\n"
                + "SELECT o.id, o.total\n"
                + "  FROM orders o WHERE o.customer = 7;\n"
                + "# Time: 2024-03-01T12:00:05.123456Z\n"
                + "# User@Host: root[root] @ localhost []  Id:     8\n"
                + "# Query_time: 3.100000  Lock_time: 0.000001 Rows_sent: 0  Rows_examined: 0\n"
                + "SET timestamp=1709294405;\n"
                + "UPDATE orders SET state = 'paid' WHERE id = 9;\n");
        assertThat(events).filteredOn(e -> e.line() > 3).extracting(LogEvent::text).containsExactly(
                "SELECT sleep(2);", "SELECT o.id, o.total", "UPDATE orders SET state = 'paid' WHERE id = 9;");
        assertThat(events).filteredOn(e -> e.line() > 3).extracting(LogEvent::epochMillis).containsExactly(
                1_709_294_400_000L, 1_709_294_400_000L, 1_709_294_405_000L);
        assertThat(events).filteredOn(e -> e.line() > 3).extracting(LogEvent::lines).containsExactly(7, 5, 5);
        assertThat(events.get(events.size() - 2).continuation()).isEqualTo("# User@Host: shop[shop] @ localhost []\n"
                + "# Query_time: 1.500348  Lock_time: 0.000120  Rows_sent: 20  Rows_examined: 90000\n"
                + "SET timestamp=1709294400;\n  FROM orders o WHERE o.customer = 7;");
    }

    /**
     * PHP-FPM's slow log writes a request that ran too long as its pool and worker's pid under a time, then the script
     * and the PHP stack at the margin, a blank line before the next entry: one event per entry, its frames under it.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void phpFpmSlowLogEntriesAreEventsWithTheirStacks(int threads) {
        List<LogEvent> read = readOn(threads, "www-slow.log", "\n"
                + "[05-Dec-2026 11:41:31.981184]  [pool www] pid 24897\n"
                + "script_filename = /srv/shop/index.php\n"
                + "[0x00007f25fc8130c0] usleep() /srv/shop/index.php:3\n"
                + "[0x00007f25fc813020] handle() /srv/shop/index.php:9\n"
                + "\n"
                + "[05-Dec-2026 11:41:33.650530]  [pool api] pid 24898\n"
                + "script_filename = /srv/api/index.php\n"
                + "[0x00007f25fc8130c0] curl_exec() /srv/api/client.php:41\n"
                + "[pool api] pid 24898 is no entry without its time\n");
        assertThat(read).extracting(LogEvent::lines).containsExactly(4, 3, 1);
        assertThat(read.get(0).continuation()).isEqualTo("script_filename = /srv/shop/index.php\n"
                + "[0x00007f25fc8130c0] usleep() /srv/shop/index.php:3\n"
                + "[0x00007f25fc813020] handle() /srv/shop/index.php:9");
    }

    /**
     * PHP-FPM logs a worker's stderr one line a record, quoted after the worker: an uncaught exception's trace under
     * its message are the same worker's further records, folded under the first, though a second has passed. Another
     * worker's line, or the same worker's next message, is an event of its own.
     */
    @Test
    void phpFpmWorkersTraceLinesFoldUnderTheirException() {
        String said = "] WARNING: [pool www] child 10581 said into stderr: ";
        read("[05-Dec-2026 12:07:29" + said + "\"NOTICE: PHP message: PHP Fatal error:  Uncaught LogicException: "
                + "boom in /app/index.php:6\"\n"
                + "[05-Dec-2026 12:07:29" + said + "\"Stack trace:\"\n"
                + "[05-Dec-2026 12:07:30" + said + "\"#0 {main}\"\n"
                + "[05-Dec-2026 12:07:30" + said + "\"  thrown in /app/index.php on line 6\"\n"
                + "[05-Dec-2026 12:07:30] WARNING: [pool www] child 10582 said into stderr: \"#0 {main}\"\n"
                + "[05-Dec-2026 12:07:31" + said + "\"worker says hello\"\n"
                + "[05-Dec-2026 12:07:31" + said + "\"#1 is no frame of a trace it opened\"\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 1, 1);
        assertThat(events.get(0).continuation()).endsWith("\"  thrown in /app/index.php on line 6\"");
    }

    /**
     * Apache httpd 2.4 logs what mod_wsgi's Python application writes to stderr one line a record, each under the
     * error log's header: a traceback's lines fold under the line that reported the exception, as a syslog program's
     * do under its tag, while another request's line written between them stays its own event.
     */
    @Test
    void apacheErrorLogRecordsOfOneRequestReadAsItsLines() {
        String at = "[Sat Dec 05 12:14:40.2205%02d 2026] [wsgi:error] [pid 19545:tid 19545] [client 127.0.0.1:34856] ";
        read(String.format(at, 1) + "INFO:shop:request for 7\n"
                + String.format(at, 2) + "mod_wsgi (pid=19545): Exception occurred processing WSGI script 'app.wsgi'.\n"
                + String.format(at, 3) + "Traceback (most recent call last):\n"
                + String.format(at, 4) + "  File \"/srv/app.wsgi\", line 6, in charge\n"
                + "[Sat Dec 05 12:14:40.220599 2026] [wsgi:error] [pid 19546:tid 19546] [client 127.0.0.1:34900] "
                + "INFO:shop:request for 8\n"
                + String.format(at, 5) + "    raise ValueError(\"order 7 has no customer\")\n"
                + String.format(at, 6) + "ValueError: order 7 has no customer\n"
                + String.format(at, 7) + "printed to stderr\n"
                + "[Sat Dec 05 12:14:40.976440 2026] [core:info] [pid 19541:tid 19541] AH00096: removed PID file\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 5, 1, 1, 1);
        assertThat(events.get(1).continuation()).endsWith("ValueError: order 7 has no customer");
        assertThat(ContinuationLines.apacheTagEnd("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok"))
                .isEqualTo(-1); // Apache 2.0's header: no process in it
    }

    /**
     * Oracle's ODL format (GlassFish's, Payara's) writes a message of more than a line between {@code [[} at the end of
     * its header and {@code ]]}: the first line under the header, indented by two, is the message; the rest (a stack,
     * a certificate's dump at the margin, lines of its own ending in brackets) goes under it up to the close.
     */
    @Test
    void anOdlMessageInDoubleBracketsIsOneEventWithItsFirstLineAsMessage() {
        String header = "[2026-12-05T14:43:%s+0000] [] [%s] [] [shop.orders] [tid: _ThreadID=70 _ThreadName=main] "
                + "[timeMillis: 1796481817488] [levelValue: %s]";
        read(String.format(header, "37.488", "SEVERE", "1000") + " [[\n"
                + "  cannot parse order 21\n"
                + "java.lang.NumberFormatException: For input string: \"x\"\n"
                + "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)\n"
                + "CRLDistributionPoints [\n"
                + "  [DistributionPoint:\n"
                + "     [URIName: http://crl.example/ca.crl]]\n"
                + "]\n"
                + "0000: 68 90 E4 67 A4 A6 53 80   C7 86 66 A4 F1 F7 4B 43  h..g..S].f...KC\n"
                + "]]\n"
                + "\n"
                + "printed by the server after the record\n"
                + String.format(header, "37.500", "INFO", "800") + " order 22 placed\n"
                + "printed by the server\n"
                + String.format(header, "37.552", "INFO", "800") + " [[\n"
                + "  \n"
                + "Payara Micro URLs:\n"
                + "http://192.0.2.2:18080/shop\n"
                + String.format(header, "37.600", "WARNING", "900") + " [[\n"
                + "  a message whose close went missing\n"
                + String.format(header, "37.700", "INFO", "800") + " order 23 placed\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(10, 1, 1, 1, 3, 2, 1);
        assertThat(events.get(0).text()).isEqualTo(String.format(header, "37.488", "SEVERE", "1000")
                + " cannot parse order 21");
        assertThat(events.get(0).continuation()).endsWith("KC\n]]");
        assertThat(events.get(4).text()).endsWith("[levelValue: 800] Payara Micro URLs:");
        assertThat(events.get(5).text()).endsWith("a message whose close went missing");
    }

    /**
     * GlassFish's uniform format (ULF) writes a record between {@code [#|} and {@code |#]}, its message's further lines
     * (a stack) at the margin before the close, a program's print after it its own; a record whose message starts
     * under its header takes that line as its message.
     */
    @Test
    void aUniformFormatRecordIsOneEventUpToItsClose() {
        String header = "[#|2026-12-05T14:59:%s+0000|%s||shop.orders|_ThreadID=70;_ThreadName=main;"
                + "_TimeMillis=1796482771980;_LevelValue=%s;|";
        read(String.format(header, "31.980", "SEVERE", "1000") + "cannot parse order 21\n"
                + "java.lang.NumberFormatException: For input string: \"x\"\n"
                + "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)\n"
                + "|#]\n"
                + "\n"
                + "printed by the server after the record\n"
                + String.format(header, "31.990", "INFO", "800") + "order 22 placed|#]\n"
                + String.format(header, "32.000", "INFO", "800") + "\n"
                + "\n"
                + "Payara Micro URLs:\n"
                + "http://192.0.2.2:18080/shop\n"
                + "|#]\n"
                + String.format(header, "32.100", "WARNING", "900") + "a record whose close went missing\n"
                + String.format(header, "32.200", "INFO", "800") + "order 23 placed|#]\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(4, 1, 1, 4, 1, 1);
        assertThat(events.get(3).text()).endsWith(";| Payara Micro URLs:");
    }

    /**
     * The kernel's ring buffer (dmesg) and the X server's log stamp every line with the seconds since their start,
     * the lines of one message too: a stack's frames indented under its heading, a message's further lines after a
     * tab. An indented line after a stamp continues the event before it; a stamp of ten digits is an epoch's time.
     */
    @Test
    void anIndentedLineAfterAnUptimeStampContinuesTheEventBeforeIt() {
        read("""
                [ 4000.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008
                [ 4000.000030] Call Trace:
                [ 4000.000040]  <TASK>
                [ 4000.000050]  ? __die+0x23/0x70
                [ 4000.000070]  process_one_work+0x1c7/0x380
                [ 4000.000080]  </TASK>
                [ 4012.500000] usb 1-1: new high-speed USB device number 2 using xhci_hcd
                """);
        assertThat(events).extracting(LogEvent::lines).containsExactly(1, 5, 1);
        assertThat(events.get(1).continuation()).endsWith("[ 4000.000080]  </TASK>");

        events.clear();
        read("[   247.909] (WW) The directory \"/usr/share/fonts/X11/misc\" does not exist.\n"
                + "[   247.909] \tEntry deleted from font path.\n"
                + "[   247.910] (II) Loader magic: 0x55e93fe31f00\n"
                + "[1733390000.123] \tan epoch's time\n");
        assertThat(events).extracting(LogEvent::lines).containsExactly(2, 1, 1);
    }

    /**
     * Apache's error log escapes the line breaks of what mod_php logs: an uncaught exception's trace comes on its line
     * after {@code \nStack trace:\n}. The message ends there, as in PHP's own error log, and the trace, its line
     * breaks back, goes under it. A line that only quotes an escaped line break keeps it.
     */
    @Test
    void phpsTraceWithEscapedLineBreaksGoesUnderItsMessage() {
        String header = "[Sat Dec 05 12:06:57.197915 2026] [php:error] [pid 10299:tid 10299] [client 127.0.0.1:56540] ";
        read(header + "PHP Fatal error:  Uncaught LogicException: boom in /app/index.php:6\\nStack trace:\\n"
                + "#0 /app/index.php(9): charge()\\n#1 {main}\\n  thrown in /app/index.php on line 6\n"
                + header + "PHP Warning:  bad value 'a\\nb' in /app/index.php on line 7\n");
        assertThat(events).extracting(LogEvent::text).containsExactly(
                header + "PHP Fatal error:  Uncaught LogicException: boom in /app/index.php:6",
                header + "PHP Warning:  bad value 'a\\nb' in /app/index.php on line 7");
        assertThat(events.get(0).continuation()).isEqualTo(
                "Stack trace:\n#0 /app/index.php(9): charge()\n#1 {main}\n  thrown in /app/index.php on line 6");
    }

    /**
     * zap's console encoder writes a stack under a warning or an error as frames alone, with no goroutine line: each
     * function at the margin, its file indented under it. A function-like line with no file under it opens an event.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void goStacksWithoutAGoroutineLineAreFoldedToo(int threads) {
        List<LogEvent> read = readOn(threads, "shop.log",
                "2024-03-01T12:00:00.000Z\tERROR\tshop/main.go:48\tcharge failed\t{\"order\": 7}\n"
                + "main.charge\n"
                + "\t/app/shop/main.go:48\n"
                + "github.com/acme/shop/db.(*Pool).Query.func1\n"
                + "\t/go/pkg/mod/github.com/acme/shop/db/pool.go:112 +0x1d\n"
                + "runtime.main\n"
                + "\t/usr/lib/go-1.19/src/runtime/proc.go:250\n"
                + "2024-03-01T12:00:01.000Z\tINFO\tshop/main.go:44\torder placed\t{\"order\": 8}\n"
                + "example.com\n"
                + "2024-03-01T12:00:02.000Z\tINFO\tshop/main.go:44\torder placed\t{\"order\": 9}\n");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 8L, 9L, 10L);
        assertThat(read.get(0).continuation()).startsWith("{\"order\": 7}\nmain.charge\n\t/app/shop/main.go:48\n")
                .endsWith("runtime.main\n\t/usr/lib/go-1.19/src/runtime/proc.go:250");
        assertThat(read.get(0).lines()).isEqualTo(7);
        assertThat(read.get(2).text()).isEqualTo("example.com");
    }

    @Test
    void linesThatAreNotUtf8AreReadInTheWindowsCodePageAndUtf8LinesStayUtf8() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("caf\u00e9 opened by Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("na\u00efve \u2013 fine \ud83d\ude00\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'p', 'a', 'i', 'd', ' ', (byte) 0x80, '5', '\n'}); // the euro sign in cp1252
        file.writeBytes("\ufffd kept as written\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read("x.log", file.toByteArray())).isEqualTo(4);
        assertThat(events).extracting(LogEvent::text).containsExactly("caf\u00e9 opened by Jos\u00e9",
                "na\u00efve \u2013 fine \ud83d\ude00", "paid \u20ac5", "\ufffd kept as written");
        assertThat(problems).isEmpty();
    }

    @Test
    void aLongUtf8LineCutForMiningIsCutBetweenCharactersAndStaysUtf8() {
        String euros = "\u20ac".repeat(100_000); // 3 bytes each: the 256 KiB decoded fall inside one
        assertThat(read("x.log", (euros + "\nnext\n").getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(events.get(0).text()).isEqualTo("\u20ac".repeat(LogFileReader.MAX_MINED_CHARS));
    }

    @Test
    void utf16LogsWithOrWithoutAByteOrderMarkReadAsTheirUtf8Twin() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) { // some 60,000 characters: surrogate pairs fall across the transcoder's reads
            text.append("2024-03-01 10:00:").append(String.format("%02d", i % 60)).append(" INFO J\u00fcrgen \ud83d\ude00 ")
                    .append(i).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        read("utf8.log", text.toString().getBytes(StandardCharsets.UTF_8));
        List<String> expected = events.stream().map(LogEvent::text).toList();
        assertThat(expected).hasSize(2_000);

        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE)) { // UTF_16 writes a byte order mark (big-endian)
            byte[] bytes = text.toString().getBytes(charset);
            for (int threads : new int[] {1, 3}) {
                List<LogEvent> read = new ArrayList<>();
                LogFileReader.withThreads(read::add, problems::add, threads).read("utf16.log",
                        new ByteArrayInputStream(bytes));
                assertThat(read).as(charset + " on " + threads).extracting(LogEvent::text).isEqualTo(expected);
            }
        }
        byte[] littleWithMark = ("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE);
        events.clear();
        read("le.log", littleWithMark);
        assertThat(events).extracting(LogEvent::text).isEqualTo(expected);
        assertThat(problems).isEmpty();
    }

    @Test
    void theZerosACrashLeftSplitTheLineTheyCutAndTheRestIsRead() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            file.append("2024-03-01 10:00:").append(String.format("%02d", i)).append(" INFO request ").append(i)
                    .append(" done\n");
        }
        file.append("2024-03-01 10:00:31 INFO request 31 do").append("\0".repeat(4096));
        file.append("2024-03-01 10:05:00 INFO started again\n2024-03-01 10:05:01 INFO ready\n").append("\0".repeat(512));
        byte[] bytes = file.toString().getBytes(StandardCharsets.US_ASCII);

        for (int threads : new int[] {1, 3}) {
            List<LogEvent> read = new ArrayList<>();
            List<Problem> said = new ArrayList<>();
            LogFileReader.withThreads(read::add, said::add, threads).read("crashed.log", new ByteArrayInputStream(bytes));

            assertThat(read).as("%d threads", threads).hasSize(33).extracting(LogEvent::text).endsWith(
                    "2024-03-01 10:00:31 INFO request 31 do", "2024-03-01 10:05:00 INFO started again",
                    "2024-03-01 10:05:01 INFO ready");
            assertThat(read.get(30).line()).isEqualTo(31);
            assertThat(said).extracting(Problem::location, Problem::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("line 31", "4,096 NUL bytes, as a crash leaves in a file that "
                            + "was being written; the 2 pieces of text around them were read as lines of their own"),
                    org.assertj.core.groups.Tuple.tuple("line 33", "512 NUL bytes, as a crash leaves in a file that "
                            + "was being written; nothing else on the line"));
        }
    }

    @Test
    void binaryContentIsOneProblemNotHundredsOfTemplates() {
        byte[] random = new byte[100_000];
        new java.util.Random(7).nextBytes(random);
        assertThat(read("core", random)).isZero();
        byte[] zip = ("PK\u0003\u0004" + "2024-03-01 10:00:00 INFO stored, not deflated\n".repeat(100))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read("logs.zip", zip)).isZero();
        byte[] journal = java.util.Arrays.copyOf("LPKSHHRH".getBytes(StandardCharsets.US_ASCII), 4096);
        assertThat(read("system.journal", journal)).isZero();

        assertThat(events).isEmpty();
        assertThat(problems).extracting(Problem::source, Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("core", "binary data, not text: skipped"),
                org.assertj.core.groups.Tuple.tuple("logs.zip",
                        "a zip archive (an archive inside an archive, or on standard input, is not opened: extract "
                                + "it, or give it as a file of its own): skipped"),
                org.assertj.core.groups.Tuple.tuple("system.journal", "a systemd journal file, journald's own binary "
                        + "store (journalctl --file FILE -o export, or -o json, writes it in a form that is read): "
                        + "skipped"));
    }

    /**
     * Loki 3 keeps OTLP logs' trace and span ids as structured metadata: merged into a stream's labels by default, or
     * a value's third element when the query asked for categorised labels; logcli's lines carry them in their labels.
     */
    @Test
    void lokiStructuredMetadataLinksLinesToTheirTraces() {
        read("loki.json", ("""
                {"status":"success","data":{"resultType":"streams","result":[
                 {"stream":{"service_name":"checkout","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736",                "span_id":"00f067aa0ba902b7"},"values":[["1701427665853375888","payment failed"]]},
                 {"stream":{"service_name":"cart"},"values":[["1701427666853375888","cart saved",                {"structuredMetadata":{"trace_id":"5bf92f3577b34da6a3ce929d0e0e4737"},"parsed":{}}],                ["1701427667853375888","cart read"]]}]}}
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(problems).isEmpty();
        assertThat(events).extracting(e -> e.text() + " " + (e.traceId() == null ? "-" : e.traceId().toHex()))
                .containsExactly("payment failed 4bf92f3577b34da6a3ce929d0e0e4736",
                        "cart saved 5bf92f3577b34da6a3ce929d0e0e4737", "cart read -");
        assertThat(events.get(0).spanId().toHex()).isEqualTo("00f067aa0ba902b7");
        events.clear();
        read("logcli.jsonl", ("{\"labels\":{\"service_name\":\"cart\",\"trace_id\":\"6bf92f3577b34da6a3ce929d0e0e4738\"},"
                + "\"line\":\"cart emptied\",\"timestamp\":\"2023-12-01T10:47:46Z\"}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.traceId().toHex())
                .isEqualTo("6bf92f3577b34da6a3ce929d0e0e4738"));
    }

    @Test
    void lokiAndCloudWatchExportsReadAsTheirLinesWithLabelsForServiceAndLevel() {
        String logcli = """
                {"labels":{"job":"shop/checkout","level":"error"},"line":"payment failed for order 17",\
                "timestamp":"2023-12-01T10:47:45.853375888Z"}
                {"labels":{"service_name":"cart","detected_level":"info"},"line":"cart 5 saved",\
                "timestamp":"2023-12-01T10:47:46Z"}
                """;
        String queryAnswer = """
                {"status":"success","data":{"resultType":"streams","result":[
                 {"stream":{"app":"checkout","level":"error"},
                  "values":[["1701427665853375888","payment failed for order 18"],
                  ["1701427666853375888","payment failed for order 19"],["bad"]]},
                 {"stream":{"container":"cart"},"values":[["1701427667000000000","cart 6 saved"]]}]},"stats":{}}
                """;
        String cloudWatch = "{\"events\":[{\"logStreamName\":\"checkout/abc\",\"timestamp\":1701427665853,"
                + "\"message\":\"ERROR payment failed for order 20\",\"eventId\":\"1\"}],\"searchedLogStreams\":[]}\n";

        for (String text : List.of(logcli, queryAnswer, queryAnswer.replace("\n", "") + "\n", cloudWatch)) {
            read("export.json", text.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(problems).extracting(p -> p.location() + ": " + p.reason()).containsExactly(
                // the first record of a document
                "line 1, values[2]: a Loki value that is no [time, line] pair: skipped",
                "line 1, values[2]: a Loki value that is no [time, line] pair: skipped");
        assertThat(events).extracting(e -> e.service() + " " + e.severity() + " " + e.epochMillis() + " " + e.text())
                .containsExactly(
                        "checkout ERROR 1701427665853 payment failed for order 17",
                        "cart INFO 1701427666000 cart 5 saved",
                        "checkout ERROR 1701427665853 payment failed for order 18",
                        "checkout ERROR 1701427666853 payment failed for order 19",
                        "cart UNKNOWN 1701427667000 cart 6 saved",
                        "checkout ERROR 1701427665853 payment failed for order 18",
                        "checkout ERROR 1701427666853 payment failed for order 19",
                        "cart UNKNOWN 1701427667000 cart 6 saved",
                        "export UNKNOWN 1701427665853 ERROR payment failed for order 20");
    }

    /**
     * java.util.logging's FileHandler writes XML when no formatter is set: each record an event with its time, level,
     * message (escapes read, line breaks kept) and exception; a head written again by a handler opened to append is
     * skipped; a custom level's number is read on java.util.logging's scale; a record the file ends inside is
     * delivered as far as it goes, and said.
     */
    @Test
    void javaUtilLoggingsXmlRecordsAreEvents() {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + "<!DOCTYPE log SYSTEM \"logger.dtd\">\n<log>\n";
        String xml = head
                + "<record>\n  <date>2026-12-05T02:39:30.943676128Z</date>\n  <millis>1796438370943</millis>\n"
                + "  <sequence>1</sequence>\n  <logger>com.acme.shop.Orders</logger>\n  <level>INFO</level>\n"
                + "  <class>J</class>\n  <method>main</method>\n  <thread>1</thread>\n"
                + "  <message>order 1000 placed for &lt;alice&gt; &amp; bob</message>\n</record>\n"
                + "<record>\n  <millis>1796438370944</millis>\n  <level>SEVERE</level>\n"
                + "  <message>checkout failed\nsecond line</message>\n  <exception>\n"
                + "    <message>java.lang.NumberFormatException: For input string: \"x1\"</message>\n"
                + "    <frame>\n      <class>J</class>\n      <method>main</method>\n      <line>11</line>\n"
                + "    </frame>\n  </exception>\n</record>\n</log>\n"
                + head // the handler opened again, appending
                + "<record>\n  <date>2026-12-05T02:40:00Z</date>\n  <level>950</level>\n"
                + "  <message>custom level</message>\n</record>\n"
                + "<record>\n  <millis>1796438401000</millis>\n  <level>FINE</level>\n  <message>cut short";

        read("java0.log", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.severity() + " " + e.epochMillis() + " " + e.text())
                .containsExactly("4 INFO 1796438370943 order 1000 placed for <alice> & bob",
                        "15 ERROR 1796438370944 checkout failed\nsecond line",
                        "33 WARN 1796438400000 custom level",
                        "38 DEBUG 1796438401000 ");
        assertThat(events.get(1).continuation()).isEqualTo(
                "java.lang.NumberFormatException: For input string: \"x1\"\n\tat J.main(line 11)");
        assertThat(problems).extracting(p -> p.location() + ": " + p.reason()).containsExactly(
                "line 38: the record opened here is not closed (the log ends inside it): read as far as it goes");

        List<LogEvent> limited = new ArrayList<>();
        List<Problem> limits = new ArrayList<>();
        new LogFileReader(limited::add, limits::add, 200).read("java1.log", new ByteArrayInputStream((head
                + "<record>\n  <millis>1796438370943</millis>\n  <level>INFO</level>\n  <message>" + "x".repeat(300)
                + "</message>\n</record>\n</log>\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(limited).extracting(e -> e.line() + " " + e.severity()).containsExactly("4 INFO");
        assertThat(limits).extracting(p -> p.location() + ": " + p.reason())
                .containsExactly("line 7: longer than 200 bytes: skipped");
    }

    @Test
    void w3cAccessLogsReadAsRequestsWithTheirTimeStatusAndSite() {
        String fields = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
                + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";
        String iis = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
                + "#Date: 2023-12-01 10:00:00\r\n" + fields
                + "2023-12-01 10:00:01 10.0.0.5 GET /api/cart - 443 - 10.1.2.3 Mozilla/5.0+(Windows) - 200 0 0 31\r\n"
                + "2023-12-01 10:00:02 10.0.0.5 POST /api/checkout id=7 443 - 10.1.2.4 curl/8.1 - 503 0 64 1200\r\n"
                + "#Software: Microsoft Internet Information Services 10.0\r\n" + fields // a restart
                + "2023-12-01 10:05:00 10.0.0.5 GET /missing\r\n"
                + "2023-12-01 10:05:01 10.0.0.5 GET /api/cart - 443 - 10.1.2.5 Mozilla/5.0 - 404 0 2 15\r\n";
        String cloudFront = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) "
                + "cs-uri-stem sc-status\n2023-12-01\t10:00:03\tFRA56-C1\t512\t10.9.9.9\tGET\td111.cloudfront.net"
                + "\t/index.html\t200\n";

        read("C:/inetpub/logs/LogFiles/W3SVC1/u_ex231201.log", iis.getBytes(StandardCharsets.UTF_8));
        read("cf/E2ABC.2023-12-01-10.abcd.gz", cloudFront.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.service() + " " + e.severity() + " " + e.epochMillis() + " " + e.text())
                .containsExactly(
                        "w3svc1 INFO 1701424801000 GET /api/cart 200",
                        "w3svc1 ERROR 1701424802000 POST /api/checkout 503",
                        "w3svc1 UNKNOWN -9223372036854775808 2023-12-01 10:05:00 10.0.0.5 GET /missing",
                        "w3svc1 WARN 1701425101000 GET /api/cart 404",
                        "d111.cloudfront.net INFO 1701424803000 GET /index.html 200");
        assertThat(problems).extracting(p -> p.location() + ": " + p.reason())
                .containsExactly("line 9: 5 values for 15 fields: read as text");

        List<LogEvent> limited = new ArrayList<>();
        List<Problem> limits = new ArrayList<>();
        new LogFileReader(limited::add, limits::add, 300).read("u_ex231202.log", new ByteArrayInputStream(
                (fields + "2023-12-02 10:00:01 10.0.0.5 GET /a" + "x".repeat(400) + " - 443 - 10.1.2.3 m - 200 0 0 3\n"
                        + "2023-12-02 10:00:02 10.0.0.5 GET /b - 443 - 10.1.2.3 m - 500 0 0 3\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(limited).extracting(LogEvent::text).containsExactly("GET /b 500");
        assertThat(limits).extracting(p -> p.location() + ": " + p.reason())
                .containsExactly("line 2: longer than 300 bytes: skipped");
    }

    /**
     * The Linux audit daemon writes one event as several records with one stamp (a system call, its working directory,
     * its paths, its command line): one event, its first record the message.
     */
    @Test
    void auditRecordsOfOneStampAreOneEvent() {
        String log = "type=DAEMON_START msg=audit(1796536839.595:7327): op=start ver=3.0.9 format=enriched "
                + "kernel=6.1.0 auid=4294967295 pid=28102 uid=0 ses=4294967295 res=success\u001dAUID=\"unset\"\n"
                + "type=SYSCALL msg=audit(1796536841.641:34): arch=c000003e syscall=257 success=no exit=-13 "
                + "a0=ffffff9c items=1 ppid=28117 pid=28118 uid=1000 comm=\"cat\" key=\"secret_watch\"\n"
                + "type=CWD msg=audit(1796536841.641:34): cwd=\"/tmp\"\n"
                + "type=PATH msg=audit(1796536841.641:34): item=0 name=\"/tmp/p/secret\" inode=12 mode=0100600\n"
                + "type=PROCTITLE msg=audit(1796536841.641:34): proctitle=636174002F746D702F736563726574\n"
                + "type=USER_AUTH msg=audit(1796536841.700:35): pid=28120 uid=1000 auid=1000 ses=3 "
                + "msg='op=PAM:authentication grantors=? acct=\"alice\" exe=\"/usr/bin/su\" res=failed'\n"
                + "type=SYSCALL msg=audit(1796536841.705:36): arch=c000003e syscall=59 success=yes exit=0 "
                + "items=2 comm=\"id\" key=\"user_exec\"\n"
                + "type=EXECVE msg=audit(1796536841.705:36): argc=1 a0=\"id\"\n"
                + "type=PROCTITLE msg=audit(1796536841.709:37): proctitle=\"id\"\n";

        read("audit.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 1", "2 4", "6 1", "7 2",
                "9 1");
        assertThat(events.get(1).text()).startsWith("type=SYSCALL msg=audit(1796536841.641:34): arch=c000003e");
        assertThat(events.get(1).continuation()).endsWith("proctitle=636174002F746D702F736563726574");
    }

    /**
     * A rule alone right under a record opens a value printed over lines at the margin, up to the rule that closes it;
     * a line that opens with a comma goes on with the event (ActiveMQ Artemis's audit of a sent message). A value
     * whose closing rule never comes ends at the next record.
     */
    @Test
    void aValuePrintedBetweenRulesUnderARecordIsPartOfIt() {
        String sent = "2026-12-06 07:51:29,962 [AUDIT](Thread-1 (ActiveMQ-server)) AMQ601500: User admin(amq)"
                + "@127.0.0.1:50538 sent a message CoreMessage[messageID=%d, durable=true], context: "
                + "RoutingContextImpl(Address=orders, routingType=ANYCAST, reusable=true)\n";
        String routing = "..................................................\n"
                + "***** durable queues orders:\n"
                + "- queueID=25 address:orders name:orders filter:null\n"
                + "***** non durable for orders:\n"
                + "..................................................\n"
                + ", transaction: null\n";
        String log = String.format(sent, 28) + routing + String.format(sent, 29) + routing
                + "2026-12-06 07:51:33,188 [AUDIT](Thread-0) AMQ601501: User admin(amq) is consuming a message\n"
                + "--------------------\n"
                + "a value whose closing rule went missing\n"
                + "2026-12-06 07:51:33,285 [AUDIT](Thread-0) AMQ601502: User admin(amq) acknowledged a message\n";

        read("audit.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 7", "8 7", "15 3",
                "18 1");
        assertThat(events.get(0).continuation()).contains("- queueID=25 address:orders")
                .endsWith(", transaction: null");
    }

    /** A rule under a record that the next record follows is the record's, and the lines after that are their own. */
    @Test
    void aRuleAloneUnderARecordOpensNoBlockOverTheNextRecords() {
        String log = "2026-12-06 07:51:33 INFO Configuration\n"
                + "========================================\n"
                + "2026-12-06 07:51:34 INFO listening\n"
                + "a line of another writer\n"
                + "2026-12-06 07:51:35 INFO ready\n";

        read("app.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 2", "3 1", "4 1", "5 1");
    }

    private static final String CAMEL_RULE = "-".repeat(135) + "\n";
    private static final String CAMEL_STACK = "org.apache.camel.InvalidPayloadException: No body available of type:"
            + " java.lang.Integer\n"
            + "\tat org.apache.camel.support.MessageSupport.getMandatoryBody(MessageSupport.java:130)\n";
    /** What Camel's error handler writes under a failed exchange's record: a blank line, then two sections. */
    private static final String CAMEL_SECTIONS = "\n"
            + "Message History (source location and message history is disabled)\n"
            + CAMEL_RULE
            + "Source                                   ID                             Processor"
            + "                                          Elapsed (ms)\n"
            + "                                         inbox/inbox                    from[file://inbox?noop=true]"
            + "                                 51\n"
            + "\t...\n"
            + "                                         inbox/convertBodyTo1           "
            + "convertBodyTo[java.lang.Integer]                              0\n"
            + "\n"
            + "Stacktrace\n"
            + CAMEL_RULE
            + CAMEL_STACK;

    /**
     * Apache Camel's error handler writes the failed exchange's history and stack under its record, after a blank line,
     * in sections each headed by a title a rule underlines: the record's event, up to the next record.
     */
    @Test
    void sectionsHeadedByAnUnderlinedTitleUnderARecordArePartOfIt() {
        String log = "2026-12-06 10:50:12,445 ERROR [Camel (camel-1) thread #2 - file://inbox] DefaultErrorHandler:231"
                + " - Failed delivery for (MessageId: A10D on ExchangeId: A10D). Exhausted after delivery attempt: 1"
                + " caught: org.apache.camel.InvalidPayloadException: No body available of type: java.lang.Integer\n"
                + CAMEL_SECTIONS
                + "\n"
                + "2026-12-06 10:50:12,450 WARN  [Camel (camel-1) thread #2 - file://inbox] GenericFileOnCompletion:138"
                + " - Rollback file strategy\n";

        read("camel.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 11", "15 1");
        assertThat(events.get(0).continuation()).startsWith("Message History (source location")
                .contains("\nStacktrace\n").endsWith("getMandatoryBody(MessageSupport.java:130)");
    }

    /**
     * log4j 1's TTCC layout writes no time: a record opens with its thread in brackets and its level, and Camel's
     * sections under it are its event as under a timed record.
     */
    @Test
    void sectionsUnderARecordOfAThreadAndALevelArePartOfIt() {
        String log = "[Camel (camel-1) thread #2 - file://inbox] ERROR org.apache.camel.processor.errorhandler"
                + ".DefaultErrorHandler - Failed delivery for (MessageId: A10D on ExchangeId: A10D).\n"
                + CAMEL_SECTIONS
                + "[main] INFO org.apache.camel.main.MainSupport - Apache Camel (Main) 4.22.0 shutdown\n"
                + "[main] Message History\n"
                + CAMEL_RULE;

        read("camel.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 11", "14 1", "15 2");
    }

    /**
     * tinylog writes an exception after its message and a colon: under Camel's record, on the rule that underlines
     * {@code Stacktrace}, a title that may also be an exception's name.
     */
    @Test
    void aRuleWithTheExceptionOnItUnderlinesTheTitleAboveIt() {
        String log = "2026-12-06 10:50:20 [Camel (camel-1) thread #2 - file://inbox] org.apache.camel.spi.CamelLogger"
                + ".log()\n"
                + "ERROR: Failed delivery for (MessageId: FA3E on ExchangeId: FA3E). Exhausted after delivery"
                + " attempt: 1\n"
                + "\n"
                + "Stacktrace\n"
                + CAMEL_RULE.strip() + ": " + CAMEL_STACK
                + "2026-12-06 10:50:20 [Camel (camel-1) thread #2 - file://inbox] org.apache.camel.component.file"
                + ".GenericFileOnCompletion.processStrategyRollback()\n"
                + "WARN: Rollback file strategy\n";

        read("camel.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 5", "7 2");
        assertThat(events.get(0).continuation()).startsWith("Stacktrace\n-----").endsWith("(MessageSupport.java:130)");
    }

    /**
     * A title is a record's heading only with a rule under it: without one it is a line of its own, and a title under
     * a line that is no record, or a rule under a record's line that is no title, heads nothing.
     */
    @Test
    void aTitleWithoutARuleUnderItOrUnderNoRecordHeadsNothing() {
        String log = "2026-12-06 10:50:12 INFO started\n"
                + "Another writer's line\n"
                + "\tits indented rest\n"
                + "2026-12-06 10:50:13 INFO listening\n"
                + "a line without a time\n"
                + "Summary\n"
                + "========\n"
                + "2026-12-06 10:50:14 INFO ready\n"
                + "42 items in the queue\n"
                + "==========\n";

        read("app.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 1", "2 2", "4 1", "5 1",
                "6 2", "8 1", "9 2");
    }

    /**
     * Icinga 2 writes what it was doing when a warning came up under a label alone, {@code Context:}, its frames
     * numbered and indented under it: the record's event. A line of more words over indented lines may be another
     * writer's print (an app's under its server's request line) and stays an event of its own.
     */
    @Test
    void aLabelOverIndentedLinesUnderARecordIsPartOfIt() {
        String log = "[2026-12-06 13:14:22 +0000] warning/MacroProcessor: Macro '(( ' is not defined.\n"
                + "Context:\n"
                + "\t(0) Resolving macros for string 'if [ $(( $(date +%s) / 7 % 2 )) = 0 ]; then exit 2; fi'\n"
                + "\t(1) Executing check for object 'vm!orders-queue'\n"
                + "\n"
                + "[2026-12-06 13:14:23 +0000] information/Checkable: Checking for configured notifications.\n"
                + "slow payment provider:\n"
                + "  attempt 1: timeout after 2.0s\n"
                + "Context:\n"
                + "[2026-12-06 13:14:24 +0000] information/ApiListener: New client connection.\n";

        read("icinga2.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 4", "6 1", "7 2", "9 1",
                "10 1");
        assertThat(events.get(0).continuation()).startsWith("Context:\n\t(0) Resolving macros")
                .endsWith("object 'vm!orders-queue'");
    }

    /**
     * A value in single quotes that the record's first line leaves open goes on at the margin up to the quote that
     * closes it: Icinga 2 logs a plugin's arguments so, a check's output of two lines among them. A quote that opens
     * no value (an apostrophe) or a value closed before the line's end holds nothing open.
     */
    @Test
    void aSingleQuotedValueLeftOpenGoesOnUpToItsClose() {
        String log = "[2026-12-06 13:14:34 +0000] warning/PluginNotificationTask: Notification command for object"
                + " 'vm!http' (PID: 9972, arguments: '/etc/icinga2/scripts/mail.sh' '-b' '' '-o' 'connect to address"
                + " 127.0.0.1 and port 80: Connection refused\n"
                + "HTTP CRITICAL - Unable to open TCP socket' '-s' 'CRITICAL') terminated with exit code 1\n"
                + "Another writer's line\n"
                + "[2026-12-06 13:14:35 +0000] warning/MacroProcessor: Macro '(( ' is not defined.\n"
                + "Another writer's line\n"
                + "[2026-12-06 13:14:36 +0000] information/Checkable: the user's cart is empty\n"
                + "Another writer's line\n";

        read("icinga2.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 2", "3 1", "4 1", "5 1",
                "6 1", "7 1");
    }

    /**
     * A line that says nothing ({@code /}, a file list's root) right under a record that left a bracket open does not
     * close what the bracket holds: lsyncd logs rsync's filter list inside the bracket of its arguments, one path a
     * line.
     */
    @Test
    void aBracketLeftOpenHoldsALineThatSaysNothingAndTheLinesAfterIt() {
        String log = "Sun Dec  6 13:18:50 2026 Exec: /usr/bin/rsync [<] [/a.txt\n"
                + "/\n"
                + "/sub/\n"
                + "/sub/b] [-lts] [-r] [/tmp/src/] [/tmp/dst/]\n"
                + "Sun Dec  6 13:18:50 2026 Exec: one-sweeped pipe\n"
                + "/\n"
                + "/sub/\n";

        read("lsyncd.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 4", "5 2", "7 1");
    }

    /**
     * Network UPS Tools' daemons in the foreground stamp each line with the seconds since they started, right-aligned
     * and so indented, then a tab: each line a record, also under a banner a child printed at the margin. An indented
     * line of another shape goes on the record above it.
     */
    @Test
    void linesStampedWithPaddedSecondsAndATabAreRecordsThoughIndented() {
        String log = "Network UPS Tools upsmon 2.8.0\n"
                + "   1.014609\tPoll UPS [ghost@127.0.0.1] failed - Driver not connected\n"
                + "   1.014630\tCommunications with UPS ghost@127.0.0.1 lost\n"
                + "    12.5\tone digit after the point: no stamp\n"
                + "\tits wrapped rest\n"
                + "Network UPS Tools upsmon 2.8.0\n"
                + "  12.016122\tUPS ghost@127.0.0.1 is unavailable\n";

        read("upsmon.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 1", "2 1", "3 3", "6 1",
                "7 1");
    }

    /**
     * An OCaml backtrace's frames go with the record that logged the exception: under the same header word for word,
     * as Liquidsoap writes each line of a message (the header alone ends it), or at the margin, as the runtime prints
     * an uncaught exception's. A frame under another header, and a line that only opens as a frame does, are records.
     */
    @Test
    void anOcamlBacktraceGoesWithItsRecordUnderTheSameHeaderOrAtTheMargin() {
        String log = "2026/12/06 13:17:02 [decoder:4] Error while checking file's content: Mad.End_of_stream\n"
                + "2026/12/06 13:17:02 [decoder:4] Raised by primitive operation at Mad_decoder.file_type.(fun) in"
                + " file \"decoder/mad_decoder.ml\", line 148, characters 13-40\n"
                + "2026/12/06 13:17:02 [decoder:4] Called from Tutils.finalize in file \"tools/tutils.ml\", line 105,"
                + " characters 12-16\n"
                + "2026/12/06 13:17:02 [decoder:4] Re-raised at Tutils.finalize in file \"tools/tutils.ml\", line 111,"
                + " characters 4-38\n"
                + "2026/12/06 13:17:02 [decoder:4] \n"
                + "2026/12/06 13:17:02 [decoder:4] Trying decoder \"IMAGE\"\n"
                + "2026/12/06 13:17:02 [clock.main:4] Called from Source.operator#get_ready in file \"source.ml\","
                + " line 469, characters 8-31\n"
                + "2026/12/06 13:17:02 [clock.main:4] Called from the front desk: nobody answered\n"
                + "Fatal error: exception Not_found\n"
                + "Raised at Stdlib__Map.Make.find in file \"map.ml\", line 137, characters 10-25\n"
                + "Called from unknown location\n"
                + "2026/12/06 13:17:03 [main:3] Shutdown started!\n";

        read("liquidsoap.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 5", "6 1", "7 1", "8 1",
                "9 3", "12 1");
        assertThat(events.get(0).continuation())
                .endsWith("line 111, characters 4-38\n2026/12/06 13:17:02 [decoder:4] ");
    }

    /**
     * A message whose further lines a logger writes each under the record's own header, indented after it, goes on as
     * one event when the header is the first line's word for word and holds a time of day and a tab indents the rest
     * (Minetest's Lua traceback, its {@code stack traceback:} among them); under another header, a second later, with
     * no time or indented by spaces (the kernel's lines through syslog), such a line is a record. Lua's {@code stack
     * traceback:} at the margin goes with the error over it, as the interpreter writes it.
     */
    @Test
    void indentedLinesUnderTheRecordsOwnHeaderGoOnWithIt() {
        String log = "2026-12-06 15:51:04: ERROR[Main]: ServerError: Lua: Runtime error from mod 'badmod':"
                + " init.lua:3: attempt to index local 't' (a nil value)\n"
                + "2026-12-06 15:51:04: ERROR[Main]: stack traceback:\n"
                + "2026-12-06 15:51:04: ERROR[Main]: \tinit.lua:3: in function 'func'\n"
                + "2026-12-06 15:51:04: ERROR[Main]: \tbuiltin/common/after.lua:20: in function <after.lua:5>\n"
                + "2026-12-06 15:51:04: ERROR[Server]: \tunder another thread's header\n"
                + "2026-12-06 15:51:05: ERROR[Server]: \ta second later\n"
                + "2026-12-06 15:51:05: ERROR[Server]:   indented by spaces\n"
                + "[Main]: no time here\n"
                + "[Main]: \tnor here\n"
                + "lua5.3: bad.lua:1: attempt to index a nil value (local 't')\n"
                + "stack traceback:\n"
                + "\tbad.lua:1: in function <bad.lua:1>\n"
                + "\t[C]: in ?\n"
                + "2026-12-06 15:51:06: ACTION[Main]: Server: Shutting down\n";

        read("minetest.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines()).containsExactly("1 4", "5 1", "6 1", "7 1",
                "8 1", "9 1", "10 4", "14 1");
    }

    /**
     * Firebird writes each record as a host, a tab and a time alone on a line, its message indented under it and a
     * blank line after: the indented lines are the message, joined to the stamp (a frame is not). A record whose
     * first line has a message of its own keeps the indented lines under it.
     */
    @Test
    void theIndentedLinesUnderAStampAloneAreItsMessage() {
        String log = "vm\tSun Dec  6 13:44:04 2026\n"
                + "\tDatabase: /data/shop.fdb\n"
                + "\tError: Page 2 wrong type (expected SCN inventory encountered unknown (255))\n"
                + "\n"
                + "\n"
                + "vm\tSun Dec  6 13:44:05 2026\n"
                + "\tINET/inet_error: read errno = 104, client host = vm\n"
                + "\tat a.B.c(B.java:1)\n"
                + "\n"
                + "2026-12-06 13:44:06 ERROR validation failed\n"
                + "\tDatabase: /data/shop.fdb\n";

        read("firebird.log", log.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines() + " " + e.text()).containsExactly(
                "1 3 vm\tSun Dec  6 13:44:04 2026 Database: /data/shop.fdb Error: Page 2 wrong type (expected SCN"
                        + " inventory encountered unknown (255))",
                "6 3 vm\tSun Dec  6 13:44:05 2026 INET/inet_error: read errno = 104, client host = vm",
                "10 2 2026-12-06 13:44:06 ERROR validation failed");
    }

    @Test
    void varnishlogsTransactionsReadAsRequestsWithTheirTimeStatusAndLines() {
        String grouped = "*   << Request  >> 32770     \n"
                + "-   Begin          req 32769 rxreq\n"
                + "-   Timestamp      Start: 1796523352.443120 0.000000 0.000000\n"
                + "-   ReqMethod      GET\n"
                + "-   ReqURL         /orders?token=s3cret\n"
                + "-   ReqHeader      Host: 127.0.0.1:6081\n"
                + "-   RespStatus     200\n"
                + "-   RespStatus     503\n"
                + "-   End            \n"
                + "**  << BeReq    >> 32771     \n"
                + "--  Begin          bereq 32770 fetch\n"
                + "--  Timestamp      Start: 1796523352.443300 0.000000 0.000000\n"
                + "--  BereqMethod    GET\n"
                + "--  BereqURL       /orders?token=s3cret\n"
                + "--  FetchError     backend default: fail errno 111 (Connection refused)\n"
                + "--  BerespStatus   503\n"
                + "--  End            \n"
                + "\n"
                + "Log overflow\n"
                + "*   << Session  >> 32772     \n"
                + "-   Begin          sess 0 HTTP/1\n"
                + "-   SessOpen       127.0.0.1 34850 a0 127.0.0.1 6081 1796523353.891500 20\n"
                + "-   SessClose      RX_JUNK 0.000\n"
                + "*   << Request  >> 32773     \n"
                + "-   Begin          req 32772 rxreq\n"
                + "-   Timestamp      Start: 1796523353.891840 0.000000 0.000000\n"
                + "-   RespStatus     400\n"
                + "-   End            \n";
        String raw = "         0 CLI            - Rd ping\n"
                + "         2 Begin          c req 1 rxreq\n"
                + "         3 Begin          b bereq 2 fetch\n"
                + "         2 Timestamp      c Start: 1796523352.362870 0.000000 0.000000\n"
                + "         3 FetchError     b first byte timeout\n"
                + "         2 ReqMethod      c POST\n"
                + "         2 ReqURL         c /cart\n"
                + "         3 End            b \n"
                + "         2 RespStatus     c 201\n"
                + "         2 End            c \n"
                + "         5 Begin          c req 4 rxreq\n"
                + "         5 ReqMethod      c GET\n";

        read("varnishlog.txt", grouped.getBytes(StandardCharsets.UTF_8));
        read("vlog-raw.log", raw.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.line() + " " + e.lines() + " " + e.severity() + " " + e.epochMillis()
                + " " + e.text()).containsExactly(
                        "1 9 ERROR 1796523352443 GET /orders 503",
                        "10 8 ERROR 1796523352443 backend fetch GET /orders 503: backend default: fail errno 111 "
                                + "(Connection refused)",
                        "19 1 UNKNOWN -9223372036854775808 Log overflow",
                        "20 4 WARN 1796523353892 session closed RX_JUNK",
                        "24 5 WARN 1796523353892 request 400",
                        "1 1 UNKNOWN -9223372036854775808 CLI Rd ping",
                        "3 3 ERROR -9223372036854775808 backend fetch request: first byte timeout",
                        "2 6 INFO 1796523352363 POST /cart 201",
                        "11 2 UNKNOWN -9223372036854775808 GET");
        assertThat(events.get(0).continuation()).startsWith("*   << Request  >> 32770\n-   Begin          req")
                .contains("-   ReqURL         /orders?token=s3cret\n").endsWith("-   End");
        assertThat(events.get(7).continuation()).isEqualTo("         2 Begin          c req 1 rxreq\n"
                + "         2 Timestamp      c Start: 1796523352.362870 0.000000 0.000000\n"
                + "         2 ReqMethod      c POST\n         2 ReqURL         c /cart\n"
                + "         2 RespStatus     c 201\n         2 End            c");
        assertThat(events).allSatisfy(e -> assertThat(e.raw()).isEqualTo(e.text().equals("Log overflow")));
        assertThat(problems).extracting(p -> p.location() + ": " + p.reason()).containsExactly(
                "line 11: transaction 5 has no End (the log ends inside it): read as far as it goes");

        List<LogEvent> limited = new ArrayList<>();
        List<Problem> limits = new ArrayList<>();
        new LogFileReader(limited::add, limits::add, 130).read("varnishlog.txt", new ByteArrayInputStream(
                grouped.getBytes(StandardCharsets.UTF_8)));
        assertThat(limited.get(0).continuation()).isEqualTo("*   << Request  >> 32770\n"
                + "-   Begin          req 32769 rxreq\n"
                + "-   Timestamp      Start: 1796523352.443120 0.000000 0.000000");
        assertThat(limited.get(0).text()).isEqualTo("GET /orders 503");
        assertThat(limits).extracting(p -> p.location() + ": " + p.reason()).startsWith(
                "line 1: transaction 32770 is longer than the 130 bytes kept: its last 6 lines were left out");
    }

    /**
     * A raw varnishlog filtered by tag ({@code -g raw -i ReqURL}) opens with no tag it prints first and has no End
     * lines: it is known by its lines, and its transactions are delivered as far as they were read, the oldest first
     * once too many are open, so nothing is held without bound.
     */
    @Test
    void varnishlogsTransactionsWithoutEndAreDeliveredOnceTooManyAreOpen() {
        int count = VarnishLogFile.MAX_OPEN_TRANSACTIONS + 3;
        StringBuilder raw = new StringBuilder();
        for (int id = 1; id <= count; id++) {
            raw.append(String.format("%10d ReqURL         c /orders/%d%n", id, id));
        }
        read("filtered.log", raw.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(events).hasSize(count);
        assertThat(events.subList(0, 3)).extracting(e -> e.line() + " " + e.text())
                .containsExactly("1 ReqURL /orders/1", "2 ReqURL /orders/2", "3 ReqURL /orders/3");
        assertThat(problems.subList(0, 3)).extracting(p -> p.location() + ": " + p.reason()).containsExactly(
                "line 1: transaction 1 has no End before 4096 transactions opened after it: read as far as it went",
                "line 2: transaction 2 has no End before 4096 transactions opened after it: read as far as it went",
                "line 3: transaction 3 has no End before 4096 transactions opened after it: read as far as it went");
        assertThat(problems.get(3).reason()).startsWith("transaction 4 has no End (the log ends inside it)");
    }

    /** A transaction id too long for a number opens no transaction: its line and those under it are read as text. */
    @Test
    void aVarnishlogTransactionIdPastANumbersReachIsText() {
        String text = "*   << Request  >> 2\n-   ReqURL         /a\n"
                + "*   << Request  >> 99999999999999999999999\n-   ReqURL         /b\n";
        read("varnishlog.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.raw() + " " + e.text()).containsExactly("false /a",
                "true *   << Request  >> 99999999999999999999999", "true -   ReqURL         /b");
        assertThat(problems).isEmpty();
    }

    @Test
    void traceIdsInTheTextOfLinesAndOfJsonMessagesLinkTheirEvents() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= 40; n++) { // ids only from line 20: the lines looked at are 1, 17, 33, then all
            text.append("2024-03-01 10:00:").append(String.format("%02d", n)).append(" INFO ")
                    .append(n >= 20 ? "trace_id=" + trace + " " : "").append("order ").append(n).append(" placed\n");
        }
        read("app.log", text.toString().getBytes(StandardCharsets.UTF_8));
        read("app.json", ("{\"msg\":\"[cart," + trace + ",00f067aa0ba902b7] cart saved\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(events.subList(0, 19)).allSatisfy(e -> assertThat(e.traceId()).isNull());
        assertThat(events.subList(32, 40)).allSatisfy(e -> assertThat(e.traceId().toHex()).isEqualTo(trace));
        assertThat(events.get(40).traceId().toHex()).isEqualTo(trace);
        assertThat(events.get(40).spanId().toHex()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void terminalColoursAreTakenOutSoLinesReadAsTheirPlainTwins() {
        String plain = "2024-03-01 10:00:00.123  INFO 4242 --- [main] o.s.b.Application : Started in 3.2 seconds\n"
                + "2024-03-01 10:00:01.123 ERROR 4242 --- [http-1] c.a.Checkout : payment failed for order 17\n";
        String coloured = "2024-03-01 10:00:00.123 \u001b[32m INFO\u001b[0m 4242 --- [main] \u001b[36mo.s.b.Application"
                + "\u001b[0;39m : Started in 3.2 seconds\u001b]0;title\u0007\n"
                + "2024-03-01 10:00:01.123 \u001b[1;38;5;196mERROR\u001b[m 4242 --- [http-1] \u001b(Bc.a.Checkout : "
                + "payment failed for order 17\u001b]52;c;ZXZpbA==\u001b\\\n";
        String docker = "{\"log\":\"\\u001b[31mERROR\\u001b[0m payment failed for order 18\\n\",\"stream\":\"stdout\","
                + "\"time\":\"2024-03-01T10:00:02Z\"}\n";

        read("plain.log", plain.getBytes(StandardCharsets.UTF_8));
        List<String> plainTexts = events.stream().map(LogEvent::text).toList();
        events.clear();
        read("coloured.log", coloured.getBytes(StandardCharsets.UTF_8));
        read("docker-json.log", docker.getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly(plainTexts.get(0), plainTexts.get(1),
                "ERROR payment failed for order 18");
    }

    /**
     * A line of colour codes alone (the reset a terminal capture ends with: {@code docker-compose up > up.log}) is a
     * blank line, at one thread and at two; it ended the whole file's reading with an error.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aLineOfColourCodesAloneIsBlank(int threads) {
        List<LogEvent> read = readOn(threads, "up.log", "\u001b[0m\n\u001b[33mWARN\u001b[0m disk 91% full\n"
                + "\u001b[33m\n\u001b[0m\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("WARN disk 91% full");
        assertThat(problems).isEmpty();
    }

    /**
     * Python's rich logging handler writes a time only when it changed, pads each record to the console's width with
     * the file and line that logged at the right, and its traceback (and a wrapped message) under the message's
     * column: each level under the one above opens an event with the time above, the location is no part of the
     * message, a wrapped message is joined and the traceback stays with its record; at one thread and at two.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void richsRecordsWithoutATimeOfTheirOwnAreEventsWithTheTimeAbove(int threads) {
        String pad = " ".repeat(30);
        List<LogEvent> read = readOn(threads, "cli.log", String.join("\n",
                "[05:00:14] INFO     processing order 6305" + pad + "rl.py:18",
                "           DEBUG    cache miss for key user:299" + pad + "rl.py:20",
                "           ERROR    charge failed for ord-9974" + pad + "rl.py:24",
                "                    Traceback (most recent call last):",
                "                      File \"/app/rl.py\", line 22, in <module>",
                "                    ValueError: amount 92 over limit",
                "[05:00:15] WARNING  queue depth 528 above a threshold that is long enough" + pad + "billing.py:26",
                "                    to be wrapped under it",
                "           INFO     done; see rl.py:30 for more", ""));
        assertThat(read).extracting(LogEvent::text).containsExactly(
                "[05:00:14] INFO     processing order 6305",
                "[05:00:14] DEBUG    cache miss for key user:299",
                "[05:00:14] ERROR    charge failed for ord-9974",
                "[05:00:15] WARNING  queue depth 528 above a threshold that is long enough to be wrapped under it",
                "[05:00:15] INFO     done; see rl.py:30 for more");
        assertThat(read.get(2).continuation()).contains("Traceback", "ValueError: amount 92 over limit");
        assertThat(read.get(2).text()).as("a traceback under the message's column is no part of it")
                .isEqualTo("[05:00:14] ERROR    charge failed for ord-9974");
    }

    @Test
    void escapeSequencesOfEveryKindGoAndTheTextAroundThemStays() {
        assertThat(EscapeCodes.strip("no escapes")).isEqualTo("no escapes");
        assertThat(EscapeCodes.strip("\u001b[1;31mred\u001b[0m and \u009b4mlined\u009bm")).isEqualTo("red and lined");
        assertThat(EscapeCodes.strip("8-bit only \u009b4mlined")).as("no ESC: left").isEqualTo("8-bit only \u009b4mlined");
        assertThat(EscapeCodes.strip("a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b")).isEqualTo("alinkb");
        assertThat(EscapeCodes.strip("\u001b7saved\u001b8 \u001b(0x\u001b(B \u001bPq#0\u001b\\done"))
                .isEqualTo("saved x done");
        assertThat(EscapeCodes.strip("cut \u001b[31")).isEqualTo("cut ");
        assertThat(EscapeCodes.strip("lone \u001b")).isEqualTo("lone ");
        assertThat(EscapeCodes.strip("title \u001b]0;never ended")).isEqualTo("title ");
    }

    @Test
    void aLogNamedForItsPlaceTakesItsServiceFromTheFolderThatNamesTheProgram() {
        byte[] line = "2024-03-01T10:00:00.000000001Z stdout F order 17 placed\n".getBytes(StandardCharsets.UTF_8);
        read("/var/log/pods/shop_checkout-7d9f8b6c5d-x2x9z_4f1c/checkout/0.log", line);
        read("/var/log/pods/shop_cart-5c7d4-b2m8q_77aa/cart/1.log.20240301-100000.gz", line);
        read("/var/log/containers/checkout-7d9f8b6c5d-x2x9z_shop_payment-" + "0123456789abcdef".repeat(4) + ".log",
                line);
        read("cluster-dump/shop/inventory-6b8f7c9d5f-q7w2z/logs.txt", line);
        read("/var/log/nginx/current", line);
        read("bundle.tgz!/current", line);
        read("/var/log/payment-service.log.1.gz", line);
        read("collected/0/console.log", line);
        read("/var/log/nginx/error.log", line);
        read("/var/log/apache2/access.log.1", line);
        read("/var/log/httpd/ssl_error_log-20240301", line);
        read("/var/log/accesses.log", line);

        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "cart", "payment", "inventory",
                "nginx", "bundle", "payment-service", "collected", "nginx", "apache2", "httpd", "accesses");
    }

    /** Google Cloud Logging entries, as its log sinks write them (one per line) and as {@code gcloud} prints them. */
    private static final String CLOUD_LOGGING_ENTRIES = String.join("\n",
            "{\"insertId\":\"1\",\"jsonPayload\":{\"message\":\"charge failed\",\"level\":\"debug\"},"
                    + "\"resource\":{\"type\":\"k8s_container\",\"labels\":{\"container_name\":\"checkout\","
                    + "\"pod_name\":\"checkout-7d9f8b6c5d-x2x9z\"}},\"timestamp\":\"2024-03-01T12:00:00.123456Z\","
                    + "\"severity\":\"ERROR\",\"logName\":\"projects/shop/logs/stdout\","
                    + "\"trace\":\"projects/shop/traces/4bf92f3577b34da6a3ce929d0e0e4736\","
                    + "\"spanId\":\"00f067aa0ba902b7\"}",
            "{\"textPayload\":\"GET /cart 200\",\"resource\":{\"type\":\"cloud_run_revision\",\"labels\":"
                    + "{\"service_name\":\"cart\"}},\"timestamp\":\"2024-03-01T12:00:01Z\",\"severity\":\"DEFAULT\","
                    + "\"logName\":\"projects/shop/logs/run.googleapis.com%2Fstdout\"}",
            "{\"jsonPayload\":{\"msg\":\"pool low\",\"level\":\"warn\"},\"resource\":{\"type\":\"k8s_container\","
                    + "\"labels\":{}},\"labels\":{\"k8s-pod/app\":\"inventory\"},\"severity\":\"DEFAULT\","
                    + "\"timestamp\":\"2024-03-01T12:00:02Z\",\"logName\":\"projects/shop/logs/stderr\"}",
            "{\"httpRequest\":{\"requestMethod\":\"POST\",\"requestUrl\":\"https://shop.example/pay?card=4111\","
                    + "\"status\":503,\"latency\":\"0.040s\"},\"jsonPayload\":{\"statusDetails\":\"backend_timeout\"},"
                    + "\"resource\":{\"type\":\"http_load_balancer\",\"labels\":{\"backend_service_name\":\"web\"}},"
                    + "\"severity\":\"WARNING\",\"timestamp\":\"2024-03-01T12:00:03Z\","
                    + "\"logName\":\"projects/shop/logs/requests\"}",
            "{\"protoPayload\":{\"serviceName\":\"k8s.io\",\"methodName\":\"io.k8s.core.v1.pods.delete\","
                    + "\"status\":{\"code\":7,\"message\":\"PERMISSION_DENIED\"}},"
                    + "\"resource\":{\"type\":\"k8s_cluster\"},"
                    + "\"severity\":\"ERROR\",\"timestamp\":\"2024-03-01T12:00:04Z\","
                    + "\"logName\":\"projects/shop/logs/cloudaudit.googleapis.com%2Factivity\"}");

    /**
     * Cloud Logging entries read as JSON lines and as the array {@code gcloud logging read --format=json} prints: the
     * message from the text payload, the JSON payload's fields, the HTTP request (its path without the query) or the
     * audited call; the service from the monitored resource, the pod's labels or the audited API; the entry's
     * severity (the payload's level when it says {@code DEFAULT}), time, trace and span.
     */
    @Test
    void cloudLoggingEntriesAreReadFromTheirPayloads() {
        read("entries.json", CLOUD_LOGGING_ENTRIES.getBytes(StandardCharsets.UTF_8));
        read("gcloud.json", ("[\n  " + CLOUD_LOGGING_ENTRIES.replace("\n", ",\n  ") + "\n]\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).hasSize(10);
        assertThat(events.subList(5, 10)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source", "line")
                .isEqualTo(events.subList(0, 5));
        List<LogEvent> lines = events.subList(0, 5);
        assertThat(lines).extracting(LogEvent::text).containsExactly("charge failed", "GET /cart 200", "pool low",
                "POST /pay 503", "io.k8s.core.v1.pods.delete failed: PERMISSION_DENIED");
        assertThat(lines).extracting(LogEvent::service).containsExactly("checkout", "cart", "inventory", "web",
                "k8s.io");
        assertThat(lines).extracting(LogEvent::severity).containsExactly(Severity.ERROR, Severity.UNKNOWN,
                Severity.WARN, Severity.WARN, Severity.ERROR);
        assertThat(Instant.ofEpochMilli(lines.get(0).epochMillis())).isEqualTo("2024-03-01T12:00:00.123Z");
        assertThat(lines.get(0).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(lines.get(0).spanId().toHex()).isEqualTo("00f067aa0ba902b7");
    }

    /**
     * A CloudWatch Logs Insights export names each row's log group ({@code @log}), whose last part is the service;
     * App Engine's request log in Cloud Logging is read as its request.
     */
    @Test
    void logGroupsAndRequestLogsNameServiceAndMessage() {
        read("insights.json", ("[{\"@timestamp\":\"2024-03-01 12:00:00.000\",\"@message\":\"charge failed\","
                + "\"@logStream\":\"2024/03/01/[$LATEST]0a1b\",\"@log\":\"123456789012:/aws/lambda/checkout-fn\"},\n"
                + " {\"@timestamp\":\"2024-03-01 12:00:01.000\",\"@message\":\"ready\",\"@log\":\"web\"}]\n")
                .getBytes(StandardCharsets.UTF_8));
        read("appengine.json", ("{\"protoPayload\":{\"@type\":\"type.googleapis.com/google.appengine.logging.v1."
                + "RequestLog\",\"method\":\"GET\",\"resource\":\"/cart/42?session=s3cr3t\",\"status\":500,"
                + "\"moduleId\":\"default\"},\"resource\":{\"type\":\"gae_app\",\"labels\":{\"module_id\":"
                + "\"shop\"}},\"severity\":\"ERROR\",\"timestamp\":\"2024-03-01T12:00:02Z\","
                + "\"logName\":\"projects/p/logs/appengine.googleapis.com%2Frequest_log\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly("charge failed", "ready", "GET /cart/42 500");
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout-fn", "web", "shop");
    }

    /**
     * Azure Monitor's tables as its queries answer ({@code az monitor log-analytics query}: an array of rows by
     * column): a container's line in {@code LogMessage} (a string, or the JSON record the container wrote) with
     * {@code ContainerName} and {@code TimeGenerated}; Application Insights' trace messages with their role, their
     * operation (the trace), their parent (the span) and a severity from 0 (verbose) to 4 (critical).
     */
    @Test
    void azureMonitorRowsAreReadByTheirColumns() {
        read("query.json", ("[{\"TimeGenerated\":\"2024-03-01T12:00:00.123Z\",\"ContainerName\":\"checkout\","
                + "\"LogMessage\":\"charge failed\",\"LogLevel\":\"error\",\"LogSource\":\"stderr\"},\n"
                + "{\"TimeGenerated\":\"2024-03-01T12:00:01Z\",\"ContainerName\":\"checkout\",\"LogMessage\":"
                + "{\"level\":\"warn\",\"msg\":\"slow charge\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}},\n"
                + "{\"TimeGenerated\":\"2024-03-01T12:00:02Z\",\"Computer\":\"node-1\","
                + "\"LogEntry\":\"GET /cart 200\"}]")
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder traces = new StringBuilder();
        for (int level = 0; level <= 5; level++) {
            traces.append("{\"TimeGenerated\":\"2024-03-01T12:00:0").append(level).append("Z\",\"Message\":\"step ")
                    .append(level).append("\",\"SeverityLevel\":").append(level).append(",\"AppRoleName\":\"orders\","
                    + "\"OperationId\":\"5bf92f3577b34da6a3ce929d0e0e4736\",\"ParentId\":\"00f067aa0ba902b7\"}\n");
        }
        read("AppTraces.json", traces.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).startsWith("charge failed", "slow charge", "GET /cart 200");
        assertThat(events).extracting(LogEvent::service).startsWith("checkout", "checkout", "query");
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.ERROR, Severity.WARN,
                Severity.UNKNOWN, Severity.TRACE, Severity.INFO, Severity.WARN, Severity.ERROR, Severity.FATAL,
                Severity.UNKNOWN);
        assertThat(Instant.ofEpochMilli(events.get(0).epochMillis())).isEqualTo("2024-03-01T12:00:00.123Z");
        assertThat(events.get(1).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        LogEvent traced = events.get(4);
        assertThat(traced.service()).isEqualTo("orders");
        assertThat(Instant.ofEpochMilli(traced.epochMillis())).isEqualTo("2024-03-01T12:00:01Z");
        assertThat(traced.traceId().toHex()).isEqualTo("5bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(traced.spanId().toHex()).isEqualTo("00f067aa0ba902b7");
    }

    /** An array written a record per line, the first on the bracket's line: one document, not lines of text. */
    @Test
    void anArrayWrittenARecordPerLineIsOneDocument() {
        read("[{\"message\":\"first\"},\r\n {\"message\":\"second\"},\r\n {\"message\":\"third\"}]\r\n");

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly("first", "second", "third");
    }

    /**
     * Records as Elastic's agents store them (Elastic Common Schema, fields nested: {@code "service": {"name": ...}},
     * {@code "log": {"level": ...}} beside the message) and as Fluent Bit's Kubernetes filter ships container lines
     * (docker's wrapper with the container named, the lines of many containers in one file): each line's service,
     * level and trace from its nested fields; an object is never a name, nor a message where a message has text. The
     * wrapped lines are folded per container (handed on when their container's next event starts, or at the end).
     */
    @Test
    void nestedFieldsOfShippersGiveServiceLevelAndTrace() {
        read("export.json", ("{\"@timestamp\":\"2024-03-01T12:00:00Z\",\"log\":{\"level\":\"error\",\"logger\":"
                + "\"c.a.Checkout\"},\"message\":\"charge failed\",\"service\":{\"name\":\"checkout\"},"
                + "\"trace\":{\"id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"},\"span\":{\"id\":\"00f067aa0ba902b7\"}}\n"
                + "{\"@timestamp\":\"2024-03-01T12:00:01Z\",\"message\":\"GET /cart 500\",\"log\":{\"level\":\"warn\"},"
                + "\"kubernetes\":{\"container\":{\"name\":\"cart\"}}}\n"
                + "{\"log\":\"GET /cart 200\\n\",\"stream\":\"stdout\",\"time\":\"2024-03-01T12:00:02Z\","
                + "\"kubernetes\":{\"pod_name\":\"cart-5c7d4-b2m8q\",\"container_name\":\"cart\"}}\n"
                + "{\"log\":\"\\tat c.Cart.get(Cart.java:7)\\n\",\"stream\":\"stderr\","
                + "\"time\":\"2024-03-01T12:00:03Z\","
                + "\"kubernetes\":{\"container_name\":\"search\"}}\n"
                + "{\"log\":\"\\tat c.Cart.list(Cart.java:9)\\n\",\"stream\":\"stderr\","
                + "\"kubernetes\":{\"pod_name\":\"cart-5c7d4-b2m8q\",\"container_name\":\"cart\"}}\n"
                + "{\"log\":{\"offset\":7},\"stream\":\"stdout\",\"container\":{\"name\":\"web\"}}\n"
                + "{\"message\":\"ready\",\"podName\":\"web-7d9f8b6c5d-x2x9z\",\"containerName\":\"web\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly("charge failed", "GET /cart 500",
                "{\"offset\":7}", "ready", "GET /cart 200", "\tat c.Cart.get(Cart.java:7)"); // 3rd: the object
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "cart", "web", "web", "cart",
                "search");
        assertThat(events.get(4).continuation()).as("each container's lines folded apart")
                .isEqualTo("\tat c.Cart.list(Cart.java:9)");
        assertThat(events).extracting(LogEvent::severity).startsWith(Severity.ERROR, Severity.WARN);
        assertThat(events.get(0).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(0).spanId().toHex()).isEqualTo("00f067aa0ba902b7");
    }

    /**
     * Kubernetes Events as {@code kubectl get events -o json} lists them (core v1) and as the {@code events.k8s.io} API
     * writes them: the reason before the message, the type as the level, the last occurrence as the time, the
     * container the event names (else the pod's program, else the object) as the service.
     */
    @Test
    void kubernetesEventsAreReadWithReasonTypeAndObject() {
        read("events.json", """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"kind": "Event", "reason": "BackOff", "type": "Warning", "count": 5,
                   "message": "Back-off restarting failed container checkout in pod checkout-7d9f8b6c5d-x2x9z",
                   "involvedObject": {"kind": "Pod", "name": "checkout-7d9f8b6c5d-x2x9z",
                                      "fieldPath": "spec.containers{checkout}"},
                   "firstTimestamp": "2024-03-01T11:50:00Z", "lastTimestamp": "2024-03-01T12:00:00Z",
                   "eventTime": null},
                  {"kind": "Event", "reason": "Scheduled", "type": "Normal",
                   "message": "Successfully assigned shop/cart-6b8f7c9d5f-q7w2z to node-1",
                   "involvedObject": {"kind": "Pod", "name": "cart-6b8f7c9d5f-q7w2z"},
                   "lastTimestamp": null, "metadata": {"creationTimestamp": "2024-03-01T11:49:00Z"}},
                  {"kind": "Event", "reason": "NodeNotReady", "type": "Warning",
                   "involvedObject": {"kind": "Node", "name": "node-2"}, "lastTimestamp": "2024-03-01T11:48:00Z"},
                  {"apiVersion": "events.k8s.io/v1", "kind": "Event", "reason": "Unhealthy", "type": "Warning",
                   "note": "Readiness probe failed: HTTP probe failed with statuscode: 503",
                   "regarding": {"kind": "Pod", "name": "search-7c9d8f6b5-abcde",
                                 "fieldPath": "spec.containers{search}"},
                   "series": {"count": 3, "lastObservedTime": "2024-03-01T12:01:00.000000Z"},
                   "eventTime": "2024-03-01T11:59:00.000000Z"}
                ]}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "BackOff: Back-off restarting failed container checkout in pod checkout-7d9f8b6c5d-x2x9z",
                "Scheduled: Successfully assigned shop/cart-6b8f7c9d5f-q7w2z to node-1", "NodeNotReady",
                "Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503");
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "cart", "node-2", "search");
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.WARN, Severity.INFO,
                Severity.WARN, Severity.WARN);
        assertThat(events).extracting(e -> Instant.ofEpochMilli(e.epochMillis()).toString()).containsExactly(
                "2024-03-01T12:00:00Z", "2024-03-01T11:49:00Z", "2024-03-01T11:48:00Z", "2024-03-01T12:01:00Z");
    }

    /**
     * Windows events as PowerShell writes them ({@code Get-WinEvent | ConvertTo-Json}): the level on Windows' own
     * scale (4, information, is no syslog warning; 0 is "log always"), the provider as the service, the time as
     * Windows PowerShell writes it ({@code /Date(ms)/}) or as PowerShell 7 does (ISO 8601).
     */
    @Test
    void windowsEventsTakeTheirLevelOnWindowsScale() {
        read("events.json", """
                [{"Id": 1000, "Level": 2, "LevelDisplayName": "Error", "ProviderName": "Application Error",
                  "TimeCreated": "\\/Date(1709294400123)\\/", "Message": "Faulting application name: shop.exe"},
                 {"Id": 7036, "Level": 4, "LevelDisplayName": "Information",
                  "ProviderName": "Service Control Manager", "TimeCreated": "2024-03-01T13:00:01.5+01:00",
                  "Message": "The Shop service entered the running state."},
                 {"Id": 4625, "Level": 0, "LevelDisplayName": "Information",
                  "ProviderName": "Microsoft-Windows-Security-Auditing", "TimeCreated": "/Date(1709294402000+0100)/",
                  "Message": "An account failed to log on."},
                 {"Id": 2004, "Level": 3, "LevelDisplayName": "Warnung", "ProviderName": "Resource-Exhaustion-Detector",
                  "TimeCreated": "/Date(1709294403000)/", "Message": "A low virtual memory condition."},
                 {"Id": 41, "Level": 1, "LevelDisplayName": "Critical", "ProviderName": "Kernel-Power",
                  "TimeCreated": "/Date(1709294404000)/", "Message": "The system has rebooted without shutting down."}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.ERROR, Severity.INFO, Severity.INFO,
                Severity.WARN, Severity.FATAL);
        assertThat(events).extracting(LogEvent::service).startsWith("Application Error", "Service Control Manager");
        assertThat(events).extracting(e -> Instant.ofEpochMilli(e.epochMillis()).toString()).containsExactly(
                "2024-03-01T12:00:00.123Z", "2024-03-01T12:00:01.500Z", "2024-03-01T12:00:02Z",
                "2024-03-01T12:00:03Z", "2024-03-01T12:00:04Z");
    }

    /**
     * Splunk's export ({@code output_mode=json}: a row per line, the event as read in {@code result._raw}, its header
     * read as a text line's; the service from the file it came from) and Datadog's Logs API (an event's fields in
     * {@code attributes}, its level as {@code status}).
     */
    @Test
    void splunkAndDatadogExportsAreReadAsTheRecordsTheyHold() {
        read("splunk.json", ("{\"preview\":false,\"offset\":0,\"result\":{\"_raw\":\"2024-03-01 12:00:00,123 ERROR "
                + "[main] c.a.Checkout - charge failed\",\"_time\":\"2024-03-01T13:00:00.123+01:00\",\"host\":"
                + "\"web-1\",\"source\":\"/var/log/checkout.log.1\",\"sourcetype\":\"log4j\"}}\n"
                + "{\"preview\":false,\"offset\":1,\"lastrow\":true,\"result\":{\"_raw\":\"GET /cart 200\","
                + "\"_time\":\"2024-03-01T12:00:01.000+00:00\",\"sourcetype\":\"access_combined\"}}\n")
                .getBytes(StandardCharsets.UTF_8));
        read("datadog.json", """
                {"data": [{"id": "AQAAAY", "type": "log", "attributes": {"service": "cart", "status": "warn",
                  "timestamp": "2024-03-01T12:00:02Z", "host": "web-2", "message": "slow checkout 1200 ms",
                  "tags": ["env:prod"], "attributes": {"http": {"status_code": 200}}}}],
                 "links": {"next": "https://api.datadoghq.com/api/v2/logs/events?page[cursor]=x"}, "meta": {}}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:00,123 ERROR [main] c.a.Checkout - charge failed", "GET /cart 200",
                "slow checkout 1200 ms");
        assertThat(events).extracting(LogEvent::raw).containsExactly(true, true, true);
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "access_combined", "cart");
        assertThat(events.get(2).severity()).isEqualTo(Severity.WARN);
        assertThat(events).extracting(e -> Instant.ofEpochMilli(e.epochMillis()).toString()).containsExactly(
                "2024-03-01T12:00:00.123Z", "2024-03-01T12:00:01Z", "2024-03-01T12:00:02Z");
    }

    /**
     * Logs exported as CSV with a header row: each row read as the record its header names (a capitalised field name
     * read as the field), quoted cells holding commas, doubled quotes and a stack trace's line breaks; tab-separated
     * too; a row with another number of cells is one problem and still read; a quote that never closes is one.
     */
    @Test
    void csvExportsAreReadRowByRowAsRecords() {
        read("splunk.csv", ("\uFEFF\"_time\",\"_raw\",host,source\r\n"
                + "\"2024-03-01T12:00:00.123+00:00\",\"2024-03-01 12:00:00,123 ERROR [main] c.a.Checkout - charge "
                + "failed, card \"\"4111\"\" declined\n\tat c.a.Checkout.pay(Checkout.java:42)\",web-1,"
                + "/var/log/checkout.log\r\n"
                + "2024-03-01T12:00:01.000+00:00,GET /cart 200,web-1\r\n").getBytes(StandardCharsets.UTF_8));
        read("datadog.csv", ("Date,Host,Service,Status,Content\n"
                + "2024-03-01T12:00:02.000Z,web-2,cart,warn,slow checkout\n"
                + "2024-03-01T12:00:03.000Z,web-2,cart,info,\"never closed\n").getBytes(StandardCharsets.UTF_8));
        read("insights.tsv", ("@timestamp\t@message\t@logStream\n"
                + "2024-03-01 12:00:04.000\t{\"level\":\"error\",\"msg\":\"timeout\"}\tcheckout/abc\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(LogEvent::text).containsExactly(
                "2024-03-01 12:00:00,123 ERROR [main] c.a.Checkout - charge failed, card \"4111\" declined",
                "GET /cart 200", "slow checkout", "never closed", "timeout");
        assertThat(events.get(0).continuation()).isEqualTo("\tat c.a.Checkout.pay(Checkout.java:42)");
        assertThat(events).extracting(LogEvent::service).containsExactly("checkout", "splunk", "cart", "cart",
                "insights");
        assertThat(events.get(4).severity()).isEqualTo(Severity.ERROR);
        assertThat(events).extracting(LogEvent::line).containsExactly(2L, 4L, 2L, 3L, 2L);
        assertThat(events).extracting(e -> Instant.ofEpochMilli(e.epochMillis()).toString()).containsExactly(
                "2024-03-01T12:00:00.123Z", "2024-03-01T12:00:01Z", "2024-03-01T12:00:02Z", "2024-03-01T12:00:03Z",
                "2024-03-01T12:00:04Z");
        assertThat(problems).extracting(Problem::location, Problem::reason).containsExactly(
                tuple("line 4", "3 cells where the header names 4: read by position"),
                tuple("line 3", "a quote that never closes: the row read to the end of the file"));
    }

    /** A quote that never closes takes no more than the longest record: reading resumes at the next line. */
    @Test
    void anUnclosedQuoteInACsvExportCostsOnlyItsRow() {
        LogFileReader small = new LogFileReader(events::add, problems::add, 120);
        StringBuilder csv = new StringBuilder("time,message\n2024-03-01T12:00:00Z,\"never closed\n");
        for (int i = 0; i < 12; i++) {
            csv.append("2024-03-01T12:00:0").append(i % 10).append("Z,row ").append(i).append('\n');
        }
        small.read("export.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(problems).extracting(Problem::location, Problem::reason).containsExactly(tuple("line 2",
                "a row longer than 120 characters (a quote that never closes?): skipped up to the next line"));
        assertThat(events).extracting(LogEvent::text).isNotEmpty().allMatch(t -> t.startsWith("row "))
                .contains("row 11");
    }

    /** Rows of random bytes under a CSV header never stop the reading: each gives an event or a problem. */
    @Test
    void randomRowsUnderACsvHeaderNeverThrow() {
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 40; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("time,level,message\n".getBytes(StandardCharsets.UTF_8));
            byte[] junk = new byte[1 + random.nextInt(4000)]; // text, or it would be skipped as binary
            for (int i = 0; i < junk.length; i++) {
                junk[i] = random.nextInt(4) == 0 ? (byte) ",\"\n\r".charAt(random.nextInt(4))
                        : (byte) (0x20 + random.nextInt(0x5f));
            }
            out.writeBytes(junk);
            events.clear();
            problems.clear();

            long delivered = read("export.csv", out.toByteArray());

            assertThat(delivered).isEqualTo(events.size());
            assertThat(events.size() + problems.size()).as("rows read or reported").isPositive();
            assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        }
    }

    /** A log whose first line only has commas in it is no CSV export: its lines are read as lines. */
    @Test
    void aLogLineWithCommasIsNoCsvHeader() {
        read("app.log", ("2024-03-01 12:00:00,123 INFO [main] a.B - started, message queue ready\n"
                + "2024-03-01 12:00:01,456 WARN [main] a.B - slow, 1200 ms\n").getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 2L);
    }

    /**
     * PostgreSQL's {@code csvlog} has no header row: a file whose first row has its columns (26 from version 14, 24 in
     * 13) is read by them: the severity, the time, the message; a statement's line breaks stay in its cell.
     */
    @Test
    void postgresCsvLogIsReadByItsKnownColumns() {
        String startup = "2026-12-03 20:14:06.363 UTC,,,14946,,6b11cd8e.3a62,4,,2026-12-03 20:14:06 UTC,,0,LOG,00000,"
                + "\"database system is ready to accept connections\",,,,,,,,,\"\",\"postmaster\",,0\n";
        String error = "2026-12-03 20:14:08.504 UTC,\"app\",\"shop\",15045,\"[local]\",6b11cd90.3ac5,3,\"INSERT\","
                + "2026-12-03 20:14:08 UTC,3/2,737,ERROR,23505,\"duplicate key value violates unique constraint "
                + "\"\"t_pkey\"\"\",\"Key (id)=(1) already exists.\",,,,,\"insert into t\nvalues (1)\",,,\"psql\","
                + "\"client backend\",,0\n";
        read("postgresql-2026-12-03.csv", (startup + error).getBytes(StandardCharsets.UTF_8));
        read("pg13.csv", ("2026-12-03 20:14:09.000 UTC,\"app\",\"shop\",15046,\"[local]\",6b11cd90.3ac6,1,"
                + "\"authentication\",2026-12-03 20:14:09 UTC,4/1,0,FATAL,3D000,"
                + "\"database \"\"nodb\"\" does not exist\",,,,,,,,,\"psql\",\"client backend\"\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::text).containsExactly("database system is ready to accept connections",
                "duplicate key value violates unique constraint \"t_pkey\"", "database \"nodb\" does not exist");
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.INFO, Severity.ERROR,
                Severity.FATAL);
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 2L, 1L);
        assertThat(Instant.ofEpochMilli(events.get(1).epochMillis())).isEqualTo("2026-12-03T20:14:08.504Z");
        assertThat(events.get(1).continuation())
                .isEqualTo("DETAIL:  Key (id)=(1) already exists.\nSTATEMENT:  insert into t\nvalues (1)");
    }

    /** Rows of a headerless CSV that are not PostgreSQL's (another cell count) are lines, read as lines. */
    @Test
    void aHeaderlessCsvOfOtherColumnsIsReadAsLines() {
        read("metrics.csv", ("2026-12-03 20:14:06.363 UTC,14946,LOG,a,b\n2026-12-03 20:14:07.363 UTC,14946,LOG,c,d\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(events).extracting(LogEvent::text).allMatch(t -> t.startsWith("2026-12-03 20:14:0"));
    }

    @Test
    void jsonLinesTakeMessageLevelTimeAndTraceFromTheirFields() {
        read("{\"ts\":\"2024-03-01T12:00:00Z\",\"level\":\"warn\",\"msg\":\"slow query 12 ms\",\"service\":\"db\","
                + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\"}\n"
                + "{\"log\":\"2024-03-01 12:00:01 ERROR x.Y: failed\\n\",\"stream\":\"stderr\",\"time\":\"2024-03-01T12:00:01Z\"}\n"
                + "{\"message\":\"first\\nsecond\"}\n"
                + "{\"message\": broken\n"
                + "{\"no\":\"message\"}\n");
        assertThat(events).hasSize(3);
        LogEvent json = events.get(0);
        assertThat(json.text()).isEqualTo("slow query 12 ms");
        assertThat(json.raw()).as("a message may carry a header of its own: the accumulator learns whether").isTrue();
        assertThat(json.severity()).isEqualTo(Severity.WARN);
        assertThat(json.service()).isEqualTo("db");
        assertThat(Instant.ofEpochMilli(json.epochMillis())).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(json.traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        LogEvent docker = events.get(1);
        assertThat(docker.raw()).isTrue();
        assertThat(docker.text()).isEqualTo("2024-03-01 12:00:01 ERROR x.Y: failed");
        assertThat(events.get(2).continuation()).isEqualTo("second");
        assertThat(problems).extracting(Problem::location).containsExactly("line 4", "line 5");
        assertThat(problems.get(0).reason()).startsWith("not valid JSON");
    }

    /**
     * The JSON that common loggers write by default, each as its documentation shows it: pino and bunyan (numeric
     * levels), Serilog's compact JSON (no level means Information; the message template when nothing is rendered),
     * .NET's JSON console, python-json-logger with OpenTelemetry's logging instrumentation (logging's own time format,
     * otel fields), MongoDB's structured log (extended JSON dates, letter levels), Google Cloud's service context, and
     * times without a zone or without a time of day.
     */
    @Test
    void theJsonOfCommonLoggersGivesItsLevelTimeServiceAndTrace() {
        read("{\"level\":50,\"time\":1709294400123,\"pid\":42,\"hostname\":\"web-1\",\"name\":\"checkout\","
                + "\"msg\":\"payment failed for order 42\"}\n"
                + "{\"level\":20,\"time\":1709294400124,\"msg\":\"cache miss\"}\n"
                + "{\"@t\":\"2024-03-01T12:00:00.1234567Z\",\"@mt\":\"Order {OrderId} failed\",\"@l\":\"Error\","
                + "\"OrderId\":42,\"@tr\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"@sp\":\"00f067aa0ba902b7\"}\n"
                + "{\"@t\":\"2024-03-01T12:00:01Z\",\"@m\":\"Order 43 placed\",\"@mt\":\"Order {OrderId} placed\"}\n"
                + "{\"Timestamp\":\"2024-03-01T12:00:02Z\",\"EventId\":0,\"LogLevel\":\"Warning\","
                + "\"Category\":\"Shop.Cart\",\"Message\":\"Cart 7 is empty\"}\n"
                + "{\"asctime\": \"2024-03-01 12:00:03,250\", \"levelname\": \"ERROR\", \"message\": \"order 44 failed\", "
                + "\"otelTraceID\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"otelSpanID\": \"00f067aa0ba902b7\", "
                + "\"otelServiceName\": \"orders\"}\n"
                + "{\"time\":\"2024-03-01T12:00:04.500\",\"msg\":\"no zone\"}\n"
                + "{\"date\":\"2024-03-01\",\"msg\":\"a day\"}\n"
                + "{\"time\":\"soon\",\"msg\":\"no time at all\"}\n"
                + "{\"t\":{\"$date\":\"2024-03-01T12:00:05.123+00:00\"},\"s\":\"W\",\"c\":\"CONTROL\",\"id\":22120,"
                + "\"ctx\":\"initandlisten\",\"msg\":\"Access control is not enabled\"}\n"
                + "{\"t\":{\"$date\":{\"$numberLong\":\"1709294406000\"}},\"s\":\"D2\",\"msg\":\"Slow query\"}\n"
                + "{\"severity\":\"ERROR\",\"message\":\"db timeout\",\"serviceContext\":{\"service\":\"billing\"}}\n");
        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.ERROR, Severity.DEBUG,
                Severity.ERROR, Severity.INFO, Severity.WARN, Severity.ERROR, Severity.UNKNOWN, Severity.UNKNOWN,
                Severity.UNKNOWN, Severity.WARN, Severity.DEBUG, Severity.ERROR);
        assertThat(events).extracting(LogEvent::text).containsExactly("payment failed for order 42", "cache miss",
                "Order {OrderId} failed", "Order 43 placed", "Cart 7 is empty", "order 44 failed", "no zone", "a day",
                "no time at all", "Access control is not enabled", "Slow query", "db timeout");
        assertThat(events.subList(0, 8)).extracting(e -> Instant.ofEpochMilli(e.epochMillis())).containsExactly(
                Instant.parse("2024-03-01T12:00:00.123Z"), Instant.parse("2024-03-01T12:00:00.124Z"),
                Instant.parse("2024-03-01T12:00:00.123Z"), Instant.parse("2024-03-01T12:00:01Z"),
                Instant.parse("2024-03-01T12:00:02Z"), Instant.parse("2024-03-01T12:00:03.250Z"),
                Instant.parse("2024-03-01T12:00:04.500Z"), Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(events.get(8).epochMillis()).isEqualTo(dev.sloscout.engine.capsule.LogHeader.NO_TIME);
        assertThat(events.subList(9, 11)).extracting(e -> Instant.ofEpochMilli(e.epochMillis())).containsExactly(
                Instant.parse("2024-03-01T12:00:05.123Z"), Instant.parse("2024-03-01T12:00:06Z"));
        assertThat(events.get(2).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(2).spanId().toHex()).isEqualTo("00f067aa0ba902b7");
        assertThat(events.get(5).traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(5).service()).isEqualTo("orders");
        assertThat(events.get(11).service()).as("Google Cloud's serviceContext").isEqualTo("billing");
        assertThat(events.get(10).service()).as("no service field: the file's").isEqualTo("app");
    }

    /**
     * PostgreSQL's {@code jsonlog} (version 15 on): the severity in {@code error_severity}, in PostgreSQL's words
     * ({@code LOG} information, {@code DEBUG1} to {@code DEBUG5} debug), the time with its zone's name.
     */
    @Test
    void postgresJsonLogGivesItsSeverity() {
        read("{\"timestamp\":\"2026-12-03 20:14:06.363 UTC\",\"pid\":14946,\"error_severity\":\"LOG\","
                + "\"message\":\"database system is ready to accept connections\",\"backend_type\":\"postmaster\"}\n"
                + "{\"timestamp\":\"2026-12-03 20:14:08.504 UTC\",\"pid\":15045,\"user\":\"app\",\"dbname\":\"shop\","
                + "\"error_severity\":\"ERROR\",\"state_code\":\"23505\",\"message\":\"duplicate key value\","
                + "\"detail\":\"Key (id)=(1) already exists.\",\"statement\":\"insert into t values (1)\"}\n"
                + "{\"timestamp\":\"2026-12-03 20:14:08.695 UTC\",\"error_severity\":\"FATAL\","
                + "\"message\":\"database \\\"nodb\\\" does not exist\"}\n"
                + "{\"timestamp\":\"2026-12-03 20:14:09.000 UTC\",\"error_severity\":\"DEBUG2\","
                + "\"message\":\"autovacuum: processing database \\\"shop\\\"\"}\n");
        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.INFO, Severity.ERROR,
                Severity.FATAL, Severity.DEBUG);
        assertThat(events.get(1).text()).isEqualTo("duplicate key value");
        assertThat(events.get(1).continuation()).as("the parts under the message, as the stderr log writes them")
                .isEqualTo("DETAIL:  Key (id)=(1) already exists.\nSTATEMENT:  insert into t values (1)");
        assertThat(events.get(0).continuation()).isEmpty();
        assertThat(Instant.ofEpochMilli(events.get(0).epochMillis())).isEqualTo("2026-12-03T20:14:06.363Z");
    }

    /**
     * Monolog's JSON (PHP: Laravel, Symfony) gives its level as a number on its own scale, 100 debug to 600
     * emergency, and by name in {@code level_name}.
     */
    @Test
    void monologJsonGivesItsLevel() {
        read("{\"message\":\"cache warmed\",\"level\":100,\"level_name\":\"DEBUG\",\"channel\":\"shop\","
                + "\"datetime\":\"2026-12-03T21:11:59.135766+00:00\"}\n"
                + "{\"message\":\"request done\",\"level\":250,\"level_name\":\"NOTICE\"}\n"
                + "{\"message\":\"slow checkout\",\"level\":300,\"level_name\":\"WARNING\"}\n"
                + "{\"message\":\"order failed\",\"level\":500,\"level_name\":\"CRITICAL\"}\n"
                + "{\"message\":\"disk full\",\"level\":600,\"level_name\":\"EMERGENCY\"}\n"
                + "{\"message\":\"by name alone\",\"level_name\":\"ERROR\"}\n"
                + "{\"message\":\"no such number\",\"level\":201}\n");
        assertThat(problems).isEmpty();
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.DEBUG, Severity.INFO,
                Severity.WARN, Severity.ERROR, Severity.FATAL, Severity.ERROR, Severity.UNKNOWN);
        assertThat(Instant.ofEpochMilli(events.get(0).epochMillis())).isEqualTo("2026-12-03T21:11:59.135Z");
    }

    /**
     * A record pretty-printed among JSON lines (a logger's debug dump, a record pasted in) is read as the one record it
     * is, numbered by the line of its opening brace, at one thread and at two; a pretty-printed payload under a text
     * line that is no record is folded under that line, and a brace that never closes is read line by line.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRecordPrettyPrintedAmongJsonLinesIsReadAsOneRecord(int threads) {
        List<LogEvent> read = readOn(threads, "app.jsonl",
                "{\"msg\":\"one\",\"level\":\"info\"}\n"
                + "{\n  \"msg\": \"two {not a brace}\",\n\n  \"level\": \"error\",\n  \"tags\": [\"a\", {\"b\": 1}]\n}\n"
                + "{\"msg\":\"three\"}\n"
                + "2024-03-01 12:00:00 ERROR upstream answered:\n"
                + "{\n  \"status\": 502\n}\n"
                + "{\"msg\":\"four\"}\n"
                + "{\n  \"msg\": \"never closed\"\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("one", "two {not a brace}", "three",
                "2024-03-01 12:00:00 ERROR upstream answered:", "four", "  \"msg\": \"never closed\"");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 2L, 8L, 9L, 13L, 15L);
        assertThat(read.get(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(read.get(3).continuation()).as("the payload under its line, braces and all")
                .isEqualTo("{\n  \"status\": 502\n}");
        assertThat(problems).extracting(Problem::location).containsExactly("line 14");
        assertThat(problems.get(0).reason()).startsWith("a JSON document spread over lines");
    }

    /**
     * Shippers that batch (one JSON array of records per request, a request per line) write arrays: each record is
     * read, at one thread and at two; a line that only opens like one ({@code [{main}] INFO ...}) or an array of
     * objects that are no log records stays text.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void arraysOfRecordsOnALineAreReadRecordByRecord(int threads) {
        List<LogEvent> read = readOn(threads, "batches.jsonl",
                "[{\"msg\":\"a\",\"level\":\"warn\"},{\"msg\":\"b\"},7]\n"
                + "[{main}] INFO started\n"
                + "[{\"id\":1}]\n"
                + "[ {\"message\":\"c\",\"service\":\"cart\"} ]\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("a", "b", "[{main}] INFO started",
                "[{\"id\":1}]", "c");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 1L, 2L, 3L, 4L);
        assertThat(read.get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(read.get(4).service()).isEqualTo("cart");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("line 1, element 3"));
    }

    /**
     * A JSON log with plain lines among its records (an entrypoint's banner, the JVM's "Picked up ..." warning, a stack
     * trace printed by a library): each record after them is read as JSON, at one thread and at two. A JSON value under
     * a text line that is no log record, at the margin after a line that announces it with a colon or indented
     * beneath it, stays text there, under that line.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void jsonRecordsAfterPlainLinesAreReadAsJsonAndPayloadsUnderTextStayText(int threads) {
        List<LogEvent> read = readOn(threads, "app.log",
                "Starting entrypoint.sh\n"
                + "{\"ts\":\"2024-03-01T12:00:00Z\",\"level\":\"info\",\"msg\":\"order 42 placed\"}\n"
                + "Picked up JAVA_TOOL_OPTIONS: -Xmx512m\n"
                + "{\"ts\":\"2024-03-01T12:00:01Z\",\"level\":\"error\",\"msg\":\"order 43 failed\"}\n"
                + "java.lang.IllegalStateException: boom\n"
                + "\tat a.B.run(B.java:10)\n"
                + "{\"ts\":\"2024-03-01T12:00:02Z\",\"level\":\"warn\",\"msg\":\"order 44 slow\"}\n"
                + "{\"ts\":\"2024-03-01T12:00:03Z\",\"level\":\"info\",\"msg\":\"order 45 placed\"}\n"
                + "2024-03-01 12:00:04 ERROR upstream answered:\n"
                + "{\"status\":502,\"reason\":\"bad gateway\"}\n"
                + "2024-03-01 12:00:05 ERROR upstream answered again:\n"
                + "  {\"message\":\"bad gateway\"}\n");
        assertThat(read).extracting(LogEvent::text).containsExactly("Starting entrypoint.sh", "order 42 placed",
                "Picked up JAVA_TOOL_OPTIONS: -Xmx512m", "order 43 failed", "java.lang.IllegalStateException: boom",
                "order 44 slow", "order 45 placed", "2024-03-01 12:00:04 ERROR upstream answered:",
                "2024-03-01 12:00:05 ERROR upstream answered again:");
        assertThat(read).extracting(LogEvent::line).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L, 11L);
        assertThat(read.get(3).severity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(read.get(5).epochMillis())).isEqualTo(Instant.parse("2024-03-01T12:00:02Z"));
        assertThat(read.get(4).continuation()).isEqualTo("\tat a.B.run(B.java:10)");
        assertThat(read.get(7).continuation()).as("a value at the margin continues the line that announced it")
                .isEqualTo("{\"status\":502,\"reason\":\"bad gateway\"}");
        assertThat(read.get(8).continuation()).as("an indented value continues the line above it")
                .isEqualTo("  {\"message\":\"bad gateway\"}");
        assertThat(problems).as("the payload is text where it stands, not a record without a message").isEmpty();
    }

    /**
     * A log rotated by logrotate with xz or bzip2 as its {@code compresscmd} reads as its lines do, a file of
     * concatenated bzip2 streams (pbzip2's) to its end; a stream cut short keeps the events before the cut (xz's up to
     * its last whole chunk, 64 KiB compressed at most) and says the file is truncated.
     */
    @Test
    void logsCompressedWithXzOrBzip2ReadAsTheirLines() {
        String first = "2026-12-05 06:00:00,000 INFO [main] a.B: order 7 placed\n";
        String second = "2026-12-05 06:00:01,000 ERROR [main] a.B: order 8 failed\n";
        byte[] plain = (first + second).getBytes(StandardCharsets.UTF_8);
        read("app.log.1.xz", Compressions.xz(plain));
        read("app.log.2.bz2", concat(Compressions.bzip2(first.getBytes(StandardCharsets.UTF_8)),
                Compressions.bzip2(second.getBytes(StandardCharsets.UTF_8))));
        assertThat(events).extracting(LogEvent::text).containsExactly(first.strip(), second.strip(), first.strip(),
                second.strip());
        assertThat(problems).isEmpty();

        events.clear();
        StringBuilder many = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            many.append("2026-12-05 06:00:00,000 INFO [main] a.B: order ").append(Long.toHexString(random.nextLong()))
                    .append(" placed\n");
        }
        byte[] xz = Compressions.xz(many.toString().getBytes(StandardCharsets.UTF_8));
        read("app.log.3.xz", java.util.Arrays.copyOf(xz, xz.length * 2 / 3));
        assertThat(events).isNotEmpty().hasSizeLessThan(20_000);
        assertThat(problems).isNotEmpty();
    }

    /** A corrupted or truncated xz or bzip2 log never escapes the reader: each case gives events or a problem. */
    @ParameterizedTest
    @ValueSource(strings = {"xz", "bz2"})
    void corruptedXzOrBzip2LogsNeverEscapeTheReader(String compression) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            log.append("2026-12-05 06:00:0").append(i % 10).append(",000 INFO [main] a.B: order ").append(i * 7919)
                    .append(" placed\n");
        }
        byte[] plain = log.toString().getBytes(StandardCharsets.UTF_8);
        byte[] whole = compression.equals("xz") ? Compressions.xz(plain) : Compressions.bzip2(plain);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] broken = java.util.Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            if (broken.length > 0 && random.nextBoolean()) {
                broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
            }
            events.clear();
            problems.clear();
            read("app.log." + i + "." + compression, broken);
            assertThat(events.size() + problems.size()).as("case " + i).isPositive();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void otlpLogsAsJsonLinesAndAsOnePrettyDocumentCompressed() throws Exception {
        String request = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":"
                + "\"1700000000000000000\",\"severityNumber\":17,\"body\":{\"stringValue\":\"cart 7 not found\"},"
                + "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\"},"
                + "{\"timeUnixNano\":\"1700000001000000000\",\"severityNumber\":\"SEVERITY_NUMBER_INFO\","
                + "\"body\":{\"stringValue\":\"cart 8 saved\"}}]}]}]}";
        read("logs.jsonl", (request + "\n" + request + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).hasSize(4);
        assertThat(events.get(0).service()).isEqualTo("cart");
        assertThat(events.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(events.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(events.get(0).spanId().toHex()).isEqualTo("b7ad6b7169203331");
        assertThat(events.get(0).epochMillis()).isEqualTo(1_700_000_000_000L);

        events.clear();
        String pretty = request.replace(",", ",\n  ").replace("{", "{\n");
        read("logs.json.zst", Compressions.zstd(Compressions.gzip(pretty.getBytes(StandardCharsets.UTF_8))));
        assertThat(events).extracting(LogEvent::text).containsExactly("cart 7 not found", "cart 8 saved");
        assertThat(problems).isEmpty();
    }

    /**
     * The Collector's {@code filelog} receiver, without a multiline rule, sends each line of a file as a record of its
     * own: records that are bare lines (a body of one line, nothing else known) are folded as the file's lines would
     * be, each service's apart, at one thread and at two; a record with a severity or a trace is a record as before.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void bareLineRecordsOfACollectorsFileReceiverAreFoldedPerService(int threads) {
        List<String> records = List.of(
                bare("2024-03-01 12:00:00,000 ERROR [main] c.a.Shop - could not save order 7"),
                bare("java.lang.IllegalStateException: save failed"),
                "{\"body\":{\"stringValue\":\"\\tat c.a.Shop.save(Shop.java:12)\"}}",
                "{\"severityNumber\":9,\"body\":{\"stringValue\":\"\\tat not a frame: a record of its own\"}}",
                "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"body\":{\"stringValue\":\"Caused by: traced\"}}",
                "{\"body\":{\"stringValue\":\"\\tat c.a.Shop.main(Shop.java:5)\"}}",
                bare("2024-03-01 12:00:01,000 INFO [main] c.a.Shop - order 8 placed"));
        String shop = "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                + "\"shop\"}}]},\"scopeLogs\":[{\"logRecords\":[" + String.join(",", records) + "]}]}";
        String cart = "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                + "\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[" + bare("\\tat an indented first line")
                + "," + bare("cart 7 emptied") + "]}]}";
        List<LogEvent> read = readOn(threads, "filelog.json",
                "{\"resourceLogs\":[" + shop + "," + cart + "]}\n" + "{\"resourceLogs\":[" + cart + "]}\n");
        assertThat(problems).isEmpty();
        assertThat(read).filteredOn(e -> e.service().equals("shop")).extracting(LogEvent::text).containsExactly(
                "\tat not a frame: a record of its own", "Caused by: traced",
                "2024-03-01 12:00:00,000 ERROR [main] c.a.Shop - could not save order 7",
                "2024-03-01 12:00:01,000 INFO [main] c.a.Shop - order 8 placed");
        assertThat(read).filteredOn(e -> e.text().contains("could not save")).singleElement()
                .satisfies(e -> assertThat(e.continuation()).isEqualTo("java.lang.IllegalStateException: save failed"
                        + "\n\tat c.a.Shop.save(Shop.java:12)\n\tat c.a.Shop.main(Shop.java:5)"));
        assertThat(read).filteredOn(e -> e.service().equals("cart")).extracting(LogEvent::text)
                .containsExactly("\tat an indented first line", "cart 7 emptied", "cart 7 emptied");
        assertThat(read).filteredOn(e -> e.service().equals("cart")).extracting(LogEvent::continuation)
                .as("the second request's first line continues the first's last").containsExactly("",
                        "\tat an indented first line", "");
    }

    private static String bare(String line) {
        return "{\"observedTimeUnixNano\":\"1709294400000000000\",\"body\":{\"stringValue\":\"" + line + "\"}}";
    }

    @Test
    void anOtlpRequestOfTwentyMegabytesOnOneLineIsReadRecordByRecord() {
        StringBuilder request = new StringBuilder("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":"
                + "\"service.name\",\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[");
        int records = 0;
        while (request.length() < 20 << 20) {
            if (records > 0) {
                request.append(',');
            }
            request.append("{\"timeUnixNano\":\"").append(1_700_000_000_000_000_000L + records * 1_000_000L)
                    .append("\",\"severityNumber\":9,\"body\":{\"stringValue\":\"cart ").append(records)
                    .append(" saved after a long and winding checkout that took a while to describe\"}}");
            records++;
        }
        request.append("]}]}]}\n");
        long read = read("logs.jsonl", (request.toString() + "plain line after it\n").getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(records + 1);
        assertThat(events).hasSize(records + 1);
        assertThat(events.get(records - 1).text()).startsWith("cart " + (records - 1) + " saved");
        assertThat(events.get(0).service()).isEqualTo("cart");
        assertThat(problems).isEmpty();
    }

    @Test
    void aJsonMessageInsideAnOtlpBodyIsOpenedAndFillsWhatTheRecordLeftOut() {
        read("logs.jsonl", ("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                + "\"value\":{\"stringValue\":\"currency\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":"
                + "{\"stringValue\":\"{\\\"severity\\\":\\\"warn\\\",\\\"message\\\":\\\"conversion 7 failed\\\","
                + "\\\"timestamp\\\":\\\"2022-08-22T05:18:33.713Z\\\"}\"}}]}]}]}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(problems).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("conversion 7 failed");
            assertThat(e.severity()).isEqualTo(Severity.WARN);
            assertThat(Instant.ofEpochMilli(e.epochMillis())).isEqualTo(Instant.parse("2022-08-22T05:18:33.713Z"));
            assertThat(e.service()).isEqualTo("currency");
        });
    }

    @Test
    void aPrettyPrintedArrayOfRecordsIsStreamed() {
        read("app.json", "[\n  {\"msg\": \"one\"},\n  {\"msg\": \"two\"},\n  42\n]\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(LogEvent::text).containsExactly("one", "two");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo("element 3"));
    }

    /**
     * {@code jq . app.jsonl} writes each record pretty-printed after the last, as people share logs: every record is
     * read (only the first was, the rest dropped without a word), each numbered by the line it starts on; OTLP
     * requests one after another too; a value between them that is no record is said.
     */
    @Test
    void prettyPrintedRecordsOneAfterAnotherAreAllRead() {
        read("shared.json", ("{\n  \"level\": \"info\",\n  \"msg\": \"one\"\n}\n"
                + "{\n  \"level\": \"error\",\n  \"msg\": \"two\"\n}\n"
                + "\"stray\"\n"
                + "[\n  {\"msg\": \"three\"}\n]\n"
                + "{\n  \"resourceLogs\": [{\"resource\": {\"attributes\": [{\"key\": \"service.name\", \"value\": "
                + "{\"stringValue\": \"cart\"}}]}, \"scopeLogs\": [{\"logRecords\": [{\"body\": {\"stringValue\": "
                + "\"four\"}}]}]}]\n}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(LogEvent::text).containsExactly("one", "two", "three", "four");
        assertThat(events).extracting(LogEvent::line).containsExactly(1L, 5L, 10L, 13L);
        assertThat(events.get(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(events.get(3).service()).isEqualTo("cart");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 9");
            assertThat(p.reason()).contains("no object or array");
        });
        events.clear();
        problems.clear();
        read("cut.json", "{\n  \"msg\": \"one\"\n}\n{\n  \"msg\": \"two\"\n}\nnot json\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(LogEvent::text).containsExactly("one", "two");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 7");
            assertThat(p.reason()).startsWith("not a valid JSON document (records before the error were kept)");
        });
    }

    @Test
    void recordsWrappedInAnObjectAreStreamedHoweverDeep() {
        read("export.json", ("{\n  \"took\": 5,\n  \"hits\": {\n    \"total\": {\"value\": 2},\n    \"hits\": [\n"
                + "      {\"_index\": \"logs\", \"_source\": {\"message\": \"disk full\", \"level\": \"error\","
                + " \"service\": \"store\"}},\n"
                + "      {\"_index\": \"logs\", \"_source\": {\"message\": \"retrying\", \"level\": \"warn\"}}\n"
                + "    ]\n  }\n}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(LogEvent::text, LogEvent::severity, LogEvent::service)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("disk full", Severity.ERROR, "store"),
                        org.assertj.core.groups.Tuple.tuple("retrying", Severity.WARN, "export"));
        assertThat(problems).isEmpty();
    }

    @Test
    void aPrettyPrintedSingleRecordKeepsItsArraysOfObjects() {
        read("one.json", ("{\n  \"tags\": [{\"k\": \"zone\"}],\n  \"message\": \"started\",\n"
                + "  \"context\": {\"items\": [{\"id\": 1}]}\n}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(events).extracting(LogEvent::text).containsExactly("started");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRecordLargerThanTheBoundIsSkippedByOffsetAndTheRestRead() {
        LogFileReader small = new LogFileReader(events::add, problems::add, 200);
        String big = "x".repeat(500);
        small.read("logs.json", new ByteArrayInputStream(("{\n \"logs\": [\n  {\"message\": \"first\"},\n"
                + "  {\"message\": \"huge\", \"detail\": [\"" + big + "\", {\"more\": \"" + big + "\"}]},\n"
                + "  {\"message\": \"third\"}\n ]\n}\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(events).extracting(LogEvent::text).containsExactly("first", "third");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("element 2 (byte ");
            assertThat(p.reason()).isEqualTo("a record larger than 200 bytes skipped");
        });
    }

    @Test
    void aWholeExportOnOneLongLineIsReadRecordByRecord() {
        StringBuilder line = new StringBuilder("{\"logs\":[");
        for (int i = 0; i < 30_000; i++) {
            line.append(i == 0 ? "" : ",").append("{\"message\":\"item ").append(i).append(" indexed in shard ")
                    .append(i % 7).append("\"}");
        }
        line.append("]}\n{\"message\":\"after\"}\n");
        assertThat(line.length()).isGreaterThan(LogFileReader.STREAMED_LINE_BYTES);

        assertThat(read(line.toString())).isEqualTo(30_001);
        assertThat(events.get(29_999).line()).isEqualTo(1);
        assertThat(events.get(30_000).text()).isEqualTo("after");
        assertThat(problems).isEmpty();
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README's test command within five minutes
    void aWrappedDocumentFarLargerThanTheHeapIsReadRecordByRecord() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                JsonDocumentSoak.class.getName(), "1500000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("soak finished in time").isTrue();
        assertThat(process.exitValue()).as("soak exit code (OOM when the document is held whole)").isZero();
        String[] fields = out.split(" ");
        assertThat(Long.parseLong(fields[0])).as("records").isEqualTo(1_500_000L);
        assertThat(Long.parseLong(fields[1])).as("document bytes").isGreaterThan(100L << 20);
        assertThat(fields[2]).as("problems").isEqualTo("0");
    }

    @Test
    void textThatYieldsNoRecordIsAProblemNotASilentZero() {
        assertThat(read("{\"level\":\"info\"}\n{\"level\":\"warn\"}\n")).isZero();
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p.reason()).contains("without a message field"));
        problems.clear();
        assertThat(read("empty.json", "[]".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("no log records found in it"));
    }

    @Test
    void aHugePlainLineIsMinedOnItsFirst64KibAndSaysSo() {
        String huge = "x".repeat(200_000);
        assertThat(read("start " + huge + "\nnext\n")).isEqualTo(2);
        assertThat(events.get(0).text()).hasSize(LogFileReader.MAX_MINED_CHARS);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("1 line longer than 64 KiB"));
    }

    @Test
    void problemsOfOneKindAreSummedUpAfterTwenty() {
        read("{\"a\":1}\n".repeat(25));
        assertThat(problems).hasSize(21);
        assertThat(problems.get(20).reason()).isEqualTo("5 more problems like the ones above (25 in all)");
    }

    @Test
    void aBadLineIsReportedWithoutThePersonalDataInIt() {
        read("{\"message\": jane.doe@example.com}\n{\"message\": \"next line still read\"}\n");
        assertThat(events).extracting(LogEvent::text).containsExactly("next line still read");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1");
            assertThat(p.reason()).startsWith("not valid JSON").doesNotContain("jane.doe");
        });
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        assertThat(reader.read(dir.resolve("gone.log"))).isZero();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("gone.log");
            assertThat(p.reason()).startsWith("cannot read");
        });
    }

    @Test
    void inputKindsSendTraceFilesToTracesAndTheRestToLogs(@TempDir Path dir) throws Exception {
        Path traces = dir.resolve("t.jsonl");
        Files.writeString(traces, "{\"resourceSpans\":[]}\n");
        Path logs = dir.resolve("l.log");
        Files.writeString(logs, "hello\n");
        ByteArrayOutputStream otlpLogs = new ByteArrayOutputStream();
        otlpLogs.writeBytes("{\"resourceLogs\":[]}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("o.jsonl.gz"), Compressions.gzip(otlpLogs.toByteArray()));
        Files.write(dir.resolve("w.log"), "2024-03-01 10:00:00 INFO from PowerShell\n".getBytes(StandardCharsets.UTF_16));
        Path withTraceIds = dir.resolve("app.jsonl");
        Files.writeString(withTraceIds, "{\"traceID\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"msg\":\"cart 7 saved\"}\n");
        InputKinds.Split split = InputKinds.split(List.of(dir.toString()));
        assertThat(split.traces()).containsExactly(traces.toString());
        assertThat(split.logs()).as("a JSON log carrying traceID is a log, not a Jaeger dump")
                .containsExactly(withTraceIds, logs, dir.resolve("o.jsonl.gz"), dir.resolve("w.log"));
        reader.read(withTraceIds);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.traceId().toHex())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
    }
}
