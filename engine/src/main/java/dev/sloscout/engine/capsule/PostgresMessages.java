package dev.sloscout.engine.capsule;

/**
 * How PostgreSQL writes a message to its log: the server's prefix ({@code log_line_prefix}, which the administrator
 * sets: Debian's {@code %m [%p] %q%u@%d }, pgBadger's {@code %t [%p]: user=%u,db=%d,app=%a,client=%h }), then the
 * severity in capitals with a colon and two spaces ({@code ERROR:  duplicate key ...}), and under it, each on a line
 * of its own with the same prefix, the message's parts ({@code DETAIL:  }, {@code STATEMENT:  }). The two spaces set
 * these words apart from a message's own.
 */
public final class PostgresMessages {
    /** What PostgreSQL writes under a message, each on a line of its own with the server's prefix. */
    private static final String[] PARTS = {"DETAIL", "HINT", "CONTEXT", "QUERY", "LOCATION", "STATEMENT"};
    /**
     * PostgreSQL's severities, which open a message. The server writes {@code DEBUG} at every debug level, as
     * Pgpool-II does; {@code DEBUG1} to {@code DEBUG5} are the levels' names in its settings.
     */
    private static final String[] SEVERITIES = {"ERROR", "FATAL", "PANIC", "WARNING", "LOG", "NOTICE", "INFO",
        "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5"};
    /** How far into a line the server's prefix may reach. */
    private static final int MAX_PREFIX = 256;
    private static final String MARK = ":  ";
    private static final String LOG = "LOG";
    private static final String DEBUG = "DEBUG";

    private PostgresMessages() {
    }

    /**
     * Where the severity of a message's first line starts ({@code ERROR:  ...} after the server's prefix): the word
     * before the line's first colon and two spaces, when that is one of PostgreSQL's severities; else -1.
     */
    public static int severityTag(String line) {
        return tagOf(line, SEVERITIES, MAX_PREFIX);
    }

    /** As {@link #severityTag(String)}, the colon before {@code within}: a line is looked at no further. */
    public static int severityTag(String line, int within) {
        return tagOf(line, SEVERITIES, Math.min(within, MAX_PREFIX));
    }

    /** Where a message part's tag starts ({@code STATEMENT:  SELECT ...} after the prefix), else -1. */
    public static int partTag(String line) {
        return tagOf(line, PARTS, MAX_PREFIX);
    }

    /** Where the message after the tag starting at {@code tag} starts, past the colon and the spaces. */
    public static int messageStart(String line, int tag) {
        int i = line.indexOf(MARK, tag) + MARK.length();
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The level a PostgreSQL severity names: {@code LOG}, what the server reports of its own work, and
     * {@code NOTICE} information; {@code DEBUG1} to {@code DEBUG5} debug; the others by their words. Null for any
     * other word.
     */
    public static Severity severity(String text, int from, int to) {
        if (to - from == LOG.length() && text.startsWith(LOG, from)) {
            return Severity.INFO;
        }
        if (to - from == DEBUG.length() + 1 && text.startsWith(DEBUG, from)
                && text.charAt(to - 1) >= '1' && text.charAt(to - 1) <= '5') {
            return Severity.DEBUG;
        }
        return Severity.fromWord(text, from, to);
    }

    /** The first colon and two spaces, the colon at {@code within} at most; -1 when there is none so early. */
    private static int indexOf(String line, int within) {
        int last = Math.min(within, line.length() - MARK.length());
        for (int i = 0; i <= last; i++) {
            if (line.charAt(i) == ':' && line.charAt(i + 1) == ' ' && line.charAt(i + 2) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static int tagOf(String line, String[] words, int within) {
        int colon = indexOf(line, within);
        if (colon < 0) {
            return -1;
        }
        int tag = colon;
        while (tag > 0 && line.charAt(tag - 1) != ' ') {
            tag--;
        }
        for (String word : words) {
            if (colon - tag == word.length() && line.startsWith(word, tag)) {
                return tag;
            }
        }
        return -1;
    }
}
