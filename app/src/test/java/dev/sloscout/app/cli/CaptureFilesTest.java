package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture is a file on disk: what the live sources write is redacted unless the user asks for it raw. */
class CaptureFilesTest {
    private static final String PASSWORD = "Tr0ub4dor&3xyz";
    private static final String EMAIL = "bob.smith@example.org";

    @TempDir
    Path dir;

    private static Span span() {
        return Span.builder().traceId(new TraceId(1, 2)).spanId(new SpanId(3)).resource(Resource.ofService("cart"))
                .name("GET /users/" + EMAIL + "/cart").kind(SpanKind.SERVER).startEpochNanos(1_700_000_000_000_000_000L)
                .endEpochNanos(1_700_000_000_001_000_000L)
                .attributes(Attributes.builder().put(dev.sloscout.engine.model.AttributeKey.stringKey("db.statement"), "login --password " + PASSWORD).build()).build();
    }

    private static LogEvent log() {
        return new LogEvent("live", 1, 1, "cart", "login for " + EMAIL + " password=" + PASSWORD, false, "",
                LogHeader.NO_TIME, Severity.INFO, null, null);
    }

    @Test
    void spansAndLogRecordsAreRedactedBeforeTheyAreWritten() throws Exception {
        Path spans = dir.resolve("spans.jsonl");
        Path logs = dir.resolve("logs.jsonl");
        try (CaptureFiles capture = new CaptureFiles(spans, logs, new Redactor())) {
            capture.write(List.of(span()), List.of(log()));
            assertThat(capture.redactionNote()).startsWith("; 4 values redacted (");
        }
        String written = Files.readString(spans) + Files.readString(logs);
        assertThat(written).doesNotContain(PASSWORD).doesNotContain(EMAIL).contains("<EMAIL>")
                .contains("<SECRET:password>").contains("cart");
    }

    /** MyBatis's statement and, a record later, its parameters: the one bound to the password goes. */
    @Test
    void aValueBoundToAnEarlierRecordsStatementIsRedacted() throws Exception {
        Path spans = dir.resolve("spans.jsonl");
        Path logs = dir.resolve("logs.jsonl");
        try (CaptureFiles capture = new CaptureFiles(spans, logs, new Redactor())) {
            capture.write(List.of(), List.of(message("==>  Preparing: update users set password = ? where id = ?"),
                    message("==> Parameters: " + PASSWORD + "(String), 7(Long)")));
            assertThat(capture.redactionNote()).startsWith("; 1 value redacted (password 1");
        }
        assertThat(Files.readString(logs)).doesNotContain(PASSWORD)
                .contains("==> Parameters: <SECRET:password>(String), 7(Long)");
    }

    /** Two threads' records interleaved: each value paired with its thread's statement; the thread is written. */
    @Test
    void aValueIsPairedWithItsOwnThreadsStatementAndTheThreadIsWritten() throws Exception {
        Path spans = dir.resolve("spans.jsonl");
        Path logs = dir.resolve("logs.jsonl");
        try (CaptureFiles capture = new CaptureFiles(spans, logs, new Redactor())) {
            capture.write(List.of(), List.of(
                    message("==>  Preparing: update users set password = ? where id = ?").withThread("exec-1"),
                    message("==>  Preparing: update notes set body = ? where id = ?").withThread("exec-2"),
                    message("==> Parameters: " + PASSWORD + "(String), 7(Long)").withThread("exec-1"),
                    message("==> Parameters: plain note(String), 8(Long)").withThread("exec-2")));
        }
        assertThat(Files.readString(logs)).doesNotContain(PASSWORD)
                .contains("==> Parameters: <SECRET:password>(String), 7(Long)\",\"thread_name\":\"exec-1\"")
                .contains("==> Parameters: plain note(String), 8(Long)\",\"thread_name\":\"exec-2\"");
    }

    private static LogEvent message(String text) {
        return new LogEvent("live", 1, 1, "users", text, false, "", LogHeader.NO_TIME, Severity.DEBUG, null, null);
    }

    /**
     * Bare lines of a file, a record each (the Collector's filelog receiver without a multiline rule), are written so
     * that reading the capture folds a stack trace into the line that opened it, each service's apart; records with
     * a level stay records.
     */
    @Test
    void bareLinesAreWrittenSoThatTheirStackTracesFoldWhenRead() throws Exception {
        Path logs = dir.resolve("logs.jsonl");
        List<LogEvent> batch = List.of(bare("shop", "2024-03-01 12:00:00,000 ERROR c.a.Shop - could not save order 7"),
                bare("shop", "java.lang.IllegalStateException: save failed"),
                bare("cart", "cart 7 emptied"),
                bare("shop", "\tat c.a.Shop.save(Shop.java:12)"),
                new LogEvent("live", 5, 1, "shop", "\tat not a frame: a record with a level", false, "",
                        LogHeader.NO_TIME, Severity.WARN, null, null),
                bare("shop", "2024-03-01 12:00:01,000 INFO c.a.Shop - order 8 placed"));
        try (CaptureFiles capture = new CaptureFiles(dir.resolve("spans.jsonl"), logs, new Redactor())) {
            capture.write(List.of(), batch);
        }
        List<LogEvent> read = new java.util.ArrayList<>();
        new dev.sloscout.connectors.files.LogFileReader(read::add, p -> { }).read(logs);

        assertThat(read).extracting(LogEvent::text).containsExactly("\tat not a frame: a record with a level",
                "2024-03-01 12:00:00,000 ERROR c.a.Shop - could not save order 7", "cart 7 emptied",
                "2024-03-01 12:00:01,000 INFO c.a.Shop - order 8 placed");
        assertThat(read.get(1).continuation())
                .isEqualTo("java.lang.IllegalStateException: save failed\n\tat c.a.Shop.save(Shop.java:12)");
        assertThat(read.get(1).service()).isEqualTo("shop");
        assertThat(read.get(1).epochMillis()).isEqualTo(1_709_294_400_000L);
        assertThat(read.get(2).service()).isEqualTo("cart");
    }

    private static LogEvent bare(String service, String line) {
        return new LogEvent("live", 1, 1, service, line, true, "", 1_709_294_400_000L, Severity.UNKNOWN, null, null);
    }

    @Test
    void aRawCaptureKeepsWhatArrived() throws Exception {
        Path spans = dir.resolve("spans.jsonl");
        Path logs = dir.resolve("logs.jsonl");
        try (CaptureFiles capture = new CaptureFiles(spans, logs, null)) {
            capture.write(List.of(span()), List.of(log()));
            assertThat(capture.redactionNote()).isEmpty();
        }
        assertThat(Files.readString(spans)).contains(PASSWORD).contains(EMAIL);
        assertThat(Files.readString(logs)).contains(PASSWORD).contains(EMAIL);
    }
}
