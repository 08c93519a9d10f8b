package dev.sloscout.engine.model;

/** Judgements about single spans that every analysis must make the same way. */
public final class Spans {
    private Spans() {
    }

    /**
     * Whether a span failed: OTel status ERROR; an HTTP 5xx answered by a server span; a non-OK gRPC code
     * (any code but 0); or an exception recorded on a span whose status was not explicitly set to OK.
     */
    public static boolean isError(Span span) {
        StatusCode code = span.status().code();
        if (code == StatusCode.ERROR) {
            return true;
        }
        if (code == StatusCode.OK) {
            return false;
        }
        Long http = span.attributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE);
        if (http != null && http >= 500 && span.kind() == SpanKind.SERVER) {
            return true;
        }
        Long grpc = span.attributes().get(SpanAttributes.RPC_GRPC_STATUS_CODE);
        if (grpc != null && grpc != 0) {
            return true;
        }
        return !span.exceptions().isEmpty();
    }

    /**
     * A 64-bit fingerprint of what makes a span record the same span: trace id, span id, kind, service and start.
     * Retries and re-reads produce the same fingerprint; a shared Zipkin client/server pair or several consumers of
     * one message do not.
     */
    public static long identityFingerprint(Span span) {
        long h = mix(span.traceId().high());
        h = mix(h ^ span.traceId().low());
        h = mix(h ^ span.spanId().value());
        h = mix(h ^ span.kind().ordinal());
        h = mix(h ^ span.serviceName().hashCode());
        return mix(h ^ span.startEpochNanos());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
