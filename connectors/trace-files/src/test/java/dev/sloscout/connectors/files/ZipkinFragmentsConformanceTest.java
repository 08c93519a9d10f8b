package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter;
import dev.sloscout.engine.model.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every span reported in two parts, in a flat array, half of them the timestamp-less part first: Zipkin merges them. */
class ZipkinFragmentsConformanceTest extends ZipkinJsonConformanceTest {
    @Override
    protected byte[] encode(List<Span> spans) {
        return ZipkinJsonWriter.fragments(spans).getBytes(StandardCharsets.UTF_8);
    }
}
