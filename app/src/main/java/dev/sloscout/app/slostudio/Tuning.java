package dev.sloscout.app.slostudio;

import dev.sloscout.engine.slo.AlertTier;

import java.util.List;

/**
 * One state of an SLO being tuned: objective, period, latency threshold (null for availability) and which of the
 * standard alert tiers are on. Immutable: undo and redo walk a list of these.
 */
public record Tuning(double objective, int periodDays, Double thresholdMs, List<String> tiers) {
    public static final List<Integer> PERIODS = List.of(7, 14, 28, 30, 90);

    public Tuning {
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("the objective must be between 0 and 1, got " + objective);
        }
        if (periodDays < 1 || periodDays > 366) {
            throw new IllegalArgumentException("the period must be 1 to 366 days, got " + periodDays);
        }
        tiers = List.copyOf(tiers);
    }

    public static List<String> standardTierNames() {
        return AlertTier.STANDARD.stream().map(AlertTier::name).toList();
    }

    public List<AlertTier> alertTiers() {
        return AlertTier.STANDARD.stream().filter(t -> tiers.contains(t.name())).toList();
    }

    public Tuning withObjective(double value) {
        return new Tuning(value, periodDays, thresholdMs, tiers);
    }

    public Tuning withPeriod(int days) {
        return new Tuning(objective, days, thresholdMs, tiers);
    }

    public Tuning withThreshold(Double ms) {
        return new Tuning(objective, periodDays, ms, tiers);
    }

    public Tuning withTier(String tier, boolean on) {
        List<String> next = new java.util.ArrayList<>(standardTierNames());
        next.removeIf(t -> !(t.equals(tier) ? on : tiers.contains(t)));
        return new Tuning(objective, periodDays, thresholdMs, next);
    }
}
