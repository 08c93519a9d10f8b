package dev.sloscout.installers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged launcher, with only its bundled runtime, runs the CLI; the .deb installs the same into a root. */
class PackagedAppIT {
    private static final Path DEST = Path.of(System.getProperty("jpackage.dest", "target/jpackage"));
    private static final Path EXAMPLES = Path.of(System.getProperty("examples", "../examples"));

    @TempDir
    Path root;

    private static String run(Path launcher, String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), launcher, args);
    }

    private static String run(java.util.Map<String, String> env, Path launcher, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", "/usr/bin:/bin"); // no JDK of the build on the path: the bundled runtime only
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theAppImageLauncherRunsTheCliOnItsBundledRuntime() throws Exception {
        Path launcher = DEST.resolve("slo-scout/bin/slo-scout");
        assumeTrue(Files.isExecutable(launcher), "no Linux app image at " + launcher);

        assertThat(run(launcher, "--version")).startsWith("slo-scout ")
                .contains("young generation at least 256 MB"); // the launcher's JVM options (common.args)
        assertThat(run(launcher, "ingest-stats", EXAMPLES.resolve("shop.otlp.pb").toString(), "--json"))
                .contains("\"spans\" : 49");
        assertThat(DEST.resolve("slo-scout/lib/runtime/release")).exists();
    }

    @Test
    void thePackagedWorkbenchOpensARealWindowOnTheDemoAndWritesEveryView() throws Exception {
        Path launcher = DEST.resolve("slo-scout/bin/slo-scout");
        assumeTrue(Files.isExecutable(launcher), "no Linux app image at " + launcher);
        Path xvfbRun = Path.of("/usr/bin/xvfb-run");
        assumeTrue(Files.isExecutable(xvfbRun), "no xvfb-run here");
        Path shots = root.resolve("shots");
        Path home = root.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("workbench.json"), "{\"width\": 1200, \"height\": 760}");
        String out = run(java.util.Map.of("JAVA_TOOL_OPTIONS", "-Dsloscout.home=" + home), xvfbRun, "-a", "-s",
                "-screen 0 1400x900x24", launcher.toString(), "--demo", "--screenshot", shots.toString());
        assertThat(out).contains("6 screenshots -> " + shots);
        for (String view : List.of("journeys", "capsules", "slo-studio", "artifacts", "data-quality", "compare")) {
            assertThat(Files.size(shots.resolve(view + ".png"))).as(view).isGreaterThan(20_000);
        }
    }

    @Test
    void aDumpGivenToTheLauncherAsItsFileAssociationsDoIsOpenedInTheWorkbench() throws Exception {
        Path launcher = DEST.resolve("slo-scout/bin/slo-scout");
        assumeTrue(Files.isExecutable(launcher), "no Linux app image at " + launcher);
        Path xvfbRun = Path.of("/usr/bin/xvfb-run");
        assumeTrue(Files.isExecutable(xvfbRun), "no xvfb-run here");
        Path shots = root.resolve("shots");
        Path home = root.resolve("home");
        Files.createDirectories(home);
        Path dump = EXAMPLES.resolve("shop.otlp.jsonl").toAbsolutePath();
        String out = run(java.util.Map.of("JAVA_TOOL_OPTIONS", "-Dsloscout.home=" + home), xvfbRun, "-a", "-s",
                "-screen 0 1400x900x24", launcher.toString(), dump.toUri().toString(), "--screenshot",
                shots.toString());
        assertThat(out).contains("49 spans").contains("6 screenshots -> " + shots);
        assertThat(Files.size(shots.resolve("journeys.png"))).isGreaterThan(20_000);
    }

    @Test
    void theBundledRuntimeHasWhatTheWorkspaceTheEmbeddingsAndTheAdvisorNeed() throws Exception {
        Path launcher = DEST.resolve("slo-scout/bin/slo-scout");
        assumeTrue(Files.isExecutable(launcher), "no Linux app image at " + launcher);
        Path log = root.resolve("auth.log");
        Files.writeString(log, "2024-01-01 10:00:00 WARN a.Login: Login request of username alice rejected\n"
                + "2024-01-01 10:00:01 INFO a.Disk: volume /data at 91 percent\n");
        // H2 + Lucene (java.sql, jdk.unsupported) and ONNX Runtime with its natives
        String found = run(launcher, "search", log.toString(), "--query", "sign-in failures", "--semantic", "--json");
        assertThat(found.indexOf("Login request of username alice rejected")).isPositive()
                .isLessThan(found.indexOf("volume <PATH>"));
        assertThat(found).doesNotContain("Lucene cannot optimize"); // jdk.management is in the runtime
        // the advisor's HTTP client (java.net.http): an unreachable endpoint is an answer, not a crash
        Path traces = root.resolve("shop.jsonl");
        run(launcher, "demo-data", "--out", traces.toString(), "--days", "1", "--scale", "0.05");
        assertThat(run(launcher, "advise", traces.toString(), "--task", "triage", "--endpoint",
                "http://127.0.0.1:9/v1", "--timeout", "2", "--key-file", root.resolve("k").toString()))
                .contains("\"fromModel\" : false").contains("the advisor did not answer");
    }

    @Test
    void theDebInstallsTheAppWithDesktopEntryFileAssociationsAndTheCliOnThePath() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(DEST)) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElse(null);
        }
        assumeTrue(deb != null, "no .deb was built (fakeroot/dpkg-deb missing)");
        Process extract = new ProcessBuilder("dpkg-deb", "-x", deb.toString(), root.toString()).inheritIO().start();
        assertThat(extract.waitFor()).isZero();
        Process control = new ProcessBuilder("dpkg-deb", "-e", deb.toString(), root.resolve("DEBIAN").toString()).inheritIO().start();
        assertThat(control.waitFor()).isZero();

        Path launcher = root.resolve("opt/slo-scout/bin/slo-scout");
        assertThat(run(launcher, "ingest-stats", EXAMPLES.resolve("shop.jaeger.json").toString(), "--json"))
                .contains("\"traces\" : 8");
        assertThat(root.resolve("opt/slo-scout/lib/slo-scout-slo-scout.desktop")).exists();
        assertThat(Files.readString(root.resolve("opt/slo-scout/lib/slo-scout-slo-scout-MimeInfo.xml")))
                .contains("*.jsonl").contains("*.otlp.json");
        assertThat(Files.readString(root.resolve("DEBIAN/postinst"))).contains("ln -sf /opt/slo-scout/bin/slo-scout /usr/bin/slo-scout");
        assertThat(Files.readString(root.resolve("DEBIAN/control"))).contains("libgtk-3-0").contains("Version: 0.1.0");
    }
}
