package dev.sloscout.pipeline;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.quality.QualityReport;
import dev.sloscout.engine.quality.QueryAttributes;
import dev.sloscout.engine.sli.SliCandidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dataQuality} in analysis.json: per service the measured ratios with their counts and a score, per journey
 * the score of the data it stands on (the mean of its services' scores, and its weakest service), per SLI candidate
 * whether the data under it is weak and why, and the recommendations ranked by reach.
 */
public record DataQualityDocument(List<ServiceQuality> services, List<JourneyQuality> journeys,
                                  List<SliQuality> slis, List<QualityReport.Recommendation> recommendations,
                                  long unmeasuredSpans, QualityReport.Sampling sampling, long browserSpans) {
    /** Below this score, or with less than this status coverage under an availability SLI, the data is weak. */
    static final int WEAK_SCORE = 60;
    static final double WEAK_STATUS = 0.6;

    /** {@code logTraceCorrelation}: log records with a trace id over log records, named for what it counts. */
    public record Correlation(long withTrace, long total, double ratio) {
    }

    public record ServiceQuality(String service, int score, Map<String, QualityReport.Part> scoreParts,
                                 QualityReport.Ratio traceCompleteness, QualityReport.Ratio statusCoverage,
                                 QualityReport.Ratio routeCoverage, QualityReport.Ratio pairing,
                                 QualityReport.Skew clockSkew, Correlation logTraceCorrelation,
                                 QualityReport.Ratio structuredLogs, QualityReport.Ratio requestIdOnly,
                                 Map<String, QualityReport.Ratio> serverAttributes, QualityReport.Ratio errorStatus,
                                 long rootTraces, long browserSpans) {
    }

    public record JourneyQuality(String journey, String name, int score, String weakestService) {
    }

    /**
     * @param attributes per metrics profile whose query applies, the span attributes its PromQL reads and how many of
     *                   the entry service's server spans carry them
     */
    public record SliQuality(String sli, String journey, String service, int score, boolean weak, String why,
                             List<ProfileAttribute> attributes) {
    }

    /** One attribute one profile's query reads, with its coverage. */
    public record ProfileAttribute(String profile, String label, String attribute, QualityReport.Ratio coverage) {
    }

    /** Below this share of server spans carrying an attribute a query selects on, the SLI misses requests. */
    static final double WEAK_ATTRIBUTE = 0.9;

    /** As {@link #forSli(QualityReport, Journey, SliCandidate, String)} for every profile whose query applies. */
    public static SliQuality forSli(QualityReport report, Journey journey, SliCandidate candidate) {
        return forSli(report, journey, candidate, null);
    }

    /**
     * The quality of the data under one SLI candidate: its journey's entry service's score, the attributes the
     * profile's PromQL reads (every applicable profile's when {@code profile} is null), and why it is weak when it
     * is; null when the service was not measured.
     */
    public static SliQuality forSli(QualityReport report, Journey journey, SliCandidate candidate, String profile) {
        QualityReport.Service entry = journey == null ? null : report.service(journey.entry().service());
        if (entry == null) {
            return null;
        }
        List<String> why = new ArrayList<>();
        if (entry.score() < WEAK_SCORE) {
            why.add(entry.service() + " scores " + entry.score() + " of 100");
        }
        if (entry.statusCoverage().total() > 0 && entry.statusCoverage().ratio() < WEAK_STATUS) {
            why.add(String.format(Locale.ROOT, "%.0f%% of %s's request spans carry no status, so failures there are "
                    + "not seen", 100 * (1 - entry.statusCoverage().ratio()), entry.service()));
        }
        if (entry.traceCompleteness().total() > 0 && entry.traceCompleteness().ratio() < 0.9) {
            why.add(String.format(Locale.ROOT, "%.0f%% of %s's spans lost their parent, so some requests are "
                    + "counted in the wrong journey or not at all", 100 * (1 - entry.traceCompleteness().ratio()),
                    entry.service()));
        }
        List<ProfileAttribute> attributes = new ArrayList<>();
        for (SliCandidate.Query query : candidate.queries()) {
            if (!query.applicable() || profile != null && !profile.equals(query.profile())) {
                continue;
            }
            for (QueryAttributes.Need need : QueryAttributes.of(java.util.Arrays.asList(query.goodQuery(),
                    query.badQuery(), query.totalQuery()), entry)) {
                attributes.add(new ProfileAttribute(query.profile(), need.label(), need.attribute(), need.coverage()));
                if (need.coverage().total() > 0 && need.coverage().ratio() < WEAK_ATTRIBUTE) {
                    why.add(need.label().equals(QueryAttributes.SPAN_STATUS_LABEL)
                            ? String.format(Locale.ROOT, "the %s query counts failures by the span status, but "
                            + "only %.0f%% of %s's server errors have the status ERROR", query.profile(),
                            100 * need.coverage().ratio(), entry.service())
                            : String.format(Locale.ROOT, "the %s query selects on %s, but only %.0f%% of %s's "
                            + "server spans carry %s", query.profile(), need.label(), 100 * need.coverage().ratio(),
                            entry.service(), need.attribute()));
                }
            }
        }
        return new SliQuality(candidate.id(), candidate.journeyId(), entry.service(), entry.score(), !why.isEmpty(),
                why.isEmpty() ? "" : String.join("; ", why), List.copyOf(attributes));
    }

    static DataQualityDocument of(QualityReport report, List<Journey> journeys, List<SliCandidate> candidates) {
        List<ServiceQuality> services = report.services().stream().map(s -> new ServiceQuality(s.service(),
                s.score(), s.scoreParts(), s.traceCompleteness(), s.statusCoverage(), s.routeCoverage(), s.pairing(),
                s.clockSkew(), new Correlation(s.logTraceCorrelation().count(), s.logTraceCorrelation().total(),
                        s.logTraceCorrelation().ratio()), s.structuredLogs(), s.requestIdOnly(),
                s.serverAttributes(), s.errorStatus(), s.rootTraces(), s.browserSpans())).toList();
        List<JourneyQuality> journeyQuality = new ArrayList<>();
        for (Journey journey : journeys) {
            List<QualityReport.Service> under = journey.services().stream().map(report::service)
                    .filter(java.util.Objects::nonNull).toList();
            if (under.isEmpty()) {
                continue;
            }
            QualityReport.Service weakest = under.stream().min(java.util.Comparator
                    .comparingInt(QualityReport.Service::score)).orElseThrow();
            int mean = (int) Math.round(under.stream().mapToInt(QualityReport.Service::score).average().orElse(0));
            journeyQuality.add(new JourneyQuality(journey.id(), journey.name(), mean, weakest.service()));
        }
        List<SliQuality> slis = new ArrayList<>();
        for (SliCandidate candidate : candidates) {
            Journey journey = journeys.stream().filter(j -> j.id().equals(candidate.journeyId())).findFirst()
                    .orElse(null);
            SliQuality quality = forSli(report, journey, candidate);
            if (quality != null) {
                slis.add(quality);
            }
        }
        return new DataQualityDocument(services, journeyQuality, slis, report.recommendations(),
                report.unmeasuredSpans(), report.sampling(), report.browserSpans());
    }
}
