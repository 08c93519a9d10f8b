package dev.sloscout.app.cli;

import dev.sloscout.workspace.Workspace;
import java.nio.file.Path;

/** {@code --workspace NAME|PATH}: a bare name lives under {@code ~/.slo-scout/workspaces}, anything else is a path. */
final class WorkspaceOption {
    private WorkspaceOption() {
    }

    static Path resolve(String value) {
        boolean bareName = value.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") && !value.endsWith(".mv.db");
        if (bareName) {
            return Workspace.defaultLocation(value);
        }
        String path = value.endsWith(".mv.db") ? value.substring(0, value.length() - ".mv.db".length()) : value;
        return Path.of(path);
    }
}
