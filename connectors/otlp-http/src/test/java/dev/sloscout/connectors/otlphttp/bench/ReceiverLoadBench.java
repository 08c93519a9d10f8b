package dev.sloscout.connectors.otlphttp.bench;

import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.connectors.otlphttp.OtlpHttpReceiver;
import dev.sloscout.engine.model.Span;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the OTLP/HTTP receiver over loopback: {@code clients} threads each POST protobuf requests of
 * {@code spansPerRequest} spans back to back for {@code seconds}; a consumer drains the receiver's queue as the live
 * pipeline would. Reports accepted spans/s, requests/s, 429s and request latency p50/p99, for 1, 4 and 16 clients,
 * and fails unless every acknowledged span reached the queue exactly once.
 *
 * <p>Usage: {@code ReceiverLoadBench [seconds=10] [spansPerRequest=100]}
 */
public final class ReceiverLoadBench {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int spansPerRequest = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Span> spans = ShopTraffic.spans(7, 200);
        byte[] body = OtlpProtoWriter.bare(spans.subList(0, Math.min(spansPerRequest, spans.size())));
        int perRequest = Math.min(spansPerRequest, spans.size());
        System.out.printf("%d spans per request, %d bytes; %d s per run; %d cores%n", perRequest, body.length,
                seconds, Runtime.getRuntime().availableProcessors());
        System.out.println("| clients | requests/s | accepted spans/s | 429s | p50 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int clients : new int[] {1, 4, 16}) {
            run(clients, seconds, body, perRequest);
        }
    }

    private static void run(int clients, int seconds, byte[] body, int perRequest) throws Exception {
        BlockingQueue<OtlpHttpReceiver.Batch> queue = new ArrayBlockingQueue<>(1024);
        AtomicLong drained = new AtomicLong();
        Thread consumer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    OtlpHttpReceiver.Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (batch != null) {
                        drained.addAndGet(batch.spans().size());
                    }
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "bench-consumer");
        consumer.start();
        OtlpHttpReceiver.Settings defaults = OtlpHttpReceiver.Settings.defaults();
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(new OtlpHttpReceiver.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), defaults.maxBodyBytes(),
                defaults.workerThreads()), queue)) {
            URI uri = URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/v1/traces");
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long warmUntil = System.nanoTime() + Duration.ofSeconds(Math.min(2, seconds / 4)).toNanos();
            List<long[]> latencies = new ArrayList<>();
            AtomicLong ok = new AtomicLong();
            AtomicLong throttled = new AtomicLong();
            AtomicLong acknowledged = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long[] mine = new long[2_000_000];
                latencies.add(mine);
                Thread t = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-protobuf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    int n = 0;
                    try {
                        while (System.nanoTime() < deadline) {
                            long start = System.nanoTime();
                            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            long took = System.nanoTime() - start;
                            if (answer.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                            }
                            if (start < warmUntil) {
                                continue;
                            }
                            if (answer.statusCode() == 200) {
                                ok.incrementAndGet();
                                if (n < mine.length) {
                                    mine[n++] = took;
                                }
                            } else if (answer.statusCode() == 429) {
                                throttled.incrementAndGet();
                            } else {
                                throw new IllegalStateException("answer " + answer.statusCode());
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    mine[mine.length - 1] = n; // how many were recorded
                }, "bench-client-" + c);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long expected = acknowledged.get() * perRequest;
            for (int wait = 0; wait < 50 && drained.get() < expected; wait++) {
                Thread.sleep(100); // the consumer catches up with the last requests
            }
            if (drained.get() != expected) {
                throw new IllegalStateException(expected + " spans acknowledged, " + drained.get() + " handed on");
            }
            double measured = seconds - Math.min(2, seconds / 4);
            long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted()
                    .toArray();
            System.out.printf("| %d | %,.0f | %,.0f | %d | %.2f | %.2f |%n", clients, ok.get() / measured,
                    ok.get() * perRequest / measured, throttled.get(), all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6);
        } finally {
            consumer.interrupt();
            consumer.join();
        }
    }
}
