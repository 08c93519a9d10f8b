package dev.sloscout.engine.quality;

import java.util.List;
import java.util.Map;

/**
 * The data quality of an analysis: per service its measurements (each a count over a total), a 0-100 score with the
 * parts it was made of, and recommendations ranked by how many spans or records they would fix.
 *
 * @param unmeasuredSpans spans of services beyond the bound of services measured
 * @param sampling        what the traces say about how they were sampled
 */
public record QualityReport(List<Service> services, List<Recommendation> recommendations, long unmeasuredSpans,
                            Sampling sampling) {
    public QualityReport {
        services = List.copyOf(services);
        recommendations = List.copyOf(recommendations);
    }

    /** Nothing measured. */
    public static QualityReport empty() {
        return new QualityReport(List.of(), List.of(), 0, new Sampling(0, Ratio.of(0, 0), Map.of(), List.of()));
    }

    /** Spans the browser made (RUM), over every service measured. */
    public long browserSpans() {
        return services.stream().mapToLong(Service::browserSpans).sum();
    }

    /**
     * Evidence of sampling.
     *
     * @param partialTraces traces with a span whose parent is missing (children of sampled-out or dropped spans)
     * @param stated        samplers the root spans state ({@code sampler.type sampler.param}) and their traces
     * @param evidence      the first partial traces' ids
     */
    public record Sampling(long traces, Ratio partialTraces, Map<String, Long> stated, List<String> evidence) {
        public Sampling {
            stated = Map.copyOf(stated);
            evidence = List.copyOf(evidence);
        }
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
     * @param requestIdOnly     log records with a request id but no trace id / log records
     * @param serverAttributes  per attribute an SLI query may read, server spans carrying it / server spans
     * @param errorStatus       server spans that answered 5xx (or a gRPC server error) with the OTel status ERROR /
     *                          such spans (spanmetrics counts errors by the status alone)
     * @param rootTraces        traces that start at one of its server spans
     * @param browserSpans      non-server spans with a user agent: the browser's own (RUM)
     */
    public record Service(String service, int score, Map<String, Part> scoreParts, Ratio traceCompleteness,
                          Ratio statusCoverage, Ratio routeCoverage, Ratio pairing, Skew clockSkew,
                          Ratio logTraceCorrelation, Ratio structuredLogs, Ratio requestIdOnly,
                          Map<String, Ratio> serverAttributes, Ratio errorStatus, long rootTraces,
                          long browserSpans) {
        public Service {
            serverAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serverAttributes));
        }
    }

    /**
     * What to change, with the evidence.
     *
     * @param kind     status, http.route, pairing, context, log-trace, clock-skew, error-status, request-id, rum,
     *                 partial-traces or head-sampling
     * @param affected spans, calls or records it concerns (the ranking)
     * @param traces   ids of traces that show the defect (the first seen, at most a few)
     * @param capsules ids of capsules it concerns (log-trace: capsules no journey links to)
     */
    public record Recommendation(String service, String kind, long affected, String text, List<String> traces,
                                 List<String> capsules) {
        public Recommendation {
            traces = List.copyOf(traces);
            capsules = List.copyOf(capsules);
        }
    }
}
