package dev.sloscout.engine.quality;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.trace.PreparedFeed;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data quality measured per trace on other threads ({@link DataQuality#preparer()}, as assembly shards run it) and
 * added up in order, against the same traces measured in order: the same report, the same evidence kept, also past
 * the bound of services measured apart.
 */
class PreparedDataQualityTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000;

    @Property(tries = 5)
    void preparedOnOtherThreadsTheReportAndEvidenceAreTheSame(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int threads) throws Exception {
        List<Trace> traces = traces(new Random(seed), 800);

        List<String> keptInOrder = new ArrayList<>();
        DataQuality inOrder = new DataQuality(trace -> keptInOrder.add(trace.traceId().toHex()));
        traces.forEach(inOrder::onTrace);

        List<String> keptPrepared = new ArrayList<>();
        DataQuality prepared = new DataQuality(trace -> keptPrepared.add(trace.traceId().toHex()));
        PreparedFeed.feed(traces, prepared, threads);

        QualityReport expected = inOrder.report(Map.of());
        assertThat(prepared.report(Map.of())).isEqualTo(expected);
        assertThat(keptPrepared).isEqualTo(keptInOrder).isNotEmpty();
        assertThat(expected.unmeasuredSpans()).as("the bound of services is reached (not vacuous): %d services", expected.services().size()).isPositive();
        assertThat(expected.recommendations()).isNotEmpty();
    }

    /**
     * Traces over more services than are measured apart, with every attribute the measurements read: HTTP and RPC
     * calls, database clients, statuses, routes, request ids, user agents, stated samplers, missing parents and
     * server spans sticking out of their callers.
     */
    private static List<Trace> traces(Random random, int count) {
        List<Trace> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            List<Span> spans = new ArrayList<>();
            int size = 2 + random.nextInt(24);
            for (int s = 0; s < size; s++) {
                // a parent among the spans before, or (now and then) one the trace does not have
                Long parent = null;
                if (s == 0 && random.nextInt(10) == 0) {
                    parent = 999L;
                } else if (s > 0) {
                    parent = random.nextInt(12) == 0 ? 900L + s : 1L + random.nextInt(s);
                }
                String service = random.nextInt(4) == 0 ? "front"
                        : "svc-" + random.nextInt(random.nextInt(3) != 0 ? 2_600 : 40);
                SpanKind kind = SpanKind.values()[random.nextInt(SpanKind.values().length)];
                long start = random.nextInt(100);
                Status status = switch (random.nextInt(4)) {
                    case 0 -> new Status(StatusCode.ERROR, "boom");
                    case 1 -> new Status(StatusCode.OK, "");
                    default -> Status.UNSET;
                };
                spans.add(Span.builder().traceId(new TraceId(7, n)).spanId(new SpanId(s + 1))
                        .parentSpanId(parent == null ? null : new SpanId(parent)).resource(Resource.ofService(service))
                        .name("op").kind(kind).startEpochNanos(T0 + start * MS)
                        .endEpochNanos(T0 + (start + random.nextInt(200)) * MS).status(status)
                        .attributes(attributes(random)).build());
            }
            out.add(new Trace(new TraceId(7, n), spans, Trace.Completion.END_OF_INPUT));
        }
        return out;
    }

    private static Attributes attributes(Random random) {
        Attributes.Builder b = Attributes.builder();
        if (random.nextBoolean()) {
            b.put(SpanAttributes.HTTP_REQUEST_METHOD, "GET");
            if (random.nextBoolean()) {
                b.put(SpanAttributes.HTTP_ROUTE, "/r/" + random.nextInt(3));
            }
            if (random.nextBoolean()) {
                b.put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, random.nextBoolean() ? 200L : 503L);
            }
        } else if (random.nextBoolean()) {
            b.put(SpanAttributes.RPC_SYSTEM, "grpc");
            if (random.nextBoolean()) {
                b.put(SpanAttributes.RPC_GRPC_STATUS_CODE, (long) random.nextInt(16));
            }
        }
        if (random.nextInt(6) == 0) {
            b.put(SpanAttributes.DB_SYSTEM, "postgresql");
        }
        if (random.nextInt(6) == 0) {
            b.put(SpanAttributes.PEER_SERVICE, "peer");
        }
        if (random.nextInt(8) == 0) {
            b.put(SpanAttributes.REQUEST_ID, "req-" + random.nextInt(1000));
        }
        if (random.nextInt(8) == 0) {
            b.put(SpanAttributes.USER_AGENT, "Mozilla/5.0");
        }
        if (random.nextInt(8) == 0) {
            b.put(SpanAttributes.SAMPLER_TYPE, random.nextBoolean() ? "probabilistic" : "const");
            if (random.nextBoolean()) {
                b.put(SpanAttributes.SAMPLER_PARAM, String.valueOf(random.nextInt(150)));
            }
        }
        return b.build();
    }
}
