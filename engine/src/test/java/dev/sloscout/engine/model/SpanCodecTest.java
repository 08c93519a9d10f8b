package dev.sloscout.engine.model;

import dev.sloscout.engine.demo.DemoShop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanCodecTest {
    private static Span full() {
        return Span.builder().traceId(new TraceId(-1, 42)).spanId(new SpanId(7)).parentSpanId(new SpanId(9))
                .resource(new Resource("checkout", "shop", "pod-1", "1.2.3")).name("POST /cart/{id} ✓")
                .kind(SpanKind.SERVER).startEpochNanos(1_700_000_000_000_000_000L)
                .endEpochNanos(1_700_000_000_250_000_000L).status(Status.of(StatusCode.ERROR, "boom"))
                .attributes(Attributes.builder().put(SpanAttributes.HTTP_ROUTE, "/cart/{id}")
                        .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 503L).build())
                .exceptions(List.of(new ExceptionEvent(1_700_000_000_100_000_000L, "java.io.IOException",
                        "x".repeat(70_000)))) // longer than writeUTF's 64 KB
                .shared(true).build();
    }

    @Test
    void everyFieldTravels() {
        Span span = full();
        Span back = SpanCodec.decode(SpanCodec.encode(span));
        assertThat(back).isEqualTo(span);
        assertThat(back.attributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
        assertThat(back.shared()).isTrue();
        assertThat(back.exceptions().get(0).message()).hasSize(70_000);
    }

    @Test
    void aRootWithDefaultsTravels() {
        Span root = Span.builder().traceId(new TraceId(0, 1)).spanId(new SpanId(1)).name("").startEpochNanos(0)
                .endEpochNanos(0).build();
        assertThat(SpanCodec.decode(SpanCodec.encode(root))).isEqualTo(root);
    }

    @Test
    void generatedTrafficTravelsUnchanged() {
        List<Span> spans = new ArrayList<>();
        DemoShop.generate(3, 1, 2, spans::add);
        assertThat(spans).hasSizeGreaterThan(1000);
        for (Span span : spans) {
            assertThat(SpanCodec.decode(SpanCodec.encode(span))).isEqualTo(span);
        }
    }

    @Test
    void truncatedOrForeignBytesAreRefusedWithAReason() {
        byte[] bytes = SpanCodec.encode(full());
        for (int cut : new int[] {0, 1, 20, 60, bytes.length / 2, bytes.length - 1}) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> SpanCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> SpanCodec.decode(otherVersion)).hasMessageContaining("version 9");
    }
}
