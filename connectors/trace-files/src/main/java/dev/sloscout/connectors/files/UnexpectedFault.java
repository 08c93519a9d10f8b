package dev.sloscout.connectors.files;

/**
 * What a reader says when a fault on data nobody foresaw ends a file's reading: the fault, where in the code it was,
 * and that what was read before it is kept. The file's reading stops there; the other files are read.
 */
final class UnexpectedFault {
    private UnexpectedFault() {
    }

    /** The problem's reason for {@code fault}; {@code kept} names what was read before it ({@code records}). */
    static String reason(RuntimeException fault, String kept) {
        StackTraceElement[] at = fault.getStackTrace();
        return "reading stopped on an unexpected fault (" + fault + (at.length > 0 ? " at " + at[0] : "") + "); the "
                + kept + " read before it were kept";
    }
}
