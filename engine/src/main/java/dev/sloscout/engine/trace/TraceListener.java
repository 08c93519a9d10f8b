package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Trace;

import java.util.List;

/** Receives each trace once the assembler has closed it. */
@FunctionalInterface
public interface TraceListener {
    void onTrace(Trace trace);

    /** One listener that hands each trace to every one of {@code listeners}, in their order. */
    static TraceListener all(List<? extends TraceListener> listeners) {
        TraceListener[] each = listeners.toArray(new TraceListener[0]);
        return trace -> {
            for (TraceListener listener : each) {
                listener.onTrace(trace);
            }
        };
    }
}
