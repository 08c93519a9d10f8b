package dev.sloscout.engine.artifact;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Objective;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One SLO as the artifacts need it: who and what, objective and period, the error and total queries (with Sloth's
 * {@code {{.window}}} placeholder), which alert tiers are on, and how to synthesise input series for its tests.
 *
 * @param service     the service as the data names it (label values, text); {@link #id()} is the safe form
 * @param slo         an RFC 1123 name, unique within the service
 * @param testSeries  how generated promtool tests feed this SLO's raw metrics
 */
public record SloDefinition(
        String service,
        String slo,
        String description,
        Objective objective,
        Duration period,
        List<AlertTier> tiers,
        AlertProfile alerts,
        PeriodSli periodSli,
        String errorQuery,
        String totalQuery,
        String presenceQuery,
        TestSeries testSeries,
        String runbookUrl,
        String dashboardUrl) {

    private static final Pattern RFC1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public SloDefinition {
        if (!RFC1123.matcher(slo).matches()) {
            throw new IllegalArgumentException("SLO name '" + slo + "' is not an RFC 1123 label");
        }
        if (period.toHours() < 24 || period.toHours() % 24 != 0) {
            throw new IllegalArgumentException("the period must be whole days, got " + period);
        }
        tiers = List.copyOf(tiers);
        java.util.Objects.requireNonNull(alerts, "alerts");
        java.util.Objects.requireNonNull(periodSli, "periodSli");
    }

    /** An SLO alerting with Sloth's page/ticket pair. */
    public SloDefinition(String service, String slo, String description, Objective objective, Duration period,
                         List<AlertTier> tiers, String errorQuery, String totalQuery, String presenceQuery,
                         TestSeries testSeries, String runbookUrl, String dashboardUrl) {
        this(service, slo, description, objective, period, tiers, AlertProfile.SLOTH, PeriodSli.SLOTH, errorQuery,
                totalQuery, presenceQuery, testSeries, runbookUrl, dashboardUrl);
    }

    public SloDefinition withLinks(String runbook, String dashboard) {
        return new SloDefinition(service, slo, description, objective, period, tiers, alerts, periodSli, errorQuery,
                totalQuery, presenceQuery, testSeries, runbook, dashboard);
    }

    public SloDefinition withAlerts(AlertProfile newAlerts) {
        return new SloDefinition(service, slo, description, objective, period, tiers, newAlerts, periodSli, errorQuery,
                totalQuery, presenceQuery, testSeries, runbookUrl, dashboardUrl);
    }

    public SloDefinition withPeriodSli(PeriodSli newPeriodSli) {
        return new SloDefinition(service, slo, description, objective, period, tiers, alerts, newPeriodSli, errorQuery,
                totalQuery, presenceQuery, testSeries, runbookUrl, dashboardUrl);
    }

    /**
     * The period as Sloth names the period's SLI rule and window label: whole weeks as weeks ({@code 4w} for 28
     * days, {@code 1w} for 7), other periods in days ({@code 30d}, {@code 90d}).
     */
    public String periodRuleWindow() {
        long days = period.toDays();
        return days % 7 == 0 ? days / 7 + "w" : days + "d";
    }

    /**
     * The window pairs of a severity that can fire at this SLO's objective and period, quick first (Sloth's pair); a
     * Sloth-profile alert is written at that severity when there is one.
     */
    public List<AlertTier> firing(AlertTier.Severity severity) {
        return AlertProfile.pair(tiers, severity).stream().filter(t -> t.canFire(period, objective)).toList();
    }

    /** The name of this SLO's burn-rate alert in the Sloth profile (the Sloth spec's {@code alerting.name}). */
    public String alertName() {
        return "SloErrorBudgetBurn" + Names.camel(slo);
    }

    /** {@code <service>-<slo>}, the {@code sloth_id}. */
    public String id() {
        return Names.unique(service) + "-" + slo;
    }

    public String periodWindow() {
        return period.toDays() + "d";
    }

    /**
     * Two input series whose per-interval increments the test generator chooses: for {@code COUNTERS} the good and
     * the bad requests (the total is their sum); for {@code HISTOGRAM} the bucket at the threshold (good) and the
     * count (total). {@code overlap} names the requests the series count (metric and selectors): SLOs with the same
     * one read the same series (OTel's HTTP histogram counts serve availability and latency; two journeys with one
     * entry operation), so their tests are kept in separate groups.
     */
    public record TestSeries(Model model, String first, String second, String overlap) {
        public enum Model { COUNTERS, HISTOGRAM }

        /** Series that no other SLO of the file reads. */
        public TestSeries(Model model, String first, String second) {
            this(model, first, second, null);
        }
    }
}
