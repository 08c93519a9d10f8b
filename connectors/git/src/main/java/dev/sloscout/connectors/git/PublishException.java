package dev.sloscout.connectors.git;

/** A publication that could not be done, in one line: what failed (auth, protected branch, conflict, network) and why. */
public final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
