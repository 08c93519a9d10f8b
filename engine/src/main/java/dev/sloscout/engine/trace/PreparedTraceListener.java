package dev.sloscout.engine.trace;

import dev.sloscout.engine.model.Trace;

/**
 * A trace listener that can do the part of its work that depends on one trace alone ahead of time, on the thread
 * that closed the trace: {@link #preparer()} gives such a thread its own listener, which computes that part and
 * {@linkplain Trace#attach attaches} it to the trace; {@link #onTrace}, called later in order on another thread,
 * takes it from there (and does it itself for a trace that came without). How the assembly shards take per-trace
 * analysis off the one thread that sees every trace in order.
 */
public interface PreparedTraceListener extends TraceListener {

    /** A listener for one preparing thread (not shared between threads). */
    TraceListener preparer();
}
