package dev.sloscout.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sloscout.app.Version;
import dev.sloscout.app.artifacts.ArtifactsView;
import dev.sloscout.app.artifacts.ArtifactsViewModel;
import dev.sloscout.app.capsules.CapsulesView;
import dev.sloscout.app.capsules.CapsulesViewModel;
import dev.sloscout.app.journeys.JourneysView;
import dev.sloscout.app.journeys.JourneysViewModel;
import dev.sloscout.app.slostudio.SloStudioView;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The workbench's composition root: builds the view models and views by constructor, shows the window at once,
 * then opens the workspace and (with {@code --demo}) the demo in the background. {@code --screenshot DIR} writes
 * one PNG per main view once the analysis is in, then exits.
 */
public final class WorkbenchApplication extends Application {
    private MainViewModel model;
    private FxBackgroundTasks tasks;
    private JourneysView journeysView;
    private MainWindow window;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        List<String> args = getParameters().getRaw();
        boolean demo = args.contains("--demo");
        int shot = args.indexOf("--screenshot");
        Path screenshots = shot >= 0 && shot + 1 < args.size() ? Path.of(args.get(shot + 1)) : null;

        Path home = WorkbenchSettings.home();
        WorkbenchSettings settings = WorkbenchSettings.load(home);
        applyTheme(settings.dark());
        tasks = new FxBackgroundTasks(2);
        Notifier notifier = new ControlsFxNotifier(() -> stage);
        model = new MainViewModel(tasks, Platform::runLater, notifier, settings, home);
        JourneysViewModel journeys = new JourneysViewModel(model.analysisProperty());
        CapsulesViewModel capsules = new CapsulesViewModel(model.analysisProperty(), model.workspaceProperty(), tasks);
        SloStudioViewModel studio = new SloStudioViewModel(model.analysisProperty());
        ArtifactsViewModel artifacts = new ArtifactsViewModel(model.analysisProperty(), studio.tuned(), tasks,
                folder -> model.settingsProperty().set(model.settingsProperty().get().withExportFolder(folder.toString())));
        Dialogs dialogs = new FxDialogs(() -> stage);
        journeysView = new JourneysView(journeys);
        window = new MainWindow(model, new MainWindow.Parts(dialogs, tasks, journeysView, journeys,
                new CapsulesView(capsules, traceId -> {
                    window.show("journeys");
                    if (!journeys.reveal(traceId)) {
                        notifier.info("Trace not kept", "Trace " + traceId + " is not one of the journeys' sample traces, "
                                + "so its spans were not kept for a waterfall.");
                    }
                }), text -> {
                    capsules.queryProperty().set(text);
                    capsules.search();
                }, new SloStudioView(studio), studio,
                new ArtifactsView(artifacts, () -> dialogs.chooseFolder("Export the bundle into a folder")), this::applyTheme));

        Scene scene = new Scene(window, settings.width(), settings.height());
        scene.getStylesheets().add(WorkbenchApplication.class.getResource("workbench.css").toExternalForm());
        primary.setTitle("SLO-Scout Workbench " + Version.current());
        primary.setScene(scene);
        if (!Double.isNaN(settings.x()) && !Double.isNaN(settings.y()) && screenshots == null) {
            primary.setX(settings.x());
            primary.setY(settings.y());
        }
        primary.setMaximized(settings.maximized() && screenshots == null);
        primary.setOnHidden(e -> remember());
        primary.show();
        if (Boolean.getBoolean("sloscout.startupProbe")) {
            System.err.printf("window shown %d ms after JVM start%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        }

        Path workspace = demo ? home.resolve("workspaces").resolve("demo")
                : settings.recentWorkspaces().isEmpty() ? home.resolve("workspaces").resolve("workbench")
                : Path.of(settings.recentWorkspaces().get(0));
        model.openWorkspace(workspace);
        if (settings.exportFolder() != null) {
            artifacts.loadPrevious(Path.of(settings.exportFolder()));
        }
        if (demo) {
            model.openDemo();
        }
        if (screenshots != null) {
            whenAnalysed(() -> Screenshots.take(scene, window, screenshots, files -> {
                System.out.println(files.size() + " screenshots -> " + screenshots);
                exit(0);
            }, failure -> {
                System.err.println("slo-scout: screenshots into " + screenshots + " failed: " + failure.getMessage());
                exit(2);
            }));
        }
    }

    private void whenAnalysed(Runnable then) {
        model.analysisProperty().addListener((o, a, b) -> {
            if (b != null) {
                Platform.runLater(then);
            }
        });
    }

    private void exit(int code) {
        stop();
        Platform.exit();
        System.exit(code);
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void remember() {
        if (stage != null && model != null) {
            model.settingsProperty().set(model.settingsProperty().get().withWindow(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
    }

    @Override
    public void stop() {
        if (model == null) {
            return;
        }
        remember();
        model.shutdown();
        window.dispose();
        journeysView.dispose();
        tasks.close();
        model = null;
    }
}
