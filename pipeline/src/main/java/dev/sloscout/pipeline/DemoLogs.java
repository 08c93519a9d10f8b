package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.demo.DemoLog;

/** The demo shop's log records as log events, the way the OTLP log reader would deliver them. */
public final class DemoLogs {
    private DemoLogs() {
    }

    public static LogEvent event(DemoLog log) {
        return new LogEvent("demo shop logs", 0, 1, log.service(), log.body(), false, "", log.epochNanos() / 1_000_000,
                Severity.fromOtlpNumber(log.severityNumber()), log.traceId(), log.spanId());
    }
}
