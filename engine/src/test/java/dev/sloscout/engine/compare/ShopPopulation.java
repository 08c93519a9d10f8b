package dev.sloscout.engine.compare;

import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.model.StatusCode;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.redact.Redactor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small shop's traffic written by the tests, with knobs to change one thing on purpose: a service's latency, the
 * traffic mix, an extra call, a new error log line. Three journeys (browse, cart, checkout) through front, catalog,
 * cart, checkout and payment; every request logs a line; latencies are log-normal, failures random, all from a seed.
 */
final class ShopPopulation {
    static final long T0 = 1_700_000_000_000L;

    double browseWeight = 0.5;
    double cartWeight = 0.3;
    Map<String, Double> slower = new HashMap<>();
    boolean fraudCheck;
    double timeoutLogShare;
    double paymentFailure = 0.02;

    /** One side: its journeys as the discovery assigned them, and its log templates. */
    record Side(JourneyDiscovery discovery, Population population, LogSide logs) {
    }

    Side generate(long seed, int traces) {
        JourneyDiscovery discovery = new JourneyDiscovery();
        Population population = new Population(discovery);
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), id -> null,
                Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC));
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < traces; t++) {
            long id = seed * 1_000_000L + t + 1;
            double pick = random.nextDouble();
            String route = pick < browseWeight ? "/products" : pick < browseWeight + cartWeight ? "/cart" : "/checkout";
            Trace trace = trace(id, route, T0 + t * 100L, random);
            discovery.onTrace(trace);
            population.onTrace(trace);
            capsules.accept(log("front", "served " + route + " for user " + random.nextInt(1000) + " in "
                    + random.nextInt(400) + " ms", trace.traceId(), T0 + t * 100L, Severity.INFO));
            if (route.equals("/checkout") && random.nextDouble() < timeoutLogShare) {
                capsules.accept(log("payment", "gateway timeout after 3000 ms for order " + random.nextInt(100000),
                        trace.traceId(), T0 + t * 100L, Severity.ERROR));
            }
        }
        return new Side(discovery, population, LogSide.of(capsules.capsules()));
    }

    private static LogEvent log(String service, String text, TraceId trace, long millis, Severity severity) {
        return new LogEvent(service + ".log", 1, 1, service, text, false, "", millis, severity, trace, null);
    }

    private Trace trace(long id, String route, long startMillis, SplittableRandom random) {
        List<Span> spans = new ArrayList<>();
        TraceId traceId = new TraceId(0, id);
        long[] next = {1};
        long start = startMillis * 1_000_000L;
        List<String> callees = switch (route) {
            case "/products" -> List.of("catalog");
            case "/cart" -> List.of("cart", "catalog");
            default -> fraudCheck ? List.of("cart", "checkout", "fraud") : List.of("cart", "checkout");
        };
        long rootId = next[0]++;
        long cursor = start + ms(work("front", 2, random));
        boolean failed = false;
        for (String callee : callees) {
            long clientId = next[0]++;
            long serverId = next[0]++;
            long serverStart = cursor + 200_000;
            long serverEnd = serverStart + ms(work(callee, 8, random));
            boolean calleeFailed = false;
            if (callee.equals("checkout")) {
                long payClient = next[0]++;
                long payServer = next[0]++;
                long payStart = serverStart + ms(1);
                long payEnd = payStart + ms(work("payment", 20, random));
                calleeFailed = random.nextDouble() < paymentFailure;
                spans.add(span(traceId, payClient, serverId, "checkout", SpanKind.CLIENT, "POST /pay", payStart,
                        payEnd + 100_000, Status.UNSET));
                spans.add(span(traceId, payServer, payClient, "payment", SpanKind.SERVER, "POST /pay",
                        payStart + 50_000, payEnd, calleeFailed ? Status.of(StatusCode.ERROR, "declined")
                                : Status.UNSET));
                serverEnd = Math.max(serverEnd, payEnd + ms(1));
            }
            spans.add(span(traceId, clientId, rootId, "front", SpanKind.CLIENT, "call " + callee, cursor,
                    serverEnd + 200_000, Status.UNSET));
            spans.add(span(traceId, serverId, clientId, callee, SpanKind.SERVER, "handle " + route, serverStart,
                    serverEnd, calleeFailed ? Status.of(StatusCode.ERROR, "payment failed") : Status.UNSET));
            failed |= calleeFailed;
            cursor = serverEnd + 200_000;
        }
        long end = cursor + ms(work("front", 1, random));
        spans.add(0, Span.builder().traceId(traceId).spanId(new SpanId(rootId)).resource(Resource.ofService("front"))
                .name("GET " + route).kind(SpanKind.SERVER).startEpochNanos(start).endEpochNanos(end)
                .status(failed ? Status.of(StatusCode.ERROR, "failed") : Status.UNSET)
                .attributes(Attributes.builder().put(SpanAttributes.HTTP_REQUEST_METHOD, "GET")
                        .put(SpanAttributes.HTTP_ROUTE, route)
                        .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, failed ? 500L : 200L).build()).build());
        return new Trace(traceId, spans, Trace.Completion.END_OF_INPUT);
    }

    /** Milliseconds of a service's own work: log-normal around {@code medianMs}, times its slow-down. */
    private double work(String service, double medianMs, SplittableRandom random) {
        return medianMs * Math.exp(0.35 * gaussian(random)) * slower.getOrDefault(service, 1.0);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    private static Span span(TraceId trace, long id, long parent, String service, SpanKind kind, String name,
            long start, long end, Status status) {
        return Span.builder().traceId(trace).spanId(new SpanId(id)).parentSpanId(new SpanId(parent))
                .resource(Resource.ofService(service)).name(name).kind(kind).startEpochNanos(start)
                .endEpochNanos(end).status(status).build();
    }
}
