package dev.sloscout.engine.artifact;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Objective;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per OpenSLO rule: a valid bundle passes; each single violation is named. */
class OpenSloValidatorTest {
    private static final OpenSlo.Bundle VALID = OpenSloWriter.bundle(new SloDefinition("shop \"main\"", "checkout-availability",
            "shop checkout availability", new Objective(0.999), Duration.ofDays(28), AlertTier.STANDARD,
            "sum(rate(e[{{.window}}]))", "sum(rate(t[{{.window}}]))", "count(t) > 0",
            new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.COUNTERS, "g", "b"), null, null));

    private static List<String> problemsWith(UnaryOperator<OpenSlo.Slo> change) {
        OpenSlo.Bundle b = VALID;
        return OpenSloValidator.validate(new OpenSlo.Bundle(b.service(), b.sli(), change.apply(b.slo()), b.targets(),
                b.conditions(), b.policies()));
    }

    private static OpenSlo.Slo slo(OpenSlo.Slo s, OpenSlo.Sli indicator, String indicatorRef, List<OpenSlo.TimeWindow> windows,
                                   String budgeting, List<OpenSlo.Objective> objectives) {
        return new OpenSlo.Slo(s.metadata(), s.description(), s.service(), indicator, indicatorRef, windows, budgeting,
                objectives, s.alertPolicyRefs());
    }

    @Test
    void theWrittenBundleIsValid() {
        assertThat(OpenSloValidator.validate(VALID)).isEmpty();
        assertThat(VALID.conditions()).hasSize(4);
        assertThat(VALID.service().metadata().name()).matches("[a-z0-9-]+");
    }

    @Test
    void namesMustBeRfc1123() {
        OpenSlo.Bundle b = VALID;
        OpenSlo.Slo bad = new OpenSlo.Slo(new OpenSlo.Metadata("Not_Valid", null), "", b.slo().service(), null,
                b.slo().indicatorRef(), b.slo().timeWindow(), "Occurrences", b.slo().objectives(), b.slo().alertPolicyRefs());
        assertThat(problemsWith(s -> bad)).anySatisfy(p -> assertThat(p).contains("RFC 1123"));
    }

    @Test
    void displayNamesAreAtMost63CharactersAndTheWriterCutsLongerOnes() {
        OpenSlo.Bundle b = VALID;
        String long64 = "x".repeat(64);
        OpenSlo.Slo tooLong = new OpenSlo.Slo(new OpenSlo.Metadata(b.slo().metadata().name(), long64), "",
                b.slo().service(), null, b.slo().indicatorRef(), b.slo().timeWindow(), "Occurrences",
                b.slo().objectives(), b.slo().alertPolicyRefs());
        assertThat(problemsWith(s -> tooLong)).singleElement().satisfies(p ->
                assertThat(p).contains("metadata.displayName must be at most 63 characters, got 64"));

        String description = "checkout-service POST /api/v1/orders/{orderId}/payments/confirm latency under 2500 ms";
        OpenSlo.Bundle written = OpenSloWriter.bundle(new SloDefinition("checkout-service", "confirm-latency",
                description, new Objective(0.99), Duration.ofDays(28), AlertTier.STANDARD, "e[{{.window}}]",
                "t[{{.window}}]", "count(t) > 0", new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.COUNTERS,
                "g", "b"), null, null));
        assertThat(OpenSloValidator.validate(written)).isEmpty();
        assertThat(written.slo().metadata().displayName()).hasSize(63).endsWith("\u2026")
                .startsWith(description.substring(0, 62));
    }

    @Test
    void exactlyOneOfIndicatorAndIndicatorRef() {
        assertThat(problemsWith(s -> slo(s, VALID.sli(), s.indicatorRef(), s.timeWindow(), s.budgetingMethod(), s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("exactly one of indicator and indicatorRef"));
        assertThat(problemsWith(s -> slo(s, null, null, s.timeWindow(), s.budgetingMethod(), s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("exactly one of indicator and indicatorRef"));
        assertThat(problemsWith(s -> slo(s, null, "other-sli", s.timeWindow(), s.budgetingMethod(), s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("indicatorRef must name an SLI"));
    }

    @Test
    void exactlyOneTimeWindowWithAValidShape() {
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), List.of(), s.budgetingMethod(), s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("exactly one window"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), List.of(new OpenSlo.TimeWindow("28 days", true, null)),
                s.budgetingMethod(), s.objectives()))).anySatisfy(p -> assertThat(p).contains("like 28d"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), List.of(new OpenSlo.TimeWindow("1M", false, null)),
                s.budgetingMethod(), s.objectives()))).anySatisfy(p -> assertThat(p).contains("calendar.startTime"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), List.of(new OpenSlo.TimeWindow("1M", false,
                new OpenSlo.Calendar("2026-01-01 00:00:00", "UTC"))), s.budgetingMethod(), s.objectives()))).isEmpty();
    }

    @Test
    void budgetingMethodAndObjectives() {
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), s.timeWindow(), "Events", s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("budgetingMethod"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), s.timeWindow(), "Occurrences",
                List.of(new OpenSlo.Objective("x", 0.99, 99.0, null, null))))).anySatisfy(p -> assertThat(p).contains("exactly one of target"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), s.timeWindow(), "Occurrences",
                List.of(new OpenSlo.Objective("x", 1.0, null, null, null))))).anySatisfy(p -> assertThat(p).contains("[0, 1)"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), s.timeWindow(), "Occurrences",
                List.of(new OpenSlo.Objective("x", null, 100.0, null, null))))).anySatisfy(p -> assertThat(p).contains("[0, 100)"));
        assertThat(problemsWith(s -> slo(s, null, s.indicatorRef(), s.timeWindow(), "Timeslices", s.objectives())))
                .anySatisfy(p -> assertThat(p).contains("timeSliceTarget"));
    }

    @Test
    void sliRules() {
        OpenSlo.Bundle b = VALID;
        OpenSlo.MetricSource q = new OpenSlo.MetricSource("Prometheus", "x");
        for (Object[] c : new Object[][] {
                {new OpenSlo.Sli(b.sli().metadata(), "", q, b.sli().ratioMetric()), "exactly one of thresholdMetric"},
                {new OpenSlo.Sli(b.sli().metadata(), "", null, new OpenSlo.RatioMetric(true, q, q, q)), "exactly one of good and bad"},
                {new OpenSlo.Sli(b.sli().metadata(), "", null, new OpenSlo.RatioMetric(true, null, q, null)), "total is required"},
                {new OpenSlo.Sli(b.sli().metadata(), "", null, new OpenSlo.RatioMetric(null, null, q, q)), "counter is required"},
                {new OpenSlo.Sli(b.sli().metadata(), "", null, new OpenSlo.RatioMetric(true, null,
                        new OpenSlo.MetricSource("Prometheus", " "), q)), "spec.query is required"}}) {
            List<String> problems = OpenSloValidator.validate(new OpenSlo.Bundle(b.service(), (OpenSlo.Sli) c[0], b.slo(),
                    b.targets(), b.conditions(), b.policies()));
            assertThat(problems).as((String) c[1]).anySatisfy(p -> assertThat(p).contains((String) c[1]));
        }
    }

    @Test
    void alertPoliciesAndConditions() {
        OpenSlo.Bundle b = VALID;
        OpenSlo.AlertPolicy twoConditions = new OpenSlo.AlertPolicy(b.policies().get(0).metadata(), "",
                List.of(b.conditions().get(0).metadata().name(), b.conditions().get(1).metadata().name()), List.of());
        List<OpenSlo.AlertPolicy> policies = new java.util.ArrayList<>(b.policies());
        policies.set(0, twoConditions);
        List<OpenSlo.AlertCondition> conditions = new java.util.ArrayList<>(b.conditions());
        OpenSlo.AlertCondition c = conditions.get(1);
        conditions.set(1, new OpenSlo.AlertCondition(c.metadata(), c.severity(), "threshold", "above", -1.0, "an hour", "soon"));

        List<String> problems = OpenSloValidator.validate(new OpenSlo.Bundle(b.service(), b.sli(), b.slo(), b.targets(),
                conditions, policies));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("exactly one condition"))
                .anySatisfy(p -> assertThat(p).contains("notificationTargets must not be empty"))
                .anySatisfy(p -> assertThat(p).contains("kind must be burnrate"))
                .anySatisfy(p -> assertThat(p).contains("op must be one of"))
                .anySatisfy(p -> assertThat(p).contains("positive burn rate"))
                .anySatisfy(p -> assertThat(p).contains("lookbackWindow"))
                .anySatisfy(p -> assertThat(p).contains("alertAfter"));
    }
}
