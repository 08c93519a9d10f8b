package dev.sloscout.engine.model;

/** An {@code exception} span event: when, the exception type and its message (empty strings when absent). */
public record ExceptionEvent(long epochNanos, String type, String message) {
    public ExceptionEvent {
        type = type == null ? "" : type;
        message = message == null ? "" : message;
    }
}
