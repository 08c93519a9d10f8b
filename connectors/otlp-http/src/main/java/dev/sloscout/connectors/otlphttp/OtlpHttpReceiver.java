package dev.sloscout.connectors.otlphttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.connectors.files.Compression;
import dev.sloscout.connectors.files.OtlpLogProtoDecoder;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver (off unless started): {@code POST /v1/traces} and {@code /v1/logs}, protobuf
 * ({@code application/x-protobuf}) or JSON ({@code application/json}), optionally gzip-compressed. It listens on
 * 127.0.0.1:4318 by default. Decoded requests go to a bounded queue that the pipeline drains; when the queue is full
 * the request is answered 429 with {@code Retry-After}, as the OTLP specification asks, so the sender retries later
 * and nothing is dropped silently. Bodies over the size limit (compressed or not) are refused with 413; a body that
 * cannot be decoded at all with 400; a partly bad one is accepted with the rejected count in {@code partialSuccess}.
 * The size limit holds after decompression, declared or not (a zstd body sent as plain is decompressed under it); a
 * body not sent within {@link Settings#bodyTimeout} (10 s by default) is cut off so slow clients cannot hold the
 * workers; only the exact paths answer (404 otherwise).
 */
public final class OtlpHttpReceiver implements AutoCloseable {
    /**
     * Where to listen and the limits.
     *
     * @param bodyTimeout how long a client may take to send its body; a slower one is cut off and frees its worker
     */
    public record Settings(InetSocketAddress listen, int maxBodyBytes, int workerThreads, Duration bodyTimeout) {
        /** The body timeout when none is given. */
        public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

        public Settings {
            java.util.Objects.requireNonNull(bodyTimeout, "the body timeout is required");
            if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
                throw new IllegalArgumentException("the body timeout must be positive, got " + bodyTimeout);
            }
        }

        public Settings(InetSocketAddress listen, int maxBodyBytes, int workerThreads) {
            this(listen, maxBodyBytes, workerThreads, BODY_TIMEOUT);
        }

        public static Settings defaults() {
            return new Settings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 4318), 16 << 20, 8);
        }

        /** {@code HOST:PORT} (IPv6 as {@code [::1]:4318}); throws IllegalArgumentException saying what is wrong. */
        public static InetSocketAddress address(String hostPort) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
            }
            String host = hostPort.substring(0, colon).replaceAll("^\\[|\\]$", "");
            try {
                int port = Integer.parseInt(hostPort.substring(colon + 1));
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "': the port is not a number");
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + host);
            }
        }
    }

    /** One accepted request: what it held and who sent it. */
    public record Batch(String peer, List<Span> spans, List<LogEvent> logs) {
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final BlockingQueue<Batch> queue;
    private final int maxBodyBytes;
    private final Duration bodyTimeout;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong rejectedItems = new AtomicLong();

    public OtlpHttpReceiver(Settings settings, BlockingQueue<Batch> queue) throws IOException {
        this.queue = queue;
        this.maxBodyBytes = settings.maxBodyBytes();
        this.bodyTimeout = settings.bodyTimeout();
        this.server = HttpServer.create(settings.listen(), 64);
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), r -> {
            Thread t = new Thread(r, "otlp-http-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::route);
        server.start();
    }

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "otlp-http-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** Requests being handled: {@link #stop} waits for them (JDK 17's own grace waits its whole length). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;

    /** Exact paths only: {@code /v1/tracesXYZ} is not {@code /v1/traces}. */
    private void route(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet(); // before looking at stopping: stop() either waits for this one or it sees 503
        try {
            if (stopping) {
                try (exchange) {
                    drain(exchange.getRequestBody(), maxBodyBytes);
                    reply(exchange, 503, "text/plain", "the receiver is stopping; send again later"
                            .getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/traces") || path.equals("/v1/logs")) {
                handle(exchange, path.equals("/v1/traces"));
                return;
            }
            try (exchange) {
                drain(exchange.getRequestBody(), maxBodyBytes);
                reply(exchange, 404, "text/plain", "no such path; OTLP/HTTP takes POST /v1/traces and /v1/logs"
                        .getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Whether the receiver accepts connections from other machines (it says so when it starts). */
    public boolean listensBeyondLoopback() {
        InetAddress bound = server.getAddress().getAddress();
        return !bound.isLoopbackAddress();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public long acceptedRequests() {
        return accepted.get();
    }

    /** Requests answered 429 because the pipeline was behind. */
    /** Spans or log records that could not be used (bad requests count as at least one). */
    public long rejectedItems() {
        return rejectedItems.get();
    }

    public long throttledRequests() {
        return throttled.get();
    }

    private void handle(HttpExchange exchange, boolean traces) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, "text/plain", "use POST".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .toLowerCase(Locale.ROOT);
            boolean json = type.startsWith("application/json");
            if (!json && !type.startsWith("application/x-protobuf")) {
                reply(exchange, 415, "text/plain", ("unsupported content type " + type
                        + ": send application/x-protobuf or application/json").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            ScheduledFuture<?> deadline = DEADLINES.schedule(exchange::close, bodyTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                body = body(exchange);
            } catch (IOException e) {
                if (deadline.isDone()) {
                    return; // cut off: the connection is closed, nobody is left to answer
                }
                reply(exchange, 400, "text/plain", ("the body cannot be decoded (" + e.getMessage()
                        + "); check Content-Encoding").getBytes(StandardCharsets.UTF_8));
                return;
            } finally {
                deadline.cancel(false);
            }
            if (body == null) {
                reply(exchange, 413, "text/plain", ("request body over " + maxBodyBytes + " bytes (decompressed)")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String peer = "otlp-http " + exchange.getRemoteAddress();
            List<Problem> problems = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            List<LogEvent> logs = new ArrayList<>();
            long rejected;
            if (traces) {
                rejected = new TraceFileReader(spans::add, problems::add).read(peer, new ByteArrayInputStream(body))
                        .rejected();
            } else if (json) {
                new LogFileReader(logs::add, problems::add).read(peer, new ByteArrayInputStream(body));
                rejected = problems.size();
            } else {
                try {
                    logs.addAll(OtlpLogProtoDecoder.decode(peer, body));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    problems.add(new Problem(peer, "", "not an ExportLogsServiceRequest: " + e.getMessage()));
                }
                rejected = problems.size();
            }
            rejectedItems.addAndGet(Math.max(rejected, problems.isEmpty() ? 0 : 1));
            if (spans.isEmpty() && logs.isEmpty() && !problems.isEmpty()) {
                reply(exchange, 400, "text/plain", problems.get(0).toLine().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!spans.isEmpty() || !logs.isEmpty()) {
                if (!queue.offer(new Batch(peer, spans, logs))) {
                    throttled.incrementAndGet();
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    reply(exchange, 429, "text/plain", "the pipeline is behind; retry later"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            accepted.incrementAndGet();
            String message = problems.isEmpty() ? "" : problems.get(0).reason();
            reply(exchange, 200, json ? "application/json" : "application/x-protobuf",
                    response(traces, json, rejected, message));
        }
    }

    /** The body, or null when it is over the limit (what was sent is read and dropped, so the client sees the 413). */
    private byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE; // the server refuses a malformed length before we get here; never throw
        }
        if (declared > maxBodyBytes) {
            drain(exchange.getRequestBody(), 4L * maxBodyBytes);
            return null;
        }
        byte[] raw = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        if (raw.length > maxBodyBytes) {
            drain(exchange.getRequestBody(), 4L * maxBodyBytes);
            return null;
        }
        InputStream in = new ByteArrayInputStream(raw);
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        // whatever was declared: gzip or zstd inside is decompressed here, under the same limit (no bombs)
        try (InputStream decoded = Compression.decompressed(in)) {
            byte[] bytes = decoded.readNBytes(maxBodyBytes + 1);
            return bytes.length > maxBodyBytes ? null : bytes;
        }
    }

    /**
     * Reads and drops up to {@code limit} bytes of what the client is still sending: closing with unread bytes makes
     * the socket reset, and the client would never see the answer.
     */
    private static void drain(InputStream body, long limit) throws IOException {
        byte[] sink = new byte[8192];
        long left = limit;
        int n;
        while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private static byte[] response(boolean traces, boolean json, long rejected, String message) {
        if (json) {
            String field = traces ? "rejectedSpans" : "rejectedLogRecords";
            return (rejected == 0 ? "{}" : "{\"partialSuccess\":{\"" + field + "\":\"" + rejected
                    + "\",\"errorMessage\":\"" + jsonEscape(message) + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
        if (traces) {
            ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
            if (rejected > 0) {
                r.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected)
                        .setErrorMessage(message));
            }
            return r.build().toByteArray();
        }
        ExportLogsServiceResponse.Builder r = ExportLogsServiceResponse.newBuilder();
        if (rejected > 0) {
            r.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(rejected)
                    .setErrorMessage(message));
        }
        return r.build().toByteArray();
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    /**
     * Stops taking connections, then waits up to {@code grace} for the requests already being handled to be
     * answered: afterwards every batch answered 200 is in the queue, and nothing more will be. Drain the queue after
     * this to keep everything that was acknowledged.
     */
    public void stop(java.time.Duration grace) throws InterruptedException {
        // requests that come now are answered 503 (not acknowledged); those being handled are waited for, up to the
        // grace. HttpServer.stop(grace) would do that too, but on Java 17 it waits the whole grace even when nothing
        // is in flight (JDK-8304065): every receiver stopped took five seconds.
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.stop(0);
        workers.shutdown();
        workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
