package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Trace;

/** Receives each trace once the assembler has closed it. */
@FunctionalInterface
public interface TraceListener {
    void onTrace(Trace trace);
}
