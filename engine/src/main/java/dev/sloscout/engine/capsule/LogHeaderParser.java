package dev.sloscout.engine.capsule;

/**
 * Finds the header of a plain-text log line with no per-file configuration: timestamps in the common forms, a level
 * (word, letter or bracketed), pids and bracketed thread names, a host after a syslog timestamp, and a component
 * ({@code org.acme.Foo:}, {@code sshd(pam_unix)[19939]:}, {@code Step_LSC|}). The rest of the line is the message
 * body, from which templates are mined.
 *
 * <p>The parser reads at most {@value #MAX_FIELDS} whitespace-separated fields and only takes what it is sure of: a
 * word that is not clearly a header field ends the header, unless a level or a component a little further on shows
 * that the words before it were header fields too (BGL's {@code RAS KERNEL INFO}). A line without any recognisable
 * header is all body.
 */
public final class LogHeaderParser {
    private static final int MAX_FIELDS = 12;

    private enum Kind { TIME, LEVEL, NUMBER, BRACKET, SEPARATOR, COMPONENT, ID, WORD }

    private final Timestamps timestamps;

    public LogHeaderParser(int defaultYear) {
        this.timestamps = new Timestamps(defaultYear);
    }

    public LogHeader parse(String line) {
        int n = line.length();
        int pos = skipSpaces(line, 0);
        long time = LogHeader.NO_TIME;
        Severity severity = Severity.UNKNOWN;
        String component = "";
        int headerEnd = 0;      // end of the last field known to be header
        int tentative = 0;      // header-looking words since then, confirmed only by a later header field
        boolean sawTime = false;
        Kind previous = null;
        for (int field = 0; field < MAX_FIELDS && pos < n; field++) {
            char c = line.charAt(pos);
            int end;
            Kind kind;
            Severity level = null;
            Timestamps.Match ts = timestamps.match(line, pos, n);
            if (ts != null) {
                kind = Kind.TIME;
                end = ts.end();
                time = time == LogHeader.NO_TIME ? ts.epochMillis() : time;
            } else if (c == '[' || c == '(' || c == '<') {
                end = closing(line, pos);
                if (end < 0) {
                    break;
                }
                String inside = line.substring(pos + 1, end - 1).trim();
                Timestamps.Match inner = timestamps.match(inside, 0, inside.length());
                level = Severity.fromWord(inside);
                if (inner != null && inner.end() == inside.length()) {
                    kind = Kind.TIME;
                    time = time == LogHeader.NO_TIME ? inner.epochMillis() : time;
                } else {
                    kind = level != null ? Kind.LEVEL : Kind.BRACKET;
                }
                end = end < n && line.charAt(end) == ':' ? end + 1 : end;
            } else {
                end = wordEnd(line, pos);
                kind = classify(line, pos, end);
                level = kind == Kind.LEVEL ? levelOf(line, pos, end) : null;
            }

            boolean confirmed;
            boolean stop = false;
            switch (kind) {
                case TIME -> confirmed = true;
                case SEPARATOR, NUMBER -> confirmed = field > 0;
                case BRACKET -> confirmed = sawTime || severity != Severity.UNKNOWN || previous == Kind.NUMBER;
                case LEVEL -> {
                    // "Error: could not connect" opening a bare line is a message that says its level
                    confirmed = severity == Severity.UNKNOWN && !(field == 0 && line.charAt(end - 1) == ':');
                    severity = confirmed ? level : severity;
                }
                case COMPONENT -> {
                    confirmed = field > 0;  // "Error: x" opening a bare line is a message
                    stop = line.charAt(end - 1) == ':' || end >= n || line.charAt(end) != '|';
                    component = confirmed && component.isEmpty() ? componentName(line, pos, end) : component;
                }
                default -> confirmed = false;
            }
            if (!confirmed) {
                boolean headerLike = kind == Kind.ID || kind == Kind.NUMBER || kind == Kind.SEPARATOR
                        || kind == Kind.WORD && (previous == Kind.TIME || isAllCaps(line, pos, end));
                if (!headerLike || tentative >= 4 || kind == Kind.COMPONENT || kind == Kind.LEVEL
                        || kind == Kind.BRACKET) {
                    break;
                }
                tentative++;
            } else {
                headerEnd = end;
                tentative = 0;
            }
            sawTime |= kind == Kind.TIME;
            previous = kind;
            pos = skipSpaces(line, end);
            if (stop) {
                break;
            }
        }
        int body = skipSpaces(line, headerEnd);
        while (body < n && (line.charAt(body) == '|'
                || line.charAt(body) == '-' && (body + 1 == n || line.charAt(body + 1) == ' '))) {
            body = skipSpaces(line, body + 1); // " - message", "|message"
        }
        if (severity == Severity.UNKNOWN) {
            severity = leadingLevel(line, body);
        }
        return new LogHeader(time, severity, component, body);
    }

    /** A level that opens the message itself ({@code error: ...}, {@code [WARN] ...}): kept in the body. */
    private static Severity leadingLevel(String s, int from) {
        int start = from < s.length() && s.charAt(from) == '[' ? from + 1 : from;
        int end = start;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        if (end - start < 3 || end >= s.length() || ":]".indexOf(s.charAt(end)) < 0) {
            return Severity.UNKNOWN;
        }
        Severity severity = Severity.fromWord(s.substring(start, end));
        return severity == null ? Severity.UNKNOWN : severity;
    }

    private static Kind classify(String s, int from, int end) {
        char first = s.charAt(from);
        char lastChar = s.charAt(end - 1);
        if (end - from <= 2 && (first == '-' || first == '|' || first == ':') && !Character.isLetterOrDigit(lastChar)) {
            return Kind.SEPARATOR;
        }
        if (end < s.length() && s.charAt(end) == '|') {
            return Kind.COMPONENT; // pipe-separated headers: "20171223-22:15:29:606|Step_LSC|30002312|..."
        }
        if (levelOf(s, from, end) != null) {
            return Kind.LEVEL;
        }
        if (lastChar == ':' && end - from > 1 && isComponentName(s, from, end - 1)) {
            return Kind.COMPONENT;
        }
        boolean digits = true;
        boolean anyDigit = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            digits &= c >= '0' && c <= '9';
            anyDigit |= c >= '0' && c <= '9';
        }
        if (digits) {
            return end - from <= 10 ? Kind.NUMBER : Kind.ID;
        }
        return anyDigit ? Kind.ID : Kind.WORD;
    }

    private static Severity levelOf(String s, int from, int end) {
        int e = end;
        if (e - from > 1 && s.charAt(e - 1) == ':') {
            e--;
        }
        if (e - from == 1) {
            char c = s.charAt(from);
            return Character.isUpperCase(c) ? Severity.fromLetter(c) : null;
        }
        if (e - from > 11) {
            return null;
        }
        return Severity.fromWord(s.substring(from, e));
    }

    private static boolean isComponentName(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == '-' || c == '/'
                    || c == '(' || c == ')' || c == '[' || c == ']' || c == '@' || c == '#')) {
                return false;
            }
        }
        return Character.isLetter(s.charAt(from));
    }

    /** {@code sshd(pam_unix)[19939]} gives {@code sshd(pam_unix)}: the pid is not part of the component. */
    private static String componentName(String s, int from, int end) {
        int e = end;
        while (e > from && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == '|')) {
            e--;
        }
        if (e > from && s.charAt(e - 1) == ']') {
            int open = s.lastIndexOf('[', e - 1);
            if (open > from) {
                e = open;
            }
        }
        return s.substring(from, e);
    }

    private static boolean isAllCaps(String s, int from, int end) {
        if (end - from > 12) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (!(Character.isUpperCase(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t' && s.charAt(i) != '|') {
            i++;
        }
        return i == from ? from + 1 : i;
    }

    private static int closing(String s, int from) {
        char open = s.charAt(from);
        char close = open == '[' ? ']' : open == '(' ? ')' : '>';
        int depth = 0;
        for (int i = from; i < s.length() && i < from + 256; i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }
}
