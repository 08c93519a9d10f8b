package dev.sloscout.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One operation in a trace, immutable and validated when built.
 *
 * @param parentSpanId null for a root span
 * @param shared       Zipkin's {@code shared}: a server span that reuses its client's span id (B3 single-id RPCs);
 *                     its parent is the client span with the same id
 */
public record Span(
        TraceId traceId,
        SpanId spanId,
        SpanId parentSpanId,
        Resource resource,
        String name,
        SpanKind kind,
        long startEpochNanos,
        long endEpochNanos,
        Status status,
        Attributes attributes,
        List<ExceptionEvent> exceptions,
        boolean shared) {

    public Span {
        Objects.requireNonNull(traceId, "trace id is required");
        Objects.requireNonNull(spanId, "span id is required");
        Objects.requireNonNull(name, "span name is required");
        resource = resource == null ? Resource.UNKNOWN : resource;
        kind = kind == null ? SpanKind.UNSPECIFIED : kind;
        status = status == null ? Status.UNSET : status;
        attributes = attributes == null ? Attributes.EMPTY : attributes;
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        if (startEpochNanos < 0) {
            throw new IllegalArgumentException("start time is negative: " + startEpochNanos);
        }
        if (endEpochNanos == 0 && startEpochNanos > 0) {
            throw new IllegalArgumentException("span has no end time (it never ended, or its exporter left it out)");
        }
        if (endEpochNanos < startEpochNanos) {
            throw new IllegalArgumentException("span ends (" + endEpochNanos + ") before it starts (" + startEpochNanos
                    + ")");
        }
        if (parentSpanId != null && parentSpanId.equals(spanId) && !shared) {
            throw new IllegalArgumentException("span " + spanId + " is its own parent");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isRoot() {
        return parentSpanId == null;
    }

    public String serviceName() {
        return resource.serviceName();
    }

    public long durationNanos() {
        return endEpochNanos - startEpochNanos;
    }

    /** Mutable assembly helper for decoders; {@link #build()} validates. */
    public static final class Builder {
        private TraceId traceId;
        private SpanId spanId;
        private SpanId parentSpanId;
        private Resource resource = Resource.UNKNOWN;
        private String name;
        private SpanKind kind = SpanKind.UNSPECIFIED;
        private long startEpochNanos;
        private long endEpochNanos;
        private Status status = Status.UNSET;
        private Attributes attributes = Attributes.EMPTY;
        private List<ExceptionEvent> exceptions = List.of();
        private boolean shared;

        /** Back to an empty builder, so a decoder can reuse one for every span it reads. */
        public Builder reset() {
            traceId = null;
            spanId = null;
            parentSpanId = null;
            resource = Resource.UNKNOWN;
            name = null;
            kind = SpanKind.UNSPECIFIED;
            startEpochNanos = 0;
            endEpochNanos = 0;
            status = Status.UNSET;
            attributes = Attributes.EMPTY;
            exceptions = List.of();
            shared = false;
            return this;
        }

        public Builder traceId(TraceId traceId) {
            this.traceId = traceId;
            return this;
        }

        public Builder spanId(SpanId spanId) {
            this.spanId = spanId;
            return this;
        }

        public Builder parentSpanId(SpanId parentSpanId) {
            this.parentSpanId = parentSpanId;
            return this;
        }

        public Builder resource(Resource resource) {
            this.resource = resource;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kind(SpanKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder startEpochNanos(long startEpochNanos) {
            this.startEpochNanos = startEpochNanos;
            return this;
        }

        public Builder endEpochNanos(long endEpochNanos) {
            this.endEpochNanos = endEpochNanos;
            return this;
        }

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Builder attributes(Attributes attributes) {
            this.attributes = attributes;
            return this;
        }

        public Builder exceptions(List<ExceptionEvent> exceptions) {
            this.exceptions = exceptions;
            return this;
        }

        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        public Span build() {
            return new Span(traceId, spanId, parentSpanId, resource, name, kind, startEpochNanos, endEpochNanos,
                    status, attributes, exceptions, shared);
        }
    }
}
