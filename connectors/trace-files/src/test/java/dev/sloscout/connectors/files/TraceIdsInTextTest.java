package dev.sloscout.connectors.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trace ids in plain-text log lines, as the correlation layouts of common loggers write them. */
class TraceIdsInTextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private static String found(String line) {
        TraceIdsInText.Ids ids = TraceIdsInText.find(line);
        return ids == null ? null : ids.trace().toHex() + "/" + (ids.span() == null ? "-" : ids.span().toHex());
    }

    @Test
    void theCommonLayoutsGiveTheTraceAndTheSpan() {
        String both = TRACE + "/" + SPAN;
        assertThat(found("10:00:00 INFO trace_id=" + TRACE + " span_id=" + SPAN + " trace_flags=01 order placed"))
                .isEqualTo(both); // OpenTelemetry Java agent's MDC in a logfmt-ish layout
        assertThat(found("level=info traceId=" + TRACE.toUpperCase() + " spanId=" + SPAN + " msg=ok")).isEqualTo(both);
        assertThat(found("INFO [checkout," + TRACE + "," + SPAN + "] c.a.Checkout : placed")).isEqualTo(both);
        assertThat(found("INFO [checkout," + TRACE + "," + SPAN + ",true] c.a.Checkout : placed")).isEqualTo(both);
        assertThat(found("INFO 1 --- [shop] [main] [" + TRACE + "-" + SPAN + "] c.a.Checkout : placed"))
                .isEqualTo(both); // Spring Boot 3.2's correlation
        assertThat(found("GET /cart traceparent=00-" + TRACE + "-" + SPAN + "-01 200")).isEqualTo(both);
        assertThat(found("dd.trace_id=\"" + TRACE + "\" dd.span_id=\"" + SPAN + "\" checkout ok")).isEqualTo(both);
        assertThat(found("\"trace.id\": \"" + TRACE + "\" something")).isEqualTo(TRACE + "/-");
        assertThat(found("[checkout,463ac35c9f6413ad," + SPAN + "] 64-bit Zipkin trace"))
                .isEqualTo("0000000000000000463ac35c9f6413ad/" + SPAN);
    }

    @Test
    void hexThatIsNoTraceIdIsLeftAlone() {
        assertThat(found("TRACE c.a.Cache: loaded md5=" + TRACE + " from disk")).isNull();
        assertThat(found("2000-01-01 00:00:00 INFO started")).isNull();
        assertThat(found("upload [photos,deadbeefdeadbeef] done")).isNull(); // no span after it
        assertThat(found("trace_id=00000000000000000000000000000000 span_id=" + SPAN)).isNull(); // invalid: zeros
        assertThat(found("trace_id=" + TRACE + "ff too long")).isNull();
        assertThat(found("subtrace_id=" + TRACE)).isNull();
        assertThat(found("[" + "a,".repeat(2000) + "]")).isNull();
    }
}
