package dev.sloscout.engine.artifact;

import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.slo.AlertTier;

import java.time.Duration;
import java.util.List;

/**
 * How the bundle is written: the SLO period (null keeps each proposal's), the alert tiers that are switched on, where
 * runbooks and dashboards will be reachable (null: paths relative to the bundle / to any Grafana), and the metrics
 * the rules, their tests and the dashboards are written for.
 */
public record ExportSettings(Duration period, List<AlertTier> tiers, String runbookBase, String grafanaBase,
                             MetricsProfile profile, AlertProfile alerts, PeriodSli periodSli) {
    /** The standard tiers as Sloth's alert pair over each proposal's period, with the spanmetrics connector's metrics. */
    public static final ExportSettings DEFAULTS = new ExportSettings(null, AlertTier.STANDARD, null, null,
            MetricsProfile.SPANMETRICS, AlertProfile.SLOTH, PeriodSli.SLOTH);

    public ExportSettings(Duration period, List<AlertTier> tiers, String runbookBase, String grafanaBase) {
        this(period, tiers, runbookBase, grafanaBase, MetricsProfile.SPANMETRICS, AlertProfile.SLOTH);
    }

    public ExportSettings(Duration period, List<AlertTier> tiers, String runbookBase, String grafanaBase,
                          MetricsProfile profile) {
        this(period, tiers, runbookBase, grafanaBase, profile, AlertProfile.SLOTH);
    }

    public ExportSettings(Duration period, List<AlertTier> tiers, String runbookBase, String grafanaBase,
                          MetricsProfile profile, AlertProfile alerts) {
        this(period, tiers, runbookBase, grafanaBase, profile, alerts, PeriodSli.SLOTH);
    }

    public ExportSettings {
        java.util.Objects.requireNonNull(profile, "profile");
        java.util.Objects.requireNonNull(alerts, "alerts");
        java.util.Objects.requireNonNull(periodSli, "periodSli");
        if (profile.testLabels() == null) {
            throw new IllegalArgumentException("the rules profile " + profile.name() + " has no error selector the "
                    + "generated tests can write series for");
        }
        if (period != null && (period.toHours() % 24 != 0 || period.toDays() < 1 || period.toDays() > 366)) {
            throw new IllegalArgumentException("the period must be whole days between 1 and 366, got " + period);
        }
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one alert tier must be on");
        }
        tiers = List.copyOf(tiers);
        if (alerts == AlertProfile.SLOTH) {
            for (AlertTier.Severity severity : AlertTier.Severity.values()) {
                AlertProfile.pair(tiers, severity); // refuses half a pair
            }
        }
    }

    /** Parses {@code 30d}; the usual periods are 7d, 14d, 28d, 30d and 90d. */
    public static Duration parsePeriod(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,2}d")) {
            throw new IllegalArgumentException("a period is a number of days such as 28d or 30d, got '" + text + "'");
        }
        return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    /** The standard tiers named, in their standard order ({@code page-1h,ticket-3d}). */
    public static List<AlertTier> parseTiers(String names) {
        List<String> wanted = List.of(names.split("\\s*,\\s*"));
        for (String name : wanted) {
            if (AlertTier.STANDARD.stream().noneMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException("unknown alert tier '" + name + "'; the tiers are "
                        + AlertTier.STANDARD.stream().map(AlertTier::name).toList());
            }
        }
        return AlertTier.STANDARD.stream().filter(t -> wanted.contains(t.name())).toList();
    }

    public ExportSettings withProfile(MetricsProfile newProfile) {
        return new ExportSettings(period, tiers, runbookBase, grafanaBase, newProfile, alerts, periodSli);
    }

    public ExportSettings withAlerts(AlertProfile newAlerts) {
        return new ExportSettings(period, tiers, runbookBase, grafanaBase, profile, newAlerts, periodSli);
    }

    public ExportSettings withPeriodSli(PeriodSli newPeriodSli) {
        return new ExportSettings(period, tiers, runbookBase, grafanaBase, profile, alerts, newPeriodSli);
    }
}
