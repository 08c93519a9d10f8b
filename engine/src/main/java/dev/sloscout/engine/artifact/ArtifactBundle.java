package dev.sloscout.engine.artifact;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.PromQl;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.LatencyBounds;
import dev.sloscout.engine.slo.Objective;
import dev.sloscout.engine.slo.SloProposal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The export bundle's Prometheus part: for every journey, its availability and latency SLOs (the balanced proposals)
 * measured with the metrics of the settings' profile (the spanmetrics connector's by default), as rule files and their
 * promtool tests, one pair per service. File names and SLO names are made safe from data; label values and text stay
 * as the data has them, escaped.
 */
public final class ArtifactBundle {
    private ArtifactBundle() {
    }

    /**
     * The SLOs per service, keyed by the service's file-name slug ({@link Names#unique}), in a stable order; every
     * per-service file of the bundle (rules, tests, Sloth, dashboards) is named after that key.
     */
    public static Map<String, List<SloDefinition>> byService(List<ExportedSlo> exported) {
        Map<String, List<SloDefinition>> byService = new TreeMap<>();
        for (ExportedSlo slo : exported) {
            byService.computeIfAbsent(Names.unique(slo.definition().service()), s -> new ArrayList<>()).add(slo.definition());
        }
        return byService;
    }

    /** Relative path to file content, in a stable order: rules, tests, Sloth specs per service; a runbook per SLO. */
    public static Map<String, String> files(List<ExportedSlo> exported) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<SloDefinition>> service : byService(exported).entrySet()) {
            String rules = service.getKey() + ".rules.yml";
            files.put("prometheus/rules/" + rules, PrometheusRules.file(service.getValue()));
            files.put("prometheus/tests/" + service.getKey() + ".test.yml", PromtoolTests.file(rules, service.getValue()));
            files.put("sloth/" + service.getKey() + ".yml", SlothSpecs.file(service.getValue()));
            for (SloDefinition slo : service.getValue()) {
                String windows = SlothSpecs.windowsFile(slo);
                if (windows != null) {
                    files.putIfAbsent(windows, SlothSpecs.windows(slo.period()));
                }
            }
        }
        if (!exported.isEmpty()) {
            files.put(AlertmanagerRoutes.FILE, AlertmanagerRoutes.file());
        }
        for (ExportedSlo slo : exported) {
            OpenSlo.Bundle openSlo = OpenSloWriter.bundle(slo.definition());
            files.putIfAbsent("openslo/" + OpenSloWriter.serviceFileName(slo.definition()), OpenSloWriter.serviceYaml(openSlo));
            files.put("openslo/" + OpenSloWriter.fileName(slo.definition()), OpenSloWriter.yaml(openSlo));
            files.put("runbooks/" + Runbooks.fileName(slo.definition()), Runbooks.markdown(slo));
        }
        return files;
    }

    /**
     * The structural checks every export passes, promtool or not: OpenSLO field rules, windows (short shorter than
     * long), thresholds that can fire for the alerts written, whole-day periods. Empty when all is well.
     */
    public static List<String> check(List<ExportedSlo> exported) {
        List<String> problems = new ArrayList<>();
        for (ExportedSlo e : exported) {
            SloDefinition slo = e.definition();
            OpenSloValidator.validate(OpenSloWriter.bundle(slo)).forEach(p -> problems.add(slo.id() + ": OpenSLO: " + p));
            for (AlertTier tier : slo.tiers()) {
                if (tier.shortWindow().compareTo(tier.longWindow()) >= 0) {
                    problems.add(slo.id() + ": tier " + tier.name() + " has a short window not shorter than its long window");
                }
            }
            if (slo.tiers().stream().noneMatch(t -> t.canFire(slo.period(), slo.objective()))) {
                problems.add(slo.id() + ": no alert tier can fire at " + slo.objective().percent() + " (factor x budget >= 1)");
            }
            if (!slo.errorQuery().contains(PromQl.WINDOW) || !slo.totalQuery().contains(PromQl.WINDOW)) {
                problems.add(slo.id() + ": the SLI queries must take their window from " + PromQl.WINDOW);
            }
        }
        return problems;
    }

    /**
     * The balanced availability and latency SLO of each journey (by default the standard tiers over the proposal's
     * 28 days). Journeys whose SLOs would read exactly the same series (one entry operation, different calls beneath
     * it: the metrics cannot tell them apart) get one SLO, which names the others.
     *
     * @param settings period and tiers (the SLO's settings), and where runbooks and dashboards will be reachable
     */
    public static List<ExportedSlo> definitions(List<Journey> journeys, List<SliCandidate> candidates, ExportSettings settings) {
        return definitions(journeys, candidates, settings, candidate -> null);
    }

    /** An SLO as an SRE tuned it: the proposal (objective, threshold) with its own period and tiers. */
    public record Tuning(SloProposal proposal, Duration period, List<AlertTier> tiers) {
        public Tuning {
            tiers = List.copyOf(tiers);
        }
    }

    /**
     * As {@link #definitions(List, List, ExportSettings)}, but a candidate for which {@code tuned} answers a tuning
     * is exported as tuned (its period and tiers win over the settings'); null keeps the balanced default.
     */
    public static List<ExportedSlo> definitions(List<Journey> journeys, List<SliCandidate> candidates, ExportSettings settings,
                                                java.util.function.Function<SliCandidate, Tuning> tuned) {
        String runbookBase = settings.runbookBase();
        String grafanaBase = settings.grafanaBase();
        List<ExportedSlo> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Map<String, Integer> sameSeries = new java.util.HashMap<>();
        for (SliCandidate candidate : candidates) {
            if (candidate.kind() == SliCandidate.Kind.DEPENDENCY_AVAILABILITY) {
                continue;
            }
            Journey journey = journeys.stream().filter(j -> j.id().equals(candidate.journeyId())).findFirst().orElse(null);
            Tuning tuning = tuned.apply(candidate);
            SloProposal balanced = tuning != null ? tuning.proposal() : candidate.proposals().stream()
                    .filter(p -> p.variant() == SloProposal.Variant.BALANCED).findFirst().orElse(null);
            MetricsProfile profile = settings.profile();
            if (journey == null || balanced == null || profile.requiresRoute() && journey.entry().httpRoute() == null) {
                continue;
            }
            String kind = candidate.kind() == SliCandidate.Kind.AVAILABILITY ? "availability" : "latency";
            // journeys the metrics cannot tell apart (one entry operation, calls beneath that differ) are one SLO
            String key = kind + '\n' + SliCatalog.selectors(profile, journey) + '\n' + balanced.objective() + '\n'
                    + (candidate.kind() == SliCandidate.Kind.LATENCY ? balanced.thresholdMs() : "");
            Integer kept = sameSeries.get(key);
            if (kept != null) {
                out.set(kept, out.get(kept).alsoCovering(journey.name()));
                continue;
            }
            String name = unique(Names.slug(journey.entry().operation(), 48) + "-" + kind, journey.entry().service(), taken);
            Duration period = tuning != null ? tuning.period()
                    : settings.period() != null ? settings.period() : Duration.ofDays(balanced.periodDays());
            List<AlertTier> tiers = (tuning != null ? tuning.tiers() : settings.tiers()).stream()
                    .map(t -> t.forPeriod(period)).toList();
            SloDefinition definition = candidate.kind() == SliCandidate.Kind.AVAILABILITY
                    ? availability(profile, journey, name, balanced, period, tiers)
                    : latency(profile, journey, name, balanced, period, tiers);
            String runbook = (runbookBase == null ? "runbooks/" : runbookBase.endsWith("/") ? runbookBase : runbookBase + "/")
                    + Runbooks.fileName(definition);
            String grafana = grafanaBase == null ? "" : grafanaBase.replaceAll("/+$", "");
            String dashboard = grafana + "/d/" + Names.dashboardUid(definition.service()) + "?var-slo="
                    + java.net.URLEncoder.encode(definition.slo(), java.nio.charset.StandardCharsets.UTF_8);
            sameSeries.put(key, out.size());
            out.add(new ExportedSlo(definition.withLinks(runbook, dashboard).withAlerts(alerts(settings.alerts(), tiers))
                    .withPeriodSli(settings.periodSli()),
                    journey, candidate, balanced, profile, List.of()));
        }
        return out;
    }

    private static String unique(String name, String service, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(service + "\u0000" + candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    /** The profile asked for, or tiers for an SLO tuned to half of a Sloth pair (Sloth cannot express it). */
    private static AlertProfile alerts(AlertProfile wanted, List<AlertTier> tiers) {
        return wanted == AlertProfile.SLOTH && !AlertProfile.wholePairs(tiers) ? AlertProfile.TIERS : wanted;
    }

    private static SloDefinition availability(MetricsProfile profile, Journey journey, String name,
                                              SloProposal proposal, Duration period, List<AlertTier> tiers) {
        String selectors = SliCatalog.selectors(profile, journey);
        String total = PromQl.sumRate(profile.callsMetric(), selectors);
        String errors = PromQl.sumRate(profile.callsMetric(), selectors + "," + profile.errorSelector());
        String concrete = concreteSelectors(profile, journey);
        MetricsProfile.TestLabels labels = profile.testLabels();
        return new SloDefinition(journey.entry().service(), name, journey.name() + " availability",
                new Objective(proposal.objective()), period, tiers, errors, total,
                "count(" + profile.callsMetric() + "{" + selectors + "}) > 0",
                new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.COUNTERS,
                        profile.callsMetric() + "{" + concrete + "," + labels.ok() + "}",
                        profile.callsMetric() + "{" + concrete + "," + labels.error() + "}", profile.callsMetric() + "{" + concrete + "}"),
                null, null);
    }

    private static SloDefinition latency(MetricsProfile profile, Journey journey, String name, SloProposal proposal,
                                         Duration period, List<AlertTier> tiers) {
        double threshold = LatencyBounds.snapUp(proposal.thresholdMs(), profile.bucketBoundsMs());
        if (Double.isNaN(threshold)) {
            threshold = profile.bucketBoundsMs()[profile.bucketBoundsMs().length - 1];
        }
        String le = profile.le(threshold);
        String selectors = SliCatalog.selectors(profile, journey);
        String total = PromQl.sumRate(profile.durationCountMetric(), selectors);
        String good = PromQl.sumRate(profile.durationBucketMetric(), selectors + ",le=\"" + le + "\"");
        String concrete = concreteSelectors(profile, journey);
        return new SloDefinition(journey.entry().service(), name, journey.name() + " latency under "
                        + PromQl.le(threshold) + " ms",
                new Objective(proposal.objective()), period, tiers,
                "(" + total + " - " + good + ")", total,
                "count(" + profile.durationCountMetric() + "{" + selectors + "}) > 0",
                new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.HISTOGRAM,
                        profile.durationBucketMetric() + "{" + concrete + ",le=\"" + le + "\"}",
                        profile.durationCountMetric() + "{" + concrete + "}", profile.durationCountMetric() + "{" + concrete + "}"),
                null, null);
    }

    /** Exact label values for test series: placeholders of a template become a value its regex matches. */
    private static String concreteSelectors(MetricsProfile profile, Journey journey) {
        String operation = PromQl.example(profile.operationOf(journey.entry()));
        return SliCatalog.selectors(profile, journey.entry(), profile.operationLabel() + "=" + PromQl.quote(operation));
    }
}
