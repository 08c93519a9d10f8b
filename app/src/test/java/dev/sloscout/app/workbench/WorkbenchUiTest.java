package dev.sloscout.app.workbench;

import dev.sloscout.app.fx.Dialogs;

import org.junit.jupiter.api.Tag;
import dev.sloscout.pipeline.Analyses;
import dev.sloscout.app.advisor.AdvisorViewModel;
import dev.sloscout.app.journeys.JourneyRow;
import dev.sloscout.app.search.SearchViewModel;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.event.Event;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import dev.sloscout.app.journeys.CompareViewModel;
import javafx.scene.control.ChoiceBox;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.sloscout.workspace.Workspace;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real workbench window (headless, Monocle) through the main flows, as a user would. */
@ExtendWith(ApplicationExtension.class)
@Tag("integration")
class WorkbenchUiTest {
    @TempDir
    static Path dir;

    private Workbench workbench;
    private Path home;
    private Stage stage;
    private final List<Path> toOpen = new ArrayList<>();
    private Path exportTo;
    private Path policyFile;
    private String overrideReason;
    private volatile String blockedShown;
    private volatile List<String> publishTo;
    private volatile List<String> publishDefaults;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        home = dir.resolve("home-" + System.nanoTime());
        workbench = new Workbench(stage, home, owner -> new Dialogs() {
            @Override
            public List<Path> chooseFiles() {
                return List.copyOf(toOpen);
            }

            @Override
            public Path chooseFolder(String title) {
                return exportTo;
            }

            @Override
            public Path chooseWorkspace() {
                return null;
            }

            @Override
            public Path choosePolicy() {
                return policyFile;
            }

            @Override
            public List<String> publishTarget(List<String> defaults) {
                publishDefaults = defaults;
                return publishTo;
            }

            @Override
            public String overrideReason(String blockedBy) {
                blockedShown = blockedBy;
                return overrideReason;
            }
        });
        stage.show();
        workbench.openRemembered(home, false);
    }

    @AfterEach
    void close() throws Exception {
        if (workbench != null) {
            closeWorkbench();
        }
    }

    /** Closes the window on the FX thread, then waits for the workspace to be closed off it. */
    private void closeWorkbench() throws Exception {
        CompletableFuture<Void> closed = WaitForAsyncUtils.asyncFx(() -> workbench.close()).get(10, TimeUnit.SECONDS);
        closed.get(60, TimeUnit.SECONDS);
        workbench = null;
    }

    @Test
    void theFxThreadNeverWaitsWhileFilesAreAnalysedStoredAndEmbedded(FxRobot robot) throws Exception {
        openShop(robot); // the first run loads classes and the embedding model: not what a user waits on each time
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.search().readyProperty().get()
                && workbench.model().storedProperty().get() > 0);
        long firstBatch = workbench.model().storedProperty().get();

        FxPing.Waits waits;
        try (FxPing ping = FxPing.every(Duration.ofMillis(10))) {
            toOpen.clear();
            toOpen.add(Analyses.shopLogs(Files.createTempDirectory(dir, "more"), 300));
            robot.clickOn("#open-files");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> workbench.model().storedProperty().get() > firstBatch && workbench.search().readyProperty().get());
            waits = ping.waits();
        }
        System.out.println("FX thread during analyse, store and embed: " + waits);
        assertThat(waits.pings()).isGreaterThan(10);
        assertThat(waits.longestOutsideStalls()).isLessThan(Duration.ofMillis(100));

        try (FxPing ping = FxPing.every(Duration.ofMillis(10))) { // the user closes the window
            String typedWhileClosing = WaitForAsyncUtils.asyncFx(() -> {
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                TextField search = (TextField) stage.getScene().lookup("#global-search");
                search.clear();
                Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_TYPED, "x", "", KeyCode.UNDEFINED, false, false,
                        false, false));
                return search.getText();
            }).get(10, TimeUnit.SECONDS);
            assertThat(typedWhileClosing).as("input refused while closing").isEmpty();
            assertThat(robot.lookup("#status").queryLabeled().getText()).startsWith("Closing:");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());
            waits = ping.waits();
        }
        System.out.println("FX thread while closing: " + waits);
        assertThat(waits.longestOutsideStalls()).isLessThan(Duration.ofMillis(100));
        closeWorkbench(); // what stop() does next: the same closing, awaited
        try (Workspace reopened = Workspace.open(home.resolve("workspaces").resolve("workbench"))) {
            assertThat(reopened.batches()).as("batches (first was %d)", firstBatch).isEqualTo(firstBatch + 1); // closed with both, its lock released
            assertThat(reopened.capsules()).isNotEmpty();
        }
    }

    private void openShop(FxRobot robot) throws Exception {
        toOpen.add(Analyses.shopTraces(Files.createTempDirectory(dir, "in"), 400));
        toOpen.add(Analyses.shopLogs(toOpen.get(0).getParent(), 200));
        robot.clickOn("#open-files");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().analysisProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openFilesSelectAJourneyAndSeeItsStatisticsGraphAndWaterfall(FxRobot robot) throws Exception {
        openShop(robot);
        TableView<JourneyRow> table = robot.lookup("#journeys-table").queryTableView();
        assertThat(table.getItems()).hasSize(workbench.model().analysisProperty().get().journeys().size()).hasSizeGreaterThan(1);
        JourneyRow second = table.getItems().get(1);
        robot.clickOn(robot.lookup("#journeys-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.journeys().selectedProperty().get()).isEqualTo(second);
        assertThat(robot.lookup("#journey-details").queryAs(TextArea.class).getText()).startsWith(second.name());
        assertThat(robot.lookup("#service-graph").tryQuery()).isPresent();
        assertThat(workbench.journeys().waterfallProperty().get().traceId())
                .isIn(second.journey().sampleTraceIds().toArray());
        assertThat(workbench.model().sources()).hasSize(2).allSatisfy(s -> assertThat(s.state()).isEqualTo("done"));

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("capsules");
        assertThat(robot.lookup("#capsules-table").queryTableView().getItems()).isNotEmpty();
        // built after the analysis arrived, the view still shows the selected capsule's trace links
        assertThat(robot.lookup("#capsule-traces").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).isNotEmpty();
    }

    @Test
    void theDataQualityViewShowsEveryMeasuredServiceAndWhatToFix(FxRobot robot) throws Exception {
        openShop(robot);
        robot.clickOn("Data quality");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("data-quality");
        var quality = workbench.model().analysisProperty().get().dataQuality();
        TableView<?> table = robot.lookup("#data-quality-table").queryTableView();
        assertThat(table.getItems()).hasSize(quality.services().size()).isNotEmpty();
        assertThat(robot.lookup("#data-quality-summary").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith(quality.services().size() + " services");
        assertThat(robot.lookup("#data-quality-recommendations").queryListView().getItems())
                .hasSize(quality.recommendations().size());
        // a recommendation's evidence opens the trace's waterfall
        javafx.scene.control.Hyperlink evidence = robot.lookup(".evidence-link").queryAs(
                javafx.scene.control.Hyperlink.class);
        String traceId = quality.recommendations().stream().flatMap(r -> r.traces().stream())
                .filter(id -> evidence.getText().equals("trace " + id.substring(0, 12) + "\u2026")).findFirst()
                .orElseThrow();
        robot.clickOn(evidence);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("journeys");
        assertThat(workbench.journeys().waterfallProperty().get().traceId()).isEqualTo(traceId);
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void compareTheOpenedFilesAgainstASlowerCopyAndSeeWhatChanged(FxRobot robot) throws Exception {
        Path in = Files.createTempDirectory(dir, "compare");
        toOpen.add(dev.sloscout.pipeline.compare.ChangedShop.write(in.resolve("before.jsonl"), 7, 600, "payment", 1,
                s -> false));
        robot.clickOn("#open-files");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().analysisProperty().get() != null);
        toOpen.clear();
        toOpen.add(dev.sloscout.pipeline.compare.ChangedShop.write(in.resolve("after.jsonl"), 8, 600, "payment", 3,
                s -> true));
        robot.clickOn("Compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("compare");
        assertThat(robot.lookup("#compare-traffic").tryQuery()).isPresent();
        ChoiceBox<CompareViewModel.Mode> mode = robot.lookup("#compare-mode").queryAs(ChoiceBox.class);
        robot.interact(() -> mode.setValue(CompareViewModel.Mode.FILES));
        robot.clickOn("#compare-files");
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !workbench.compare().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CompareViewModel.Row> findings = robot.lookup("#compare-findings").queryTableView();
        assertThat(findings.getItems().get(0).where()).startsWith("payment POST /charge");
        assertThat(robot.lookup("#compare-summary").queryLabeled().getText()).contains("significant changes of");
        robot.clickOn(robot.lookup("#compare-findings .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.compare().selectedProperty().get()).isSameAs(findings.getItems().get(1));
        assertThat(workbench.compare().afterProperty().get()).isNotNull();
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void tuneAnSloSeeTheChartChangeThenUndo(FxRobot robot) throws Exception {
        openShop(robot);
        robot.clickOn("SLO studio");
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> sli = (LineChart<?, ?>) robot.lookup(".chart").match(n -> n instanceof LineChart<?, ?> c
                && "SLI against the objective".equals(c.getTitle())).query();
        assertThat(sli).isNotNull();
        double before = objectiveLine(sli);
        ComboBox<Double> objective = robot.lookup("#objective").queryComboBox();
        robot.doubleClickOn(objective.getEditor()).eraseText(12).write("99.99").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(objectiveLine(sli)).isCloseTo(99.99, org.assertj.core.data.Offset.offset(1e-9)).isNotEqualTo(before);
        assertThat(workbench.studio().tuningProperty().get().objective()).isEqualTo(0.9999);
        assertThat(robot.lookup("#slo-summary").queryAs(TextArea.class).getText()).contains("Objective 99.99% over");
        robot.clickOn(sli); // leave the text field, whose own Ctrl+Z undoes typing
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(objectiveLine(sli)).isEqualTo(before);
        assertThat(objective.getValue() * 100).isEqualTo(before, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void exportTheBundleIntoAFolder(FxRobot robot) throws Exception {
        openShop(robot);
        exportTo = dir.resolve("export-" + System.nanoTime());
        robot.clickOn("Artifacts");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !workbench.artifacts().files().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#artifact-files").queryListView().getItems()).isNotEmpty();
        // a policy that blocks: the verdict shows before export, the export is refused without an override
        policyFile = Files.writeString(dir.resolve("policy-" + System.nanoTime() + ".yaml"),
                "rules:\n  - name: no-frontend\n    mode: block\n    forbidServices: [frontend]\n");
        robot.clickOn("#choose-policy");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.artifacts().blockedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#policy-verdict").queryLabeled().getText()).endsWith("BLOCKED by 1 rule");
        robot.clickOn("#export");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(blockedShown).startsWith("'no-frontend': the bundle has SLOs on forbidden services: frontend");
        assertThat(robot.lookup("#artifact-status").queryLabeled().getText()).startsWith("Export refused");
        assertThat(exportTo).doesNotExist();
        overrideReason = "demo export agreed with the team";
        robot.clickOn("#export");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isDirectory(exportTo.resolve("prometheus/rules")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.artifacts().statusProperty().get().contains("exported"));
        // the status is set first in the FX runnable that then starts promtool: let it finish before reading the rest
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(home.resolve("policy-audit.jsonl"))).contains("\"rule\":\"override\"")
                .contains("demo export agreed with the team");
        try (var files = Files.walk(exportTo)) {
            assertThat(files.filter(Files::isRegularFile).count())
                    .isEqualTo(robot.lookup("#artifact-files").queryListView().getItems().size());
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(workbench.artifacts().validation()))
                .get(10, TimeUnit.SECONDS)).anyMatch(v -> v.startsWith("promtool"));
        assertThat(workbench.artifacts().diffSummaryProperty().get()).startsWith("Unchanged since the export");
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void openAPullRequestPushesTheBundleToABranchAndRemembersWhere(FxRobot robot) throws Exception {
        Path remote = dev.sloscout.connectors.git.fixtures.BareRepository.withMain(
                dir.resolve("slos-" + System.nanoTime() + ".git"), java.util.Map.of("README.md", "slos\n"));
        openShop(robot);
        robot.clickOn("Artifacts");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !workbench.artifacts().files().isEmpty());
        publishTo = List.of(remote.toString(), "slo-scout/ui", "main", "slo/", "none", "", "");
        robot.clickOn("#publish");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.artifacts().statusProperty().get()
                .startsWith("pushed "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#artifact-status").queryLabeled().getText()).contains("to slo-scout/ui: feat(slo): ");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(remote.toFile())) {
            assertThat(git.getRepository().resolve("refs/heads/slo-scout/ui")).isNotNull();
        }
        publishTo = null;
        robot.clickOn("#publish");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(publishDefaults).as("the last target is offered again").containsExactlyElementsOf(
                List.of(remote.toString(), "slo-scout/ui", "main", "slo/", "none", "", ""));
    }

    @Test
    void theSourcesTabAttachesToAClusterAnalysisAndSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("Sources");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button attach = robot.lookup("#attach-cluster").queryButton();
        robot.interact(attach::fire); // without servers: said under the row, nothing read, nothing frozen
        assertThat(robot.lookup("#cluster-status").queryLabeled().getText())
                .isEqualTo("Cluster analysis not attached: give the bootstrap servers of the stream job's cluster");
        assertThat(robot.lookup("#cluster-prefix").queryTextInputControl().getText()).isEqualTo("slo-scout.");
        assertThat(workbench.model().analysisProperty().get()).isNull();
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README's test command within five minutes
    void aBrokenFileIsANotificationAndTheRestIsShown(FxRobot robot) throws Exception {
        Path in = Files.createTempDirectory(dir, "broken");
        toOpen.add(Analyses.shopTraces(in, 100));
        toOpen.add(Files.writeString(in.resolve("broken.json"), "{\"resourceSpans\": [ {\"scopeSpans\": [ {\"spans\": [ {\"traceId\": 7"));
        robot.clickOn("#open-files");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().analysisProperty().get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").tryQuery().isPresent());
        assertThat(robot.lookup("Some input could not be used").tryQuery()).isPresent();
        assertThat(robot.lookup("#journeys-table").queryTableView().getItems()).isNotEmpty();
    }

    @Test
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void searchEverythingFromTheBoxThenAskTheAdvisorAndAcceptASuggestion(FxRobot robot) throws Exception {
        openShop(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.search().readyProperty().get());
        robot.clickOn("#global-search").write("order payment declined").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !workbench.search().results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("search");
        assertThat(workbench.search().results()).anySatisfy(h -> assertThat(h.label()).contains("declined"));
        SearchViewModel.Hit capsule = workbench.search().results().stream().filter(h -> h.kind().equals("capsule"))
                .findFirst().orElseThrow();
        workbench.search().results().setAll(capsule); // the row to double-click is the first
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#search-results .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.window().shownView()).isEqualTo("capsules");
        assertThat(workbench.capsules().selectedProperty().get().id()).isEqualTo(capsule.id());

        robot.clickOn("SLO studio");
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals("Advisor")).queryAs(javafx.scene.Node.class));
        robot.clickOn("#advisor-ask");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !workbench.advisor().suggestions().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no suggestions; the advisor says: " + workbench.advisor().statusProperty().get()
                    + " / " + workbench.advisor().answerProperty().get());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.advisor().statusProperty().get()).startsWith("The engine answered");
        AdvisorViewModel.SuggestionRow first = workbench.advisor().suggestions().get(0);
        robot.clickOn(robot.lookup(".accept-suggestion").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.studio().selectedProperty().get().id()).isEqualTo(first.suggestion().sliId());
        assertThat(workbench.studio().tuningProperty().get().objective()).isEqualTo(first.suggestion().objective());
        assertThat(workbench.advisor().suggestions().get(0).state()).isEqualTo("accepted");
    }

    @Test
    void theThemeSwitchesWithCtrlTAndIsRemembered(FxRobot robot) {
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        robot.push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(workbench.model().settingsProperty().get().dark()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        assertThat(robot.lookup("#memory").queryLabeled().getText()).matches("[0-9,]+ / [0-9,]+ MB");
    }

    @SuppressWarnings("unchecked")
    private static double objectiveLine(LineChart<?, ?> chart) {
        XYChart.Series<Number, Number> line = (XYChart.Series<Number, Number>) chart.getData().stream()
                .filter(s -> s.getName().startsWith("objective")).findFirst().orElseThrow();
        return line.getData().get(0).getYValue().doubleValue();
    }
}
