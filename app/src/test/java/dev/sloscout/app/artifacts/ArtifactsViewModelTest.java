package dev.sloscout.app.artifacts;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theBundleFollowsTheStudioAndTheDiffShowsWhatChangedSinceTheExport() throws Exception {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        List<Path> exported = new ArrayList<>();
        List<Path> validated = new ArrayList<>();
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, exported::add,
                bundle -> {
                    validated.add(bundle);
                    assertThat(bundle.resolve("prometheus/rules/frontend.rules.yml")).as("validated after writing").exists();
                    return List.of("promtool check rules prometheus/rules/frontend.rules.yml: passed");
                });
        assertThat(vm.files()).contains("prometheus/rules/frontend.rules.yml", "prometheus/tests/frontend.test.yml")
                .anyMatch(f -> f.startsWith("grafana/")).anyMatch(f -> f.startsWith("openslo/"))
                .anyMatch(f -> f.startsWith("sloth/")).anyMatch(f -> f.startsWith("runbooks/"));
        assertThat(vm.files().get(0)).startsWith("prometheus/rules/");
        assertThat(vm.previewProperty().get()).isNotEmpty();
        assertThat(vm.validation()).anyMatch(v -> v.startsWith("structural checks: passed"));

        Path out = dir.resolve("bundle");
        vm.export(out);
        assertThat(exported).containsExactly(out);
        assertThat(out.resolve("prometheus/rules/frontend.rules.yml")).exists();
        assertThat(Files.readString(out.resolve("prometheus/rules/frontend.rules.yml")))
                .isEqualTo(vm.content("prometheus/rules/frontend.rules.yml"));
        assertThat(vm.diffSummaryProperty().get()).startsWith("Unchanged since the export");
        assertThat(validated).containsExactly(out);
        assertThat(vm.validation()).contains("promtool check rules prometheus/rules/frontend.rules.yml: passed");
        vm.validateWithPromtool();
        assertThat(validated).hasSize(2);
        assertThat(validated.get(1)).as("a scratch copy, removed afterwards").doesNotExist();

        String openSlo = vm.files().stream().filter(f -> f.startsWith("openslo/") && f.contains(slug(studio))).findFirst()
                .orElseThrow();
        studio.setObjective(0.9999);
        assertThat(vm.content(openSlo)).contains("target: 0.9999");
        vm.selectedProperty().set(openSlo);
        assertThat(vm.diffProperty().get()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(LineDiff.Kind.ADDED);
            assertThat(l.text()).contains("0.9999");
        });
        assertThat(vm.diffSummaryProperty().get()).startsWith("+");
        assertThat(vm.statusProperty().get()).contains("changed since the export");

        ArtifactsViewModel reopened = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, p -> { });
        reopened.loadPrevious(out);
        reopened.selectedProperty().set(openSlo);
        assertThat(reopened.diffSummaryProperty().get()).as("the export read back from disk is the baseline").startsWith("+");
    }

    private static String slug(SloStudioViewModel studio) {
        String journey = studio.selectedProperty().get().journeyName(); // e.g. "frontend GET /products"
        return journey.substring(journey.indexOf(' ') + 1).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
