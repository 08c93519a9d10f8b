package dev.sloscout.engine.slo;

/**
 * The Wilson score interval for a proportion: honest at the extremes where the normal approximation is not
 * (99.99% of 200 requests is not "between 99.97% and 100.01%").
 */
public final class Wilson {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    public record Interval(double estimate, double low, double high) {
    }

    public static Interval interval(long good, long total, double z) {
        if (total <= 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        if (good < 0 || good > total) {
            throw new IllegalArgumentException("good must be within 0.." + total + ", got " + good);
        }
        double n = total;
        double p = good / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Interval(p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
}
