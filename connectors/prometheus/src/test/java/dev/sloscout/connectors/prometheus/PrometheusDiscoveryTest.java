package dev.sloscout.connectors.prometheus;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Prometheus server started for the test (see {@link RealPrometheus}). */
@Tag("integration")
@Tag("slow") // in the slow profile: keeps the README's test command within five minutes
class PrometheusDiscoveryTest {
    @TempDir
    static Path dir;
    private static RealPrometheus prometheus;
    private static PrometheusClient client;

    @BeforeAll
    static void start() throws Exception {
        prometheus = RealPrometheus.start(dir);
        client = new PrometheusClient(URI.create(prometheus.url()), PrometheusClient.Options.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void histogramsBecomeLatencyCandidatesWithTheirBucketBoundsAsThresholds() throws Exception {
        List<MetricSliCandidate> candidates = new MetricsSliDiscovery(client).discover("1h", Instant.now());
        MetricSliCandidate http = candidates.stream()
                .filter(c -> c.metric().equals("http_server_request_duration_seconds")).findFirst().orElseThrow();
        assertThat(http.kind()).isEqualTo("latency");
        assertThat(http.convention()).isEqualTo("otel-http");
        assertThat(http.thresholds()).containsExactly(0.1, 0.25, 0.5, 1.0);
        assertThat(http.labels()).contains("http_route", "job", "instance");
        assertThat(http.goodQuery()).isEqualTo(
                "sum(rate(http_server_request_duration_seconds_bucket{le=\"0.5\"}[{{.window}}]))");
        assertThat(http.observed().byThreshold().get("0.1")).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.05));
        assertThat(http.observed().byThreshold().get("1")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        // Prometheus's own request histogram is found too, as a generic one
        assertThat(candidates).anySatisfy(c -> {
            assertThat(c.metric()).isEqualTo("prometheus_http_request_duration_seconds");
            assertThat(c.convention()).isEqualTo("generic");
        });
    }

    @Test
    void countersWithAStatusLabelBecomeAvailabilityCandidates() throws Exception {
        List<MetricSliCandidate> candidates = new MetricsSliDiscovery(client).discover("1h", Instant.now());
        MetricSliCandidate calls = candidates.stream()
                .filter(c -> c.metric().equals("traces_span_metrics_calls_total")).findFirst().orElseThrow();
        assertThat(calls.kind()).isEqualTo("availability");
        assertThat(calls.convention()).isEqualTo("spanmetrics");
        assertThat(calls.goodQuery()).isEqualTo(
                "sum(rate(traces_span_metrics_calls_total{status_code!=\"STATUS_CODE_ERROR\"}[{{.window}}]))");
        assertThat(calls.observed().ratio()).isCloseTo(0.99, org.assertj.core.data.Offset.offset(0.002));
        assertThat(calls.observed().total()).isPositive();
        assertThat(candidates).anySatisfy(c -> {
            assertThat(c.metric()).isEqualTo("prometheus_http_requests_total");
            assertThat(c.goodQuery()).contains("code!~\"5..\"");
        });
    }

    @Test
    void everyCandidateCarriesProposalsFromItsHistoryAsTraceSlisDo() throws Exception {
        List<MetricSliCandidate> candidates = new MetricsSliDiscovery(client).discover("1h", Instant.now());
        MetricSliCandidate calls = candidates.stream()
                .filter(c -> c.metric().equals("traces_span_metrics_calls_total")).findFirst().orElseThrow();
        assertThat(calls.proposals()).extracting(p -> p.variant()).containsExactly(
                dev.sloscout.engine.slo.SloProposal.Variant.values());
        assertThat(calls.proposals()).allSatisfy(p -> {
            assertThat(p.backtest()).hasSize(4);
            assertThat(p.reasons().get(0)).contains("from Prometheus").contains("STATUS_CODE_ERROR");
            assertThat(p.reasons()).anySatisfy(r -> assertThat(r).startsWith("history of"));
        });
        // the exporter's 1% errors: the history read with query_range says the same as the instant query
        dev.sloscout.engine.slo.History history = new MetricsSliDiscovery(client).history(
                "sum(increase(traces_span_metrics_calls_total[5m]))",
                "sum(increase(traces_span_metrics_calls_total{status_code=\"STATUS_CODE_ERROR\"}[5m]))", false, "1h",
                Instant.now());
        assertThat(history.window()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(history.windows()).isEqualTo(12);
        assertThat(history.totalEvents()).isPositive();
        assertThat(history.errorRatio()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(0.005));

        MetricSliCandidate http = candidates.stream()
                .filter(c -> c.metric().equals("http_server_request_duration_seconds")).findFirst().orElseThrow();
        assertThat(http.proposals()).hasSize(3).allSatisfy(p -> assertThat(p.thresholdMs()).isIn(100.0, 250.0, 500.0, 1000.0));
        assertThat(http.proposals().get(2).thresholdMs()).as("aggressive: p90")
                .isLessThanOrEqualTo(http.proposals().get(0).thresholdMs());
        assertThat(http.proposals().get(0).reasons().get(0)).contains("le=\"").contains("seconds");
        assertThat(MetricsSliDiscovery.durationOf("2w")).isEqualTo(java.time.Duration.ofDays(14));
    }

    @Test
    void rangeQueriesAreSplitToStayUnderElevenThousandPoints() throws Exception {
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofHours(4));
        assertThat(PrometheusClient.requestsFor(start, end, Duration.ofSeconds(1))).isEqualTo(2);
        List<PrometheusClient.Series> series = client.queryRange("up{job=\"shop\"}", start, end,
                Duration.ofSeconds(1));
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("job", "shop");
            assertThat(s.samples().size()).isGreaterThan(3);
            for (int i = 1; i < s.samples().size(); i++) {
                assertThat(s.samples().get(i)[0]).isGreaterThan(s.samples().get(i - 1)[0]);
            }
        });
    }

    @Test
    void theServersErrorReachesTheUserVerbatim() throws Exception {
        assertThatThrownBy(() -> client.query("sum(rate(", Instant.now()))
                .isInstanceOf(PrometheusException.class)
                .hasMessageStartingWith(prometheus.url() + "/api/v1/query: bad_data: ")
                .hasMessageContaining("parse error");
        assertThat(client.labels()).contains("job", "__name__");
    }

    @Test
    void anUnreachableServerIsNamedWithTheReason() {
        PrometheusClient nowhere = new PrometheusClient(URI.create("http://127.0.0.1:1"),
                new PrometheusClient.Options(Duration.ofSeconds(2), 1, "secret-token", null, null));
        assertThatThrownBy(nowhere::buildInfo).hasMessage(
                "http://127.0.0.1:1/api/v1/status/buildinfo: connection refused or unreachable (after 2 attempts)");
        assertThat(nowhere.toString()).doesNotContain("secret-token");
    }
}
