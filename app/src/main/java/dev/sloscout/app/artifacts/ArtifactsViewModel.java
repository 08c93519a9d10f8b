package dev.sloscout.app.artifacts;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.bundle.Promtool;
import dev.sloscout.pipeline.bundle.ExportBundle;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.pipeline.policy.Policy;
import dev.sloscout.pipeline.policy.PolicyAudit;
import dev.sloscout.pipeline.policy.PolicyCheck;
import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.engine.artifact.ExportedSlo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The export bundle as it would be written now (tuned SLOs included): every file with a highlighted preview, the
 * diff of each file against the previous export, structural checks and promtool's verdict, and export to a folder.
 */
public final class ArtifactsViewModel {
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final ObservableMap<String, ArtifactBundle.Tuning> tuned;
    private final Consumer<Path> exported;
    private Consumer<Path> policyChosen = file -> { };
    private final Validator validator;
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Highlighter.Piece>> preview = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<LineDiff.Line>> diff = new SimpleObjectProperty<>(List.of());
    private final StringProperty diffSummary = new SimpleStringProperty("");
    private final ObservableList<String> validation = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<PipelineOptions> options;
    private final ObservableList<String> rulesProfiles = FXCollections.observableArrayList();
    private final StringProperty rulesProfile = new SimpleStringProperty();
    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>();
    private final ObservableList<String> policyReport = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdictLine = new ReadOnlyStringWrapper("No policy: every export is allowed");
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper(false);
    private PolicyAudit audit = new PolicyAudit(PolicyAudit.defaultLog());
    private PolicyCheck.Verdict verdict;
    private SortedMap<String, String> bundle = new TreeMap<>();
    private Map<String, String> previous;
    private long generation;
    private String previousFrom;

    /**
     * @param tuned    the studio's tuned SLOs by candidate id (others export as balanced)
     * @param exported told the folder after every successful export (the settings remember it)
     */
    public ArtifactsViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObservableMap<String, ArtifactBundle.Tuning> tuned,
                              BackgroundTasks tasks, Consumer<Path> exported) {
        this(analysis, tuned, tasks, exported, ArtifactsViewModel::promtool);
    }

    /** Checks a written bundle, one line per verdict (promtool on the PATH in the workbench). */
    @FunctionalInterface
    public interface Validator {
        List<String> validate(Path bundle) throws IOException, InterruptedException;
    }

    public ArtifactsViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObservableMap<String, ArtifactBundle.Tuning> tuned,
                              BackgroundTasks tasks, Consumer<Path> exported, Validator validator) {
        this(analysis, tuned, new SimpleObjectProperty<>(PipelineOptions.defaults()), tasks, exported, validator);
    }

    /**
     * @param options the workbench's pipeline options: the bundle is written with their export settings (its rules for
     *                their rules profile); choosing another rules profile here changes them
     */
    public ArtifactsViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObservableMap<String, ArtifactBundle.Tuning> tuned,
                              ObjectProperty<PipelineOptions> options, BackgroundTasks tasks, Consumer<Path> exported,
                              Validator validator) {
        this.validator = validator;
        this.tasks = tasks;
        this.analysis = analysis;
        this.tuned = tuned;
        this.exported = exported;
        this.options = options;
        showProfiles(options.get());
        options.addListener((obs, old, now) -> {
            showProfiles(now);
            regenerate();
        });
        rulesProfile.addListener((obs, old, now) -> {
            if (now != null && !now.equals(options.get().export().profile().name())) {
                options.set(options.get().withRulesProfile(now));
            }
        });
        analysis.addListener((obs, old, now) -> regenerate());
        tuned.addListener((MapChangeListener<String, ArtifactBundle.Tuning>) change -> regenerate());
        selected.addListener((obs, old, now) -> showFile(now));
        regenerate();
    }

    /** The profiles the bundle's rules can be written for (spanmetrics, otel-http, custom or the user's own). */
    public ObservableList<String> rulesProfiles() {
        return rulesProfiles;
    }

    /** The profile the bundle's rules are written for; setting it rebuilds the bundle. */
    public StringProperty rulesProfileProperty() {
        return rulesProfile;
    }

    private void showProfiles(PipelineOptions now) {
        List<String> names = now.profiles().stream().map(p -> p.name()).toList();
        if (!names.equals(rulesProfiles)) {
            rulesProfiles.setAll(names);
        }
        rulesProfile.set(now.export().profile().name());
    }

    /** What one rebuild produced; {@code verdict} is null without a policy. */
    private record Built(int slos, SortedMap<String, String> files, List<String> checks,
                         PolicyCheck.BlastRadius radius, PolicyCheck.Verdict verdict) {
    }

    /**
     * Rebuilds the bundle from the analysis and the tunings, in the background (hundreds of SLOs take a moment);
     * only the newest rebuild is shown.
     */
    public void regenerate() {
        Analysis a = analysis.get();
        Map<String, ArtifactBundle.Tuning> tunings = Map.copyOf(tuned);
        ExportSettings settings = options.get().export();
        Policy checkedBy = policy.get();
        long mine = ++generation;
        tasks.submit("Build the export bundle", progress -> {
            List<ExportedSlo> slos = a == null ? List.of() : a.withDataQuality(ArtifactBundle.definitions(a.journeys(),
                    a.candidates(), settings, candidate -> tunings.get(candidate.id())));
            SortedMap<String, String> files = ExportBundle.files(slos);
            PolicyCheck.Verdict checked = a == null || checkedBy == null ? null : PolicyCheck.check(checkedBy, slos, a);
            PolicyCheck.BlastRadius radius = a == null ? null : checked != null ? checked.blastRadius()
                    : PolicyCheck.blastRadius(slos, a, null);
            return new Built(slos.size(), files, structural(slos, files), radius, checked);
        }, built -> {
            if (mine == generation) {
                show(built);
            }
        }, failure -> status.set("The bundle could not be built: " + failure.getMessage()));
    }

    private void show(Built built) {
        // a rebuild that changed nothing (a late build of the same bundle) keeps promtool's verdict on it
        List<String> verdict = built.files().equals(bundle)
                ? validation.stream().filter(v -> v.startsWith("promtool")).toList() : List.of();
        bundle = built.files();
        showPolicy(built.radius(), built.verdict());
        String keep = selected.get();
        files.setAll(bundle.keySet().stream().sorted(Comparator.comparing(ArtifactsViewModel::order)
                .thenComparing(Comparator.naturalOrder())).toList());
        validation.setAll(built.checks());
        validation.addAll(verdict);
        status.set(String.format("%d SLOs in %d files%s", built.slos(), bundle.size(), previous == null ? ""
                : ", " + changedFiles() + " changed since the export to " + previousFrom));
        selected.set(null);
        selected.set(keep != null && bundle.containsKey(keep) ? keep : files.isEmpty() ? null : files.get(0));
    }

    /** The verdict line, the blast radius in total and per SLO, and every broken rule, most severe first. */
    private void showPolicy(PolicyCheck.BlastRadius radius, PolicyCheck.Verdict checked) {
        verdict = checked;
        blocked.set(checked != null && checked.blocked());
        List<String> lines = new ArrayList<>();
        Policy p = policy.get();
        if (checked == null) {
            verdictLine.set(p == null ? "No policy: every export is allowed" : "Policy " + p.file().getFileName()
                    + ": nothing to check yet");
        } else {
            int blocking = checked.of(Policy.Mode.BLOCK).size();
            int warnings = checked.of(Policy.Mode.WARN).size();
            verdictLine.set("Policy " + p.file().getFileName() + ": " + (blocking > 0 ? "BLOCKED by " + blocking
                    + (blocking == 1 ? " rule" : " rules") : warnings > 0 ? "passes with " + warnings
                    + (warnings == 1 ? " warning" : " warnings") : "passes"));
            for (Policy.Mode mode : List.of(Policy.Mode.BLOCK, Policy.Mode.WARN, Policy.Mode.AUDIT)) {
                checked.of(mode).forEach(v -> lines.add(mode.name().toLowerCase(Locale.ROOT) + " '" + v.rule()
                        + "': " + v.message()));
            }
        }
        if (radius != null) {
            lines.add(String.format(Locale.ROOT, "blast radius: %d SLOs on %d services and %d routes, %.1f%% of "
                    + "the traffic, %d alert rules, %d new series, %d range reads per evaluation, %.2f pages and "
                    + "%.2f tickets a week in the backtest%s", radius.slos().size(), radius.services().size(),
                    radius.routes().size(), 100 * radius.trafficShare(), radius.alertRules(), radius.newSeries(),
                    radius.rangeReadsPerEvaluation(), radius.pagesPerWeek(), radius.ticketsPerWeek(),
                    radius.monthlyCost() == null ? "" : String.format(Locale.ROOT, ", %.2f a month",
                            radius.monthlyCost())));
            radius.slos().forEach(r -> lines.add(String.format(Locale.ROOT, "  %s: %.1f%% of the traffic, %d "
                    + "alert rules, %d series, %.2f pages a week, objective %s%% against %.3f%% observed", r.slo(),
                    100 * r.trafficShare(), r.alertRules(), r.newSeries(), r.pagesPerWeek(),
                    dev.sloscout.engine.artifact.PrometheusRules.number(100 * r.objective()), 100 * r.observed())));
        }
        policyReport.setAll(lines);
    }

    /** Checks every bundle against the policy in this file from now on (read in the background). */
    public void loadPolicy(Path file) {
        tasks.submit("Read the policy " + file.getFileName(), progress -> Policy.read(file), read -> {
            policy.set(read);
            policyChosen.accept(file);
            regenerate();
        }, failure -> {
            policy.set(null);
            blocked.set(false);
            verdict = null;
            verdictLine.set("Policy " + file.getFileName() + " not used: it cannot be read");
            policyReport.setAll(List.of("policy " + failure.getMessage()));
        });
    }

    /** Stops checking against a policy. */
    public void clearPolicy() {
        policy.set(null);
        policyChosen.accept(null);
        regenerate();
    }

    /** Told the policy file whenever one is chosen or cleared (null), so the settings remember it. */
    public void onPolicyChosen(Consumer<Path> listener) {
        policyChosen = listener;
    }

    /** Where overrides and audit rules are logged ({@code ~/.slo-scout/policy-audit.jsonl} unless told). */
    public void auditTo(Path log) {
        audit = new PolicyAudit(log);
    }

    /** The blocking rules, one line each, as the override dialog shows them. */
    public String blockingReasons() {
        return verdict == null ? "" : verdict.of(Policy.Mode.BLOCK).stream().map(v -> "'" + v.rule() + "': "
                + v.message()).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static int order(String path) {
        return path.startsWith("prometheus/rules") ? 0 : path.startsWith("prometheus/tests") ? 1 : path.startsWith("openslo")
                ? 2 : path.startsWith("sloth") ? 3 : path.startsWith("grafana") ? 4 : 5;
    }

    private static List<String> structural(List<ExportedSlo> slos, Map<String, String> files) {
        List<String> problems = ExportBundle.check(slos, files);
        List<String> out = new ArrayList<>();
        if (problems.isEmpty()) {
            out.add("structural checks: passed (" + slos.size() + " SLOs)");
        } else {
            problems.forEach(p -> out.add("structural check FAILED: " + p));
        }
        return out;
    }

    private long changedFiles() {
        long changed = bundle.entrySet().stream().filter(e -> !e.getValue().equals(previous.get(e.getKey()))).count();
        return changed + previous.keySet().stream().filter(k -> !bundle.containsKey(k)).count();
    }

    private void showFile(String path) {
        if (path == null) {
            preview.set(List.of());
            diff.set(List.of());
            diffSummary.set("");
            return;
        }
        String content = bundle.get(path);
        preview.set(Highlighter.highlight(path, content));
        if (previous == null) {
            diff.set(List.of());
            diffSummary.set("No previous export to compare with: export once, or export into a folder that holds one.");
            return;
        }
        String before = previous.get(path);
        List<LineDiff.Line> lines = LineDiff.of(before == null ? "" : before, content);
        diff.set(lines);
        long added = lines.stream().filter(l -> l.kind() == LineDiff.Kind.ADDED).count();
        long removed = lines.stream().filter(l -> l.kind() == LineDiff.Kind.REMOVED).count();
        diffSummary.set(before == null ? "New file since the export to " + previousFrom
                : added + removed == 0 ? "Unchanged since the export to " + previousFrom
                : String.format("+%d -%d lines since the export to %s", added, removed, previousFrom));
    }

    /** Reads a previous export from a folder (its bundle files) to diff against. */
    public void loadPrevious(Path folder) {
        tasks.submit("Reading the previous export", progress -> readBundle(folder), read -> {
            if (!read.isEmpty()) {
                previous = read;
                previousFrom = folder.toString();
                regenerate();
            }
        }, failure -> status.set("The previous export in " + folder + " could not be read: " + failure.getMessage()));
    }

    static Map<String, String> readBundle(Path folder) throws IOException {
        Map<String, String> read = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return read;
        }
        for (String top : List.of("prometheus", "grafana", "openslo", "sloth", "runbooks")) {
            Path dir = folder.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    read.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return read;
    }

    /**
     * Writes the bundle into a folder, then validates what was written; the export becomes the diff's baseline. A
     * bundle the policy blocks is not written: the status says which rules block it.
     */
    public void export(Path folder) {
        if (blocked.get()) {
            status.set("Export refused: the policy blocks this bundle (" + verdict.of(Policy.Mode.BLOCK).stream()
                    .map(v -> "'" + v.rule() + "'").collect(java.util.stream.Collectors.joining(", "))
                    + "); see Policy and blast radius, or export with an override and a reason");
            return;
        }
        write(folder, null);
    }

    /**
     * Exports a bundle the policy blocks: the override, the user's reason and the blocking rules go to the audit
     * log first; without a reason nothing is written.
     */
    public void exportOverriding(Path folder, String reason) {
        if (!blocked.get()) {
            write(folder, null);
            return;
        }
        if (reason == null || reason.isBlank()) {
            status.set("Export refused: an override needs a reason, which goes to the policy audit log");
            return;
        }
        write(folder, reason);
    }

    private void write(Path folder, String overrideReason) {
        Map<String, String> snapshot = Map.copyOf(bundle);
        PolicyCheck.Verdict checked = verdict;
        PolicyAudit log = audit;
        status.set("exporting to " + folder + "...");
        tasks.submit("Export to " + folder.getFileName(), progress -> {
            if (checked != null) {
                if (overrideReason != null) {
                    log.overridden(checked, folder, overrideReason, java.time.Instant.now());
                }
                log.audited(checked, folder, java.time.Instant.now());
            }
            ExportBundle.write(folder, snapshot);
            return folder;
        }, written -> {
            previous = snapshot;
            previousFrom = folder.toString();
            exported.accept(folder);
            String keep = selected.get(); // the bundle is unchanged: only the diff's baseline moved
            selected.set(null);
            selected.set(keep);
            status.set(snapshot.size() + " files exported to " + folder + (overrideReason == null ? ""
                    : " overriding the policy (logged to " + log.log() + ")"));
            validate(folder, false);
        }, failure -> status.set("Export to " + folder + " failed: " + failure.getMessage()
                + " (files written before the failure are whole; nothing else changed)"));
    }

    /**
     * Where and how to publish: the repository (path or URL), the branch, its base, the path in the repository, and
     * the hosting ({@code none}, {@code github}, {@code gitlab}) with its API address.
     */
    public record PublishTarget(String repository, String branch, String base, String path, String hosting,
                                String api, String slug) {
    }

    /**
     * Publishes the bundle as it is now to a branch of a repository and opens or updates the pull request, in the
     * background (as {@code slo-scout publish}); a bundle the policy blocks is not published.
     *
     * @param tokens where the hosting's token comes from (the environment, then the owner-only key file)
     */
    public void publish(PublishTarget target, dev.sloscout.connectors.git.Tokens tokens) {
        if (blocked.get()) {
            status.set("Publish refused: the policy blocks this bundle; export it with an override first, or change "
                    + "the SLOs");
            return;
        }
        Map<String, String> snapshot = Map.copyOf(bundle);
        PolicyCheck.Verdict checked = verdict;
        status.set("publishing to " + target.branch() + "...");
        tasks.submit("Publish to " + target.branch(), progress -> {
            Path scratch = Files.createTempDirectory("slo-scout-publish-bundle");
            try {
                ExportBundle.write(scratch, snapshot);
                if (checked != null) {
                    dev.sloscout.pipeline.Json.writeFile(scratch.resolve("analysis.json"), Map.of("policy",
                            dev.sloscout.pipeline.AnalysisDocument.PolicyReport.of(checked)));
                }
                dev.sloscout.connectors.git.Hosting hosting = null;
                java.util.Optional<String> token = java.util.Optional.empty();
                if (!"none".equals(target.hosting())) {
                    token = tokens.of(target.hosting());
                    if (token.isEmpty()) {
                        throw new dev.sloscout.connectors.git.PublishException("no " + target.hosting()
                                + " token: set " + tokens.where(target.hosting()));
                    }
                    hosting = dev.sloscout.connectors.git.Hosting.of(target.hosting(),
                            java.net.URI.create(target.api()), target.slug(), token.get());
                }
                org.eclipse.jgit.transport.CredentialsProvider credentials = token.map(t ->
                        dev.sloscout.connectors.git.Hosting.gitCredentials(target.hosting(), t)).orElse(null);
                return new dev.sloscout.connectors.git.Publisher().publish(
                        new dev.sloscout.connectors.git.Publisher.Request(scratch, target.repository(),
                                target.branch(), target.base(), target.path(), null, hosting, false, credentials));
            } finally {
                deleteTree(scratch);
            }
        }, result -> status.set((result.commit() == null ? target.branch() + " already had this bundle"
                : "pushed " + result.commit().substring(0, 12) + " to " + target.branch() + ": " + result.title())
                + (result.pullRequest() == null ? "" : "; " + (result.pullRequest().created() ? "opened #" : "updated #")
                        + result.pullRequest().number() + " " + result.pullRequest().url())),
                failure -> status.set("Publish failed: " + failure.getMessage()));
    }

    /** Validates the current bundle (promtool) in a scratch folder, in the background. */
    public void validateWithPromtool() {
        Map<String, String> snapshot = Map.copyOf(bundle);
        try {
            Path scratch = Files.createTempDirectory("slo-scout-validate");
            ExportBundle.write(scratch, snapshot);
            validate(scratch, true);
        } catch (IOException e) {
            validation.add("promtool could not run: " + e.getMessage());
        }
    }

    private void validate(Path folder, boolean scratch) {
        validation.removeIf(v -> v.startsWith("promtool"));
        validation.add("promtool: running on " + folder + "...");
        tasks.submit("promtool", progress -> {
            try {
                return validator.validate(folder);
            } finally {
                if (scratch) {
                    deleteTree(folder);
                }
            }
        }, results -> {
            validation.removeIf(v -> v.startsWith("promtool"));
            validation.addAll(results);
        }, failure -> {
            validation.removeIf(v -> v.startsWith("promtool"));
            validation.add("promtool could not run: " + failure.getMessage());
        });
    }

    /** promtool check rules and test rules on every file, when promtool is on the PATH. */
    public static List<String> promtool(Path folder) throws IOException, InterruptedException {
        Path promtool = Promtool.find();
        if (promtool == null) {
            return List.of("promtool: not on the PATH, rules and tests not validated (install Prometheus' promtool)");
        }
        List<String> out = new ArrayList<>();
        for (Promtool.Result r : Promtool.validate(promtool, folder)) {
            out.add("promtool " + r.command() + ": " + (r.passed() ? "passed" : "FAILED\n" + r.output().strip()));
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public String content(String path) {
        return bundle.get(path);
    }

    public ObservableList<String> files() {
        return files;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<List<Highlighter.Piece>> previewProperty() {
        return preview;
    }

    public ReadOnlyObjectProperty<List<LineDiff.Line>> diffProperty() {
        return diff;
    }

    public StringProperty diffSummaryProperty() {
        return diffSummary;
    }

    public ObservableList<String> validation() {
        return validation;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Policy> policyProperty() {
        return policy;
    }

    /** The verdict, the blast radius in total and per SLO, and every broken rule. */
    public ObservableList<String> policyReport() {
        return policyReport;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdictLine.getReadOnlyProperty();
    }

    /** True while the policy blocks the bundle as it would be exported now. */
    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }
}
