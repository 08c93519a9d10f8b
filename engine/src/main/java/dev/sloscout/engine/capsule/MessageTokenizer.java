package dev.sloscout.engine.capsule;

/**
 * Splits a message body into tokens and masks the variable ones with typed placeholders, in one hand-written pass
 * over the characters (no regular expressions).
 *
 * <p>Whitespace separates tokens; brackets, quotes and trailing punctuation glued to a word are split off it
 * ({@code [10.0.0.1]} is three tokens, {@code done.} two); {@code key=value} and {@code key:value} give the token
 * {@code key=} and a masked value, {@code name[123]} keeps the name and masks what is in brackets. A quoted string is
 * tokenised like the rest between its quotes (which are tokens of their own). Anything else with a digit in it is a
 * variable ({@code blk_-1608999687919862906}, {@code appattempt_1445_0020}), unless it is one of the typed forms; a
 * number and its unit ({@code 3 sec}) are one value.
 */
public final class MessageTokenizer {
    private static final int MAX_QUOTED = 512;

    /**
     * What a token's characters are, for {@link #plain}: ASCII letters, digits, sentence punctuation, the rest; and
     * the whitespace between tokens.
     */
    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int PUNCT = 4;
    private static final int OTHER = 8;
    /** What separates tokens ({@link #isSpace}); never part of a token's kinds. */
    private static final int SPACE = 16;
    /** A semicolon, punctuation that may also join fields ({@link #semicolonFields}). */
    private static final int SEMICOLON = 32;
    private static final byte[] KINDS = new byte[128];

    static {
        java.util.Arrays.fill(KINDS, (byte) OTHER);
        for (char c = 'a'; c <= 'z'; c++) {
            KINDS[c] = LETTER;
            KINDS[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            KINDS[c] = DIGIT;
        }
        for (char c : new char[] {',', ';', ':', '!', '?', '.'}) {
            KINDS[c] = PUNCT;
        }
        KINDS[';'] = PUNCT | SEMICOLON;
        for (char c = 0; c < KINDS.length; c++) {
            KINDS[c] = isSpace(c) ? SPACE : KINDS[c];
        }
    }

    private final Timestamps timestamps = new Timestamps(2000);
    /** False for the reference reading the tests compare the shortcut ({@link #plain}) with. */
    private final boolean shortcuts;
    /** Where the body's last {@code >} is, once a bound asked ({@link #NOT_LOOKED} before): see {@link #isBound}. */
    private int lastCloseAngle;
    private static final int NOT_LOOKED = -2;
    /** Where the body being tokenized ends. */
    private int bodyEnd;

    public MessageTokenizer() {
        this(true);
    }

    /** {@code shortcuts} false: every token read in full, the reference for tests. */
    MessageTokenizer(boolean shortcuts) {
        this.shortcuts = shortcuts;
    }

    /** Tokenizes {@code body[from..)} into {@code out} (cleared first). */
    public void tokenize(String body, int from, Tokens out) {
        tokenize(body, from, body.length(), out);
    }

    /** Tokenizes {@code body[from..to)} into {@code out} (cleared first). */
    public void tokenize(String body, int from, int to, Tokens out) {
        out.clear();
        lastCloseAngle = NOT_LOOKED;
        bodyEnd = to;
        tokenizeRange(body, from, to, out, false);
        joinQuantities(out);
    }

    private void tokenizeRange(String body, int from, int n, Tokens out, boolean quoted) {
        int i = from;
        boolean space = false;
        while (i < n) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
                i++;
                continue;
            }
            if ((c == '"' || c == '\'') && (i == from || space) && !quoted) {
                int close = closingQuote(body, i, c, n);
                if (close > 0) {
                    addQuoted(body, i, close, space, out);
                    i = close + 1;
                    space = false;
                    continue;
                }
            }
            int at = (c == '[' || c == '(') && i + 1 < n ? i + 1 : i; // "[05/Dec/2026:21:34:44 +0000]" in a message
            if (Timestamps.mayStartAt(body, at)) {
                Timestamps.Match time = timestamps.match(body, at, n);
                if (time != null && time.end() - at >= 8 && !isSizeOrLimit(body, at, time.end())
                        && !(at > i && isBracketedId(body, at, time.end())) && macAddressEnd(body, at, n) < 0) {
                    if (at > i) {
                        out.add(oneChar(c), space, quoted);
                        space = false;
                    }
                    out.add(Placeholder.TIME, space, quoted);
                    i = time.end();
                    space = false;
                    continue;
                }
            }
            int end = i;
            int eq = -1;
            int kinds = 0;
            while (end < n) {
                char d = body.charAt(end);
                int kind = d < KINDS.length ? KINDS[d] : OTHER;
                if (kind == SPACE) {
                    break;
                }
                kinds |= kind;
                if (eq < 0 && d == '=' && end > i) {
                    eq = end;
                }
                end++;
            }
            if (shortcuts && (kinds & OTHER) == 0 && plain(body, i, end, kinds, space, quoted, out)) {
                space = false;
                i = end;
                continue;
            }
            int quotedValue = eq < 0 || quoted ? -1 : quotedValueStart(body, i, eq, end);
            if (quotedValue > 0) {
                int close = closingQuote(body, quotedValue, body.charAt(quotedValue), n);
                if (close > 0) { // q="wireless headphones": the value may hold spaces
                    out.add(body.substring(i, quotedValue), space);
                    addQuoted(body, quotedValue, close, false, out);
                    i = close + 1;
                    space = false;
                    continue;
                }
            }
            int spannedTime = eq < 0 || quoted ? -1 : timeOverSpaces(body, eq + 1, end, n);
            if (spannedTime > 0) { // created=Sun Dec 06 07:51:29 UTC 2026: a value's time of many words
                out.add(body.substring(i, eq + 1), space);
                out.add(Placeholder.TIME, false);
                i = spannedTime;
                space = false;
                continue;
            }
            int before = out.size();
            if ((kinds & SEMICOLON) != 0) {
                semicolonFields(body, i, end, eq, space, out);
            } else {
                chunk(body, i, end, eq, space, out);
            }
            if (quoted) {
                out.markQuoted(before);
            }
            space = false;
            i = end;
        }
    }

    /**
     * The common tokens without the general reading: a word of ASCII letters, perhaps followed by sentence
     * punctuation ({@code state:}, {@code done.}), or a run of digits. {@link #chunk} and {@link #classify} give the
     * same tokens for them (a word is no placeholder, digits are a number); this only skips their many questions.
     * Returns false, adding nothing, for any other token.
     */
    private static boolean plain(String s, int from, int end, int kinds, boolean space, boolean quoted, Tokens out) {
        if (kinds == DIGIT) {
            out.add(Placeholder.NUM, space, quoted);
            return true;
        }
        int coreEnd = end;
        if (kinds == (LETTER | PUNCT)) {
            while (KINDS[s.charAt(coreEnd - 1)] == PUNCT) {
                coreEnd--; // stops at a letter, so never empties the word, as the general peeling never does
            }
            for (int k = from; k < coreEnd; k++) {
                if (KINDS[s.charAt(k)] != LETTER) {
                    return false; // punctuation inside the word ("a,b", "e.g."): read in full
                }
            }
        } else if (kinds != LETTER) {
            return false;
        }
        out.add(s.substring(from, coreEnd), space, quoted);
        addTrailing(s, coreEnd, end, quoted, out);
        return true;
    }

    /**
     * A word of fields joined by semicolons, as Nagios logs a check ({@code web01;HTTP;CRITICAL;HARD;1;HTTP}) or a
     * list of pairs is written ({@code 10380;pid=10380}): each field read as a word of its own, the semicolons kept
     * between them, so a field that varies is masked alone. A semicolon that ends the word is punctuation, as it was;
     * a URL keeps its parameters ({@code /a;jsessionid=1}) as one value.
     */
    private void semicolonFields(String s, int from, int end, int firstEquals, boolean space, Tokens out) {
        if (hasScheme(s, from, end)) {
            chunk(s, from, end, firstEquals, space, out);
            return;
        }
        int start = from;
        for (int i = from + 1; i < end - 1; i++) {
            if (s.charAt(i) == ';') {
                if (i > start) {
                    chunk(s, start, i, indexOf(s, '=', start + 1, i), space, out);
                    space = false;
                }
                out.add(";", space);
                space = false;
                start = i + 1;
            }
        }
        chunk(s, start, end, indexOf(s, '=', start + 1, end), space, out);
    }

    /** Whether the first colon of {@code s[from..end)} opens a URL's {@code ://}. */
    private static boolean hasScheme(String s, int from, int end) {
        int colon = indexOf(s, ':', from, end);
        return colon >= 0 && s.startsWith("://", colon);
    }

    /** The punctuation peeled off a token's end, in order, a run of dots as one ({@code ...}, {@code ]:}). */
    private static void addTrailing(String s, int from, int end, boolean quoted, Tokens out) {
        int p = from;
        while (p < end) {
            int q = p + 1;
            if (s.charAt(p) == '.') {
                while (q < end && s.charAt(q) == '.') {
                    q++;
                }
            }
            out.add(q == p + 1 ? oneChar(s.charAt(p)) : s.substring(p, q), false, quoted);
            p = q;
        }
    }

    /**
     * A number and its unit, written apart ({@code 3 sec}, {@code <1 sec}, {@code 1190 bytes}), is one value: a
     * duration or a size, like {@code 3s} or {@code 1190B} written together.
     */
    private static void joinQuantities(Tokens out) {
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i) == Placeholder.NUM && out.spaceBefore(i + 1)) {
                String kind = unitWord(out.get(i + 1));
                if (kind != null) {
                    out.replace(i, kind);
                    out.remove(i + 1);
                }
            }
        }
    }

    private static String unitWord(String word) {
        return switch (word) {
            case "ns", "us", "\u00b5s", "ms", "msec", "msecs", "s", "sec", "secs", "second", "seconds", "min", "mins",
                    "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days" -> Placeholder.DURATION;
            case "b", "B", "byte", "bytes", "kb", "KB", "kB", "KiB", "mb", "MB", "MiB", "gb", "GB", "GiB", "TB",
                    "TiB" -> Placeholder.SIZE;
            default -> null;
        };
    }

    /**
     * A quoted string: the quotes stay, and what is between them is tokenised like the rest (a quoted HTTP request line
     * keeps its method; {@code msg="..."} keeps its message), its tokens marked as quoted so the miner may let the
     * whole quoted value vary in length.
     */
    private void addQuoted(String body, int open, int close, boolean space, Tokens out) {
        String q = oneChar(body.charAt(open));
        out.add(q, space);
        int before = out.size();
        tokenizeRange(body, open + 1, close, out, true);
        if (out.size() == before) {
            out.add(Placeholder.STR, false); // an empty string: one value, so "" and "x" line up
        }
        out.add(q, false);
    }

    private void chunk(String s, int from, int end, int firstEquals, boolean space, Tokens out) {
        if (splitAtArrow(s, from, end, firstEquals, space, out)) {
            return;
        }
        int start = from;
        // openers glued to the front: "(uid=0)", "[preauth]"; not the "<" of a bound ("<1", "<=5")
        while (end - start > 1 && isOpener(s.charAt(start)) && !isBound(s, start, end)) {
            int hostPort = s.charAt(start) == '[' ? bracketedHostPort(s, start, end) : -1;
            if (hostPort > 0) { // "[::]:8080", "[127.0.0.1]:25": an address and its port, one value
                out.add(Placeholder.IP_PORT, space);
                addTrailing(s, hostPort, end, false, out);
                return;
            }
            int tag = s.charAt(start) == '[' ? bracketedTagEnd(s, start, end) : -1;
            if (tag > 0) { // OpenVPN's "[AF_INET]127.0.0.1:1194": the tag in its brackets, the value after it
                out.add("[", space);
                String typed = classify(s, start + 1, tag);
                out.add(typed != null ? typed : s.substring(start + 1, tag), false);
                out.add("]", false);
                chunk(s, tag + 1, end, firstEquals > tag ? firstEquals : -1, false, out);
                return;
            }
            out.add(oneChar(s.charAt(start)), space);
            space = false;
            start++;
        }
        if (start > from && splitAtArrow(s, start, end, firstEquals, false, out)) {
            return; // "(127.0.0.1:1->127.0.0.1:2)"
        }
        if (end - start == 2 && s.charAt(start) == ':' && s.charAt(start + 1) == ':') {
            out.add(Placeholder.IP, space); // IPv6's unspecified address, "on ::" (a listener on every address)
            return;
        }
        // trailing punctuation, innermost last: "state:", "done.", "[preauth]", "(uid=0)"
        int coreEnd = end;
        while (coreEnd - start > 1) {
            char c = s.charAt(coreEnd - 1);
            if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.'
                    || (c == '"' || c == '\'') && !closesOwnQuote(s, start, coreEnd - 1)
                    || isCloser(c) && lastIndexOf(s, openerOf(c), coreEnd - 2, start) < 0) {
                coreEnd--;
            } else {
                break;
            }
        }
        int eq = firstEquals > start && firstEquals < coreEnd ? firstEquals : -1;
        if (eq < 0 && macAddressEnd(s, start, coreEnd) != coreEnd) { // "aa:bb:cc:dd:ee:ff" keys nothing
            eq = keyColon(s, start, coreEnd); // "action:android.intent.SCREEN_ON", "onExtend:1514038530000"
        }
        int bracket = eq < 0 ? bracketedValue(s, start, coreEnd) : -1;
        if (eq > 0 && isKey(s, start, eq)) {
            out.add(s.substring(start, eq + 1), space);
            if (eq + 1 < coreEnd) {
                String typed = isTime(s, eq + 1, coreEnd) ? Placeholder.TIME : classify(s, eq + 1, coreEnd);
                out.add(typed != null ? typed : s.substring(eq + 1, coreEnd), false);
            }
        } else if (bracket > 0) { // "taskID[2019352994]": the name stays, the value is masked
            out.add(s.substring(start, bracket + 1), space);
            String typed = classify(s, bracket + 1, coreEnd - 1);
            out.add(typed != null ? typed : s.substring(bracket + 1, coreEnd - 1), false);
            out.add(oneChar(s.charAt(coreEnd - 1)), false);
        } else {
            String typed = classify(s, start, coreEnd);
            out.add(typed != null ? typed : s.substring(start, coreEnd), space);
        }
        addTrailing(s, coreEnd, end, false, out);
    }

    /**
     * Reads a word that joins two addresses by an arrow ({@link #arrowAfterAddress}) as the two and the arrow between
     * them, Go's {@code read tcp 127.0.0.1:2379->127.0.0.1:58126: ...}; false, adding nothing, for any other word.
     */
    private boolean splitAtArrow(String s, int from, int end, int firstEquals, boolean space, Tokens out) {
        int arrow = arrowAfterAddress(s, from, end);
        if (arrow < 0) {
            return false;
        }
        chunk(s, from, arrow, -1, space, out);
        out.add("-", false);
        out.add(">", false);
        chunk(s, arrow + 2, end, firstEquals > arrow ? firstEquals : -1, false, out);
        return true;
    }

    /**
     * Where the arrow is in a word that joins two addresses by one, as Go writes a connection's ends in its network
     * errors ({@code 127.0.0.1:2379->127.0.0.1:58126}, {@code [::1]:5432->[::1]:40000}), or -1: what comes before
     * the arrow an address (and port), what follows it opening with a digit or a bracket.
     */
    private int arrowAfterAddress(String s, int from, int end) {
        int arrow = indexOf(s, '>', from + 2, end - 1) - 1;
        if (arrow <= from || s.charAt(arrow) != '-') {
            return -1;
        }
        char next = s.charAt(arrow + 2);
        if (!Character.isDigit(next) && next != '[') {
            return -1;
        }
        String typed = s.charAt(from) == '[' ? (bracketedHostPort(s, from, arrow) == arrow ? Placeholder.IP_PORT : null)
                : classify(s, from, arrow);
        return Placeholder.IP_PORT.equals(typed) || Placeholder.IP.equals(typed) ? arrow : -1;
    }

    /**
     * Where an address in brackets and its port ({@code [::]:22000}, {@code [::1]:25}, {@code [127.0.0.1]:25}, as Go
     * and exim write a listener or a peer) opening at {@code from} ends, or -1: the address an IPv4 or IPv6 one, the
     * port digits up to a character that is no letter or digit.
     */
    private int bracketedHostPort(String s, int from, int end) {
        int close = indexOf(s, ']', from + 1, end);
        if (close < from + 3 || close + 2 >= end || s.charAt(close + 1) != ':') {
            return -1;
        }
        int port = close + 2;
        int i = port;
        while (i < end && i - port < 6 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == port || i < end && Character.isLetterOrDigit(s.charAt(i))) {
            return -1;
        }
        return Placeholder.IP.equals(classify(s, from + 1, close)) ? i : -1;
    }

    /**
     * Where the bracket that opens a word at {@code from} closes when a value is glued after it ({@code
     * [AF_INET]127.0.0.1:1194}), or -1: a bracket that closes at the word's end or not at all, or holds anything but
     * letters, digits and {@code _.-} (a value or another tag follows).
     */
    private static int bracketedTagEnd(String s, int from, int end) {
        int i = from + 1;
        while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                || s.charAt(i) == '-')) {
            i++;
        }
        return i > from + 1 && i < end - 1 && s.charAt(i) == ']'
                && (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '[')
                ? i : -1;
    }

    /**
     * {@code <1}, {@code <=5}, {@code >10}: a bound on a number, one value, when no {@code >} follows anywhere in the
     * body (found once per body: searching on from every bound made a long line of them quadratic).
     */
    private boolean isBound(String s, int from, int end) {
        int i = from;
        if (i < end && (s.charAt(i) == '<' || s.charAt(i) == '>')) {
            i++;
        }
        if (i < end && s.charAt(i) == '=') {
            i++;
        }
        if (!(i > from && i < end && Character.isDigit(s.charAt(i)))) {
            return false;
        }
        if (lastCloseAngle == NOT_LOOKED) {
            lastCloseAngle = s.lastIndexOf('>', bodyEnd - 1);
        }
        return lastCloseAngle < i;
    }

    /**
     * Where the colon of a glued {@code key:value} is ({@code onExtend:1514038530000}), or -1: a key of letters
     * (two or more, digits and {@code _-.} allowed after), a value that is not a path, URL or drive.
     */
    private static int keyColon(String s, int from, int end) {
        int colon = indexOf(s, ':', from, end);
        if (colon < from + 2 || colon + 1 >= end || !Character.isLetter(s.charAt(from))) {
            return -1;
        }
        char next = s.charAt(colon + 1);
        if (next == '/' || next == '\\' || next == ':' || !isKey(s, from, colon)
                || indexOf(s, '.', from, colon) > 0 && allDigits(s, colon + 1, end)) {
            return -1; // a path, a URL, a drive, or host:port
        }
        for (int i = from; i < colon; i++) {
            if (Character.isLetter(s.charAt(i))) {
                return colon;
            }
        }
        return -1;
    }

    private static boolean allDigits(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return from < end;
    }

    /** {@code name[123]}, {@code name(0x1f)}: where the bracket opens when it holds a value with digits, else -1. */
    private static int bracketedValue(String s, int from, int end) {
        char close = s.charAt(end - 1);
        if (close != ']' && close != ')' || end - from < 4) {
            return -1;
        }
        int open = lastIndexOf(s, openerOf(close), end - 2, from + 1);
        if (open <= from || !Character.isLetter(s.charAt(from)) || open + 1 >= end - 1) {
            return -1;
        }
        for (int i = from; i < open; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return -1;
            }
        }
        for (int i = open + 1; i < end - 1; i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                return open;
            }
            if (isOpener(c) || isCloser(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A key's value that is a written time, whole: logfmt's {@code timestamp=2026-12-03T20:27:18.905633Z} (structlog);
     * a number stays a number ({@code onExtend:1514038530000}), though it may count milliseconds.
     */
    private boolean isTime(String s, int from, int end) {
        if (end - from < 8 || !Timestamps.mayStartAt(s, from) || isNumberLike(s, from, end)) {
            return false;
        }
        Timestamps.Match time = timestamps.match(s, from, end);
        return time != null && time.end() == end;
    }

    /** The placeholder for a variable token, or null when it is a word. */
    String classify(String s, int from, int end) {
        if (from >= end) {
            return null;
        }
        if (isBound(s, from, end) && isNumberLike(s, from + (s.charAt(from + 1) == '=' ? 2 : 1), end)) {
            return Placeholder.NUM;
        }
        int len = end - from;
        int digits = 0;
        int hexLetters = 0;
        int letters = 0;
        int dots = 0;
        int colons = 0;
        int dashes = 0;
        int at = -1;
        int percent = -1;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                hexLetters++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            } else if (c == '.') {
                dots++;
            } else if (c == ':') {
                colons++;
            } else if (c == '-') {
                dashes++;
            } else if (c == '@') {
                at = i;
            } else if (c == '%' && percent < 0) {
                percent = i;
            }
        }
        if (percent > from && colons >= 2 && isZone(s, percent + 1, end)
                && Placeholder.IP.equals(classify(s, from, percent))) {
            return Placeholder.IP; // an IPv6 address and its zone, a link-local one's interface ("fe80::1%eth0")
        }
        char first = s.charAt(from);
        if (colons > 0 && hasScheme(s, from, end)) {
            return Placeholder.URL;
        }
        if (at > from && digits + letters > 3 && indexOf(s, '/', from, at) < 0 && isDomain(s, at + 1, end)) {
            return Placeholder.EMAIL; // a path's file may hold an at sign: RabbitMQ's "/var/.../rabbit@host.pid"
        }
        int ipFrom = first == '/' ? from + 1 : from;
        String ip = ipv4(s, ipFrom, end);
        if (ip != null) {
            return ip;
        }
        // a comment's opening is no root's ("/*SQL */CREATE TABLE ...", "/**/stat0.execute(...)" in H2's trace)
        boolean comment = len > 1 && first == '/' && s.charAt(from + 1) == '*';
        if (first == '/' && !comment && (len > 1 || HeaderLayout.followsMethod(s, from))
                || first == '~' && len > 1 && s.charAt(from + 1) == '/'
                || first == '.' && len > 2 && (s.charAt(from + 1) == '/' || s.startsWith("./", from + 1))
                || len > 2 && Character.isLetter(first) && s.charAt(from + 1) == ':' && s.charAt(from + 2) == '\\') {
            return Placeholder.PATH;
        }
        if (macAddressEnd(s, from, end) == end) {
            return Placeholder.HEX; // a hardware address, written as its digits fall: "02:00:00:aa:bb:cc"
        }
        if (digits == 0) {
            if (isIpv6(s, from, end, colons, letters == hexLetters && letters + colons + dots == len)) {
                return Placeholder.IP; // "fe80::1"
            }
            return null;
        }
        if (len == 36 && dashes == 4 && hexLetters == letters && s.charAt(from + 8) == '-'
                && s.charAt(from + 13) == '-' && s.charAt(from + 18) == '-' && s.charAt(from + 23) == '-') {
            return Placeholder.UUID;
        }
        if (isNumberLike(s, from, end)) {
            return Placeholder.NUM;
        }
        if (len > 2 && first == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')
                && hexLetters == letters - 1 && digits + letters == len) {
            return Placeholder.HEX;
        }
        if (len >= 8 && hexLetters == letters && digits + letters == len) {
            return Placeholder.HEX;
        }
        if (isIpv6(s, from, end, colons, hexLetters == letters && letters + digits + colons + dots == len)) {
            return Placeholder.IP; // IPv6
        }
        String unit = unitOf(s, from, end);
        if (unit != null) {
            return unit;
        }
        return digits <= 2 && isConstantName(s, from, end) ? null : Placeholder.ANY;
    }

    /**
     * A name a program writes the same every time, though it holds a digit or two: a message identifier in capitals
     * joined by underscores ({@code DHCP4_LEASE_ADVERT}, ISC Kea's; {@code HTTP2_PROTOCOL_ERROR}), each part opening
     * with a letter, or a protocol and its version ({@code DHCPv4}, {@code IPv6}, {@code TLSv1.3}).
     */
    private static boolean isConstantName(String s, int from, int end) {
        int v = from;
        while (v < end && s.charAt(v) >= 'A' && s.charAt(v) <= 'Z') {
            v++;
        }
        if (v - from >= 2 && v + 1 < end && s.charAt(v) == 'v' && Character.isDigit(s.charAt(v + 1))
                && isNumberLike(s, v + 1, end)) {
            return true; // "IPv4", "TLSv1.3"
        }
        boolean parted = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            boolean opensPart = i == from || s.charAt(i - 1) == '_';
            if (c == '_' && i > from && i + 1 < end) {
                parted = true;
            } else if (!(c >= 'A' && c <= 'Z' || !opensPart && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return parted;
    }

    /** The most characters of an IPv6 address's zone ({@link #isZone}), an interface's name or index. */
    private static final int MAX_ZONE = 16;

    /** Whether an IPv6 address's zone stands from {@code from} to {@code end}: letters, digits, {@code .-_}. */
    private static boolean isZone(String s, int from, int end) {
        return from < end && end - from <= MAX_ZONE && isNameChars(s, from, end);
    }

    /** The groups of a MAC address: six of two hex digits (EUI-48), eight for EUI-64. */
    private static final int MAC_GROUPS = 6;
    private static final int EUI64_GROUPS = 8;

    /**
     * Where the MAC address at {@code from} ends, when one is there (and no hex digit or separator runs on after it),
     * else -1: six or eight groups of two hex digits parted by colons or by dashes, one kind in one address ({@code
     * 02:00:00:aa:bb:cc}, {@code 08-00-27-AA-BB-CC}). Its first groups may read as a time of day ({@code 02:00:00}),
     * and one of letters alone as a word: each is the same hardware address, one placeholder ({@link #classify}).
     */
    static int macAddressEnd(String s, int from, int n) {
        int groups = 0;
        int end = from;
        char separator = 0;
        for (int i = from; groups < EUI64_GROUPS && i + 2 <= n && isHexDigit(s.charAt(i))
                && isHexDigit(s.charAt(i + 1)); i = end + 1) {
            groups++;
            end = i + 2;
            char c = end < n ? s.charAt(end) : ' ';
            if (c != ':' && c != '-' || separator != 0 && c != separator) {
                break;
            }
            separator = c;
        }
        boolean runsOn = end < n && (isHexDigit(s.charAt(end))
                || s.charAt(end) == separator && end + 1 < n && isHexDigit(s.charAt(end + 1)));
        return (groups == MAC_GROUPS || groups == EUI64_GROUPS) && !runsOn ? end : -1;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Hex groups and colons, compressed ({@code ::}) or full: not a time of day, which has two colons. */
    private static boolean isIpv6(String s, int from, int end, int colons, boolean onlyHexColonsDots) {
        return onlyHexColonsDots && colons >= 2 && (colons >= 5 || hasDoubleColon(s, from, end));
    }

    /**
     * Whether a {@code ::} starts in the chunk: searched from the chunk's start to its end only (a time like 12:34:56
     * must not scan the rest of the line), as the first {@code ::} from the chunk's start found before its end.
     */
    private static boolean hasDoubleColon(String s, int from, int end) {
        for (int i = from; i < end && i + 1 < s.length(); i++) {
            if (s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a time that opens a key's value at {@code from} ends when it runs past the token's {@code end} over spaces
     * (Java's {@code Date.toString()}, {@code Sun Dec 06 07:51:29 UTC 2026}, in a record's {@code toString()}; a date
     * and its time, {@code 2026-12-06 07:51:29}), or -1: a time within the token is classified as any value is.
     */
    private int timeOverSpaces(String s, int from, int end, int n) {
        if (from >= end || !Timestamps.mayStartAt(s, from)) {
            return -1;
        }
        Timestamps.Match time = timestamps.match(s, from, n);
        return time != null && time.end() > end ? time.end() : -1;
    }

    /**
     * Whether {@code s[from..end)}, read as an epoch's count of seconds or milliseconds, is digits alone whose value is
     * a power of two or one less: a size or a limit ({@code 1073741824} bytes, {@code 2147483647}), not a time. The
     * same message prints such a value and others of nine digits, masked as numbers: it keeps one template.
     */
    static boolean isSizeOrLimit(CharSequence s, int from, int end) {
        long value = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || i - from >= 18) {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return Long.bitCount(value) == 1 || Long.bitCount(value + 1) == 1;
    }

    /**
     * Whether {@code s[from..end)}, opened by a bracket, is digits alone that the bracket closes on: an id in brackets
     * ({@code [2123336406]}, V2Ray's session's), not an epoch's seconds, though its value falls in an epoch's years.
     * Random ids fall in those years or not: read so, the same message made two templates, one with a time.
     */
    static boolean isBracketedId(CharSequence s, int from, int end) {
        if (end >= s.length() || s.charAt(end) != (s.charAt(from - 1) == '[' ? ']' : ')')) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 12}, {@code -3.5}, {@code 1,024}, {@code +7}, {@code 1e-3}. */
    static boolean isNumberLike(String s, int from, int end) {
        int i = from;
        if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        if (i >= end || !Character.isDigit(s.charAt(i))) {
            return false;
        }
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || (c == '.' || c == ',') && i + 1 < end && Character.isDigit(s.charAt(i + 1))
                    || (c == 'e' || c == 'E') && i + 1 < end && i > from
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '-'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code from..end} is a mail domain: labels of letters, digits and dashes, dotted, the last of two letters
     * or more ({@code example.co.uk}); closing punctuation after it is left out. Not a Java object's identity with
     * what follows it ({@code ServerConnector@5419f379{HTTP/1.1,}).
     */
    private static boolean isDomain(String s, int from, int end) {
        while (end > from && ">)];:,'\"".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        int lastDot = -1;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == from || s.charAt(i - 1) == '.') {
                    return false;
                }
                lastDot = i;
            } else if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        if (lastDot < 0 || end - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < end; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code 10.0.0.1} is an address; {@code 10.0.0.1:53} an address and its port, as are BIND's {@code 10.0.0.1#53}
     * and Knot's, NSD's and Unbound's {@code 10.0.0.1@53}; null for anything else.
     */
    private static String ipv4(String s, int from, int end) {
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int value = 0;
            while (i < end && i - start < 3 && Character.isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return null;
            }
            parts++;
            if (parts < 4) {
                if (i >= end || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        if (i == end) {
            return Placeholder.IP;
        }
        char beforePort = s.charAt(i);
        if ((beforePort == ':' || beforePort == '#' || beforePort == '@') && i + 1 < end) {
            for (int k = i + 1; k < end; k++) {
                if (!Character.isDigit(s.charAt(k))) {
                    return null;
                }
            }
            return Placeholder.IP_PORT;
        }
        return null;
    }

    /** {@code 250ms}, {@code 1.5s}, {@code 3m20s} are durations; {@code 64MB}, {@code 4KiB}, {@code 10k} sizes. */
    private static String unitOf(String s, int from, int end) {
        int i = from;
        boolean sawUnit = false;
        String kind = null;
        while (i < end) {
            int numStart = i;
            while (i < end && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == numStart) {
                return null;
            }
            int unitStart = i;
            while (i < end && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == unitStart || i - unitStart > LONGEST_UNIT) {
                return null; // no unit, or a word longer than any unit: no string made to find that out
            }
            String k = unitKind(s.substring(unitStart, i));
            if (k == null || kind != null && !kind.equals(k)) {
                return null;
            }
            kind = k;
            sawUnit = true;
        }
        return sawUnit ? kind : null;
    }

    /** The length of the longest unit {@link #unitKind} knows ({@code bytes}). */
    private static final int LONGEST_UNIT = 5;

    private static String unitKind(String unit) {
        return switch (unit) {
            case "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs", "d" ->
                    Placeholder.DURATION;
            case "b", "B", "k", "K", "kb", "KB", "kB", "KiB", "M", "mb", "MB", "MiB", "G", "gb", "GB", "GiB", "T",
                    "TB", "TiB", "bytes" -> Placeholder.SIZE;
            default -> null;
        };
    }

    private static boolean isKey(String s, int from, int eq) {
        return Character.isLetter(s.charAt(from)) && isNameChars(s, from, eq);
    }

    /** Whether {@code s[from, to)} holds letters, digits, {@code _}, {@code -} and {@code .} alone: a key, a zone. */
    private static boolean isNameChars(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Where the quote of {@code key="value} starts in a chunk, or -1. */
    private static int quotedValueStart(String s, int from, int eq, int end) {
        if (eq + 1 >= end || !isKey(s, from, eq)) {
            return -1;
        }
        char q = s.charAt(eq + 1);
        return q == '"' || q == '\'' ? eq + 1 : -1;
    }

    private static int closingQuote(String s, int open, char quote, int end) {
        int limit = Math.min(end, open + MAX_QUOTED);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote && (i + 1 == end || !Character.isLetterOrDigit(s.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** Every ASCII character as a string of its own, made once: punctuation split off a word is most tokens' company. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    private static String oneChar(char c) {
        return c < ONE_CHAR.length ? ONE_CHAR[c] : String.valueOf(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isOpener(char c) {
        return c == '(' || c == '[' || c == '{' || c == '<';
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '}' || c == '>';
    }

    private static char openerOf(char close) {
        return switch (close) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> '<';
        };
    }

    /**
     * Whether the quote at {@code close} closes one opened in {@code s[from..close)}: Monolog's context
     * ({@code {"order_id":1000,"user":"alice"}}) ends with its last string's quote, which stays with the object so the
     * context reads the same whichever type its last value has.
     */
    private static boolean closesOwnQuote(String s, int from, int close) {
        char q = s.charAt(close);
        int count = 0;
        for (int i = from; i < close; i++) {
            if (s.charAt(i) == q) {
                count++;
            }
        }
        return count % 2 == 1;
    }

    /** The first {@code c} in {@code s[from..end)}, or -1: a search that stops where the token does. */
    static int indexOf(String s, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code c} in {@code s[atLeast..from]}, or -1: not back to the line's start, as lastIndexOf would. */
    static int lastIndexOf(String s, char c, int from, int atLeast) {
        for (int i = Math.min(from, s.length() - 1); i >= atLeast; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
