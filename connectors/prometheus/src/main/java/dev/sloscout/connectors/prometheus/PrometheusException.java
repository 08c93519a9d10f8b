package dev.sloscout.connectors.prometheus;

/** A Prometheus request failed; the message names the URL and gives the server's own words when it sent any. */
public final class PrometheusException extends Exception {
    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
