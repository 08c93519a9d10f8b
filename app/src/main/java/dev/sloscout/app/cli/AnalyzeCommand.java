package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.Ingestion;
import dev.sloscout.pipeline.LinkedCapsules;
import dev.sloscout.pipeline.DemoLogs;
import dev.sloscout.pipeline.bundle.Promtool;
import dev.sloscout.app.Version;
import dev.sloscout.connectors.files.InputKinds;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.pipeline.bundle.ExportBundle;
import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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


    AnalyzeCommand(InputStream stdin, PrintStream out, PrintStream err) {
        super(stdin, out, err);
    }

    @Override
    public Integer call() throws IOException {
        JourneyDiscovery discovery = new JourneyDiscovery();
        if (demo == !inputs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    demo ? "--demo reads no files; give either FILE... or --demo" : "give FILE... or --demo");
        }
        ExportSettings exportSettings;
        try {
            exportSettings = new ExportSettings(period == null ? null : ExportSettings.parsePeriod(period),
                    ExportSettings.parseTiers(tiers), runbookBaseUrl, grafanaUrl);
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        List<MetricsProfile> profiles = profiles();
        if (profiles == null) {
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        List<LogEvent> demoLogs = new ArrayList<>();
        InputKinds.Split split = demo ? new InputKinds.Split(List.of(), List.of()) : InputKinds.split(inputs);
        Ingestion.Result ingestion = demo
                ? Ingestion.runDemoWithLogs(demoScale, maxOpenSpans, log -> demoLogs.add(DemoLogs.event(log)), discovery)
                : Ingestion.run(split.traces(), stdin, maxOpenSpans, discovery);
        JourneyDiscovery.JourneyReport report = discovery.build();
        List<SliCandidate> candidates = new SliCatalog(profiles).candidates(report);
        IngestSummary.Snapshot summary = ingestion.summary();
        List<Problem> logProblems = new ArrayList<>();
        CapsuleAccumulator capsules = LinkedCapsules.linkedTo(discovery);
        demoLogs.forEach(capsules::accept);
        LogFileReader logReader = new LogFileReader(capsules, logProblems::add);
        WorkspaceWriter store = workspace == null ? WorkspaceWriter.NONE : WorkspaceWriter.open(
                WorkspaceOption.resolve(workspace), err);
        if (store == null) {
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        List<Capsule> allCapsules;
        try (store) {
            for (Path log : split.logs()) {
                long before = capsules.events();
                logReader.read(log);
                store.logs(log.toString(), capsules.events() - before, capsules::capsules);
            }
            allCapsules = capsules.capsules();
            store.analysis(demo ? "demo shop" : String.join(", ", split.traces()), summary, report, candidates,
                    demoLogs.isEmpty() ? List.of() : allCapsules);
        }
        List<CapsuleReport> capsuleReports = allCapsules.stream().map(CapsuleReport::of).toList();
        Analysis analysis = new Analysis(new Tool("slo-scout", Version.current()), ingestion.sources(),
                new Ingest(summary.traces(), summary.spans(), summary.services(), summary.errorSpans(),
                        summary.orphanSpans(), summary.rejected(), summary.assembly().duplicateSpans()),
                report.assignedTraces(), report.partialTraces(), report.journeys(), candidates,
                new LogIngest(split.logs().stream().map(Path::toString).toList(), capsules.events(),
                        capsuleReports.size()), capsuleReports, concat(summary.problems(), logProblems));
        Files.createDirectories(outDir);
        Path file = outDir.resolve("analysis.json");
        Json.writeFile(file, analysis);
        out.printf("%d journeys, %d SLI candidates from %d traces -> %s%n", report.journeys().size(), candidates.size(),
                report.assignedTraces(), file);
        if (capsules.events() > 0) {
            out.printf("%d capsules from %d log events%n", capsuleReports.size(), capsules.events());
        }
        List<ExportedSlo> slos = ArtifactBundle.definitions(report.journeys(), candidates, exportSettings);
        ExportBundle.write(outDir, ExportBundle.files(slos));
        out.printf("%d SLOs -> %s (prometheus/, grafana/, openslo/, sloth/, runbooks/)%n", slos.size(), outDir);
        ProblemPrinter.print(summary.problems(), summary.rejected(), err);
        logProblems.forEach(p -> err.println("slo-scout: " + p.toLine()));
        List<String> structural = ArtifactBundle.check(slos);
        structural.forEach(p -> err.println("slo-scout: " + outDir + ": " + p));
        out.println("structural checks: " + (structural.isEmpty() ? "passed" : structural.size() + " problems"));
        boolean valid = validate() && structural.isEmpty();
        if (report.journeys().isEmpty()) {
            return capsuleReports.isEmpty() ? SloScoutCommand.EXIT_UNUSABLE
                    : logProblems.isEmpty() && split.traces().isEmpty() ? 0 : SloScoutCommand.EXIT_PROBLEMS;
        }
        int exit = valid ? SloScoutCommand.exitCode(ingestion) : SloScoutCommand.EXIT_PROBLEMS;
        return exit == 0 && !logProblems.isEmpty() ? SloScoutCommand.EXIT_PROBLEMS : exit;
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

    /** The built-in profiles, with the user's mapping in place of the example one; null (and said why) when invalid. */
    private List<MetricsProfile> profiles() {
        if (metricsProfile == null) {
            return MetricsProfile.DEFAULTS;
        }
        MetricsProfile custom;
        try {
            custom = Json.MAPPER.readValue(metricsProfile.toFile(), MetricsProfile.class);
        } catch (IOException e) {
            err.println("slo-scout: " + metricsProfile + ": cannot read the metrics profile: "
                    + ProblemPrinter.oneLine(String.valueOf(e.getMessage())));
            return null;
        }
        List<String> problems = custom.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("slo-scout: " + metricsProfile + ": " + p));
            return null;
        }
        return List.of(MetricsProfile.SPANMETRICS, MetricsProfile.OTEL_HTTP, custom);
    }

    /** analysis.json, documented in docs/formats.md. */
    record Analysis(Tool tool, List<SourceReport> sources, Ingest ingest, long assignedTraces, long partialTraces,
                    List<Journey> journeys, List<SliCandidate> sliCandidates, LogIngest logs,
                    List<CapsuleReport> capsules, List<Problem> problems) {
    }

    /** The log side of the analysis: which files were read as logs, how many events, how many capsules. */
    record LogIngest(List<String> sources, long events, long capsules) {
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    record Tool(String name, String version) {
    }

    record Ingest(long traces, long spans, List<String> services, long errorSpans, long orphanSpans, long rejected,
                  long duplicateSpans) {
    }
}
