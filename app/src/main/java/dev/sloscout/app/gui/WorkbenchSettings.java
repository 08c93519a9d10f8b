package dev.sloscout.app.gui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs, in {@code ~/.slo-scout/workbench.json}: window layout, theme, recent
 * files and workspaces, the last export folder. Unknown or broken files fall back to defaults (said in the log).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkbenchSettings(double x, double y, double width, double height, boolean maximized, boolean dark,
                                double splitPosition, List<String> recentFiles, List<String> recentWorkspaces,
                                String exportFolder) {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int RECENT = 10;
    static final String FILE = "workbench.json";

    public static final WorkbenchSettings DEFAULTS = new WorkbenchSettings(Double.NaN, Double.NaN, 1280, 800, false, false,
            0.45, List.of(), List.of(), null);

    public WorkbenchSettings {
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        width = width >= 400 ? width : DEFAULTS_WIDTH;
        height = height >= 300 ? height : DEFAULTS_HEIGHT;
        splitPosition = splitPosition > 0.1 && splitPosition < 0.9 ? splitPosition : 0.45;
    }

    private static final double DEFAULTS_WIDTH = 1280;
    private static final double DEFAULTS_HEIGHT = 800;

    /** Where the workbench keeps its files: {@code -Dsloscout.home}, else {@code ~/.slo-scout}. */
    public static Path home() {
        String override = System.getProperty("sloscout.home");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".slo-scout");
    }

    public static WorkbenchSettings load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        try {
            return JSON.readValue(file.toFile(), WorkbenchSettings.class);
        } catch (IOException e) {
            LOG.warn("{}: unreadable workbench settings, using defaults: {}", file, e.getMessage());
            return DEFAULTS;
        }
    }

    /** Writes atomically (a crash mid-write leaves the previous file). */
    public void save(Path home) throws IOException {
        Files.createDirectories(home);
        Path tmp = home.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public WorkbenchSettings withWindow(double newX, double newY, double newWidth, double newHeight, boolean newMaximized) {
        return new WorkbenchSettings(newX, newY, newWidth, newHeight, newMaximized, dark, splitPosition, recentFiles,
                recentWorkspaces, exportFolder);
    }

    public WorkbenchSettings withDark(boolean newDark) {
        return new WorkbenchSettings(x, y, width, height, maximized, newDark, splitPosition, recentFiles, recentWorkspaces,
                exportFolder);
    }

    public WorkbenchSettings withSplit(double position) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, position, recentFiles, recentWorkspaces,
                exportFolder);
    }

    public WorkbenchSettings withRecentFile(String path) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, splitPosition, pushed(recentFiles, path),
                recentWorkspaces, exportFolder);
    }

    public WorkbenchSettings withRecentWorkspace(String path) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, splitPosition, recentFiles,
                pushed(recentWorkspaces, path), exportFolder);
    }

    public WorkbenchSettings withExportFolder(String folder) {
        return new WorkbenchSettings(x, y, width, height, maximized, dark, splitPosition, recentFiles, recentWorkspaces,
                folder);
    }

    /** Most recent first, no duplicates, at most {@link #RECENT}. */
    static List<String> pushed(List<String> list, String item) {
        List<String> out = new ArrayList<>(List.of(item));
        list.stream().filter(s -> !s.equals(item)).limit(RECENT - 1).forEach(out::add);
        return List.copyOf(out);
    }
}
