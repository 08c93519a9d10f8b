package dev.sloscout.app.cli;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.workspace.Batch;
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

    private WorkspaceWriter(Workspace workspace, PrintStream err) {
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
        store(() -> workspace.commit(Batch.ofCapsules(workspace.addSource(file, "logs"), events, capsules.get())));
    }

    void analysis(String sources, IngestSummary.Snapshot summary, JourneyDiscovery.JourneyReport report,
            List<SliCandidate> candidates, List<Capsule> capsules) {
        if (summary.spans() == 0 && capsules.isEmpty()) {
            return;
        }
        store(() -> workspace.commit(new Batch(workspace.addSource(sources, "traces"), summary.spans(), capsules,
                report.journeys(), candidates, dev.sloscout.pipeline.SpanOperations.of(report.journeys()))));
    }

    private interface Work {
        void run() throws WorkspaceException;
    }

    private void store(Work work) {
        if (workspace == null) {
            return;
        }
        try {
            work.run();
        } catch (WorkspaceException e) {
            err.println("slo-scout: " + e.getMessage());
            close();
        }
    }

    @Override
    public void close() {
        if (workspace != null) {
            try {
                workspace.close();
            } catch (WorkspaceException e) {
                err.println("slo-scout: " + e.getMessage());
            }
            workspace = null;
        }
    }
}
