package dev.sloscout.engine.artifact;

import java.util.List;

/**
 * The OpenSLO v1 documents the bundle writes, as typed values (validated by {@link OpenSloValidator}, written by
 * {@link OpenSloWriter}). Nullable fields are the spec's optional or mutually exclusive ones.
 */
public final class OpenSlo {
    public static final String API_VERSION = "openslo/v1";

    private OpenSlo() {
    }

    public record Metadata(String name, String displayName) {
    }

    public record Service(Metadata metadata, String description) {
    }

    public record MetricSource(String type, String query) {
    }

    /** {@code ratioMetric}: exactly one of good and bad, plus total. */
    public record RatioMetric(Boolean counter, MetricSource good, MetricSource bad, MetricSource total) {
    }

    /** The SLI: exactly one of {@code thresholdMetric} and {@code ratioMetric}. */
    public record Sli(Metadata metadata, String description, MetricSource thresholdMetric, RatioMetric ratioMetric) {
    }

    public record Calendar(String startTime, String timeZone) {
    }

    public record TimeWindow(String duration, Boolean isRolling, Calendar calendar) {
    }

    /** Exactly one of {@code target} in [0, 1) and {@code targetPercent} in [0, 100). */
    public record Objective(String displayName, Double target, Double targetPercent, Double timeSliceTarget,
                            String timeSliceWindow) {
    }

    public record Slo(Metadata metadata, String description, String service, Sli indicator, String indicatorRef,
                      List<TimeWindow> timeWindow, String budgetingMethod, List<Objective> objectives,
                      List<String> alertPolicyRefs) {
    }

    public record AlertCondition(Metadata metadata, String severity, String kind, String op, Double threshold,
                                 String lookbackWindow, String alertAfter) {
    }

    public record AlertNotificationTarget(Metadata metadata, String target, String description) {
    }

    public record AlertPolicy(Metadata metadata, String description, List<String> conditionRefs,
                              List<String> notificationTargetRefs) {
    }

    /** The documents of one SLO file. */
    public record Bundle(Service service, Sli sli, Slo slo, List<AlertNotificationTarget> targets,
                         List<AlertCondition> conditions, List<AlertPolicy> policies) {
    }
}
