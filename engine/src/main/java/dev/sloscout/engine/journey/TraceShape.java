package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Trace;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * One trace seen as a tree (spans by position, parent and children as indices: no maps per trace), and the two
 * questions journey discovery asks of it: where the meaningful entry is, and which calls the entry makes.
 */
final class TraceShape {
    private static final int MAX_DEPTH = 64;

    private final Trace trace;
    private final List<Span> spans;
    private final OperationTemplates templates;
    /** Parents and children by position (built with the trace's index, on an assembly shard when there is one). */
    private final Trace.Index index;
    private final int root;
    private final int orphans;
    /** Operation templates by span, looked up when first asked (the entry's is asked several times). */
    private final String[] templateOf;

    TraceShape(Trace trace, OperationTemplates templates) {
        this.trace = trace;
        this.spans = trace.spans();
        this.templates = templates;
        int n = spans.size();
        templateOf = new String[n];
        index = trace.index();
        int earliestRoot = -1;
        int orphanCount = 0;
        for (int i = 0; i < n; i++) {
            if (index.parentIndex(i) >= 0) {
                continue;
            }
            Span span = spans.get(i);
            if (span.isRoot()) {
                if (earliestRoot < 0 || span.startEpochNanos() < spans.get(earliestRoot).startEpochNanos()) {
                    earliestRoot = i;
                }
            } else {
                orphanCount++;
            }
        }
        root = earliestRoot;
        orphans = orphanCount;
    }

    boolean hasRoot() {
        return root >= 0;
    }

    Span root() {
        return spans.get(root);
    }

    Trace trace() {
        return trace;
    }

    int orphans() {
        return orphans;
    }

    int size() {
        return spans.size();
    }

    Span span(int i) {
        return spans.get(i);
    }

    int childCount(int i) {
        return index.childCount(i);
    }

    int child(int i, int k) {
        return index.child(i, k);
    }

    String template(int i) {
        String template = templateOf[i];
        if (template == null) {
            template = templates.template(spans.get(i));
            templateOf[i] = template;
        }
        return template;
    }

    /**
     * Looks through generic spans from the root down to the first operation that names what the user asked for:
     * while the operation is generic, follow the only next hop, or the only server hop among several. Stops at a
     * fan-out (a generic span calling several things), which the caller then names by its calls.
     */
    int entry() {
        int current = root;
        for (int depth = 0; depth < MAX_DEPTH && templates.isGeneric(template(current)); depth++) {
            int next = -1;
            int hops = 0;
            int serverHops = 0;
            int serverHop = -1;
            String service = spans.get(current).serviceName();
            for (int k = 0, count = index.childCount(current); k < count; k++) {
                int hop = throughClient(index.child(current, k));
                hops++;
                next = hop;
                Span h = spans.get(hop);
                if (h.kind() == SpanKind.SERVER || h.kind() == SpanKind.CONSUMER || !h.serviceName().equals(service)) {
                    serverHops++;
                    serverHop = hop;
                }
            }
            if (hops == 1) {
                current = next;
            } else if (serverHops == 1) {
                current = serverHop;
            } else {
                break;
            }
        }
        return current;
    }

    /** A client span stands aside for the single server span it called in another service. */
    private int throughClient(int child) {
        Span span = spans.get(child);
        if ((span.kind() == SpanKind.CLIENT || span.kind() == SpanKind.PRODUCER) && index.childCount(child) == 1) {
            int callee = index.child(child, 0);
            if (!spans.get(callee).serviceName().equals(span.serviceName())) {
                return callee;
            }
        }
        return child;
    }

    /**
     * The first-hop calls an entry makes, as {@code service:operation} or the calling span's operation: what the
     * request fanned out to. Same-service plumbing in between is looked through.
     */
    TreeSet<String> outboundCalls(int entry) {
        TreeSet<String> calls = new TreeSet<>();
        collectCalls(entry, spans.get(entry).serviceName(), calls, 0);
        return calls;
    }

    private void collectCalls(int span, String service, TreeSet<String> calls, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (int k = 0, count = index.childCount(span); k < count; k++) {
            int child = index.child(span, k);
            Span c = spans.get(child);
            if (!c.serviceName().equals(service)) {
                calls.add(c.serviceName() + ":" + template(child));
            } else if (c.kind() == SpanKind.CLIENT || c.kind() == SpanKind.PRODUCER || callsOut(child, service)) {
                calls.add(template(child));
            } else {
                collectCalls(child, service, calls, depth + 1);
            }
        }
    }

    private boolean callsOut(int span, String service) {
        for (int k = 0, count = index.childCount(span); k < count; k++) {
            if (!spans.get(index.child(span, k)).serviceName().equals(service)) {
                return true;
            }
        }
        return false;
    }

    /** The chain of last-finishing children from the entry: what the request waited on. */
    int[] criticalPath(int entry) {
        int[] path = new int[17];
        int length = 0;
        int current = entry;
        path[length++] = current;
        while (length < path.length) {
            int last = -1;
            for (int k = 0, count = index.childCount(current); k < count; k++) {
                int child = index.child(current, k);
                if (last < 0 || spans.get(child).endEpochNanos() > spans.get(last).endEpochNanos()) {
                    last = child;
                }
            }
            if (last < 0) {
                break;
            }
            path[length++] = last;
            current = last;
        }
        return Arrays.copyOf(path, length);
    }
}
