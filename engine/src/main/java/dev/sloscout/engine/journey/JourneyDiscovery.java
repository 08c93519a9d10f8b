package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.slo.HistoryRecorder;
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
public final class JourneyDiscovery implements TraceListener {
    private final Map<JourneyKey, JourneyAccumulator> journeys = new LinkedHashMap<>();
    private final OperationTemplates templates = new OperationTemplates();
    /** Which journey each trace went to and whether it failed, so logs can be linked by trace id (bounded). */
    private final TraceLinks links = new TraceLinks(MAX_LINKED_TRACES);
    private static final int MAX_LINKED_TRACES = 2_000_000;
    private long assigned;
    private long partialTraces;
    private long tracesWithOrphans;
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

    @Override
    public void onTrace(Trace trace) {
        if (trace.completion() == Trace.Completion.LATE_PART) {
            partialTraces++;
            return;
        }
        TraceShape shape = new TraceShape(trace, templates);
        if (!shape.hasRoot()) {
            partialTraces++;
            return;
        }
        int entry = shape.entry();
        Span entrySpan = shape.span(entry);
        String operation = shape.template(entry);
        boolean byShape = templates.isGeneric(operation);
        List<String> calls = byShape ? List.copyOf(shape.outboundCalls(entry)) : List.of();
        JourneyKey key = new JourneyKey(entrySpan.serviceName(), operation, byShape, calls);
        JourneyAccumulator journey = journeys.get(key);
        if (journey == null) {
            if (journeys.size() >= maxJourneys) {
                overflowTraces++;
                if (overflowKeys.size() < OVERFLOW_KEYS_COUNTED) {
                    overflowKeys.add(key);
                }
                return;
            }
            journey = new JourneyAccumulator(key.describe(), key.service(), key.operation(), key.byShape(),
                    new TreeSet<>(key.calls()));
            journeys.put(key, journey);
        }
        boolean complete = shape.orphans() == 0 && trace.completion() != Trace.Completion.EVICTED;
        if (!complete) {
            tracesWithOrphans++;
        }
        boolean failed = Spans.isError(entrySpan) || Spans.isError(shape.root());
        journey.add(shape, entry, failed, complete);
        links.put(trace.traceId(), journey.key(), failed);
        assigned++;
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
        List<JourneyAccumulator> ranked = new ArrayList<>(journeys.values());
        ranked.sort(Comparator.comparingLong(JourneyAccumulator::traces).reversed()
                .thenComparing(Comparator.comparingDouble(JourneyAccumulator::errorRatio).reversed())
                .thenComparing(JourneyAccumulator::key));
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
            histories.put(id, journey.history());
        }
        return new JourneyReport(out, assigned, partialTraces, tracesWithOrphans, Map.copyOf(histories));
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

    static String idOf(String key) {
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

    /** What makes two traces the same journey; its description is hashed into the journey id. */
    private record JourneyKey(String service, String operation, boolean byShape, List<String> calls) {
        String describe() {
            return (byShape ? "shape|" : "entry|") + service + "|" + operation + (byShape ? "|" + String.join(",", calls) : "");
        }
    }

    /** Journeys plus what could not be assigned. */
    public record JourneyReport(List<Journey> journeys, long assignedTraces, long partialTraces, long tracesWithOrphans,
                                Map<String, HistoryRecorder> histories) {
    }
}
