package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.List;

/** A small fluent builder of traces for journey tests; times in milliseconds from the trace start. */
final class Traces {
    private final TraceId traceId;
    private final List<Span> spans = new ArrayList<>();
    private long nextId = 1;

    private Traces(long number) {
        this.traceId = new TraceId(0xabc, number);
    }

    static Traces trace(long number) {
        return new Traces(number);
    }

    SpanId span(SpanId parent, String service, String name, SpanKind kind, long startMs, long durationMs) {
        return span(parent, service, name, kind, startMs, durationMs, Attributes.EMPTY);
    }

    SpanId span(SpanId parent, String service, String name, SpanKind kind, long startMs, long durationMs,
                Attributes attributes) {
        SpanId id = new SpanId(traceId.low() * 1000 + nextId++);
        long base = traceId.low() * 60_000_000_000L;
        spans.add(Span.builder().traceId(traceId).spanId(id).parentSpanId(parent).resource(Resource.ofService(service))
                .name(name).kind(kind).startEpochNanos(base + startMs * 1_000_000).endEpochNanos(base + (startMs + durationMs) * 1_000_000)
                .attributes(attributes).build());
        return id;
    }

    /** A call: a client span in {@code from} and the server span it reached in {@code to}. */
    SpanId call(SpanId parent, String from, String to, String operation, long startMs, long durationMs, long httpStatus) {
        SpanId client = span(parent, from, operation, SpanKind.CLIENT, startMs, durationMs);
        return span(client, to, operation, SpanKind.SERVER, startMs + 1, Math.max(0, durationMs - 2),
                Attributes.builder().put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, httpStatus).build());
    }

    Trace build() {
        return new Trace(traceId, spans, Trace.Completion.END_OF_INPUT);
    }

    Trace buildWithout(SpanId missing) {
        return new Trace(traceId, spans.stream().filter(s -> !s.spanId().equals(missing)).toList(), Trace.Completion.END_OF_INPUT);
    }
}
