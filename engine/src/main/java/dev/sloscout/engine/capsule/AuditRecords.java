package dev.sloscout.engine.capsule;

/**
 * The records of the Linux audit daemon's log ({@code audit.log}): {@code type=SYSCALL msg=audit(1796536841.641:34):
 * arch=c000003e syscall=257 success=no exit=-13 ...}, the record's type, then its stamp (epoch seconds, milliseconds
 * and the kernel's serial), then its fields. The kernel writes one event as several records with one stamp (a system
 * call's {@code SYSCALL}, {@code EXECVE}, {@code CWD}, {@code PATH}, {@code PROCTITLE}).
 */
public final class AuditRecords {
    private static final String TYPE = "type=";
    private static final String STAMP = " msg=audit(";
    /** How far into a record its stamp may end: a record type's name is short. */
    private static final int REACH = 96;
    /** What a record says when what it records failed, each before a space, a quote or the line's end. */
    private static final String[] FAILURES = {" success=no", " res=failed", " res=0", " res=no"};

    private AuditRecords() {
    }

    /**
     * The stamp of the record {@code line} is ({@code audit(1796536841.641:57)}), which names its event; null when the
     * line is no audit record.
     */
    public static String stamp(String line) {
        int at = stampAt(line, 0);
        int close = at > 0 ? line.indexOf("):", at) : -1;
        return close > 0 && close < REACH ? line.substring(at + " msg=".length(), close + 1) : null;
    }

    /**
     * Whether the record at {@code from} says what it records failed: a system call ({@code success=no exit=-13}: a
     * file denied) or an act of a user or the daemon ({@code res=failed}, {@code res=0}: an authentication refused).
     */
    static boolean isFailed(String s, int from) {
        int at = stampAt(s, from);
        if (at < 0) {
            return false;
        }
        for (String failed : FAILURES) {
            int found = s.indexOf(failed, at);
            int end = found + failed.length();
            if (found > 0 && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Where the stamp's {@code msg=} stands after the record's type at {@code from}; -1 when no record opens so. */
    private static int stampAt(String s, int from) {
        if (!s.startsWith(TYPE, from)) {
            return -1;
        }
        int at = s.indexOf(STAMP, from + TYPE.length());
        return at > 0 && at - from < REACH ? at : -1;
    }
}
