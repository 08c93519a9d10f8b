package dev.sloscout.engine.slo;

import java.util.Arrays;

/**
 * The latency thresholds history is kept for: the bucket bounds of the metrics that would measure the SLI in
 * production, so a proposed threshold is one a {@code le="..."} selector can express. The union of the OpenTelemetry
 * Collector spanmetrics connector's default buckets and the OTel HTTP semantic-convention defaults, in milliseconds.
 */
public final class LatencyBounds {
    /** spanmetrics connector defaults (ms). */
    public static final double[] SPANMETRICS_MS = {2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000, 15000};
    /** OTel HTTP server duration defaults (seconds, here in ms). */
    public static final double[] OTEL_HTTP_MS = {5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000};
    /** Both, sorted and distinct. */
    public static final double[] ALL_MS = Arrays.stream(concat(SPANMETRICS_MS, OTEL_HTTP_MS)).distinct().sorted().toArray();

    private LatencyBounds() {
    }

    /** The smallest bound at or above {@code valueMs} in {@code bounds}; NaN when none fits (above the largest). */
    public static double snapUp(double valueMs, double[] bounds) {
        for (double bound : bounds) {
            if (bound >= valueMs) {
                return bound;
            }
        }
        return Double.NaN;
    }

    public static boolean contains(double[] bounds, double valueMs) {
        for (double bound : bounds) {
            if (bound == valueMs) {
                return true;
            }
        }
        return false;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
