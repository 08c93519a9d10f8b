package dev.sloscout.workspace;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The child process of {@link WorkspaceCrashTest}: commits batches of {@value #CAPSULES_PER_BATCH} capsules into a
 * workspace as fast as it can, printing {@code committed N} after each commit returns, until it is killed.
 */
public final class CrashingIngest {
    static final int CAPSULES_PER_BATCH = 40;

    private CrashingIngest() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            long source = ws.addSource("endless.log", "logs");
            for (long batch = ws.batches() + 1; ; batch++) {
                List<Capsule> capsules = new ArrayList<>();
                for (int i = 0; i < CAPSULES_PER_BATCH; i++) {
                    capsules.add(capsule(batch, i));
                }
                long id = ws.commit(Batch.ofCapsules(source, CAPSULES_PER_BATCH, capsules));
                if (id != batch) {
                    throw new IllegalStateException("batch " + batch + " was stored as " + id);
                }
                System.out.println("committed " + id);
                System.out.flush();
            }
        }
    }

    static Capsule capsule(long batch, int i) {
        String id = "b" + batch + "-c" + i;
        return new Capsule(id, "t" + i, List.of(), "svc" + (i % 3), "request " + id + " took <NUM> ms", batch * 10 + i,
                Map.of(Severity.INFO, batch * 10 + i), 1_700_000_000_000L, 1_700_000_060_000L, 60_000,
                new TreeMap<>(Map.of(1_700_000_000_000L, batch * 10 + i)), List.of(), List.of(), 0, 0, Map.of());
    }
}
