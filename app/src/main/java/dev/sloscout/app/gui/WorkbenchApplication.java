package dev.sloscout.app.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The workbench application: shows the window at once, then opens the workspace and (with {@code --demo}) the demo
 * in the background. {@code --screenshot DIR} writes one PNG per main view once the analysis is in, then exits.
 */
public final class WorkbenchApplication extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        boolean demo = args.contains("--demo");
        int shot = args.indexOf("--screenshot");
        Path screenshots = shot >= 0 && shot + 1 < args.size() ? Path.of(args.get(shot + 1)) : null;
        Path home = WorkbenchSettings.home();
        workbench = new Workbench(stage, home, owner -> new FxDialogs(() -> owner));
        WorkbenchSettings settings = workbench.model().settingsProperty().get();
        if (screenshots == null) {
            if (!Double.isNaN(settings.x()) && !Double.isNaN(settings.y())) {
                stage.setX(settings.x());
                stage.setY(settings.y());
            }
            stage.setMaximized(settings.maximized());
        }
        stage.show();
        String probe = System.getProperty("sloscout.startupProbe");
        if (probe != null) { // the startup benchmark (app/bench/startup.sh): time to a window on screen
            System.err.printf("window shown %d ms after JVM start%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            if (probe.equals("exit")) {
                Platform.runLater(() -> exit(0));
                return;
            }
        }
        workbench.openRemembered(home, demo);
        if (demo) {
            workbench.model().openDemo();
        }
        if (screenshots != null) {
            workbench.model().analysisProperty().addListener((o, a, b) -> {
                if (b != null) {
                    Platform.runLater(() -> Screenshots.take(workbench.scene(), workbench.window(), screenshots, files -> {
                        System.out.println(files.size() + " screenshots -> " + screenshots);
                        exit(0);
                    }, failure -> {
                        System.err.println("slo-scout: screenshots into " + screenshots + " failed: " + failure.getMessage());
                        exit(2);
                    }));
                }
            });
        }
    }

    private void exit(int code) {
        try {
            stop();
            Platform.exit();
        } finally {
            System.exit(code); // whatever failed while closing, a scripted run ends with its exit code
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
            workbench = null;
        }
    }
}
