package dev.sloscout.pipeline.bundle;

import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.artifact.SloDefinition;
import dev.sloscout.engine.sli.MetricsProfile;

import dev.sloscout.pipeline.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole export bundle as file path (relative, '/'-separated) to content: rules, tests, specs, runbooks, dashboards. */
public final class ExportBundle {
    private ExportBundle() {
    }

    public static SortedMap<String, String> files(List<ExportedSlo> slos) {
        SortedMap<String, String> files = new TreeMap<>(ArtifactBundle.files(slos));
        for (Map.Entry<String, List<SloDefinition>> service : ArtifactBundle.byService(slos).entrySet()) {
            SloDefinition first = service.getValue().get(0);
            MetricsProfile profile = slos.stream().filter(s -> s.definition().service().equals(first.service()))
                    .findFirst().orElseThrow().profile();
            files.put("grafana/" + service.getKey() + "-slo.json",
                    Json.write(GrafanaDashboards.forService(first.service(), service.getValue(), profile)));
        }
        return files;
    }

    /** The folders a bundle writes into: rules, tests, dashboards, OpenSLO, Sloth, runbooks. */
    public static final List<String> FOLDERS = List.of("prometheus/rules/", "prometheus/tests/", "grafana/", "openslo/",
            "sloth/", "runbooks/");

    /** Whether a relative path is one the bundle writes. */
    public static boolean isBundlePath(String relative) {
        return FOLDERS.stream().anyMatch(relative::startsWith);
    }

    /** Writes every file under {@code folder} (each written whole: beside the target, then moved into place). */
    public static void write(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder.normalize())) {
                throw new IOException(file.getKey() + ": a bundle path must stay inside " + folder);
            }
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
