package dev.sloscout.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * What OpenTelemetry's Node.js HTTP instrumentation exports for a server no framework routes: server spans named
     * by the method alone, the path in {@code url.path} (or the older {@code http.target}, with the query).
     */
    private Path unroutedServer(int traces) throws IOException {
        StringBuilder lines = new StringBuilder();
        long start = 1_700_000_000_000_000_000L;
        for (int i = 0; i < traces; i++) {
            String path = i % 3 == 0 ? "/api/orders" : "/api/cart";
            String pathAttribute = i % 2 == 0 ? "{\"key\":\"url.path\",\"value\":{\"stringValue\":\"" + path + "\"}}"
                    : "{\"key\":\"http.target\",\"value\":{\"stringValue\":\"" + path + "?id=" + i + "\"}}";
            boolean failed = i % 10 == 0;
            long begin = start + i * 7_000_000_000L;
            lines.append("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                    + "{\"stringValue\":\"frontend\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\"")
                    .append(String.format("%032x", i + 1)).append("\",\"spanId\":\"")
                    .append(String.format("%016x", i + 1))
                    .append("\",\"name\":\"GET\",\"kind\":2,\"startTimeUnixNano\":\"").append(begin)
                    .append("\",\"endTimeUnixNano\":\"").append(begin + 20_000_000L + i * 100_000L)
                    .append("\",\"attributes\":[{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}},")
                    .append(pathAttribute).append(",{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":")
                    .append(failed ? 500 : 200).append("}}],\"status\":{\"code\":").append(failed ? 2 : 0)
                    .append("}}]}]}]}\n");
        }
        return Files.writeString(dir.resolve("unrouted.jsonl"), lines);
    }

    @Test
    void serverSpansNamedByTheMethodAloneAreJourneysByPathAndTheRulesSayWhatTheySelect() throws IOException {
        Path traces = unroutedServer(300);
        Path out = dir.resolve("unrouted");

        CliRun run = CliRun.of("analyze", traces.toString(), "--out", out.toString(), "--validate", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode journeys = JSON.readTree(out.resolve("analysis.json").toFile()).get("journeys");
        assertThat(journeys).extracting(j -> j.get("name").asText())
                .containsExactly("frontend GET /api/cart", "frontend GET /api/orders");
        assertThat(journeys.get(1).get("entry").get("spanName").asText()).isEqualTo("GET");
        String rules = Files.readString(out.resolve("prometheus/rules/frontend.rules.yml"));
        assertThat(rules).contains("span_name=\\\"GET\\\"").doesNotContain("span_name=\\\"GET /api");
        String runbook = Files.readString(out.resolve("runbooks/frontend-get-api-cart-availability.md"));
        assertThat(runbook).contains("**These series count more than this journey.**")
                .contains("select every 'GET' request of frontend, not GET /api/cart alone");
    }

    @Test
    void clusterFilesAndDemoAreOneChoice() {
        CliRun both = CliRun.of("analyze", "--cluster", "127.0.0.1:1", "--demo", "--out", dir.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give one of FILE..., --demo or --cluster");
        CliRun none = CliRun.of("analyze", "--out", dir.toString());
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void writesAnalysisJsonWithJourneysCandidatesAndProposals() throws IOException {
        Path file = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(file, 7, 400);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("analyze", file.toString(), "--validate", "never", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode analysis = JSON.readTree(out.resolve("analysis.json").toFile());
        assertThat(analysis.get("tool").get("name").asText()).isEqualTo("slo-scout");
        assertThat(analysis.get("ingest").get("traces").asLong()).isEqualTo(400);
        assertThat(analysis.get("journeys")).hasSize(5);
        JsonNode checkout = null;
        for (JsonNode candidate : analysis.get("sliCandidates")) {
            if (candidate.get("id").asText().endsWith("-availability") && candidate.get("journeyName").asText().startsWith("checkout")) {
                checkout = candidate;
            }
        }
        assertThat(checkout).isNotNull();
        assertThat(checkout.get("queries")).extracting(q -> q.get("profile").asText())
                .containsExactly("spanmetrics", "otel-http", "custom");
        assertThat(checkout.get("queries").get(1).get("totalQuery").asText())
                .isEqualTo("sum(rate(http_server_request_duration_seconds_count{job=\"checkout\",http_route=\"/checkout\","
                        + "http_request_method=\"POST\"}[{{.window}}]))");
        assertThat(checkout.get("proposals")).extracting(p -> p.get("variant").asText())
                .containsExactly("CONSERVATIVE", "BALANCED", "AGGRESSIVE");
        assertThat(checkout.get("proposals").get(0).get("backtest")).hasSize(4);
        assertThat(checkout.get("observed").get("low").asDouble()).isLessThan(checkout.get("observed").get("ratio").asDouble());
    }

    @Test
    void analysesTheBundledDemo() throws IOException {
        Path out = dir.resolve("demo");

        CliRun run = CliRun.of("analyze", "--demo", "--demo-scale", "0.2", "--validate", "never", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode analysis = JSON.readTree(out.resolve("analysis.json").toFile());
        assertThat(analysis.get("journeys")).hasSize(6);
        assertThat(analysis.get("ingest").get("services").size()).isGreaterThanOrEqualTo(10);
        assertThat(analysis.toString()).contains("\"start\":\"2026-03-");
        assertThat(run.out()).contains("blast radius: 1 service, 6 routes, 100.0% of the traffic, 24 alert rules, ");
    }

    @Test
    void aUserMetricsProfileReplacesTheExampleMappingAndIsValidatedFirst() throws IOException {
        Path traces = dir.resolve("shop.jsonl");
        ShopTraffic.writeJsonLines(traces, 7, 100);
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"name\":\"acme\",\"description\":\"ACME gateway metrics\",\"callsMetric\":\"acme_requests_total\","
                + "\"serviceLabel\":\"app\",\"operationLabel\":\"path\",\"extraSelectors\":\"env=\\\"prod\\\"\","
                + "\"errorSelector\":\"status=~\\\"5..\\\"\",\"durationBucketMetric\":\"acme_latency_seconds_bucket\","
                + "\"durationCountMetric\":\"acme_latency_seconds_count\",\"bucketUnitSeconds\":1,"
                + "\"bucketBoundsMs\":[50,100,250,500,1000],\"requiresRoute\":false}");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("analyze", traces.toString(), "--metrics-profile", profile.toString(), "--validate", "never", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode first = JSON.readTree(out.resolve("analysis.json").toFile()).get("sliCandidates").get(0);
        assertThat(first.get("queries").get(2).get("profile").asText()).isEqualTo("acme");
        assertThat(first.get("queries").get(2).get("badQuery").asText())
                .startsWith("sum(rate(acme_requests_total{app=").contains("env=\"prod\"").contains("status=~\"5..\"");

        Files.writeString(profile, "{\"name\":\"bad\",\"callsMetric\":\"x y\",\"serviceLabel\":\"app\",\"operationLabel\":\"path\","
                + "\"errorSelector\":\"status=5\",\"durationBucketMetric\":\"b\",\"durationCountMetric\":\"c\",\"bucketUnitSeconds\":1,"
                + "\"bucketBoundsMs\":[100]}");
        CliRun refused = CliRun.of("analyze", traces.toString(), "--metrics-profile", profile.toString(), "--validate", "never", "--out", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(profile + ": callsMetric must be").contains(profile + ": errorSelector must be");
    }

    @Test
    void exportSettingsReachTheRulesAndBadOnesAreRefused() throws IOException {
        Path traces = ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 7, 200);
        Path out = dir.resolve("settings");

        CliRun run = CliRun.of("analyze", traces.toString(), "--period", "30d", "--tiers", "page-6h,ticket-3d",
                "--alerts", "tiers", "--runbook-base-url", "https://wiki.example/rb", "--grafana-url", "https://grafana.example",
                "--validate", "never", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String rules = Files.readString(out.resolve("prometheus/rules/checkout.rules.yml"));
        assertThat(rules).contains("record: \"slo:sli_error:ratio_rate30d\"").contains("SloErrorBudgetBurnPage6h")
                .contains("SloErrorBudgetBurnTicket3d").doesNotContain("SloErrorBudgetBurnPage1h").doesNotContain("Ticket1d")
                .contains("runbook_url: \"https://wiki.example/rb/checkout-post-checkout-availability.md\"")
                .contains("dashboard_url: \"https://grafana.example/d/slo-checkout?var-slo=post-checkout-availability\"");

        CliRun badTier = CliRun.of("analyze", traces.toString(), "--tiers", "page-2h", "--out", out.toString());
        CliRun badPeriod = CliRun.of("analyze", traces.toString(), "--period", "monthly", "--out", out.toString());
        assertThat(badTier.exitCode()).isEqualTo(2);
        assertThat(badTier.err()).contains("unknown alert tier 'page-2h'");
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("a period is a number of days");
    }

    @Test
    void demoAndFilesAreExclusive() {
        assertThat(CliRun.of("analyze", "--out", dir.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("analyze", "--demo", "x.json", "--out", dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void demoDataWritesCompressedOtlpThatReadsBack() throws IOException {
        Path file = dir.resolve("demo.jsonl.gz");
        Path logs = dir.resolve("demo-logs.jsonl");

        CliRun write = CliRun.of("demo-data", "--out", file.toString(), "--logs", logs.toString(), "--days", "1", "--scale", "0.2");
        CliRun read = CliRun.of("ingest-stats", file.toString(), "--json");

        assertThat(write.exitCode()).isZero();
        assertThat(read.exitCode()).as(read.err()).isZero();
        long traces = Long.parseLong(write.out().trim().split(" ")[0]);
        assertThat(JSON.readTree(read.out()).get("traces").asLong()).isEqualTo(traces).isPositive();
        // one frontend access log per request, more where services log; every record carries its trace id
        java.util.Set<String> traceIds = new java.util.HashSet<>();
        long records = 0;
        for (String line : Files.readAllLines(logs)) {
            for (JsonNode resource : JSON.readTree(line).get("resourceLogs")) {
                for (JsonNode record : resource.get("scopeLogs").get(0).get("logRecords")) {
                    records++;
                    traceIds.add(record.get("traceId").asText());
                }
            }
        }
        assertThat(traceIds).hasSize((int) traces);
        assertThat(records).isGreaterThan(traces);
    }
}
