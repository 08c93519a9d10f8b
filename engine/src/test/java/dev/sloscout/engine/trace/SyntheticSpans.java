package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.TraceId;

import java.util.ArrayList;
import java.util.List;

/** Small, explicit traces for assembler tests: a root and a chain of children per trace. */
final class SyntheticSpans {
    private static final Resource[] SERVICES = {Resource.ofService("edge"), Resource.ofService("api"), Resource.ofService("db")};

    private SyntheticSpans() {
    }

    static List<Span> trace(long traceNumber, int spans) {
        List<Span> out = new ArrayList<>(spans);
        TraceId traceId = new TraceId(0x5eed, traceNumber + 1);
        for (int i = 0; i < spans; i++) {
            out.add(span(traceId, i, i == 0 ? -1 : (i - 1) / 2));
        }
        return out;
    }

    static Span span(TraceId traceId, int index, int parentIndex) {
        long base = traceId.low() << 8;
        return Span.builder().traceId(traceId).spanId(new SpanId(base + index + 1))
                .parentSpanId(parentIndex < 0 ? null : new SpanId(base + parentIndex + 1))
                .resource(SERVICES[index % SERVICES.length]).name("op-" + index)
                .kind(index == 0 ? SpanKind.SERVER : SpanKind.INTERNAL)
                .startEpochNanos(1_000_000L * traceId.low() + index).endEpochNanos(1_000_000L * traceId.low() + 100 + index)
                .build();
    }
}
