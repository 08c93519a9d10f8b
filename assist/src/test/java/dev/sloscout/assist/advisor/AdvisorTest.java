package dev.sloscout.assist.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorTest {
    private static Journey journey;
    private static List<SliCandidate> slis;
    private static final List<Capsule> EVIDENCE = List.of(new Capsule("c1", "t1", List.of(), "payment",
            "charge failed for jane.doe@example.com card 4111 1111 1111 1111", 40, Map.of(Severity.ERROR, 40L),
            1, 2, 60_000, new TreeMap<>(), List.of(), List.of(), 40, 38, Map.of()));

    @TempDir
    Path dir;

    @BeforeAll
    static void analyseTheDemoShop() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, discovery::onTrace);
        DemoShop.generate(1, 1, 2, assembler);
        assembler.finish();
        JourneyDiscovery.JourneyReport report = discovery.build();
        journey = report.journeys().stream().max(java.util.Comparator.comparingDouble(Journey::errorRatio))
                .orElseThrow(); // one that fails now and then, so the history can contradict an objective
        slis = new SliCatalog(MetricsProfile.DEFAULTS).candidates(report).stream()
                .filter(s -> s.journeyId().equals(journey.id()) && s.kind() == SliCandidate.Kind.AVAILABILITY)
                .toList();
    }

    private static Advisor advisor(ScriptedOpenAiServer server, Duration timeout, int retries) {
        AdvisorSettings settings = new AdvisorSettings(server.baseUrl(), "scripted", timeout, retries, 12_000);
        return new Advisor(new OpenAiCompatibleChat(settings, "test-key"), settings.maxPromptChars());
    }

    private static String proposal(double objective) {
        return "{\"summary\": \"checkout matters\", \"suggestions\": [{\"sliId\": \"" + slis.get(0).id()
                + "\", \"objective\": " + objective + ", \"periodDays\": 28, \"thresholdMs\": null, "
                + "\"reason\": \"users retry checkouts\"}]}";
    }

    @Test
    void aValidAnswerIsCheckedAgainstTheHistory() throws Exception {
        assertThat(slis.get(0).observed().high()).as("the journey failed sometimes").isLessThan(0.9999);
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(
                ScriptedOpenAiServer.Reply.completion(proposal(0.9)),
                ScriptedOpenAiServer.Reply.completion("```json\n" + proposal(0.9999) + "\n```"))) {
            Advisor advisor = advisor(server, Duration.ofSeconds(10), 0);
            Advice fine = advisor.ask(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE);
            assertThat(fine.fromModel()).isTrue();
            assertThat(fine.suggestions()).singleElement().satisfies(s -> {
                assertThat(s.verdict()).isEqualTo(Advice.Verdict.SUPPORTED);
                assertThat(s.reason()).isEqualTo("users retry checkouts");
            });
            Advice tooAmbitious = advisor.ask(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE);
            assertThat(tooAmbitious.suggestions()).singleElement().satisfies(s -> {
                assertThat(s.verdict()).isEqualTo(Advice.Verdict.CONTRADICTED);
                assertThat(s.check()).contains("below the proposed");
            });

            ScriptedOpenAiServer.Request sent = server.requests().get(0);
            assertThat(sent.authorization()).isEqualTo("Bearer test-key");
            assertThat(sent.body()).contains("<EMAIL>").contains("<CARD>").doesNotContain("jane.doe")
                    .contains("json_object");
        }
    }

    @Test
    void invalidJsonOrTheWrongShapeFallsBackToTheEngineAndSaysWhy() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(
                ScriptedOpenAiServer.Reply.completion("Sure! Here are some SLOs: 99.9% is good."),
                ScriptedOpenAiServer.Reply.completion("{\"summary\": \"x\", \"suggestions\": [{\"sliId\": "
                        + "\"made-up\", \"objective\": 0.99, \"periodDays\": 28, \"reason\": \"r\"}]}"),
                ScriptedOpenAiServer.Reply.completion("{\"summary\": \"x\", \"suggestions\": [{\"sliId\": \""
                        + slis.get(0).id() + "\", \"objective\": 1.5, \"periodDays\": 28, \"reason\": \"r\"}]}"))) {
            Advisor advisor = advisor(server, Duration.ofSeconds(10), 0);
            Advice notJson = advisor.ask(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE);
            assertThat(notJson.fromModel()).isFalse();
            assertThat(notJson.fallbackReason()).startsWith("the advisor's answer is not JSON");
            assertThat(notJson.suggestions()).isNotEmpty(); // the engine's balanced proposals
            assertThat(advisor.ask(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE).fallbackReason())
                    .contains("does not exist: made-up");
            assertThat(advisor.ask(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE).fallbackReason())
                    .contains("'objective' must be a number from 0.5 to 0.99999");
        }
    }

    @Test
    void aTimeoutFallsBack() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(
                ScriptedOpenAiServer.Reply.slow(proposal(0.9), 3_000))) {
            Advice advice = advisor(server, Duration.ofMillis(500), 0)
                    .ask(Advisor.Task.DRAFT_TRIAGE, journey, slis, EVIDENCE);
            assertThat(advice.fromModel()).isFalse();
            assertThat(advice.fallbackReason()).startsWith("the advisor did not answer: " + server.baseUrl());
            assertThat(advice.triageSteps()).isNotEmpty()
                    .anySatisfy(step -> assertThat(step).contains("charge failed for"));
        }
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedThenGivenUpOn() throws Exception {
        String triage = "{\"summary\": \"s\", \"steps\": [\"look at payment\", \"roll back\"]}";
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(ScriptedOpenAiServer.Reply.error(429),
                ScriptedOpenAiServer.Reply.error(500), ScriptedOpenAiServer.Reply.completion(triage))) {
            Advice advice = advisor(server, Duration.ofSeconds(10), 2)
                    .ask(Advisor.Task.DRAFT_TRIAGE, journey, slis, EVIDENCE);
            assertThat(advice.fromModel()).as(String.valueOf(advice.fallbackReason())).isTrue();
            assertThat(advice.triageSteps()).containsExactly("look at payment", "roll back");
            assertThat(server.requests()).hasSize(3);
        }
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) { // 500 for ever
            Advice advice = advisor(server, Duration.ofSeconds(10), 1)
                    .ask(Advisor.Task.EXPLAIN_JOURNEY, journey, slis, EVIDENCE);
            assertThat(advice.fromModel()).isFalse();
            assertThat(advice.fallbackReason()).contains("did not answer");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void withoutAnEndpointTheEngineAnswersAndSaysSo() {
        Advice advice = Advisor.offline().ask(Advisor.Task.EXPLAIN_JOURNEY, journey, slis, EVIDENCE);
        assertThat(advice.fromModel()).isFalse();
        assertThat(advice.fallbackReason()).isEqualTo("no advisor endpoint is configured");
        assertThat(advice.summary()).contains(journey.name()).contains(slis.get(0).name());
    }

    @Test
    void whatLeavesTheMachineIsShownRedactedAndCutToTheLimit() {
        Advisor.Outbound full = Advisor.offline().prepare(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE);
        assertThat(full.truncated()).isFalse();
        assertThat(full.user()).contains(slis.get(0).id()).contains("<EMAIL>").doesNotContain("example.com");
        Advisor.Outbound cut = new Advisor(null, 600).prepare(Advisor.Task.PROPOSE_SLOS, journey, slis, EVIDENCE);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.characters()).isLessThanOrEqualTo(600);
        assertThat(cut.user()).endsWith("[cut: the rest of the evidence is over the size limit]");
    }

    @Test
    void theKeyFileIsOwnerOnlyAndRefusedOtherwise() throws Exception {
        AdvisorKeyFile keys = new AdvisorKeyFile(dir.resolve("advisor.key"));
        assertThat(keys.load()).isEmpty();
        keys.save("sk-test-123\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.path()))).isEqualTo("rw-------");
        assertThat(keys.load()).contains("sk-test-123");
        Files.setPosixFilePermissions(keys.path(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(keys::load).hasMessageContaining("readable by others").hasMessageNotContaining("sk-test");
        assertThatThrownBy(() -> AdvisorSettings.of("ftp://x", "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
