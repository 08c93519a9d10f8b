package dev.sloscout.workspace;

/** A workspace could not be opened, read or written; the message names the file and the reason. */
public final class WorkspaceException extends Exception {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
