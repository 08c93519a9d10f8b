package dev.sloscout.connectors.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a hosting token comes from: the environment ({@code GITHUB_TOKEN}, {@code GITLAB_TOKEN}), else a key file
 * readable by its owner only ({@code ~/.slo-scout/github.token}, {@code gitlab.token}); never the command line, and
 * never printed. A key file others can read is refused, as ssh refuses such a private key.
 */
public final class Tokens {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Map<String, String> environment;
    private final Path home;

    /** @param home the folder of the key files ({@code ~/.slo-scout}) */
    public Tokens(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /**
     * The token of a hosting ({@code github} or {@code gitlab}), or empty.
     *
     * @throws PublishException when the key file is readable by others or unreadable
     */
    public Optional<String> of(String hosting) throws PublishException {
        String variable = hosting.toUpperCase(java.util.Locale.ROOT) + "_TOKEN";
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        Path file = home.resolve(hosting + ".token");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new PublishException(file + ": the token file is readable by others; run chmod 600 " + file);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new PublishException(file + ": cannot read the token file: " + e.getMessage(), e);
        }
    }

    /** {@code $VARIABLE} or the key file, as the messages name them. */
    public String where(String hosting) {
        return "$" + hosting.toUpperCase(java.util.Locale.ROOT) + "_TOKEN or " + home.resolve(hosting + ".token");
    }
}
