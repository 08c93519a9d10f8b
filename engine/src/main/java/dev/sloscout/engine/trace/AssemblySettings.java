package dev.sloscout.engine.trace;

/**
 * Bounds of the trace assembler. Time is counted in spans received, not wall-clock time, so the same input always
 * assembles the same way however fast it is read.
 *
 * @param idleSpans        a trace whose root has arrived is complete once this many spans went by without one for it
 * @param maxOpenSpans     spans held in open traces at most, split evenly over the assembler's buckets of trace ids;
 *                         past its share a bucket closes its least recently touched trace early
 * @param maxSpansPerTrace spans kept per trace; more are counted and dropped (runaway traces stay bounded)
 * @param rememberedSpans  identity fingerprints kept of closed traces, so a late duplicate is still recognised
 */
public record AssemblySettings(long idleSpans, int maxOpenSpans, int maxSpansPerTrace, int rememberedSpans) {

    public static final AssemblySettings DEFAULTS = new AssemblySettings(200_000, 1_000_000, 100_000, 2_000_000);

    public AssemblySettings {
        if (idleSpans < 1 || maxOpenSpans < 1 || maxSpansPerTrace < 1 || rememberedSpans < 0) {
            throw new IllegalArgumentException("assembly bounds must be positive");
        }
    }
}
