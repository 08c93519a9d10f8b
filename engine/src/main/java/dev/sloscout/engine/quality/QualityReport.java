package dev.sloscout.engine.quality;

import java.util.List;
import java.util.Map;

/**
 * The data quality of an analysis: per service its measurements (each a count over a total), a 0-100 score with the
 * parts it was made of, and recommendations ranked by how many spans or records they would fix.
 *
 * @param unmeasuredSpans spans of services beyond the bound of services measured
 */
public record QualityReport(List<Service> services, List<Recommendation> recommendations, long unmeasuredSpans) {
    public QualityReport {
        services = List.copyOf(services);
        recommendations = List.copyOf(recommendations);
    }

    /** The report of one service, or null. */
    public Service service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst().orElse(null);
    }

    /** {@code count} of {@code total}; the ratio is NaN-free (0 when there is nothing to count). */
    public record Ratio(long count, long total, double ratio) {
        public static Ratio of(long count, long total) {
            return new Ratio(count, total, total == 0 ? 0 : (double) count / total);
        }
    }

    /** One dimension of a score: its mark (0-1) and weight. */
    public record Part(double mark, double weight) {
    }

    /** Clock skew of a service's server spans against the client spans that called them. */
    public record Skew(long pairs, double p50Ms, double p99Ms) {
    }

    /**
     * One service.
     *
     * @param scoreParts        each measured dimension's score (0-1) and weight, as the score was made
     * @param traceCompleteness spans whose parent is in the data / spans that name a parent
     * @param statusCoverage    spans with a status / spans
     * @param routeCoverage     HTTP server spans with http.route / HTTP server spans
     * @param pairing           client calls answered by a server span / client calls
     * @param logTraceCorrelation log records with a trace id / log records
     * @param structuredLogs    JSON or key=value log records / log records
     */
    public record Service(String service, int score, Map<String, Part> scoreParts, Ratio traceCompleteness,
                          Ratio statusCoverage, Ratio routeCoverage, Ratio pairing, Skew clockSkew,
                          Ratio logTraceCorrelation, Ratio structuredLogs) {
    }

    /**
     * What to change, with the evidence.
     *
     * @param kind     status, http.route, pairing, context, log-trace or clock-skew
     * @param affected spans, calls or records it concerns (the ranking)
     */
    public record Recommendation(String service, String kind, long affected, String text) {
    }
}
