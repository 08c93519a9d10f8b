package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OperationNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /api/orders/12345|GET /api/orders/<NUM>",
        "/users/3fa85f64-5717-4562-b3fc-2c963f66afa6/cart|/users/<UUID>/cart",
        "/blobs/9f86d081884c7d65|/blobs/<HEX>",
        "/orders/ord-99812/items?expand=1|/orders/<ID>/items",
        "/v2/products/{id}|/v2/products/{id}",
        "hipstershop.CartService/GetCart|hipstershop.CartService/GetCart",
        "SELECT users|SELECT users",
        "GET /reset/8f2kQ9zLm3XwPq7R|GET /reset/<TOKEN>",
        "/invite/aB3dE5gH7jK9mN1p/accept|/invite/<TOKEN>/accept",
        "GET /api/users/<EMAIL>/orders|GET /api/users/<EMAIL>/orders",
        "/static/application-bundle|/static/application-bundle",
        "12345|<NUM>"})
    void variablePartsBecomePlaceholders(String name, String template) {
        assertThat(OperationNames.normalise(name)).isEqualTo(template);
    }

    @Test
    void routeAndRpcAttributesWinOverTheName() {
        Span.Builder span = Span.builder().traceId(new TraceId(1, 1)).spanId(new SpanId(1)).name("GET")
                .startEpochNanos(1).endEpochNanos(2);
        assertThat(OperationNames.template(span.attributes(Attributes.builder()
                .put(SpanAttributes.HTTP_ROUTE, "/orders/:id").put(SpanAttributes.HTTP_REQUEST_METHOD, "get").build()).build()))
                .isEqualTo("GET /orders/:id");
        assertThat(OperationNames.template(span.name("grpc call").attributes(Attributes.builder()
                .put(SpanAttributes.RPC_SERVICE, "shop.Cart").put(SpanAttributes.RPC_METHOD, "Add").build()).build()))
                .isEqualTo("shop.Cart/Add");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET|url.path|/api/orders/12345|GET /api/orders/<NUM>",
        "HTTP GET|http.target|/api/orders/12345?expand=items|GET /api/orders/<NUM>",
        "post|http.target|/checkout|POST /checkout",
        "GET|url.path|/|GET /",
        "checkout|url.path|/api/checkout|checkout",
        "GET|url.path|https://shop/x|GET"})
    void aSpanNamedByItsMethodAloneIsNamedByItsPath(String name, String attribute, String path, String template) {
        Span span = Span.builder().traceId(new TraceId(1, 1)).spanId(new SpanId(1)).name(name).startEpochNanos(1)
                .endEpochNanos(2).attributes(Attributes.builder().put(pathKey(attribute), path).build())
                .build();

        assertThat(OperationNames.template(span)).isEqualTo(template);
    }

    @Test
    void aRouteWinsOverThePath() {
        Span span = Span.builder().traceId(new TraceId(1, 1)).spanId(new SpanId(1)).name("GET").startEpochNanos(1)
                .endEpochNanos(2).attributes(Attributes.builder().put(SpanAttributes.URL_PATH, "/orders/ord-1")
                        .put(SpanAttributes.HTTP_ROUTE, "/orders/{id}").put(SpanAttributes.HTTP_REQUEST_METHOD, "GET")
                        .build()).build();

        assertThat(OperationNames.template(span)).isEqualTo("GET /orders/{id}");
        assertThat(OperationNames.isGeneric("GET /")).as("the root path says nothing either").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/*", "GET /*", "POST /**", "GET", "HTTP GET", "hipstershop.Frontend/Recv.", "Recv.",
            "middleware - jsonParser", "proxy", "{proxy+}", "router - /", "ServeHTTP", "http.request"})
    void genericOperationsAreRecognised(String operation) {
        assertThat(OperationNames.isGeneric(operation)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/cart", "hipstershop.CartService/GetCart", "POST /checkout", "SELECT orders",
            "charge", "ListRecommendations"})
    void meaningfulOperationsAreNot(String operation) {
        assertThat(OperationNames.isGeneric(operation)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static dev.sloscout.engine.model.AttributeKey<String> pathKey(String wireName) {
        return (dev.sloscout.engine.model.AttributeKey<String>) SpanAttributes.forWireName(wireName);
    }
}
