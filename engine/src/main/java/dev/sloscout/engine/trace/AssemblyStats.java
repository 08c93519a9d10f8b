package dev.sloscout.engine.trace;

/**
 * What the assembler did with its input.
 *
 * @param spansReceived  spans handed to the assembler
 * @param duplicateSpans exact duplicates recognised and counted once
 * @param droppedSpans   spans dropped because their trace exceeded the per-trace bound
 * @param lateSpans      spans that arrived after their trace was closed (handed on as late parts)
 * @param evictedTraces  traces closed early to stay within the memory bound
 * @param peakOpenSpans  the most spans held at once
 */
public record AssemblyStats(long spansReceived, long duplicateSpans, long droppedSpans, long lateSpans,
                            long evictedTraces, long peakOpenSpans) {
}
