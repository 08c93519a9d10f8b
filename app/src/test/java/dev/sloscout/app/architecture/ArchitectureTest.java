package dev.sloscout.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency direction app -> pipeline -> {assist, workspace, connectors} -> engine, and the engine's purity,
 * checked on the real classes.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sloscout");
    }

    @Test
    void engineDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.sloscout.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sloscout.connectors..", "dev.sloscout.app..",
                        "dev.sloscout.workspace..")
                .because("the engine is the headless brain that the GUI, the CLI and later a Kafka Streams job all reuse; "
                        + "it must not know how data arrives or is shown")
                .check(classes);
    }

    @Test
    void connectorsDoNotReachIntoTheApp() {
        noClasses().that().resideInAPackage("dev.sloscout.connectors..")
                .should().dependOnClassesThat().resideInAPackage("dev.sloscout.app..")
                .because("connectors feed the engine for every front end; the app composes them, not the other way round")
                .check(classes);
    }

    @Test
    void engineStaysFreeOfUiNetworkAndWireFormats() {
        noClasses().that().resideInAPackage("dev.sloscout.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.kafka..", "java.net.http..",
                        "com.fasterxml.jackson..", "com.google.protobuf..", "io.opentelemetry.proto..", "picocli..")
                .because("the engine works on its own validated model; UI toolkits, network clients and foreign wire "
                        + "types stop at the edge (connectors and app)")
                .check(classes);
    }

    @Test
    void theWorkspaceStoresWhatTheEngineFoundAndNothingElse() {
        noClasses().that().resideInAPackage("dev.sloscout.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sloscout.connectors..", "dev.sloscout.app..",
                        "javafx..", "picocli..", "org.apache.kafka..", "java.net.http..")
                .because("the workspace is storage and search for engine results, shared by the GUI and the CLI; "
                        + "it neither reads telemetry nor shows anything")
                .check(classes);
    }

    @Test
    void theAssistAddsSearchAndAdviceButNeverDecidesOrShows() {
        noClasses().that().resideInAPackage("dev.sloscout.assist..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sloscout.connectors..", "dev.sloscout.app..",
                        "javafx..", "picocli..")
                .because("the AI assist works on what the engine found (stored in the workspace); reading telemetry "
                        + "and showing things stay with connectors and the app")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.sloscout.engine..", "dev.sloscout.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sloscout.assist..", "dev.langchain4j..")
                .because("the deterministic engine stays the source of truth and works without any AI")
                .check(classes);
    }

    @Test
    void connectorsHaveNoUi() {
        noClasses().that().resideInAPackage("dev.sloscout.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
                .because("connectors run headless in the CLI and in CI; only the app shows things")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateNotWidgets() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                        "org.graphstream..", "org.controlsfx..", "atlantafx..")
                .because("view models are tested without a toolkit (MVVM): they expose properties and observable lists, "
                        + "and the views turn them into widgets")
                .check(classes);
    }

    @Test
    void thePipelineServesEveryFrontEndAndKnowsNone() {
        noClasses().that().resideInAPackage("dev.sloscout.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sloscout.app..", "javafx..", "picocli..",
                        "org.graphstream..", "org.controlsfx..", "atlantafx..")
                .because("the CLI, the workbench, live sessions and a server or stream job all call the one headless "
                        + "pipeline; it must run where there is no display and no command line")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.sloscout.engine..", "dev.sloscout.connectors..",
                        "dev.sloscout.workspace..", "dev.sloscout.assist..")
                .should().dependOnClassesThat().resideInAPackage("dev.sloscout.pipeline..")
                .because("dependencies point one way: app -> pipeline -> {assist, workspace, connectors} -> engine")
                .check(classes);
    }

    @Test
    void onlyViewsAndTheShellUseTheGraphAndNotificationLibraries() {
        noClasses().that().resideOutsideOfPackages("dev.sloscout.app.journeys..", "dev.sloscout.app.fx..",
                        "dev.sloscout.app.workbench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graphstream..", "org.controlsfx..", "atlantafx..")
                .because("the service graph is the journeys view's business, notifications the FX toolkit's and the "
                        + "theme the composition root's")
                .check(classes);
    }

    @Test
    void theCliDoesNotReachIntoTheWorkbench() {
        noClasses().that().resideInAPackage("dev.sloscout.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(withJavaFx())
                .because("the headless CLI must start without JavaFX on machines with no display (CI, GitOps)")
                .check(classes);
    }

    /** Every package of the workbench: the composition root, the shell, the FX toolkit and the feature views. */
    private static final String[] WORKBENCH = {"dev.sloscout.app.workbench..", "dev.sloscout.app.shell..",
        "dev.sloscout.app.fx..", "dev.sloscout.app.journeys..", "dev.sloscout.app.capsules..",
        "dev.sloscout.app.slostudio..", "dev.sloscout.app.artifacts..", "dev.sloscout.app.search..",
        "dev.sloscout.app.advisor..", "dev.sloscout.app.live..", "dev.sloscout.app.quality.."};

    private static String[] withJavaFx() {
        String[] all = Arrays.copyOf(WORKBENCH, WORKBENCH.length + 1);
        all[WORKBENCH.length] = "javafx..";
        return all;
    }

    private static final String[] FEATURES = Arrays.copyOfRange(WORKBENCH, 3, WORKBENCH.length);

    @Test
    void thePackagesOfTheAppFormNoCycle() {
        slices().matching("dev.sloscout.app.(*)..").should().beFreeOfCycles()
                .because("arrows read one way: composition root -> shell -> features -> FX toolkit")
                .check(classes);
    }

    @Test
    void theWorkbenchIsLayeredCompositionRootShellFeaturesToolkit() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.sloscout.app..")
                .layer("Entry point").definedBy("dev.sloscout.app")
                .layer("Composition root").definedBy("dev.sloscout.app.workbench..")
                .layer("Shell").definedBy("dev.sloscout.app.shell..")
                .layer("Features").definedBy(FEATURES)
                .layer("FX toolkit").definedBy("dev.sloscout.app.fx..")
                .whereLayer("Composition root").mayOnlyBeAccessedByLayers("Entry point")
                .whereLayer("Shell").mayOnlyBeAccessedByLayers("Composition root")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Composition root", "Shell")
                .whereLayer("FX toolkit").mayOnlyBeAccessedByLayers("Composition root", "Shell", "Features")
                .because("one place builds everything (the composition root); the shell hosts the features; the "
                        + "features share the toolkit and never reach back")
                .check(classes);
        noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage("dev.sloscout.app.journeys..")
                .should().dependOnClassesThat().resideInAPackage("dev.sloscout.app.journeys..")
                .because("a feature view stands alone; the composition root wires one to another")
                .check(classes);
    }
}
