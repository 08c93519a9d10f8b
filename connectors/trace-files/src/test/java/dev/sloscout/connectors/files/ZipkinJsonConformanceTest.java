package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

class ZipkinJsonConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return ZipkinJsonWriter.traces(spans).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.ZIPKIN_JSON;
    }

    /** Zipkin has no span events: exceptions do not travel. */
    @Override
    protected Span carried(Span span) {
        return new Span(span.traceId(), span.spanId(), span.parentSpanId(), span.resource(), span.name(), span.kind(),
                span.startEpochNanos(), span.endEpochNanos(), span.status(), span.attributes(), List.of(), span.shared());
    }
}
