package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.sli.SliCandidate;

import dev.sloscout.pipeline.policy.Policy;
import dev.sloscout.pipeline.policy.PolicyCheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code analysis.json}, documented in docs/formats.md: what an analysis found, as every front end writes it (the
 * CLI's {@code analyze}, the workbench's export, a server's answer), so the same analysis gives the same bytes.
 * {@code redactions} counts what was redacted in what it keeps, by source and kind (the values never appear);
 * {@code dataQuality} says how far the data can be trusted ({@link DataQualityDocument}).
 */
public record AnalysisDocument(Tool tool, List<SourceReport> sources, Ingest ingest, long assignedTraces,
                               long partialTraces, List<Journey> journeys, List<SliCandidate> sliCandidates,
                               LogIngest logs, List<CapsuleReport> capsules, List<Problem> problems,
                               Map<String, ? extends Map<String, Long>> redactions,
                               DataQualityDocument dataQuality,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                               PolicyReport policy) {

    /**
     * {@code policy}: the bundle's blast radius and cost, and when a policy was given its file, verdict (pass, warn
     * or block) and the rules broken.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record PolicyReport(String file, String verdict, PolicyCheck.BlastRadius blastRadius,
                               List<PolicyCheck.Violation> violations) {
        public static PolicyReport of(PolicyCheck.Verdict verdict) {
            String outcome = verdict.blocked() ? "block" : verdict.of(Policy.Mode.WARN).isEmpty() ? "pass" : "warn";
            return new PolicyReport(verdict.policy(), outcome, verdict.blastRadius(), verdict.violations());
        }

        public static PolicyReport of(PolicyCheck.BlastRadius radius) {
            return new PolicyReport(null, null, radius, List.of());
        }
    }

    /** The same document with the bundle's blast radius and policy verdict. */
    public AnalysisDocument withPolicy(PolicyReport report) {
        return new AnalysisDocument(tool, sources, ingest, assignedTraces, partialTraces, journeys, sliCandidates, logs,
                capsules, problems, redactions, dataQuality, report);
    }

    /** Who wrote it. */
    public record Tool(String name, String version) {
    }

    /** The trace side: counts over all trace inputs. */
    public record Ingest(long traces, long spans, List<String> services, long errorSpans, long orphanSpans,
                         long rejected, long duplicateSpans) {
    }

    /**
     * The log side: which inputs were read as logs, how many events, how many capsules, and per source the times
     * written without a year or a date and where they were placed ({@link TimesPlaced}).
     */
    public record LogIngest(List<String> sources, long events, long capsules, List<TimesPlaced> timesPlaced) {
    }

    /**
     * A source's times written without a year ({@code yearless}) or a date ({@code dateless}), placed from {@code
     * from} to {@code to} counting back from {@code reference}: when the file was last written ({@code
     * referenceIs} {@code written}) or, for a stream, when it was read ({@code read}); {@code note} says so in words.
     */
    public record TimesPlaced(String source, long yearless, long dateless, String from, String to, String reference,
                              String referenceIs, String note) {
        static TimesPlaced of(dev.sloscout.engine.capsule.PlacedTimes placed) {
            return new TimesPlaced(placed.source(), placed.yearless(), placed.dateless(),
                    java.time.Instant.ofEpochMilli(placed.earliestMillis()).toString(),
                    java.time.Instant.ofEpochMilli(placed.latestMillis()).toString(),
                    java.time.Instant.ofEpochMilli(placed.referenceMillis()).toString(),
                    placed.written() ? "written" : "read", placed.describe());
        }
    }

    public static AnalysisDocument of(Analysis analysis, String version) {
        IngestSummary.Snapshot s = analysis.summary();
        List<CapsuleReport> capsules = analysis.capsules().stream().map(CapsuleReport::of).toList();
        return new AnalysisDocument(new Tool("slo-scout", version), analysis.traceSources(),
                new Ingest(s.traces(), s.spans(), s.services(), s.errorSpans(), s.orphanSpans(), s.rejected(),
                        s.assembly().duplicateSpans()),
                analysis.report().assignedTraces(), analysis.report().partialTraces(), analysis.journeys(),
                analysis.candidates(), new LogIngest(analysis.logSources(), analysis.logEvents(), capsules.size(),
                        analysis.placedTimes().stream().map(TimesPlaced::of).toList()),
                capsules, analysis.problems(), analysis.redactions(), DataQualityDocument.of(analysis.dataQuality(),
                        analysis.journeys(), analysis.candidates()), null);
    }

    /** Writes it whole or not at all. */
    public void write(Path file) throws IOException {
        Json.writeFile(file, this);
    }
}
