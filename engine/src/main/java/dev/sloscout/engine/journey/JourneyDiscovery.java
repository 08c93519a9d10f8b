package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.trace.PreparedTraceListener;
import dev.sloscout.engine.trace.TraceListener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Discovers journeys from a stream of traces (feed traces, then {@link #build()}). Streaming: per journey it keeps
 * statistics, histograms and a few sample trace ids, never the traces. Not thread-safe.
 *
 * <p>Every rooted trace belongs to exactly one journey. Traces whose root is not in the input, and late parts of
 * traces closed early, are counted as partial and reported, not assigned.
 */
public final class JourneyDiscovery implements PreparedTraceListener {
    private final Map<JourneyKey, JourneyAccumulator> journeys = new LinkedHashMap<>();
    /** Digests of the traces that come without one prepared ahead. */
    private final TraceDigest.Maker digests = new TraceDigest.Maker();
    /** Which journey each trace went to and whether it failed, so logs can be linked by trace id (bounded). */
    private final TraceLinks links = new TraceLinks(MAX_LINKED_TRACES);
    private static final int MAX_LINKED_TRACES = 2_000_000;
    private long partialTraces;
    /** Journeys told apart before new ones are only counted: each holds histograms and a year of history. */
    public static final int DEFAULT_MAX_JOURNEYS = 5_000;
    private final int maxJourneys;
    private long overflowTraces;
    private final java.util.Set<JourneyKey> overflowKeys = new java.util.HashSet<>();
    private static final int OVERFLOW_KEYS_COUNTED = 100_000;

    public JourneyDiscovery() {
        this(DEFAULT_MAX_JOURNEYS);
    }

    /** Discovery that tells at most {@code maxJourneys} journeys apart; traces of further ones are counted. */
    public JourneyDiscovery(int maxJourneys) {
        this.maxJourneys = maxJourneys;
    }

    /** Traces whose journey was one too many ({@link #overflowJourneys()} of them, counted up to 100,000). */
    public long overflowTraces() {
        return overflowTraces;
    }

    public long overflowJourneys() {
        return overflowKeys.size();
    }

    public int maxJourneys() {
        return maxJourneys;
    }

    /** Spans counted as {@link JourneyAccumulator#OTHER_SERVICES}: their journey already named its maximum. */
    public long spansOfOtherServices() {
        return journeys.values().stream().mapToLong(JourneyAccumulator::spansOfOtherServices).sum();
    }

    /** The name standing for a journey's services beyond {@link #maxServicesPerJourney()}. */
    public static final String OTHER_SERVICES = JourneyAccumulator.OTHER_SERVICES;

    /** The number of services a journey tells apart. */
    public static int maxServicesPerJourney() {
        return JourneyAccumulator.MAX_SERVICES;
    }

    /**
     * A listener for an assembly shard's thread: it works out, per trace, what this discovery needs of it
     * ({@link TraceDigest}: the journey's key, the services and calls, the critical path) and attaches it to the
     * trace, so that {@link #onTrace}, in order on another thread, only counts.
     */
    @Override
    public TraceListener preparer() {
        TraceDigest.Maker own = new TraceDigest.Maker();
        return trace -> trace.attach(this, own.of(trace));
    }

    @Override
    public void onTrace(Trace trace) {
        if (trace.attachment(this) instanceof TraceDigest prepared) {
            JourneyAccumulator journey = journeyOf(prepared.key);
            if (journey != null) {
                journey.add(prepared);
                links.put(trace.traceId(), journey.key(), prepared.failed);
            }
            return;
        }
        TraceDigest.Classified found = digests.classify(trace);
        JourneyAccumulator journey = journeyOf(found == null ? null : found.key());
        if (journey != null) {
            journey.add(found);
            links.put(trace.traceId(), journey.key(), found.failed());
        }
    }

    /**
     * The journey with this key, made when first seen; null when the key is null (the trace is partial, counted
     * here) or names a journey beyond the bound (its trace counted as overflow).
     */
    private JourneyAccumulator journeyOf(JourneyKey key) {
        if (key == null) {
            partialTraces++;
            return null;
        }
        JourneyAccumulator journey = journeys.get(key);
        if (journey == null) {
            if (journeys.size() >= maxJourneys) {
                overflowTraces++;
                if (overflowKeys.size() < OVERFLOW_KEYS_COUNTED) {
                    overflowKeys.add(key);
                }
                return null;
            }
            journey = accumulatorFor(key);
            journeys.put(key, journey);
        }
        return journey;
    }

    /**
     * The journey of one trace, with that trace as its only one: how a distributed analysis assigns traces where
     * they are assembled and adds the states up where each journey is kept ({@link JourneyState#merge}, then
     * {@link #report}). Null for a partial trace (a late part, or no root), which the caller counts.
     */
    public JourneyState single(Trace trace) {
        TraceDigest.Classified found = digests.classify(trace);
        if (found == null) {
            return null;
        }
        JourneyAccumulator journey = accumulatorFor(found.key());
        journey.add(found);
        return new JourneyState(journey);
    }

    private static JourneyAccumulator accumulatorFor(JourneyKey key) {
        return new JourneyAccumulator(key.describe(), key.service(), key.operation(), key.byShape(),
                new TreeSet<>(key.calls()));
    }

    /**
     * The journey a trace was assigned to and whether it failed, or null when the trace was not seen (or was one too
     * many to remember: the first {@value #MAX_LINKED_TRACES} are).
     */
    public TraceLink link(TraceId traceId) {
        return links.get(traceId);
    }

    /** A trace's journey (its id, as in the report) and outcome. */
    public record TraceLink(String journeyKey, boolean failed, String journeyId) {
        public TraceLink(String journeyKey, boolean failed) {
            this(journeyKey, failed, idOf(journeyKey));
        }
    }

    /** The journeys ranked, with totals. */
    public JourneyReport build() {
        return report(new ArrayList<>(journeys.values()), JourneyAccumulator::history, partialTraces);
    }

    /**
     * The report that journey states gathered elsewhere add up to, ranked and named as {@link #build()} does: each
     * journey's state merged from all of its parts (one per key), its history from {@code histories} (by
     * {@link JourneyState#key()}; an empty one when missing), and the partial traces counted where they were found.
     */
    public static JourneyReport report(java.util.Collection<JourneyState> states,
            Map<String, HistoryRecorder> histories, long partialTraces) {
        Map<String, JourneyAccumulator> byKey = new java.util.TreeMap<>();
        for (JourneyState state : states) {
            JourneyAccumulator known = byKey.get(state.key());
            if (known == null) {
                byKey.put(state.key(), state.accumulator().copy());
            } else {
                known.merge(state.accumulator());
            }
        }
        return report(new ArrayList<>(byKey.values()),
                journey -> histories.getOrDefault(journey.key(), new HistoryRecorder()), partialTraces);
    }

    private static JourneyReport report(List<JourneyAccumulator> ranked,
            java.util.function.Function<JourneyAccumulator, HistoryRecorder> historyOf, long partialTraces) {
        ranked.sort(Comparator.comparingLong(JourneyAccumulator::traces).reversed()
                .thenComparing(Comparator.comparingDouble(JourneyAccumulator::errorRatio).reversed())
                .thenComparing(JourneyAccumulator::key));
        long assigned = ranked.stream().mapToLong(JourneyAccumulator::traces).sum();
        long withOrphans = ranked.stream().mapToLong(JourneyAccumulator::incompleteTraces).sum();
        long errors = ranked.stream().mapToLong(JourneyAccumulator::errorTraces).sum();
        double overallErrorRatio = assigned == 0 ? 0 : (double) errors / assigned;
        // How many journeys with the same entry make each call: a call they all make names none of them.
        Map<String, Integer> callPopularity = new HashMap<>();
        Map<String, Integer> siblings = new HashMap<>();
        for (JourneyAccumulator journey : ranked) {
            siblings.merge(entryOf(journey), 1, Integer::sum);
            journey.calls().forEach(call -> callPopularity.merge(entryOf(journey) + "|" + call, 1, Integer::sum));
        }
        List<Journey> out = new ArrayList<>(ranked.size());
        Map<String, HistoryRecorder> histories = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            JourneyAccumulator journey = ranked.get(i);
            String id = idOf(journey.key());
            out.add(journey.toJourney(id, nameOf(journey, callPopularity, siblings), i + 1, ranked.size(),
                    assigned, overallErrorRatio));
            histories.put(id, historyOf.apply(journey));
        }
        return new JourneyReport(out, assigned, partialTraces, withOrphans, Map.copyOf(histories));
    }

    /** A readable name: the entry, and for shape journeys the calls that set it apart from the others. */
    private static String nameOf(JourneyAccumulator journey, Map<String, Integer> callPopularity,
                                 Map<String, Integer> siblings) {
        String entry = journey.service() + " " + journey.operation();
        if (!journey.namedByShape()) {
            return entry;
        }
        if (journey.calls().isEmpty()) {
            return entry + " (no downstream calls)";
        }
        String group = entryOf(journey);
        int journeysWithThisEntry = siblings.get(group);
        List<String> ordered = new ArrayList<>(journey.calls());
        ordered.sort(Comparator.comparingInt((String c) -> callPopularity.get(group + "|" + c)).thenComparing(c -> c));
        List<String> distinctive = ordered.stream()
                .filter(c -> journeysWithThisEntry == 1 || callPopularity.get(group + "|" + c) < journeysWithThisEntry)
                .toList();
        List<String> named = distinctive.isEmpty() ? ordered : distinctive;
        List<String> shown = named.subList(0, Math.min(2, named.size())).stream()
                .map(JourneyDiscovery::shortCall).toList();
        int more = ordered.size() - shown.size();
        return entry + " → " + String.join(" + ", shown) + (more > 0 ? " (+" + more + " more)" : "");
    }

    private static String entryOf(JourneyAccumulator journey) {
        return journey.service() + " " + journey.operation();
    }

    /**
     * {@code hipstershop.CartService/GetCart} reads as {@code CartService/GetCart}; a call into another service
     * keeps the service ({@code routing get}).
     */
    private static String shortCall(String call) {
        int colon = call.indexOf(':');
        String operation = call.substring(colon + 1);
        int slash = operation.lastIndexOf('/');
        int dot = slash > 0 ? operation.lastIndexOf('.', slash) : -1;
        String shortOperation = dot > 0 ? operation.substring(dot + 1) : operation;
        return colon > 0 ? call.substring(0, colon) + " " + shortOperation : shortOperation;
    }

    /** The id of the journey with this key (as in the report). */
    public static String idOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("j-");
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Journeys plus what could not be assigned. */
    public record JourneyReport(List<Journey> journeys, long assignedTraces, long partialTraces, long tracesWithOrphans,
                                Map<String, HistoryRecorder> histories) {
    }
}
