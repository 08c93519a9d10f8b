package dev.sloscout.pipeline.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sloscout.engine.artifact.Names;
import dev.sloscout.engine.artifact.PrometheusRules;
import dev.sloscout.engine.artifact.SloDefinition;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.PromQl;
import dev.sloscout.engine.slo.AlertTier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An importable Grafana dashboard per service, built from typed values (Jackson writes the JSON): SLI against the
 * objective, error budget remaining over the period, burn rate per window against each tier's threshold, request and
 * error rates, latency percentiles; template variables for the SLO, the SLI window and the data source.
 */
public final class GrafanaDashboards {
    private GrafanaDashboards() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dashboard(String uid, String title, List<String> tags, String timezone, int schemaVersion, int version,
                            boolean editable, Map<String, String> time, Templating templating, List<Panel> panels,
                            String description) {
    }

    public record Templating(List<Variable> list) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variable(String name, String label, String type, Object datasource, String query, Integer refresh,
                           Boolean includeAll, Map<String, Object> current, List<Map<String, Object>> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Panel(int id, String type, String title, String description, GridPos gridPos, Map<String, String> datasource,
                        List<Target> targets, Map<String, Object> fieldConfig) {
    }

    public record GridPos(int x, int y, int w, int h) {
    }

    public record Target(String refId, String expr, String legendFormat) {
    }

    /** The dashboard of one service's SLOs; the request and latency panels read the profile's metrics. */
    public static Dashboard forService(String service, List<SloDefinition> slos, MetricsProfile profile) {
        String serviceSelector = "sloth_service=" + PromQl.quote(service);
        String slo = serviceSelector + ",sloth_slo=\"${slo:text}\"";
        Map<String, String> datasource = Map.of("type", "prometheus", "uid", "${datasource}");
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(1, "timeseries", "SLI vs objective (${slo:text}, $window window)",
                "Good-event ratio of the SLI over the chosen window, against the objective.", new GridPos(0, 0, 12, 8), datasource,
                List.of(new Target("A", "1 - slo:sli_error:ratio_rate${window}{" + slo + "}", "SLI"),
                        new Target("B", "slo:objective:ratio{" + slo + "}", "objective")), percentUnit()));
        panels.add(new Panel(2, "stat", "Error budget remaining (period)",
                "1 - (errors over the period / error budget); below 0 the SLO is breached.", new GridPos(12, 0, 6, 8), datasource,
                List.of(new Target("A", "slo:period_error_budget_remaining:ratio{" + slo + "}", "remaining")), percentUnit()));
        panels.add(new Panel(3, "stat", "Current burn rate (5m)",
                "1 spends exactly the budget over the period.", new GridPos(18, 0, 6, 8), datasource,
                List.of(new Target("A", "slo:current_burn_rate:ratio{" + slo + "}", "burn rate")), null));
        List<Target> burn = new ArrayList<>();
        char ref = 'A';
        for (String window : PrometheusRules.WINDOWS) {
            burn.add(new Target(String.valueOf(ref++), "slo:sli_error:ratio_rate" + window + "{" + slo + "} / on(sloth_id, sloth_slo, "
                    + "sloth_service) group_left slo:error_budget:ratio{" + slo + "}", "burn " + window));
        }
        Set<String> factors = new LinkedHashSet<>();
        for (SloDefinition definition : slos) {
            for (AlertTier tier : definition.tiers()) {
                if (!tier.canFire(definition.period(), definition.objective())) {
                    continue; // left out of the rules: no line for an alert that does not exist
                }
                factors.add(tier.name() + "=" + PrometheusRules.number(tier.factor(definition.period())));
            }
        }
        for (String factor : factors) {
            String[] parts = factor.split("=");
            burn.add(new Target(String.valueOf(ref++), "vector(" + parts[1] + ")", "threshold " + parts[0] + " (" + parts[1] + "x)"));
        }
        panels.add(new Panel(4, "timeseries", "Burn rate per window against each tier's threshold",
                "An alert fires when both its long and its short window are above its threshold.", new GridPos(0, 8, 24, 9),
                datasource, burn, null));
        String calls = "${slo}"; // the selected SLO's own selectors: its requests, not the whole service's
        String by = profile.operationLabel();
        panels.add(new Panel(5, "timeseries", "Requests and errors per second (${slo:text})",
                "From " + profile.description() + ", the requests the selected SLO counts.", new GridPos(0, 17, 12, 8),
                datasource,
                List.of(new Target("A", "sum by (" + by + ") (rate(" + profile.callsMetric() + "{" + calls + "}[5m]))",
                                "{{" + by + "}}"),
                        new Target("B", "sum by (" + by + ") (rate(" + profile.callsMetric() + "{" + calls + ","
                                + profile.errorSelector() + "}[5m]))", "errors {{" + by + "}}")), null));
        List<Target> latency = new ArrayList<>();
        ref = 'A';
        for (String q : List.of("0.5", "0.9", "0.99")) {
            latency.add(new Target(String.valueOf(ref++), "histogram_quantile(" + q + ", sum by (le) (rate("
                    + profile.durationBucketMetric() + "{" + calls + "}[5m])))", percentile(q)));
        }
        boolean millis = profile.bucketUnitSeconds() < 1;
        panels.add(new Panel(6, "timeseries", "Latency percentiles (" + (millis ? "ms" : "s") + ", ${slo:text})",
                "From the duration histogram of " + profile.description() + ", the requests the selected SLO counts.",
                new GridPos(12, 17, 12, 8), datasource,
                latency, Map.of("defaults", Map.of("unit", millis ? "ms" : "s"))));

        List<Variable> variables = List.of(
                new Variable("datasource", "Data source", "datasource", null, "prometheus", null, null, null, null),
                sloVariable(slos),
                new Variable("window", "SLI window", "custom", null, String.join(",", PrometheusRules.WINDOWS), null, false,
                        Map.of("text", "1h", "value", "1h"), PrometheusRules.WINDOWS.stream()
                        .map(w -> Map.<String, Object>of("text", w, "value", w, "selected", w.equals("1h"))).toList()));
        return new Dashboard(Names.dashboardUid(service), "SLOs: " + shown(service),
                List.of("slo", "slo-scout"), "utc", 39, 1, true, Map.of("from", "now-7d", "to", "now"),
                new Templating(variables), panels, "Generated by slo-scout for the SLOs of " + shown(service));
    }

    /**
     * The SLO to show, a custom variable: its text is the SLO's name (what {@code sloth_slo} holds; the SLO panels
     * read {@code ${slo:text}}), its value the selectors of the requests the SLO counts (the request and latency
     * panels read {@code {${slo}}}), so every panel follows the selected SLO, with our rules or Sloth's. Commas in a
     * value are escaped as Grafana's custom variables want them.
     */
    static Variable sloVariable(List<SloDefinition> slos) {
        List<Map<String, Object>> options = new ArrayList<>();
        List<String> query = new ArrayList<>();
        for (int i = 0; i < slos.size(); i++) {
            SloDefinition slo = slos.get(i);
            String selector = selectorOf(slo);
            options.add(Map.of("text", slo.slo(), "value", selector, "selected", i == 0));
            query.add(slo.slo() + " : " + selector.replace(",", "\\,"));
        }
        Map<String, Object> current = slos.isEmpty() ? null
                : Map.of("text", slos.get(0).slo(), "value", selectorOf(slos.get(0)));
        return new Variable("slo", "SLO", "custom", null, String.join(",", query), null, false, current, options);
    }

    /** The label selectors of the requests an SLO counts: those inside its total query's metric. */
    static String selectorOf(SloDefinition slo) {
        String total = slo.totalQuery();
        int start = total.indexOf('{', total.indexOf("rate(")) + 1;
        int end = total.indexOf("}[" + PromQl.WINDOW);
        return start > 0 && end > start ? total.substring(start, end) : "";
    }

    /**
     * A name as dashboard text: Grafana substitutes {@code $name}, {@code ${name}} and {@code [[name]]} in titles
     * and descriptions, so a dollar from data is shown as the full-width sign and double brackets are broken up.
     */
    static String shown(String name) {
        return name.replace('$', '\uFF04').replace("[[", "[\u200B[");
    }

    /** {@code 0.5} gives {@code p50}, {@code 0.99} {@code p99}, {@code 0.999} {@code p99.9}. */
    static String percentile(String quantile) {
        return "p" + new java.math.BigDecimal(quantile).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> percentUnit() {
        return Map.of("defaults", Map.of("unit", "percentunit"));
    }
}
