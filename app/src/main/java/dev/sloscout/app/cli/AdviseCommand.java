package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.LinkedCapsules;
import dev.sloscout.assist.advisor.Advice;
import dev.sloscout.assist.advisor.Advisor;
import dev.sloscout.assist.advisor.AdvisorKeyFile;
import dev.sloscout.assist.advisor.AdvisorSettings;
import dev.sloscout.connectors.files.InputKinds;
import dev.sloscout.connectors.files.Inputs;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slo-scout advise FILE... --task explain|propose|triage}: the optional LLM advisor on one journey. Without
 * {@code --endpoint} the engine answers (and says so); with {@code --dry-run} it prints exactly what would be sent.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Asks an OpenAI-compatible LLM (OpenAI, Azure OpenAI, vLLM, LM Studio, Ollama's /v1) to explain "
                + "a journey, propose SLOs or draft runbook triage; answers are validated and checked against the "
                + "data, and the engine answers when the model cannot.",
                "The API key is read from --key-file (default ~/.slo-scout/advisor.key, owner-only)."})
final class AdviseCommand extends TraceCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trace files (and log files for evidence).")
    List<String> inputs;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "explain, propose or triage.")
    String task;

    @Option(names = "--journey", paramLabel = "ID|NAME", description = "The journey (default: the top-ranked one).")
    String journeyName;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Chat-completions base URL, e.g. "
            + "https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama). None: the engine answers.")
    String endpoint;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "gpt-4o-mini", description = "Model name.")
    String model;

    @Option(names = "--key-file", paramLabel = "FILE", description = "The API key file (owner-only permissions).")
    Path keyFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Per request.")
    int timeoutSeconds;

    @Option(names = "--dry-run", description = "Print what would leave the machine, send nothing.")
    boolean dryRun;

    private final Clock clock;

    AdviseCommand(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        super(stdin, out, err);
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        Advisor.Task which = switch (task.toLowerCase(Locale.ROOT)) {
            case "explain" -> Advisor.Task.EXPLAIN_JOURNEY;
            case "propose" -> Advisor.Task.PROPOSE_SLOS;
            case "triage" -> Advisor.Task.DRAFT_TRIAGE;
            default -> null;
        };
        if (which == null) {
            err.println("slo-scout: --task " + task + ": expected explain, propose or triage");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        JourneyDiscovery discovery = new JourneyDiscovery();
        InputKinds.Split split = InputKinds.split(inputs);
        read(split.traces(), discovery);
        JourneyDiscovery.JourneyReport report = discovery.build();
        Optional<Journey> chosen = report.journeys().stream().filter(j -> journeyName == null
                || j.id().equals(journeyName) || j.name().contains(journeyName)).findFirst();
        if (chosen.isEmpty()) {
            err.println("slo-scout: " + (journeyName == null ? "no journeys in the input"
                    : "no journey matches '" + journeyName + "'"));
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        Journey journey = chosen.get();
        List<SliCandidate> slis = new SliCatalog(MetricsProfile.DEFAULTS).candidates(report).stream()
                .filter(s -> s.journeyId().equals(journey.id())).toList();
        List<Problem> problems = new ArrayList<>();
        CapsuleAccumulator capsules = LinkedCapsules.linkedTo(discovery, clock);
        LogFileReader logs = new LogFileReader(capsules, problems::add);
        split.logs().forEach(logs::read);
        Inputs.release(); // the archives kept open between their files
        List<Capsule> evidence = dev.sloscout.pipeline.Evidence.forJourney(capsules.capsules(), journey.id(), 5);
        problems.forEach(p -> err.println("slo-scout: " + p.toLine()));

        Advisor advisor;
        try {
            advisor = advisor();
        } catch (IOException | IllegalArgumentException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        if (dryRun) {
            Advisor.Outbound outbound = advisor.prepare(which, journey, slis, evidence);
            out.println("# would be sent to " + (endpoint == null ? "(no endpoint configured)" : endpoint) + ", "
                    + outbound.characters() + " characters" + (outbound.truncated() ? ", cut to the limit" : ""));
            out.println("## system");
            out.println(outbound.system());
            out.println("## user");
            out.println(outbound.user());
            return 0;
        }
        Advice advice = advisor.ask(which, journey, slis, evidence);
        out.println(Json.write(advice));
        if (!advice.fromModel()) {
            err.println("slo-scout: the engine answered: " + advice.fallbackReason());
        }
        return 0;
    }

    private Advisor advisor() throws IOException {
        if (endpoint == null) {
            return Advisor.offline();
        }
        AdvisorSettings settings = new AdvisorSettings(endpoint, model, Duration.ofSeconds(timeoutSeconds), 2,
                12_000);
        return Advisor.connect(settings, keyFile == null ? AdvisorKeyFile.inHome() : new AdvisorKeyFile(keyFile));
    }
}
