package dev.sloscout.connectors.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull request's description: what changed, then per SLO its objective, the evidence behind it, the backtest,
 * how far its data can be trusted (all read from the SLO's runbook, which says each of them), the policy's verdict
 * from {@code analysis.json} when a policy was checked, and a review checklist.
 */
final class PullRequestText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("(?m)^# Runbook: (.+)$");
    private static final Pattern OBJECTIVE = Pattern.compile("(?m)^SLO `([^`]+)`: (.+?)\\. ");
    private static final Pattern OBSERVED = Pattern.compile("(?m)^Observed: (.+)$");
    private static final Pattern BACKTEST = Pattern.compile("(?m)^- replaying the burn\\\\?-rate alerts over the history: (.+)$");
    private static final Pattern QUALITY = Pattern.compile("(?m)^The data of .+ scores (\\d+) of 100");
    private static final Pattern WEAK = Pattern.compile("(?m)^Weak: (.+)$");

    private PullRequestText() {
    }

    /** The service of an SLO from its runbook's first line ({@code # Runbook: <service> <operation> ...}). */
    static String service(Bundle bundle, String slo) {
        String runbook = bundle.runbooks().get(slo + ".md");
        Matcher m = runbook == null ? null : TITLE.matcher(runbook);
        return m != null && m.find() ? m.group(1).split(" ")[0] : slo;
    }

    static String commitBody(ChangeSet changes) {
        List<String> lines = new ArrayList<>();
        changes.newSlos().forEach(s -> lines.add("new: " + s));
        changes.updatedSlos().forEach(s -> lines.add("updated: " + s));
        changes.removedSlos().forEach(s -> lines.add("removed: " + s));
        lines.add(String.format("%d files added, %d modified, %d removed, %d unchanged (written by slo-scout publish)",
                changes.added().size(), changes.modified().size(), changes.removed().size(),
                changes.unchanged().size()));
        return String.join("\n", lines);
    }

    static String body(Bundle bundle, ChangeSet changes, String path) {
        StringBuilder md = new StringBuilder("SLOs proposed by slo-scout from observed telemetry");
        md.append(String.format(" (%d new, %d updated, %d removed; %d files added, %d modified, %d removed under `%s`).%n%n",
                changes.newSlos().size(), changes.updatedSlos().size(), changes.removedSlos().size(),
                changes.added().size(), changes.modified().size(), changes.removed().size(),
                path.isEmpty() ? "/" : path));
        md.append("| SLO | objective | evidence | backtest | data quality |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, String> runbook : bundle.runbooks().entrySet()) {
            String slo = runbook.getKey().substring(0, runbook.getKey().length() - 3);
            String text = runbook.getValue();
            String change = changes.newSlos().contains(slo) ? " (new)" : changes.updatedSlos().contains(slo)
                    ? " (updated)" : "";
            md.append("| `").append(slo).append('`').append(change).append(" | ")
                    .append(cell(first(OBJECTIVE, text, 2))).append(" | ").append(cell(first(OBSERVED, text, 1)))
                    .append(" | ").append(cell(first(BACKTEST, text, 1))).append(" | ")
                    .append(cell(quality(text))).append(" |\n");
        }
        if (!changes.removedSlos().isEmpty()) {
            md.append("\nRemoved (no longer proposed): ").append(String.join(", ", changes.removedSlos().stream()
                    .map(s -> "`" + s + "`").toList())).append('\n');
        }
        md.append("\n**Policy:** ").append(policy(bundle)).append("\n\n");
        md.append("""
                Review checklist:
                - [ ] `promtool check rules` and `promtool test rules` pass on `prometheus/` (CI)
                - [ ] the objectives are agreed with the owners of each service
                - [ ] SLOs marked weak in their runbooks are understood (see "How far to trust this SLO")
                - [ ] alert routes in `alertmanager/routes.yml` reach the right receivers
                - [ ] the dashboards in `grafana/` are imported and the runbook links resolve
                """);
        return md.toString();
    }

    private static String quality(String runbook) {
        Matcher score = QUALITY.matcher(runbook);
        if (!score.find()) {
            return "not measured";
        }
        Matcher weak = WEAK.matcher(runbook);
        return score.group(1) + "/100" + (weak.find() ? "; weak: " + weak.group(1) : "");
    }

    private static String policy(Bundle bundle) {
        if (bundle.analysis() == null) {
            return "not known (no analysis.json beside the bundle)";
        }
        try {
            JsonNode policy = JSON.readTree(bundle.analysis().toFile()).path("policy");
            if (policy.isMissingNode() || policy.isNull()) {
                return "no policy was checked (`slo-scout analyze --policy FILE`)";
            }
            StringBuilder out = new StringBuilder(policy.path("verdict").asText("unknown"));
            for (JsonNode violation : policy.path("violations")) {
                out.append("; ").append(violation.path("mode").asText()).append(" '")
                        .append(violation.path("rule").asText()).append("': ").append(violation.path("message").asText());
            }
            return cell(out.toString());
        } catch (IOException e) {
            return "unreadable analysis.json: " + e.getMessage();
        }
    }

    private static String first(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : "-";
    }

    /** A table cell: runbook text is already Markdown-escaped; pipes and line breaks would break the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}
