package dev.sloscout.workspace;

import java.util.List;

/**
 * An SLO being tuned: which SLI, the objective, period, latency threshold (null for availability) and alert tiers.
 * Every change is kept as a step of its tuning history.
 */
public record SloDraft(String id, String sliId, double objective, int periodDays, Double thresholdMs,
        List<String> tiers) {
    public SloDraft {
        tiers = List.copyOf(tiers);
    }
}
