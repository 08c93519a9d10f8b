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
}
