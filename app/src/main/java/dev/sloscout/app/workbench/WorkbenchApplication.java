package dev.sloscout.app.workbench;

import dev.sloscout.app.fx.FxDialogs;
import dev.sloscout.app.shell.MainViewModel;
import dev.sloscout.app.shell.WorkbenchSettings;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.sloscout.pipeline.PipelineOptions;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench application: shows the window at once, then opens the workspace and the inputs given on the command
 * line ({@code --demo}, or files and folders, as the installers' file associations pass them) in the background,
 * with {@code --metrics-profile FILE} and {@code --rules-profile NAME} as {@code analyze} takes them.
 * {@code --screenshot DIR} writes one PNG per main view once the analysis is in, then exits.
 */
public final class WorkbenchApplication extends Application {
    private Workbench workbench;

    /** What the command line asks of the workbench. */
    record Arguments(boolean demo, Path screenshots, List<Path> inputs, Path metricsProfile, String rulesProfile,
                     double demoScale) {
        Arguments(boolean demo, Path screenshots, List<Path> inputs) {
            this(demo, screenshots, inputs, null, null, 1);
        }

        static Arguments parse(List<String> args) {
            boolean demo = false;
            Path screenshots = null;
            Path metricsProfile = null;
            String rulesProfile = null;
            double demoScale = 1;
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--demo")) {
                    demo = true;
                } else if (arg.equals("--metrics-profile") && i + 1 < args.size()) {
                    metricsProfile = Path.of(args.get(++i));
                } else if (arg.equals("--demo-scale") && i + 1 < args.size()) {
                    demoScale = Double.parseDouble(args.get(++i));
                } else if (arg.equals("--rules-profile") && i + 1 < args.size()) {
                    rulesProfile = args.get(++i);
                } else if (arg.equals("--screenshot") && i + 1 < args.size()) {
                    screenshots = Path.of(args.get(++i));
                } else if (arg.startsWith("file:")) {
                    inputs.add(Path.of(java.net.URI.create(arg))); // desktop launchers may pass a URI (%U)
                } else if (!arg.startsWith("-") || arg.equals("-")) {
                    inputs.add(Path.of(arg));
                }
            }
            return new Arguments(demo, screenshots, List.copyOf(inputs), metricsProfile, rulesProfile, demoScale);
        }
    }

    @Override
    public void start(Stage stage) {
        Arguments arguments = Arguments.parse(getParameters().getRaw());
        boolean demo = arguments.demo();
        Path screenshots = arguments.screenshots();
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
        try { // the command line wins over the settings, as analyze's flags do
            PipelineOptions options = workbench.model().optionsProperty().get();
            options = arguments.metricsProfile() == null ? options : options.withCustomProfile(arguments.metricsProfile());
            options = arguments.rulesProfile() == null ? options : options.withRulesProfile(arguments.rulesProfile());
            workbench.model().optionsProperty().set(options);
        } catch (IllegalArgumentException e) {
            System.err.println("slo-scout: " + e.getMessage());
            workbench.model().notifier().warning("An option on the command line was not used", e.getMessage(), null);
        }
        workbench.openRemembered(home, demo);
        if (screenshots != null) {
            MainViewModel model = workbench.model();
            model.analysingProperty().addListener((o, was, now) -> {
                if (was && !now) { // judged after the result handler has run to its end
                    Platform.runLater(() -> {
                        if (model.analysisProperty().get() == null) {
                            System.err.println("slo-scout: " + model.statusProperty().get());
                            exit(2); // the analysis failed: no views to take, and a scripted run must not wait
                        }
                    });
                }
            });
        }
        if (demo) {
            workbench.model().openDemo(arguments.demoScale());
        } else if (!arguments.inputs().isEmpty()) {
            workbench.model().open(arguments.inputs());
        }
        if (screenshots != null) {
            workbench.model().analysisProperty().addListener((o, a, b) -> {
                if (b != null) {
                    // a scripted run says what it analysed and, like the CLI, exits 1 when some input had problems
                    System.out.println("analysed: " + MainViewModel.describe(b));
                    b.problems().forEach(p -> System.err.println("slo-scout: " + p.toLine()));
                    int code = b.problems().isEmpty() ? 0 : 1;
                    Runnable shoot = () -> Screenshots.take(workbench.scene(), workbench.window(), screenshots, files -> {
                        System.out.println(files.size() + " screenshots -> " + screenshots);
                        exit(code);
                    }, failure -> {
                        System.err.println("slo-scout: screenshots into " + screenshots + " failed: " + failure.getMessage());
                        exit(2);
                    });
                    // the Compare view is shown with a comparison: the data split at the middle of its time range
                    Platform.runLater(() -> {
                        var compare = workbench.compare();
                        compare.runningProperty().addListener((o2, was, running) -> {
                            if (!running) {
                                Platform.runLater(shoot);
                            }
                        });
                        compare.compare();
                        if (!compare.runningProperty().get()) {
                            shoot.run();
                        }
                    });
                }
            });
        }
    }

    /** Ends a scripted run with {@code code} once the workspace is closed (at most a minute, then regardless). */
    private void exit(int code) {
        CompletableFuture<Void> closed = closeWorkbench();
        Platform.exit();
        closed.orTimeout(1, TimeUnit.MINUTES).whenComplete((done, failure) -> System.exit(code));
    }

    @Override
    public void stop() {
        closeWorkbench();
    }

    private CompletableFuture<Void> closeWorkbench() {
        if (workbench == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> closed;
        try {
            closed = workbench.close();
        } catch (RuntimeException e) {
            System.err.println("slo-scout: closing the workbench failed: " + e.getMessage());
            closed = CompletableFuture.completedFuture(null);
        }
        workbench = null;
        return closed;
    }
}
