package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceWriterTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteIsSaidAndRemembered() throws Exception {
        Workspace workspace = Workspace.open(dir.resolve("ws"));
        workspace.close(); // every write now fails, as on a full disk
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WorkspaceWriter writer = new WorkspaceWriter(workspace, new PrintStream(err, true, StandardCharsets.UTF_8));

        writer.analysis("demo", Analyses.smallDemo(), List.of());

        assertThat(writer.failed()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("slo-scout: the workspace was not written: ")
                .contains("closed");
    }
}
