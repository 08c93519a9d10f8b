package dev.sloscout.workspace;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL, no shutdown hooks) a child process in the middle of ingestion, several times over the same
 * workspace, and checks after each kill that the workspace opens, keeps every batch the child reported committed,
 * holds every batch whole, and that search agrees with the database.
 */
@Tag("slow") // child JVMs killed several times, 12-18 s: the slow profile, which .ci/run runs
class WorkspaceCrashTest {
    @TempDir
    Path dir;

    @Test
    void killingTheProcessMidIngestionLosesAtMostTheBatchInFlight() throws Exception {
        Path base = dir.resolve("crash");
        long reported = 0;
        for (int round = 1; round <= 3; round++) {
            long before = reported;
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingIngest.class.getName(), base.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        reported = Long.parseLong(line.substring("committed ".length()));
                        if (reported >= before + 5 + round * 3) {
                            child.destroyForcibly(); // SIGKILL: mid-way through the next batch, or between two
                            break;
                        }
                    }
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reported).as("the child committed batches in round " + round).isGreaterThan(before);

            try (Workspace ws = Workspace.open(base)) {
                long batches = ws.batches();
                assertThat(batches).as("nothing reported committed is lost").isBetween(reported, reported + 1);
                Map<Long, Integer> perBatch = new HashMap<>();
                ws.capsules().forEach(c -> perBatch.merge(Long.parseLong(c.id().substring(1, c.id().indexOf('-'))),
                        1, Integer::sum));
                assertThat(perBatch).hasSize((int) batches);
                assertThat(perBatch.values()).as("every batch whole").containsOnly(CrashingIngest.CAPSULES_PER_BATCH);
                assertThat(ws.indexedDocuments()).as("search agrees with the database")
                        .isEqualTo(perBatch.size() * CrashingIngest.CAPSULES_PER_BATCH);
                String last = "b" + batches + "-c7";
                assertThat(ws.search(SearchQuery.text("\"request " + last + "\"")))
                        .extracting(SearchHit::id).contains(last);
                reported = batches;
            }
        }
        assertThat(List.of(reported)).allSatisfy(r -> assertThat(r).isGreaterThanOrEqualTo(15));
    }
}
