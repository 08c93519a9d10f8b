package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey's services, call edges and critical path against a plain reading of its traces: what the per-trace
 * look-ups (services resolved once per span, edges and path counters found without building their text) must add up to.
 */
class JourneyStatisticsTest {
    private static final String[] OPERATIONS = {"read", "write", "publish", "lookup"};

    @Property(tries = 40)
    void edgesServicesAndCriticalPathsAreWhatTheTracesSay(@ForAll("seeds") long seed, @ForAll boolean manyServices,
                                                          @ForAll @IntRange(min = 1, max = 80) int traceCount) {
        Random random = new Random(seed);
        // a small system, or one whose journey passes the bound on the services it tells apart
        int serviceCount = manyServices ? JourneyAccumulator.MAX_SERVICES + 10 + random.nextInt(60) : 2 + random.nextInt(10);
        List<Trace> traces = new ArrayList<>();
        for (int t = 1; t <= traceCount; t++) {
            traces.add(randomTrace(random, t, serviceCount, manyServices ? 60 : 15));
        }
        JourneyDiscovery discovery = new JourneyDiscovery();
        traces.forEach(discovery::onTrace);
        Journey journey = discovery.build().journeys().get(0);

        Reference want = new Reference();
        traces.forEach(want::add);
        assertThat(journey.traces()).isEqualTo(traceCount);
        assertThat(journey.services()).containsExactlyElementsOf(want.services);
        assertThat(discovery.spansOfOtherServices()).isEqualTo(want.spansOfOtherServices);
        assertThat(journey.edges()).extracting(e -> e.from() + " -> " + e.to() + ": " + e.calls() + " calls, " + e.errors() + " errors")
                .containsExactlyElementsOf(want.edges());
        assertThat(journey.criticalPath().operations()).isEqualTo(want.bestPath());
        assertThat(journey.criticalPath().share()).isEqualTo((double) want.paths.get(want.bestPath()) / traceCount);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    /** One entry ({@code gateway GET /orders}) over a random tree of spans in random services, some failed. */
    private static Trace randomTrace(Random random, long number, int serviceCount, int maxSpans) {
        TraceId traceId = new TraceId(7, number);
        long start = 1_700_000_000_000_000_000L + number * 1_000_000_000L;
        int size = 1 + random.nextInt(maxSpans);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean root = i == 0;
            long begin = start + random.nextInt(1000) * 1000L;
            spans.add(Span.builder().traceId(traceId).spanId(new SpanId(number << 16 | (i + 1)))
                    .parentSpanId(root ? null : new SpanId(number << 16 | (random.nextInt(i) + 1)))
                    .resource(Resource.ofService(root ? "gateway" : "service-" + random.nextInt(serviceCount)))
                    .name(root ? "GET /orders" : OPERATIONS[random.nextInt(OPERATIONS.length)])
                    .kind(root ? SpanKind.SERVER : SpanKind.INTERNAL)
                    // few distinct ends, so ties between last-finishing children happen
                    .startEpochNanos(begin).endEpochNanos(begin + 1_000_000L * (1 + random.nextInt(4)))
                    .status(random.nextInt(10) == 0 ? Status.of(StatusCode.ERROR, "failed") : Status.UNSET)
                    .build());
        }
        // the spans as they come: any order
        java.util.Collections.shuffle(spans, random);
        return new Trace(traceId, spans, Trace.Completion.END_OF_INPUT);
    }

    /** The statistics read straight off the traces, with maps of text and no caches. */
    private static final class Reference {
        final TreeSet<String> services = new TreeSet<>();
        final Map<String, long[]> edges = new TreeMap<>();
        final Map<List<String>, Long> paths = new HashMap<>();
        long spansOfOtherServices;

        void add(Trace trace) {
            List<Span> spans = trace.spans();
            Map<Long, Integer> byId = new HashMap<>();
            for (int i = 0; i < spans.size(); i++) {
                byId.put(spans.get(i).spanId().value(), i);
            }
            List<List<Integer>> children = new ArrayList<>();
            int root = -1;
            for (int i = 0; i < spans.size(); i++) {
                children.add(new ArrayList<>());
            }
            for (int i = 0; i < spans.size(); i++) {
                SpanId parent = spans.get(i).parentSpanId();
                if (parent == null) {
                    root = i;
                } else {
                    children.get(byId.get(parent.value())).add(i);
                }
            }
            // services are told apart in the order the spans are first met: each span, then its children
            String[] resolved = new String[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                String from = resolve(spans, i, resolved);
                for (int c : children.get(i)) {
                    String to = resolve(spans, c, resolved);
                    if (!to.equals(from)) {
                        long[] edge = edges.computeIfAbsent(from + " -> " + to, k -> new long[2]);
                        edge[0]++;
                        edge[1] += spans.get(c).status().code() == StatusCode.ERROR ? 1 : 0;
                    }
                }
            }
            List<String> path = new ArrayList<>();
            for (int step = root; step >= 0 && path.size() < 17; ) {
                path.add(spans.get(step).serviceName() + " " + spans.get(step).name());
                int last = -1;
                for (int c : children.get(step)) {
                    if (last < 0 || spans.get(c).endEpochNanos() > spans.get(last).endEpochNanos()) {
                        last = c;
                    }
                }
                step = last;
            }
            if (paths.containsKey(path) || paths.size() < 200) {
                paths.merge(path, 1L, Long::sum);
            }
        }

        private String resolve(List<Span> spans, int i, String[] resolved) {
            if (resolved[i] == null) {
                String name = spans.get(i).serviceName();
                if (services.contains(name) || services.size() < JourneyAccumulator.MAX_SERVICES) {
                    services.add(name);
                    resolved[i] = name;
                } else {
                    services.add(JourneyAccumulator.OTHER_SERVICES);
                    resolved[i] = JourneyAccumulator.OTHER_SERVICES;
                    spansOfOtherServices++;
                }
            }
            return resolved[i];
        }

        List<String> edges() {
            return edges.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()[0] + " calls, " + e.getValue()[1] + " errors").toList();
        }

        /** The most frequent path, ties to the first by text. */
        List<String> bestPath() {
            return paths.entrySet().stream()
                    .min(java.util.Comparator.comparing((Map.Entry<List<String>, Long> e) -> -e.getValue())
                            .thenComparing(e -> String.join("\n", e.getKey())))
                    .orElseThrow().getKey();
        }
    }
}
