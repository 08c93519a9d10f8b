package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Span;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Collector file exporter's variants: per-message zstd, JSON frames, and broken framing. */
class OtlpProtoDecoderTest {
    private static final List<Span> SPANS = TraceFixtures.spans(5, 6);

    private static void frame(ByteArrayOutputStream out, byte[] payload) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.writeBytes(payload);
    }

    @Test
    void readsZstdCompressedFramesOfProtobufAndJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, Compressions.zstd(OtlpProtoWriter.bare(SPANS.subList(0, 10))));
        frame(out, Compressions.zstd(new OtlpJsonWriter().request(SPANS.subList(10, SPANS.size()), false)
                .getBytes(StandardCharsets.UTF_8)));

        Decoding decoded = Decoding.of("export.zst", out.toByteArray());

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(TraceFormat.OTLP_FRAMED);
        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(SPANS);
    }

    @Test
    void aCorruptFrameIsSkippedAndTheNextRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, OtlpProtoWriter.bare(SPANS.subList(0, 10)));
        frame(out, new byte[] {0x0A, 0x7F, 0x01, 0x02});
        frame(out, OtlpProtoWriter.bare(SPANS.subList(10, SPANS.size())));

        Decoding decoded = Decoding.of("export.pb", out.toByteArray());

        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(SPANS);
        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.location()).startsWith("frame 1 (byte "));
    }

    @Test
    void anImpossibleFrameLengthStopsWithAClearMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, OtlpProtoWriter.bare(SPANS.subList(0, 10)));
        out.writeBytes(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0A});

        Decoding decoded = Decoding.of("export.pb", out.toByteArray());

        assertThat(decoded.spans).hasSize(10);
        assertThat(decoded.problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("framing is corrupt"));
    }
}
