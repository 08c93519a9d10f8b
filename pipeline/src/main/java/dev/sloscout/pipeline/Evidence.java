package dev.sloscout.pipeline;

import dev.sloscout.engine.capsule.Capsule;

import java.util.Comparator;
import java.util.List;

/** The capsules that speak for a journey's failures: events on its failed traces, most of them first. */
public final class Evidence {
    private Evidence() {
    }

    public static List<Capsule> forJourney(List<Capsule> capsules, String journeyId, int limit) {
        return capsules.stream().filter(c -> c.journeys().containsKey(journeyId) && c.eventsOnErrorTraces() > 0)
                .sorted(Comparator.comparingLong(Capsule::eventsOnErrorTraces).reversed()).limit(limit).toList();
    }
}
