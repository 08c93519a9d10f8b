package dev.sloscout.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --version} tells the heap settings a JVM really runs with, read from the JVM, not assumed. */
class HeapSettingsTest {
    private static String version(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sloscout.app.Main", "--version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process child = builder.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aYoungGenerationFloorGivenToTheJvmIsReported() throws Exception {
        assertThat(version("-Xmx512m", "-XX:+UseG1GC", "-XX:NewSize=192m"))
                .contains("heap at most 512 MB (G1 Young Generation), young generation at least 192 MB");
    }

    @Test
    void withoutAFloorTheVersionSaysTheCollectorSizesItAndSuggestsOne() throws Exception {
        assertThat(version("-Xmx256m", "-XX:+UseSerialGC"))
                .contains("heap at most 24")
                .contains("young generation sized by the collector (large dumps: -XX:NewSize=256m)");
    }
}
