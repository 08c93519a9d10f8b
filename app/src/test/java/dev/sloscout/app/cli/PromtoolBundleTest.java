package dev.sloscout.app.cli;

import org.junit.jupiter.api.Tag;
import dev.sloscout.pipeline.bundle.Promtool;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported rules pass the real promtool the first time: {@code check rules} and the generated
 * {@code test rules}, for the demo shop and for services and routes with hostile names. Needs Prometheus' promtool
 * (Debian package {@code prometheus}); under CI (the CI environment variable) its absence is a failure, elsewhere a skip.
 */
@Tag("integration")
class PromtoolBundleTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsPromtool() {
        boolean present = Promtool.find() != null;
        if (System.getenv("CI") != null) {
            assertThat(present).as("promtool on the PATH (CI installs the Debian package prometheus)").isTrue();
        }
        assumeTrue(present, "promtool is not on the PATH; install Prometheus' promtool to run this test");
    }

    @Test
    void theDemoBundlePassesPromtool() throws IOException {
        Path out = dir.resolve("demo");

        CliRun run = CliRun.of("analyze", "--demo", "--demo-scale", "0.2", "--validate", "always", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("promtool check rules prometheus/rules/frontend.rules.yml: passed")
                .contains("promtool test rules prometheus/tests/frontend.test.yml: passed");
        String rules = Files.readString(out.resolve("prometheus/rules/frontend.rules.yml"));
        assertThat(rules).contains("name: \"sloth-slo-sli-recordings-frontend-post-checkout-availability\"")
                .contains("record: \"slo:sli_error:ratio_rate30m\"").contains("record: \"slo:sli_error:ratio_rate4w\"")
                .contains("alert: \"SloErrorBudgetBurnPostCheckoutAvailability\"").contains("sloth_severity: \"page\"")
                .doesNotContain("for:").doesNotContain("0000000").doesNotContain("9999999");
        assertThat(out.resolve("sloth/frontend.yml")).exists();
        assertThat(out.resolve("runbooks/frontend-post-checkout-availability.md")).exists();
    }

    /** The period x alert-profile matrix (about 40 s): a load suite, run by the slow profile (.ci/run). */
    @Tag("slow")
    @ParameterizedTest(name = "--alerts {0} --period {1}")
    @org.junit.jupiter.params.provider.CsvSource({"sloth,7d", "sloth,14d", "sloth,28d", "sloth,30d", "sloth,90d",
        "tiers,7d", "tiers,14d", "tiers,30d"}) // tiers at 28d: the rules-profile test above; at 90d its 9-day
    // ticket windows take half a minute of promtool, checked by hand (docs/alerting.md)
    void bothAlertProfilesPassPromtoolAtEveryPeriod(String alerts, String period) throws IOException {
        Path traces = dev.sloscout.connectors.files.fixtures.ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 5,
                300);
        Path out = dir.resolve(alerts + period);

        CliRun run = CliRun.of("analyze", traces.toString(), "--alerts", alerts, "--period", period,
                "--validate", "always", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(alerts + " alerts").contains("promtool test rules").doesNotContain("FAILED");
        String rules = Files.readString(out.resolve("prometheus/rules/checkout.rules.yml"));
        String named = switch (period) { // whole weeks as weeks, as Sloth names the rule
            case "7d" -> "1w";
            case "14d" -> "2w";
            case "28d" -> "4w";
            case "30d" -> "30d";
            default -> "90d";
        };
        assertThat(rules).contains("record: \"slo:sli_error:ratio_rate" + named + "\"");
        if (alerts.equals("sloth")) {
            assertThat(rules).contains("alert: \"SloErrorBudgetBurnPostCheckoutAvailability\"").doesNotContain("for:");
        } else {
            assertThat(rules).contains("slo_tier: \"").contains("for: ").contains("SloMetricsAbsent");
        }
    }

    @Test
    void everyDashboardQueryFollowsTheSelectedSloAndParsesForEachSlo() throws Exception {
        Path out = dir.resolve("dashboards");
        Path traces = dev.sloscout.connectors.files.fixtures.ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 5,
                300);
        CliRun run = CliRun.of("analyze", traces.toString(), "--validate", "never", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        try (var dashboards = Files.list(out.resolve("grafana"))) {
            for (Path file : dashboards.toList()) {
                var dashboard = json.readTree(file.toFile());
                var slo = java.util.stream.StreamSupport.stream(dashboard.get("templating").get("list").spliterator(),
                        false).filter(v -> v.get("name").asText().equals("slo")).findFirst().orElseThrow();
                assertThat(slo.get("type").asText()).isEqualTo("custom");
                String serviceRules = Files.readString(out.resolve("prometheus/rules/" + file.getFileName().toString()
                        .replace("-slo.json", ".rules.yml")));
                for (var option : slo.get("options")) {
                    String name = option.get("text").asText();
                    String selector = option.get("value").asText();
                    // the SLO's own requests: its rules read the same selectors
                    assertThat(serviceRules.replace("\\\"", "\"")).contains("{" + selector + "}[");
                    for (var panel : dashboard.get("panels")) {
                        for (var target : panel.get("targets")) {
                            String expr = target.get("expr").asText().replace("${slo:text}", name)
                                    .replace("${slo}", selector).replace("${window}", "1h");
                            assertThat(expr).doesNotContain("$");
                            rules.append("      - record: \"dashboard:query").append(n++).append("\"\n")
                                    .append("        expr: ").append(json.writeValueAsString(expr)).append('\n');
                        }
                    }
                }
            }
        }
        Path check = Files.writeString(dir.resolve("dashboard-queries.yml"), rules);
        Process promtool = new ProcessBuilder(Promtool.find().toString(), "check", "rules", check.toString())
                .redirectErrorStream(true).start();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor()).as(said).isZero();
        assertThat(n).isGreaterThan(10);
    }

    @Test
    void hostileServiceAndRouteNamesAreEscapedEverywhere() throws IOException {
        List<Span> spans = new ArrayList<>();
        Random random = new Random(5);
        String[][] services = {{"pay\"ments\\{{x}}", "/charge/\"quoted\"/{id}"}, {"üñí çødé\nline", "/weird {{route}}"}};
        for (int t = 0; t < 600; t++) {
            String[] service = services[t % services.length];
            TraceId traceId = new TraceId(77, t + 1);
            long start = 1_700_000_000_000_000_000L + t * 60_000_000_000L;
            boolean failed = random.nextInt(50) == 0;
            spans.add(Span.builder().traceId(traceId).spanId(new SpanId(t + 1)).resource(Resource.ofService(service[0]))
                    .name("POST " + service[1]).kind(SpanKind.SERVER).startEpochNanos(start)
                    .endEpochNanos(start + (5 + random.nextInt(90)) * 1_000_000L)
                    .status(failed ? Status.of(StatusCode.ERROR, "boom") : Status.UNSET)
                    .attributes(Attributes.builder().put(SpanAttributes.HTTP_ROUTE, service[1])
                            .put(SpanAttributes.HTTP_REQUEST_METHOD, "POST").build()).build());
        }
        Path traces = dir.resolve("hostile.jsonl");
        Files.writeString(traces, new OtlpJsonWriter().jsonLines(spans, 50), StandardCharsets.UTF_8);
        Path out = dir.resolve("hostile");

        CliRun run = CliRun.of("analyze", traces.toString(), "--validate", "always", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("promtool check rules").contains("promtool test rules").doesNotContain("FAILED");
        try (var files = Files.list(out.resolve("prometheus/rules"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .allSatisfy(name -> assertThat(name).matches("[a-z0-9-]+\\.rules\\.yml"));
        }
    }

    @ParameterizedTest(name = "--rules-profile {0}")
    @ValueSource(strings = {"spanmetrics", "otel-http", "custom"})
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void everyRulesProfileWritesRulesTestsAndDashboardsThatPassPromtool(String profile) throws IOException {
        Path traces = dev.sloscout.connectors.files.fixtures.ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 3,
                800);
        Path out = dir.resolve(profile);

        CliRun run = CliRun.of("analyze", traces.toString(), "--rules-profile", profile, "--tiers", "page-6h",
                "--alerts", "tiers", "--validate", "always", "--out", out.toString()); // one tier: the profile is the point here

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("rules for " + profile).contains("promtool test rules").doesNotContain("FAILED");
        String expected = switch (profile) {
            case "spanmetrics" -> "traces_span_metrics_calls_total";
            case "otel-http" -> "http_server_request_duration_seconds_count";
            default -> "http_requests_total";
        };
        try (var rules = Files.list(out.resolve("prometheus/rules")); var dashboards = Files.list(out.resolve("grafana"))) {
            List<Path> files = rules.toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                assertThat(Files.readString(file)).contains(expected);
            }
            for (Path dashboard : dashboards.toList()) {
                assertThat(Files.readString(dashboard)).contains(expected.replace("_count", "_bucket")
                        .replace("_calls_total", "_duration_milliseconds_bucket").replace("_requests_total",
                                "_request_duration_seconds_bucket"));
            }
        }
    }
}
