package dev.sloscout.pipeline.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' promtool on an exported bundle when it is on the PATH: check rules, then the generated tests. */
public final class Promtool {
    private static final long TIMEOUT_MINUTES = 10;

    private Promtool() {
    }

    public record Result(String command, int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    /** The promtool executable, or null when there is none on the PATH. */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static List<Result> validate(Path promtool, Path bundle) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        Path rules = bundle.resolve("prometheus/rules");
        Path tests = bundle.resolve("prometheus/tests");
        if (Files.isDirectory(rules)) {
            try (var files = Files.list(rules)) {
                for (Path file : files.sorted().toList()) {
                    results.add(run(bundle, promtool.toString(), "check", "rules", bundle.relativize(file).toString()));
                }
            }
        }
        if (Files.isDirectory(tests)) {
            try (var files = Files.list(tests)) {
                for (Path file : files.sorted().toList()) {
                    results.add(run(bundle, promtool.toString(), "test", "rules", bundle.relativize(file).toString()));
                }
            }
        }
        return results;
    }

    private static Result run(Path workingDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(String.join(" ", command), -1, "timed out after " + TIMEOUT_MINUTES + " minutes");
        }
        return new Result(String.join(" ", List.of(command).subList(1, command.length)), process.exitValue(),
                new String(output, StandardCharsets.UTF_8).trim());
    }
}
