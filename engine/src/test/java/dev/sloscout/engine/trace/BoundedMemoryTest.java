package dev.sloscout.engine.trace;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assembler's memory stays bounded on inputs far larger than the heap: 4 million spans (about 1.5 GB as live
 * objects if kept) go through a JVM limited to 48 MB of heap. A load suite (a child JVM, 10-15 s): in the slow profile,
 * which .ci/run runs after the README's command.
 */
@Tag("slow")
class BoundedMemoryTest {

    @Test
    void millionsOfSpansThroughASmallHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                AssemblerSoak.class.getName(), "4000000", "150000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("soak finished in time").isTrue();
        assertThat(process.exitValue()).as("soak exit code (3 = counts wrong, OOM otherwise)").isZero();
        String[] fields = out.split(" ");
        assertThat(Long.parseLong(fields[0])).isEqualTo(4_000_000L);
        assertThat(Long.parseLong(fields[4])).as("peak open spans").isLessThanOrEqualTo(150_001L);
    }
}
