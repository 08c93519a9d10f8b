package dev.sloscout.pipeline.live;

import dev.sloscout.connectors.otlphttp.OtlpHttpReceiver;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.trace.SpanSink;

import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The OTLP/HTTP receiver as a live source: requests queue up (bounded); when full the sender gets 429. */
public final class OtlpReceiverSource extends LiveSource {
    public static final int QUEUE = 64;

    private final InetSocketAddress listen;
    private final int maxBodyBytes;
    private final BlockingQueue<OtlpHttpReceiver.Batch> queue = new ArrayBlockingQueue<>(QUEUE);
    private OtlpHttpReceiver receiver;

    public OtlpReceiverSource(InetSocketAddress listen, int maxBodyBytes) {
        this.listen = listen;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String name() {
        return "otlp-http " + (receiver == null ? listen : receiver.address()).toString().replaceFirst("^[^/]*/", "");
    }

    @Override
    public String kind() {
        return "otlp-http";
    }

    @Override
    void start() throws java.io.IOException {
        receiver = new OtlpHttpReceiver(new OtlpHttpReceiver.Settings(listen, maxBodyBytes, 8), queue);
    }

    /** Where it listens (the port is known once started; 0 asks the system for a free one). */
    public InetSocketAddress address() {
        return receiver == null ? listen : receiver.address();
    }

    @Override
    int drain(SpanSink spans, LogSink logs, int max) {
        return drainQueue(queue, OtlpHttpReceiver.Batch::spans, OtlpHttpReceiver.Batch::logs, spans, logs, max);
    }

    @Override
    public String state() {
        if (receiver == null) {
            return "not started";
        }
        String at = "http://" + address().getHostString() + ":" + address().getPort();
        return paused() ? "paused by you (senders get 429 once " + QUEUE + " requests wait)" : "listening on " + at;
    }

    @Override
    public long received() {
        return receiver == null ? 0 : receiver.acceptedRequests();
    }

    @Override
    public long lag() {
        return queue.size();
    }

    @Override
    public long errors() {
        return receiver == null ? 0 : receiver.rejectedItems() + receiver.throttledRequests();
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
