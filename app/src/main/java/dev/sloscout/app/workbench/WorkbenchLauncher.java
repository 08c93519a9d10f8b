package dev.sloscout.app.workbench;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Set;

/**
 * Starts the JavaFX workbench. Kept apart from {@link WorkbenchApplication} so the class-path launch works without
 * JavaFX modules on the module path.
 */
public final class WorkbenchLauncher {
    private static final Set<String> GUI_FLAGS = Set.of("--demo", "--screenshot", "--metrics-profile",
            "--rules-profile");

    private WorkbenchLauncher() {
    }

    /**
     * No arguments, GUI flags, or files and folders without a command mean the workbench ({@code slo-scout dump.jsonl}
     * is what a file association runs).
     *
     * @param isCommand whether a word is one of the CLI's subcommands
     */
    public static boolean wantsGui(String[] args, java.util.function.Predicate<String> isCommand) {
        if (args.length == 0 || GUI_FLAGS.contains(args[0])) {
            return true;
        }
        return !args[0].startsWith("-") && !isCommand.test(args[0]);
    }

    public static int launch(String[] args) {
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform")); // headless JavaFX needs no display
        if (!monocle && GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name", "").startsWith("Windows") && !System.getProperty("os.name", "").startsWith("Mac")) {
            System.err.println("slo-scout: no display to open the workbench on; run a subcommand instead (slo-scout --help)");
            return 2;
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> { // the stack trace in a file, a line to say so
            java.nio.file.Path log = dev.sloscout.app.CrashLog.write(dev.sloscout.app.CrashLog.home(),
                    java.time.Clock.systemUTC(), "workbench (thread " + thread.getName() + ")", failure);
            System.err.println("slo-scout: " + dev.sloscout.app.CrashLog.oneLine(failure)
                    + (log == null ? "" : " (details in " + log + ")"));
        });
        try {
            javafx.application.Application.launch(WorkbenchApplication.class, Arrays.copyOf(args, args.length));
            return 0;
        } catch (RuntimeException | LinkageError e) {
            System.err.println("slo-scout: the workbench could not start: " + e.getMessage());
            return 2;
        }
    }
}
