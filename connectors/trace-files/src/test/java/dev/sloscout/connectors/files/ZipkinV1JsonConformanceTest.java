package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The same traces in Zipkin v1 JSON (annotations and binary annotations). */
class ZipkinV1JsonConformanceTest extends ZipkinJsonConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return ZipkinJsonWriter.v1(spans).getBytes(StandardCharsets.UTF_8);
    }
}
