package dev.sloscout.engine.capsule;

/**
 * One field at the start of a log line as the {@link HeaderLexer} sees it, before any layout says whether it is
 * header or message.
 */
final class HeaderToken {
    /** What a field looks like on its own. */
    enum Kind {
        /** A timestamp, possibly several words ({@code Jun 14 15:16:01}), or {@code time=...}. */
        TIME,
        /** A level word or letter ({@code INFO}, {@code [error]}, {@code W}, {@code level=warn}). */
        LEVEL,
        /** Digits only (a pid, a thread or record number). */
        NUMBER,
        /** A bracketed group: {@code [main]}, {@code (pid 3)}, {@code <34>}, {@code [Sun Dec 04 ...]}. */
        BRACKET,
        /** Punctuation alone: {@code -}, {@code ---}, {@code :}, {@code *}, {@code #}. */
        SEPARATOR,
        /** A name that ends the header: {@code sshd[42]:}, {@code org.acme.Foo:}, {@code file.go:12]}. */
        COMPONENT,
        /** Anything else: a host, a logger without a colon, or the first word of a message. */
        WORD
    }

    /** How the field is delimited from the next one. */
    enum Delimiter { SPACE, PADDING, PIPE, TAB, END }

    final Kind kind;
    final int start;
    final int end;
    /** Index of the next field (after the delimiter). */
    final int next;
    final Delimiter delimiter;
    final long epochMillis;
    final Severity severity;
    /** For {@link Kind#COMPONENT}: the name without the pid or the colon; else null. */
    final String component;

    HeaderToken(Kind kind, int start, int end, int next, Delimiter delimiter, long epochMillis, Severity severity,
            String component) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.next = next;
        this.delimiter = delimiter;
        this.epochMillis = epochMillis;
        this.severity = severity;
        this.component = component;
    }

    /** A lone dash: the nil value of many formats ({@code - -} in access logs, RFC 5424 and OpenStack). */
    boolean isDash(String line) {
        return kind == Kind.SEPARATOR && end - start == 1 && line.charAt(start) == '-';
    }

    /** A column boundary: padding to a fixed width, a pipe or a tab. */
    boolean endsColumn() {
        return delimiter == Delimiter.PADDING || delimiter == Delimiter.PIPE || delimiter == Delimiter.TAB;
    }

    @Override
    public String toString() {
        return kind + "[" + start + "," + end + ")";
    }
}
