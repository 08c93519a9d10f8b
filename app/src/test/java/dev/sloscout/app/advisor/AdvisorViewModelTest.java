package dev.sloscout.app.advisor;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import dev.sloscout.assist.advisor.Advice;
import dev.sloscout.assist.advisor.ScriptedOpenAiServer;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The studio's advisor panel against a real loopback OpenAI-compatible server and a real workspace. */
class AdvisorViewModelTest {
    @TempDir
    Path dir;

    private final SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());

    private static String proposal(SliCandidate sli, double objective) {
        return String.format(Locale.ROOT, "{\"summary\": \"protect %s\", \"suggestions\": [{\"sliId\": \"%s\", "
                + "\"objective\": %s, \"periodDays\": 30, \"thresholdMs\": null, \"reason\": \"users notice\"}]}",
                sli.journeyName(), sli.id(), objective);
    }

    @Test
    void withoutAnEndpointTheEngineAnswersAndSaysWhy() {
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        AdvisorViewModel vm = new AdvisorViewModel(studio, analysis, new SimpleObjectProperty<>(), BackgroundTasks.SAME_THREAD,
                dir.resolve("home"));
        assertThat(vm.statusProperty().get()).startsWith("The advisor is off");
        vm.ask();
        assertThat(vm.statusProperty().get()).startsWith("The engine answered: ");
        assertThat(vm.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s.state()).isEqualTo("open"));
        assertThat(vm.outboundProperty().get()).startsWith("To nobody (no endpoint: nothing is sent)");
    }

    @Test
    void aModelsSuggestionIsShownWithWhatWasSentAndAcceptingTunesTheStudioAndSavesADraft() throws Exception {
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        SliCandidate sli = studio.selectedProperty().get();
        double supported = sli.proposals().stream().mapToDouble(p -> p.objective()).min().orElseThrow();
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(
                ScriptedOpenAiServer.Reply.completion(proposal(sli, supported)),
                ScriptedOpenAiServer.Reply.completion(proposal(sli, 0.99999)));
             Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Path home = dir.resolve("home");
            AdvisorViewModel vm = new AdvisorViewModel(studio, analysis, new SimpleObjectProperty<>(ws),
                    BackgroundTasks.SAME_THREAD, home);
            vm.endpointProperty().set(server.baseUrl());
            vm.modelProperty().set("scripted");
            vm.saveSettings("sk-test-key-123");
            assertThat(AdvisorConfig.load(home).endpoint()).isEqualTo(server.baseUrl());
            assertThat(java.nio.file.Files.readString(home.resolve("advisor.json"))).doesNotContain("sk-test-key-123");

            vm.ask();
            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer sk-test-key-123");
                assertThat(r.body()).contains(sli.journeyName());
            });
            assertThat(vm.outboundProperty().get()).startsWith("To " + server.baseUrl());
            assertThat(vm.statusProperty().get()).startsWith("The model answered");
            AdvisorViewModel.SuggestionRow row = vm.suggestions().get(0);
            assertThat(row.suggestion().verdict()).isEqualTo(Advice.Verdict.SUPPORTED);
            vm.accept(row);
            assertThat(studio.tuningProperty().get().objective()).isEqualTo(supported);
            assertThat(studio.tuningProperty().get().periodDays()).isEqualTo(30);
            assertThat(vm.suggestions().get(0).state()).isEqualTo("accepted");
            assertThat(ws.drafts()).singleElement().satisfies(d -> {
                assertThat(d.sliId()).isEqualTo(sli.id());
                assertThat(d.objective()).isEqualTo(supported);
            });

            vm.ask(); // 99.999% for an SLI that failed now and then: the history contradicts it
            AdvisorViewModel.SuggestionRow contradicted = vm.suggestions().get(0);
            assertThat(contradicted.suggestion().verdict()).isEqualTo(Advice.Verdict.CONTRADICTED);
            assertThat(contradicted.acceptable()).isFalse();
            vm.accept(contradicted);
            assertThat(studio.tuningProperty().get().objective()).isEqualTo(supported);
            assertThat(vm.statusProperty().get()).startsWith("Not accepted: the history contradicts it");
            vm.reject(contradicted);
            assertThat(vm.suggestions().get(0).state()).isEqualTo("rejected");
        }
    }

    @Test
    void badSettingsAreToldNotThrown() {
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        AdvisorViewModel vm = new AdvisorViewModel(studio, analysis, new SimpleObjectProperty<>(), BackgroundTasks.SAME_THREAD,
                dir.resolve("home"));
        vm.endpointProperty().set("ftp://nowhere");
        vm.ask();
        assertThat(vm.statusProperty().get()).startsWith("Advisor settings: ").contains("expected an http(s) URL");
        vm.timeoutSecondsProperty().set("soon");
        vm.saveSettings(null);
        assertThat(vm.statusProperty().get()).startsWith("Settings not saved: the timeout must be a number");
    }
}
