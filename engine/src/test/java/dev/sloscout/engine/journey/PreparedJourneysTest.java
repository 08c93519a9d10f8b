package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.PreparedFeed;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey discovery with its per-trace work done ahead, on other threads ({@link JourneyDiscovery#preparer()}, as
 * assembly shards run it), against discovery doing it all in order; and the services a journey tells apart, its
 * edges and its count of spans beyond the bound, against a plain walk over every span.
 */
class PreparedJourneysTest {
    private static final int SERVICE_POOL = 700;

    @Property(tries = 5)
    void preparedOnOtherThreadsTheReportIsTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads)
            throws Exception {
        List<Trace> traces = traces(new Random(seed), 160);

        JourneyDiscovery inOrder = new JourneyDiscovery();
        traces.forEach(inOrder::onTrace);

        JourneyDiscovery prepared = new JourneyDiscovery();
        PreparedFeed.feed(traces, prepared, threads);

        JourneyDiscovery.JourneyReport expected = inOrder.build();
        JourneyDiscovery.JourneyReport actual = prepared.build();
        assertThat(actual.journeys()).isEqualTo(expected.journeys());
        assertThat(actual.partialTraces()).isEqualTo(expected.partialTraces()).isPositive();
        assertThat(actual.tracesWithOrphans()).isEqualTo(expected.tracesWithOrphans()).isPositive();
        assertThat(prepared.spansOfOtherServices()).isEqualTo(inOrder.spansOfOtherServices());
        for (Trace trace : traces) {
            assertThat(prepared.link(trace.traceId())).isEqualTo(inOrder.link(trace.traceId()));
        }
    }

    @Property(tries = 5)
    void servicesEdgesAndSpansBeyondTheBoundAreThoseOfAWalkOverEverySpan(@ForAll long seed) {
        List<Trace> traces = traces(new Random(seed), 160);
        JourneyDiscovery discovery = new JourneyDiscovery();
        traces.forEach(discovery::onTrace);

        Map<String, Walked> expected = new TreeMap<>();
        for (Trace trace : traces) {
            JourneyDiscovery.TraceLink link = discovery.link(trace.traceId());
            if (link != null) {
                expected.computeIfAbsent(link.journeyId(), id -> new Walked()).walk(trace);
            }
        }
        long beyond = 0;
        for (Journey journey : discovery.build().journeys()) {
            Walked walked = expected.get(journey.id());
            assertThat(journey.services()).containsExactlyInAnyOrderElementsOf(walked.services);
            Map<String, List<Long>> edges = new TreeMap<>();
            journey.edges().forEach(e -> edges.put(e.from() + " -> " + e.to(), List.of(e.calls(), e.errors())));
            assertThat(edges).isEqualTo(walked.edges);
            beyond += walked.spansBeyond;
        }
        assertThat(discovery.spansOfOtherServices()).isEqualTo(beyond);
        assertThat(beyond).as("the bound is reached (not vacuous)").isPositive();
    }

    /** The journey's services, edges and spans beyond the bound as one walk over each span would count them. */
    private static final class Walked {
        final Set<String> services = new LinkedHashSet<>();
        final Map<String, List<Long>> edges = new TreeMap<>();
        long spansBeyond;

        void walk(Trace trace) {
            Trace.Index index = trace.index();
            List<Span> spans = trace.spans();
            String[] told = new String[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                String from = tell(spans, i, told);
                for (int k = 0; k < index.childCount(i); k++) {
                    int c = index.child(i, k);
                    String to = tell(spans, c, told);
                    if (!to.equals(from)) {
                        edges.merge(from + " -> " + to, List.of(1L, Spans.isError(spans.get(c)) ? 1L : 0L),
                                (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
                    }
                }
            }
        }

        private String tell(List<Span> spans, int span, String[] told) {
            if (told[span] == null) {
                String name = spans.get(span).serviceName();
                if (services.contains(name) || services.size() < JourneyDiscovery.maxServicesPerJourney()) {
                    services.add(name);
                    told[span] = name;
                } else {
                    services.add(JourneyDiscovery.OTHER_SERVICES);
                    spansBeyond++;
                    told[span] = JourneyDiscovery.OTHER_SERVICES;
                }
            }
            return told[span];
        }
    }

    /**
     * Traces of a few journeys (named routes, and a generic root told apart by its calls) over a pool of services
     * larger than a journey's bound; some fail, some lose a span (orphans), some have no root or are late parts.
     */
    private static List<Trace> traces(Random random, int count) {
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Traces t = Traces.trace(n);
            String rootName = random.nextBoolean() ? "GET /*" : "POST /orders/" + random.nextInt(3);
            List<SpanId> ids = new ArrayList<>();
            ids.add(t.span(null, "gateway", rootName, SpanKind.SERVER, 0, 400));
            int spans = 2 + random.nextInt(60);
            for (int s = 1; s < spans; s++) {
                SpanId parent = ids.get(random.nextInt(ids.size()));
                String service = random.nextInt(5) == 0 ? "gateway"
                        : "service-" + (int) Math.floor(SERVICE_POOL * Math.pow(random.nextDouble(), 1.5));
                Attributes attributes = random.nextInt(8) == 0
                        ? Attributes.builder().put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, 503L).build()
                        : Attributes.EMPTY;
                SpanKind kind = random.nextBoolean() ? SpanKind.SERVER : SpanKind.CLIENT;
                ids.add(t.span(parent, service, "op-" + random.nextInt(4), kind, 1 + random.nextInt(50),
                        random.nextInt(300), attributes));
            }
            int kind = random.nextInt(12);
            if (kind == 1) { // a span whose parent is then left out: an orphan
                t.span(ids.get(1), "service-1", "op-0", SpanKind.SERVER, 2, 10, Attributes.EMPTY);
            }
            Trace trace = switch (kind) {
                case 0 -> t.buildWithout(ids.get(0)); // no root
                case 1 -> t.buildWithout(ids.get(1));
                case 2 -> late(t.build());
                default -> t.build();
            };
            if (!trace.spans().isEmpty()) {
                out.add(trace);
            }
        }
        return out;
    }

    private static Trace late(Trace trace) {
        return new Trace(trace.traceId(), trace.spans(), Trace.Completion.LATE_PART);
    }
}
