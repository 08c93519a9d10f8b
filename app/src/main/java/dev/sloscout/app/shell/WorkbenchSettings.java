package dev.sloscout.app.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.sloscout.pipeline.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs, in {@code ~/.slo-scout/workbench.json}: window layout, theme, recent
 * files and workspaces, the last export folder, the metrics profile file (as {@code analyze --metrics-profile}) and
 * the profile the bundle's rules are written for. Unknown or broken files fall back to defaults (said in the log).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkbenchSettings(double x, double y, double width, double height, boolean maximized, boolean dark,
                                List<String> recentFiles, List<String> recentWorkspaces,
                                String exportFolder, String metricsProfile, String rulesProfile, String policyFile,
                                List<String> publishTarget) {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);
    static final int RECENT = 10;
    static final String FILE = "workbench.json";

    public static final WorkbenchSettings DEFAULTS = new WorkbenchSettings(Double.NaN, Double.NaN, 1280, 800, false, false,
            List.of(), List.of(), null, null, null, null, null);

    public WorkbenchSettings {
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        publishTarget = publishTarget == null ? null : List.copyOf(publishTarget);
        width = width >= 400 ? width : 1280; // missing or absurd: the default size
        height = height >= 300 ? height : 800;
    }

    /** Where the workbench keeps its files: {@code -Dsloscout.home}, else {@code ~/.slo-scout}. */
    public static Path home() {
        return dev.sloscout.app.CrashLog.home();
    }

    public static WorkbenchSettings load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), WorkbenchSettings.class);
        } catch (IOException e) {
            LOG.warn("{}: unreadable workbench settings, using defaults: {}", file, e.getMessage());
            return DEFAULTS;
        }
    }

    /** Writes atomically (a crash mid-write leaves the previous file). */
    public void save(Path home) throws IOException {
        Files.createDirectories(home);
        Json.writeFile(home.resolve(FILE), this);
    }

    public WorkbenchSettings withWindow(double newX, double newY, double newWidth, double newHeight, boolean newMaximized) {
        return new WorkbenchSettings(newX, newY, newWidth, newHeight, newMaximized, dark, recentFiles,
                recentWorkspaces, exportFolder, metricsProfile, rulesProfile, policyFile, publishTarget);
    }

    public WorkbenchSettings withDark(boolean newDark) {
        return new WorkbenchSettings(x, y, width, height, maximized, newDark, recentFiles, recentWorkspaces,
                exportFolder, metricsProfile, rulesProfile, policyFile, publishTarget);
    }

    public WorkbenchSettings withRecentFile(String path) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, pushed(recentFiles, path),
                recentWorkspaces, exportFolder, metricsProfile, rulesProfile, policyFile, publishTarget);
    }

    public WorkbenchSettings withRecentWorkspace(String path) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles,
                pushed(recentWorkspaces, path), exportFolder, metricsProfile, rulesProfile, policyFile, publishTarget);
    }

    public WorkbenchSettings withExportFolder(String folder) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles, recentWorkspaces,
                folder, metricsProfile, rulesProfile, policyFile, publishTarget);
    }

    public WorkbenchSettings withRulesProfile(String name) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles, recentWorkspaces,
                exportFolder, metricsProfile, name, policyFile, publishTarget);
    }

    public WorkbenchSettings withMetricsProfile(String file) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles, recentWorkspaces,
                exportFolder, file, rulesProfile, policyFile, publishTarget);
    }

    /** Where the Artifacts view last published (repository, branch, base, path, hosting, API, owner/name). */
    public WorkbenchSettings withPublishTarget(List<String> target) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles, recentWorkspaces,
                exportFolder, metricsProfile, rulesProfile, policyFile, target);
    }

    /** The policy the Artifacts view checks bundles against (null: none). */
    public WorkbenchSettings withPolicyFile(String file) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, recentFiles, recentWorkspaces,
                exportFolder, metricsProfile, rulesProfile, file, publishTarget);
    }

    /**
     * The pipeline options these settings ask for: the user's metrics profile file in place of the example custom one,
     * and the rules profile; a profile that cannot be used is said (in the log and by {@code problems}) and left out.
     */
    public dev.sloscout.pipeline.PipelineOptions options(java.util.function.Consumer<String> problems) {
        dev.sloscout.pipeline.PipelineOptions options = dev.sloscout.pipeline.PipelineOptions.defaults();
        if (metricsProfile != null && !metricsProfile.isBlank()) {
            try {
                options = options.withCustomProfile(Path.of(metricsProfile));
            } catch (IllegalArgumentException e) {
                LOG.warn("metrics profile not used: {}", e.getMessage());
                problems.accept(e.getMessage());
            }
        }
        if (rulesProfile != null && !rulesProfile.isBlank()) {
            try {
                options = options.withRulesProfile(rulesProfile);
            } catch (IllegalArgumentException e) {
                LOG.warn("rules profile not used: {}", e.getMessage());
                problems.accept(e.getMessage());
            }
        }
        return options;
    }

    /** Most recent first, no duplicates, at most {@link #RECENT}. */
    static List<String> pushed(List<String> list, String item) {
        List<String> out = new ArrayList<>(List.of(item));
        list.stream().filter(s -> !s.equals(item)).limit(RECENT - 1).forEach(out::add);
        return List.copyOf(out);
    }
}
