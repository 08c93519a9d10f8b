package dev.sloscout.pipeline.stream;

/**
 * The topics a stream job writes, named by its output prefix: what the job creates and what readers read.
 *
 * @param prefix put before each name ({@code slo-scout.} by default)
 */
public record OutputTopics(String prefix) {
    public OutputTopics {
        prefix = prefix == null ? "" : prefix;
    }

    /** Journey snapshots (compacted, keyed by journey id): counts, percentiles and the mergeable state. */
    public String journeys() {
        return prefix + "journeys";
    }

    /** Five-minute history windows per journey (compacted, keyed by journey id and window). */
    public String history() {
        return prefix + "journey-history";
    }

    /** Each journey's SLI candidates with proposals (compacted, keyed by candidate id), as analysis.json has them. */
    public String sliCandidates() {
        return prefix + "sli-candidates";
    }

    /** Capsule snapshots (compacted, keyed by capsule id; a tombstone when a capsule's template took another id). */
    public String capsules() {
        return prefix + "capsules";
    }

    /** What each stage's partitions counted: spans, duplicates, late and dropped spans, partial traces. */
    public String status() {
        return prefix + "status";
    }

    /** Records that did not decode (whole, with their origin and the reason in headers). */
    public String deadLetters() {
        return prefix + "dead-letters";
    }
}
