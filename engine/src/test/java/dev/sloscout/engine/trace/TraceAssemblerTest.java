package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TraceAssemblerTest {
    private final List<Trace> traces = new ArrayList<>();

    private TraceAssembler assembler(long idle, int maxOpen) {
        return new TraceAssembler(new AssemblySettings(idle, maxOpen, 100_000, 1_000_000), traces::add);
    }

    @Test
    void interleavedSpansComeOutAsWholeTraces() {
        List<Span> a = SyntheticSpans.trace(1, 5);
        List<Span> b = SyntheticSpans.trace(2, 4);
        TraceAssembler assembler = assembler(1_000, 1_000);
        for (int i = 0; i < 5; i++) {
            assembler.accept(a.get(4 - i)); // children before their root
            if (i < 4) {
                assembler.accept(b.get(i));
            }
        }
        assembler.finish();

        assertThat(traces).hasSize(2);
        assertThat(traces).allSatisfy(t -> {
            assertThat(t.completion()).isEqualTo(Trace.Completion.END_OF_INPUT);
            assertThat(t.orphans()).isEmpty();
            assertThat(t.roots()).hasSize(1);
        });
        assertThat(traces.get(0).spans().size() + traces.get(1).spans().size()).isEqualTo(9);
    }

    @Test
    void aRootedTraceCompletesOnceIdleWhileARootlessOneWaits() {
        TraceAssembler assembler = assembler(2_000, 1_000_000);
        SyntheticSpans.trace(1, 3).forEach(assembler::accept);
        List<Span> rootless = SyntheticSpans.trace(2, 3).subList(1, 3);
        rootless.forEach(assembler::accept);
        for (int t = 10; t < 10 + 2_000; t++) {
            SyntheticSpans.trace(t, 2).forEach(assembler::accept);
        }

        assertThat(traces).anySatisfy(t -> {
            assertThat(t.traceId().low()).isEqualTo(2);
            assertThat(t.completion()).isEqualTo(Trace.Completion.ROOT_IDLE);
        });
        assertThat(traces).noneSatisfy(t -> assertThat(t.traceId().low()).isEqualTo(3));

        assembler.finish();
        Trace waited = traces.stream().filter(t -> t.traceId().low() == 3).findFirst().orElseThrow();
        assertThat(waited.completion()).isEqualTo(Trace.Completion.END_OF_INPUT);
        assertThat(waited.orphans()).hasSize(2);
        assertThat(waited.roots()).isEmpty();
    }

    @Test
    void aLiveStreamClosesQuietTracesByInputPositionAndRootlessOnesToo() {
        TraceAssembler assembler = assembler(1_000_000, 1_000_000); // spans alone would never make them idle
        SyntheticSpans.trace(1, 3).forEach(assembler::accept);
        SyntheticSpans.trace(2, 3).subList(1, 3).forEach(assembler::accept); // its root never comes
        long quietSince = assembler.tick();
        SyntheticSpans.trace(5, 2).forEach(assembler::accept); // touched after: stays open
        assertThat(assembler.tick()).isEqualTo(quietSince + 2);

        assembler.expireUntouchedSince(quietSince);
        assertThat(traces).singleElement().satisfies(t -> {
            assertThat(t.traceId().low()).isEqualTo(2); // SyntheticSpans numbers ids from n + 1
            assertThat(t.completion()).isEqualTo(Trace.Completion.ROOT_IDLE);
        });
        assembler.closeRootlessUntouchedSince(quietSince);
        assertThat(traces).hasSize(2);
        assertThat(traces.get(1).traceId().low()).isEqualTo(3);
        assertThat(traces.get(1).completion()).isEqualTo(Trace.Completion.EVICTED);
        assertThat(assembler.openSpans()).isEqualTo(2);

        SyntheticSpans.trace(2, 3).subList(0, 1).forEach(assembler::accept); // the root, at last: a late part
        assembler.finish();
        assertThat(traces).anySatisfy(t -> {
            assertThat(t.traceId().low()).isEqualTo(3);
            assertThat(t.completion()).isEqualTo(Trace.Completion.LATE_PART);
        });
    }

    @Test
    void exactDuplicatesCountOnceEvenAfterTheirTraceClosed() {
        TraceAssembler assembler = assembler(1_000, 1_000_000);
        List<Span> trace = SyntheticSpans.trace(1, 4);
        trace.forEach(assembler::accept);
        trace.forEach(assembler::accept); // an exporter retry
        for (int t = 10; t < 1_500; t++) {
            assembler.accept(SyntheticSpans.trace(t, 1).get(0));
        }
        trace.forEach(assembler::accept); // the same file read again, long after
        assembler.finish();

        assertThat(assembler.stats().duplicateSpans()).isEqualTo(8);
        assertThat(traces.stream().filter(t -> t.traceId().low() == 2).toList()).singleElement()
                .satisfies(t -> assertThat(t.spans()).hasSize(4));
    }

    @Test
    void spansThatMerelyShareAnIdStayDistinct() {
        TraceId id = new TraceId(7, 7);
        Span client = span(id, 1, 0, "frontend", SpanKind.CLIENT, 100, false);
        Span sharedServer = span(id, 1, 0, "backend", SpanKind.SERVER, 110, true);
        Span consumerA = span(id, 5, 1, "worker-a", SpanKind.CONSUMER, 200, false);
        Span consumerB = span(id, 5, 1, "worker-b", SpanKind.CONSUMER, 200, false);
        Span root = span(id, 9, -1, "frontend", SpanKind.SERVER, 50, false);
        TraceAssembler assembler = assembler(1_000, 1_000);
        List.of(root, client, sharedServer, consumerA, consumerB).forEach(assembler::accept);
        assembler.finish();

        assertThat(assembler.stats().duplicateSpans()).isZero();
        assertThat(traces).singleElement().satisfies(t -> {
            assertThat(t.spans()).hasSize(5);
            assertThat(t.parentOf(sharedServer)).isEqualTo(client);
            assertThat(t.orphanCount()).isEqualTo(t.orphans().size()).isZero();

        });
    }

    @Test
    void memoryBoundClosesTheLeastRecentlyTouchedTraceAndLateSpansFollowAsALatePart() {
        TraceAssembler assembler = assembler(1_000_000, 10);
        List<Span> first = SyntheticSpans.trace(1, 6);
        first.subList(0, 3).forEach(assembler::accept);
        for (int t = 10; t < 14; t++) {
            SyntheticSpans.trace(t, 3).forEach(assembler::accept);
        }
        first.subList(3, 6).forEach(assembler::accept);
        assembler.finish();

        assertThat(assembler.openSpans()).isZero();
        assertThat(assembler.stats().evictedTraces()).isPositive();
        assertThat(assembler.stats().peakOpenSpans()).isLessThanOrEqualTo(11);
        List<Trace> parts = traces.stream().filter(t -> t.traceId().low() == 2).toList();
        assertThat(parts).extracting(Trace::completion).containsExactly(Trace.Completion.EVICTED, Trace.Completion.LATE_PART);
        assertThat(parts.get(0).spans().size() + parts.get(1).spans().size()).isEqualTo(6);
        assertThat(assembler.stats().lateSpans()).isEqualTo(3);
    }

    @Test
    void aRunawayTraceIsCappedAndTheDropCounted() {
        TraceAssembler assembler = new TraceAssembler(new AssemblySettings(1_000, 1_000, 3, 100), traces::add);
        SyntheticSpans.trace(1, 5).forEach(assembler::accept);
        assembler.finish();

        assertThat(traces).singleElement().satisfies(t -> assertThat(t.spans()).hasSize(3));
        assertThat(assembler.stats().droppedSpans()).isEqualTo(2);
    }

    /** Whatever the order and the bounds, every distinct span comes out exactly once, and duplicates never. */
    @Property(tries = 200)
    void everyDistinctSpanIsEmittedExactlyOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int maxOpen,
                                               @ForAll @IntRange(min = 1, max = 200) int idle) {
        Random random = new Random(seed);
        List<Span> distinct = new ArrayList<>();
        for (int t = 0; t < 15; t++) {
            distinct.addAll(SyntheticSpans.trace(t, 1 + random.nextInt(8)));
        }
        List<Span> input = new ArrayList<>(distinct);
        for (int d = 0; d < 10; d++) {
            input.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(input, random);
        List<Trace> out = new ArrayList<>();
        TraceAssembler assembler = new TraceAssembler(new AssemblySettings(idle, maxOpen, 1_000, 1_000_000), out::add);
        input.forEach(assembler::accept);
        assembler.finish();

        Map<Span, Integer> emitted = new HashMap<>();
        out.forEach(t -> t.spans().forEach(s -> emitted.merge(s, 1, Integer::sum)));
        assertThat(emitted.keySet()).containsExactlyInAnyOrderElementsOf(distinct);
        assertThat(emitted.values()).containsOnly(1);
        assertThat(assembler.stats().duplicateSpans()).isEqualTo(input.size() - distinct.size());
        assertThat(assembler.stats().peakOpenSpans()).isLessThanOrEqualTo(maxOpen + 1);
        assertThat(out).allSatisfy(t -> {
            assertThat(t.spans()).allSatisfy(s -> assertThat(s.traceId()).isEqualTo(t.traceId()));
            assertThat(t.orphanCount()).isEqualTo(t.orphans().size());
        });
    }

    private static Span span(TraceId traceId, long id, long parent, String service, SpanKind kind, long start, boolean shared) {
        return Span.builder().traceId(traceId).spanId(new SpanId(id)).parentSpanId(parent < 0 ? null : parent == 0 ? new SpanId(9) : new SpanId(parent))
                .resource(Resource.ofService(service)).name("op").kind(kind).startEpochNanos(start).endEpochNanos(start + 5)
                .shared(shared).build();
    }
}
