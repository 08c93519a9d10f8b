package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.app.serve.ServeToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slo-scout serve}: where it listens and where its token comes from. */
class ServeCommandTest {
    @TempDir
    Path home;

    @Test
    void listensOnLoopbackWithAGeneratedOwnerOnlyTokenThatIsNeverPrinted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), home, Clock.systemUTC()))
                .execute("--listen", "127.0.0.1:0", "--seconds", "0");
        assertThat(code).as(err.toString()).isZero();
        Path file = home.resolve("serve.token");
        String token = Files.readString(file).strip();
        assertThat(token).hasSize(64);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString()).startsWith("serving http://127.0.0.1:").contains("token generated into " + file)
                .contains("uploads only").doesNotContain(token);
        assertThat(ServeToken.resolve(Map.of(), home).value()).as("kept for the next start").isEqualTo(token);
        assertThat(ServeToken.resolve(Map.of("SLO_SCOUT_TOKEN", "from-env"), home).value()).isEqualTo("from-env");
        assertThat(ServeToken.resolve(Map.of(), home).toString()).doesNotContain(token);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ServeToken.resolve(Map.of(), home)).hasMessageContaining("readable by others");
    }
}
