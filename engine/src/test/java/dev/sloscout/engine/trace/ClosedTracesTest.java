package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.TraceId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedTracesTest {
    /** What the buckets kept before: a map of ids to sorted fingerprints in the order remembered. */
    private static final class Reference {
        final long bound;
        final LinkedHashMap<TraceId, long[]> closed = new LinkedHashMap<>();
        long remembered;

        Reference(long bound) {
            this.bound = bound;
        }

        void remember(TraceId id, long[] traceFingerprints) {
            long[] fingerprints = traceFingerprints.clone();
            Arrays.sort(fingerprints);
            long[] earlier = closed.remove(id);
            if (earlier != null) {
                remembered -= earlier.length;
                long[] merged = Arrays.copyOf(earlier, earlier.length + fingerprints.length);
                System.arraycopy(fingerprints, 0, merged, earlier.length, fingerprints.length);
                Arrays.sort(merged);
                fingerprints = merged;
            }
            closed.put(id, fingerprints);
            remembered += fingerprints.length;
            Iterator<long[]> it = closed.values().iterator();
            while (remembered > bound && it.hasNext()) {
                remembered -= it.next().length;
                it.remove();
            }
        }

        boolean isDuplicate(TraceId id, long fingerprint) {
            long[] fingerprints = closed.get(id);
            return fingerprints != null && Arrays.binarySearch(fingerprints, fingerprint) >= 0;
        }
    }

    /**
     * Any sequence of closed traces (ids seen again, as late parts are; fingerprints including 0; traces larger than
     * the bound) leaves the same traces and fingerprints remembered as the map did, through every compaction.
     */
    @Property(tries = 200)
    void remembersWhatAMapOfSortedArraysRemembered(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int bound,
            @ForAll @IntRange(min = 1, max = 200) int ids, @ForAll @IntRange(min = 1, max = 40) int maxSpans) {
        Random random = new Random(seed);
        ClosedTraces closed = new ClosedTraces(bound);
        Reference reference = new Reference(bound);
        for (int step = 0; step < 1_500; step++) {
            TraceId id = new TraceId(1 + random.nextInt(3), random.nextInt(ids));
            LongHashSet fingerprints = new LongHashSet(16);
            int spans = 1 + random.nextInt(maxSpans);
            for (int s = 0; s < spans; s++) {
                fingerprints.add(random.nextInt(4) == 0 ? random.nextInt(3) : random.nextLong());
            }
            long[] copy = new long[fingerprints.size()];
            fingerprints.copyTo(copy, 0);
            // a late part brings only fingerprints its earlier parts did not have
            long[] fresh = Arrays.stream(copy).filter(f -> !reference.isDuplicate(id, f)).toArray();
            LongHashSet part = new LongHashSet(fresh.length);
            Arrays.stream(fresh).forEach(part::add);

            closed.remember(id, part);
            reference.remember(id, fresh);

            assertThat(closed.isEmpty()).isEqualTo(reference.closed.isEmpty());
            for (int probe = 0; probe < 8; probe++) {
                TraceId other = new TraceId(1 + random.nextInt(3), random.nextInt(ids));
                assertThat(closed.contains(other)).as("%s", other).isEqualTo(reference.closed.containsKey(other));
            }
            for (long f : copy) {
                assertThat(closed.isDuplicate(id, f)).isEqualTo(reference.isDuplicate(id, f));
            }
            assertThat(closed.isDuplicate(id, random.nextLong())).isFalse();
        }
        for (TraceId id : reference.closed.keySet()) {
            for (long f : reference.closed.get(id)) {
                assertThat(closed.isDuplicate(id, f)).isTrue();
            }
        }
    }
}
