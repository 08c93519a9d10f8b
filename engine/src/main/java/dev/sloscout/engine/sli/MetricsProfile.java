package dev.sloscout.engine.sli;

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
}
