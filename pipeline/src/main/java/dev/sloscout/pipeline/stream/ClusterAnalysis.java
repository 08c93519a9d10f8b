package dev.sloscout.pipeline.stream;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.journey.JourneyState;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.trace.AssemblyStats;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What a stream job has found so far, read from its output topics: the journeys (each journey's latest snapshot,
 * merged state and all), their history windows, the capsules, what the stages counted, and the dead letters. Reads committed
 * records only (the job writes in transactions), from the start of each topic to its end as of the call. The result
 * is an {@link Analysis} like a local one, so the workbench shows, tunes and exports it the same way.
 */
public final class ClusterAnalysis {
    /** Dead letters listed as problems; the rest are counted. */
    static final int PROBLEMS_LISTED = 50;

    private ClusterAnalysis() {
    }

    /**
     * What was read.
     *
     * @param counts      what the stages counted, summed over partitions (spans, duplicateSpans, partialTraces ...)
     * @param deadLetters records the job could not use
     * @param capsules    the capsules mined, most frequent first
     * @param problems    the first dead letters (origin and reason) and the snapshots that did not read
     */
    public record Snapshot(String source, JourneyDiscovery.JourneyReport report, List<Capsule> capsules,
            Map<String, Long> counts, long deadLetters, List<Problem> problems) {

        public long count(String name) {
            return counts.getOrDefault(name, 0L);
        }

        /**
         * As an analysis: journeys, their histories, SLI candidates and capsules (no sample traces; capsules are not
         * linked to journeys: logs and traces are partitioned apart).
         */
        public Analysis analysis(List<MetricsProfile> profiles) {
            TreeSet<String> services = new TreeSet<>();
            report.journeys().forEach(j -> services.addAll(j.services()));
            services.remove(JourneyDiscovery.OTHER_SERVICES);
            AssemblyStats assembly = new AssemblyStats(count("spans"), count("duplicateSpans"), count("droppedSpans"),
                    count("lateSpans"), count("evictedTraces"), 0);
            IngestSummary.Snapshot summary = new IngestSummary.Snapshot(count("closedTraces"), count("spans"),
                    List.copyOf(services), 0, 0, deadLetters, problems, assembly);
            List<Pipeline.SourceStatus> statuses = List.of(new Pipeline.SourceStatus(source, "cluster analysis",
                    "stream job output", Pipeline.SourceState.DONE, 1, report.assignedTraces(), deadLetters));
            return new Analysis(statuses, summary, report, new SliCatalog(profiles).candidates(report), capsules,
                    count("logEvents"), Map.of(), problems, false);
        }
    }

    /**
     * Reads the output of the job writing to topics named {@code outputPrefix}... on {@code bootstrap}, from the
     * start. A reader that reads again (the workbench, every few seconds) keeps a {@link ClusterReader} instead.
     *
     * @param cancelled checked between polls
     * @throws IllegalStateException naming the servers and the reason: unreachable, or no such output there
     */
    public static Snapshot read(String bootstrap, String outputPrefix, Properties connection, Duration timeout,
            BooleanSupplier cancelled) {
        try (ClusterReader reader = new ClusterReader(bootstrap, outputPrefix, connection, timeout)) {
            return reader.read(cancelled);
        }
    }

    static Problem deadLetter(ConsumerRecord<String, byte[]> record) {
        String origin = header(record, DecodeStage.ORIGIN_HEADER);
        String[] parts = origin.split("/");
        String source = parts.length == 3 ? "kafka " + parts[0] : "kafka " + record.topic();
        String location = parts.length == 3 ? "partition " + parts[1] + " offset " + parts[2]
                : "partition " + record.partition() + " offset " + record.offset();
        return new Problem(source, location, header(record, DecodeStage.REASON_HEADER));
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Snapshot snapshot(String source, Map<String, byte[]> journeys, Map<String, byte[]> windows,
            Map<String, byte[]> statuses, Map<String, byte[]> capsuleRecords, long deadLetters,
            List<Problem> problems) {
        List<JourneyState> states = new ArrayList<>();
        journeys.forEach((id, value) -> {
            try {
                states.add(Snapshots.journeyState(value));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(source, "journey " + id, "snapshot skipped: " + e.getMessage()));
            }
        });
        Map<String, HistoryRecorder> histories = new HashMap<>();
        windows.forEach((key, value) -> {
            try {
                Snapshots.Window window = Snapshots.window(value);
                histories.computeIfAbsent(window.journeyKey(), k -> new HistoryRecorder()).add(window.index(),
                        window.counts());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(source, "window " + key, "skipped: " + e.getMessage()));
            }
        });
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((key, value) -> {
            try {
                Snapshots.statusCounts(value).forEach((name, count) -> counts.merge(name, count, Long::sum));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(source, "status " + key, "skipped: " + e.getMessage()));
            }
        });
        List<Capsule> capsules = new ArrayList<>();
        capsuleRecords.forEach((id, value) -> {
            try {
                capsules.add(Snapshots.capsule(value));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(source, "capsule " + id, "skipped: " + e.getMessage()));
            }
        });
        capsules.sort(CapsuleAccumulator.MOST_FREQUENT_FIRST);
        long overflowLogs = counts.getOrDefault("overflowLogEvents", 0L);
        if (overflowLogs > 0) {
            problems.add(new Problem(source, "capsules", overflowLogs + " log events of services beyond the job's "
                    + "bound per partition were mined together under " + CapsuleAccumulator.OTHER_SERVICES));
        }
        long damagedStates = counts.getOrDefault("damagedServiceStates", 0L);
        if (damagedStates > 0) {
            problems.add(new Problem(source, "capsules", damagedStates + " services' mining states did not read back "
                    + "(damaged, or written by another version): their capsules count only the events since their "
                    + "last snapshot"));
        }
        long overflow = counts.getOrDefault("overflowTraces", 0L);
        if (overflow > 0) {
            problems.add(new Problem(source, "journeys", overflow + " traces of journeys beyond the job's bound per "
                    + "partition (stream --max-journeys) were counted, not told apart"));
        }
        JourneyDiscovery.JourneyReport report = JourneyDiscovery.report(states, histories,
                counts.getOrDefault("partialTraces", 0L));
        return new Snapshot(source, report, List.copyOf(capsules), Map.copyOf(counts), deadLetters,
                List.copyOf(problems));
    }
}
