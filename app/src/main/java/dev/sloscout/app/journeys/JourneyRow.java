package dev.sloscout.app.journeys;

import dev.sloscout.engine.journey.Journey;

/**
 * A journey as a table row: the numbers the table shows, and the journey behind them. Rows are equal only to
 * themselves: the table's selection model and the view model's properties compare rows whenever an analysis
 * arrives, and comparing journeys by value walks their histories, edges and samples on the FX thread. A journey
 * seen again is found by its {@link #id()}.
 */
public final class JourneyRow {
    private final Journey journey;

    private JourneyRow(Journey journey) {
        this.journey = journey;
    }

    public static JourneyRow of(Journey j) {
        return new JourneyRow(j);
    }

    public String id() {
        return journey.id();
    }

    public Journey journey() {
        return journey;
    }

    public int rank() {
        return journey.rank();
    }

    public String name() {
        return journey.name();
    }

    public long traces() {
        return journey.traces();
    }

    public double share() {
        return journey.share();
    }

    public long errors() {
        return journey.errorTraces();
    }

    public double errorRatio() {
        return journey.errorRatio();
    }

    public double p50Ms() {
        return journey.latencyMs().p50();
    }

    public double p99Ms() {
        return journey.latencyMs().p99();
    }

    public double confidence() {
        return journey.confidence();
    }

    @Override
    public String toString() {
        return "JourneyRow[" + journey.id() + ", " + journey.name() + "]";
    }
}
