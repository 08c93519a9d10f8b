package dev.sloscout.engine.sli;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery.JourneyReport;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.slo.LatencyBounds;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.slo.SloProposer;
import dev.sloscout.engine.slo.Wilson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns journeys into SLI candidates: availability and latency of each journey's entry, and availability of the
 * dependencies on its critical path; each with PromQL per metrics profile, the observed value, evidence, a
 * confidence that says why, and SLO proposals from the journey's own history.
 */
public final class SliCatalog {
    private final List<MetricsProfile> profiles;

    public SliCatalog(List<MetricsProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    public List<SliCandidate> candidates(JourneyReport report) {
        List<SliCandidate> candidates = new ArrayList<>();
        for (Journey journey : report.journeys()) {
            HistoryRecorder history = report.histories().get(journey.id());
            candidates.add(availability(journey, history.availability()));
            candidates.add(latency(journey, history));
            candidates.addAll(dependencies(journey));
        }
        return candidates;
    }

    private SliCandidate availability(Journey journey, History history) {
        long total = journey.traces();
        long good = total - journey.errorTraces();
        List<SloProposal> proposals = new ArrayList<>();
        for (SloProposal.Variant variant : SloProposal.Variant.values()) {
            proposals.add(SloProposer.propose(variant, history, null, List.of()));
        }
        List<String> reasons = new ArrayList<>(journey.confidenceReasons());
        return new SliCandidate(journey.id() + "-availability", journey.id(), journey.name(),
                SliCandidate.Kind.AVAILABILITY, journey.name() + " availability",
                "entry requests of " + describeEntry(journey) + " that did not fail (no OTel ERROR status, no HTTP 5xx, "
                        + "no non-OK gRPC code, no exception)",
                "all entry requests of " + describeEntry(journey),
                null, observed(good, total), profiles.stream().map(p -> availabilityQuery(p, journey)).toList(),
                evidence(journey), journey.confidence(), reasons, proposals);
    }

    private SliCandidate latency(Journey journey, HistoryRecorder recorder) {
        Journey.Latency latency = journey.latencyMs();
        List<SloProposal> proposals = new ArrayList<>();
        Double balancedThreshold = null;
        for (SloProposal.Variant variant : SloProposal.Variant.values()) {
            double percentileValue = switch (variant) {
                case CONSERVATIVE -> latency.p999();
                case BALANCED -> latency.p99();
                case AGGRESSIVE -> latency.p90();
            };
            String percentile = switch (variant) {
                case CONSERVATIVE -> "p99.9";
                case BALANCED -> "p99";
                case AGGRESSIVE -> "p90";
            };
            List<String> thresholdReasons = new ArrayList<>();
            double threshold = LatencyBounds.snapUp(percentileValue, LatencyBounds.ALL_MS);
            if (Double.isNaN(threshold)) {
                threshold = LatencyBounds.ALL_MS[LatencyBounds.ALL_MS.length - 1];
                thresholdReasons.add(String.format(Locale.ROOT, "no bucket bound fits: the observed %s of %s ms is above the "
                        + "largest bound; using %s ms, which the %s requests above it will count against", percentile,
                        format(percentileValue), format(threshold), percentile));
            } else {
                thresholdReasons.add(String.format(Locale.ROOT, "threshold %s ms: the observed %s (%s ms) snapped up to the next "
                        + "histogram bucket bound", format(threshold), percentile, format(percentileValue)));
            }
            if (variant == SloProposal.Variant.BALANCED) {
                balancedThreshold = threshold;
            }
            proposals.add(SloProposer.propose(variant, recorder.latency(threshold), threshold, thresholdReasons));
        }
        History balanced = recorder.latency(balancedThreshold);
        long total = balanced.totalEvents();
        long good = total - balanced.badEvents();
        List<String> reasons = new ArrayList<>(journey.confidenceReasons());
        double confidence = journey.confidence();
        if (journey.traces() < 1000) {
            confidence *= 0.8;
            reasons.add("fewer than 1,000 requests: the p99 behind the threshold rests on under 10 slow requests");
        }
        double threshold = balancedThreshold;
        return new SliCandidate(journey.id() + "-latency", journey.id(), journey.name(), SliCandidate.Kind.LATENCY,
                journey.name() + " latency under " + format(threshold) + " ms",
                "entry requests of " + describeEntry(journey) + " that completed within " + format(threshold) + " ms",
                "all entry requests of " + describeEntry(journey), threshold, observed(good, total),
                profiles.stream().map(p -> latencyQuery(p, journey, threshold)).toList(), evidence(journey),
                Math.round(confidence * 100) / 100.0, reasons, proposals);
    }

    /** Availability of each cross-service call on the journey's critical path, as the caller saw it. */
    private List<SliCandidate> dependencies(Journey journey) {
        Set<String> onPath = new LinkedHashSet<>();
        List<String> steps = journey.criticalPath().operations();
        for (int i = 1; i < steps.size(); i++) {
            String from = steps.get(i - 1).substring(0, steps.get(i - 1).indexOf(' '));
            String to = steps.get(i).substring(0, steps.get(i).indexOf(' '));
            if (!from.equals(to)) {
                onPath.add(from + "\u0000" + to);
            }
        }
        List<SliCandidate> out = new ArrayList<>();
        for (Journey.Edge edge : journey.edges()) {
            if (!onPath.contains(edge.from() + "\u0000" + edge.to())) {
                continue;
            }
            String name = edge.from() + " → " + edge.to();
            out.add(new SliCandidate(journey.id() + "-dep-" + edge.from() + "-" + edge.to(), journey.id(), journey.name(),
                    SliCandidate.Kind.DEPENDENCY_AVAILABILITY, name + " availability (" + journey.name() + ")",
                    "calls from " + edge.from() + " to " + edge.to() + " that did not fail",
                    "calls from " + edge.from() + " to " + edge.to() + " in this journey's traces", null,
                    observed(edge.calls() - edge.errors(), edge.calls()),
                    profiles.stream().map(p -> new SliCandidate.Query(p.name(), false, null, null, null,
                            "dependency SLIs are measured on the callee's server metrics; map them by hand")).toList(),
                    evidence(journey), Math.round(journey.confidence() * 0.8 * 100) / 100.0,
                    List.of("on the journey's critical path: when it is slow or fails, the journey is",
                            "no proposals yet: per-window history is kept for journey entries only"), List.of()));
        }
        return out;
    }

    private static SliCandidate.Observed observed(long good, long total) {
        Wilson.Interval interval = Wilson.interval(good, total, Wilson.Z95);
        return new SliCandidate.Observed(good, total, total == 0 ? 0 : interval.estimate(), interval.low(), interval.high());
    }

    private static List<String> evidence(Journey journey) {
        List<String> ids = new ArrayList<>(journey.errorTraceIds());
        journey.sampleTraceIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return List.copyOf(ids);
    }

    private static String describeEntry(Journey journey) {
        return journey.entry().service() + " " + journey.entry().operation();
    }

    /** The label matchers that select a journey's entry in a profile's metrics. */
    public static String selectors(MetricsProfile profile, Journey journey) {
        return selectors(profile, journey.entry(),
                PromQl.operationMatcher(profile.operationLabel(), profile.operationOf(journey.entry())));
    }

    /**
     * The label matchers of an entry around the matcher of its operation (a regex for a template, or, in a test
     * series, one value it matches): service, the method where the profile labels routes, the profile's extras.
     */
    public static String selectors(MetricsProfile profile, Journey.Entry entry, String operationMatcher) {
        String selectors = profile.serviceLabel() + "=" + PromQl.quote(entry.service()) + "," + operationMatcher;
        if (profile.requiresRoute() && entry.httpMethod() != null) {
            selectors += ",http_request_method=" + PromQl.quote(entry.httpMethod());
        }
        String extra = profile.extraSelectors(entry);
        return extra.isEmpty() ? selectors : selectors + "," + extra;
    }

    private static SliCandidate.Query notApplicable(MetricsProfile profile, Journey journey) {
        if (profile.requiresRoute() && journey.entry().httpRoute() == null) {
            return new SliCandidate.Query(profile.name(), false, null, null, null,
                    "the entry carries no http.route, so " + profile.description() + " metrics cannot select it");
        }
        return null;
    }

    private static SliCandidate.Query availabilityQuery(MetricsProfile profile, Journey journey) {
        SliCandidate.Query skip = notApplicable(profile, journey);
        if (skip != null) {
            return skip;
        }
        String selectors = selectors(profile, journey);
        String total = PromQl.sumRate(profile.callsMetric(), selectors);
        String bad = PromQl.sumRate(profile.callsMetric(), selectors + "," + profile.errorSelector());
        return new SliCandidate.Query(profile.name(), true, "(" + total + " - " + bad + ")", bad, total,
                note(profile, journey));
    }

    /**
     * The profile, and a warning when its series cannot tell the journey apart from others of its service: the entry
     * span is named by its HTTP method alone (the journey by its path), and metrics label it by that name.
     */
    private static String note(MetricsProfile profile, Journey journey) {
        return profile.countsMoreThan(journey.entry()) ? profile.description() + "; " + sharedName(journey.entry())
                : profile.description();
    }

    /** Why series labelled by a shared span name count more than the journey, and what to change (a clause). */
    public static String sharedName(Journey.Entry entry) {
        return "the entry span is named '" + entry.metricName() + "', the name span metrics count it under, so they "
                + "select every '" + entry.metricName() + "' request of " + entry.service() + ", not "
                + entry.operation() + " alone: name server spans '{method} {route}' and set http.route, as a "
                + "framework's router does, to measure the journey by itself";
    }

    private static SliCandidate.Query latencyQuery(MetricsProfile profile, Journey journey, double thresholdMs) {
        SliCandidate.Query skip = notApplicable(profile, journey);
        if (skip != null) {
            return skip;
        }
        if (!LatencyBounds.contains(profile.bucketBoundsMs(), thresholdMs)) {
            double nearest = LatencyBounds.snapUp(thresholdMs, profile.bucketBoundsMs());
            return new SliCandidate.Query(profile.name(), false, null, null, null, format(thresholdMs)
                    + " ms is not a bucket bound of " + profile.description() + (Double.isNaN(nearest) ? ""
                    : "; the next bound up is " + format(nearest) + " ms"));
        }
        String selectors = selectors(profile, journey);
        String le = profile.le(thresholdMs);
        String good = PromQl.sumRate(profile.durationBucketMetric(), selectors + ",le=\"" + le + "\"");
        String total = PromQl.sumRate(profile.durationCountMetric(), selectors);
        return new SliCandidate.Query(profile.name(), true, good, "(" + total + " - " + good + ")", total,
                note(profile, journey));
    }

    static String format(double ms) {
        return PromQl.le(ms);
    }
}
