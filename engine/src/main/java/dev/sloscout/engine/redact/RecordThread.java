package dev.sloscout.engine.redact;

import dev.sloscout.engine.capsule.Severity;

/**
 * The thread a log record names, so that what one thread binds is paired with that thread's statement while other
 * threads' records come between ({@link BoundStatements}). A JSON record's thread field ({@code "thread_name":
 * "exec-1"}, Logback's {@code "threadName"}, {@code "thread"}, {@code "thread.name"}); a text record's groups in
 * brackets or parentheses at the head of its first line ({@code [exec-1]}, Spring Boot's {@code [app] [exec-1]},
 * Quarkus's and WildFly's {@code (executor-thread-1)}), up to the first word after one, a {@code -} or a field's
 * colon, leaving out the groups that change between one thread's records: a time, a level, a logger's dotted name
 * ({@code [org.hibernate.SQL]}). Empty when the record names none.
 */
final class RecordThread {
    private RecordThread() {
    }

    /** Words of a text header read for its groups: a thread's comes within the first few. */
    private static final int HEADER_WORDS = 10;
    private static final int LONGEST_GROUP = 120;

    static String of(String text) {
        int at = Redactor.skipBlanks(text, 0);
        return at < text.length() && text.charAt(at) == '{' ? jsonField(text) : headerGroups(text, at);
    }

    /**
     * The value of a JSON record's first thread field, a string or a number: {@code "thread"}, {@code "thread_name"},
     * {@code "threadName"}, {@code "thread.name"}, a GELF field's {@code "_process_thread_name"}, or the {@code "name"}
     * of an object under {@code "thread"} (ECS's {@code "process":{"thread":{"name": ...}}}).
     */
    private static String jsonField(String text) {
        for (int at = text.indexOf("thread"); at > 0; at = text.indexOf("thread", at + 1)) {
            int quote = text.lastIndexOf('"', at - 1);
            if (quote < 1 || text.charAt(quote - 1) == '\\' || !keyPrefix(text, quote + 1, at)) {
                continue;
            }
            int name = at + "thread".length();
            if (text.startsWith("_name\"", name) || text.startsWith(".name\"", name)) {
                name += "_name".length();
            } else if (text.startsWith("Name\"", name)) {
                name += "Name".length();
            }
            String value = name < text.length() && text.charAt(name) == '"' ? value(text, name + 1) : null;
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    /** Whether {@code text[from..to)} may open a thread field's key: nothing, or a GELF field's {@code _process_}. */
    private static boolean keyPrefix(String text, int from, int to) {
        if (from == to) {
            return true;
        }
        if (text.charAt(from) != '_' || text.charAt(to - 1) != '_') {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i)) && text.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }

    /** The value after the colon at or after {@code from}: a string's, a number's, an object's {@code "name"}. */
    private static String value(String text, int from) {
        int colon = Redactor.skipBlanks(text, from);
        if (colon >= text.length() || text.charAt(colon) != ':') {
            return null;
        }
        int value = Redactor.skipBlanks(text, colon + 1);
        if (value >= text.length()) {
            return null;
        }
        char c = text.charAt(value);
        if (c == '"') {
            return text.substring(value + 1, Redactor.stringEnd(text, value + 1, '"', text.length()));
        }
        if (c == '{') {
            int close = text.indexOf('}', value);
            int name = text.indexOf("\"name\"", value);
            return name > 0 && name < close ? value(text, name + "\"name\"".length()) : null;
        }
        int end = value;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++; // Python's thread as a number
        }
        return end > value ? text.substring(value, end) : null;
    }

    private static String headerGroups(String text, int at) {
        int end = BoundValues.lineEnd(text, at);
        StringBuilder thread = null;
        for (int words = 0; at < end && words < HEADER_WORDS; words++) {
            char c = text.charAt(at);
            if (c == '[' || c == '(') {
                int close = closing(text, at, end);
                if (close < 0) {
                    break;
                }
                if (threadLike(text, at + 1, close)) {
                    thread = thread == null ? new StringBuilder() : thread.append(' ');
                    thread.append(text, at, close + 1);
                }
                at = close + 1;
            } else {
                int space = text.indexOf(' ', at);
                int wordEnd = space < 0 || space > end ? end : space;
                if (thread != null || wordEnd - at == 1 && c == '-' || endsField(text, at, wordEnd)) {
                    break; // the header's end: its logger or message, or the separator before them
                }
                at = wordEnd;
            }
            at = Redactor.skipBlanks(text, at);
        }
        return thread == null ? "" : thread.toString();
    }

    /** Whether a word ends a header's field with a colon: syslog's {@code app[12]:}, Python's {@code INFO:app:x}. */
    private static boolean endsField(String text, int from, int to) {
        for (int colon = text.indexOf(':', from); colon >= 0 && colon < to; colon = text.indexOf(':', colon + 1)) {
            if (colon + 1 == to || !Character.isDigit(text.charAt(colon + 1))) {
                return true; // not a time's
            }
        }
        return false;
    }

    /** Where the group opened at {@code open} closes (groups of its kind nested in it: {@code Thread[main,5,main]}). */
    private static int closing(String text, int open, int end) {
        char opener = text.charAt(open);
        char closer = opener == '[' ? ']' : ')';
        int depth = 0;
        for (int i = open; i < end && i - open <= LONGEST_GROUP; i++) {
            char c = text.charAt(i);
            if (c == opener) {
                depth++;
            } else if (c == closer && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a group may name a thread: a letter in it, and no time (a colon between digits), level or logger's
     * dotted name ({@code org.hibernate.SQL}, {@code o.h.SQL}: a thread's name with a dot has a dash too).
     */
    private static boolean threadLike(String text, int from, int to) {
        boolean letter = false;
        boolean dot = false;
        boolean other = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == '.') {
                dot = true;
            } else if (c == ':' && i > from && i + 1 < to && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1))) {
                return false;
            } else if (!Character.isDigit(c) && c != '_' && c != '$') {
                other = true;
            }
        }
        if (!letter || dot && !other) {
            return false;
        }
        BoundValues.Bound word = TextTable.trimmed(text, from, to, 0); // a level padded: [INFO ]
        return Severity.fromWord(text, word.start(), word.end()) == null;
    }
}
