package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.engine.model.Span;

import java.util.List;

class OtlpProtoConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return OtlpProtoWriter.bare(spans);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.OTLP_PROTO;
    }
}
