package dev.sloscout.pipeline.policy;

import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.artifact.PrometheusRules;
import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Backtest;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.pipeline.Analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blast radius and cost of a bundle, and a policy's verdict on it. Every figure comes from the bundle itself:
 * alert and recording rules are counted in the rules written for each SLO; every recording rule aggregates with
 * {@code sum} to the SLO's fixed labels, so it adds exactly one series; range reads are the range selectors its
 * rules evaluate each interval; expected pages and tickets per week are the firings of the alerts the bundle exports
 * (its objective, period and alert profile) replayed over the weeks of history behind the SLO (an upper bound for
 * Sloth's pair, whose two window pairs may fire together).
 */
public final class PolicyCheck {
    private static final Pattern RANGE = Pattern.compile("\\[[0-9a-z]+\\]");

    private PolicyCheck() {
    }

    /** What one SLO of the bundle reaches. */
    public record SloReach(String slo, String service, String operation, double trafficShare, int alertRules,
                           int newSeries, int rangeReads, double pagesPerWeek, double ticketsPerWeek,
                           double objective, double observed) {
        /** How far the observed good ratio is above the objective (negative: stricter than the data). */
        public double objectiveMargin() {
            return observed - objective;
        }
    }

    /** The whole bundle; {@code monthlyCost} is null without a price per series. */
    public record BlastRadius(List<SloReach> slos, List<String> services, List<String> routes, double trafficShare,
                              int alertRules, long newSeries, long rangeReadsPerEvaluation, double pagesPerWeek,
                              double ticketsPerWeek, Double monthlyCost) {
    }

    /** One rule the bundle broke. */
    public record Violation(String rule, Policy.Mode mode, String message) {
    }

    /**
     * A policy's verdict: {@code violations} in the policy's order; {@code audited} every audit rule, broken or not
     * (what the audit log records).
     */
    public record Verdict(String policy, BlastRadius blastRadius, List<Violation> violations,
                          List<Violation> audited) {
        public boolean blocked() {
            return violations.stream().anyMatch(v -> v.mode() == Policy.Mode.BLOCK);
        }

        public List<Violation> of(Policy.Mode mode) {
            return violations.stream().filter(v -> v.mode() == mode).toList();
        }
    }

    public static BlastRadius blastRadius(List<ExportedSlo> slos, Analysis analysis, Double pricePerSeriesMonth) {
        List<SloReach> reach = new ArrayList<>();
        TreeSet<String> services = new TreeSet<>();
        TreeSet<String> routes = new TreeSet<>();
        java.util.Map<String, Double> shares = new java.util.TreeMap<>();
        for (ExportedSlo slo : slos) {
            String rules = PrometheusRules.file(List.of(slo.definition()));
            int alerts = count(rules, "      - alert: ");
            int series = count(rules, "      - record: ");
            int ranges = 0;
            Matcher m = RANGE.matcher(rules);
            while (m.find()) {
                ranges++;
            }
            double weeks = weeksOfHistory(analysis, slo.journey().id());
            double pages = 0;
            double tickets = 0;
            for (Backtest.TierResult tier : exportedBacktest(slo, analysis)) {
                if (weeks > 0) {
                    double perWeek = tier.firings() / weeks;
                    if (tier.severity() == AlertTier.Severity.PAGE) {
                        pages += perWeek;
                    } else {
                        tickets += perWeek;
                    }
                }
            }
            String service = slo.definition().service();
            String operation = slo.journey().entry().operation();
            services.add(service);
            routes.add(service + " " + operation);
            shares.put(slo.journey().id(), slo.journey().share());
            reach.add(new SloReach(slo.definition().id(), service, operation, slo.journey().share(), alerts, series,
                    ranges, pages, tickets, slo.definition().objective().target(),
                    slo.candidate().observed().ratio()));
        }
        long newSeries = reach.stream().mapToLong(SloReach::newSeries).sum();
        return new BlastRadius(reach, List.copyOf(services), List.copyOf(routes),
                Math.min(1, shares.values().stream().mapToDouble(Double::doubleValue).sum()),
                reach.stream().mapToInt(SloReach::alertRules).sum(), newSeries,
                reach.stream().mapToLong(SloReach::rangeReads).sum(),
                reach.stream().mapToDouble(SloReach::pagesPerWeek).sum(),
                reach.stream().mapToDouble(SloReach::ticketsPerWeek).sum(),
                pricePerSeriesMonth == null ? null : newSeries * pricePerSeriesMonth);
    }

    public static Verdict check(Policy policy, List<ExportedSlo> slos, Analysis analysis) {
        BlastRadius radius = blastRadius(slos, analysis, policy.pricePerSeriesMonth());
        List<Violation> violations = new ArrayList<>();
        List<Violation> audited = new ArrayList<>();
        for (Policy.Rule rule : policy.rules()) {
            String broken = broken(rule, radius);
            if (broken != null) {
                violations.add(new Violation(rule.name(), rule.mode(), broken));
            }
            if (rule.mode() == Policy.Mode.AUDIT) {
                audited.add(new Violation(rule.name(), rule.mode(), broken == null ? "kept: " + kept(rule, radius)
                        : broken));
            }
        }
        return new Verdict(policy.file().toString(), radius, List.copyOf(violations), List.copyOf(audited));
    }

    /** Why the bundle breaks the rule, or null. */
    private static String broken(Policy.Rule rule, BlastRadius r) {
        double limit = rule.value();
        return switch (rule.limit()) {
            case MAX_SERVICES -> r.services().size() > limit ? String.format(Locale.ROOT,
                    "the bundle touches %d services, more than %s: %s", r.services().size(), plain(limit),
                    String.join(", ", r.services())) : null;
            case MAX_SLOS -> r.slos().size() > limit ? String.format(Locale.ROOT, "the bundle has %d SLOs, more "
                    + "than %s", r.slos().size(), plain(limit)) : null;
            case MAX_TRAFFIC_SHARE -> r.trafficShare() > limit ? String.format(Locale.ROOT, "the bundle covers "
                    + "%.1f%% of the traffic, more than %.1f%%", 100 * r.trafficShare(), 100 * limit) : null;
            case MAX_ALERT_RULES -> r.alertRules() > limit ? String.format(Locale.ROOT, "the bundle writes %d "
                    + "alert rules, more than %s", r.alertRules(), plain(limit)) : null;
            case MAX_PAGES_PER_WEEK -> r.pagesPerWeek() > limit ? String.format(Locale.ROOT, "the backtest "
                    + "expects %.2f pages a week, more than %s", r.pagesPerWeek(), plain(limit)) : null;
            case MAX_NEW_SERIES -> r.newSeries() > limit ? String.format(Locale.ROOT, "the recording rules add "
                    + "%d series, more than %s", r.newSeries(), plain(limit)) : null;
            case MAX_MONTHLY_COST -> r.monthlyCost() != null && r.monthlyCost() > limit ? String.format(Locale.ROOT,
                    "%d series cost %.2f a month, more than %s", r.newSeries(), r.monthlyCost(), plain(limit))
                    : null;
            case MIN_OBJECTIVE_MARGIN -> {
                List<String> tight = r.slos().stream().filter(s -> s.objectiveMargin() < limit)
                        .map(s -> String.format(Locale.ROOT, "%s (objective %s, observed %.4f%%)", s.slo(),
                                plain(100 * s.objective()) + "%", 100 * s.observed())).toList();
                yield tight.isEmpty() ? null : tight.size() + " SLOs leave less than " + plain(limit)
                        + " between the objective and what the data shows: " + String.join(", ", tight);
            }
            case FORBID_SERVICES -> {
                List<String> hit = r.services().stream().filter(rule.services()::contains).toList();
                yield hit.isEmpty() ? null : "the bundle has SLOs on forbidden services: " + String.join(", ", hit);
            }
            case ALLOW_SERVICES -> {
                List<String> outside = r.services().stream().filter(s -> !rule.services().contains(s)).toList();
                yield outside.isEmpty() ? null : "the bundle has SLOs on services outside the allowed list: "
                        + String.join(", ", outside);
            }
            case FORBID_ROUTES -> {
                List<String> hit = r.routes().stream().filter(route -> rule.services().stream()
                        .anyMatch(glob -> matches(glob, route))).toList();
                yield hit.isEmpty() ? null : "the bundle has SLOs on forbidden routes: " + String.join(", ", hit);
            }
        };
    }

    private static String kept(Policy.Rule rule, BlastRadius r) {
        return switch (rule.limit()) {
            case MAX_SERVICES -> r.services().size() + " services";
            case MAX_SLOS -> r.slos().size() + " SLOs";
            case MAX_TRAFFIC_SHARE -> String.format(Locale.ROOT, "%.1f%% of the traffic", 100 * r.trafficShare());
            case MAX_ALERT_RULES -> r.alertRules() + " alert rules";
            case MAX_PAGES_PER_WEEK -> String.format(Locale.ROOT, "%.2f pages a week", r.pagesPerWeek());
            case MAX_NEW_SERIES -> r.newSeries() + " series";
            case MAX_MONTHLY_COST -> String.format(Locale.ROOT, "%.2f a month", r.monthlyCost());
            case MIN_OBJECTIVE_MARGIN -> "every objective within the data";
            case FORBID_SERVICES -> "no forbidden service";
            case ALLOW_SERVICES -> "every service allowed";
            case FORBID_ROUTES -> "no forbidden route";
        };
    }

    /**
     * The alerts the bundle exports for an SLO (its objective, period and the tiers that can fire in its alert
     * profile), replayed over the history behind it; the proposal's own backtest when there is no such history.
     */
    static List<Backtest.TierResult> exportedBacktest(ExportedSlo slo, Analysis analysis) {
        dev.sloscout.engine.artifact.SloDefinition definition = slo.definition();
        List<AlertTier> tiers = definition.alerts() == dev.sloscout.engine.artifact.AlertProfile.SLOTH
                ? java.util.stream.Stream.concat(definition.firing(AlertTier.Severity.PAGE).stream(),
                        definition.firing(AlertTier.Severity.TICKET).stream()).toList()
                : definition.tiers().stream().filter(t -> t.canFire(definition.period(), definition.objective()))
                        .toList();
        try {
            Double threshold = slo.proposal().thresholdMs();
            return Backtest.run(analysis.history(slo.candidate(), threshold == null ? 0 : threshold),
                    definition.objective(), definition.period(), tiers);
        } catch (IllegalArgumentException noHistory) {
            return slo.proposal().backtest();
        }
    }

    /** A route ({@code service operation}) against a pattern where {@code *} matches any text. */
    static boolean matches(String glob, String route) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(route).matches();
    }

    private static double weeksOfHistory(Analysis analysis, String journeyId) {
        Map<String, HistoryRecorder> histories = analysis.report().histories();
        HistoryRecorder history = histories == null ? null : histories.get(journeyId);
        if (history == null) {
            return 0;
        }
        Duration span = history.availability().span();
        return span.toSeconds() / (7.0 * 86_400);
    }

    private static int count(String text, String prefix) {
        int n = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    private static String plain(double value) {
        return PrometheusRules.number(value);
    }
}
