package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

class OtlpJsonConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return new OtlpJsonWriter().withUnkeptAttribute().jsonLines(spans, 7).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.OTLP_JSON;
    }
}
