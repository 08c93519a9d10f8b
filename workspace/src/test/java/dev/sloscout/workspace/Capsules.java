package dev.sloscout.workspace;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.capsule.TraceLookup;
import java.util.List;

/** Small, real capsules mined from made-up log lines (test fixture). */
final class Capsules {
    private Capsules() {
    }

    static List<Capsule> mine(String service, long startMillis, String... lines) {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(),
                id -> new TraceLookup.Link("j-" + service, true), 2024);
        long t = startMillis;
        for (String line : lines) {
            Severity severity = line.contains("failed") ? Severity.ERROR : Severity.INFO;
            acc.accept(new LogEvent(service + ".log", 1, 1, service, line, false, "", t, severity,
                    dev.sloscout.engine.model.TraceId.fromHex("0af7651916cd43dd8448eb211c80319c"), null));
            t += 60_000;
        }
        return acc.capsules();
    }
}
