package dev.sloscout.app.fx;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Native file and folder choosers, starting where the user last was. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open trace and log files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(
                        "Telemetry (json, jsonl, pb, log, txt, csv, tsv, gz, zst, xz, bz2, zip, tar)",
                        "*.json", "*.jsonl", "*.ndjson", "*.pb", "*.binpb", "*.log", "*.txt", "*.csv", "*.tsv", "*.gz",
                        "*.zst", "*.xz", "*.bz2", "*.zip", "*.tar", "*.tgz", "*.txz", "*.tbz2"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Path chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File dir = chooser.showDialog(owner.get());
        if (dir == null) {
            return null;
        }
        lastFolder = dir;
        return dir.toPath();
    }

    @Override
    public Path chooseWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open or create a workspace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SLO-Scout workspace", "*.mv.db"));
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return null;
        }
        String name = file.getName().endsWith(".mv.db") ? file.getName().substring(0, file.getName().length() - 6)
                : file.getName();
        return file.toPath().resolveSibling(name);
    }

    @Override
    public Path choosePolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Check bundles against a policy");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Policy (yaml)", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showOpenDialog(owner.get());
        return file == null ? null : file.toPath();
    }

    @Override
    public String overrideReason(String blockedBy) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
        dialog.initOwner(owner.get());
        dialog.setTitle("The policy blocks this bundle");
        dialog.setHeaderText(blockedBy + "\n\nExport anyway? The override and its reason are written to the "
                + "policy audit log.");
        dialog.setContentText("Reason:");
        dialog.getDialogPane().setMinWidth(560);
        return dialog.showAndWait().map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
    }

    @Override
    public java.util.List<String> publishTarget(java.util.List<String> defaults) {
        javafx.scene.control.Dialog<java.util.List<String>> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Open pull request");
        dialog.setHeaderText("Publish the bundle to a branch and open (or update) its pull request. The token comes "
                + "from GITHUB_TOKEN / GITLAB_TOKEN or ~/.slo-scout/github.token / gitlab.token.");
        String[] labels = {"Repository (path or URL)", "Branch", "Base branch", "Path in the repository",
            "Hosting (none, github, gitlab)", "API address", "Owner/name on the hosting"};
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        java.util.List<javafx.scene.control.TextField> fields = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            javafx.scene.control.TextField field = new javafx.scene.control.TextField(i < defaults.size()
                    ? defaults.get(i) : "");
            field.setPrefColumnCount(36);
            fields.add(field);
            grid.addRow(i, new javafx.scene.control.Label(labels[i]), field);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == javafx.scene.control.ButtonType.OK
                ? fields.stream().map(f -> f.getText().strip()).toList() : null);
        return dialog.showAndWait().orElse(null);
    }
}
