package dev.sloscout.connectors.files;

/** The trace file formats recognised from content. */
public enum TraceFormat {
    OTLP_JSON("OTLP/JSON"),
    OTLP_PROTO("OTLP/protobuf"),
    /** The Collector file exporter's framing: each message preceded by its 4-byte big-endian length. */
    OTLP_FRAMED("OTLP length-prefixed (file exporter)"),
    JAEGER_JSON("Jaeger JSON"),
    ZIPKIN_JSON("Zipkin v2 JSON"),
    /** AWS X-Ray's segment documents, bare or as {@code batch-get-traces} answers. */
    XRAY_JSON("AWS X-Ray JSON");

    private final String displayName;

    TraceFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
