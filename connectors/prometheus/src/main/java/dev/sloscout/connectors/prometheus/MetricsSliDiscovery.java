package dev.sloscout.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.engine.sli.PromQl;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.slo.SloProposer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds SLI candidates in a Prometheus server: histograms ({@code _bucket} series with {@code le}) become latency
 * candidates with their bucket bounds as thresholds; counters with a status-like label ({@code code}, {@code status},
 * {@code status_code}, {@code http_response_status_code}, gRPC codes) become availability candidates. The spanmetrics
 * connector's and the OTel HTTP semantic conventions' metrics are recognised and named so. Each candidate carries
 * its PromQL and what the chosen range held.
 */
public final class MetricsSliDiscovery {
    static final List<String> STATUS_LABELS = List.of("http_response_status_code", "status_code", "code", "status",
            "http_status_code", "grpc_code", "rpc_grpc_status_code", "grpc_status");
    private static final int MAX_FAMILIES = 500;
    private static final java.util.regex.Pattern METRIC_NAME = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final PrometheusClient client;

    public MetricsSliDiscovery(PrometheusClient client) {
        this.client = client;
    }

    /** Candidates over {@code range} (a Prometheus duration such as {@code 14d}) ending now. */
    public List<MetricSliCandidate> discover(String range, Instant now) throws PrometheusException {
        Map<String, String> types = client.metadata();
        List<MetricSliCandidate> out = new ArrayList<>();
        int families = 0;
        for (Map.Entry<String, String> family : types.entrySet()) {
            if (families++ > MAX_FAMILIES) {
                break;
            }
            String name = family.getKey();
            if (!METRIC_NAME.matcher(name).matches()) {
                continue; // not a metric name Prometheus accepts: never put it into PromQL
            }
            if (family.getValue().equals("histogram")) {
                MetricSliCandidate c = latency(name, range, now);
                if (c != null) {
                    out.add(c);
                }
            } else if (family.getValue().equals("counter")) {
                MetricSliCandidate c = availability(name, range, now);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private MetricSliCandidate latency(String family, String range, Instant now) throws PrometheusException {
        String bucket = family + "_bucket";
        List<Map<String, String>> series = client.series(bucket, now.minusSeconds(3600), now);
        if (series.isEmpty()) {
            return null;
        }
        Set<String> labels = new TreeSet<>();
        series.forEach(s -> labels.addAll(s.keySet()));
        labels.removeAll(Set.of("__name__", "le"));
        Map<String, Double> goodByLe = new LinkedHashMap<>();
        double total = 0;
        JsonNode result = client.query("sum by (le) (increase(" + bucket + "[" + range + "]))", now).path("result");
        List<Double> bounds = new ArrayList<>();
        Map<Double, Double> counts = new java.util.TreeMap<>();
        Map<Double, String> written = new java.util.HashMap<>(); // le as the server writes it, for exact matchers
        for (JsonNode r : result) {
            String le = r.path("metric").path("le").asText();
            double value = Double.parseDouble(r.path("value").get(1).asText());
            if (le.equals("+Inf")) {
                total = value;
            } else if (!le.isEmpty()) {
                counts.put(Double.parseDouble(le), value);
                written.put(Double.parseDouble(le), le);
            }
        }
        for (Map.Entry<Double, Double> e : counts.entrySet()) {
            bounds.add(e.getKey());
            goodByLe.put(written.get(e.getKey()), total > 0 ? e.getValue() / total : null);
        }
        String convention = family.startsWith("traces_span_metrics_duration") || family.equals("duration_milliseconds")
                ? "spanmetrics" : family.startsWith("http_server_request_duration") || family.startsWith(
                "http_server_duration") ? "otel-http" : "generic";
        String threshold = bounds.isEmpty() ? "+Inf" : written.get(bounds.get(bounds.size() / 2));
        LatencyProposals proposals = latencyProposals(family, counts, written, total, range, now);
        return new MetricSliCandidate("latency", convention, family, List.copyOf(labels),
                "sum(rate(" + bucket + "{le=" + PromQl.quote(threshold) + "}[{{.window}}]))",
                "sum(rate(" + family + "_count[{{.window}}]))", bounds,
                new MetricSliCandidate.Observed(range, total, null, goodByLe), proposals.proposals(), proposals.history());
    }

    private MetricSliCandidate availability(String family, String range, Instant now) throws PrometheusException {
        String metric = family.endsWith("_total") ? family : family + "_total";
        List<Map<String, String>> series = client.series(metric, now.minusSeconds(3600), now);
        if (series.isEmpty()) {
            metric = family;
            series = client.series(metric, now.minusSeconds(3600), now);
        }
        Set<String> labels = new TreeSet<>();
        series.forEach(s -> labels.addAll(s.keySet()));
        labels.remove("__name__");
        String status = STATUS_LABELS.stream().filter(labels::contains).findFirst().orElse(null);
        if (status == null) {
            return null;
        }
        Set<String> values = new TreeSet<>();
        for (Map<String, String> s : series) {
            values.add(s.getOrDefault(status, ""));
        }
        String bad = badMatcher(status, values);
        String convention = metric.startsWith("traces_span_metrics_calls") || metric.equals("calls_total")
                ? "spanmetrics" : status.equals("http_response_status_code") ? "otel-http" : "generic";
        double total = scalar(client.query("sum(increase(" + metric + "[" + range + "]))", now));
        double failed = scalar(client.query("sum(increase(" + metric + "{" + bad + "}[" + range + "]))", now));
        List<String> why = List.of("history of " + metric + " from Prometheus, failed = " + bad);
        History history = history("sum(increase(" + metric + "[5m]))", "sum(increase(" + metric + "{" + bad + "}[5m]))",
                false, range, now);
        List<SloProposal> proposals = new ArrayList<>();
        for (SloProposal.Variant variant : SloProposal.Variant.values()) {
            proposals.add(SloProposer.propose(variant, history, null, why));
        }
        return new MetricSliCandidate("availability", convention, metric, List.copyOf(labels),
                "sum(rate(" + metric + "{" + negate(bad) + "}[{{.window}}]))",
                "sum(rate(" + metric + "[{{.window}}]))", List.of(),
                new MetricSliCandidate.Observed(range, total, total > 0 ? (total - failed) / total : null, Map.of()),
                List.copyOf(proposals), history);
    }

    /**
     * Latency proposals: each variant's threshold is the smallest bucket bound under which the range's requests
     * reached its percentile (p99.9 conservative, p99 balanced, p90 aggressive), and its history counts the requests
     * above that bound as bad.
     */
    private record LatencyProposals(List<SloProposal> proposals, History history) {
    }

    private LatencyProposals latencyProposals(String family, Map<Double, Double> counts, Map<Double, String> written,
            double total, String range, Instant now) throws PrometheusException {
        if (counts.isEmpty() || total <= 0) {
            return new LatencyProposals(List.of(), null);
        }
        History balanced = null;
        boolean seconds = family.endsWith("_seconds");
        List<SloProposal> out = new ArrayList<>();
        Map<Double, History> histories = new java.util.HashMap<>();
        for (SloProposal.Variant variant : SloProposal.Variant.values()) {
            double percentile = switch (variant) {
                case CONSERVATIVE -> 0.999;
                case BALANCED -> 0.99;
                case AGGRESSIVE -> 0.9;
            };
            double bound = counts.keySet().stream().filter(b -> counts.get(b) / total >= percentile).findFirst()
                    .orElse(((java.util.TreeMap<Double, Double>) counts).lastKey());
            String le = written.get(bound);
            History history = histories.get(bound);
            if (history == null) {
                history = history("sum(increase(" + family + "_count[5m]))", "sum(increase(" + family + "_bucket{le="
                        + PromQl.quote(le) + "}[5m]))", true, range, now);
                histories.put(bound, history);
            }
            List<String> why = List.of(String.format(java.util.Locale.ROOT, "threshold le=\"%s\" (%s): the smallest "
                    + "bucket bound under which %.1f%% of the range's requests completed", le, seconds ? "seconds" : "as "
                    + "the metric counts", percentile * 100));
            out.add(SloProposer.propose(variant, history, seconds ? bound * 1000 : bound, why));
            if (variant == SloProposal.Variant.BALANCED) {
                balanced = history;
            }
        }
        return new LatencyProposals(List.copyOf(out), balanced);
    }

    /**
     * The range as 5-minute windows (query_range at a 5-minute step of {@code increase(...[5m])}).
     *
     * @param secondIsGood the second query counts good events (latency: requests under the bound), not bad ones
     */
    History history(String totalQuery, String secondQuery, boolean secondIsGood, String range, Instant now)
            throws PrometheusException {
        Duration window = HistoryRecorder.WINDOW;
        Instant end = Instant.ofEpochSecond(now.getEpochSecond()); // windows end now: the newest minutes count
        Instant start = end.minus(durationOf(range)).plus(window);
        if (start.isAfter(end)) {
            start = end;
        }
        int n = (int) (Duration.between(start, end).toSeconds() / window.toSeconds()) + 1;
        long[] total = values(client.queryRange(totalQuery, start, end, window), start, window, n);
        long[] second = values(client.queryRange(secondQuery, start, end, window), start, window, n);
        long[] bad = new long[n];
        for (int i = 0; i < n; i++) {
            bad[i] = secondIsGood ? Math.max(0, total[i] - Math.min(total[i], second[i])) : Math.min(total[i], second[i]);
        }
        return new History(start.minus(window), window, total, bad); // the value at t counts the window ending at t
    }

    private static long[] values(List<PrometheusClient.Series> series, Instant start, Duration window, int n) {
        long[] out = new long[n];
        for (PrometheusClient.Series s : series) {
            for (double[] sample : s.samples()) {
                int i = (int) Math.round((sample[0] - start.getEpochSecond()) / window.toSeconds());
                if (i >= 0 && i < n && Double.isFinite(sample[1])) {
                    out[i] += Math.max(0, Math.round(sample[1]));
                }
            }
        }
        return out;
    }

    /** A Prometheus duration such as {@code 14d}, {@code 6h}, {@code 2w}. */
    public static Duration durationOf(String range) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([smhdwy])").matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a Prometheus duration such as 14d or 6h, got '" + range + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(365 * n);
        };
    }

    /** The matcher for failed events, from the label and the values it takes. */
    static String badMatcher(String label, Set<String> values) {
        if (values.contains("STATUS_CODE_ERROR")) {
            return label + "=\"STATUS_CODE_ERROR\"";
        }
        if (label.contains("grpc") || values.stream().anyMatch(v -> v.equals("Unavailable") || v.equals("Internal"))) {
            return label + "=~\"Unknown|DeadlineExceeded|Internal|Unavailable|DataLoss|2|4|13|14|15\"";
        }
        return label + "=~\"5..\"";
    }

    private static String negate(String matcher) {
        return matcher.replaceFirst("=~", "!~").replaceFirst("=\"", "!=\"");
    }

    private static double scalar(JsonNode data) {
        JsonNode result = data.path("result");
        if (!result.isArray() || result.isEmpty()) {
            return 0;
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

}
