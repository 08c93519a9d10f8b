package dev.sloscout.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the CLI's streams are a terminal, where a person reads them (progress in place, text cleaned). */
public final class Terminals {
    private Terminals() {
    }

    /**
     * Whether stderr is a terminal: on Linux by what file descriptor 2 is (so {@code analyze ... > summary.txt} still
     * shows progress), elsewhere by {@link #interactive()}.
     */
    static boolean stderrIsATerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(stderr)) {
                return isTerminalDevice(Files.readSymbolicLink(stderr).toString());
            }
        } catch (IOException | SecurityException unknown) {
            // as on systems without /proc
        }
        return interactive();
    }

    /** A pseudo-terminal or a console, by the device file a descriptor is open on. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    /**
     * Whether stdin and stdout are a terminal. Up to JDK 21 that is {@link System#console()} being there; from JDK 22
     * there is always a console, and {@code Console.isTerminal()} (asked by reflection: the code is built for 17) says.
     */
    @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException beforeJdk22) {
            return true; // no isTerminal(): a console is a terminal
        }
    }
}
