package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Trace;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One trace seen as a tree: its root, children per span, and the two questions journey discovery asks of it:
 * where the meaningful entry is, and which calls the entry makes.
 */
final class TraceShape {
    private static final int MAX_DEPTH = 64;

    private final Trace trace;
    private final Map<Span, List<Span>> children = new IdentityHashMap<>();
    private final Span root;

    TraceShape(Trace trace) {
        this.trace = trace;
        Trace.Index index = new Trace.Index(trace.spans());
        Span earliestRoot = null;
        for (Span span : trace.spans()) {
            Span parent = index.parentOf(span);
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>(4)).add(span);
            } else if (span.isRoot() && (earliestRoot == null || span.startEpochNanos() < earliestRoot.startEpochNanos())) {
                earliestRoot = span;
            }
        }
        root = earliestRoot;
    }

    /** The true root (no parent at all); null for a trace whose root is not in the input. */
    Span root() {
        return root;
    }

    Trace trace() {
        return trace;
    }

    List<Span> children(Span span) {
        return children.getOrDefault(span, List.of());
    }

    /**
     * Looks through generic spans from the root down to the first operation that names what the user asked for:
     * while the operation is generic, follow the only next hop, or the only server hop among several. Stops at a
     * fan-out (a generic span calling several things), which the caller then names by its calls.
     */
    Span entry() {
        Span current = root;
        for (int depth = 0; depth < MAX_DEPTH && OperationNames.isGeneric(OperationNames.template(current)); depth++) {
            List<Span> hops = nextHops(current);
            Span next = null;
            if (hops.size() == 1) {
                next = hops.get(0);
            } else {
                String service = current.serviceName();
                List<Span> servers = hops.stream().filter(h -> h.kind() == SpanKind.SERVER
                        || h.kind() == SpanKind.CONSUMER || !h.serviceName().equals(service)).toList();
                if (servers.size() == 1) {
                    next = servers.get(0);
                }
            }
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** Children, with a client span standing aside for the single server span it called. */
    private List<Span> nextHops(Span span) {
        List<Span> hops = new ArrayList<>();
        for (Span child : children(span)) {
            List<Span> grandchildren = children(child);
            if ((child.kind() == SpanKind.CLIENT || child.kind() == SpanKind.PRODUCER) && grandchildren.size() == 1
                    && !grandchildren.get(0).serviceName().equals(child.serviceName())) {
                hops.add(grandchildren.get(0));
            } else {
                hops.add(child);
            }
        }
        return hops;
    }

    /**
     * The first-hop calls an entry makes, as {@code service:operation} or the calling span's operation: what the
     * request fanned out to. Same-service plumbing in between is looked through.
     */
    TreeSet<String> outboundCalls(Span entry) {
        TreeSet<String> calls = new TreeSet<>();
        collectCalls(entry, entry.serviceName(), calls, 0);
        return calls;
    }

    private void collectCalls(Span span, String service, TreeSet<String> calls, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Span child : children(span)) {
            if (!child.serviceName().equals(service)) {
                calls.add(child.serviceName() + ":" + OperationNames.template(child));
            } else if (child.kind() == SpanKind.CLIENT || child.kind() == SpanKind.PRODUCER || callsOut(child, service)) {
                calls.add(OperationNames.template(child));
            } else {
                collectCalls(child, service, calls, depth + 1);
            }
        }
    }

    private boolean callsOut(Span span, String service) {
        for (Span child : children(span)) {
            if (!child.serviceName().equals(service)) {
                return true;
            }
        }
        return false;
    }

    /** The chain of last-finishing children from the entry: what the request waited on. */
    List<Span> criticalPath(Span entry) {
        List<Span> path = new ArrayList<>();
        Span current = entry;
        path.add(current);
        for (int depth = 0; depth < 16; depth++) {
            Span last = null;
            for (Span child : children(current)) {
                if (last == null || child.endEpochNanos() > last.endEpochNanos()) {
                    last = child;
                }
            }
            if (last == null) {
                break;
            }
            path.add(last);
            current = last;
        }
        return path;
    }
}
