package dev.sloscout.engine.journey;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.redact.Redactor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operation names as templates (ids, numbers, UUIDs, hex and random-looking tokens in paths become placeholders; {@code http.route} and
 * {@code rpc.service/rpc.method} win over the span name, and so does {@code url.path} (or {@code http.target}) when
 * the span is named by its HTTP method alone, as instrumentations name server spans of requests no framework
 * routed), and the judgement whether an operation is generic:
 * a catch-all route, a frontend's {@code Recv.}, a proxy or middleware span that says nothing about what the user
 * asked for.
 */
public final class OperationNames {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HTTP_METHOD = Pattern.compile("(?i)(HTTP )?(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE)");
    private static final Set<String> CATCH_ALL_ROUTES = Set.of("", "/", "*", "/*", "/**", "{proxy+}", "/{proxy+}",
            "/{*path}", "/:path*", "(.*)", "/(.*)", "^/.*$");
    private static final Set<String> GENERIC_WORDS = Set.of("recv.", "sent.", "attempt.", "middleware", "proxy",
            "router", "route", "dispatcher", "dispatch", "ingress", "egress", "gateway", "handler", "request",
            "http.request", "http.server.request", "servlet.request", "servehttp", "filter", "interceptor",
            "expressinit", "query", "corsmiddleware", "authmiddleware", "loadbalancer", "lb", "envoy", "nginx");

    private OperationNames() {
    }

    /** The operation of a span as a template: route or RPC method when the span carries them, else its name. */
    public static String template(Span span) {
        return template(span, DIRECT);
    }

    /** How a template is made from each of its sources: {@link OperationTemplates} remembers what it made. */
    interface Makers {
        /** From {@code http.route} (not blank) and {@code http.request.method} (null when absent). */
        String http(String method, String route);

        /** From {@code url.path} or {@code http.target} (not blank) and the request's method. */
        String path(String method, String path);

        /** From {@code rpc.service} and {@code rpc.method}. */
        String rpc(String service, String method);

        /** From the span's name. */
        String name(String name);
    }

    private static final Makers DIRECT = new Makers() {
        @Override
        public String http(String method, String route) {
            return httpTemplate(method, route);
        }

        @Override
        public String path(String method, String path) {
            return pathTemplate(method, path);
        }

        @Override
        public String rpc(String service, String method) {
            return rpcTemplate(service, method);
        }

        @Override
        public String name(String name) {
            return normalise(name);
        }
    };

    /** {@link #template(Span)}, each template made by {@code makers}. */
    static String template(Span span, Makers makers) {
        String route = span.attributes().get(SpanAttributes.HTTP_ROUTE);
        if (route != null && !route.isBlank()) {
            return makers.http(span.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD), route);
        }
        String rpcMethod = span.attributes().get(SpanAttributes.RPC_METHOD);
        String rpcService = span.attributes().get(SpanAttributes.RPC_SERVICE);
        if (rpcMethod != null && rpcService != null && !span.name().contains(rpcMethod)) {
            return makers.rpc(rpcService, rpcMethod);
        }
        String path = span.attributes().get(SpanAttributes.URL_PATH);
        if (path != null && path.startsWith("/") && isBareMethod(span.name())) {
            String method = span.attributes().get(SpanAttributes.HTTP_REQUEST_METHOD);
            return makers.path(method != null ? method : span.name().substring(span.name().lastIndexOf(' ') + 1),
                    path);
        }
        return makers.name(span.name());
    }

    static String httpTemplate(String method, String route) {
        return method == null ? route : method.toUpperCase(Locale.ROOT) + " " + route;
    }

    /**
     * {@code GET}, {@code HTTP GET} (any case): a name that is an HTTP method and nothing else. Asked of every span
     * with a path, so the length rules out most names before the pattern.
     */
    private static boolean isBareMethod(String name) {
        return name.length() <= "HTTP OPTIONS".length() && HTTP_METHOD.matcher(name).matches();
    }

    /** {@code GET /orders/<NUM>}: the path without its query, ids as placeholders. */
    static String pathTemplate(String method, String path) {
        return httpTemplate(method, normalise(path));
    }

    static String rpcTemplate(String service, String method) {
        return service + "/" + method;
    }

    /** Replaces the variable parts of a name: query strings go, path segments that are ids become placeholders. */
    public static String normalise(String name) {
        int query = name.indexOf('?');
        String base = query >= 0 ? name.substring(0, query) : name;
        if (base.indexOf('/') < 0) {
            return isVariable(base) ? placeholder(base) : base;
        }
        StringBuilder out = new StringBuilder(base.length());
        int start = 0;
        while (start <= base.length()) {
            int slash = base.indexOf('/', start);
            int end = slash < 0 ? base.length() : slash;
            String segment = base.substring(start, end);
            out.append(isVariable(segment) ? placeholder(segment) : segment);
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /** Whether an operation says nothing about what the user asked for. */
    public static boolean isGeneric(String operation) {
        String op = operation.trim();
        if (CATCH_ALL_ROUTES.contains(op) || HTTP_METHOD.matcher(op).matches()) {
            return true;
        }
        int space = op.indexOf(' ');
        if (space > 0 && HTTP_METHOD.matcher(op.substring(0, space)).matches()
                && CATCH_ALL_ROUTES.contains(op.substring(space + 1).trim())) {
            return true; // "GET /*"
        }
        String lower = op.toLowerCase(Locale.ROOT);
        if (GENERIC_WORDS.contains(lower)) {
            return true;
        }
        // "hipstershop.Frontend/Recv.", "middleware - jsonParser", "proxy: upstream"
        int cut = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf(' '));
        String last = lower.substring(cut + 1);
        if (last.equals("recv.") || last.equals("sent.")) {
            return true;
        }
        return lower.startsWith("middleware") || lower.startsWith("proxy") || lower.startsWith("router -");
    }

    private static boolean isVariable(String segment) {
        if (segment.isEmpty() || segment.startsWith("{") || segment.startsWith(":") || segment.startsWith("<")) {
            return false;
        }
        if (UUID.matcher(segment).matches() || isToken(segment)) {
            return true;
        }
        boolean digit = false;
        boolean hex = true;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            digit |= Character.isDigit(c);
            hex &= Character.digit(c, 16) >= 0;
        }
        if (!digit) {
            return false;
        }
        if (segment.chars().allMatch(Character::isDigit) || hex && segment.length() >= 8) {
            return true;
        }
        // mostly digits (order-12345, v2 stays): an id with a prefix
        long digits = segment.chars().filter(Character::isDigit).count();
        return digits >= 4 && digits * 2 >= segment.length();
    }

    private static String placeholder(String segment) {
        if (UUID.matcher(segment).matches()) {
            return "<UUID>";
        }
        if (segment.chars().allMatch(Character::isDigit)) {
            return "<NUM>";
        }
        boolean hex = segment.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return hex ? "<HEX>" : isToken(segment) ? "<TOKEN>" : "<ID>";
    }

    /**
     * A generated token as a path segment: 16 characters or more of letters and digits (at least two of each), or
     * anything random-looking. Invitation codes, reset links and asset hashes are; words and versions are not.
     */
    private static boolean isToken(String segment) {
        if (Redactor.randomLooking(segment)) {
            return true;
        }
        if (segment.length() < 16 || !TOKEN_CHARS.matcher(segment).matches()) {
            return false;
        }
        long digits = segment.chars().filter(Character::isDigit).count();
        long letters = segment.chars().filter(Character::isLetter).count();
        return digits >= 2 && letters >= 2;
    }
}
