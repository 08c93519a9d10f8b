package dev.sloscout.app.fx;

import java.nio.file.Path;
import java.util.List;

/** The questions the workbench asks through native dialogs; tests answer them without a dialog. */
public interface Dialogs {
    /** Files to open; empty when the user cancels. */
    List<Path> chooseFiles();

    /** A folder, or null when the user cancels. */
    Path chooseFolder(String title);

    /** A workspace base path (the .mv.db file without its extension), or null. */
    Path chooseWorkspace();

    /** A policy file (YAML) to check bundles against, or null. */
    Path choosePolicy();

    /**
     * Why the user exports a bundle the policy blocks, shown the blocking rules; null when they do not (the export
     * is refused). The reason goes to the policy audit log.
     */
    String overrideReason(String blockedBy);

    /**
     * Where to publish the bundle: repository, branch, base, path, hosting ({@code none}, {@code github},
     * {@code gitlab}), its API and the repository's owner/name there; null when the user cancels. Values are in
     * {@code fields}' order: the defaults to show.
     */
    java.util.List<String> publishTarget(java.util.List<String> defaults);
}
