package dev.sloscout.engine.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics a comparison needs, each the textbook form: the two-proportion z-test with Newcombe's hybrid score
 * interval for the difference, the Mann-Whitney U test (normal approximation with tie and continuity corrections),
 * a percentile bootstrap interval for the difference of two quantiles, a normal interval for the difference of two
 * means, and Holm's step-down correction for many comparisons.
 */
public final class Stats {
    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** A test's result: the p-value (NaN when nothing could be tested) and a 95% interval for the difference. */
    public record Test(double pValue, double low, double high) {
    }

    /** {@code x2/n2 - x1/n1}: is the proportion different? */
    public static Test twoProportion(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return new Test(Double.NaN, Double.NaN, Double.NaN);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = se == 0 ? 1 : twoSided((p2 - p1) / se);
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p2 - p1;
        double low = d - Math.sqrt(sq(p2 - w2[0]) + sq(w1[1] - p1));
        double high = d + Math.sqrt(sq(w2[1] - p2) + sq(p1 - w1[0]));
        return new Test(p, low, high);
    }

    /** The Wilson score interval of a proportion, 95%. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Two rates of events per unit ({@code events/units}), compared with the normal approximation of Poisson counts. */
    public static Test rates(long events1, long units1, long events2, long units2) {
        if (units1 == 0 || units2 == 0) {
            return new Test(Double.NaN, Double.NaN, Double.NaN);
        }
        double r1 = (double) events1 / units1;
        double r2 = (double) events2 / units2;
        double se = Math.sqrt(r1 / units1 + r2 / units2);
        double p = se == 0 ? 1 : twoSided((r2 - r1) / se);
        return new Test(p, r2 - r1 - Z95 * se, r2 - r1 + Z95 * se);
    }

    /** Mann-Whitney U: is one sample shifted against the other? The interval is that of the difference of means. */
    public static Test mannWhitney(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        if (n1 == 0 || n2 == 0) {
            return new Test(Double.NaN, Double.NaN, Double.NaN);
        }
        int n = n1 + n2;
        double[] values = new double[n];
        boolean[] first = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < n1 ? a[i] : b[i - n1];
            first[i] = i < n1;
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double rankSumA = 0;
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (first[order[k]]) {
                    rankSumA += rank;
                }
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        double p = variance <= 0 ? 1 : twoSided(Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance));
        double[] ci = meanDifference(a, b);
        return new Test(p, ci[0], ci[1]);
    }

    /** A 95% normal interval for {@code mean(b) - mean(a)}. */
    static double[] meanDifference(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double se = Math.sqrt(variance(a, ma) / a.length + variance(b, mb) / b.length);
        return new double[] {mb - ma - Z95 * se, mb - ma + Z95 * se};
    }

    /**
     * A 95% percentile bootstrap interval for {@code quantile(b, q) - quantile(a, q)}, from {@code resamples}
     * resamples drawn with a fixed seed (the same data gives the same interval).
     */
    public static double[] bootstrapQuantileDifference(double[] a, double[] b, double q, int resamples, long seed) {
        if (a.length == 0 || b.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < ra.length; i++) {
                ra[i] = a[random.nextInt(a.length)];
            }
            for (int i = 0; i < rb.length; i++) {
                rb[i] = b[random.nextInt(b.length)];
            }
            Arrays.sort(ra);
            Arrays.sort(rb);
            differences[r] = quantileOfSorted(rb, q) - quantileOfSorted(ra, q);
        }
        Arrays.sort(differences);
        return new double[] {quantileOfSorted(differences, 0.025), quantileOfSorted(differences, 0.975)};
    }

    /** The q-quantile of sorted values, interpolated between the closest ranks. */
    public static double quantileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Holm's step-down adjustment: each p-value multiplied by the number of hypotheses not yet rejected, kept
     * monotone; NaN stays NaN and does not count as a hypothesis.
     */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) {
                m++;
            }
        }
        Arrays.sort(order, (x, y) -> Double.compare(Double.isNaN(p[x]) ? 2 : p[x], Double.isNaN(p[y]) ? 2 : p[y]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            if (Double.isNaN(p[i])) {
                adjusted[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The two-sided p-value of a standard normal statistic. */
    static double twoSided(double z) {
        return Math.min(1, Math.max(0, erfc(Math.abs(z) / Math.sqrt(2))));
    }

    /** The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += sq(v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double sq(double v) {
        return v * v;
    }
}
