package dev.sloscout.engine.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The span attributes the engine keeps, with the OpenTelemetry semantic-convention names and their older aliases.
 * Everything else on the wire is dropped at the edge: memory follows what analyses need, not what exporters send.
 */
public final class SpanAttributes {
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    public static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    public static final AttributeKey<Long> RPC_GRPC_STATUS_CODE = AttributeKey.longKey("rpc.grpc.status_code");
    public static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation");
    public static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
    /** The browser's user agent (browser and RUM instrumentation sets it on the spans it makes). */
    public static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
    /** A request id carried beside the trace id (no semantic convention: the names in use are aliases). */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("request.id");
    /** Jaeger clients state their sampler on the root span of every sampled trace. */
    public static final AttributeKey<String> SAMPLER_TYPE = AttributeKey.stringKey("sampler.type");
    public static final AttributeKey<String> SAMPLER_PARAM = AttributeKey.stringKey("sampler.param");

    private static final Map<String, AttributeKey<?>> BY_WIRE_NAME = new HashMap<>();

    static {
        register(HTTP_ROUTE);
        register(HTTP_REQUEST_METHOD, "http.method");
        register(HTTP_RESPONSE_STATUS_CODE, "http.status_code");
        register(URL_PATH, "http.target", "http.path");
        register(RPC_SYSTEM);
        register(RPC_SERVICE);
        register(RPC_METHOD);
        register(RPC_GRPC_STATUS_CODE, "grpc.status_code");
        register(DB_SYSTEM);
        register(MESSAGING_SYSTEM);
        register(MESSAGING_DESTINATION, "messaging.destination");
        register(MESSAGING_OPERATION, "messaging.operation.type");
        register(PEER_SERVICE);
        register(USER_AGENT, "http.user_agent", "user_agent");
        register(REQUEST_ID, "request_id", "requestId", "http.request_id", "x-request-id", "x_request_id",
                "http.request.header.x-request-id", "http.request.header.x_request_id");
        register(SAMPLER_TYPE);
        register(SAMPLER_PARAM);
    }

    private SpanAttributes() {
    }

    private static void register(AttributeKey<?> key, String... aliases) {
        BY_WIRE_NAME.put(key.name(), key);
        for (String alias : aliases) {
            BY_WIRE_NAME.put(alias, key);
        }
    }

    /** Every wire name (current and legacy) that maps to a kept key. */
    public static java.util.Set<String> wireNames() {
        return java.util.Collections.unmodifiableSet(BY_WIRE_NAME.keySet());
    }

    /** The kept key for a wire attribute name (current or legacy convention), or null when it is not kept. */
    public static AttributeKey<?> forWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}
