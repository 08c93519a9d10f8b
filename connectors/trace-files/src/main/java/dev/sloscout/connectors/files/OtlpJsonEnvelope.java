package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The frame every OTLP/JSON export request shares: items grouped into one resource per service (with its
 * {@code service.name}), one scope each. The span and log writers say only how one item is written.
 */
final class OtlpJsonEnvelope {
    /** How one item (a span, a log record) is written inside its scope. */
    interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /**
     * Field names of one signal ({@code resourceSpans / scopeSpans / scope / spans} and the like) and the name the
     * scope is given.
     */
    record Fields(String resources, String scopes, String scope, String items, String scopeName) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private OtlpJsonEnvelope() {
    }

    /** @param resource each item's resource attributes (string values); items are grouped by them */
    static <T> String request(List<T> items, Function<T, Map<String, String>> resource, Fields fields, boolean pretty,
            ItemWriter<T> writer) {
        Map<Map<String, String>, List<T>> byService = new LinkedHashMap<>();
        for (T item : items) {
            byService.computeIfAbsent(resource.apply(item), s -> new ArrayList<>()).add(item);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            g.writeArrayFieldStart(fields.resources());
            for (Map.Entry<Map<String, String>, List<T>> group : byService.entrySet()) {
                OtlpJsonWriter.startResource(g, group.getKey());
                g.writeArrayFieldStart(fields.scopes());
                g.writeStartObject();
                g.writeObjectFieldStart(fields.scope());
                g.writeStringField("name", fields.scopeName());
                g.writeEndObject();
                g.writeArrayFieldStart(fields.items());
                for (T item : group.getValue()) {
                    writer.write(g, item);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
