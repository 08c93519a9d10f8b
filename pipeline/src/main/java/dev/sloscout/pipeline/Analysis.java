package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.PlacedTimes;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.quality.QualityReport;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.HistoryRecorder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one analysis found: what was read, the journeys with their histories, SLI candidates, capsules and a
 * few whole traces per journey.
 *
 * @param logEvents       log events read (capsules group them)
 * @param sampleTraces    whole traces by hex id, for the waterfall (the journeys' sample and error sample traces)
 * @param cancelled       true when the user cancelled: what was read before is analysed
 * @param metricHistories histories of SLI candidates from metrics sources (Prometheus), by candidate id
 * @param traceSources    what each trace input gave (format, spans, rejected records)
 * @param logSources      the inputs read as logs
 * @param logProblems     the problems of the log inputs (also in {@code problems})
 * @param redactions      secrets and personal data redacted in what was kept, by source, then kind
 * @param dataQuality     how far the data read can be trusted, per service, with what to fix first
 * @param losses          what the analysis's own bounds cut (spans past a trace's cap, traces closed early, requests
 *                        outside a journey's year of history): also in {@code problems}
 * @param placedTimes     per log source, the times it wrote without a year or a date and where they were placed
 */
public record Analysis(List<Pipeline.SourceStatus> sources, IngestSummary.Snapshot summary,
                       JourneyDiscovery.JourneyReport report, List<SliCandidate> candidates, List<Capsule> capsules,
                       long logEvents, Map<String, Trace> sampleTraces, List<Problem> problems, boolean cancelled,
                       Map<String, History> metricHistories, List<SourceReport> traceSources, List<String> logSources,
                       List<Problem> logProblems, Map<String, ? extends Map<String, Long>> redactions,
                       List<Problem> losses, QualityReport dataQuality, List<PlacedTimes> placedTimes) {

    /** No times placed without a year or a date. */
    public Analysis(List<Pipeline.SourceStatus> sources, IngestSummary.Snapshot summary,
                    JourneyDiscovery.JourneyReport report, List<SliCandidate> candidates, List<Capsule> capsules,
                    long logEvents, Map<String, Trace> sampleTraces, List<Problem> problems, boolean cancelled,
                    Map<String, History> metricHistories, List<SourceReport> traceSources, List<String> logSources,
                    List<Problem> logProblems, Map<String, ? extends Map<String, Long>> redactions,
                    List<Problem> losses, QualityReport dataQuality) {
        this(sources, summary, report, candidates, capsules, logEvents, sampleTraces, problems, cancelled,
                metricHistories, traceSources, logSources, logProblems, redactions, losses, dataQuality, List.of());
    }

    /** No data-quality measurement (the report is empty). */
    public Analysis(List<Pipeline.SourceStatus> sources, IngestSummary.Snapshot summary,
                    JourneyDiscovery.JourneyReport report, List<SliCandidate> candidates, List<Capsule> capsules,
                    long logEvents, Map<String, Trace> sampleTraces, List<Problem> problems, boolean cancelled,
                    Map<String, History> metricHistories, List<SourceReport> traceSources, List<String> logSources,
                    List<Problem> logProblems, Map<String, ? extends Map<String, Long>> redactions,
                    List<Problem> losses) {
        this(sources, summary, report, candidates, capsules, logEvents, sampleTraces, problems, cancelled,
                metricHistories, traceSources, logSources, logProblems, redactions, losses,
                QualityReport.empty());
    }

    public Analysis(List<Pipeline.SourceStatus> sources, IngestSummary.Snapshot summary,
                    JourneyDiscovery.JourneyReport report, List<SliCandidate> candidates, List<Capsule> capsules,
                    long logEvents, Map<String, Trace> sampleTraces, List<Problem> problems, boolean cancelled) {
        this(sources, summary, report, candidates, capsules, logEvents, sampleTraces, problems, cancelled, Map.of(),
                List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    public Analysis(List<Pipeline.SourceStatus> sources, IngestSummary.Snapshot summary,
                    JourneyDiscovery.JourneyReport report, List<SliCandidate> candidates, List<Capsule> capsules,
                    long logEvents, Map<String, Trace> sampleTraces, List<Problem> problems, boolean cancelled,
                    Map<String, History> metricHistories) {
        this(sources, summary, report, candidates, capsules, logEvents, sampleTraces, problems, cancelled,
                metricHistories, List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    /** The SLOs each with the measured quality of its service's data (what runbooks say about trusting it). */
    public List<ExportedSlo> withDataQuality(List<ExportedSlo> slos) {
        return slos.stream().map(s -> s.withQuality(dataQuality.service(s.definition().service()))).toList();
    }

    public List<Journey> journeys() {
        return report.journeys();
    }

    public Optional<Journey> journey(String id) {
        return journeys().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /**
     * The history behind a candidate: availability, or latency at a recorded bound. A candidate from a metrics source
     * has one history (latency: at its balanced threshold), whatever the threshold asked for.
     */
    public History history(SliCandidate candidate, double thresholdMs) {
        History metric = metricHistories.get(candidate.id());
        if (metric != null) {
            return metric;
        }
        HistoryRecorder recorder = report.histories().get(candidate.journeyId());
        if (recorder == null) {
            throw new IllegalArgumentException("no history for journey " + candidate.journeyId());
        }
        return candidate.kind() == SliCandidate.Kind.LATENCY ? recorder.latency(thresholdMs) : recorder.availability();
    }
}
