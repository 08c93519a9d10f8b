package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.workspace.Batch;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;

import java.util.List;

/** What of an analysis a workspace keeps, as batches every front end commits the same way. */
public final class WorkspaceStore {
    private WorkspaceStore() {
    }

    /** The capsules as they stand after one log file: a crash keeps every file finished before it. */
    public static long logs(Workspace workspace, String file, long events, List<Capsule> capsules)
            throws WorkspaceException {
        return workspace.commit(Batch.ofCapsules(workspace.addSource(file, "logs"), events, capsules));
    }

    /**
     * The trace analysis (journeys, SLI candidates, operations) with the capsules given; 0 and nothing stored when the
     * analysis found nothing.
     */
    public static long analysis(Workspace workspace, String sources, Analysis analysis, List<Capsule> capsules)
            throws WorkspaceException {
        if (analysis.summary().spans() == 0 && capsules.isEmpty()) {
            return 0;
        }
        long source = workspace.addSource(sources, analysis.summary().spans() > 0 ? "traces" : "logs");
        return workspace.commit(new Batch(source, analysis.summary().spans() + analysis.logEvents(), capsules,
                analysis.journeys(), analysis.candidates(), SpanOperations.of(analysis.journeys())));
    }
}
