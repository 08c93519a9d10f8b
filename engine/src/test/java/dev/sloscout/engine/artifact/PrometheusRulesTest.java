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
                "https://runbooks.example/checkout", null);
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

        assertThat(rules).contains("record: \"slo:sli_error:ratio_rate7d\"").contains("sloth_window: \"7d\"");
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
