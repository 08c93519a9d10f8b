package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JourneyDiscoveryTest {

    /** A gateway whose root is a catch-all route, routing to the cart or the checkout service. */
    private static Trace gatewayTrace(long n, boolean checkout, long durationMs, long status) {
        Traces t = Traces.trace(n);
        SpanId root = t.span(null, "gateway", "GET /*", SpanKind.SERVER, 0, durationMs + 4);
        SpanId middleware = t.span(root, "gateway", "middleware - auth", SpanKind.INTERNAL, 1, durationMs + 2);
        String service = checkout ? "checkout" : "cart";
        SpanId client = t.span(middleware, "gateway", "proxy", SpanKind.CLIENT, 2, durationMs);
        SpanId server = t.span(client, service, "ignored name", SpanKind.SERVER, 2, durationMs,
                Attributes.builder().put(SpanAttributes.HTTP_ROUTE, checkout ? "/checkout" : "/cart/{id}")
                        .put(SpanAttributes.HTTP_REQUEST_METHOD, checkout ? "POST" : "GET")
                        .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, status).build());
        if (checkout) {
            t.call(server, "checkout", "payment", "POST /charge", 3, durationMs / 2, status >= 500 ? 503 : 200);
        }
        t.span(server, service, "SELECT items", SpanKind.CLIENT, 3, 1);
        return t.build();
    }

    /** A frontend whose root {@code Recv.} fans out: the page is told by which services it calls. */
    private static Trace frontendTrace(long n, boolean productPage) {
        Traces t = Traces.trace(n);
        SpanId root = t.span(null, "frontend", "hipstershop.Frontend/Recv.", SpanKind.SERVER, 0, 50);
        t.call(root, "frontend", "currency", "hipstershop.CurrencyService/GetSupportedCurrencies", 1, 3, 200);
        if (productPage) {
            t.call(root, "frontend", "catalog", "hipstershop.ProductCatalogService/GetProduct", 5, 10, 200);
            t.call(root, "frontend", "recommendation", "hipstershop.RecommendationService/ListRecommendations", 16, 30, 200);
        } else {
            t.call(root, "frontend", "cart", "hipstershop.CartService/GetCart", 5, 10, 200);
        }
        return t.build();
    }

    @Test
    void looksThroughGenericGatewaySpansToTheOperationTheUserAskedFor() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 0; i < 60; i++) {
            discovery.onTrace(gatewayTrace(i, i % 3 == 0, 10 + i, i % 10 == 0 ? 502 : 200));
        }
        List<Journey> journeys = discovery.build().journeys();

        assertThat(journeys).extracting(Journey::name).containsExactly("cart GET /cart/{id}", "checkout POST /checkout");
        Journey cart = journeys.get(0);
        assertThat(cart.entry()).isEqualTo(new Journey.Entry("cart", "GET /cart/{id}", "/cart/{id}", "GET",
                "ignored name", SpanKind.SERVER));
        assertThat(cart.namedByShape()).isFalse();
        assertThat(cart.traces()).isEqualTo(40);
        assertThat(cart.share()).isCloseTo(40 / 60.0, within(1e-9));
        Journey checkout = journeys.get(1);
        assertThat(checkout.traces()).isEqualTo(20);
        // i % 10 == 0 among multiples of 3: 0, 30 -> 2 of 20 failed with a 5xx at the entry
        assertThat(checkout.errorTraces()).isEqualTo(2);
        assertThat(checkout.errorRatio()).isCloseTo(0.1, within(1e-9));
        assertThat(checkout.edges()).extracting(Journey.Edge::from, Journey.Edge::to, Journey.Edge::calls, Journey.Edge::errors)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("checkout", "payment", 20L, 2L),
                        org.assertj.core.groups.Tuple.tuple("gateway", "checkout", 20L, 2L));
        assertThat(checkout.services()).containsExactly("checkout", "gateway", "payment");
        assertThat(checkout.criticalPath().operations()).first().isEqualTo("checkout POST /checkout");
        assertThat(checkout.criticalPath().share()).isEqualTo(1.0);
        assertThat(checkout.rank()).isEqualTo(2);
        assertThat(checkout.rankReasons().get(0)).contains("20 of 60 traces");
        assertThat(checkout.errorTraceIds()).hasSize(2);
    }

    /** As OpenTelemetry's HTTP instrumentations write a request no framework routed: the server span is "GET". */
    private static Trace unroutedTrace(long n, String path, boolean failed) {
        Traces t = Traces.trace(n);
        SpanId root = t.span(null, "frontend", "GET", SpanKind.SERVER, 0, 40, Attributes.builder()
                .put(SpanAttributes.HTTP_REQUEST_METHOD, "GET").put(SpanAttributes.URL_PATH, path + "/" + n)
                .put(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, failed ? 502L : 200L).build());
        SpanId call = t.span(root, "frontend", "GET", SpanKind.CLIENT, 1, 30);
        t.span(call, "backend", "GET", SpanKind.SERVER, 2, 28, Attributes.builder()
                .put(SpanAttributes.URL_PATH, "/internal" + path + "/" + n).build());
        return t.build();
    }

    /**
     * A journey is entered at the kind of span that starts its traces: a consumer's (a message), or a client's (work a
     * service starts itself, or a server left uninstrumented), which is less sure to be a journey and says why; the
     * span metrics of each select its kind.
     */
    @Test
    void theEntrySpansKindIsKeptAndAClientEntryIsLessSure() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 0; i < 40; i++) {
            Traces t = Traces.trace(i);
            SpanKind kind = i % 2 == 0 ? SpanKind.CONSUMER : SpanKind.CLIENT;
            SpanId root = t.span(null, "billing", i % 2 == 0 ? "orders process" : "INSERT billing.ledger", kind, 0,
                    20);
            t.span(root, "billing", "compute", SpanKind.INTERNAL, 1, 10);
            discovery.onTrace(t.build());
        }
        JourneyDiscovery.JourneyReport report = discovery.build();
        Journey consumer = report.journeys().stream().filter(j -> j.entry().spanKind() == SpanKind.CONSUMER)
                .findFirst().orElseThrow();
        Journey client = report.journeys().stream().filter(j -> j.entry().spanKind() == SpanKind.CLIENT)
                .findFirst().orElseThrow();
        assertThat(client.traces()).isEqualTo(consumer.traces());
        assertThat(client.confidence()).isLessThan(consumer.confidence());
        assertThat(client.confidenceReasons()).anySatisfy(r -> assertThat(r).startsWith("the entry is a client span"));
        assertThat(consumer.confidenceReasons()).noneSatisfy(r -> assertThat(r).startsWith("the entry is a"));
        List<dev.sloscout.engine.sli.SliCandidate> candidates = new dev.sloscout.engine.sli.SliCatalog(
                dev.sloscout.engine.sli.MetricsProfile.DEFAULTS).candidates(report);
        assertThat(candidates).filteredOn(c -> c.journeyId().equals(consumer.id()) && c.id().endsWith("-availability"))
                .singleElement().satisfies(c -> assertThat(c.queries().get(0).totalQuery())
                        .contains("SPAN_KIND_CONSUMER"));
        assertThat(candidates).filteredOn(c -> c.journeyId().equals(client.id()) && c.id().endsWith("-availability"))
                .singleElement().satisfies(c -> assertThat(c.queries().get(0).totalQuery())
                        .contains("SPAN_KIND_CLIENT"));
    }

    /**
     * Health and readiness probes (Kubernetes', Spring Boot's actuator, gRPC's health service) are journeys too, but
     * far less sure to be what users ask for: their confidence is halved, and the reason names the probe; a path that
     * merely contains such a word is no probe.
     */
    @Test
    void healthProbesAreLessSureJourneys() {
        assertThat(JourneyAccumulator.probePath("GET /healthz", null)).isEqualTo("/healthz");
        assertThat(JourneyAccumulator.probePath("GET /actuator/health/liveness", "/actuator/health/liveness"))
                .isEqualTo("/actuator/health/liveness");
        assertThat(JourneyAccumulator.probePath("GET /api/v1/health/", null)).isEqualTo("/api/v1/health");
        assertThat(JourneyAccumulator.probePath("grpc.health.v1.Health/Check", null))
                .isEqualTo("grpc.health.v1.Health");
        assertThat(JourneyAccumulator.probePath("GET /-/ready", null)).isEqualTo("/-/ready");
        assertThat(JourneyAccumulator.probePath("GET /orders/{id}/status", "/orders/{id}/status")).isNull();
        assertThat(JourneyAccumulator.probePath("GET /health-insurance/quotes", null)).isNull();
        assertThat(JourneyAccumulator.probePath("POST /checkout", null)).isNull();

        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 0; i < 40; i++) {
            Traces t = Traces.trace(i);
            t.span(null, "shop", i % 2 == 0 ? "GET /healthz" : "GET /cart", SpanKind.SERVER, 0, 5);
            discovery.onTrace(t.build());
        }
        List<Journey> journeys = discovery.build().journeys();
        Journey probe = journeys.stream().filter(j -> j.name().endsWith("/healthz")).findFirst().orElseThrow();
        Journey cart = journeys.stream().filter(j -> j.name().endsWith("/cart")).findFirst().orElseThrow();
        assertThat(probe.confidence()).isCloseTo(cart.confidence() / 2, org.assertj.core.data.Offset.offset(0.011));
        assertThat(probe.confidenceReasons()).anySatisfy(r -> assertThat(r).contains("probe's (/healthz)"));
        assertThat(cart.confidenceReasons()).noneSatisfy(r -> assertThat(r).contains("probe"));
    }

    @Test
    void aServerSpanNamedByItsMethodIsAJourneyPerPathAndItsMetricsKeepTheName() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 0; i < 60; i++) {
            discovery.onTrace(unroutedTrace(i, i % 3 == 0 ? "/api/orders" : "/api/cart", i % 10 == 0));
        }
        JourneyDiscovery.JourneyReport report = discovery.build();
        List<Journey> journeys = report.journeys();

        assertThat(journeys).extracting(Journey::name)
                .containsExactly("frontend GET /api/cart/<NUM>", "frontend GET /api/orders/<NUM>");
        Journey orders = journeys.get(1);
        assertThat(orders.entry())
                .isEqualTo(new Journey.Entry("frontend", "GET /api/orders/<NUM>", null, "GET", "GET", SpanKind.SERVER));
        assertThat(orders.entry().metricNameIsShared()).isTrue();
        assertThat(orders.errorTraces()).isEqualTo(2);

        dev.sloscout.engine.sli.SliCandidate availability = new dev.sloscout.engine.sli.SliCatalog(
                dev.sloscout.engine.sli.MetricsProfile.DEFAULTS).candidates(report).stream()
                .filter(c -> c.journeyId().equals(orders.id()) && c.id().endsWith("-availability")).findFirst()
                .orElseThrow();
        dev.sloscout.engine.sli.SliCandidate.Query spanmetrics = availability.queries().get(0);
        assertThat(spanmetrics.totalQuery()).contains("span_name=\"GET\"").doesNotContain("/api/orders");
        assertThat(spanmetrics.note()).contains("the entry span is named 'GET', the name span metrics count it under")
                .contains("not GET /api/orders/<NUM> alone");
        dev.sloscout.engine.sli.SliCandidate.Query custom = availability.queries().get(2);
        assertThat(custom.totalQuery()).as("a handler label is no span name: the journey's own operation")
                .contains("handler=~").contains("/api/orders/");
        assertThat(custom.note()).doesNotContain("the entry span is named");
    }

    @Test
    void aSpanNamedAsItsRouteKeepsThatNameForMetricsEvenWhereItLooksLikeAnId() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        Traces t = Traces.trace(1);
        t.span(null, "shop", "GET /r7/items", SpanKind.SERVER, 0, 5, Attributes.builder()
                .put(SpanAttributes.HTTP_ROUTE, "/r7/items").put(SpanAttributes.HTTP_REQUEST_METHOD, "GET").build());
        discovery.onTrace(t.build());

        Journey.Entry entry = discovery.build().journeys().get(0).entry();

        assertThat(entry.metricName()).as("not GET /<ID>/items, which would select every route").isEqualTo(
                "GET /r7/items");
        assertThat(entry.metricNameIsShared()).isFalse();
    }

    @Test
    void entryLatencyPercentilesComeFromTheEntrySpan() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 1; i <= 100; i++) {
            discovery.onTrace(gatewayTrace(i, false, i, 200)); // cart entries last i - 0 ms: 1..100 ms
        }
        Journey.Latency latency = discovery.build().journeys().get(0).latencyMs();

        assertThat(latency.p50()).isCloseTo(50, within(0.1));
        assertThat(latency.p90()).isCloseTo(90, within(0.1));
        assertThat(latency.p99()).isCloseTo(99, within(0.1));
        assertThat(latency.max()).isCloseTo(100, within(0.1));
    }

    @Test
    void aFanOutRootIsToldApartByTheCallsBeneathAndNamedReadably() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        for (int i = 0; i < 30; i++) {
            discovery.onTrace(frontendTrace(i, i % 3 != 0));
        }
        List<Journey> journeys = discovery.build().journeys();

        assertThat(journeys).hasSize(2);
        assertThat(journeys).allSatisfy(j -> assertThat(j.namedByShape()).isTrue());
        assertThat(journeys.get(0).traces()).isEqualTo(20);
        assertThat(journeys.get(0).name()).isEqualTo("frontend hipstershop.Frontend/Recv. → "
                + "ProductCatalogService/GetProduct + RecommendationService/ListRecommendations (+1 more)");
        assertThat(journeys.get(1).name()).isEqualTo("frontend hipstershop.Frontend/Recv. → CartService/GetCart (+1 more)");
        assertThat(journeys.get(0).confidenceReasons()).anySatisfy(r -> assertThat(r).contains("generic"));
    }

    @Test
    void everyRootedTraceBelongsToExactlyOneJourneyAndPartialsAreReported() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            traces.add(i % 2 == 0 ? gatewayTrace(i, i % 4 == 0, 20, 200) : frontendTrace(i, i % 3 == 0));
        }
        Traces rootless = Traces.trace(999);
        SpanId lostRoot = rootless.span(null, "gateway", "GET /*", SpanKind.SERVER, 0, 10);
        rootless.span(lostRoot, "gateway", "proxy", SpanKind.CLIENT, 1, 5);
        traces.add(rootless.buildWithout(lostRoot));
        traces.forEach(discovery::onTrace);
        JourneyDiscovery.JourneyReport report = discovery.build();

        assertThat(report.journeys().stream().mapToLong(Journey::traces).sum()).isEqualTo(40);
        assertThat(report.assignedTraces()).isEqualTo(40);
        assertThat(report.partialTraces()).isEqualTo(1);
        assertThat(report.journeys().stream().mapToDouble(Journey::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void journeyIdsAndRanksDoNotDependOnTraceOrder() {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            traces.add(i % 2 == 0 ? gatewayTrace(i, i % 6 == 0, 20, 200) : frontendTrace(i, i % 5 == 0));
        }
        JourneyDiscovery first = new JourneyDiscovery();
        traces.forEach(first::onTrace);
        Collections.shuffle(traces, new Random(3));
        JourneyDiscovery second = new JourneyDiscovery();
        traces.forEach(second::onTrace);

        assertThat(second.build().journeys()).extracting(Journey::id, Journey::name, Journey::rank, Journey::traces)
                .containsExactlyElementsOf(first.build().journeys().stream()
                        .map(j -> org.assertj.core.groups.Tuple.tuple(j.id(), j.name(), j.rank(), j.traces())).toList());
    }

    @Test
    void servicesBeyondAJourneysBoundAreCountedTogetherInItsServicesAndEdges() {
        int bound = JourneyDiscovery.maxServicesPerJourney();
        Traces t = Traces.trace(1);
        SpanId root = t.span(null, "gateway", "GET /fan-out", SpanKind.SERVER, 0, 100);
        for (int i = 0; i < bound + 20; i++) {
            t.span(root, "worker-" + i, "work", SpanKind.SERVER, 1, 5);
        }
        JourneyDiscovery discovery = new JourneyDiscovery();
        discovery.onTrace(t.build());

        Journey journey = discovery.build().journeys().get(0);

        assertThat(journey.services()).hasSize(bound + 1).contains("gateway", JourneyDiscovery.OTHER_SERVICES);
        assertThat(journey.edges()).hasSize(bound).anySatisfy(e -> {
            assertThat(e.to()).isEqualTo(JourneyDiscovery.OTHER_SERVICES);
            assertThat(e.calls()).isEqualTo(21);
        });
        assertThat(discovery.spansOfOtherServices()).isEqualTo(21);
    }
}
