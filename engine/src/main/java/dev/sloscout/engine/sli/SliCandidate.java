package dev.sloscout.engine.sli;

import dev.sloscout.engine.slo.SloProposal;

import java.util.List;

/**
 * A good/total event definition worth an SLO, with the evidence behind it and the PromQL to measure it in
 * production under each metrics naming profile.
 *
 * @param thresholdMs for latency SLIs, the threshold the observed value and the PromQL use (the balanced proposal's)
 */
public record SliCandidate(
        String id,
        String journeyId,
        String journeyName,
        Kind kind,
        String name,
        String good,
        String total,
        Double thresholdMs,
        Observed observed,
        List<Query> queries,
        List<String> evidenceTraceIds,
        double confidence,
        List<String> reasons,
        List<SloProposal> proposals) {

    public enum Kind { AVAILABILITY, LATENCY, DEPENDENCY_AVAILABILITY }

    /** What the data says, with a 95% Wilson interval on the good ratio. */
    public record Observed(long good, long total, double ratio, double low, double high) {
    }

    /** The SLI in one profile's metrics; {@code note} says why a profile does not apply. */
    public record Query(String profile, boolean applicable, String goodQuery, String badQuery, String totalQuery,
                        String note) {
    }
}
