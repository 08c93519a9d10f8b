package dev.sloscout.assist.advisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The advisor's API key, in a file of its own (default {@code ~/.slo-scout/advisor.key}), outside any workspace,
 * readable and writable by its owner only. A key file that others can read is refused, the way ssh refuses a
 * private key.
 */
public final class AdvisorKeyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path file;

    public AdvisorKeyFile(Path file) {
        this.file = file;
    }

    public static AdvisorKeyFile inHome() {
        return new AdvisorKeyFile(Path.of(System.getProperty("user.home"), ".slo-scout", "advisor.key"));
    }

    public Path path() {
        return file;
    }

    /** Writes the key with owner-only permissions from the start (no moment where others could read it). */
    public void save(String key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temp, key.strip(), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The key, or empty when there is no key file. */
    public Optional<String> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException(file + ": the advisor key file is readable by others; run chmod 600 " + file);
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
