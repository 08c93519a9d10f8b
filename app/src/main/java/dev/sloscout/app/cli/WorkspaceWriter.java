package dev.sloscout.app.cli;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.WorkspaceStore;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stores what {@code analyze} found in a workspace: one batch per log file (the capsules as they stand after it, so
 * a crash keeps every file finished before it) and one for the trace analysis. A storage failure is reported and
 * ends storing; the analysis itself goes on.
 */
class WorkspaceWriter implements AutoCloseable {
    static final WorkspaceWriter NONE = new WorkspaceWriter(null, null);

    private Workspace workspace;
    private final PrintStream err;
    private boolean failed;

    WorkspaceWriter(Workspace workspace, PrintStream err) {
        this.workspace = workspace;
        this.err = err;
    }

    /** The writer, or null (said on {@code err}) when the workspace cannot be opened. */
    static WorkspaceWriter open(Path location, PrintStream err) {
        try {
            return new WorkspaceWriter(Workspace.open(location), err);
        } catch (WorkspaceException | IllegalArgumentException e) {
            err.println("slo-scout: " + e.getMessage());
            return null;
        }
    }

    /** The capsules as they stand after a log file; asked for only when there is a workspace to store them in. */
    void logs(String file, long events, Supplier<List<Capsule>> capsules) {
        store(() -> WorkspaceStore.logs(workspace, file, events, capsules.get()));
    }

    void analysis(String sources, Analysis analysis, List<Capsule> capsules) {
        store(() -> WorkspaceStore.analysis(workspace, sources, analysis, capsules));
    }

    private interface Work {
        long run() throws WorkspaceException;
    }

    private void store(Work work) {
        if (workspace == null) {
            return;
        }
        try {
            work.run();
        } catch (WorkspaceException | RuntimeException e) { // a full disk comes as either
            err.println("slo-scout: the workspace was not written: " + e.getMessage());
            failed = true;
            close();
        }
    }

    /** Whether a write or the close failed: the analysis was produced, but it is not (all) in the workspace. */
    boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        if (workspace != null) {
            try {
                workspace.close();
            } catch (WorkspaceException | RuntimeException e) {
                err.println("slo-scout: " + e.getMessage());
                failed = true;
            }
            workspace = null;
        }
    }
}
