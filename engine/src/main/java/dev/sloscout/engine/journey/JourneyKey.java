package dev.sloscout.engine.journey;

import java.util.List;

/** What makes two traces the same journey; its description is hashed into the journey id. */
record JourneyKey(String service, String operation, boolean byShape, List<String> calls) {

    String describe() {
        return (byShape ? "shape|" : "entry|") + service + "|" + operation + (byShape ? "|" + String.join(",", calls) : "");
    }
}
