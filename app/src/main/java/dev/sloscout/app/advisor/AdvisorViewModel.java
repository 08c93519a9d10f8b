package dev.sloscout.app.advisor;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Evidence;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import dev.sloscout.app.slostudio.Tuning;
import dev.sloscout.assist.advisor.Advice;
import dev.sloscout.assist.advisor.Advisor;
import dev.sloscout.assist.advisor.AdvisorKeyFile;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.Objective;
import dev.sloscout.workspace.SloDraft;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The advisor panel of the SLO studio: settings (endpoint, model, key), the exact text that would leave the machine,
 * the answer (from the model, or from the engine with the reason), and suggestions the user accepts (tuned in the
 * studio and saved as a draft in the workspace) or rejects. Contradicted suggestions cannot be accepted.
 */
public final class AdvisorViewModel {
    /** A suggestion as listed, with what became of it. */
    public record SuggestionRow(Advice.Suggestion suggestion, String sliName, String state) {
        public boolean acceptable() {
            return suggestion.verdict() == Advice.Verdict.SUPPORTED && state.equals("open");
        }

        public String headline() {
            return String.format(Locale.ROOT, "%s: %s over %d days%s", sliName, new Objective(suggestion.objective()).percent(),
                    suggestion.periodDays(), suggestion.thresholdMs() == null ? "" : ", under " + suggestion.thresholdMs() + " ms");
        }
    }

    private final SloStudioViewModel studio;
    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final BackgroundTasks tasks;
    private final Path home;
    private final StringProperty endpoint = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty timeoutSeconds = new SimpleStringProperty();
    private final StringProperty keyFile = new SimpleStringProperty();
    private final ObjectProperty<Advisor.Task> task = new SimpleObjectProperty<>(Advisor.Task.PROPOSE_SLOS);
    private final StringProperty outbound = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<SuggestionRow> suggestions = FXCollections.observableArrayList();

    public AdvisorViewModel(SloStudioViewModel studio, ReadOnlyObjectProperty<Analysis> analysis,
                            ReadOnlyObjectProperty<Workspace> workspace, BackgroundTasks tasks, Path home) {
        this.studio = studio;
        this.analysis = analysis;
        this.workspace = workspace;
        this.tasks = tasks;
        this.home = home;
        AdvisorConfig config;
        try {
            config = AdvisorConfig.load(home);
        } catch (IOException e) {
            config = AdvisorConfig.OFF;
            status.set(home.resolve(AdvisorConfig.FILE) + " could not be read (" + e.getMessage() + "): the advisor is off");
        }
        show(config);
        studio.selectedProperty().addListener((o, a, b) -> {
            outbound.set("");
            answer.set("");
            suggestions.clear();
        });
    }

    private void show(AdvisorConfig config) {
        endpoint.set(config.endpoint());
        model.set(config.model());
        timeoutSeconds.set(String.valueOf(config.timeoutSeconds()));
        keyFile.set(config.keyFile() == null ? home.resolve("advisor.key").toString() : config.keyFile());
        if (status.get().isEmpty()) {
            status.set(config.enabled() ? "Advisor: " + config.model() + " at " + config.endpoint()
                    : "The advisor is off (no endpoint): the engine answers. Set an OpenAI-compatible endpoint to ask a model.");
        }
    }

    AdvisorConfig config() {
        int timeout;
        try {
            timeout = Integer.parseInt(timeoutSeconds.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the timeout must be a number of seconds, got '" + timeoutSeconds.get() + "'");
        }
        String key = keyFile.get() == null || keyFile.get().isBlank() ? null : keyFile.get().trim();
        AdvisorConfig config = new AdvisorConfig(endpoint.get(), model.get(), timeout, key);
        if (config.enabled()) {
            config.settings(); // validates the URL
        }
        return config;
    }

    /** Saves endpoint, model and timeout (not the key) and, when given, the key into its owner-only file. */
    public void saveSettings(String newKey) {
        try {
            AdvisorConfig config = config();
            config.save(home);
            if (newKey != null && !newKey.isBlank()) {
                keyFile().save(newKey);
            }
            status.set("Advisor settings saved in " + home.resolve(AdvisorConfig.FILE)
                    + (newKey != null && !newKey.isBlank() ? "; the key in " + keyFile().path() + " (owner-only)" : ""));
        } catch (IOException | IllegalArgumentException e) {
            status.set("Settings not saved: " + e.getMessage());
        }
    }

    private AdvisorKeyFile keyFile() {
        return new AdvisorKeyFile(Path.of(keyFile.get()));
    }

    private record Request(Journey journey, List<SliCandidate> slis, List<dev.sloscout.engine.capsule.Capsule> evidence) {
    }

    private Optional<Request> request() {
        SliCandidate selected = studio.selectedProperty().get();
        Analysis a = analysis.get();
        if (selected == null || a == null) {
            status.set("Pick an SLI in the studio first.");
            return Optional.empty();
        }
        Journey journey = a.journey(selected.journeyId()).orElse(null);
        if (journey == null) {
            status.set("The advisor works on journeys found in traces; " + selected.name() + " comes from metrics.");
            return Optional.empty();
        }
        List<SliCandidate> slis = a.candidates().stream().filter(c -> c.journeyId().equals(journey.id())).toList();
        return Optional.of(new Request(journey, slis, Evidence.forJourney(a.capsules(), journey.id(), 5)));
    }

    /** Shows exactly what would be sent for the current task and SLI's journey (redacted, size-limited). */
    public void preview() {
        request().ifPresent(r -> {
            Advisor.Outbound out = Advisor.offline().prepare(task.get(), r.journey(), r.slis(), r.evidence());
            AdvisorConfig config = safeConfig();
            outbound.set(String.format(Locale.ROOT, "To %s, %,d characters%s%n%n--- system ---%n%s%n%n--- user ---%n%s",
                    config.enabled() ? config.endpoint() : "nobody (no endpoint: nothing is sent)", out.characters(),
                    out.truncated() ? ", evidence cut to the size limit" : "", out.system(), out.user()));
        });
    }

    private AdvisorConfig safeConfig() {
        try {
            return config();
        } catch (IllegalArgumentException e) {
            return AdvisorConfig.OFF;
        }
    }

    /** Asks the advisor in the background; without an endpoint (or when it fails) the engine answers and says why. */
    public void ask() {
        Optional<Request> request = request();
        if (request.isEmpty()) {
            return;
        }
        AdvisorConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            status.set("Advisor settings: " + e.getMessage());
            return;
        }
        preview();
        Request r = request.get();
        Advisor.Task which = task.get();
        status.set(config.enabled() ? "asking " + config.model() + " at " + config.endpoint() + "..." : "asking the engine...");
        tasks.submit("Advisor: " + which.name().toLowerCase(Locale.ROOT).replace('_', ' '), progress -> {
            Advisor advisor;
            if (config.enabled()) {
                advisor = Advisor.connect(config.settings(), keyFile());
            } else {
                advisor = Advisor.offline();
            }
            return advisor.ask(which, r.journey(), r.slis(), r.evidence());
        }, this::showAdvice, failure -> status.set("The advisor failed: " + failure.getMessage()));
    }

    private void showAdvice(Advice advice) {
        StringBuilder text = new StringBuilder(advice.summary());
        if (!advice.triageSteps().isEmpty()) {
            text.append("\n\nTriage:\n");
            for (int i = 0; i < advice.triageSteps().size(); i++) {
                text.append(i + 1).append(". ").append(advice.triageSteps().get(i)).append('\n');
            }
        }
        answer.set(text.toString());
        List<SliCandidate> all = analysis.get() == null ? List.of() : analysis.get().candidates();
        suggestions.setAll(advice.suggestions().stream().map(s -> new SuggestionRow(s, all.stream()
                .filter(c -> c.id().equals(s.sliId())).map(SliCandidate::name).findFirst().orElse(s.sliId()), "open")).toList());
        status.set(advice.fromModel() ? "The model answered; check each suggestion before accepting it."
                : "The engine answered: " + advice.fallbackReason());
    }

    /** Applies a supported suggestion in the studio and saves it as a draft in the workspace. */
    public void accept(SuggestionRow row) {
        if (!row.acceptable()) {
            status.set(row.suggestion().verdict() == Advice.Verdict.CONTRADICTED
                    ? "Not accepted: the history contradicts it (" + row.suggestion().check() + ")" : "Already " + row.state());
            return;
        }
        Advice.Suggestion s = row.suggestion();
        SliCandidate target = studio.candidates().stream().filter(c -> c.id().equals(s.sliId())).findFirst().orElse(null);
        if (target == null) {
            status.set("Not accepted: the SLI " + s.sliId() + " is not in this analysis");
            return;
        }
        studio.selectedProperty().set(target);
        Tuning current = studio.tuningProperty().get();
        Double threshold = target.kind() == SliCandidate.Kind.LATENCY
                ? nearestBound(s.thresholdMs() != null ? s.thresholdMs() : current.thresholdMs()) : null;
        studio.tune(new Tuning(s.objective(), s.periodDays(), threshold, current.tiers()));
        replace(row, "accepted");
        Workspace ws = workspace.get();
        if (ws == null) {
            status.set("Accepted in the studio (no workspace open: not saved as a draft)");
            return;
        }
        SloDraft draft = new SloDraft(target.id(), target.id(), s.objective(), s.periodDays(), threshold, current.tiers());
        tasks.submit("Save the SLO draft", progress -> {
            ws.saveDraft(draft);
            return draft;
        }, saved -> status.set("Accepted: " + row.headline() + "; saved as a draft in the workspace"),
                failure -> status.set("Accepted in the studio, but the draft was not saved: " + failure.getMessage()));
    }

    public void reject(SuggestionRow row) {
        replace(row, "rejected");
        status.set("Rejected: " + row.headline());
    }

    private void replace(SuggestionRow row, String state) {
        int i = suggestions.indexOf(row);
        if (i >= 0) {
            suggestions.set(i, new SuggestionRow(row.suggestion(), row.sliName(), state));
        }
    }

    /** A latency threshold the studio can draw: the recorded bucket bound at or above the suggested one. */
    static double nearestBound(double ms) {
        for (double bound : SloStudioViewModel.thresholds()) {
            if (bound >= ms) {
                return bound;
            }
        }
        List<Double> all = SloStudioViewModel.thresholds();
        return all.get(all.size() - 1);
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Advisor.Task> taskProperty() {
        return task;
    }

    public StringProperty outboundProperty() {
        return outbound;
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<SuggestionRow> suggestions() {
        return suggestions;
    }
}
