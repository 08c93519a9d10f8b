package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.TraceId;

/**
 * Pushes a generated stream of millions of spans through the assembler in a JVM with a small heap (run by
 * {@link BoundedMemoryTest}). Traces are interleaved 2,000 at a time, a tenth of them never get their root, and some
 * spans repeat: the shapes that make naive assemblers grow without bound.
 * Prints {@code spans traces duplicates evicted peakOpen} on success.
 */
public final class AssemblerSoak {
    private AssemblerSoak() {
    }

    public static void main(String[] args) {
        long totalSpans = Long.parseLong(args[0]);
        int maxOpenSpans = Integer.parseInt(args[1]);
        long[] traces = new long[1];
        long[] spansOut = new long[1];
        TraceAssembler assembler = new TraceAssembler(
                new AssemblySettings(50_000, maxOpenSpans, 10_000, 200_000),
                trace -> {
                    traces[0]++;
                    spansOut[0] += trace.spans().size();
                });
        Resource[] services = {Resource.ofService("gateway"), Resource.ofService("api"), Resource.ofService("db")};
        int spansPerTrace = 10;
        int window = 2_000;
        long emitted = 0;
        long duplicates = 0;
        for (long block = 0; emitted < totalSpans; block++) {
            for (int position = 0; position < spansPerTrace; position++) {
                for (int t = 0; t < window && emitted < totalSpans; t++) {
                    long traceNumber = block * window + t + 1;
                    boolean rootless = traceNumber % 10 == 0;
                    if (position == 0 && rootless) {
                        continue;
                    }
                    Span span = Span.builder().traceId(new TraceId(traceNumber, 0x1234))
                            .spanId(new SpanId(traceNumber * 16 + position + 1))
                            .parentSpanId(position == 0 ? null : new SpanId(traceNumber * 16 + position))
                            .resource(services[position % services.length]).name("op-" + position)
                            .kind(position == 0 ? SpanKind.SERVER : SpanKind.CLIENT)
                            .startEpochNanos(traceNumber * 1000 + position).endEpochNanos(traceNumber * 1000 + position + 10)
                            .build();
                    assembler.accept(span);
                    emitted++;
                    if (traceNumber % 97 == 0 && position == 3) {
                        assembler.accept(span);
                        duplicates++;
                    }
                }
            }
        }
        assembler.finish();
        AssemblyStats stats = assembler.stats();
        if (stats.duplicateSpans() != duplicates || spansOut[0] != emitted) {
            System.err.println("mismatch: " + stats + " emitted=" + emitted + " out=" + spansOut[0]);
            System.exit(3);
        }
        System.out.println(spansOut[0] + " " + traces[0] + " " + stats.duplicateSpans() + " " + stats.evictedTraces()
                + " " + stats.peakOpenSpans());
    }
}
