package dev.sloscout.engine.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Objective;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our Sloth-profile rules against what {@code sloth generate} wrote for Sloth's own getting-started spec (the
 * published golden file in {@code ../shared/data/prometheus/sloth}; skipped when absent): the same SLO given to our
 * generator must give the same alert names, severities, expressions (whitespace and float noise aside: Sloth prints
 * {@code 0.0009999999999999432} where we print {@code 0.001}), the same period SLI and burn-rate meta rules, and
 * the same recorded windows. The per-window SLI expressions differ on purpose (no NaN without traffic) and are not
 * compared.
 */
class SlothGoldenTest {
    private static final Pattern NUMBER = Pattern.compile("(?<![a-z_0-9])\\d+\\.\\d+(?![a-z_0-9])");

    /** One rule of a rules file: record or alert name, its expression (one line) and its labels. */
    private record Rule(String kind, String name, String expr, Map<String, String> labels) {
    }

    @Test
    void theSlothProfileWritesWhatSlothGeneratesForTheSameSlo() throws IOException {
        Path sloth = Path.of(System.getProperty("sloscout.sharedData", "../shared/data"))
                .resolve("prometheus/sloth/getting-started.generated.yml");
        assumeTrue(Files.isRegularFile(sloth), "no Sloth golden output at " + sloth.toAbsolutePath());
        SloDefinition slo = new SloDefinition("myservice", "requests-availability",
                "Common SLO based on availability for HTTP request responses.", new Objective(0.999),
                Duration.ofDays(30), AlertTier.STANDARD,
                "sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[{{.window}}]))",
                "sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[{{.window}}]))", "count(x) > 0",
                new SloDefinition.TestSeries(SloDefinition.TestSeries.Model.COUNTERS, "g", "b"), null, null);

        List<Rule> theirs = rules(Files.readAllLines(sloth));
        List<Rule> ours = rules(PrometheusRules.file(List.of(slo)).lines().toList());

        assertThat(names(ours, "record")).containsAll(names(theirs, "record"));
        List<Rule> theirAlerts = theirs.stream().filter(r -> r.kind().equals("alert")).toList();
        List<Rule> ourAlerts = ours.stream().filter(r -> r.kind().equals("alert")).toList();
        assertThat(ourAlerts).hasSameSizeAs(theirAlerts).hasSize(2);
        for (int i = 0; i < theirAlerts.size(); i++) {
            Rule their = theirAlerts.get(i);
            Rule our = ourAlerts.get(i);
            assertThat(normal(our.expr())).as(their.name()).isEqualTo(normal(their.expr()));
            assertThat(our.labels().get("sloth_severity")).isEqualTo(their.labels().get("sloth_severity"));
        }
        for (String meta : List.of("slo:sli_error:ratio_rate30d", "slo:current_burn_rate:ratio",
                "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio", "slo:time_period:days")) {
            assertThat(normal(find(ours, meta).expr())).as(meta).isEqualTo(normal(find(theirs, meta).expr()));
        }
        for (String labelled : List.of("slo:sli_error:ratio_rate30d", "slo:sli_error:ratio_rate5m")) {
            Map<String, String> their = find(theirs, labelled).labels();
            Map<String, String> our = find(ours, labelled).labels();
            for (String key : List.of("sloth_id", "sloth_service", "sloth_slo", "sloth_window")) {
                assertThat(our.get(key)).as(labelled + " " + key).isEqualTo(their.get(key));
            }
        }
    }

    private static List<String> names(List<Rule> rules, String kind) {
        return rules.stream().filter(r -> r.kind().equals(kind)).map(Rule::name).distinct().toList();
    }

    private static Rule find(List<Rule> rules, String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no rule " + name));
    }

    /** Whitespace gone and every decimal rounded to 12 significant digits. */
    private static String normal(String expr) {
        Matcher m = NUMBER.matcher(expr.replaceAll("\\s+", ""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, new BigDecimal(m.group()).round(new MathContext(12)).stripTrailingZeros()
                    .toPlainString());
        }
        return m.appendTail(out).toString();
    }

    /**
     * The rules of a Prometheus rules file, for the two layouts compared here: Sloth's (plain scalars, block
     * expressions, two-space indents) and ours (double-quoted scalars). A small reader, not a YAML parser.
     */
    private static List<Rule> rules(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("- record:") && !line.startsWith("- alert:")) {
                continue;
            }
            String kind = line.startsWith("- record:") ? "record" : "alert";
            String name = unquote(line.substring(line.indexOf(':') + 1).trim());
            int indent = lines.get(i).indexOf('-') + 2;
            StringBuilder expr = new StringBuilder();
            Map<String, String> labels = new LinkedHashMap<>();
            String section = "";
            int j = i + 1;
            for (; j < lines.size() && indentOf(lines.get(j)) >= indent; j++) {
                String raw = lines.get(j);
                String t = raw.trim();
                if (indentOf(raw) == indent) {
                    section = t.substring(0, t.indexOf(':'));
                    String value = t.substring(t.indexOf(':') + 1).trim();
                    if (section.equals("expr") && !value.equals("|")) {
                        expr.append(unquote(value));
                    }
                } else if (section.equals("expr")) {
                    expr.append(' ').append(t);
                } else if (section.equals("labels") && t.contains(": ")) {
                    labels.put(t.substring(0, t.indexOf(':')), unquote(t.substring(t.indexOf(':') + 2)));
                }
            }
            rules.add(new Rule(kind, name, expr.toString().trim(), labels));
            i = j - 1;
        }
        return rules;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.isBlank() ? Integer.MAX_VALUE : n;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
