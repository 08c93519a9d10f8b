package dev.sloscout.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.compare.ChangedShop;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare mode's state: the sides, the time brush, the ranked findings and what the selected one shows. */
class CompareViewModelTest {
    private static final long SPLIT_MILLIS = 1_700_000_000_000L + 600 * 1_000L;

    @TempDir
    Path dir;

    private static Analysis analyse(Path file) {
        return new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { }).files(List.of(file));
    }

    @Test
    void theOpenedFilesAgainstOthersRankTheSlowerServiceFirstAndShowItsJourney() throws Exception {
        Path before = ChangedShop.write(dir.resolve("before.jsonl"), 7, 1_200, "payment", 1, s -> false);
        Path after = ChangedShop.write(dir.resolve("after.jsonl"), 8, 1_200, "payment", 3, s -> true);
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(analyse(before));
        CompareViewModel model = new CompareViewModel(analysis, () -> new CompareViewModel.Opened(List.of(before),
                null), PipelineOptions::defaults, BackgroundTasks.SAME_THREAD);

        model.modeProperty().set(CompareViewModel.Mode.FILES);
        model.compare();
        assertThat(model.summaryProperty().get()).isEqualTo("Choose the candidate's files.");
        assertThat(model.rows()).isEmpty();

        model.candidateFiles().setAll(after);
        model.compare();

        assertThat(model.runningProperty().get()).isFalse();
        CompareViewModel.Row first = model.rows().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.significant()).isTrue();
        assertThat(first.where()).startsWith("payment POST /charge");
        assertThat(first.change()).isEqualTo("48.0 ms -> 144.0 ms (+200%)");
        assertThat(model.summaryProperty().get()).contains("significant changes of " + model.rows().size())
                .endsWith(" compared (Holm-corrected p < 0.05)");
        assertThat(model.selectedProperty().get()).isSameAs(first);
        assertThat(model.beforeProperty().get()).isNotNull();
        assertThat(model.afterProperty().get().rows()).anyMatch(r -> r.service().equals("payment"));
        CompareViewModel.ChangeGraph graph = model.graphProperty().get();
        assertThat(graph.nodes()).containsEntry("payment", CompareViewModel.Change.SLOWER)
                .containsEntry("checkout", CompareViewModel.Change.FASTER); // its client span's self time shrank
        assertThat(graph.edges()).containsEntry("checkout->payment", CompareViewModel.Change.SAME);
        assertThat(model.document().findings()).hasSize(model.rows().size());
    }

    @Test
    void twoDrawsOfTheSameTrafficSayNothingChanged() throws Exception {
        Path before = ChangedShop.write(dir.resolve("before.jsonl"), 7, 1_200, "payment", 1, s -> false);
        Path after = ChangedShop.write(dir.resolve("after.jsonl"), 7, 1_200, "payment", 1, s -> false);
        CompareViewModel model = new CompareViewModel(new SimpleObjectProperty<>(analyse(before)),
                () -> new CompareViewModel.Opened(List.of(before), null), PipelineOptions::defaults,
                BackgroundTasks.SAME_THREAD);
        model.modeProperty().set(CompareViewModel.Mode.FILES);
        model.candidateFiles().setAll(after);

        model.compare();

        assertThat(model.summaryProperty().get()).containsPattern(
                "0 significant changes of \\d+ compared \\(Holm-corrected p < 0.05\\): nothing changed beyond noise$");
    }

    @Test
    void aDumpShorterThanAHistoryWindowIsSplitWhereItsTracesAre() throws Exception {
        Path dump = ChangedShop.write(dir.resolve("minute.jsonl"), 7, 100, "payment", 1, s -> false);
        Analysis analysis = analyse(dump);
        CompareViewModel model = new CompareViewModel(new SimpleObjectProperty<>(analysis),
                () -> new CompareViewModel.Opened(List.of(dump), null), PipelineOptions::defaults,
                BackgroundTasks.SAME_THREAD);
        assertThat(model.trafficProperty().get().traces()).as("one history window").hasSize(1);

        model.compare();

        String summary = model.summaryProperty().get();
        assertThat(summary).containsPattern("baseline: +[1-9][0-9]* traces").containsPattern(
                "candidate: [1-9][0-9]* traces");
    }

    @Test
    void theTimeBrushSplitsTheOpenedDumpWhereTheUserSays() throws Exception {
        Path dump = ChangedShop.write(dir.resolve("dump.jsonl"), 7, 1_200, "payment", 3,
                s -> s.startEpochNanos() / 1_000_000 >= SPLIT_MILLIS);
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(analyse(dump));
        CompareViewModel model = new CompareViewModel(analysis, () -> new CompareViewModel.Opened(List.of(dump),
                null), PipelineOptions::defaults, BackgroundTasks.SAME_THREAD);

        CompareViewModel.Traffic traffic = model.trafficProperty().get();
        assertThat(traffic.start()).isBeforeOrEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(java.util.Arrays.stream(traffic.traces()).sum()).isEqualTo(1_200);
        assertThat(model.splitAtProperty().get()).as("the middle of the range").isAfter(traffic.start())
                .isBefore(traffic.end());

        model.splitAtProperty().set(Instant.ofEpochMilli(SPLIT_MILLIS));
        model.compare();
        assertThat(model.rows().get(0).where()).startsWith("payment POST /charge");
        assertThat(model.summaryProperty().get()).contains("in .." + Instant.ofEpochMilli(SPLIT_MILLIS));

        model.splitAtFraction(0);
        assertThat(model.splitAtProperty().get()).isEqualTo(traffic.start());
        analysis.set(null);
        assertThat(model.trafficProperty().get()).isNull();
        model.compare();
        assertThat(model.summaryProperty().get()).isEqualTo("The opened data has no times to split at.");
    }

    @Test
    void twoVersionsOfTheDeployedServiceAreProposedAndCompared() throws Exception {
        Path dump = ChangedShop.write(dir.resolve("versions.jsonl"), 7, 1_200, "payment", 3,
                s -> s.startEpochNanos() / 1_000_000 >= SPLIT_MILLIS, "1.9.0", "1.10.0");
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(analyse(dump));
        CompareViewModel model = new CompareViewModel(analysis, () -> new CompareViewModel.Opened(List.of(dump),
                null), PipelineOptions::defaults, BackgroundTasks.SAME_THREAD);

        assertThat(model.versions()).containsExactly("1.9.0", "1.10.0");
        assertThat(model.baselineVersionProperty().get()).isEqualTo("1.9.0");
        assertThat(model.candidateVersionProperty().get()).isEqualTo("1.10.0");
        model.modeProperty().set(CompareViewModel.Mode.VERSION);
        model.compare();
        assertThat(model.rows().get(0).where()).startsWith("payment POST /charge");
        assertThat(model.summaryProperty().get()).contains("where service.version=1.10.0");

        model.candidateVersionProperty().set("1.9.0");
        model.compare();
        assertThat(model.summaryProperty().get()).isEqualTo("Choose two different versions.");
        assertThat(CompareViewModel.compareVersions("1.10.0", "1.9.3")).isPositive();
        assertThat(CompareViewModel.compareVersions("2.0.0-rc1", "2.0.0")).isNegative();
        assertThat(CompareViewModel.compareVersions("1.2.1", "1.2")).isPositive();
        assertThat(CompareViewModel.compareVersions("1.2", "1.2.1")).isNegative();
    }

    @Test
    void nothingOpenIsSaid() {
        CompareViewModel model = new CompareViewModel(new SimpleObjectProperty<>(), () -> new CompareViewModel.Opened(
                List.of(), null), PipelineOptions::defaults, BackgroundTasks.SAME_THREAD);
        model.compare();
        assertThat(model.summaryProperty().get()).startsWith("Open trace files, a folder or the demo first");
    }
}
