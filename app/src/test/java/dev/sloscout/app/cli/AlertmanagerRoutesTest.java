package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's Alertmanager routes pass {@code amtool check-config}, and every alert the rules write (its rule labels
 * and the SLO labels its series carry) is routed by {@code amtool config routes test} to the receiver its severity
 * names, in both alert profiles. Needs amtool (Debian package prometheus-alertmanager); under CI its absence is a
 * failure, elsewhere a skip.
 */
@Tag("integration")
class AlertmanagerRoutesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsAmtool() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/amtool"));
        if (System.getenv("CI") != null) {
            assertThat(present).as("amtool (CI installs the Debian package prometheus-alertmanager)").isTrue();
        }
        assumeTrue(present, "amtool is not installed");
    }

    @ParameterizedTest(name = "--alerts {0}")
    @ValueSource(strings = {"sloth", "tiers"})
    void everyAlertIsRoutedByItsSeverity(String alerts) throws Exception {
        Path traces = ShopTraffic.writeJsonLines(dir.resolve("shop.jsonl"), 5, 300);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", traces.toString(), "--alerts", alerts, "--validate", "never", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path routes = out.resolve("alertmanager/routes.yml");

        assertThat(amtool("check-config", routes.toString())).startsWith("0\n").contains("SUCCESS");

        int checked = 0;
        for (Alert alert : alerts(out.resolve("prometheus/rules/checkout.rules.yml"))) {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + routes,
                    "alertname=" + alert.name(), "generated_by=slo-scout")); // generated_by comes with the series
            alert.labels().forEach(l -> args.add(l.replaceFirst(": \"", "=").replaceFirst("\"$", "")));
            String severity = alert.labels().stream().filter(l -> l.startsWith("sloth_severity: ")).findFirst()
                    .orElseThrow().replaceAll(".*\"(.*)\"", "$1");
            assertThat(amtool(args.toArray(String[]::new))).as(alert.toString()).isEqualTo("0\nslo-" + severity + "\n");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(alerts.equals("sloth") ? 2 : 4);
        assertThat(amtool("config", "routes", "test", "--config.file=" + routes, "alertname=Other", "severity=page"))
                .as("alerts of other generators keep their own routes").isEqualTo("0\ndefault\n");
    }

    private record Alert(String name, List<String> labels) {
    }

    /** The alerts of a rules file as the bundle writes it (one {@code key: "value"} per label line). */
    private static List<Alert> alerts(Path rules) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        List<String> lines = Files.readAllLines(rules);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("      - alert: ")) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).equals("        labels:") && !lines.get(j).startsWith("      - ")) {
                j++;
            }
            for (j++; j < lines.size() && lines.get(j).startsWith("          "); j++) {
                labels.add(lines.get(j).trim());
            }
            alerts.add(new Alert(line.substring("      - alert: ".length()).replace("\"", ""), labels));
        }
        return alerts;
    }

    /** Exit code and standard output, on their own lines. */
    private static String amtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/amtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + "\n" + out;
    }
}
