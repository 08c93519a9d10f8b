package dev.sloscout.engine.demo;

import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;

/**
 * A log record the demo shop writes beside its spans, correlated by trace and span id (OTLP severity numbers:
 * 9 INFO, 13 WARN, 17 ERROR). Some bodies carry e-mail addresses and order ids on purpose: real logs do.
 */
public record DemoLog(long epochNanos, String service, int severityNumber, String severityText, String body,
                      TraceId traceId, SpanId spanId) {
}
