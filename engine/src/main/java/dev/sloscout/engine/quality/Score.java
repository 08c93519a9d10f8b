package dev.sloscout.engine.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's data-quality score, 0 to 100: the weighted mean of the dimensions that could be measured (a service
 * without logs is not marked down for log correlation). The weights are in {@code docs/data-quality.md}: status 30
 * (an availability SLI is blind without it), context propagation 25, http.route 15, pairing 15, log/trace
 * correlation 10, clock skew 5 (full marks at a p99 of 10 ms or less, none at 1 s or more).
 */
record Score(int value, Map<String, QualityReport.Part> parts) {
    static final double STATUS = 30;
    static final double CONTEXT = 25;
    static final double ROUTE = 15;
    static final double PAIRING = 15;
    static final double LOG_TRACE = 10;
    static final double CLOCK = 5;

    static Score of(QualityReport.Ratio completeness, QualityReport.Ratio status, QualityReport.Ratio route,
                    QualityReport.Ratio pairing, QualityReport.Ratio correlation, QualityReport.Skew skew) {
        Map<String, QualityReport.Part> parts = new LinkedHashMap<>();
        put(parts, "statusCoverage", status, STATUS);
        put(parts, "traceCompleteness", completeness, CONTEXT);
        put(parts, "routeCoverage", route, ROUTE);
        put(parts, "pairing", pairing, PAIRING);
        put(parts, "logTraceCorrelation", correlation, LOG_TRACE);
        if (skew != null) {
            double p99 = skew.p99Ms();
            double mark = p99 <= 10 ? 1 : p99 >= 1000 ? 0 : 1 - Math.log10(p99 / 10) / 2;
            parts.put("clockSkew", new QualityReport.Part(mark, CLOCK));
        }
        double weights = 0;
        double sum = 0;
        for (QualityReport.Part part : parts.values()) {
            sum += part.mark() * part.weight();
            weights += part.weight();
        }
        return new Score(weights == 0 ? 0 : (int) Math.round(100 * sum / weights), parts);
    }

    private static void put(Map<String, QualityReport.Part> parts, String name, QualityReport.Ratio ratio, double weight) {
        if (ratio.total() > 0) {
            parts.put(name, new QualityReport.Part(ratio.ratio(), weight));
        }
    }
}
