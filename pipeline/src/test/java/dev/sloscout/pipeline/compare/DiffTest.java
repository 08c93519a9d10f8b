package dev.sloscout.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two dumps, or two time windows of one, read by the pipeline and compared. */
class DiffTest {
    private static final int TRACES = 1_500;

    @TempDir
    Path dir;

    private static Diff.Result run(Diff.Sides sides) {
        return Diff.run(sides, PipelineOptions.defaults(), () -> false, (i, s) -> { });
    }

    @Test
    void aSlowerServiceInTheCandidateDumpComesFirst() throws Exception {
        Path before = ChangedShop.write(dir.resolve("before.jsonl"), 7, TRACES, "payment", 1, s -> false);
        Path after = ChangedShop.write(dir.resolve("after.jsonl"), 8, TRACES, "payment", 3, s -> true);

        Diff.Result result = run(new Diff.FileSides(List.of(before.toString()), List.of(after.toString())));

        var first = result.report().findings().get(0);
        assertThat(first.significant()).isTrue();
        assertThat(first.service()).isEqualTo("payment");
        assertThat(first.metric()).isEqualTo("self time");
        assertThat(first.after() / first.before()).isBetween(2.5, 3.5);
        // the fixture's parents keep their own durations, so only payment's spans moved (and its caller's self time)
        assertThat(result.report().significant()).allMatch(f -> f.journey().contains("/checkout"));

        DiffDocument document = DiffDocument.of(result);
        JsonNode json = Json.MAPPER.readTree(Json.write(document));
        JsonNode top = json.get("findings").get(0);
        for (String field : List.of("kind", "journey", "service", "operation", "metric", "before", "after", "change",
                "interval", "pValue", "significant")) {
            assertThat(top.has(field)).as(field).isTrue();
        }
        assertThat(top.get("interval")).hasSize(2);
        assertThat(json.get("baseline").get("traces").asLong()).isEqualTo(TRACES);
        boolean seenInsignificant = false;
        for (JsonNode f : json.get("findings")) {
            seenInsignificant |= !f.get("significant").asBoolean();
            assertThat(seenInsignificant && f.get("significant").asBoolean()).as("significant ones first").isFalse();
        }
        String markdown = document.markdown();
        assertThat(markdown).contains("## Significant changes, most important first")
                .contains("`" + first.evidence().get(0) + "`");
        assertThat(document.summary(5).get(3)).startsWith(" 1. payment \"POST /charge\" in ");
    }

    @Test
    void oneDumpSplitInTimeFindsTheChangeAfterTheSplit() throws Exception {
        // traces start a second apart from 1_700_000_000 s; payment slows from the 750th on
        long splitMillis = 1_700_000_000_000L + 750 * 1_000L;
        Path dump = ChangedShop.write(dir.resolve("dump.jsonl"), 7, TRACES, "payment", 3,
                s -> s.startEpochNanos() / 1_000_000 >= splitMillis);

        Diff.Result result = run(new Diff.TimeSides(List.of(dump.toString()), new Diff.Window(null,
                Instant.ofEpochMilli(splitMillis)), new Diff.Window(Instant.ofEpochMilli(splitMillis), null)));

        assertThat(result.report().tracesBefore() + result.report().tracesAfter()).isEqualTo(TRACES);
        assertThat(result.report().tracesBefore()).isBetween(700L, 800L);
        assertThat(result.report().findings().get(0).service()).isEqualTo("payment");
        assertThat(result.report().findings().get(0).significant()).isTrue();
        assertThat(DiffDocument.of(result).baseline().label()).endsWith(" in .." + Instant.ofEpochMilli(splitMillis));
    }

    @Test
    void oneDumpCutByTheVersionOfTheServiceThatWasDeployed() throws Exception {
        long deployMillis = 1_700_000_000_000L + 900 * 1_000L;
        Path dump = ChangedShop.write(dir.resolve("versions.jsonl"), 7, TRACES, "payment", 3,
                s -> s.startEpochNanos() / 1_000_000 >= deployMillis, "1.4.2", "1.4.3");

        Diff.Result result = run(new Diff.AttributeSides(List.of(dump.toString()), "service.version", "1.4.2",
                "1.4.3"));

        var first = result.report().findings().get(0);
        assertThat(first.service()).isEqualTo("payment");
        assertThat(first.metric()).isEqualTo("self time");
        assertThat(first.significant()).isTrue();
        // only checkout traces reach payment, so only they are on a side
        assertThat(result.report().findings()).filteredOn(f -> f.kind().equals("journey"))
                .allMatch(f -> f.journey().contains("/checkout"));
        assertThat(DiffDocument.of(result).candidate().label()).endsWith(" where service.version=1.4.3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Diff.AttributeSides(List.of(), "k8s.pod.name",
                "a", "b")).hasMessageContaining("'k8s.pod.name' is not a resource attribute the decoders keep");
    }

    @Test
    void theSameDumpOnBothSidesChangesNothing() throws Exception {
        Path dump = ChangedShop.write(dir.resolve("same.jsonl"), 7, 600, "payment", 1, s -> false);
        Diff.Result result = run(new Diff.FileSides(List.of(dump.toString()), List.of(dump.toString())));
        assertThat(result.report().significant()).isEmpty();
        assertThat(DiffDocument.of(result).summary(5).get(2)).isEqualTo("0 significant changes of "
                + result.report().findings().size() + " compared (Holm-corrected p < 0.05): nothing changed beyond "
                + "noise");
    }
}
