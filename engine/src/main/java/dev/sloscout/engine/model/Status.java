package dev.sloscout.engine.model;

/** A span's status: code plus an optional message (empty when none). */
public record Status(StatusCode code, String message) {
    public static final Status UNSET = new Status(StatusCode.UNSET, "");
    public static final Status OK = new Status(StatusCode.OK, "");

    public Status {
        if (code == null) {
            throw new IllegalArgumentException("status code is required");
        }
        message = message == null ? "" : message;
    }

    public static Status of(StatusCode code, String message) {
        if (message == null || message.isEmpty()) {
            return code == StatusCode.UNSET ? UNSET : code == StatusCode.OK ? OK : new Status(code, "");
        }
        return new Status(code, message);
    }

    public boolean isError() {
        return code == StatusCode.ERROR;
    }
}
