package dev.sloscout.app.search;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.SpanOperations;
import dev.sloscout.app.capsules.CapsulesViewModel;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.assist.Embedder;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.workspace.Batch;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The search box and "similar" with the real embedding model over a real workspace. */
class SearchViewModelTest {
    private static final Embedder EMBEDDER = new Embedder();

    @TempDir
    Path dir;
    private Workspace ws;
    private Analysis analysis;
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final SimpleLongProperty stored = new SimpleLongProperty();

    @BeforeEach
    void store() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("2026-03-01 10:00:" + String.format("%02d", i) + " ERROR auth Login request of username user" + i
                    + " failed: bad credentials");
            lines.add("2026-03-01 10:00:" + String.format("%02d", i) + " INFO disk Wrote block " + i + " to /data/" + i);
            lines.add("2026-03-01 10:00:" + String.format("%02d", i) + " WARN net Connection reset by peer 10.0.0." + i);
        }
        Path logs = Files.write(dir.resolve("app.log"), lines);
        analysis = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .files(List.of(Analyses.shopTraces(dir, 200), logs));
        ws = Workspace.open(dir.resolve("ws"));
        ws.commit(new Batch(ws.addSource("x", "traces"), 1, analysis.capsules(), analysis.journeys(), analysis.candidates(),
                SpanOperations.of(analysis.journeys())));
    }

    @AfterEach
    void closeWorkspace() throws Exception {
        ws.close();
    }

    @Test
    void aQuestionFindsTemplatesThatShareNoWordWithItAndJourneysByMeaning() throws Exception {
        SearchViewModel vm = new SearchViewModel(workspace, stored, BackgroundTasks.SAME_THREAD, () -> EMBEDDER);
        vm.queryProperty().set("user sign-in failures");
        vm.search();
        assertThat(vm.statusProperty().get()).startsWith("No workspace is open");
        workspace.set(ws);
        assertThat(vm.readyProperty().get()).isTrue();
        vm.search();
        assertThat(vm.results().stream().filter(h -> h.kind().equals("capsule")).findFirst()).get()
                .satisfies(h -> assertThat(h.label()).contains("Login request of username"));
        assertThat(vm.statusProperty().get()).contains("(meaning and words)");

        vm.queryProperty().set("checkout payment");
        vm.search();
        assertThat(vm.results()).anySatisfy(h -> {
            assertThat(h.kind()).isIn("journey", "sli");
            assertThat(h.label()).containsIgnoringCase("checkout");
        });

        vm.semanticProperty().set(false);
        vm.queryProperty().set("user sign-in failures");
        vm.search();
        assertThat(vm.results()).as("words alone do not match").noneMatch(h -> h.label().contains("Login request"));
        assertThat(vm.statusProperty().get()).endsWith("(words only)");
        vm.close();
    }

    @Test
    void similarOnACapsuleListsTheClosestInMeaning() throws Exception {
        SearchViewModel search = new SearchViewModel(workspace, stored, BackgroundTasks.SAME_THREAD, () -> EMBEDDER);
        CapsulesViewModel capsules = new CapsulesViewModel(new SimpleObjectProperty<>(analysis), workspace,
                BackgroundTasks.SAME_THREAD, (id, limit) -> search.similar(id, limit).stream()
                .map(r -> Map.entry(r.capsuleId(), r.similarity())).toList());
        capsules.selectedProperty().set(capsules.rows().get(0));
        capsules.showSimilar();
        assertThat(capsules.statusProperty().get()).startsWith("Similar capsules are not available: semantic search is not ready");
        workspace.set(ws);
        String login = capsules.rows().stream().filter(r -> r.template().contains("Login")).findFirst().orElseThrow().id();
        capsules.reveal(login);
        capsules.showSimilar();
        assertThat(capsules.rows()).isNotEmpty().noneMatch(r -> r.id().equals(login));
        assertThat(capsules.rows()).extracting(r -> r.score()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(capsules.statusProperty().get()).contains("most similar in meaning to '").contains("Login request of username");
        search.close();
    }
}
