package dev.sloscout.connectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
    @TempDir
    Path home;

    @Test
    void theEnvironmentFirstThenAnOwnerOnlyKeyFile() throws Exception {
        assertThat(new Tokens(Map.of("GITHUB_TOKEN", " ghp_env \n"), home).of("github")).contains("ghp_env");
        assertThat(new Tokens(Map.of(), home).of("gitlab")).isEmpty();

        Path file = Files.writeString(home.resolve("gitlab.token"), "glpat-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(new Tokens(Map.of(), home).of("gitlab")).contains("glpat-file");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new Tokens(Map.of(), home).of("gitlab")).isInstanceOf(PublishException.class)
                .hasMessageContaining("readable by others").hasMessageNotContaining("glpat-file");
        assertThat(new Tokens(Map.of(), home).where("github")).isEqualTo("$GITHUB_TOKEN or "
                + home.resolve("github.token"));
    }
}
