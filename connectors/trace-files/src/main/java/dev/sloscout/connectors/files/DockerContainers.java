package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The program behind a log docker's {@code json-file} driver wrote ({@code
 * /var/lib/docker/containers/<id>/<id>-json.log}, rotated as {@code .1}, {@code .2}): its file name is the container's
 * id, which names no service, but the container's {@code config.v2.json} beside it does.
 */
final class DockerContainers {
    private static final Pattern LOG_NAME = Pattern.compile("[0-9a-f]{64}-json\\.log(\\.\\d+)?");
    /** Larger than any container's configuration: a file this big beside a log is not one. */
    private static final long MAX_CONFIG_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The files docker keeps in a container's folder beside its log: its configuration, what it mounts in. */
    private static final java.util.Set<String> OWN_FILES = java.util.Set.of("config.v2.json", "hostconfig.json",
            "hostname", "hosts", "resolv.conf", "resolv.conf.hash");
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");

    private DockerContainers() {
    }

    /**
     * Whether {@code file} is one of docker's own files in a container's folder ({@code
     * /var/lib/docker/containers/<id>/hosts}, {@code config.v2.json}, ...): no log, though beside one, so a folder
     * of containers reads their logs alone.
     */
    static boolean isOwnFile(Path file) {
        Path name = file.getFileName();
        Path folder = file.getParent();
        Path id = folder == null ? null : folder.getFileName();
        return name != null && id != null && OWN_FILES.contains(name.toString())
                && CONTAINER_ID.matcher(id.toString()).matches()
                && Files.isRegularFile(folder.resolve(id + "-json.log"));
    }

    /**
     * The service of the container whose log {@code source} is: its compose service, else the container name the
     * kubelet gave it, else its own name (without docker's leading {@code /}); null when {@code source} is no such log
     * (or lies in an archive) or its configuration cannot be read.
     */
    static String serviceOf(String source) {
        if (source.contains("!/")) {
            return null; // a file in an archive: nothing beside it to read
        }
        Path log;
        try {
            log = Path.of(source);
        } catch (InvalidPathException notAPath) {
            return null;
        }
        Path name = log.getFileName();
        if (name == null || !LOG_NAME.matcher(name.toString()).matches()) {
            return null;
        }
        Path config = log.resolveSibling("config.v2.json");
        try {
            if (!Files.isRegularFile(config) || Files.size(config) > MAX_CONFIG_BYTES) {
                return null;
            }
            JsonNode root = JSON.readTree(config.toFile());
            JsonNode labels = root.path("Config").path("Labels");
            for (String label : new String[] {"com.docker.compose.service", "io.kubernetes.container.name"}) {
                String value = labels.path(label).asText("");
                if (!value.isBlank()) {
                    return value;
                }
            }
            String container = root.path("Name").asText("");
            container = container.startsWith("/") ? container.substring(1) : container;
            return container.isBlank() ? null : container;
        } catch (IOException | RuntimeException unreadable) {
            return null; // the file's name stands for it, as for any log
        }
    }
}
