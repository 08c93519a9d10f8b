package dev.sloscout.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on CLI commands run as child JVMs, whose stderr goes to {@code *.log} files in a folder. */
final class ChildProcesses {
    private ChildProcesses() {
    }

    /**
     * Polls {@code condition} until it holds; past {@code within}, fails with {@code what} and the end of every
     * child's log in {@code logs} (what the children said is usually why).
     */
    static void await(BooleanSupplier condition, Duration within, Supplier<String> what, Path logs)
            throws InterruptedException, IOException {
        Instant end = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                StringBuilder said = new StringBuilder();
                try (var files = Files.list(logs)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                        String text = Files.readString(log);
                        said.append("\n--- ").append(log.getFileName()).append('\n')
                                .append(text.substring(Math.max(0, text.length() - 4000)));
                    }
                }
                throw new AssertionError("timed out waiting for " + what.get() + said);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
