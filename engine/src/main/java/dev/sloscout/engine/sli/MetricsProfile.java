package dev.sloscout.engine.sli;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.SpanKind;
import java.util.List;

/**
 * Where an SLI is measured in production: metric and label names of a metrics naming convention. The PromQL of
 * every SLI candidate is written for each profile.
 *
 * @param bucketUnitSeconds 0.001 when the duration histogram counts milliseconds, 1 for seconds
 * @param bucketBoundsMs    the histogram's bucket bounds in milliseconds (a latency threshold must be one of them)
 * @param requiresRoute     true when the operation label exists only for HTTP routes
 */
public record MetricsProfile(
        String name,
        String description,
        String callsMetric,
        String serviceLabel,
        String operationLabel,
        String extraSelectors,
        String errorSelector,
        String durationBucketMetric,
        String durationCountMetric,
        double bucketUnitSeconds,
        double[] bucketBoundsMs,
        boolean requiresRoute) {

    public static final MetricsProfile SPANMETRICS = new MetricsProfile("spanmetrics",
            "OpenTelemetry Collector spanmetrics connector", "traces_span_metrics_calls_total", "service_name",
            "span_name", "span_kind=\"SPAN_KIND_SERVER\"", "status_code=\"STATUS_CODE_ERROR\"",
            "traces_span_metrics_duration_milliseconds_bucket", "traces_span_metrics_duration_milliseconds_count",
            0.001, dev.sloscout.engine.slo.LatencyBounds.SPANMETRICS_MS, false);

    public static final MetricsProfile OTEL_HTTP = new MetricsProfile("otel-http",
            "OpenTelemetry HTTP semantic conventions (http.server.request.duration)",
            "http_server_request_duration_seconds_count", "job", "http_route", "",
            "http_response_status_code=~\"5..\"", "http_server_request_duration_seconds_bucket",
            "http_server_request_duration_seconds_count", 1, dev.sloscout.engine.slo.LatencyBounds.OTEL_HTTP_MS, true);

    /** An example mapping in the classic Prometheus client style; users edit metric and label names to theirs. */
    public static final MetricsProfile CUSTOM = new MetricsProfile("custom",
            "custom mapping (example names in the classic Prometheus client style; edit to match your metrics)",
            "http_requests_total", "service", "handler", "", "code=~\"5..\"", "http_request_duration_seconds_bucket",
            "http_request_duration_seconds_count", 1, dev.sloscout.engine.slo.LatencyBounds.OTEL_HTTP_MS, false);

    public static final List<MetricsProfile> DEFAULTS = List.of(SPANMETRICS, OTEL_HTTP, CUSTOM);

    /** The span metrics' selector of server spans, which a journey entered at another kind of span replaces. */
    private static final String SERVER_KIND = "span_kind=\"SPAN_KIND_SERVER\"";

    /**
     * The extra selectors for a journey's entry: span metrics label each span's kind, and a journey entered at a
     * consumer span (a Kafka message), a client call or an internal span (work a service starts on its own) is no
     * server span, so its kind replaces the server kind the selectors name. Unchanged for a server entry, an entry of
     * an older analysis (no kind) and selectors that name no span kind.
     */
    public String extraSelectors(Journey.Entry entry) {
        if (entry.spanKind() == null || entry.spanKind() == SpanKind.SERVER
                || !extraSelectors.contains(SERVER_KIND)) {
            return extraSelectors;
        }
        return extraSelectors.replace(SERVER_KIND, "span_kind=\"SPAN_KIND_" + entry.spanKind().name() + "\"");
    }

    private static final java.util.regex.Pattern METRIC = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** One label matcher with a double-quoted, properly escaped value: {@code code=~"5.."}. */
    private static final String MATCHER =
            "[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"\\s*";
    private static final java.util.regex.Pattern MATCHERS =
            java.util.regex.Pattern.compile(MATCHER + "(,\\s*" + MATCHER + ")*");

    /**
     * What is wrong with a (user-supplied) profile, in words; empty when it is usable. Everything here ends up inside
     * PromQL, so names must be names and selectors must be well-formed label matchers.
     */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        for (String[] metric : new String[][] {{"callsMetric", callsMetric}, {"durationBucketMetric", durationBucketMetric},
                {"durationCountMetric", durationCountMetric}}) {
            if (metric[1] == null || !METRIC.matcher(metric[1]).matches()) {
                problems.add(metric[0] + " must be a Prometheus metric name, got " + quoteForMessage(metric[1]));
            }
        }
        for (String[] label : new String[][] {{"serviceLabel", serviceLabel}, {"operationLabel", operationLabel}}) {
            if (label[1] == null || !LABEL.matcher(label[1]).matches()) {
                problems.add(label[0] + " must be a Prometheus label name, got " + quoteForMessage(label[1]));
            }
        }
        if (errorSelector == null || !MATCHERS.matcher(errorSelector).matches()) {
            problems.add("errorSelector must be label matchers such as code=~\"5..\", got " + quoteForMessage(errorSelector));
        }
        if (extraSelectors != null && !extraSelectors.isBlank() && !MATCHERS.matcher(extraSelectors).matches()) {
            problems.add("extraSelectors must be label matchers or empty, got " + quoteForMessage(extraSelectors));
        }
        if (errorSelector != null && MATCHERS.matcher(errorSelector).matches() && testLabels() == null) {
            problems.add("errorSelector must be one matcher whose value a failed request can take (such as "
                    + "code=~\"5..\" or status=\"error\") and others any request can, so the generated promtool tests "
                    + "can write such series");
        }
        if (!(bucketUnitSeconds > 0)) {
            problems.add("bucketUnitSeconds must be positive (0.001 for milliseconds, 1 for seconds)");
        }
        if (bucketBoundsMs == null || bucketBoundsMs.length == 0) {
            problems.add("bucketBoundsMs must list the histogram's bucket bounds in milliseconds");
        } else {
            for (int i = 0; i < bucketBoundsMs.length; i++) {
                if (!(bucketBoundsMs[i] > 0) || i > 0 && bucketBoundsMs[i] <= bucketBoundsMs[i - 1]) {
                    problems.add("bucketBoundsMs must be positive and increasing");
                    break;
                }
            }
        }
        return problems;
    }

    /**
     * The value of {@link #operationLabel} that selects a journey's entry: its route when the profile requires one,
     * the entry span's name when the label is the span's name (as the spanmetrics connector's {@code span_name}
     * is), else its operation.
     */
    public String operationOf(dev.sloscout.engine.journey.Journey.Entry entry) {
        return requiresRoute ? entry.httpRoute() : labelsSpanName() ? entry.metricName() : entry.operation();
    }

    /** Whether this profile's series for the entry also count other requests of its service (a shared span name). */
    public boolean countsMoreThan(dev.sloscout.engine.journey.Journey.Entry entry) {
        return !requiresRoute && labelsSpanName() && entry.metricNameIsShared();
    }

    private boolean labelsSpanName() {
        return "span_name".equals(operationLabel);
    }

    /** The {@code le} label value of a latency threshold, in the histogram's own unit ({@code 0.25} for 250 ms in seconds). */
    public String le(double thresholdMs) {
        return PromQl.le(java.math.BigDecimal.valueOf(thresholdMs).divide(java.math.BigDecimal.valueOf(bucketUnitSeconds)
                .multiply(java.math.BigDecimal.valueOf(1000))).doubleValue());
    }

    /**
     * Label assignments for the series of the generated promtool tests: one that the error selector matches and one
     * it does not ({@code status_code="STATUS_CODE_ERROR"} / {@code "STATUS_CODE_UNSET"}, {@code code="500"} /
     * {@code "200"}). Derived from the error selector; null when no value found matches the way it should (then
     * {@link #problems()} says so).
     */
    public TestLabels testLabels() {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=|!=|=~|!~)\\s*"
                        + "\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"\\s*,?")
                .matcher(errorSelector == null ? "" : errorSelector);
        java.util.List<String> ok = new java.util.ArrayList<>();
        java.util.List<String> error = new java.util.ArrayList<>();
        int at = 0;
        while (at < (errorSelector == null ? 0 : errorSelector.length())) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            at = m.end();
            String label = m.group(1);
            String op = m.group(2);
            String value = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
            String failed = firstWhere(op, value, true, "500", "503", "STATUS_CODE_ERROR", "ERROR", "error", "true",
                    "failure", "1", value); // a regex's own text is the last resort: "5.." would match "5.."
            if (failed == null) {
                return null;
            }
            error.add(label + "=" + PromQl.quote(failed));
            // the first matcher tells a failed request from a fine one; the others hold for both
            String fine = ok.isEmpty() && error.size() == 1
                    ? firstWhere(op, value, false, likeFirst(value, "200", "STATUS_CODE_UNSET", "STATUS_CODE_OK", "OK",
                            "ok", "false", "success", "0", value))
                    : failed;
            if (fine == null) {
                return null;
            }
            ok.add(label + "=" + PromQl.quote(fine));
        }
        return error.isEmpty() ? null : new TestLabels(String.join(",", ok), String.join(",", error));
    }

    /** The candidates, those sharing the longest prefix with {@code value} first (STATUS_CODE_ERROR: STATUS_CODE_UNSET). */
    private static String[] likeFirst(String value, String... candidates) {
        return java.util.Arrays.stream(candidates).sorted(java.util.Comparator.comparingInt(c -> -commonPrefix(c, value)))
                .toArray(String[]::new);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** The first candidate the matcher selects ({@code selected}) or does not, or null. */
    private static String firstWhere(String op, String value, boolean selected, String... candidates) {
        for (String candidate : candidates) {
            if (selects(op, value, candidate) == selected) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean selects(String op, String value, String candidate) {
        return switch (op) {
            case "=" -> candidate.equals(value);
            case "!=" -> !candidate.equals(value);
            case "=~" -> candidate.matches(value); // PromQL regexes are fully anchored, as matches() is
            default -> !candidate.matches(value);
        };
    }

    /** Label assignments (without braces) of a fine and of a failed request, for test series. */
    public record TestLabels(String ok, String error) {
    }

    private static String quoteForMessage(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
