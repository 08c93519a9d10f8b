package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path traces;
    private Path logs;

    @BeforeEach
    void demoData() {
        traces = dir.resolve("shop.jsonl");
        logs = dir.resolve("shop-logs.jsonl");
        assertThat(CliRun.of("demo-data", "--out", traces.toString(), "--logs", logs.toString(), "--days", "1",
                "--scale", "0.1").exitCode()).isZero();
    }

    @Test
    void aDryRunShowsExactlyWhatWouldLeaveRedacted() {
        CliRun run = CliRun.of("advise", traces.toString(), logs.toString(), "--task", "explain", "--journey",
                "login", "--dry-run", "--endpoint", "http://127.0.0.1:9/v1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# would be sent to http://127.0.0.1:9/v1")
                .contains("## system").contains("Journey: ").contains("login")
                .doesNotContainPattern("[a-z0-9.]+@[a-z0-9]+\\.[a-z]{2,}");
    }

    @Test
    void progressSaysHowFarTheTracesAreRead() {
        CliRun run = CliRun.of("advise", traces.toString(), logs.toString(), "--task", "explain", "--journey",
                "login", "--dry-run", "--endpoint", "http://127.0.0.1:9/v1", "--progress", "always");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("slo-scout: progress: " + traces + " (traces): reading")
                .containsPattern("slo-scout: progress: .*shop\\.jsonl \\(traces, OTLP/JSON\\): done, [1-9]");
    }

    @Test
    void anUnreachableEndpointGivesTheEnginesAnswerAndTheReason() throws Exception {
        CliRun run = CliRun.of("advise", traces.toString(), "--task", "propose", "--endpoint",
                "http://127.0.0.1:9/v1", "--timeout", "2", "--key-file", dir.resolve("none.key").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode advice = JSON.readTree(run.out());
        assertThat(advice.get("fromModel").asBoolean()).isFalse();
        assertThat(advice.get("fallbackReason").asText()).startsWith("the advisor did not answer: http://127.0.0.1:9/v1");
        assertThat(advice.get("suggestions")).isNotEmpty();
        assertThat(run.err()).contains("the engine answered");
        assertThat(CliRun.of("advise", traces.toString(), "--task", "dance").exitCode()).isEqualTo(2);
    }
}
