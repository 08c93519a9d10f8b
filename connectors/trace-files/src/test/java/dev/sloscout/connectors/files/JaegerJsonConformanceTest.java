package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.JaegerJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

class JaegerJsonConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return JaegerJsonWriter.queryResponse(spans).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.JAEGER_JSON;
    }
}
