package dev.sloscout.app.journeys;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaterfallTest {
    private static final TraceId TRACE = new TraceId(1, 2);

    private static Span span(long id, Long parent, String service, String name, long startMs, long endMs, boolean error) {
        return Span.builder().traceId(TRACE).spanId(new SpanId(id)).parentSpanId(parent == null ? null : new SpanId(parent))
                .resource(Resource.ofService(service)).name(name).kind(SpanKind.SERVER)
                .startEpochNanos(startMs * 1_000_000).endEpochNanos(endMs * 1_000_000)
                .status(error ? new Status(StatusCode.ERROR, "boom") : Status.UNSET).attributes(Attributes.EMPTY).build();
    }

    @Test
    void spansAreDepthFirstByStartWithOffsetsFromTheTraceStart() {
        Trace trace = new Trace(TRACE, List.of(
                span(3, 1L, "db", "SELECT", 130, 150, false),
                span(1, null, "api", "GET /x", 100, 200, false),
                span(2, 1L, "auth", "check", 105, 120, true),
                span(4, 2L, "cache", "get", 106, 108, false),
                span(9, 77L, "orphan", "lost", 90, 95, false)), Trace.Completion.ROOT_IDLE);
        Waterfall w = Waterfall.of(trace);
        assertThat(w.totalMs()).isEqualTo(110.0);
        assertThat(w.rows()).extracting(Waterfall.Row::name).containsExactly("lost", "GET /x", "check", "get", "SELECT");
        assertThat(w.rows()).extracting(Waterfall.Row::depth).containsExactly(0, 0, 1, 2, 1);
        assertThat(w.rows().get(1).startMs()).isEqualTo(10.0);
        assertThat(w.rows().get(2).error()).isTrue();
        assertThat(w.rows().get(4).durationMs()).isEqualTo(20.0);
    }
}
