package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.app.Version;
import dev.sloscout.engine.artifact.AlertProfile;
import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.pipeline.policy.Policy;
import dev.sloscout.pipeline.policy.PolicyAudit;
import dev.sloscout.pipeline.policy.PolicyCheck;
import dev.sloscout.engine.artifact.PeriodSli;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.AnalysisDocument;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.bundle.ExportBundle;
import dev.sloscout.pipeline.bundle.Promtool;
import dev.sloscout.pipeline.stream.ClusterAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code slo-scout analyze FILE... --out DIR}: journeys, SLI candidates and SLO proposals into DIR/analysis.json. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyses trace files: journeys, SLI candidates with PromQL per metrics profile, SLO proposals "
                + "from the data's own history and a backtest of burn-rate alerts. Writes DIR/analysis.json."})
final class AnalyzeCommand extends TraceCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files or folders to read; '-' reads standard input.")
    List<String> inputs = List.of();

    @Option(names = "--demo", description = "Analyse the bundled demo shop (two weeks of generated traffic with two incidents).")
    boolean demo;

    @Option(names = "--demo-scale", paramLabel = "X", defaultValue = "1",
            description = "Traffic of the demo shop, as a multiple of the default (peak 30 requests/min; default ${DEFAULT-VALUE}).")
    double demoScale;

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Read what a stream job (slo-scout stream) found from its output topics on these Kafka "
                    + "servers instead of files.")
    String cluster;

    @Option(names = "--output-prefix", defaultValue = "slo-scout.", paramLabel = "PREFIX",
            description = "With --cluster: the stream job's --output-prefix (default ${DEFAULT-VALUE}).")
    String outputPrefix;

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Option(names = "--max-journeys", paramLabel = "N", defaultValue = "5000",
            description = "Journeys told apart at most (each keeps histograms and a year of history); traces of "
                    + "further ones are counted as a problem (default ${DEFAULT-VALUE}).")
    int maxJourneys;

    @Option(names = "--max-log-services", paramLabel = "N", defaultValue = "2000",
            description = "Log services mined apart at most; events of further ones are mined together as "
                    + "\"(other services)\", counted as a problem (default ${DEFAULT-VALUE}).")
    int maxLogServices;

    @Option(names = "--max-templates", paramLabel = "N", defaultValue = "5000",
            description = "Log templates kept apart per service at most; messages that fit none of them are "
                    + "counted together, as a problem (default ${DEFAULT-VALUE}).")
    int maxTemplates;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy (YAML, docs/policy.md) the bundle must pass: a broken block rule writes only "
                    + "DIR/policy-report.json and exits 3; warnings are printed and kept in analysis.json.")
    Path policyFile;

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "Where the policy's audit rules are appended as JSON lines (default "
                    + "~/.slo-scout/policy-audit.jsonl).")
    Path auditLog;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write analysis.json into.")
    Path outDir;

    @Option(names = "--validate", paramLabel = "WHEN", defaultValue = "auto",
            description = "Run promtool on the written rules and tests: auto (when on the PATH), always, never "
                    + "(default ${DEFAULT-VALUE}).")
    String validate;

    @Option(names = "--runbook-base-url", paramLabel = "URL",
            description = "Where the runbooks will be served; alerts link to URL/<slo>.md (default: the bundle's runbooks/).")
    String runbookBaseUrl;

    @Option(names = "--period", paramLabel = "DAYS",
            description = "SLO period of the exported SLOs, e.g. 7d, 14d, 28d, 30d, 90d (default: the proposals' 28d).")
    String period;

    @Option(names = "--tiers", paramLabel = "LIST", defaultValue = "page-1h,page-6h,ticket-1d,ticket-3d",
            description = "Burn-rate alert tiers to export (default ${DEFAULT-VALUE}).")
    String tiers;

    @Option(names = "--alerts", paramLabel = "sloth|tiers", defaultValue = "sloth",
            description = "Alert profile: sloth writes Sloth's page/ticket alert pair per SLO (sloth_severity, no for:); "
                    + "tiers one alert per tier with for: and an absent-metrics alert (default ${DEFAULT-VALUE}).")
    String alerts;

    @Option(names = "--period-sli", paramLabel = "sloth|events", defaultValue = "sloth",
            description = "The SLI over the whole period: sloth (Sloth's mean of the 5-minute ratios, ratio_rate4w at "
                    + "28d) or events (errors over requests in the period, from recorded 5-minute rates) "
                    + "(default ${DEFAULT-VALUE}).")
    String periodSli;

    @Option(names = "--grafana-url", paramLabel = "URL",
            description = "The Grafana the dashboards go to; alerts link to URL/d/<uid> (default: the path alone).")
    String grafanaUrl;

    @Option(names = "--workspace", paramLabel = "NAME|PATH",
            description = "Also store the sources, capsules, journeys and SLI candidates in this workspace (a name "
                    + "under ~/.slo-scout/workspaces, or a path; the database is PATH.mv.db, the index PATH.lucene).")
    String workspace;

    @Option(names = "--metrics-profile", paramLabel = "FILE",
            description = "A JSON file mapping your metric and label names (replaces the example 'custom' profile); "
                    + "see docs/formats.md.")
    Path metricsProfile;


    @Option(names = "--rules-profile", paramLabel = "NAME", defaultValue = "spanmetrics",
            description = "The metrics the exported rules, their tests and the dashboards are written for: "
                    + "spanmetrics (the Collector's spanmetrics connector), otel-http (OTel HTTP semantic conventions) "
                    + "or custom (--metrics-profile, or the example mapping) (default ${DEFAULT-VALUE}).")
    String rulesProfile;

    private final Clock clock;

    AnalyzeCommand(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        super(stdin, out, err);
        this.clock = clock;
    }

    /** The options of this run, or null (said on stderr) when a flag is wrong. */
    private PipelineOptions options() {
        try {
            PipelineOptions options = PipelineOptions.defaults().withClock(clock).withMaxOpenSpans(maxOpenSpans)
                    .withMaxJourneys(maxJourneys).withMaxLogServices(maxLogServices)
                    .withMaxTemplates(maxTemplates)
                    .withThreads(threads())
                    .withExport(new ExportSettings(period == null ? null : ExportSettings.parsePeriod(period),
                            ExportSettings.parseTiers(tiers), runbookBaseUrl, grafanaUrl, MetricsProfile.SPANMETRICS,
                            AlertProfile.parse(alerts), PeriodSli.parse(periodSli)));
            if (metricsProfile != null) {
                options = options.withCustomProfile(metricsProfile);
            }
            return options.withRulesProfile(rulesProfile);
        } catch (IllegalArgumentException e) {
            e.getMessage().lines().forEach(line -> err.println("slo-scout: " + line));
            return null;
        }
    }

    @Override
    public Integer call() throws IOException {
        int sources = (demo ? 1 : 0) + (inputs.isEmpty() ? 0 : 1) + (cluster == null ? 0 : 1);
        if (sources != 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "give one of FILE..., --demo or --cluster");
        }
        ProgressPrinter progressPrinter = progressPrinter(); // before anything is read: a bad value is a usage error
        PipelineOptions options = options();
        if (options == null) {
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        Policy policy = null;
        if (policyFile != null) {
            try {
                policy = Policy.read(policyFile);
            } catch (Policy.PolicyException e) {
                err.println("slo-scout: " + e.getMessage());
                return SloScoutCommand.EXIT_UNUSABLE;
            }
        }
        WorkspaceWriter store = workspace == null ? WorkspaceWriter.NONE : WorkspaceWriter.open(
                WorkspaceOption.resolve(workspace), err);
        if (store == null) {
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        Pipeline pipeline = new Pipeline(options, () -> false, new Pipeline.Listener() {
            @Override
            public void source(int index, Pipeline.SourceStatus status) {
                if (progressPrinter != null) {
                    progressPrinter.source(index, status);
                }
            }

            @Override
            public void logsRead(Path file, long events, java.util.function.Supplier<List<Capsule>> capsules) {
                store.logs(file.toString(), events, capsules);
            }
        });
        Analysis analysis;
        try (store) {
            if (cluster != null) {
                try {
                    analysis = ClusterAnalysis.read(cluster, outputPrefix, kafka.properties(),
                            java.time.Duration.ofSeconds(60), () -> false).analysis(options.profiles());
                } catch (IllegalStateException e) {
                    err.println("slo-scout: " + e.getMessage());
                    return SloScoutCommand.EXIT_UNUSABLE;
                }
            } else {
                try {
                    analysis = demo ? pipeline.demo(demoScale) : pipeline.read(inputs, stdin);
                } finally {
                    if (progressPrinter != null) {
                        progressPrinter.finish();
                    }
                }
            }
            store.analysis(demo ? "demo shop" : cluster != null ? "cluster " + cluster + " " + outputPrefix
                    : String.join(", ", inputs), analysis, demo ? analysis.capsules() : List.of());
        }
        Files.createDirectories(outDir);
        List<ExportedSlo> slos = pipeline.slos(analysis);
        PolicyCheck.Verdict verdict = policy == null ? null : PolicyCheck.check(policy, slos, analysis);
        PolicyCheck.BlastRadius radius = verdict == null ? PolicyCheck.blastRadius(slos, analysis, null)
                : verdict.blastRadius();
        AnalysisDocument.PolicyReport policyReport = verdict == null ? null : AnalysisDocument.PolicyReport.of(verdict);
        if (verdict != null) {
            audit(verdict);
            verdict.of(Policy.Mode.WARN).forEach(v -> err.println("slo-scout: policy warning, rule '" + v.rule()
                    + "': " + v.message()));
            if (verdict.blocked()) {
                Path report = outDir.resolve("policy-report.json");
                dev.sloscout.pipeline.Json.writeFile(report, policyReport);
                verdict.of(Policy.Mode.BLOCK).forEach(v -> err.println("slo-scout: policy violation, rule '"
                        + v.rule() + "': " + v.message()));
                err.println("slo-scout: the bundle was not written: it breaks " + verdict.of(Policy.Mode.BLOCK).size()
                        + " blocking rule(s) of " + policyFile + "; the report is in " + report);
                return SloScoutCommand.EXIT_POLICY;
            }
        }
        Path file = outDir.resolve("analysis.json");
        AnalysisDocument.of(analysis, Version.current()).withPolicy(policyReport).write(file);
        JourneyDiscovery.JourneyReport report = analysis.report();
        out.printf("%d journeys, %d SLI candidates from %d traces -> %s%n", report.journeys().size(),
                analysis.candidates().size(), report.assignedTraces(), file);
        if (analysis.logEvents() > 0) {
            out.printf("%d capsules from %d log events%n", analysis.capsules().size(), analysis.logEvents());
        }
        List<dev.sloscout.engine.capsule.PlacedTimes> placed = analysis.placedTimes();
        placed.stream().limit(PLACED_SHOWN).forEach(p -> out.println("times placed: " + p.source() + ": "
                + p.describe()));
        if (placed.size() > PLACED_SHOWN) {
            out.printf("times placed: %d more sources (logs.timesPlaced in analysis.json)%n",
                    placed.size() - PLACED_SHOWN);
        }
        var quality = analysis.dataQuality();
        if (!quality.services().isEmpty()) {
            java.util.IntSummaryStatistics scores = quality.services().stream()
                    .mapToInt(dev.sloscout.engine.quality.QualityReport.Service::score).summaryStatistics();
            out.printf("data quality: %d services scored %d to %d of 100, %d recommendations%s (dataQuality in "
                    + "analysis.json)%n", scores.getCount(), scores.getMin(), scores.getMax(),
                    quality.recommendations().size(), quality.recommendations().isEmpty() ? ""
                            : "; first: " + quality.recommendations().get(0).text().split("\\. ")[0]);
        }
        if (!analysis.redactions().isEmpty()) {
            java.util.SortedMap<String, Long> kinds = new java.util.TreeMap<>();
            analysis.redactions().values().forEach(byKind -> byKind.forEach((k, n) -> kinds.merge(k, n, Long::sum)));
            out.println("redacted: " + kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", ")) + " (by source in analysis.json)");
        }
        out.printf(java.util.Locale.ROOT, "blast radius: %s, %s, %.1f%% of the traffic, %s, "
                + "%d new series, %.2f pages and %.2f tickets a week in the backtest%s%n",
                counted(radius.services().size(), "service"), counted(radius.routes().size(), "route"),
                100 * radius.trafficShare(), counted(radius.alertRules(), "alert rule"), radius.newSeries(),
                radius.pagesPerWeek(), radius.ticketsPerWeek(), radius.monthlyCost() == null ? ""
                        : String.format(java.util.Locale.ROOT, ", %.2f a month", radius.monthlyCost()));
        ExportBundle.Written written = ExportBundle.writeByService(outDir, slos); // one service in memory at a time
        List<String> stale = written.removed();
        if (!stale.isEmpty()) {
            out.printf("removed %d files an earlier bundle left in %s: %s%n", stale.size(), outDir,
                    String.join(", ", stale.subList(0, Math.min(5, stale.size()))) + (stale.size() > 5 ? ", ..." : ""));
        }
        out.printf("%d SLOs -> %s (prometheus/, grafana/, openslo/, sloth/, runbooks/, alertmanager/; rules for %s, "
                + "%s alerts)%n", slos.size(), outDir, options.export().profile().name(),
                options.export().alerts().label());
        IngestSummary.Snapshot summary = analysis.summary();
        ProblemPrinter.print(summary.problems(), summary.rejected(), err);
        analysis.logProblems().forEach(p -> err.println("slo-scout: " + p.toLine()));
        analysis.losses().forEach(p -> err.println("slo-scout: " + p.toLine()));
        List<String> structural = written.problems();
        structural.forEach(p -> err.println("slo-scout: " + outDir + ": " + p));
        out.println("structural checks: " + (structural.isEmpty() ? "passed" : structural.size() + " problems"));
        boolean valid = validate() && structural.isEmpty();
        boolean logProblems = !analysis.logProblems().isEmpty() || !analysis.losses().isEmpty() || store.failed();
        boolean traceInputs = analysis.traceSources().stream().anyMatch(r -> !r.source().startsWith("demo shop"));
        if (report.journeys().isEmpty()) {
            return analysis.capsules().isEmpty() ? SloScoutCommand.EXIT_UNUSABLE
                    : !logProblems && !traceInputs && summary.rejected() == 0 ? 0 : SloScoutCommand.EXIT_PROBLEMS;
        }
        int exit = !valid ? SloScoutCommand.EXIT_PROBLEMS : summary.rejected() == 0 ? 0
                : summary.spans() > 0 ? SloScoutCommand.EXIT_PROBLEMS : SloScoutCommand.EXIT_UNUSABLE;
        return exit == 0 && logProblems ? SloScoutCommand.EXIT_PROBLEMS : exit;
    }

    /** Sources whose times placed without a year or a date get a line of their own in the summary. */
    private static final int PLACED_SHOWN = 5;

    /** Appends every audit rule's outcome to the audit log (who, when, what); a log that cannot be written is said. */
    private void audit(PolicyCheck.Verdict verdict) {
        PolicyAudit audit = new PolicyAudit(auditLog != null ? auditLog : PolicyAudit.defaultLog());
        try {
            audit.audited(verdict, outDir, clock.instant());
        } catch (IOException e) {
            err.println("slo-scout: " + audit.log() + ": cannot append the policy audit: " + e.getMessage());
        }
    }

    /** promtool on what was written, when it is installed; its verdict is printed, a failure is a problem. */
    private boolean validate() {
        if (validate.equals("never")) {
            return true;
        }
        Path promtool = Promtool.find();
        if (promtool == null) {
            out.println("promtool not on the PATH: rules and tests were not validated (install Prometheus' promtool)");
            if (validate.equals("always")) {
                err.println("slo-scout: promtool: not found on the PATH, and --validate always asks for it");
                return false;
            }
            return true;
        }
        try {
            boolean passed = true;
            for (Promtool.Result result : Promtool.validate(promtool, outDir)) {
                out.println("promtool " + result.command() + ": " + (result.passed() ? "passed" : "FAILED"));
                if (!result.passed()) {
                    passed = false;
                    Path log = outDir.resolve("promtool.log");
                    Files.writeString(log, "promtool " + result.command() + "\n" + result.output() + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    String summary = ProblemPrinter.oneLine(result.output());
                    err.println("slo-scout: " + outDir + ": promtool " + result.command() + " failed: "
                            + (summary.length() > 300 ? summary.substring(0, 300) + "... (all of it in " + log + ")" : summary));
                }
            }
            return passed;
        } catch (IOException e) {
            err.println("slo-scout: " + promtool + ": cannot run promtool: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /** {@code 1 service}, {@code 2 services}. */
    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
