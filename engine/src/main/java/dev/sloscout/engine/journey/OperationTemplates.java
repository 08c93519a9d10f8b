package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;

import java.util.HashMap;
import java.util.Map;

/**
 * Memoises {@link OperationNames#template} and {@link OperationNames#isGeneric} for the few thousand distinct
 * operations a system has: by span name, by route and method, by path and method, by RPC service and method.
 * Bounded, so a dump full of unique names cannot grow it without limit.
 */
final class OperationTemplates implements OperationNames.Makers {
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, String> byName = new HashMap<>();
    private final Pairs byRoute = new Pairs();
    private final Pairs byRpc = new Pairs();
    private final Pairs byPath = new Pairs();
    private final Map<String, Boolean> generic = new HashMap<>();

    String template(Span span) {
        return OperationNames.template(span, this);
    }

    @Override
    public String http(String method, String route) {
        String template = byRoute.get(route, method);
        return template != null ? template : byRoute.put(route, method, OperationNames.httpTemplate(method, route));
    }

    @Override
    public String path(String method, String path) {
        String template = byPath.get(path, method);
        return template != null ? template : byPath.put(path, method, OperationNames.pathTemplate(method, path));
    }

    @Override
    public String rpc(String service, String method) {
        String template = byRpc.get(service, method);
        return template != null ? template : byRpc.put(service, method, OperationNames.rpcTemplate(service, method));
    }

    @Override
    public String name(String name) {
        String template = byName.get(name);
        if (template == null) {
            if (byName.size() >= MAX_ENTRIES) {
                byName.clear();
            }
            template = OperationNames.normalise(name);
            byName.put(name, template);
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

    /**
     * Templates by two strings, the second possibly null, without a key object per look-up: a map per first string
     * (a route has a method or two, an RPC service a few methods).
     */
    private static final class Pairs {
        private final Map<String, Map<String, String>> byFirst = new HashMap<>();
        private int size;

        String get(String first, String second) {
            Map<String, String> bySecond = byFirst.get(first);
            return bySecond == null ? null : bySecond.get(second);
        }

        String put(String first, String second, String template) {
            if (size >= MAX_ENTRIES) {
                byFirst.clear();
                size = 0;
            }
            byFirst.computeIfAbsent(first, f -> new HashMap<>(4)).put(second, template);
            size++;
            return template;
        }
    }
}
