package dev.sloscout.app.capsules;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.Severity;

import java.util.Map;

/**
 * A capsule as a table row: its severity (the most common, and the worst with its count when worse), the count,
 * the share of its traced events on failed traces, the template, and the counts over time for the sparkline (every
 * bucket from first to last, empty ones as zero).
 */
public record CapsuleRow(String id, String service, String severity, long count, double errorTraceShare, String template,
                         long[] sparkline, double score, Capsule capsule) {

    public static CapsuleRow of(Capsule c, double score) {
        return new CapsuleRow(c.id(), c.service(), severity(c.severities()), c.count(),
                c.eventsWithTrace() == 0 ? Double.NaN : (double) c.eventsOnErrorTraces() / c.eventsWithTrace(),
                c.template(), sparkline(c), score, c);
    }

    /**
     * The severity most of the events had, and the worst one with its count when it is worse: a capsule of access
     * lines with a few server errors among them reads {@code INFO (ERROR 10)}, not {@code ERROR}.
     */
    static String severity(Map<Severity, Long> counts) {
        Severity common = null;
        Severity worst = null;
        for (Map.Entry<Severity, Long> e : counts.entrySet()) {
            Severity s = e.getKey();
            if (common == null || e.getValue() > counts.get(common)
                    || e.getValue().equals(counts.get(common)) && s.compareTo(common) > 0) {
                common = s;
            }
            worst = worst == null || s.compareTo(worst) > 0 ? s : worst;
        }
        if (common == null) {
            return Severity.UNKNOWN.name();
        }
        return worst == common ? common.name() : common.name() + " (" + worst.name() + " " + counts.get(worst) + ")";
    }

    /** Counts per bucket, zero-filled, at most 512 buckets (the accumulator keeps them within that). */
    static long[] sparkline(Capsule c) {
        if (c.counts().isEmpty() || c.bucketMillis() <= 0) {
            return new long[0];
        }
        long first = c.counts().firstKey();
        long last = c.counts().lastKey();
        int n = (int) Math.min(512, (last - first) / c.bucketMillis() + 1);
        long[] values = new long[n];
        for (Map.Entry<Long, Long> e : c.counts().entrySet()) {
            int i = (int) Math.min(n - 1, (e.getKey() - first) / c.bucketMillis());
            values[i] += e.getValue();
        }
        return values;
    }
}
