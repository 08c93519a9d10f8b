package dev.sloscout.connectors.files;

/** Where a file reader's problems go: a location in the file ({@code line 4}, {@code frame 2 (byte 812)}) and why. */
@FunctionalInterface
interface LocatedProblems {
    void report(String location, String reason);
}
