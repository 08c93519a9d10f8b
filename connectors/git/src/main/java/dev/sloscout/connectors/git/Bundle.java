package dev.sloscout.connectors.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An export bundle on disk as a repository sees it: every file of its folders by relative path (forward slashes).
 * {@code analysis.json} and {@code policy-report.json} stay out of the repository; the runbooks and
 * {@code analysis.json} feed the pull request's description.
 */
public record Bundle(Path root, SortedMap<String, byte[]> files) {
    /** The bundle's folders: files under them belong to the bundle, in the bundle and in the repository. */
    public static final List<String> FOLDERS = List.of("prometheus", "grafana", "openslo", "sloth", "runbooks",
            "alertmanager");

    public static Bundle read(Path root) throws PublishException {
        if (!Files.isDirectory(root)) {
            throw new PublishException(root + ": not a folder (give the --out folder of slo-scout analyze)");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            for (String folder : FOLDERS) {
                Path dir = root.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new PublishException(root + ": cannot read the bundle: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PublishException(root + ": no bundle here (no " + String.join("/, ", FOLDERS) + "/ files)");
        }
        return new Bundle(root, files);
    }

    /** The runbooks (one per SLO) by file name. */
    public SortedMap<String, String> runbooks() {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith("runbooks/") && path.endsWith(".md")) {
                out.put(path.substring("runbooks/".length()), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    /** {@code analysis.json} beside the bundle, or null. */
    public Path analysis() {
        Path file = root.resolve("analysis.json");
        return Files.isRegularFile(file) ? file : null;
    }
}
