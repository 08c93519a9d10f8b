package dev.sloscout.app.journeys;

import dev.sloscout.engine.journey.Journey;

/** A journey as a table row: the numbers the table shows, and the journey behind them. */
public record JourneyRow(int rank, String name, long traces, double share, long errors, double errorRatio, double p50Ms,
                         double p99Ms, double confidence, Journey journey) {

    public static JourneyRow of(Journey j) {
        return new JourneyRow(j.rank(), j.name(), j.traces(), j.share(), j.errorTraces(), j.errorRatio(),
                j.latencyMs().p50(), j.latencyMs().p99(), j.confidence(), j);
    }

    public String id() {
        return journey.id();
    }
}
