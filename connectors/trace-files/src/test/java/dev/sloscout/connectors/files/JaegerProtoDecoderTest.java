package dev.sloscout.connectors.files;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sloscout.connectors.files.fixtures.JaegerProtoWriter;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Span;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JaegerProtoDecoderTest {
    private static final List<Span> SPANS = TraceFixtures.spans(11, 20);

    @Test
    void aJaegerSpanMessageReadsAsTheSpanItWasWrittenFrom() throws Exception {
        assertThat(SPANS).anySatisfy(s -> assertThat(s.parentSpanId()).isNotNull());
        for (Span original : SPANS) {
            Span read = JaegerProtoDecoder.decode(JaegerProtoWriter.span(original));
            assertThat(read.traceId()).isEqualTo(original.traceId());
            assertThat(read.spanId()).isEqualTo(original.spanId());
            assertThat(read.parentSpanId()).isEqualTo(original.parentSpanId());
            assertThat(read.serviceName()).isEqualTo(original.serviceName());
            assertThat(read.name()).isEqualTo(original.name());
            assertThat(read.kind()).isEqualTo(original.kind());
            assertThat(read.startEpochNanos()).isEqualTo(original.startEpochNanos());
            assertThat(read.endEpochNanos()).isEqualTo(original.endEpochNanos());
            assertThat(read.status().code()).isEqualTo(original.status().code() == dev.sloscout.engine.model.StatusCode.ERROR
                    ? dev.sloscout.engine.model.StatusCode.ERROR : dev.sloscout.engine.model.StatusCode.UNSET);
            assertThat(read.attributes().asMap()).isEqualTo(original.attributes().asMap());
        }
    }

    @Test
    void otherBytesAreRefusedNotMisread() {
        assertThatThrownBy(() -> JaegerProtoDecoder.decode("garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidProtocolBufferException.class);
        assertThatThrownBy(() -> JaegerProtoDecoder.decode(OtlpProtoWriter.bare(SPANS.subList(0, 3))))
                .as("an OTLP request is not a Jaeger span").isInstanceOf(InvalidProtocolBufferException.class);
        assertThatThrownBy(() -> JaegerProtoDecoder.decode(new byte[0])).isInstanceOf(InvalidProtocolBufferException.class);
    }

    @Test
    void truncatedOrCorruptedMessagesNeverCrashOrHang() {
        Random random = new Random(5);
        byte[] whole = JaegerProtoWriter.span(SPANS.get(1));
        for (int i = 0; i < 2_000; i++) {
            byte[] broken = Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            if (broken.length > 0 && random.nextBoolean()) {
                broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                JaegerProtoDecoder.decode(broken);
            } catch (InvalidProtocolBufferException expected) {
                // refused with a reason: fine
            }
        }
    }
}
