package dev.sloscout.engine.model;

import java.util.Objects;

/**
 * Something wrong with the input, said so that a user can find it: which source, where in it (a line, a byte
 * offset, a record), and why.
 */
public record Problem(String source, String location, String reason) {
    public Problem {
        Objects.requireNonNull(source);
        location = location == null ? "" : location;
        Objects.requireNonNull(reason);
    }

    /** The one-line form of the CLI contract: {@code <source>:<location>: <reason>}. */
    public String toLine() {
        return location.isEmpty() ? source + ": " + reason : source + ":" + location + ": " + reason;
    }
}
