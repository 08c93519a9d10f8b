package dev.sloscout.app;

import dev.sloscout.app.cli.SloScoutCommand;
import dev.sloscout.app.cli.TerminalSafeStream;
import dev.sloscout.app.cli.Terminals;
import dev.sloscout.app.workbench.WorkbenchLauncher;

/**
 * The one entry point of {@code slo-scout.jar}: with a subcommand or an option it runs headless; with no arguments,
 * GUI flags, or files and folders alone it opens the workbench (on those inputs).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setErr(new TerminalSafeStream(System.err)); // the workbench, too, prints problems that quote data
        if (Terminals.interactive()) { // a person reads stdout's tables; redirected, results keep their bytes
            System.setOut(new TerminalSafeStream(System.out));
        }
        if (WorkbenchLauncher.wantsGui(args, SloScoutCommand::isCommand)) {
            System.exit(WorkbenchLauncher.launch(args));
        }
        System.exit(SloScoutCommand.run(args, System.in, System.out, System.err));
    }
}
