package dev.sloscout.connectors.prometheus;

import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.SloProposal;

import java.util.List;
import java.util.Map;

/**
 * An SLI found in what a Prometheus server already stores.
 *
 * @param kind        {@code latency} (a histogram) or {@code availability} (a counter with a status label)
 * @param convention  {@code spanmetrics}, {@code otel-http} or {@code generic}
 * @param labels      the label names its series carry (besides {@code le})
 * @param goodQuery   good events per second, with Sloth's {@code {{.window}}} for the range
 * @param thresholds  latency: the histogram's bucket bounds, offered as thresholds (seconds or ms as the metric has
 *                    them); availability: empty
 * @param observed    what the range held: totals and the good ratio (per threshold for latency)
 * @param proposals   conservative, balanced and aggressive SLOs from the range's history (5-minute windows read with
 *                    query_range), with the backtest of the burn-rate alerts: as for SLIs found in traces
 * @param history     that history (for latency: at the balanced proposal's threshold); not in the JSON output
 */
public record MetricSliCandidate(String kind, String convention, String metric, List<String> labels, String goodQuery,
        String totalQuery, List<Double> thresholds, Observed observed, List<SloProposal> proposals,
        @com.fasterxml.jackson.annotation.JsonIgnore History history) {

    /**
     * @param range        the range looked at, e.g. {@code 14d}
     * @param total        events in the range
     * @param ratio        good / total (availability), null for latency
     * @param byThreshold  latency: good ratio under each threshold
     */
    public record Observed(String range, double total, Double ratio, Map<String, Double> byThreshold) {
    }
}
