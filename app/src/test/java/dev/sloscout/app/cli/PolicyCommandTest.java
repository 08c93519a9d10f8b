package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --policy}: a blocking rule stops the bundle, a warning is kept, an audit is logged, a bad file said. */
class PolicyCommandTest {
    @TempDir
    Path dir;
    private Path traces;

    @BeforeEach
    void shop() throws IOException {
        traces = ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 7, 300);
    }

    private Path policy(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policy.yml"), yaml);
    }

    private CliRun analyze(Path policy, Path out) {
        return CliRun.of("analyze", traces.toString(), "--validate", "never", "--policy", policy.toString(),
                "--audit-log", dir.resolve("audit.jsonl").toString(), "--out", out.toString());
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aBlockingRuleWritesOnlyTheReportAndExitsThree() throws IOException {
        Path out = dir.resolve("blocked");
        CliRun run = analyze(policy("""
                rules:
                  - name: one-team-only
                    mode: block
                    maxServices: 1
                  - name: no-payments
                    mode: block
                    forbidServices: [payment, checkout]
                """), out);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(SloScoutCommand.EXIT_POLICY);
        assertThat(files(out)).containsExactly("policy-report.json");
        assertThat(run.err()).contains("policy violation, rule 'one-team-only': the bundle touches ")
                .contains("policy violation, rule 'no-payments': the bundle has SLOs on forbidden services: checkout")
                .contains("the bundle was not written");
        JsonNode report = new ObjectMapper().readTree(out.resolve("policy-report.json").toFile());
        assertThat(report.get("verdict").asText()).isEqualTo("block");
        assertThat(report.get("violations")).hasSize(2);
        assertThat(report.get("blastRadius").get("services").size()).isGreaterThan(1);
    }

    @Test
    void warningsArePrintedAndKeptWithTheBlastRadius() throws IOException {
        Path out = dir.resolve("warned");
        CliRun run = analyze(policy("""
                pricePerSeriesMonth: 0.5
                rules:
                  - name: small
                    mode: warn
                    maxNewSeries: 10
                  - name: cheap
                    mode: warn
                    maxMonthlyCost: 1000000
                """), out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("policy warning, rule 'small': the recording rules add ");
        assertThat(run.out()).containsPattern("blast radius: 4 services, 4 routes, [0-9.]+% of the traffic, "
                + "\\d+ alert rules, \\d+ new series").containsPattern("data quality: \\d+ services scored");
        JsonNode policy = new ObjectMapper().readTree(out.resolve("analysis.json").toFile()).get("policy");
        assertThat(policy.get("verdict").asText()).isEqualTo("warn");
        assertThat(policy.get("violations")).singleElement()
                .satisfies(v -> assertThat(v.get("rule").asText()).isEqualTo("small"));
        JsonNode radius = policy.get("blastRadius");
        long series = radius.get("newSeries").asLong();
        assertThat(series).isEqualTo(radius.get("slos").findValues("newSeries").stream()
                .mapToLong(JsonNode::asLong).sum()).isPositive();
        assertThat(radius.get("monthlyCost").asDouble()).isEqualTo(series * 0.5);
        // every recording rule written is one new series: count them in the written rules
        long recorded = 0;
        try (Stream<Path> rules = Files.list(out.resolve("prometheus/rules"))) {
            for (Path file : rules.toList()) {
                recorded += Files.readAllLines(file).stream().filter(l -> l.startsWith("      - record: ")).count();
            }
        }
        assertThat(series).isEqualTo(recorded);
    }

    @Test
    void auditRulesAreAppendedToTheAuditLogWhateverTheOutcome() throws IOException {
        Path policy = policy("""
                rules:
                  - name: watch-alerts
                    mode: audit
                    maxAlertRules: 1
                  - name: watch-slos
                    mode: audit
                    maxSlos: 1000
                """);
        assertThat(analyze(policy, dir.resolve("a")).exitCode()).isZero();
        assertThat(analyze(policy, dir.resolve("b")).exitCode()).isZero();

        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(lines).hasSize(4);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("rule").asText()).isEqualTo("watch-alerts");
        assertThat(first.get("outcome").asText()).startsWith("the bundle writes ").endsWith("alert rules, more than 1");
        assertThat(first.get("user").asText()).isNotBlank();
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("outcome").asText()).startsWith("kept: ");
    }

    @Test
    void aMalformedPolicyNamesFileLineAndRule() throws IOException {
        Path out = dir.resolve("bad");
        Path file = policy("""
                rules:
                  - name: ok
                    mode: warn
                    maxServices: 3
                  - name: typo
                    mode: block
                    maxServcies: 3
                """);

        CliRun run = analyze(file, out);

        assertThat(run.exitCode()).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
        assertThat(run.err()).startsWith("slo-scout: " + file + ":7: rule 'typo': unknown key 'maxServcies'");
        assertThat(out).doesNotExist();

        Path twoLimits = policy("""
                rules:
                  - name: greedy
                    mode: warn
                    maxServices: 3
                    maxSlos: 2
                """);
        assertThat(analyze(twoLimits, out).err()).contains(twoLimits + ":5: rule 'greedy': one limit per rule");
        Path noPrice = policy("""
                rules:
                  - name: cost
                    mode: block
                    maxMonthlyCost: 3
                """);
        assertThat(analyze(noPrice, out).err()).contains(":2: rule 'cost': maxMonthlyCost needs pricePerSeriesMonth");
        Path badMode = policy("rules:\n  - name: m\n    mode: shout\n    maxSlos: 1\n");
        assertThat(analyze(badMode, out).err()).contains(":3: rule 'm': mode must be block, warn or audit");
    }
}
