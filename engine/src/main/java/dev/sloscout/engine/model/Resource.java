package dev.sloscout.engine.model;

/**
 * The entity that produced telemetry. Only the service identity is kept (name, namespace, instance, version); the
 * name is never blank ({@value #UNKNOWN_SERVICE} stands in, as the OpenTelemetry SDKs do), the others are empty when
 * unknown.
 */
public record Resource(String serviceName, String serviceNamespace, String serviceInstanceId, String serviceVersion) {
    public static final String UNKNOWN_SERVICE = "unknown_service";
    public static final Resource UNKNOWN = new Resource(UNKNOWN_SERVICE, "", "");

    public Resource {
        serviceName = serviceName == null || serviceName.isBlank() ? UNKNOWN_SERVICE : serviceName;
        serviceNamespace = serviceNamespace == null ? "" : serviceNamespace;
        serviceInstanceId = serviceInstanceId == null ? "" : serviceInstanceId;
        serviceVersion = serviceVersion == null ? "" : serviceVersion;
    }

    /** Without a version. */
    public Resource(String serviceName, String serviceNamespace, String serviceInstanceId) {
        this(serviceName, serviceNamespace, serviceInstanceId, "");
    }

    /**
     * The value of a resource attribute this record keeps ({@code service.name}, {@code service.namespace},
     * {@code service.instance.id}, {@code service.version}), or null for any other key.
     */
    public String attribute(String key) {
        return switch (key) {
            case "service.name" -> serviceName;
            case "service.namespace" -> serviceNamespace;
            case "service.instance.id" -> serviceInstanceId;
            case "service.version" -> serviceVersion;
            default -> null;
        };
    }

    /** The attributes that are set, in the order OTLP writers list them. */
    public java.util.Map<String, String> attributes() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("service.name", serviceName);
        for (String key : java.util.List.of("service.namespace", "service.instance.id", "service.version")) {
            if (!attribute(key).isEmpty()) {
                out.put(key, attribute(key));
            }
        }
        return out;
    }

    public static Resource ofService(String serviceName) {
        return new Resource(serviceName, "", "");
    }
}
