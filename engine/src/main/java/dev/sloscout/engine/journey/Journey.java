package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.SpanKind;

import java.util.List;

/**
 * A kind of user request found in traces, with the statistics behind it. Every number has its reason in words.
 *
 * @param id              content-addressed: the same journey gets the same id across runs and machines
 * @param namedByShape    true when the entry operation is generic and the journey is told apart by the calls it makes
 * @param share           the journey's fraction of all assigned traces
 * @param criticalPath    the most common chain of operations the entry waited on, with how often it was the one
 * @param sampleTraceIds  a few traces to look at; {@code errorTraceIds} a few failed ones
 */
public record Journey(
        String id,
        String name,
        Entry entry,
        boolean namedByShape,
        List<String> calls,
        long traces,
        long errorTraces,
        double errorRatio,
        Latency latencyMs,
        double share,
        List<String> services,
        List<Edge> edges,
        CriticalPath criticalPath,
        int rank,
        List<String> rankReasons,
        double confidence,
        List<String> confidenceReasons,
        List<String> sampleTraceIds,
        List<String> errorTraceIds) {

    /**
     * The entry; {@code httpRoute}/{@code httpMethod} when the entry span carried them (null otherwise);
     * {@code spanName} the entry span's name as a template, which metrics derived from spans label it by: the
     * operation unless that came from the route, the RPC method or the path (a server span named {@code GET} whose
     * {@code url.path} names the journey {@code GET /orders/<NUM>}). Null in analyses written before it was kept.
     * {@code spanKind} the entry span's kind, which span metrics label it by too (a journey a Kafka message starts
     * is entered at a consumer span); null in analyses written before it was kept.
     */
    public record Entry(String service, String operation, String httpRoute, String httpMethod, String spanName,
            SpanKind spanKind) {
        public Entry(String service, String operation) {
            this(service, operation, null, null, operation, null);
        }

        /** The name metrics of spans select the entry by ({@code span_name}). */
        public String metricName() {
            return spanName != null ? spanName : operation;
        }

        /** True when the metrics' span name also covers other operations of the service (a bare HTTP method). */
        public boolean metricNameIsShared() {
            return !metricName().equals(operation) && OperationNames.isGeneric(metricName());
        }
    }

    /** Entry-operation latency in milliseconds, from a mergeable HdrHistogram. */
    public record Latency(double p50, double p90, double p99, double p999, double max) {
    }

    /** Calls from one service to another within the journey's traces. */
    public record Edge(String from, String to, long calls, long errors, double p50Ms, double p99Ms) {
    }

    public record CriticalPath(List<String> operations, double share) {
    }
}
