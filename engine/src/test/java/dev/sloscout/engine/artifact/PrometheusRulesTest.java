package dev.sloscout.engine.artifact;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Objective;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusRulesTest {

    private static SloDefinition slo(String service, double objective, Duration period, List<AlertTier> tiers) {
        return new SloDefinition(service, "checkout-availability", service + " checkout availability", new Objective(objective),
                period, tiers, "sum(rate(errors{svc=\"x\"}[{{.window}}]))", "sum(rate(total{svc=\"x\"}[{{.window}}]))",
                "count(total{svc=\"x\"}) > 0",
                new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.COUNTERS, "good{svc=\"x\"}", "bad{svc=\"x\"}"),
                "https://runbooks.example/checkout", null).withAlerts(AlertProfile.TIERS);
    }

    private static SloDefinition sloth(double objective, Duration period, List<AlertTier> tiers) {
        return slo("shop", objective, period, tiers).withAlerts(AlertProfile.SLOTH);
    }

    @Test
    void theSlothProfileWritesSlothsAlertPairInSlothsShape() {
        String rules = PrometheusRules.file(List.of(sloth(0.999, Duration.ofDays(30), AlertTier.STANDARD)));

        String filter = "{sloth_id=\\\"shop-checkout-availability\\\", sloth_service=\\\"shop\\\", "
                + "sloth_slo=\\\"checkout-availability\\\"}";
        String page = "(max(slo:sli_error:ratio_rate5m" + filter + " > (14.4 * 0.001)) without (sloth_window) and "
                + "max(slo:sli_error:ratio_rate1h" + filter + " > (14.4 * 0.001)) without (sloth_window)) or "
                + "(max(slo:sli_error:ratio_rate30m" + filter + " > (6 * 0.001)) without (sloth_window) and "
                + "max(slo:sli_error:ratio_rate6h" + filter + " > (6 * 0.001)) without (sloth_window))";
        String ticket = "(max(slo:sli_error:ratio_rate2h" + filter + " > (3 * 0.001)) without (sloth_window) and "
                + "max(slo:sli_error:ratio_rate1d" + filter + " > (3 * 0.001)) without (sloth_window)) or "
                + "(max(slo:sli_error:ratio_rate6h" + filter + " > (1 * 0.001)) without (sloth_window) and "
                + "max(slo:sli_error:ratio_rate3d" + filter + " > (1 * 0.001)) without (sloth_window))";
        assertThat(rules).contains("      - alert: \"SloErrorBudgetBurnCheckoutAvailability\"\n        expr: \"" + page
                + "\"\n        labels:\n          severity: \"page\"\n          sloth_severity: \"page\"\n");
        assertThat(rules).contains("        expr: \"" + ticket + "\"\n        labels:\n          severity: \"ticket\"\n"
                + "          sloth_severity: \"ticket\"\n");
        assertThat(rules).contains("title: \"(page) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget "
                + "burn rate is too fast.\"");
        assertThat(rules).doesNotContain("for:").doesNotContain(PrometheusRules.ABSENT_ALERT).doesNotContain("slo_tier");
        assertThat(rules).contains("generated_by: \"slo-scout\"");
    }

    @Test
    void thePeriodSliIsSlothsMeanOfRatiosOrRequestWeightedFromRecordedRates() {
        String filter = "{sloth_id=\\\"shop-checkout-availability\\\", sloth_service=\\\"shop\\\", "
                + "sloth_slo=\\\"checkout-availability\\\"}";
        String sloth = PrometheusRules.file(List.of(sloth(0.999, Duration.ofDays(28), AlertTier.STANDARD)));
        assertThat(sloth).contains("record: \"slo:sli_error:ratio_rate4w\"\n        expr: \"sum_over_time("
                + "slo:sli_error:ratio_rate5m" + filter + "[4w]) / ignoring (sloth_window) count_over_time("
                + "slo:sli_error:ratio_rate5m" + filter + "[4w])\"").doesNotContain("[28d]")
                .contains("expr: \"slo:sli_error:ratio_rate4w{sloth_id=").doesNotContain(PrometheusRules.BAD_EVENTS)
                .doesNotContain("}[4w]))");

        String events = PrometheusRules.file(List.of(sloth(0.999, Duration.ofDays(30), AlertTier.STANDARD)
                .withPeriodSli(PeriodSli.EVENTS)));
        assertThat(events).contains("record: \"" + PrometheusRules.BAD_EVENTS + "\"\n        expr: \"(sum(rate(errors"
                + "{svc=\\\"x\\\"}[5m])) or vector(0))\"").contains("record: \"" + PrometheusRules.ALL_EVENTS
                + "\"\n        expr: \"sum(rate(total{svc=\\\"x\\\"}[5m]))\"")
                .contains("record: \"slo:sli_error:ratio_rate30d\"\n        expr: \"sum_over_time("
                        + PrometheusRules.BAD_EVENTS + filter + "[30d]) / ignoring (sloth_window) (sum_over_time("
                        + PrometheusRules.ALL_EVENTS + filter + "[30d]) > 0)\"")
                .doesNotContain("}[30d]))"); // no raw counter is read over the period
    }

    @Test
    void theSlothProfileTakesWholePairsOnly() {
        String pageOnly = PrometheusRules.file(List.of(sloth(0.999, Duration.ofDays(28), AlertTier.STANDARD.subList(0, 2))));
        assertThat(pageOnly).contains("sloth_severity: \"page\"").doesNotContain("ticket");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExportSettings(null,
                AlertTier.STANDARD.subList(0, 1), null, null).alerts())
                .hasMessageContaining("both page tiers or on none");
        assertThat(new ExportSettings(null, AlertTier.STANDARD.subList(0, 1), null, null,
                dev.sloscout.engine.sli.MetricsProfile.SPANMETRICS, AlertProfile.TIERS).tiers()).hasSize(1);

        // at 90% over 28 days the 1h/5m pair cannot fire (13.44 x 0.1 > 1) but the 6h/30m pair can: the page alert stays
        String loose = PrometheusRules.file(List.of(sloth(0.9, Duration.ofDays(28), AlertTier.STANDARD)));
        assertThat(loose).contains("sloth_severity: \"page\"").contains("(5.6 * 0.1)");
    }

    @Test
    void thresholdsAndObjectivesPrintWithoutFloatNoise() {
        String rules = PrometheusRules.file(List.of(slo("shop", 0.999, Duration.ofDays(30), AlertTier.STANDARD)));

        assertThat(rules).contains(" > 0.0144)").contains(" > 0.006)").contains(" > 0.003)").contains(" > 0.001)")
                .contains("expr: \"vector(0.999)\"").contains("expr: \"vector(0.001)\"").contains("expr: \"vector(30)\"")
                .contains("sloth_objective: \"99.9\"");
        assertThat(PrometheusRules.number(1 - 0.999)).isEqualTo("0.001");
        assertThat(PrometheusRules.number(14.4 * 0.001)).isEqualTo("0.0144");
    }

    @Test
    void noTrafficRecordsNothingAndMissingErrorSeriesCountAsZero() {
        String expression = PrometheusRules.sliExpression(slo("shop", 0.999, Duration.ofDays(28), AlertTier.STANDARD), "5m");

        assertThat(expression).isEqualTo("(sum(rate(errors{svc=\"x\"}[5m])) or vector(0)) / (sum(rate(total{svc=\"x\"}[5m])) > 0)");
    }

    @Test
    void customPeriodsRecordTheirOwnWindowAndScaleTheFactors() {
        String rules = PrometheusRules.file(List.of(slo("shop", 0.99, Duration.ofDays(7), AlertTier.STANDARD)));

        assertThat(rules).contains("record: \"slo:sli_error:ratio_rate1w\"").contains("sloth_window: \"1w\"");
        // 2% of 7 days in 1 hour is a factor of 3.36: threshold 0.0336 at a 1% budget
        assertThat(rules).contains("ratio_rate1h{sloth_id=\\\"shop-checkout-availability\\\"} > 0.0336)");
    }

    @Test
    void tiersCanBeSwitchedOffAndTiersThatCannotFireAreLeftOut() {
        String pageOnly = PrometheusRules.file(List.of(slo("shop", 0.999, Duration.ofDays(28), AlertTier.STANDARD.subList(0, 2))));
        assertThat(pageOnly).contains("SloErrorBudgetBurnPage1h").contains("SloErrorBudgetBurnPage6h").doesNotContain("Ticket");

        // at 90% the page-1h threshold is 1.344: more than every request failing, so the alert is not written
        String loose = PrometheusRules.file(List.of(slo("shop", 0.9, Duration.ofDays(28), AlertTier.STANDARD)));
        assertThat(loose).doesNotContain("SloErrorBudgetBurnPage1h").contains("SloErrorBudgetBurnTicket3d");
    }

    @Test
    void dataStringsAreEscapedForYamlAndForAlertTemplates() {
        String rules = PrometheusRules.file(List.of(slo("pay\"ments\\{{x}}\n", 0.999, Duration.ofDays(28), AlertTier.STANDARD)));

        assertThat(rules).contains("sloth_service: \"pay\\\"ments\\\\{{x}}\\n\"");
        assertThat(rules).contains("sloth_service: \"pay\\\"ments\\\\{{ \\\"{{\\\" }}x{{ \\\"}}\\\" }}\\n\"");
        assertThat(rules).contains("runbook_url: \"https://runbooks.example/checkout\"");
        assertThat(PrometheusRules.templateLiteral("a{{b}}c")).isEqualTo("a{{ \"{{\" }}b{{ \"}}\" }}c");
        assertThat(Yaml.quote("tab\there\u2028")).isEqualTo("\"tab\\there\\u2028\"");
    }

    @Test
    void namesFromDataBecomeSafeAndDoNotCollide() {
        assertThat(Names.unique("checkout")).isEqualTo("checkout");
        assertThat(Names.unique("pay\"ments")).startsWith("pay-ments-").isNotEqualTo(Names.unique("pay ments"));
        assertThat(Names.slug("GET /api/orders/{id}")).isEqualTo("get-api-orders-id");
        assertThat(Names.slug("x".repeat(100), 40)).hasSize(40).matches("[a-z0-9-]+");
        assertThat(Names.camel("ticket-3d")).isEqualTo("Ticket3d");
    }
}
