package dev.sloscout.assist.advisor;

import java.util.List;

/**
 * What the advisor says for one task: from the LLM when it answered validly, else from the deterministic engine, with
 * the reason it fell back. Every suggestion carries its reason and whether the data backs it; nothing is applied
 * until the user accepts it.
 *
 * @param fromModel      true when an LLM wrote it; false for the deterministic answer
 * @param fallbackReason why the deterministic path answered (null when the model did)
 */
public record Advice(Advisor.Task task, boolean fromModel, String fallbackReason, String summary,
        List<Suggestion> suggestions, List<String> triageSteps) {

    /** An SLO suggestion; {@code verdict} says whether the history supports it. */
    public record Suggestion(String sliId, double objective, int periodDays, Double thresholdMs, String reason,
            Verdict verdict, String check) {
    }

    public enum Verdict {
        /** The history meets it: it can be accepted. */
        SUPPORTED,
        /** The history contradicts it (it would have been violated): shown, flagged, not applicable as is. */
        CONTRADICTED
    }
}
