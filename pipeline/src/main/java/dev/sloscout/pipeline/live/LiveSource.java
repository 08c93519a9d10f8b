package dev.sloscout.pipeline.live;

import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.trace.SpanSink;

import java.util.List;

/**
 * A source that streams while the workbench runs (a Kafka topic, the OTLP/HTTP receiver). It buffers what arrives in
 * a bounded queue; the live session drains it on its own thread. Pausing stops the draining: the queue fills and the
 * source applies its own backpressure (Kafka pauses its partitions, the receiver answers 429), so nothing is lost.
 */
public abstract class LiveSource implements AutoCloseable {
    private volatile boolean paused;

    /** What the user sees it as, e.g. {@code kafka localhost:9092 otlp_spans}. */
    public abstract String name();

    /** {@code kafka} or {@code otlp-http}. */
    public abstract String kind();

    /** Connects, subscribes or listens; throws with a readable message when it cannot. */
    abstract void start() throws Exception;

    /** Moves up to {@code max} queued items into the pipeline; returns how many it moved. */
    abstract int drain(SpanSink spans, LogSink logs, int max);

    /** SLI candidates the source offers beside those found in traces, with the history of each (none by default). */
    java.util.Map<dev.sloscout.engine.sli.SliCandidate, dev.sloscout.engine.slo.History> sliCandidates() {
        return java.util.Map.of();
    }

    /** Its own state in words (connecting, running, listening on ..., failed: ...). */
    public abstract String state();

    /** Records (Kafka) or requests (OTLP/HTTP) received so far. */
    public abstract long received();

    /** Items waiting: unread records on the broker plus the local queue; -1 when unknown. */
    public abstract long lag();

    /** Records or requests that could not be used, and refusals (429) while paused or behind. */
    public abstract long errors();

    /** Moves up to {@code max} spans and log events out of a source's queue (at least one item per element). */
    static <T> int drainQueue(java.util.concurrent.BlockingQueue<T> queue, java.util.function.Function<T,
            java.util.List<dev.sloscout.engine.model.Span>> spansOf, java.util.function.Function<T,
            java.util.List<dev.sloscout.engine.capsule.LogEvent>> logsOf, SpanSink spans, LogSink logs, int max) {
        return drainQueue(queue, spansOf, logsOf, spans, logs, max, item -> { });
    }

    /** As above, telling {@code taken} about each element once the pipeline has it (Kafka commits only then). */
    static <T> int drainQueue(java.util.concurrent.BlockingQueue<T> queue, java.util.function.Function<T,
            java.util.List<dev.sloscout.engine.model.Span>> spansOf, java.util.function.Function<T,
            java.util.List<dev.sloscout.engine.capsule.LogEvent>> logsOf, SpanSink spans, LogSink logs, int max,
            java.util.function.Consumer<T> taken) {
        int moved = 0;
        T item;
        while (moved < max && (item = queue.poll()) != null) {
            List<dev.sloscout.engine.model.Span> s = spansOf.apply(item);
            List<dev.sloscout.engine.capsule.LogEvent> l = logsOf.apply(item);
            s.forEach(spans::accept);
            l.forEach(logs::accept);
            taken.accept(item);
            moved += Math.max(1, s.size() + l.size());
        }
        return moved;
    }

    public boolean paused() {
        return paused;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    @Override
    public abstract void close();
}
