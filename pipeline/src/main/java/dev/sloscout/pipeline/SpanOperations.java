package dev.sloscout.pipeline;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.workspace.SpanOperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations a workspace indexes: each journey's entry and critical-path operations, with the journey. */
public final class SpanOperations {
    private SpanOperations() {
    }

    public static List<SpanOperation> of(List<Journey> journeys) {
        Map<String, SpanOperation> byKey = new LinkedHashMap<>();
        for (Journey j : journeys) {
            List<String> steps = new ArrayList<>();
            steps.add(j.entry().service() + " " + j.entry().operation());
            if (j.criticalPath() != null) {
                steps.addAll(j.criticalPath().operations());
            }
            for (String step : steps) {
                int space = step.indexOf(' ');
                if (space > 0) {
                    byKey.putIfAbsent(step, new SpanOperation(step.substring(0, space), step.substring(space + 1),
                            j.id(), j.traces()));
                }
            }
        }
        return List.copyOf(byKey.values());
    }
}
