package dev.sloscout.pipeline.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.pipeline.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The policy audit log: JSON lines appended, one per audit rule checked and one per blocked export a user
 * overrode, each saying who, when, which policy and rule, the outcome and the bundle's folder. The CLI and the
 * workbench write the same lines.
 */
public final class PolicyAudit {
    /** The rule name an override's line carries. */
    public static final String OVERRIDE = "override";

    private final Path log;

    public PolicyAudit(Path log) {
        this.log = log;
    }

    /** {@code ~/.slo-scout/policy-audit.jsonl}. */
    public static Path defaultLog() {
        return Path.of(System.getProperty("user.home"), ".slo-scout", "policy-audit.jsonl");
    }

    public Path log() {
        return log;
    }

    /** Appends the outcome of every audit rule of the verdict (nothing when the policy has none). */
    public void audited(PolicyCheck.Verdict verdict, Path bundle, Instant now) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (PolicyCheck.Violation v : verdict.audited()) {
            lines.append(line(now, verdict.policy(), v.rule(), v.message(), bundle, List.of())).append('\n');
        }
        append(lines.toString());
    }

    /**
     * Appends that a user exported a bundle the policy blocks, with their reason and the blocking rules' messages.
     *
     * @throws IllegalArgumentException when the reason is blank: an override is never silent
     */
    public void overridden(PolicyCheck.Verdict verdict, Path bundle, String reason, Instant now) throws IOException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        List<String> broken = verdict.of(Policy.Mode.BLOCK).stream().map(v -> v.rule() + ": " + v.message())
                .toList();
        append(line(now, verdict.policy(), OVERRIDE, "exported although blocked: " + reason.strip(), bundle, broken)
                + "\n");
    }

    private static String line(Instant now, String policy, String rule, String outcome, Path bundle,
            List<String> broken) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("time", now.toString());
        line.put("user", System.getProperty("user.name"));
        line.put("policy", policy);
        line.put("rule", rule);
        line.put("outcome", outcome);
        line.put("bundle", bundle.toAbsolutePath().toString());
        if (!broken.isEmpty()) {
            broken.forEach(line.putArray("blockedBy")::add);
        }
        return line.toString();
    }

    private void append(String lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        if (log.getParent() != null) {
            Files.createDirectories(log.getParent());
        }
        Files.writeString(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
