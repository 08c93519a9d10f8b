package dev.sloscout.engine.artifact;

import dev.sloscout.engine.slo.AlertTier;

import java.util.List;
import java.util.Locale;

/**
 * Which burn-rate alerts the rules carry. {@link #SLOTH}: Sloth's contract, one alert name per SLO (the Sloth spec's
 * {@code alerting.name}) fired at two severities told apart by {@code sloth_severity}: page when the 1h/5m or the
 * 6h/30m windows burn too fast, ticket for 1d/2h or 3d/6h; no {@code for:}. {@link #TIERS}: one alert per tier, each
 * with its own {@code for:} and {@code slo_tier}, plus an alert on absent metrics; {@code sloth_severity} is set too,
 * so routes written for Sloth find them.
 */
public enum AlertProfile {
    SLOTH, TIERS;

    public static AlertProfile parse(String text) {
        for (AlertProfile p : values()) {
            if (p.label().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown alert profile '" + text + "'; the profiles are sloth and tiers");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when every severity has both tiers of its pair or none: what the Sloth profile can express. */
    public static boolean wholePairs(List<AlertTier> tiers) {
        for (AlertTier.Severity severity : AlertTier.Severity.values()) {
            long n = tiers.stream().filter(t -> t.severity() == severity).count();
            if (n != 0 && n != 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tiers of one severity as Sloth pairs them, quick (shorter long window) first; empty when that severity is
     * off. Sloth cannot alert on half a pair: a selection holding one tier of a severity without the other is refused.
     */
    public static List<AlertTier> pair(List<AlertTier> tiers, AlertTier.Severity severity) {
        List<AlertTier> of = tiers.stream().filter(t -> t.severity() == severity)
                .sorted(java.util.Comparator.comparing(AlertTier::longWindow)).toList();
        if (of.size() != 0 && of.size() != 2) {
            throw new IllegalArgumentException("the sloth alert profile alerts on both " + severity.name()
                    .toLowerCase(Locale.ROOT) + " tiers or on none, got " + of.stream().map(AlertTier::name).toList()
                    + "; use --alerts tiers to pick single tiers");
        }
        return of;
    }
}
