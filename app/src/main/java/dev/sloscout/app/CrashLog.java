package dev.sloscout.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Where an unexpected failure goes: one clear line for the user, the whole stack trace in a file under
 * {@code ~/.slo-scout/logs/} (owner-only; the line names it), so nothing reaches users as {@code slo-scout: null}
 * and nothing is lost for the report.
 */
public final class CrashLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(java.time.ZoneOffset.UTC);

    private CrashLog() {
    }

    /** {@code -Dsloscout.home}, else {@code ~/.slo-scout}: where the CLI and the workbench keep their files. */
    public static Path home() {
        String override = System.getProperty("sloscout.home");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".slo-scout");
    }

    /** What the user reads: the failure in one line (its type when it has no message), never {@code null}. */
    public static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank() ? "unexpected " + failure.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (failure instanceof OutOfMemoryError) {
            text = "out of memory (" + text + "); give the JVM more heap (-Xmx) or read less at once";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * Writes the stack trace (and the command) to a new file under {@code home/logs}; returns it, or null when even
     * that failed (the caller still prints the one line).
     */
    public static Path write(Path home, Clock clock, String command, Throwable failure) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("slo-scout " + Version.current() + " on Java " + System.getProperty("java.version") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            w.println("command: " + command);
            w.println("at: " + clock.instant());
            failure.printStackTrace(w);
        }
        try {
            Path logs = Files.createDirectories(home.resolve("logs"));
            Path file = logs.resolve("slo-scout-" + STAMP.format(clock.instant()) + "-" + ProcessHandle.current().pid()
                    + ".log");
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder is the user's own already
            }
            return file;
        } catch (IOException e) {
            return null;
        }
    }
}
