package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * Memoises {@link OperationNames#template} and {@link OperationNames#isGeneric} for the few thousand distinct
 * operation names a system has; bounded, so a dump full of unique names cannot grow it without limit.
 */
final class OperationTemplates {
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, Boolean> generic = new HashMap<>();

    String template(Span span) {
        if (span.attributes().get(SpanAttributes.HTTP_ROUTE) != null || span.attributes().get(SpanAttributes.RPC_METHOD) != null) {
            return OperationNames.template(span); // attribute-driven: cheap, and not keyed by name alone
        }
        String template = byName.get(span.name());
        if (template == null) {
            if (byName.size() >= MAX_ENTRIES) {
                byName.clear();
            }
            template = OperationNames.normalise(span.name());
            byName.put(span.name(), template);
        }
        return template;
    }

    boolean isGeneric(String template) {
        Boolean known = generic.get(template);
        if (known == null) {
            if (generic.size() >= MAX_ENTRIES) {
                generic.clear();
            }
            known = OperationNames.isGeneric(template);
            generic.put(template, known);
        }
        return known;
    }
}
