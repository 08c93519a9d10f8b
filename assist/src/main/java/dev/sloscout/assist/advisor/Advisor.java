package dev.sloscout.assist.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.SloProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The optional LLM advisor. The deterministic engine stays the source of truth: the model is asked, with exactly the
 * text {@link #prepare} shows (redacted, size-limited), for JSON of a fixed shape; the answer is validated, checked
 * against the data (an objective the history would have violated is flagged, an SLI that does not exist is refused),
 * and anything that goes wrong (no endpoint, timeout, HTTP error, invalid JSON, wrong shape) gives the deterministic
 * answer with the reason.
 */
public final class Advisor {
    /** What the advisor can be asked. */
    public enum Task {
        EXPLAIN_JOURNEY("Explain this user journey and its SLI candidates in plain words for an SRE.",
                "{\"summary\": string, \"sliExplanations\": [{\"sliId\": string, \"text\": string}]}"),
        PROPOSE_SLOS("Propose SLOs for this journey's SLI candidates, with a reason each, given the statistics, "
                + "history and evidence.", "{\"summary\": string, \"suggestions\": [{\"sliId\": string, "
                + "\"objective\": number between 0.5 and 0.99999, \"periodDays\": integer 1-90, "
                + "\"thresholdMs\": number or null, \"reason\": string}]}"),
        DRAFT_TRIAGE("Draft the triage section of this journey's runbook: ordered, concrete steps.",
                "{\"summary\": string, \"steps\": [string]}");

        final String ask;
        final String shape;

        Task(String ask, String shape) {
            this.ask = ask;
            this.shape = shape;
        }
    }

    /** Exactly what leaves the machine for one request. */
    public record Outbound(String system, String user, boolean truncated) {
        public int characters() {
            return system.length() + user.length();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatClient chat;           // null: no endpoint configured
    private final int maxPromptChars;
    private final Redactor redactor = new Redactor();

    /** An advisor with no endpoint: every answer is the deterministic one. */
    public static Advisor offline() {
        return new Advisor(null, 12_000);
    }

    /** An advisor on an OpenAI-compatible endpoint, with the key from its key file (none when the file is absent). */
    public static Advisor connect(AdvisorSettings settings, AdvisorKeyFile keys) throws java.io.IOException {
        return new Advisor(new OpenAiCompatibleChat(settings, keys.load().orElse(null)), settings.maxPromptChars());
    }

    public Advisor(ChatClient chat, int maxPromptChars) {
        this.chat = chat;
        this.maxPromptChars = maxPromptChars;
    }

    /** The request for a task, redacted and cut to the size limit: what the user sees before sending. */
    public Outbound prepare(Task task, Journey journey, List<SliCandidate> slis, List<Capsule> evidence) {
        String system = "You are an SRE assistant. " + task.ask + " Answer with one JSON object only, of this shape: "
                + task.shape + ". Use only the sliId values given. Objectives are ratios (0.999 means 99.9%).";
        StringBuilder user = new StringBuilder();
        user.append("Journey: ").append(journey.name()).append('\n')
                .append(String.format(Locale.ROOT, "Traffic: %d traces, error ratio %.5f, latency p50 %.1f ms, "
                        + "p99 %.1f ms%n", journey.traces(), journey.errorRatio(), journey.latencyMs().p50(),
                        journey.latencyMs().p99()))
                .append("Services: ").append(String.join(", ", journey.services())).append('\n');
        for (SliCandidate sli : slis) {
            user.append(String.format(Locale.ROOT, "SLI %s (%s): %s; observed good ratio %.6f (95%% interval "
                            + "%.6f-%.6f) over %d events%s%n", sli.id(), sli.kind(), sli.name(), sli.observed().ratio(),
                    sli.observed().low(), sli.observed().high(), sli.observed().total(),
                    sli.thresholdMs() == null ? "" : ", threshold " + sli.thresholdMs() + " ms"));
            for (SloProposal p : sli.proposals()) {
                user.append(String.format(Locale.ROOT, "  engine proposal %s: objective %s over %d days, budget "
                        + "spent in history %.2f%n", p.variant(), p.objective(), p.periodDays(),
                        p.budgetSpentInHistory()));
            }
        }
        if (!evidence.isEmpty()) {
            user.append("Log evidence (capsules on this journey's traces):\n");
            for (Capsule c : evidence) {
                user.append(String.format(Locale.ROOT, "  %s x%d (%d on failed traces): %s%n", c.service(), c.count(),
                        c.eventsOnErrorTraces(), c.template()));
            }
        }
        String redacted = redactor.redact(user.toString());
        int room = Math.max(0, maxPromptChars - system.length());
        boolean truncated = redacted.length() > room;
        if (truncated) {
            String note = "\n[cut: the rest of the evidence is over the size limit]";
            redacted = redacted.substring(0, Math.max(0, room - note.length())) + note;
        }
        return new Outbound(system, redacted, truncated);
    }

    /** Asks the model (if there is one) and returns validated advice, or the deterministic advice and why. */
    public Advice ask(Task task, Journey journey, List<SliCandidate> slis, List<Capsule> evidence) {
        if (chat == null) {
            return deterministic(task, journey, slis, evidence, "no advisor endpoint is configured");
        }
        Outbound request = prepare(task, journey, slis, evidence);
        String answer;
        try {
            answer = chat.complete(request.system(), request.user());
        } catch (ChatClient.AdvisorUnavailable e) {
            return deterministic(task, journey, slis, evidence, "the advisor did not answer: " + e.getMessage());
        }
        try {
            return validated(task, JSON.readTree(stripFences(answer)), slis);
        } catch (java.io.IOException e) {
            return deterministic(task, journey, slis, evidence, "the advisor's answer is not JSON: "
                    + shorten(e.getMessage()));
        } catch (InvalidAnswer e) {
            return deterministic(task, journey, slis, evidence, "the advisor's answer does not have the asked shape: "
                    + e.getMessage());
        }
    }

    private Advice validated(Task task, JsonNode root, List<SliCandidate> slis) throws InvalidAnswer {
        if (root == null || !root.isObject()) {
            throw new InvalidAnswer("expected a JSON object");
        }
        String summary = text(root, "summary");
        return switch (task) {
            case EXPLAIN_JOURNEY -> {
                JsonNode explanations = array(root, "sliExplanations");
                List<String> lines = new ArrayList<>();
                for (JsonNode e : explanations) {
                    lines.add(text(e, "sliId") + ": " + text(e, "text"));
                }
                yield new Advice(task, true, null, summary + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines)),
                        List.of(), List.of());
            }
            case PROPOSE_SLOS -> {
                Map<String, SliCandidate> byId = slis.stream().collect(Collectors.toMap(SliCandidate::id,
                        Function.identity(), (a, b) -> a));
                List<Advice.Suggestion> suggestions = new ArrayList<>();
                for (JsonNode s : array(root, "suggestions")) {
                    String sliId = text(s, "sliId");
                    SliCandidate sli = byId.get(sliId);
                    if (sli == null) {
                        throw new InvalidAnswer("suggestion for an SLI that does not exist: " + sliId);
                    }
                    double objective = number(s, "objective", 0.5, 0.99999);
                    int period = (int) number(s, "periodDays", 1, 90);
                    JsonNode threshold = s.get("thresholdMs");
                    Double thresholdMs = threshold == null || threshold.isNull() ? null
                            : number(s, "thresholdMs", 0.001, 3_600_000);
                    suggestions.add(checked(sli, objective, period, thresholdMs, text(s, "reason")));
                }
                yield new Advice(task, true, null, summary, suggestions, List.of());
            }
            case DRAFT_TRIAGE -> {
                List<String> steps = new ArrayList<>();
                for (JsonNode step : array(root, "steps")) {
                    if (!step.isTextual() || step.asText().isBlank()) {
                        throw new InvalidAnswer("steps must be non-empty strings");
                    }
                    steps.add(step.asText());
                }
                if (steps.isEmpty()) {
                    throw new InvalidAnswer("no triage steps");
                }
                yield new Advice(task, true, null, summary, List.of(), steps);
            }
        };
    }

    /** Against the history: an objective above what the SLI achieved (upper end of its interval) is contradicted. */
    static Advice.Suggestion checked(SliCandidate sli, double objective, int period, Double thresholdMs,
            String reason) {
        double achieved = sli.observed().high();
        if (sli.observed().total() > 0 && objective > achieved) {
            return new Advice.Suggestion(sli.id(), objective, period, thresholdMs, reason,
                    Advice.Verdict.CONTRADICTED, String.format(Locale.ROOT, "the history achieved at best %.5f "
                            + "(%d of %d good, 95%% interval), below the proposed %s", achieved, sli.observed().good(),
                            sli.observed().total(), objective));
        }
        return new Advice.Suggestion(sli.id(), objective, period, thresholdMs, reason, Advice.Verdict.SUPPORTED,
                String.format(Locale.ROOT, "the history achieved %.5f (%d of %d good)", sli.observed().ratio(),
                        sli.observed().good(), sli.observed().total()));
    }

    /** The engine's own answer, said to be so, with the reason the model's was not used. */
    Advice deterministic(Task task, Journey journey, List<SliCandidate> slis, List<Capsule> evidence,
            String reason) {
        String summary = String.format(Locale.ROOT, "%s: %d traces, %.3f%% failed, p99 %.1f ms, across %d services.",
                journey.name(), journey.traces(), journey.errorRatio() * 100, journey.latencyMs().p99(),
                journey.services().size());
        return switch (task) {
            case EXPLAIN_JOURNEY -> new Advice(task, false, reason, summary + slis.stream().map(s -> "\n" + s.name()
                    + ": good = " + s.good() + "; total = " + s.total()).collect(Collectors.joining()), List.of(),
                    List.of());
            case PROPOSE_SLOS -> new Advice(task, false, reason, summary, slis.stream()
                    .flatMap(s -> s.proposals().stream().filter(p -> p.variant() == SloProposal.Variant.BALANCED)
                            .map(p -> checked(s, p.objective(), p.periodDays(), p.thresholdMs(),
                                    "the engine's balanced proposal: " + String.join("; ", p.reasons()))))
                    .toList(), List.of());
            case DRAFT_TRIAGE -> {
                List<String> steps = new ArrayList<>();
                steps.add("Check the burn-rate alert's window: is the error ratio of " + journey.name()
                        + " still above the threshold?");
                journey.edges().stream().filter(e -> e.errors() > 0).limit(3).forEach(e -> steps.add(
                        "Look at the calls " + e.from() + " -> " + e.to() + " (" + e.errors() + " failed of "
                                + e.calls() + ")."));
                evidence.stream().filter(Capsule::mostlyOnErrorTraces).limit(3).forEach(c -> steps.add(
                        "Search the logs of " + c.service() + " for: " + c.template()));
                yield new Advice(task, false, reason, summary, List.of(), steps);
            }
        };
    }

    private static String stripFences(String answer) {
        String a = answer.strip();
        if (a.startsWith("```")) {
            a = a.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        return a;
    }

    private static String text(JsonNode node, String field) throws InvalidAnswer {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidAnswer("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String field) throws InvalidAnswer {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new InvalidAnswer("'" + field + "' must be an array");
        }
        return v;
    }

    private static double number(JsonNode node, String field, double min, double max) throws InvalidAnswer {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw new InvalidAnswer("'" + field + "' must be a number from " + min + " to " + max);
        }
        return v.asDouble();
    }

    private static String shorten(String s) {
        String one = String.valueOf(s).replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    private static final class InvalidAnswer extends Exception {
        InvalidAnswer(String message) {
            super(message);
        }
    }
}
