package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A single pretty-printed ExportTraceServiceRequest, as an SDK's debug exporter or a hand-made fixture has it. */
class OtlpJsonDocumentConformanceTest extends TraceDecoderConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return new OtlpJsonWriter().request(spans, true).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected TraceFormat expectedFormat() {
        return TraceFormat.OTLP_JSON;
    }
}
