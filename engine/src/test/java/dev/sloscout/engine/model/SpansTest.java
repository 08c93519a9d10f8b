package dev.sloscout.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpansTest {
    private static Span.Builder span(SpanKind kind) {
        return Span.builder().traceId(new TraceId(1, 2)).spanId(new SpanId(3)).name("op").kind(kind)
                .startEpochNanos(10).endEpochNanos(20);
    }

    @Test
    void errorFollowsStatusHttpGrpcAndExceptions() {
        assertThat(Spans.isError(span(SpanKind.SERVER).status(Status.of(StatusCode.ERROR, "x")).build())).isTrue();
        assertThat(Spans.isError(span(SpanKind.SERVER).attributes(Attributes.builder()
                .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 503L).build()).build())).isTrue();
        // A client seeing a 503 is the server's failure, not necessarily the client's.
        assertThat(Spans.isError(span(SpanKind.CLIENT).attributes(Attributes.builder()
                .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 503L).build()).build())).isFalse();
        assertThat(Spans.isError(span(SpanKind.SERVER).attributes(Attributes.builder()
                .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 404L).build()).build())).isFalse();
        assertThat(Spans.isError(span(SpanKind.CLIENT).attributes(Attributes.builder()
                .put(SpanAttributes.RPC_GRPC_STATUS_CODE, 14L).build()).build())).isTrue();
        assertThat(Spans.isError(span(SpanKind.CLIENT).attributes(Attributes.builder()
                .put(SpanAttributes.RPC_GRPC_STATUS_CODE, 0L).build()).build())).isFalse();
        assertThat(Spans.isError(span(SpanKind.INTERNAL).exceptions(List.of(new ExceptionEvent(1, "E", "m"))).build())).isTrue();
        assertThat(Spans.isError(span(SpanKind.INTERNAL).status(Status.OK)
                .exceptions(List.of(new ExceptionEvent(1, "E", "handled"))).build())).isFalse();
    }

    @Test
    void identityFingerprintSeparatesWhatTheIssueSaysIsDistinct() {
        Span server = span(SpanKind.SERVER).resource(Resource.ofService("a")).build();
        assertThat(Spans.identityFingerprint(server)).isEqualTo(Spans.identityFingerprint(span(SpanKind.SERVER)
                .resource(Resource.ofService("a")).name("renamed").build()));
        assertThat(Spans.identityFingerprint(server)).isNotEqualTo(Spans.identityFingerprint(span(SpanKind.CLIENT)
                .resource(Resource.ofService("a")).build()));
        assertThat(Spans.identityFingerprint(server)).isNotEqualTo(Spans.identityFingerprint(span(SpanKind.SERVER)
                .resource(Resource.ofService("b")).build()));
        assertThat(Spans.identityFingerprint(server)).isNotEqualTo(Spans.identityFingerprint(span(SpanKind.SERVER)
                .resource(Resource.ofService("a")).startEpochNanos(11).build()));
    }

    @Test
    void spansValidateWhenBuilt() {
        assertThatThrownBy(() -> span(SpanKind.SERVER).startEpochNanos(30).build()).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> span(SpanKind.SERVER).startEpochNanos(30).endEpochNanos(0).build())
                .hasMessage("span has no end time (it never ended, or its exporter left it out)");
        assertThatThrownBy(() -> span(SpanKind.SERVER).parentSpanId(new SpanId(3)).build()).hasMessageContaining("its own parent");
        assertThatThrownBy(() -> span(SpanKind.SERVER).traceId(null).build()).hasMessageContaining("trace id is required");
        assertThat(span(SpanKind.SERVER).resource(new Resource(" ", null, null)).build().serviceName()).isEqualTo("unknown_service");
    }
}
