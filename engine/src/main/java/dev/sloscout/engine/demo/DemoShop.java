package dev.sloscout.engine.demo;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.trace.SpanSink;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic demo shop: twelve services behind a gateway whose root span is the catch-all {@code GET /*},
 * six journeys (browse, search, cart, checkout, login, payment), log-normal latencies, two weeks of traffic with
 * daily and weekly seasonality, and two incidents: an error burst in payment (day 5, two hours) and a latency
 * regression in search (day 9, six hours). Same seed, same spans.
 */
public final class DemoShop {
    /** Where the two weeks start (a Monday, UTC). */
    public static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    public static final Duration PAYMENT_INCIDENT_START = Duration.ofDays(4).plusHours(14);
    public static final Duration PAYMENT_INCIDENT = Duration.ofHours(2);
    public static final Duration SEARCH_INCIDENT_START = Duration.ofDays(8).plusHours(10);
    public static final Duration SEARCH_INCIDENT = Duration.ofHours(6);

    private static final Resource GATEWAY = service("gateway");
    private static final Resource FRONTEND = service("frontend");

    /** A journey: its share of traffic and how a request of it unfolds. */
    private enum Kind {
        BROWSE(0.35, "GET", "/products"),
        SEARCH(0.20, "GET", "/search"),
        CART(0.18, "GET", "/cart"),
        LOGIN(0.12, "POST", "/login"),
        CHECKOUT(0.08, "POST", "/checkout"),
        PAYMENT(0.07, "POST", "/api/payments");

        final double share;
        final String method;
        final String route;

        Kind(double share, String method, String route) {
            this.share = share;
            this.method = method;
            this.route = route;
        }
    }

    private final Random random;
    private final SpanSink sink;
    private final Consumer<DemoLog> logs;
    private final Duration span;
    private long traceCounter;
    private long spanCounter;

    private DemoShop(long seed, Duration span, SpanSink sink, Consumer<DemoLog> logs) {
        this.random = new Random(seed);
        this.span = span;
        this.sink = sink;
        this.logs = logs;
    }

    /**
     * Generates {@code days} of traffic, in time order, with {@code peakRequestsPerMinute} at the busiest hour of a
     * weekday (a Poisson arrival count per minute, shaped by {@link #seasonality}).
     *
     * @return the number of traces generated
     */
    public static long generate(long seed, int days, double peakRequestsPerMinute, SpanSink sink) {
        return generate(seed, days, peakRequestsPerMinute, sink, log -> { });
    }

    /** The same traffic, plus the log records the services write, correlated with the spans by trace and span id. */
    public static long generate(long seed, int days, double peakRequestsPerMinute, SpanSink sink, Consumer<DemoLog> logs) {
        DemoShop shop = new DemoShop(seed, Duration.ofDays(days), sink, logs);
        shop.run(peakRequestsPerMinute);
        return shop.traceCounter;
    }

    private void run(double peakPerMinute) {
        long minutes = span.toMinutes();
        for (long minute = 0; minute < minutes; minute++) {
            Instant at = START.plus(Duration.ofMinutes(minute));
            double rate = peakPerMinute * seasonality(at);
            int requests = poisson(rate);
            for (int r = 0; r < requests; r++) {
                long offsetNanos = (long) (random.nextDouble() * 60e9);
                request(pick(), at.plusNanos(offsetNanos), Duration.ofMinutes(minute));
            }
        }
    }

    /** Quiet nights, a busy evening, lighter weekends. */
    static double seasonality(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        double hour = t.getHour() + t.getMinute() / 60.0;
        double daily = 0.15 + 0.85 * Math.pow(Math.max(0, Math.sin(Math.PI * (hour - 6) / 17)), 1.5);
        boolean weekend = t.getDayOfWeek().getValue() >= 6;
        return daily * (weekend ? 0.65 : 1.0);
    }

    private Kind pick() {
        double x = random.nextDouble();
        for (Kind kind : Kind.values()) {
            x -= kind.share;
            if (x < 0) {
                return kind;
            }
        }
        return Kind.BROWSE;
    }

    private void request(Kind kind, Instant start, Duration sinceStart) {
        TraceId traceId = new TraceId(0xDE30_0000_0000_0000L | (random.nextLong() >>> 16), ++traceCounter);
        long t0 = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        boolean paymentIncident = within(sinceStart, PAYMENT_INCIDENT_START, PAYMENT_INCIDENT);
        boolean searchIncident = within(sinceStart, SEARCH_INCIDENT_START, SEARCH_INCIDENT);

        Call entry = new Call(t0 + micros(200));
        Trace trace = new Trace(traceId);
        long body;
        boolean failed;
        switch (kind) {
            case BROWSE -> {
                body = trace.rpc(entry, "catalog", "ListProducts", 12, 0.5, 0.0005)
                        + trace.rpc(entry, "currency", "Convert", 3, 0.4, 0.0002)
                        + trace.rpc(entry, "recommendation", "ListRecommendations", 18, 0.6, 0.001);
                failed = trace.failed;
            }
            case SEARCH -> {
                double slow = searchIncident ? 4.0 : 1.0;
                body = trace.rpc(entry, "search", "Query", 35 * slow, 0.5, 0.001)
                        + trace.rpc(entry, "catalog", "GetProducts", 8, 0.4, 0.0005);
                failed = trace.failed;
            }
            case CART -> {
                body = trace.rpc(entry, "cart", "GetCart", 6, 0.5, 0.0008)
                        + trace.rpc(entry, "currency", "Convert", 3, 0.4, 0.0002);
                failed = trace.failed;
            }
            case LOGIN -> {
                body = trace.rpc(entry, "auth", "Authenticate", 45, 0.35, 0.002);
                failed = trace.failed;
            }
            case CHECKOUT -> {
                body = trace.rpc(entry, "cart", "GetCart", 6, 0.5, 0.0008)
                        + trace.rpc(entry, "payment", "Charge", 120, 0.45, paymentIncident ? 0.35 : 0.002)
                        + trace.rpc(entry, "shipping", "ShipOrder", 25, 0.4, 0.001)
                        + trace.rpc(entry, "email", "SendConfirmation", 15, 0.5, 0.0005);
                failed = trace.failed;
            }
            default -> {
                body = trace.rpc(entry, "payment", "Charge", 110, 0.45, paymentIncident ? 0.35 : 0.002);
                failed = trace.failed;
            }
        }
        long frontendDuration = body + micros(400 + random.nextInt(800));
        long frontendStart = entry.start;
        // gateway root: the generic catch-all route, then the proxy hop to the frontend
        SpanId root = nextSpanId();
        SpanId proxy = nextSpanId();
        emit(traceId, root, null, GATEWAY, "GET /*", SpanKind.SERVER, t0, frontendStart + frontendDuration + micros(150),
                failed ? Status.of(StatusCode.ERROR, "upstream returned 502") : Status.UNSET,
                Attributes.builder().put(SpanAttributes.HTTP_ROUTE, "/*").put(SpanAttributes.HTTP_REQUEST_METHOD, kind.method)
                        .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, failed ? 502L : 200L).build());
        emit(traceId, proxy, root, GATEWAY, "proxy", SpanKind.CLIENT, t0 + micros(50), frontendStart + frontendDuration + micros(80),
                Status.UNSET, Attributes.builder().put(SpanAttributes.PEER_SERVICE, "frontend").build());
        emit(traceId, entry.id, proxy, FRONTEND, kind.method + " " + kind.route, SpanKind.SERVER, frontendStart,
                frontendStart + frontendDuration, failed ? Status.of(StatusCode.ERROR, "a dependency failed") : Status.UNSET,
                Attributes.builder().put(SpanAttributes.HTTP_ROUTE, kind.route).put(SpanAttributes.HTTP_REQUEST_METHOD, kind.method)
                        .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, failed ? 500L : 200L).build());
        trace.flush();
        logs.accept(new DemoLog(frontendStart + frontendDuration, "frontend", failed ? 17 : 9, failed ? "ERROR" : "INFO",
                String.format(java.util.Locale.ROOT, "%s %s -> %d in %.1f ms", kind.method, kind.route, failed ? 500 : 200,
                        frontendDuration / 1e6), traceId, entry.id));
    }

    private static boolean within(Duration at, Duration start, Duration length) {
        return at.compareTo(start) >= 0 && at.compareTo(start.plus(length)) < 0;
    }

    /** The downstream calls of one request, emitted after the entry span is decided. */
    private final class Trace {
        final TraceId traceId;
        final List<Span> pending = new java.util.ArrayList<>();
        boolean failed;

        Trace(TraceId traceId) {
            this.traceId = traceId;
        }

        /** A gRPC call from the frontend, sequential after the previous; returns its duration in nanos. */
        long rpc(Call entry, String service, String method, double medianMs, double sigma, double errorProbability) {
            long start = entry.cursor;
            long duration = (long) (medianMs * 1e6 * Math.exp(sigma * random.nextGaussian()));
            boolean error = random.nextDouble() < errorProbability;
            failed |= error;
            SpanId client = nextSpanId();
            SpanId server = nextSpanId();
            String rpc = "shop." + capitalise(service) + "Service/" + method;
            pending.add(span(traceId, client, entry.id, FRONTEND, rpc, SpanKind.CLIENT, start, start + duration + micros(300),
                    Status.UNSET, Attributes.builder().put(SpanAttributes.RPC_SYSTEM, "grpc")
                            .put(SpanAttributes.RPC_GRPC_STATUS_CODE, error ? 14L : 0L).build()));
            pending.add(span(traceId, server, client, service(service), rpc, SpanKind.SERVER, start + micros(100),
                    start + micros(100) + duration, error ? Status.of(StatusCode.ERROR, "unavailable") : Status.UNSET,
                    Attributes.builder().put(SpanAttributes.RPC_SYSTEM, "grpc")
                            .put(SpanAttributes.RPC_SERVICE, "shop." + capitalise(service) + "Service")
                            .put(SpanAttributes.RPC_METHOD, method).put(SpanAttributes.RPC_GRPC_STATUS_CODE, error ? 14L : 0L).build()));
            if (error) {
                log(start + micros(100) + duration, service, 17, "ERROR", failureMessage(service, method), server);
            } else if (service.equals("search") && duration > 150_000_000L) {
                log(start + micros(100) + duration, service, 13, "WARN", String.format(java.util.Locale.ROOT,
                        "slow query took %d ms for q=\"%s\" shard=%d", duration / 1_000_000, QUERIES[random.nextInt(QUERIES.length)],
                        random.nextInt(8)), server);
            } else if (service.equals("auth")) {
                log(start + micros(100) + duration, service, 9, "INFO", "login succeeded for user user" + random.nextInt(5000)
                        + "@example.com from 10.0." + random.nextInt(256) + "." + random.nextInt(256), server);
            } else if (service.equals("payment")) {
                log(start + micros(100) + duration, service, 9, "INFO", "charged order ord-" + (100000 + random.nextInt(900000))
                        + " amount=" + (5 + random.nextInt(400)) + ".99 EUR in " + duration / 1_000_000 + " ms", server);
            }
            entry.cursor = start + duration + micros(400);
            return duration + micros(400);
        }

        void flush() {
            pending.forEach(sink::accept);
        }

        void log(long epochNanos, String service, int severity, String severityText, String body, SpanId spanId) {
            logs.accept(new DemoLog(epochNanos, service, severity, severityText, body, traceId, spanId));
        }
    }

    private static final String[] QUERIES = {"red shoes", "wireless headphones", "coffee grinder", "garden hose", "usb-c cable"};

    private String failureMessage(String service, String method) {
        return switch (service) {
            case "payment" -> "charge failed: card processor unavailable (code=UNAVAILABLE) order=ord-"
                    + (100000 + random.nextInt(900000)) + " attempt=" + (1 + random.nextInt(3));
            case "auth" -> "authentication backend timeout after " + (900 + random.nextInt(300)) + " ms";
            default -> method + " failed: upstream connect error or disconnect/reset before headers, retried "
                    + random.nextInt(3) + " times";
        };
    }

    /** The entry span being built: its id, start, and where the next sequential call starts. */
    private final class Call {
        final SpanId id;
        final long start;
        long cursor;

        Call(long start) {
            this.id = nextSpanId();
            this.start = start;
            this.cursor = start + micros(100);
        }
    }

    private void emit(TraceId traceId, SpanId id, SpanId parent, Resource resource, String name, SpanKind kind,
                      long start, long end, Status status, Attributes attributes) {
        sink.accept(span(traceId, id, parent, resource, name, kind, start, end, status, attributes));
    }

    private static Span span(TraceId traceId, SpanId id, SpanId parent, Resource resource, String name, SpanKind kind,
                             long start, long end, Status status, Attributes attributes) {
        return Span.builder().traceId(traceId).spanId(id).parentSpanId(parent).resource(resource).name(name).kind(kind)
                .startEpochNanos(start).endEpochNanos(end).status(status).attributes(attributes).build();
    }

    private SpanId nextSpanId() {
        return new SpanId(0x5000_0000_0000_0000L + ++spanCounter);
    }

    private int poisson(double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static long micros(long micros) {
        return micros * 1000;
    }

    private static Resource service(String name) {
        return Resource.ofService(name);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
