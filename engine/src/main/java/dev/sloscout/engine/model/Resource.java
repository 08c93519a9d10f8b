package dev.sloscout.engine.model;

/**
 * The entity that produced telemetry. Only the service identity is kept; the name is never blank
 * ({@value #UNKNOWN_SERVICE} stands in, as the OpenTelemetry SDKs do).
 */
public record Resource(String serviceName, String serviceNamespace, String serviceInstanceId) {
    public static final String UNKNOWN_SERVICE = "unknown_service";
    public static final Resource UNKNOWN = new Resource(UNKNOWN_SERVICE, "", "");

    public Resource {
        serviceName = serviceName == null || serviceName.isBlank() ? UNKNOWN_SERVICE : serviceName;
        serviceNamespace = serviceNamespace == null ? "" : serviceNamespace;
        serviceInstanceId = serviceInstanceId == null ? "" : serviceInstanceId;
    }

    public static Resource ofService(String serviceName) {
        return new Resource(serviceName, "", "");
    }
}
