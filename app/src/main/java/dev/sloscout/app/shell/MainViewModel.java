package dev.sloscout.app.shell;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.fx.IdentityProperty;
import dev.sloscout.app.fx.Notifier;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.SpanOperations;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.workspace.Batch;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The workbench as a whole: which sources are open, the analysis of them, the workspace it is stored in, and what is
 * running. Opening sources re-analyses all open sources together (journeys need every trace at once).
 */
public final class MainViewModel {
    private final BackgroundTasks tasks;
    private final Executor ui;
    private final Notifier notifier;
    private final Set<Path> openSources = new LinkedHashSet<>();
    private Double demoScale;
    private final ObservableList<SourceRow> sources = FXCollections.observableArrayList();
    private final ObjectProperty<Analysis> analysis = new IdentityProperty<>(); // compared by identity: see there
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final BooleanProperty analysing = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Open trace or log files (Ctrl+O), a folder, or the demo.");
    private final javafx.beans.property.LongProperty stored = new javafx.beans.property.SimpleLongProperty();
    private final ObjectProperty<WorkbenchSettings> settings;
    private final ObjectProperty<PipelineOptions> options;
    private final Path home;
    private long generation;

    /**
     * @param ui runs view updates on the FX thread (in tests: at once); per-source progress goes through it, a few
     *           times per megabyte read, never per span
     */
    public MainViewModel(BackgroundTasks tasks, Executor ui, Notifier notifier, WorkbenchSettings settings, Path home) {
        this.tasks = tasks;
        this.ui = ui;
        this.notifier = notifier;
        this.settings = new SimpleObjectProperty<>(settings);
        this.options = new SimpleObjectProperty<>(settings.options(problem -> notifier.warning(
                "A profile in the settings was not used", problem, null)));
        this.home = home;
    }

    /**
     * What analyses and the bundle are made with: the same options object the CLI builds from its flags (metrics
     * profiles, rules profile, export settings); the settings and the command line set it.
     */
    public ObjectProperty<PipelineOptions> optionsProperty() {
        return options;
    }

    public ObservableList<SourceRow> sources() {
        return sources;
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** The last batch committed to the workspace: what search indexes follow. */
    public javafx.beans.property.ReadOnlyLongProperty storedProperty() {
        return stored;
    }

    public BooleanProperty analysingProperty() {
        return analysing;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<WorkbenchSettings> settingsProperty() {
        return settings;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Notifier notifier() {
        return notifier;
    }

    /** Adds files or folders to the open sources and analyses them all. */
    public void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        WorkbenchSettings s = settings.get();
        demoScale = null;
        for (Path path : paths) {
            openSources.add(path.toAbsolutePath().normalize());
            s = s.withRecentFile(path.toAbsolutePath().normalize().toString());
        }
        settings.set(s);
        List<Path> all = List.copyOf(openSources);
        analyse("Analysing " + (all.size() == 1 ? all.get(0).getFileName() : all.size() + " sources"),
                run -> run.files(all), all.size() == 1 ? all.get(0).toString() : all.size() + " sources");
    }

    /** The files and folders the analysis shown was made from (empty for the demo or a stored workspace). */
    public List<Path> openedFiles() {
        return List.copyOf(openSources);
    }

    /** The demo's scale when the demo is what is open, else null. */
    public Double openedDemoScale() {
        return openSources.isEmpty() ? demoScale : null;
    }

    /** Closes every open source and analyses the bundled demo shop instead. */
    public void openDemo() {
        openDemo(1);
    }

    /** The demo shop at {@code scale} times its default traffic (as {@code analyze --demo-scale}). */
    public void openDemo(double scale) {
        openSources.clear();
        demoScale = scale;
        analyse("Analysing the demo shop", run -> run.demo(scale), "demo shop");
    }

    private interface Runner {
        Analysis run(Pipeline run);
    }

    private void analyse(String title, Runner runner, String sourceName) {
        long mine = ++generation;
        sources.clear();
        analysing.set(true);
        status.set(title + "...");
        tasks.submit(title, progress -> {
            List<Pipeline.SourceStatus> seen = new ArrayList<>();
            Pipeline run = new Pipeline(options.get(), progress::cancelled, (index, source) -> {
                synchronized (seen) {
                    while (seen.size() <= index) {
                        seen.add(null);
                    }
                    seen.set(index, source);
                    progress.update(overall(seen), source.name() + ": " + source.state().name().toLowerCase(Locale.ROOT));
                }
                ui.execute(() -> showSource(mine, index, SourceRow.of(source)));
            });
            return runner.run(run);
        }, result -> {
            if (mine != generation) {
                return; // a newer open replaced this one
            }
            analysing.set(false);
            result.placedTimes().forEach(placed -> {
                for (int i = 0; i < sources.size(); i++) {
                    if (sources.get(i).name().equals(placed.source())) {
                        sources.set(i, sources.get(i).withTimes(placed.describe()));
                    }
                }
            });
            analysis.set(result);
            status.set(describe(result));
            if (!result.problems().isEmpty()) {
                notifier.warning("Some input could not be used", String.format(Locale.ROOT,
                        "%,d problems while reading %s; everything else was analysed.", result.problems().size(), sourceName),
                        String.join("\n", result.problems().stream().limit(200).map(p -> p.toLine()).toList()));
            }
            store(result, sourceName);
        }, failure -> {
            if (mine == generation) {
                analysing.set(false);
                status.set("The analysis failed: " + failure.getMessage());
                notifier.error("The analysis failed", String.valueOf(failure.getMessage()), failure);
            }
        });
    }

    private void showSource(long mine, int index, SourceRow row) {
        if (mine != generation) {
            return;
        }
        while (sources.size() <= index) {
            sources.add(row);
        }
        sources.set(index, row);
    }

    private static double overall(List<Pipeline.SourceStatus> seen) {
        double sum = 0;
        for (Pipeline.SourceStatus s : seen) {
            if (s == null) {
                continue;
            }
            if (s.fraction() < 0) {
                return -1;
            }
            sum += s.fraction();
        }
        return seen.isEmpty() ? -1 : sum / seen.size();
    }

    public static String describe(Analysis a) {
        return String.format(Locale.ROOT, "%s%,d traces, %,d spans, %d services: %d journeys, %d SLI candidates; %,d log "
                        + "events in %,d capsules", a.cancelled() ? "Cancelled; analysed what was read: " : "",
                a.summary().traces(), a.summary().spans(), a.summary().services().size(), a.journeys().size(),
                a.candidates().size(), a.logEvents(), a.capsules().size());
    }

    /** A snapshot of the live sources' analysis: replaces what is shown (file sources are closed by a live session). */
    public void showLive(Analysis live) {
        if (!openSources.isEmpty()) {
            openSources.clear();
            sources.clear();
        }
        generation++; // a file analysis still running will not overwrite the live one
        analysing.set(false);
        analysis.set(live);
        status.set("Live: " + describe(live));
    }

    /** Opens (or creates) a workspace in the background; the previous one is closed. */
    public void openWorkspace(Path base) {
        tasks.submit("Opening workspace " + base.getFileName(), progress -> Workspace.open(base), opened -> {
            Workspace previous = workspace.get();
            workspace.set(opened);
            settings.set(settings.get().withRecentWorkspace(base.toString()));
            closeQuietly(previous);
            Analysis current = analysis.get();
            if (current != null) {
                store(current, "analysis");
            }
        }, failure -> notifier.error("Cannot open the workspace", base + ": " + failure.getMessage(), failure));
    }

    /** Stores the analysis's capsules, journeys, candidates and operations in the workspace as one batch. */
    private void store(Analysis result, String sourceName) {
        Workspace target = workspace.get();
        if (target == null || result.summary().spans() == 0 && result.capsules().isEmpty()) {
            return;
        }
        tasks.submit("Storing in the workspace", progress -> {
            long source = target.addSource(sourceName, result.summary().spans() > 0 ? "traces" : "logs");
            return target.commit(new Batch(source, result.summary().spans() + result.logEvents(), result.capsules(),
                    result.journeys(), result.candidates(), SpanOperations.of(result.journeys())));
        }, batch -> {
            status.set(status.get() + " (stored in workspace " + target.location().getFileName() + ")");
            stored.set(batch);
        },
                failure -> notifier.error("Storing in the workspace failed",
                        "The analysis is still shown; the workspace keeps what it had before. " + failure.getMessage(), failure));
    }

    /**
     * Lets go of the workspace, returning it (or null) for the caller to close off the FX thread; called when the
     * window closes, after {@link #settingsSaver()} took the settings to save.
     */
    public Workspace shutdown() {
        Workspace open = workspace.get();
        workspace.set(null);
        return open;
    }

    /**
     * The settings as they stand and the action that saves them: file I/O, so the caller runs it off the FX thread
     * (a failure is said on standard error: the window is going away).
     */
    public Runnable settingsSaver() {
        WorkbenchSettings snapshot = settings.get();
        return () -> {
            try {
                snapshot.save(home);
            } catch (java.io.IOException e) {
                System.err.println("slo-scout: settings not saved in " + home + ": " + e.getMessage());
            }
        };
    }

    /** Closes a workspace this model no longer shows, in the background: a commit in flight finishes first. */
    private void closeQuietly(Workspace w) {
        if (w == null) {
            return;
        }
        tasks.submit("Closing workspace " + w.location().getFileName(), progress -> {
            w.close();
            return w;
        }, closed -> { }, failure -> notifier.warning("The workspace did not close cleanly", failure.getMessage(), null));
    }
}
