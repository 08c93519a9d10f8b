package dev.sloscout.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The spans of one trace as far as the input had them, in arrival order. Immutable; its parent {@link Index} is built
 * once, when first asked for (the summary, the journeys and the data quality all walk the tree), and may be asked for
 * from any thread.
 *
 * <p>A class rather than a record to hold that index and what analyses {@linkplain #attach attach} to the trace;
 * equality is a record's (id, spans, completion).
 */
public final class Trace {

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

    private final TraceId traceId;
    private final List<Span> spans;
    private final Completion completion;
    /** Built on first use; a race builds it twice, harmlessly (an Index's fields are final). */
    private Index index;
    /** Owner and value, in pairs: what analyses computed for this trace ahead of their ordered pass. */
    private Object[] attachments;

    /** @param completion why the assembler closed this trace */
    public Trace(TraceId traceId, List<Span> spans, Completion completion) {
        this.traceId = Objects.requireNonNull(traceId);
        this.completion = Objects.requireNonNull(completion);
        this.spans = List.copyOf(spans);
        if (this.spans.isEmpty()) {
            throw new IllegalArgumentException("trace " + traceId + " has no spans");
        }
    }

    public TraceId traceId() {
        return traceId;
    }

    public List<Span> spans() {
        return spans;
    }

    public Completion completion() {
        return completion;
    }

    /** The parent lookup of this trace's spans, built once. */
    public Index index() {
        Index built = index;
        if (built == null) {
            built = new Index(spans);
            index = built;
        }
        return built;
    }

    /**
     * Keeps a value that {@code owner} computed for this trace, for {@code owner} to take later: how an analysis does
     * the work that depends on one trace alone on the thread that closed it (an assembly shard), before its ordered
     * pass on another. The thread that attaches must hand the trace over through a safe publication (a queue), as the
     * assembly does; a second value of the same owner replaces the first.
     */
    public void attach(Object owner, Object value) {
        Objects.requireNonNull(owner);
        Object[] known = attachments;
        if (known == null) {
            attachments = new Object[] {owner, value};
            return;
        }
        for (int i = 0; i < known.length; i += 2) {
            if (known[i] == owner) {
                known[i + 1] = value;
                return;
            }
        }
        Object[] more = Arrays.copyOf(known, known.length + 2);
        more[known.length] = owner;
        more[known.length + 1] = value;
        attachments = more;
    }

    /** What {@code owner} attached to this trace, or null. */
    public Object attachment(Object owner) {
        Object[] known = attachments;
        if (known != null) {
            for (int i = 0; i < known.length; i += 2) {
                if (known[i] == owner) {
                    return known[i + 1];
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && traceId.equals(t.traceId) && spans.equals(t.spans) && completion == t.completion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spans, completion);
    }

    @Override
    public String toString() {
        return "Trace[traceId=" + traceId + ", spans=" + spans + ", completion=" + completion + "]";
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
        return index().parentOf(span);
    }

    /** How many spans name a parent the input does not contain. */
    public int orphanCount() {
        Index index = index();
        int orphans = 0;
        for (int i = 0; i < spans.size(); i++) {
            if (!spans.get(i).isRoot() && index.parentIndex(i) < 0) {
                orphans++;
            }
        }
        return orphans;
    }

    /** Spans that name a parent the input does not contain. */
    public List<Span> orphans() {
        Index index = index();
        List<Span> orphans = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (!spans.get(i).isRoot() && index.parentIndex(i) < 0) {
                orphans.add(spans.get(i));
            }
        }
        return orphans;
    }

    /**
     * Parent lookup built once for a trace, by position: span ids to positions in an open-addressing table (no map or
     * boxing per trace, since every trace of a dump goes through it), and every span's parent resolved through it when
     * the index is built (the ingest summary's orphan count and the journey's tree both ask for every parent; built on
     * an assembly shard, the lookups happen there). Resolves Zipkin's shared span ids: a shared server span's parent
     * is the client span with the same id; otherwise a non-shared span is preferred.
     */
    public static final class Index {
        private final List<Span> spans;
        private final long[] keys;
        private final int[] slots;
        private final int mask;
        private final int[] parents;
        /** The children of span {@code i}, in span order, are {@code childList[childStart[i] .. childStart[i + 1])}. */
        private final int[] childStart;
        private final int[] childList;

        public Index(List<Span> spans) {
            this.spans = spans;
            int capacity = Integer.highestOneBit(Math.max(4, spans.size() * 2 - 1)) << 1;
            keys = new long[capacity];
            slots = new int[capacity];
            Arrays.fill(slots, -1);
            mask = capacity - 1;
            for (int i = 0; i < spans.size(); i++) {
                long id = spans.get(i).spanId().value();
                int s = slot(id);
                while (slots[s] >= 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = id;
                slots[s] = i;
            }
            int n = spans.size();
            parents = new int[n];
            childStart = new int[n + 1];
            int linked = 0;
            for (int i = 0; i < n; i++) {
                int parent = resolveParent(i);
                parents[i] = parent;
                if (parent >= 0) {
                    childStart[parent + 1]++;
                    linked++;
                }
            }
            for (int i = 0; i < n; i++) {
                childStart[i + 1] += childStart[i];
            }
            // childStart[p] serves as p's cursor while filling and ends at p's end, which is p + 1's start:
            // shifted back by one afterwards, no array of cursors per trace
            childList = new int[linked];
            for (int i = 0; i < n; i++) {
                int parent = parents[i];
                if (parent >= 0) {
                    childList[childStart[parent]++] = i;
                }
            }
            System.arraycopy(childStart, 0, childStart, 1, n);
            childStart[0] = 0;
        }

        /** How many spans of the trace name the span at {@code i} as their parent. */
        public int childCount(int i) {
            return childStart[i + 1] - childStart[i];
        }

        /** The {@code k}-th child of the span at {@code i}, in the order of the trace's spans. */
        public int child(int i, int k) {
            return childList[childStart[i] + k];
        }

        private int slot(long id) {
            return (int) (id ^ (id >>> 29)) * 0x9E3779B9 >>> 7 & mask;
        }

        /** The parent's position, or -1 when the span at {@code i} is a root or its parent is not in the input. */
        public int parentIndex(int i) {
            return parents[i];
        }

        private int resolveParent(int i) {
            Span span = spans.get(i);
            if (span.shared()) {
                int client = find(span.spanId().value(), i, SpanKind.CLIENT);
                if (client >= 0) {
                    return client;
                }
            }
            return span.parentSpanId() == null ? -1 : find(span.parentSpanId().value(), i, null);
        }

        /** The parent of a span of this trace (the same instance), or null. */
        public Span parentOf(Span span) {
            for (int s = slot(span.spanId().value()); slots[s] >= 0; s = (s + 1) & mask) {
                if (spans.get(slots[s]) == span) {
                    int parent = parentIndex(slots[s]);
                    return parent < 0 ? null : spans.get(parent);
                }
            }
            return null;
        }

        private int find(long id, int self, SpanKind kind) {
            int fallback = -1;
            for (int s = slot(id); slots[s] >= 0; s = (s + 1) & mask) {
                int candidate = slots[s];
                if (keys[s] != id || candidate == self) {
                    continue;
                }
                Span c = spans.get(candidate);
                if (kind == null ? !c.shared() : c.kind() == kind) {
                    return candidate;
                }
                if (kind == null && fallback < 0) {
                    fallback = candidate;
                }
            }
            return fallback;
        }
    }
}
