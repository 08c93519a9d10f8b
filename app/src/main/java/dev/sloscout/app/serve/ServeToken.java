package dev.sloscout.app.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The API's token: {@code SLO_SCOUT_TOKEN} when set, else the one in {@code ~/.slo-scout/serve.token}, generated
 * (256 random bits) and written owner-only on first start. {@code source} says where it is, never the token.
 */
public record ServeToken(String value, String source) {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    @Override
    public String toString() {
        return "ServeToken[" + source + "]";
    }

    public static ServeToken resolve(Map<String, String> environment, Path home) throws IOException {
        String fromEnvironment = environment.get("SLO_SCOUT_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new ServeToken(fromEnvironment.strip(), "from $SLO_SCOUT_TOKEN");
        }
        Path file = home.resolve("serve.token");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (Files.exists(file)) {
            if (posix && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new IOException(file + ": the token file is readable by others; run chmod 600 " + file);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!token.isEmpty()) {
                return new ServeToken(token, "in " + file);
            }
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Files.createDirectories(home);
        Path temp = file.resolveSibling("serve.token.tmp");
        Files.deleteIfExists(temp);
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new ServeToken(token, "generated into " + file);
    }
}
