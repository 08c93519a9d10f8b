package dev.sloscout.engine.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @Property
    void traceIdHexRoundTripsInEitherCase(@ForAll long high, @ForAll long low) {
        if (high == 0 && low == 0) {
            return;
        }
        TraceId id = new TraceId(high, low);
        assertThat(TraceId.fromHex(id.toHex())).isEqualTo(id);
        assertThat(TraceId.parse(id.toHex().toUpperCase())).isEqualTo(id);
        char[] chars = ("xx" + id.toHex()).toCharArray();
        assertThat(TraceId.fromHex(chars, 2, 32)).isEqualTo(id);
    }

    @Property
    void base64IdsDecodeToTheSameIds(@ForAll long high, @ForAll long low) {
        if (high == 0 && low == 0 || low == 0) {
            return;
        }
        String trace = Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
        String span = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(low).array());
        assertThat(TraceId.parse(trace)).isEqualTo(new TraceId(high, low));
        assertThat(SpanId.parse(span)).isEqualTo(new SpanId(low));
    }

    @Test
    void sixtyFourBitTraceIdsAreLeftPadded() {
        assertThat(TraceId.fromHex("463ac35c9f6413ad")).isEqualTo(TraceId.fromHex("0000000000000000463ac35c9f6413ad"));
        assertThat(TraceId.fromHex("463ac35c9f6413ad").toHex()).isEqualTo("0000000000000000463ac35c9f6413ad");
    }

    @Test
    void invalidIdsAreRefusedWithAReason() {
        assertThatThrownBy(() -> TraceId.fromHex("00000000000000000000000000000000")).hasMessageContaining("all zero");
        assertThatThrownBy(() -> TraceId.parse("not-an-id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceId.fromHex("0af7651916cd43dd8448eb211c80319z")).hasMessageContaining("not a hex digit 'z'");
        assertThatThrownBy(() -> SpanId.fromHex("0000000000000000")).hasMessageContaining("all zero");
        assertThatThrownBy(() -> SpanId.fromHex("b7ad6b71692033310")).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> SpanId.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enumsAcceptCodesAndNames() {
        assertThat(SpanKind.fromOtlpCode(2)).isEqualTo(SpanKind.SERVER);
        assertThat(SpanKind.fromName("SPAN_KIND_CONSUMER")).isEqualTo(SpanKind.CONSUMER);
        assertThat(SpanKind.fromName("client")).isEqualTo(SpanKind.CLIENT);
        assertThat(SpanKind.fromName("4")).isEqualTo(SpanKind.PRODUCER);
        assertThat(StatusCode.fromName("STATUS_CODE_ERROR")).isEqualTo(StatusCode.ERROR);
        assertThat(StatusCode.fromOtlpCode(1)).isEqualTo(StatusCode.OK);
        assertThatThrownBy(() -> SpanKind.fromOtlpCode(9)).hasMessageContaining("unknown span kind 9");
        assertThatThrownBy(() -> StatusCode.fromName("MAYBE")).hasMessageContaining("MAYBE");
    }
}
