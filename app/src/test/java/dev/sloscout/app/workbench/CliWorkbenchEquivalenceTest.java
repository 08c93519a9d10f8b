package dev.sloscout.app.workbench;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.fx.Notifier;
import dev.sloscout.app.shell.MainViewModel;
import dev.sloscout.app.shell.WorkbenchSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.app.Version;
import dev.sloscout.app.artifacts.ArtifactsViewModel;
import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.AnalysisDocument;
import dev.sloscout.pipeline.bundle.ExportBundle;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI and the workbench run one pipeline: the same inputs and options (a user's metrics profile, the custom rules
 * profile) give the same analysis.json and the same bundle, whichever front end ran them.
 */
class CliWorkbenchEquivalenceTest {
    @TempDir
    Path dir;

    @Test
    void theSameInputsAndOptionsGiveTheSameAnalysisAndBundleFromTheCliAndTheWorkbench() throws Exception {
        Path traces = Analyses.shopTraces(dir, 300).toAbsolutePath();
        Path logs = Analyses.shopLogs(dir, 60).toAbsolutePath();
        Path profile = dir.resolve("acme.json").toAbsolutePath();
        Files.writeString(profile, "{\"name\":\"acme\",\"description\":\"ACME gateway metrics\","
                + "\"callsMetric\":\"acme_requests_total\",\"serviceLabel\":\"app\",\"operationLabel\":\"path\","
                + "\"extraSelectors\":\"\",\"errorSelector\":\"status=~\\\"5..\\\"\","
                + "\"durationBucketMetric\":\"acme_latency_seconds_bucket\","
                + "\"durationCountMetric\":\"acme_latency_seconds_count\",\"bucketUnitSeconds\":1,"
                + "\"bucketBoundsMs\":[5,10,25,50,100,250,500,1000,2500],\"requiresRoute\":false}");
        Path cliOut = dir.resolve("cli");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = dev.sloscout.app.cli.SloScoutCommand.run(new String[] {"analyze", traces.toString(), logs.toString(),
                "--metrics-profile", profile.toString(), "--rules-profile", "custom", "--validate", "never", "--out",
                cliOut.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // the workbench: settings name the profile files, as its Settings and command line do
        WorkbenchSettings settings = WorkbenchSettings.DEFAULTS.withMetricsProfile(profile.toString())
                .withRulesProfile("custom");
        MainViewModel model = new MainViewModel(BackgroundTasks.SAME_THREAD, Runnable::run, Notifier.SILENT, settings,
                dir.resolve("home"));
        model.open(List.of(traces, logs));
        Path guiOut = dir.resolve("gui");
        Files.createDirectories(guiOut);
        AnalysisDocument.of(model.analysisProperty().get(), Version.current()).write(guiOut.resolve("analysis.json"));
        ArtifactsViewModel artifacts = new ArtifactsViewModel(model.analysisProperty(),
                FXCollections.observableHashMap(), model.optionsProperty(), BackgroundTasks.SAME_THREAD, p -> { },
                p -> List.of());
        assertThat(artifacts.rulesProfileProperty().get()).isEqualTo("acme");
        artifacts.export(guiOut);

        ObjectMapper json = new ObjectMapper();
        JsonNode fromCli = json.readTree(cliOut.resolve("analysis.json").toFile());
        JsonNode fromGui = json.readTree(guiOut.resolve("analysis.json").toFile());
        assertThat(fromGui).isEqualTo(fromCli);
        assertThat(fromCli.get("sliCandidates").get(0).get("queries").get(2).get("profile").asText()).isEqualTo("acme");
        Map<String, String> cliBundle = bundle(cliOut);
        assertThat(cliBundle).isNotEmpty().allSatisfy((file, content) -> {
            if (file.startsWith("prometheus/rules/")) {
                assertThat(content).contains("acme_requests_total");
            }
        });
        assertThat(bundle(guiOut)).isEqualTo(cliBundle);
    }

    /** The bundle's files (analysis.json aside) by relative path. */
    private static Map<String, String> bundle(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals("analysis.json") && ExportBundle.isBundlePath(relative)) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        return files;
    }
}
