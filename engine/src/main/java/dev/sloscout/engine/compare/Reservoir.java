package dev.sloscout.engine.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform sample of at most {@code capacity} values from a stream (Vitter's algorithm R), with a fixed seed: the
 * same stream gives the same sample. Memory is the capacity, whatever the stream's length.
 */
final class Reservoir {
    private final double[] values;
    private final SplittableRandom random;
    private long seen;

    Reservoir(int capacity, long seed) {
        values = new double[capacity];
        random = new SplittableRandom(seed);
    }

    void add(double value) {
        if (seen < values.length) {
            values[(int) seen] = value;
        } else {
            long slot = random.nextLong(seen + 1);
            if (slot < values.length) {
                values[(int) slot] = value;
            }
        }
        seen++;
    }

    long seen() {
        return seen;
    }

    /** The sample, sorted. */
    double[] sorted() {
        double[] out = Arrays.copyOf(values, (int) Math.min(seen, values.length));
        Arrays.sort(out);
        return out;
    }
}
