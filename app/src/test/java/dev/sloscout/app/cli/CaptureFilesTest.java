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
