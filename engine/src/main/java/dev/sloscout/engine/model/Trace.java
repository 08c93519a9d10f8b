package dev.sloscout.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spans of one trace as far as the input had them, in arrival order.
 *
 * @param completion why the assembler closed this trace
 */
public record Trace(TraceId traceId, List<Span> spans, Completion completion) {

    /** Why a trace was handed on. */
    public enum Completion {
        /** Its root arrived and no span came for it for the idle period. */
        ROOT_IDLE,
        /** The input ended. */
        END_OF_INPUT,
        /** The assembler hit its memory bound and closed this trace early; more spans may follow as a late part. */
        EVICTED,
        /** Spans that arrived after their trace had been closed. */
        LATE_PART
    }

    public Trace {
        Objects.requireNonNull(traceId);
        Objects.requireNonNull(completion);
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("trace " + traceId + " has no spans");
        }
    }

    public List<Span> roots() {
        List<Span> roots = new ArrayList<>(1);
        for (Span span : spans) {
            if (span.isRoot()) {
                roots.add(span);
            }
        }
        return roots;
    }

    /** The span's parent in this trace, or null when it is a root or its parent is not in the input. */
    public Span parentOf(Span span) {
        return new Index(spans).parentOf(span);
    }

    /** How many spans name a parent the input does not contain; cheaper than {@link #orphans()} (no index). */
    public int orphanCount() {
        int n = spans.size();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = spans.get(i).spanId().value();
        }
        java.util.Arrays.sort(ids);
        int orphans = 0;
        for (Span span : spans) {
            SpanId parent = span.parentSpanId();
            if (parent == null) {
                continue;
            }
            boolean found = parent.equals(span.spanId())
                    ? hasClient(span.spanId(), span) // a shared span naming itself: only its client can be the parent
                    : java.util.Arrays.binarySearch(ids, parent.value()) >= 0 || span.shared() && hasClient(span.spanId(), span);
            if (!found) {
                orphans++;
            }
        }
        return orphans;
    }

    private boolean hasClient(SpanId id, Span self) {
        for (Span candidate : spans) {
            if (candidate != self && candidate.kind() == SpanKind.CLIENT && candidate.spanId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Spans that name a parent the input does not contain. */
    public List<Span> orphans() {
        Index index = new Index(spans);
        List<Span> orphans = new ArrayList<>();
        for (Span span : spans) {
            if (!span.isRoot() && index.parentOf(span) == null) {
                orphans.add(span);
            }
        }
        return orphans;
    }

    /** Children and parent lookup built once for a trace; resolves Zipkin's shared span ids. */
    public static final class Index {
        private final Map<SpanId, Object> byId;

        public Index(List<Span> spans) {
            byId = new HashMap<>(spans.size() * 2);
            for (Span span : spans) {
                byId.merge(span.spanId(), span, Index::append);
            }
        }

        @SuppressWarnings("unchecked")
        private static Object append(Object existing, Object added) {
            List<Span> list;
            if (existing instanceof List<?>) {
                list = (List<Span>) existing;
            } else {
                list = new ArrayList<>(2);
                list.add((Span) existing);
            }
            list.add((Span) added);
            return list;
        }

        public Span parentOf(Span span) {
            if (span.shared()) {
                Span client = find(span.spanId(), span, SpanKind.CLIENT);
                if (client != null) {
                    return client;
                }
            }
            return span.parentSpanId() == null ? null : find(span.parentSpanId(), span, null);
        }

        @SuppressWarnings("unchecked")
        private Span find(SpanId id, Span self, SpanKind wantedKind) {
            Object found = byId.get(id);
            if (found == null) {
                return null;
            }
            if (found instanceof Span single) {
                return single != self && (wantedKind == null || single.kind() == wantedKind) ? single : null;
            }
            Span fallback = null;
            for (Span candidate : (List<Span>) found) {
                if (candidate == self) {
                    continue;
                }
                if (wantedKind == null ? !candidate.shared() : candidate.kind() == wantedKind) {
                    return candidate;
                }
                if (wantedKind == null && fallback == null) {
                    fallback = candidate;
                }
            }
            return fallback;
        }
    }
}
