package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardedTraceAssemblerTest {

    /**
     * Whatever the number of shards, the same traces come out, closed the same way, in the same order, with the same
     * counts (and each shard's own listener gets the traces it closed): on streams with idle closures, traces waiting for their root, evictions, late parts, duplicates (also of
     * closed traces) and runaway traces.
     */
    @Property(tries = 40)
    void shardsCloseTheSameTracesInTheSameOrderAsOneAssembler(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 4) int bucketsLog2, @ForAll @IntRange(min = 0, max = 4) int shardsLog2,
            @ForAll @IntRange(min = 1, max = 3_000) int idle, @ForAll @IntRange(min = 2, max = 12) int maxPerTrace,
            @ForAll @IntRange(min = 1, max = 40) int openPerBucket, @ForAll @IntRange(min = 0, max = 3_000) int remembered) {
        AssemblySettings settings = new AssemblySettings(idle, (maxPerTrace + openPerBucket) << bucketsLog2, maxPerTrace,
                remembered);
        int shards = 1 << Math.min(shardsLog2, Integer.numberOfTrailingZeros(TraceBuckets.bucketCount(settings)));
        List<Span> input = stream(new Random(seed), 3_000 + new Random(seed).nextInt(5_000));

        List<String> serial = new ArrayList<>();
        TraceAssembler one = new TraceAssembler(settings, trace -> serial.add(describe(trace)));
        input.forEach(one::accept);
        one.finish();

        List<String> sharded = new ArrayList<>();
        List<List<String>> perShard = new ArrayList<>();
        try (ShardedTraceAssembler many = new ShardedTraceAssembler(settings, shards, shard -> {
            List<String> own = new ArrayList<>();
            perShard.add(own);
            return trace -> own.add(describe(trace));
        }, trace -> sharded.add(describe(trace)), "test")) {
            input.forEach(many::accept);
            many.finish();
            assertThat(sharded).containsExactlyElementsOf(serial);
            assertThat(many.stats()).isEqualTo(one.stats());
        }
        // every trace also went, once, to the listener of the shard that closed it
        assertThat(perShard).hasSize(shards);
        assertThat(perShard.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(serial);
    }

    /** The streams above are not vacuous: with several buckets they close traces in every way there is. */
    @Test
    void theRandomStreamsExerciseEveryWayATraceCloses() {
        AssemblySettings settings = new AssemblySettings(300, 8 * 60, 40, 400);
        assertThat(TraceBuckets.bucketCount(settings)).isEqualTo(8);
        List<Trace.Completion> completions = new ArrayList<>();
        List<Span> input = stream(new Random(7), 9_000);
        try (ShardedTraceAssembler many = new ShardedTraceAssembler(settings, 4,
                trace -> completions.add(trace.completion()), "test")) {
            input.forEach(many::accept);
            many.finish();
            AssemblyStats stats = many.stats();
            assertThat(stats.evictedTraces()).isPositive();
            assertThat(stats.lateSpans()).isPositive();
            assertThat(stats.duplicateSpans()).isPositive();
            assertThat(stats.droppedSpans()).isPositive();
            assertThat(stats.peakOpenSpans()).isBetween(60L, 8L * 60 + 1);
            assertThat(stats.spansReceived()).isEqualTo(input.size());
        }
        assertThat(completions).contains(Trace.Completion.values());
    }

    @Test
    void aFailingListenerIsThrownToTheFeederAndNoThreadIsLeftWaiting() throws Exception {
        AssemblySettings settings = new AssemblySettings(50, 8 * 30, 6, 400);
        ShardedTraceAssembler many = new ShardedTraceAssembler(settings, 2, trace -> {
            throw new IllegalStateException("listener broke");
        }, "failing");
        List<Span> input = stream(new Random(3), 20_000);
        assertThatThrownBy(() -> {
            input.forEach(many::accept);
            many.finish();
        }).isInstanceOf(IllegalStateException.class).hasMessage("listener broke");
        many.close();
        assertThat(threadsNamed("failing")).isEmpty();
    }

    @Test
    void closingWithoutFinishingStopsEveryThread() throws Exception {
        AssemblySettings settings = new AssemblySettings(50, 8 * 30, 6, 400);
        ShardedTraceAssembler many = new ShardedTraceAssembler(settings, 4, trace -> { }, "abandoned");
        stream(new Random(5), 5_000).forEach(many::accept);
        many.close();
        assertThat(threadsNamed("abandoned")).isEmpty();
    }

    @Test
    void shardsMustBeAPowerOfTwoWithinTheBuckets() {
        AssemblySettings settings = new AssemblySettings(50, 4 * 10, 10, 0);
        assertThat(ShardedTraceAssembler.maxShards(settings)).isEqualTo(4);
        assertThatThrownBy(() -> new ShardedTraceAssembler(settings, 3, trace -> { }, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShardedTraceAssembler(settings, 8, trace -> { }, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> threadsNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(name -> name.startsWith(prefix + "-")).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(10);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        return alive;
    }

    /**
     * Traces that overlap in time, as a collector's export has them: a few dozen open at once, spans in random order
     * within each (so roots come late or never), some traces far larger than the bound, some spans repeated soon or
     * long after their trace, and now and then a span of a long-closed trace.
     */
    static List<Span> stream(Random random, int size) {
        List<Span> out = new ArrayList<>(size);
        List<List<Span>> open = new ArrayList<>();
        long next = 0;
        while (out.size() < size) {
            while (open.size() < 5 + random.nextInt(40)) {
                int spans = random.nextInt(20) == 0 ? 20 + random.nextInt(60) : 1 + random.nextInt(10);
                List<Span> trace = new ArrayList<>(SyntheticSpans.trace(next++, spans));
                java.util.Collections.shuffle(trace, random);
                if (random.nextInt(8) == 0) {
                    trace.removeIf(Span::isRoot);
                }
                open.add(trace);
            }
            List<Span> trace = open.get(random.nextInt(open.size()));
            if (trace.isEmpty()) {
                open.remove(trace);
                continue;
            }
            Span span = trace.remove(trace.size() - 1);
            out.add(span);
            int roll = random.nextInt(100);
            if (roll < 3) {
                out.add(out.get(Math.max(0, out.size() - 1 - random.nextInt(Math.min(out.size(), 3_000)))));
            } else if (roll < 4 && next > 10) {
                long old = Math.max(0, next - 1 - random.nextInt((int) Math.min(next, 2_000)));
                out.add(SyntheticSpans.span(new TraceId(0x5eed, old + 1), 90 + random.nextInt(5), 0));
            }
        }
        return out;
    }

    private static String describe(Trace trace) {
        StringBuilder text = new StringBuilder().append(trace.traceId()).append(' ').append(trace.completion());
        for (Span span : trace.spans()) {
            text.append(' ').append(span.spanId());
        }
        return text.toString();
    }
}
