package dev.sloscout.app.workbench;

import dev.sloscout.app.fx.ControlsFxNotifier;
import dev.sloscout.app.fx.Dialogs;
import dev.sloscout.app.fx.FxBackgroundTasks;
import dev.sloscout.app.fx.Notifier;
import dev.sloscout.app.shell.MainViewModel;
import dev.sloscout.app.quality.DataQualityView;
import dev.sloscout.app.quality.DataQualityViewModel;
import dev.sloscout.app.shell.MainWindow;
import dev.sloscout.app.shell.WorkbenchSettings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sloscout.app.Version;
import dev.sloscout.app.advisor.AdvisorPanel;
import dev.sloscout.app.advisor.AdvisorViewModel;
import dev.sloscout.app.live.LiveSourcesView;
import dev.sloscout.app.live.LiveSourcesViewModel;
import dev.sloscout.app.search.SearchView;
import dev.sloscout.app.search.SearchViewModel;
import dev.sloscout.assist.Embedder;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import dev.sloscout.app.artifacts.ArtifactsView;
import dev.sloscout.app.artifacts.ArtifactsViewModel;
import dev.sloscout.app.capsules.CapsulesView;
import dev.sloscout.app.capsules.CapsulesViewModel;
import dev.sloscout.app.journeys.CompareView;
import dev.sloscout.app.journeys.CompareViewModel;
import dev.sloscout.app.journeys.JourneysView;
import dev.sloscout.app.journeys.JourneysViewModel;
import dev.sloscout.app.slostudio.SloStudioView;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Function;

/**
 * The composition root of the workbench: view models and views wired by constructor into a stage. The application
 * and the UI tests build it the same way; only the dialogs differ.
 */
public final class Workbench {
    private final Stage stage;
    private final MainViewModel model;
    private final FxBackgroundTasks tasks;
    private final MainWindow window;
    private final JourneysViewModel journeys;
    private final CapsulesViewModel capsules;
    private final SloStudioViewModel studio;
    private final ArtifactsViewModel artifacts;
    private final CompareViewModel compare;
    private final SearchViewModel search;
    private final AdvisorViewModel advisor;
    private final LiveSourcesViewModel live;
    private LiveSourcesView liveView;
    private final Scene scene;
    private JourneysView journeysView;
    private CompletableFuture<Void> closed;
    private final Object embedderLoad = new Object();
    private Embedder embedder;

    /**
     * Builds the window into {@code stage} (not yet shown).
     *
     * @param dialogs the dialogs to ask through, given the stage (the native ones, or a test's answers)
     */
    public Workbench(Stage stage, Path home, Function<Stage, Dialogs> dialogs) {
        this.stage = stage;
        WorkbenchSettings settings = WorkbenchSettings.load(home);
        applyTheme(settings.dark());
        tasks = new FxBackgroundTasks(2);
        Notifier notifier = new ControlsFxNotifier(() -> stage);
        model = new MainViewModel(tasks, Platform::runLater, notifier, settings, home);
        journeys = new JourneysViewModel(model.analysisProperty());
        search = new SearchViewModel(model.workspaceProperty(), model.storedProperty(), tasks, this::embedder);
        capsules = new CapsulesViewModel(model.analysisProperty(), model.workspaceProperty(), tasks, (id, limit) ->
                search.similar(id, limit).stream().map(r -> Map.entry(r.capsuleId(), r.similarity())).toList());
        studio = new SloStudioViewModel(model.analysisProperty());
        live = new LiveSourcesViewModel(tasks, Platform::runLater, model::showLive, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5), model.optionsProperty()::get);
        advisor = new AdvisorViewModel(studio, model.analysisProperty(), model.workspaceProperty(), tasks, home);
        artifacts = new ArtifactsViewModel(model.analysisProperty(), studio.tuned(), model.optionsProperty(), tasks,
                folder -> model.settingsProperty().set(model.settingsProperty().get().withExportFolder(folder.toString())),
                ArtifactsViewModel::promtool);
        model.optionsProperty().addListener((o, was, now) -> model.settingsProperty().set(model.settingsProperty().get()
                .withRulesProfile(now.export().profile().name()))); // remembered for the next run
        Dialogs ask = dialogs.apply(stage);
        compare = new CompareViewModel(model.analysisProperty(), () -> new CompareViewModel.Opened(
                model.openedFiles(), model.openedDemoScale()), () -> model.optionsProperty().get(), tasks);
        artifacts.auditTo(home.resolve("policy-audit.jsonl"));
        artifacts.onPolicyChosen(file -> model.settingsProperty().set(model.settingsProperty().get()
                .withPolicyFile(file == null ? null : file.toString())));
        if (settings.policyFile() != null) {
            artifacts.loadPolicy(Path.of(settings.policyFile()));
        }
        Runnable export = () -> {
            Path folder = ask.chooseFolder("Export the bundle into a folder");
            if (folder == null) {
                return;
            }
            if (artifacts.blockedProperty().get()) {
                String reason = ask.overrideReason(artifacts.blockingReasons());
                if (reason != null) {
                    artifacts.exportOverriding(folder, reason);
                    return;
                }
            }
            artifacts.export(folder); // refused, saying why, while the policy blocks the bundle
        };
        Runnable publish = () -> {
            java.util.List<String> remembered = model.settingsProperty().get().publishTarget();
            java.util.List<String> answer = ask.publishTarget(remembered != null && remembered.size() == 7 ? remembered
                    : java.util.List.of("", "slo-scout/workbench", "main", "slo/", "none", "https://api.github.com",
                            ""));
            if (answer != null && answer.size() == 7) {
                model.settingsProperty().set(model.settingsProperty().get().withPublishTarget(answer));
                artifacts.publish(new ArtifactsViewModel.PublishTarget(answer.get(0), answer.get(1), answer.get(2),
                        answer.get(3), answer.get(4).toLowerCase(java.util.Locale.ROOT), answer.get(5),
                        answer.get(6)), new dev.sloscout.connectors.git.Tokens(System.getenv(), home));
            }
        };
        Runnable choosePolicy = () -> {
            Path file = ask.choosePolicy();
            if (file != null) {
                artifacts.loadPolicy(file);
            }
        };
        window = new MainWindow(model, new MainWindow.Parts(ask, tasks, () -> journeysView = new JourneysView(journeys),
                () -> new CapsulesView(capsules, this::revealTrace),
                () -> new SloStudioView(studio, new AdvisorPanel(advisor)), studio,
                () -> new ArtifactsView(artifacts, export, choosePolicy, publish), export, () -> new SearchView(search, this::openHit), search,
                () -> liveView = new LiveSourcesView(live),
                () -> new DataQualityView(new DataQualityViewModel(model.analysisProperty()), this::revealTrace,
                        this::revealCapsule), () -> new CompareView(compare, ask::chooseFiles), Workbench::applyTheme));
        scene = new Scene(window, settings.width(), settings.height());
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("SLO-Scout Workbench " + Version.current());
        stage.setScene(scene);
        stage.setOnHidden(e -> remember());
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeWindow();
        });
    }

    /** How long the window stays up, saying so, while the work in flight and the workspace close. */
    static final java.time.Duration CLOSING_SHOWN_AT_MOST = java.time.Duration.ofSeconds(10);

    /**
     * The user closed the window: it stays up, disabled and saying what it waits for, until everything is closed or
     * {@link #CLOSING_SHOWN_AT_MOST} has passed; then it goes. A commit still running after that finishes before the
     * process ends (the closing thread keeps the JVM up), and a workspace killed even then reopens safely.
     */
    void closeWindow() {
        if (closed != null) {
            return;
        }
        model.statusProperty().set("Closing: finishing the work in flight and closing the workspace...");
        // input is refused from here on; disabling the window instead restyles every node in it on the FX thread
        // (90-130 ms measured on one busy core), just as the user waits for the window to go
        scene.addEventFilter(InputEvent.ANY, Event::consume);
        scene.setCursor(Cursor.WAIT);
        close().orTimeout(CLOSING_SHOWN_AT_MOST.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, failure) -> {
            if (failure != null) {
                System.err.println("slo-scout: the workspace is still closing after " + CLOSING_SHOWN_AT_MOST.toSeconds()
                        + " s; the window goes now and the process ends when it has closed");
            }
            Platform.runLater(stage::hide);
        });
    }

    /** The embedding model, loaded on first use (a background task asks for it), then kept for this window. */
    private Embedder embedder() {
        synchronized (embedderLoad) {
            if (embedder == null) {
                embedder = new Embedder();
            }
            return embedder;
        }
    }

    private void openHit(SearchViewModel.Hit hit) {
        switch (hit.kind()) {
            case "capsule" -> {
                window.show("capsules");
                capsules.reveal(hit.id());
            }
            case "journey" -> {
                window.show("journeys");
                journeys.rows().stream().filter(r -> r.id().equals(hit.id())).findFirst()
                        .ifPresent(journeys.selectedProperty()::set);
            }
            case "sli" -> {
                window.show("slo-studio");
                studio.candidates().stream().filter(c -> c.id().equals(hit.id())).findFirst()
                        .ifPresent(studio.selectedProperty()::set);
            }
            case "operation" -> {
                window.show("journeys");
                journeys.rows().stream().filter(r -> hit.label().startsWith(r.journey().entry().service() + ": "))
                        .findFirst().ifPresent(journeys.selectedProperty()::set);
            }
            default -> { }
        }
    }

    private void revealCapsule(String capsuleId) {
        window.show("capsules");
        capsules.reveal(capsuleId);
    }

    private void revealTrace(String traceId) {
        window.show("journeys");
        if (!journeys.reveal(traceId)) {
            model.notifier().info("Trace not kept", "Trace " + traceId + " is not one of the journeys' sample traces, so "
                    + "its spans were not kept for a waterfall.");
        }
    }

    /** Opens the last workspace (or the default one) and the previous export, in the background. */
    public void openRemembered(Path home, boolean demo) {
        WorkbenchSettings settings = model.settingsProperty().get();
        Path workspace = demo ? home.resolve("workspaces").resolve("demo")
                : settings.recentWorkspaces().isEmpty() ? home.resolve("workspaces").resolve("workbench")
                : Path.of(settings.recentWorkspaces().get(0));
        model.openWorkspace(workspace);
        if (settings.exportFolder() != null) {
            artifacts.loadPrevious(Path.of(settings.exportFolder()));
        }
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void remember() {
        model.settingsProperty().set(model.settingsProperty().get().withWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
    }

    /**
     * Stops the background work and lets go of the window at once; the settings are saved and the live sources, the
     * vector index and the workspace closed on a closing thread (a commit in flight finishes first), so the FX thread
     * never waits on them. The returned future completes when everything is closed; what failed to close is reported
     * on standard error, as the window is gone by then.
     */
    /** How long closing waits for a running task (a workspace write, say) to finish before closing under it. */
    private static final java.time.Duration TASKS_FINISH_WITHIN = java.time.Duration.ofSeconds(30);

    public CompletableFuture<Void> close() {
        if (closed != null) {
            return closed;
        }
        closed = new CompletableFuture<>();
        remember();
        if (liveView != null) {
            liveView.dispose();
        }
        Runnable saveSettings = model.settingsSaver();
        Workspace workspace = model.shutdown();
        window.dispose();
        if (journeysView != null) {
            journeysView.dispose();
        }
        tasks.close();
        CompletableFuture<Void> done = closed;
        Thread closing = new Thread(() -> {
            try {
                saveSettings.run(); // file I/O: never on the FX thread
                try {
                    if (!tasks.awaitIdle(TASKS_FINISH_WITHIN)) {
                        System.err.println("slo-scout: background work still running after "
                                + TASKS_FINISH_WITHIN.toSeconds() + " s; closing anyway");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                live.close();
                try {
                    search.close();
                } catch (IOException | RuntimeException e) {
                    System.err.println("slo-scout: the vector index did not close cleanly: " + e.getMessage());
                }
                if (workspace != null) {
                    try {
                        workspace.close();
                    } catch (WorkspaceException | RuntimeException e) {
                        System.err.println("slo-scout: the workspace did not close cleanly: " + e.getMessage());
                    }
                }
            } finally {
                done.complete(null);
            }
        }, "slo-scout-closing");
        closing.setDaemon(false); // the JVM waits for the workspace to close
        closing.start();
        return done;
    }

    public MainViewModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    public Scene scene() {
        return scene;
    }

    public JourneysViewModel journeys() {
        return journeys;
    }

    public CapsulesViewModel capsules() {
        return capsules;
    }

    public SloStudioViewModel studio() {
        return studio;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public ArtifactsViewModel artifacts() {
        return artifacts;
    }

    public SearchViewModel search() {
        return search;
    }

    public LiveSourcesViewModel live() {
        return live;
    }

    public AdvisorViewModel advisor() {
        return advisor;
    }

    public FxBackgroundTasks tasks() {
        return tasks;
    }
}
