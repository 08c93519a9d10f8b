package dev.sloscout.app.shell;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.fx.Notifier;

import dev.sloscout.pipeline.Analyses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    @TempDir
    Path dir;

    private final List<String> told = new ArrayList<>();
    private final Notifier notifier = new Notifier() {
        @Override
        public void info(String title, String text) {
            told.add("info: " + title);
        }

        @Override
        public void warning(String title, String text, String details) {
            told.add("warning: " + title + ": " + text + (details == null ? "" : " | " + details));
        }

        @Override
        public void error(String title, String text, Throwable details) {
            told.add("error: " + title + ": " + text);
        }
    };

    private MainViewModel model() {
        return new MainViewModel(BackgroundTasks.SAME_THREAD, Runnable::run, notifier, WorkbenchSettings.DEFAULTS,
                dir.resolve("home"));
    }

    /** A log whose times have no year: its row says where they were placed, and from what. */
    @Test
    void aSourcesRowSaysWhereItsTimesWithoutAYearWerePlaced() throws Exception {
        Path log = Files.writeString(dir.resolve("auth.log"), "Dec 31 23:59:00 host sshd[1]: session opened\n"
                + "Jan  1 00:02:00 host sshd[1]: session closed\n");
        Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.from(java.time.Instant.parse(
                "2006-01-02T00:00:00Z")));
        Path dated = Files.writeString(dir.resolve("app.log"), "2024-03-01 10:00:00 INFO payment accepted\n");
        MainViewModel vm = model();

        vm.open(List.of(log, dated));

        assertThat(vm.sources()).extracting(SourceRow::name, SourceRow::times).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(log.toString(), "2 times written without a year were placed from "
                        + "2005-12-31 to 2006-01-01, counting back from when the file was last written (2006-01-02 "
                        + "00:00 UTC); copied or touched since, its dates are off by the years between"),
                org.assertj.core.groups.Tuple.tuple(dated.toString(), ""));
    }

    @Test
    void openingFilesAnalysesThemAllAndStoresTheResultInTheWorkspace() throws Exception {
        MainViewModel vm = model();
        vm.openWorkspace(dir.resolve("ws"));
        assertThat(vm.workspaceProperty().get()).isNotNull();
        Path traces = Analyses.shopTraces(dir, 200);
        vm.open(List.of(traces));
        assertThat(vm.analysisProperty().get().journeys()).isNotEmpty();
        assertThat(vm.sources()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("done");
            assertThat(s.progress()).isEqualTo(1.0);
            assertThat(s.yield()).endsWith("spans");
        });
        assertThat(vm.statusProperty().get()).contains("journeys").contains("(stored in workspace ws)");
        assertThat(vm.workspaceProperty().get().journeys()).hasSameSizeAs(vm.analysisProperty().get().journeys());

        Path logs = Analyses.shopLogs(dir, 40);
        vm.open(List.of(logs));
        assertThat(vm.sources()).as("both sources are analysed together").hasSize(2);
        assertThat(vm.analysisProperty().get().capsules()).anySatisfy(c -> assertThat(c.journeys()).isNotEmpty());
        assertThat(vm.settingsProperty().get().recentFiles()).containsExactly(logs.toString(), traces.toString());
        assertThat(vm.settingsProperty().get().recentWorkspaces()).containsExactly(dir.resolve("ws").toString());
        Runnable save = vm.settingsSaver();
        try (var open = vm.shutdown()) {
            assertThat(open.batches()).as("the model lets go of its open workspace for the caller to close").isEqualTo(2);
        }
        assertThat(vm.workspaceProperty().get()).isNull();
        save.run();
        assertThat(WorkbenchSettings.load(dir.resolve("home")).recentFiles()).containsExactly(logs.toString(), traces.toString());
    }

    @Test
    void problemsInTheInputAreToldWithTheirDetailsAndTheRestIsAnalysed() throws Exception {
        MainViewModel vm = model();
        Path traces = Analyses.shopTraces(dir, 100);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"resourceSpans\": [ {\"scopeSpans\": [ {\"spans\": [ {\"traceId\": 7");
        vm.open(List.of(traces, broken));
        assertThat(vm.analysisProperty().get().journeys()).isNotEmpty();
        assertThat(told).singleElement().satisfies(t -> assertThat(t).startsWith("warning: Some input could not be used")
                .contains("broken.json"));
    }

    @Test
    void aWorkspaceThatCannotBeOpenedIsAnErrorNotACrash() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        MainViewModel vm = model();
        vm.openWorkspace(notADir.resolve("ws"));
        assertThat(vm.workspaceProperty().get()).isNull();
        assertThat(told).singleElement().satisfies(t -> assertThat(t).startsWith("error: Cannot open the workspace"));
    }

    @Test
    void settingsSurviveARoundTripAndABrokenFileFallsBackToDefaults() throws Exception {
        Path home = dir.resolve("home");
        WorkbenchSettings s = WorkbenchSettings.DEFAULTS.withDark(true).withWindow(10, 20, 900, 700, false)
                .withRecentFile("/a").withRecentFile("/b").withRecentFile("/a").withExportFolder("/out");
        s.save(home);
        WorkbenchSettings back = WorkbenchSettings.load(home);
        assertThat(back).isEqualTo(s);
        assertThat(back.recentFiles()).containsExactly("/a", "/b");
        for (int i = 0; i < 20; i++) {
            back = back.withRecentWorkspace("/w" + i);
        }
        assertThat(back.recentWorkspaces()).hasSize(10).startsWith("/w19");
        Files.writeString(home.resolve("workbench.json"), "{ not json");
        assertThat(WorkbenchSettings.load(home)).isEqualTo(WorkbenchSettings.DEFAULTS);
    }
}
