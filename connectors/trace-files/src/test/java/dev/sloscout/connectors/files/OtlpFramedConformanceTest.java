package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.engine.model.Span;

import java.util.List;

/** The Collector file exporter with {@code format: proto}: length-prefixed messages. */
class OtlpFramedConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return OtlpProtoWriter.framed(spans, 11);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.OTLP_FRAMED;
    }
}
