package dev.sloscout.engine.artifact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The OpenSLO v1 field rules the bundle must satisfy; each violation names the document and the rule. */
public final class OpenSloValidator {
    private static final Pattern RFC1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*[smhdwMQY]");
    private static final Set<String> BUDGETING = Set.of("Occurrences", "Timeslices", "RatioTimeslices");
    private static final Set<String> OPERATORS = Set.of("lt", "lte", "gt", "gte");

    private OpenSloValidator() {
    }

    public static List<String> validate(OpenSlo.Bundle b) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        name(problems, "Service", b.service().metadata());
        name(problems, "SLI", b.sli().metadata());
        name(problems, "SLO", b.slo().metadata());
        b.targets().forEach(t -> name(problems, "AlertNotificationTarget", t.metadata()));
        b.conditions().forEach(c -> name(problems, "AlertCondition", c.metadata()));
        b.policies().forEach(p -> name(problems, "AlertPolicy", p.metadata()));
        sli(problems, b.sli());
        OpenSlo.Slo slo = b.slo();
        String where = "SLO " + slo.metadata().name() + ": ";
        if (slo.service() == null || !slo.service().equals(b.service().metadata().name())) {
            problems.add(where + "spec.service must name the Service document");
        }
        if ((slo.indicator() == null) == (slo.indicatorRef() == null)) {
            problems.add(where + "exactly one of indicator and indicatorRef is required");
        } else if (slo.indicatorRef() != null && !slo.indicatorRef().equals(b.sli().metadata().name())) {
            problems.add(where + "indicatorRef must name an SLI document");
        }
        if (slo.timeWindow() == null || slo.timeWindow().size() != 1) {
            problems.add(where + "timeWindow must hold exactly one window");
        } else {
            OpenSlo.TimeWindow window = slo.timeWindow().get(0);
            if (window.duration() == null || !DURATION.matcher(window.duration()).matches()) {
                problems.add(where + "timeWindow.duration must be like 28d, got " + window.duration());
            }
            if (window.isRolling() == null) {
                problems.add(where + "timeWindow.isRolling is required");
            } else if (!window.isRolling() && (window.calendar() == null || window.calendar().startTime() == null
                    || window.calendar().timeZone() == null)) {
                problems.add(where + "a calendar window (isRolling: false) needs calendar.startTime and calendar.timeZone");
            } else if (window.isRolling() && window.calendar() != null) {
                problems.add(where + "a rolling window has no calendar");
            }
        }
        if (!BUDGETING.contains(slo.budgetingMethod())) {
            problems.add(where + "budgetingMethod must be one of " + BUDGETING + ", got " + slo.budgetingMethod());
        }
        if (slo.objectives() == null || slo.objectives().isEmpty()) {
            problems.add(where + "objectives must not be empty");
        } else {
            for (OpenSlo.Objective objective : slo.objectives()) {
                objective(problems, where, objective, slo.budgetingMethod());
            }
        }
        Set<String> policies = new HashSet<>();
        b.policies().forEach(p -> policies.add(p.metadata().name()));
        for (String ref : slo.alertPolicyRefs()) {
            if (!policies.contains(ref)) {
                problems.add(where + "alertPolicies refers to a missing AlertPolicy " + ref);
            }
        }
        Set<String> conditions = new HashSet<>();
        b.conditions().forEach(c -> conditions.add(c.metadata().name()));
        Set<String> targets = new HashSet<>();
        b.targets().forEach(t -> targets.add(t.metadata().name()));
        for (OpenSlo.AlertPolicy policy : b.policies()) {
            String p = "AlertPolicy " + policy.metadata().name() + ": ";
            if (policy.conditionRefs().size() != 1) {
                problems.add(p + "exactly one condition is allowed");
            }
            policy.conditionRefs().stream().filter(c -> !conditions.contains(c))
                    .forEach(c -> problems.add(p + "conditionRef " + c + " names no AlertCondition"));
            if (policy.notificationTargetRefs().isEmpty()) {
                problems.add(p + "notificationTargets must not be empty");
            }
            policy.notificationTargetRefs().stream().filter(t -> !targets.contains(t))
                    .forEach(t -> problems.add(p + "targetRef " + t + " names no AlertNotificationTarget"));
        }
        for (OpenSlo.AlertCondition condition : b.conditions()) {
            String c = "AlertCondition " + condition.metadata().name() + ": ";
            if (!"burnrate".equals(condition.kind())) {
                problems.add(c + "condition.kind must be burnrate");
            }
            if (!OPERATORS.contains(condition.op())) {
                problems.add(c + "condition.op must be one of " + OPERATORS);
            }
            if (condition.threshold() == null || !(condition.threshold() > 0)) {
                problems.add(c + "condition.threshold must be a positive burn rate");
            }
            if (condition.lookbackWindow() == null || !DURATION.matcher(condition.lookbackWindow()).matches()) {
                problems.add(c + "condition.lookbackWindow must be a duration like 1h");
            }
            if (condition.alertAfter() != null && !DURATION.matcher(condition.alertAfter()).matches()) {
                problems.add(c + "condition.alertAfter must be a duration like 5m");
            }
        }
        for (String[] kindAndName : allNames(b)) {
            if (!names.add(kindAndName[0] + "/" + kindAndName[1])) {
                problems.add(kindAndName[0] + " " + kindAndName[1] + ": names must be unique per kind");
            }
        }
        return problems;
    }

    private static void sli(List<String> problems, OpenSlo.Sli sli) {
        String where = "SLI " + sli.metadata().name() + ": ";
        if ((sli.thresholdMetric() == null) == (sli.ratioMetric() == null)) {
            problems.add(where + "exactly one of thresholdMetric and ratioMetric is required");
            return;
        }
        OpenSlo.RatioMetric ratio = sli.ratioMetric();
        if (ratio == null) {
            source(problems, where + "thresholdMetric", sli.thresholdMetric());
            return;
        }
        if (ratio.counter() == null) {
            problems.add(where + "ratioMetric.counter is required");
        }
        if ((ratio.good() == null) == (ratio.bad() == null)) {
            problems.add(where + "ratioMetric needs exactly one of good and bad");
        }
        if (ratio.total() == null) {
            problems.add(where + "ratioMetric.total is required");
        }
        if (ratio.good() != null) {
            source(problems, where + "good", ratio.good());
        }
        if (ratio.bad() != null) {
            source(problems, where + "bad", ratio.bad());
        }
        if (ratio.total() != null) {
            source(problems, where + "total", ratio.total());
        }
    }

    private static void source(List<String> problems, String where, OpenSlo.MetricSource source) {
        if (source.type() == null || source.type().isBlank()) {
            problems.add(where + ".metricSource.type is required");
        }
        if (source.query() == null || source.query().isBlank()) {
            problems.add(where + ".metricSource.spec.query is required");
        }
    }

    private static void objective(List<String> problems, String where, OpenSlo.Objective objective, String budgeting) {
        if ((objective.target() == null) == (objective.targetPercent() == null)) {
            problems.add(where + "each objective needs exactly one of target and targetPercent");
        }
        if (objective.target() != null && !(objective.target() >= 0 && objective.target() < 1)) {
            problems.add(where + "target must be in [0, 1), got " + objective.target());
        }
        if (objective.targetPercent() != null && !(objective.targetPercent() >= 0 && objective.targetPercent() < 100)) {
            problems.add(where + "targetPercent must be in [0, 100), got " + objective.targetPercent());
        }
        if ("Timeslices".equals(budgeting) && (objective.timeSliceTarget() == null || objective.timeSliceWindow() == null)) {
            problems.add(where + "Timeslices budgeting needs timeSliceTarget and timeSliceWindow");
        }
    }

    private static void name(List<String> problems, String kind, OpenSlo.Metadata metadata) {
        if (metadata == null || metadata.name() == null || !RFC1123.matcher(metadata.name()).matches()) {
            problems.add(kind + " " + (metadata == null ? null : metadata.name()) + ": metadata.name must be an RFC 1123 label");
        }
        if (metadata != null && metadata.displayName() != null) {
            String shown = metadata.displayName();
            if (shown.codePointCount(0, shown.length()) > OpenSloWriter.MAX_DISPLAY_NAME) {
                problems.add(kind + " " + metadata.name() + ": metadata.displayName must be at most "
                        + OpenSloWriter.MAX_DISPLAY_NAME + " characters, got " + shown.codePointCount(0, shown.length()));
            }
            if (shown.isBlank()) {
                problems.add(kind + " " + metadata.name() + ": metadata.displayName must not be blank when given");
            }
        }
    }

    private static List<String[]> allNames(OpenSlo.Bundle b) {
        List<String[]> names = new ArrayList<>();
        b.targets().forEach(t -> names.add(new String[] {"AlertNotificationTarget", t.metadata().name()}));
        b.conditions().forEach(c -> names.add(new String[] {"AlertCondition", c.metadata().name()}));
        b.policies().forEach(p -> names.add(new String[] {"AlertPolicy", p.metadata().name()}));
        return names;
    }
}
