package dev.sloscout.app;

import dev.sloscout.app.cli.SloScoutCommand;
import dev.sloscout.app.gui.WorkbenchLauncher;

/**
 * The one entry point of {@code slo-scout.jar}: with a subcommand or an option it runs headless, with no arguments
 * (or only GUI flags) it opens the workbench.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (WorkbenchLauncher.wantsGui(args)) {
            System.exit(WorkbenchLauncher.launch(args));
        }
        System.exit(SloScoutCommand.run(args, System.in, System.out, System.err));
    }
}
