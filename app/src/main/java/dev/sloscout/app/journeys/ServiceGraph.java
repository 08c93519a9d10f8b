package dev.sloscout.app.journeys;

import dev.sloscout.engine.journey.Journey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service call graph of one journey or of several: nodes are services, edges the calls between them with their
 * counts, errors and latency. Filtering (focus on a node within N hops, hiding low-traffic edges) returns a new graph.
 */
public record ServiceGraph(List<Node> nodes, List<Edge> edges) {

    /** A service: calls it received and made, how many failed, whether a journey enters through it. */
    public record Node(String id, long callsIn, long callsOut, long errorsIn, boolean entry, Set<String> journeys) {
        public double errorRatio() {
            return callsIn == 0 ? 0 : (double) errorsIn / callsIn;
        }
    }

    /** Calls from one service to another; p99 is the largest of the merged journeys' p99s. */
    public record Edge(String from, String to, long calls, long errors, double p50Ms, double p99Ms, Set<String> journeys) {
        public double errorRatio() {
            return calls == 0 ? 0 : (double) errors / calls;
        }

        public String id() {
            return from + "->" + to;
        }
    }

    public static final ServiceGraph EMPTY = new ServiceGraph(List.of(), List.of());

    /** Merges the journeys' edges; an entry service with no edges still becomes a node. */
    public static ServiceGraph of(List<Journey> journeys) {
        Map<String, Edge> edges = new LinkedHashMap<>();
        Map<String, long[]> nodeCounts = new LinkedHashMap<>();
        Map<String, Set<String>> nodeJourneys = new HashMap<>();
        Set<String> entries = new HashSet<>();
        for (Journey j : journeys) {
            String entry = j.entry().service();
            entries.add(entry);
            long[] entryCounts = nodeCounts.computeIfAbsent(entry, s -> new long[3]);
            entryCounts[0] += j.traces();
            entryCounts[2] += j.errorTraces();
            nodeJourneys.computeIfAbsent(entry, s -> new TreeSet<>()).add(j.name());
            for (Journey.Edge e : j.edges()) {
                Edge merged = edges.get(e.from() + "->" + e.to());
                Set<String> names = new TreeSet<>(merged == null ? Set.of() : merged.journeys());
                names.add(j.name());
                edges.put(e.from() + "->" + e.to(), merged == null
                        ? new Edge(e.from(), e.to(), e.calls(), e.errors(), e.p50Ms(), e.p99Ms(), names)
                        : new Edge(e.from(), e.to(), merged.calls() + e.calls(), merged.errors() + e.errors(),
                        Math.max(merged.p50Ms(), e.p50Ms()), Math.max(merged.p99Ms(), e.p99Ms()), names));
                nodeCounts.computeIfAbsent(e.from(), s -> new long[3])[1] += e.calls();
                long[] to = nodeCounts.computeIfAbsent(e.to(), s -> new long[3]);
                to[0] += e.calls();
                to[2] += e.errors();
                nodeJourneys.computeIfAbsent(e.from(), s -> new TreeSet<>()).add(j.name());
                nodeJourneys.computeIfAbsent(e.to(), s -> new TreeSet<>()).add(j.name());
            }
        }
        List<Node> nodes = new ArrayList<>();
        nodeCounts.forEach((id, c) -> nodes.add(new Node(id, c[0], c[1], c[2], entries.contains(id),
                Set.copyOf(nodeJourneys.getOrDefault(id, Set.of())))));
        return new ServiceGraph(List.copyOf(nodes), List.copyOf(edges.values()));
    }

    /**
     * The operation graph of whole traces: nodes are {@code service operation}, edges parent -> child spans, counted
     * over the given traces only (the kept sample traces, so its numbers describe the samples, not all traffic).
     */
    public static ServiceGraph ofTraces(List<dev.sloscout.engine.model.Trace> traces, String journeyName) {
        Map<String, long[]> nodeCounts = new LinkedHashMap<>(); // calls, errors
        Set<String> entries = new HashSet<>();
        Map<String, List<Double>> edgeDurations = new LinkedHashMap<>();
        Map<String, long[]> edgeCounts = new LinkedHashMap<>(); // calls, errors
        for (dev.sloscout.engine.model.Trace trace : traces) {
            dev.sloscout.engine.model.Trace.Index index = new dev.sloscout.engine.model.Trace.Index(trace.spans());
            for (dev.sloscout.engine.model.Span span : trace.spans()) {
                String id = span.serviceName() + " " + span.name();
                boolean error = dev.sloscout.engine.model.Spans.isError(span);
                long[] n = nodeCounts.computeIfAbsent(id, k -> new long[2]);
                n[0]++;
                n[1] += error ? 1 : 0;
                dev.sloscout.engine.model.Span parent = index.parentOf(span);
                if (parent == null) {
                    entries.add(id);
                    continue;
                }
                String key = parent.serviceName() + " " + parent.name() + "\u0000" + id;
                long[] e = edgeCounts.computeIfAbsent(key, k -> new long[2]);
                e[0]++;
                e[1] += error ? 1 : 0;
                edgeDurations.computeIfAbsent(key, k -> new ArrayList<>()).add(span.durationNanos() / 1e6);
            }
        }
        List<Edge> edges = new ArrayList<>();
        Map<String, Long> callsOut = new HashMap<>();
        edgeCounts.forEach((key, c) -> {
            String from = key.substring(0, key.indexOf('\u0000'));
            String to = key.substring(key.indexOf('\u0000') + 1);
            List<Double> d = edgeDurations.get(key);
            d.sort(null);
            edges.add(new Edge(from, to, c[0], c[1], percentile(d, 0.5), percentile(d, 0.99), Set.of(journeyName)));
            callsOut.merge(from, c[0], Long::sum);
        });
        List<Node> nodes = new ArrayList<>();
        nodeCounts.forEach((id, c) -> nodes.add(new Node(id, c[0], callsOut.getOrDefault(id, 0L), c[1], entries.contains(id),
                Set.of(journeyName))));
        return new ServiceGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    /** Only edges with at least {@code minCalls} calls, and the nodes they (or an entry) still touch. */
    public ServiceGraph withMinCalls(long minCalls) {
        List<Edge> kept = edges.stream().filter(e -> e.calls() >= minCalls).toList();
        Set<String> touched = new HashSet<>();
        kept.forEach(e -> {
            touched.add(e.from());
            touched.add(e.to());
        });
        return new ServiceGraph(nodes.stream().filter(n -> n.entry() || touched.contains(n.id())).toList(), kept);
    }

    /** The nodes within {@code hops} calls of {@code center} (either direction) and the edges among them. */
    public ServiceGraph around(String center, int hops) {
        if (node(center) == null) {
            return this;
        }
        Map<String, Integer> distance = new HashMap<>(Map.of(center, 0));
        Deque<String> queue = new ArrayDeque<>(List.of(center));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            int d = distance.get(at);
            if (d == hops) {
                continue;
            }
            for (Edge e : edges) {
                String next = e.from().equals(at) ? e.to() : e.to().equals(at) ? e.from() : null;
                if (next != null && !distance.containsKey(next)) {
                    distance.put(next, d + 1);
                    queue.add(next);
                }
            }
        }
        return new ServiceGraph(nodes.stream().filter(n -> distance.containsKey(n.id())).toList(),
                edges.stream().filter(e -> distance.containsKey(e.from()) && distance.containsKey(e.to())).toList());
    }

    /**
     * A left-to-right layering for drawing: callers before callees. Each node's layer is the length of the longest
     * call chain reaching it from a node nobody calls (edges closing a cycle are ignored); within a layer, busiest
     * first. Deterministic, so the same data draws the same picture.
     */
    public List<List<String>> layers() {
        Map<String, Integer> layer = new LinkedHashMap<>();
        Map<String, List<Edge>> out = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        nodes.forEach(n -> incoming.put(n.id(), 0));
        for (Edge e : edges) {
            if (!e.from().equals(e.to())) {
                out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
                incoming.merge(e.to(), 1, Integer::sum);
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        nodes.stream().filter(n -> incoming.get(n.id()) == 0).forEach(n -> ready.add(n.id()));
        Set<String> placed = new HashSet<>();
        while (placed.size() < nodes.size()) {
            if (ready.isEmpty()) { // a cycle: start from the busiest node not yet placed
                nodes.stream().filter(n -> !placed.contains(n.id())).max(java.util.Comparator.comparingLong(Node::callsIn))
                        .ifPresent(n -> ready.add(n.id()));
            }
            String at = ready.poll();
            if (!placed.add(at)) {
                continue;
            }
            layer.putIfAbsent(at, 0);
            for (Edge e : out.getOrDefault(at, List.of())) {
                if (placed.contains(e.to())) {
                    continue;
                }
                layer.merge(e.to(), layer.get(at) + 1, Math::max);
                if (incoming.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        int depth = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            int at = i;
            result.add(nodes.stream().filter(n -> layer.get(n.id()) == at)
                    .sorted(java.util.Comparator.comparingLong((Node n) -> -(n.callsIn() + n.callsOut())).thenComparing(Node::id))
                    .map(Node::id).toList());
        }
        return result;
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    public Edge edge(String from, String to) {
        return edges.stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst().orElse(null);
    }

    public long maxCalls() {
        return edges.stream().mapToLong(Edge::calls).max().orElse(0);
    }
}
