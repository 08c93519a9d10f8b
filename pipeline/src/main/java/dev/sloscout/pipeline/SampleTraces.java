package dev.sloscout.pipeline;

import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.TraceListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a few whole traces per journey for the waterfall view: the first few and the first few failed ones, which
 * are the traces {@code JourneyAccumulator} names as samples. Must run after the discovery saw the trace. Bounded.
 */
public final class SampleTraces implements TraceListener {
    static final int PER_JOURNEY = 5;
    static final int MAX_TRACES = 5_000;
    /** Traces kept as the evidence of data quality recommendations, beyond the samples. */
    static final int MAX_EVIDENCE = 500;

    private final JourneyDiscovery discovery;
    private final Map<String, int[]> keptPerJourney = new HashMap<>();
    private final Map<String, Trace> traces = new HashMap<>();
    private int evidence;

    public SampleTraces(JourneyDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public void onTrace(Trace trace) {
        JourneyDiscovery.TraceLink link = discovery.link(trace.traceId());
        if (link == null || traces.size() >= MAX_TRACES) {
            return;
        }
        int[] kept = keptPerJourney.computeIfAbsent(link.journeyId(), k -> new int[2]);
        boolean sample = kept[0] < PER_JOURNEY;
        boolean errorSample = link.failed() && kept[1] < PER_JOURNEY;
        if (sample) {
            kept[0]++;
        }
        if (errorSample) {
            kept[1]++;
        }
        if (sample || errorSample) {
            traces.put(trace.traceId().toHex(), trace);
        }
    }

    /** Keeps a trace a data quality recommendation names as its evidence (bounded apart from the samples). */
    public void keepEvidence(Trace trace) {
        String id = trace.traceId().toHex();
        if (evidence < MAX_EVIDENCE && !traces.containsKey(id)) {
            traces.put(id, trace);
            evidence++;
        }
    }

    /** The kept traces by hex trace id. */
    public Map<String, Trace> traces() {
        return Map.copyOf(traces);
    }
}
