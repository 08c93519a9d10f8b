package dev.sloscout.app.serve;

import dev.sloscout.engine.artifact.AlertProfile;
import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.artifact.PeriodSli;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.AnalysisDocument;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.bundle.ExportBundle;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's analyses: what {@code slo-scout analyze FILE... --out DIR} does, on the same headless pipeline, into the
 * job's folder ({@code analysis.json} and {@code bundle/}), with the options the request gave (the CLI's flags by
 * their camel-case names; the CLI's defaults otherwise).
 */
public final class AnalysisJobs {
    static final Set<String> OPTIONS = Set.of("period", "tiers", "alerts", "periodSli", "rulesProfile", "maxJourneys",
            "maxTemplates", "maxLogServices", "maxOpenSpans", "runbookBaseUrl", "grafanaUrl");

    private AnalysisJobs() {
    }

    /** Unknown options are refused, not ignored (400); values are checked when the job runs. */
    static void checkOptions(Map<String, String> options) throws ApiServer.ApiError {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new ApiServer.ApiError(400, "unknown option \"" + key + "\"; known: " + String.join(", ",
                        new java.util.TreeSet<>(OPTIONS)));
            }
        }
        try {
            options(options, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ApiServer.ApiError(400, "bad option: " + e.getMessage());
        }
    }

    /** The pipeline options of a request, as AnalyzeCommand makes them from the same flags. */
    static PipelineOptions options(Map<String, String> o, Clock clock) {
        PipelineOptions options = PipelineOptions.defaults().withClock(clock)
                .withMaxOpenSpans(Integer.parseInt(o.getOrDefault("maxOpenSpans", "1000000")))
                .withMaxJourneys(Integer.parseInt(o.getOrDefault("maxJourneys", "5000")))
                .withMaxLogServices(Integer.parseInt(o.getOrDefault("maxLogServices", "2000")))
                .withMaxTemplates(Integer.parseInt(o.getOrDefault("maxTemplates", "5000")))
                .withExport(new ExportSettings(o.containsKey("period") ? ExportSettings.parsePeriod(o.get("period"))
                        : null, ExportSettings.parseTiers(o.getOrDefault("tiers", "page-1h,page-6h,ticket-1d,ticket-3d")),
                        o.get("runbookBaseUrl"), o.get("grafanaUrl"), MetricsProfile.SPANMETRICS,
                        AlertProfile.parse(o.getOrDefault("alerts", "sloth")),
                        PeriodSli.parse(o.getOrDefault("periodSli", "sloth"))));
        return options.withRulesProfile(o.getOrDefault("rulesProfile", "spanmetrics"));
    }

    /** Runs one job: reads its inputs, writes analysis.json and the bundle into its folder. */
    public static Jobs.Runner runner(Clock clock) {
        return (job, cancelled) -> {
            PipelineOptions options = options(job.options, clock);
            Pipeline pipeline = new Pipeline(options, cancelled, (index, source) -> {
                if (source.fraction() >= 0) {
                    job.progress = Math.max(job.progress, Math.min(0.95, source.fraction()));
                }
            });
            Analysis analysis = pipeline.read(job.inputs.stream().map(Path::toString).toList(),
                    InputStream.nullInputStream());
            if (cancelled.getAsBoolean()) {
                return "cancelled";
            }
            Files.createDirectories(job.folder);
            List<ExportedSlo> slos = pipeline.slos(analysis);
            AnalysisDocument.of(analysis, dev.sloscout.app.Version.current()).write(job.folder.resolve("analysis.json"));
            ExportBundle.writeByService(job.folder.resolve("bundle"), slos);
            return String.format("%d journeys, %d SLOs, %d problems", analysis.journeys().size(), slos.size(),
                    analysis.problems().size());
        };
    }
}
