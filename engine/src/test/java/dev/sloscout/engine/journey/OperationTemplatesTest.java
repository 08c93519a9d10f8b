package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OperationTemplatesTest {
    private static Span span(String name, String route, String method, String rpcService, String rpcMethod) {
        Attributes.Builder attributes = Attributes.builder();
        if (route != null) {
            attributes.put(SpanAttributes.HTTP_ROUTE, route);
        }
        if (method != null) {
            attributes.put(SpanAttributes.HTTP_REQUEST_METHOD, method);
        }
        if (rpcService != null) {
            attributes.put(SpanAttributes.RPC_SERVICE, rpcService);
        }
        if (rpcMethod != null) {
            attributes.put(SpanAttributes.RPC_METHOD, rpcMethod);
        }
        return Span.builder().traceId(new TraceId(1, 1)).spanId(new SpanId(1)).name(name).startEpochNanos(1)
                .endEpochNanos(2).attributes(attributes.build()).build();
    }

    @Test
    void remembersEachKindOfTemplateAndGivesWhatOperationNamesGives() {
        String[] names = {"GET", "GET /orders/12345", "grpc call", "shop.Cart/Add", "/blobs/9f86d081884c7d65"};
        String[] routes = {null, "", " ", "/orders/:id", "/orders/{id}/items"};
        String[] methods = {null, "get", "POST"};
        String[] rpcServices = {null, "shop.Cart"};
        String[] rpcMethods = {null, "Add", "Remove"};
        Random random = new Random(7);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            spans.add(span(names[random.nextInt(names.length)], routes[random.nextInt(routes.length)],
                    methods[random.nextInt(methods.length)], rpcServices[random.nextInt(rpcServices.length)],
                    rpcMethods[random.nextInt(rpcMethods.length)]));
        }
        OperationTemplates templates = new OperationTemplates();
        List<String> first = new ArrayList<>();
        for (Span span : spans) {
            String template = templates.template(span);
            assertThat(template).as(span.toString()).isEqualTo(OperationNames.template(span));
            first.add(template);
        }
        for (int i = 0; i < spans.size(); i++) {
            assertThat(templates.template(spans.get(i))).as("remembered").isSameAs(first.get(i));
        }
        assertThat(first).contains("GET /orders/:id", "POST /orders/{id}/items", "/orders/:id", "shop.Cart/Remove",
                "GET /orders/<NUM>");
    }

    @Test
    void manyDistinctRoutesAreStillRightAfterTheMemoryIsCleared() {
        OperationTemplates templates = new OperationTemplates();
        for (int i = 0; i < 50_000; i++) {
            Span span = span("GET", "/r" + i, i % 2 == 0 ? "get" : null, null, null);
            assertThat(templates.template(span)).isEqualTo(i % 2 == 0 ? "GET /r" + i : "/r" + i);
        }
        assertThat(templates.template(span("GET", "/r1", "put", null, null))).isEqualTo("PUT /r1");
    }
}
