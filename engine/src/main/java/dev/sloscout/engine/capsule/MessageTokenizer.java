package dev.sloscout.engine.capsule;

/**
 * Splits a message body into tokens and masks the variable ones with typed placeholders, in one hand-written pass
 * over the characters (no regular expressions).
 *
 * <p>Whitespace separates tokens; brackets, quotes and trailing punctuation glued to a word are split off it
 * ({@code [10.0.0.1]} is three tokens, {@code done.} two); {@code key=value} gives the token {@code key=} and a
 * masked value. A quoted string becomes {@code "<STR>"} (the quotes are tokens of their own). Anything else with a digit in it is a variable
 * ({@code blk_-1608999687919862906}, {@code appattempt_1445_0020}), unless it is one of the typed forms.
 */
public final class MessageTokenizer {
    private static final int MAX_QUOTED = 512;

    private final Timestamps timestamps = new Timestamps(2000);

    /** Tokenizes {@code body[from..)} into {@code out} (cleared first). */
    public void tokenize(String body, int from, Tokens out) {
        out.clear();
        int n = body.length();
        int i = from;
        boolean space = false;
        while (i < n) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
                i++;
                continue;
            }
            if ((c == '"' || c == '\'') && (i == from || space)) {
                int close = closingQuote(body, i, c);
                if (close > 0) {
                    addQuoted(c, space, out);
                    i = close + 1;
                    space = false;
                    continue;
                }
            }
            if (Timestamps.mayStartAt(body, i)) {
                Timestamps.Match time = timestamps.match(body, i, n);
                if (time != null && time.end() - i >= 8) {
                    out.add(Placeholder.TIME, space);
                    i = time.end();
                    space = false;
                    continue;
                }
            }
            int end = i;
            int eq = -1;
            while (end < n && !isSpace(body.charAt(end))) {
                if (eq < 0 && body.charAt(end) == '=' && end > i) {
                    eq = end;
                }
                end++;
            }
            int quotedValue = eq < 0 ? -1 : quotedValueStart(body, i, eq, end);
            if (quotedValue > 0) {
                int close = closingQuote(body, quotedValue, body.charAt(quotedValue));
                if (close > 0) { // q="wireless headphones": the value may hold spaces
                    out.add(body.substring(i, quotedValue), space);
                    addQuoted(body.charAt(quotedValue), false, out);
                    i = close + 1;
                    space = false;
                    continue;
                }
            }
            chunk(body, i, end, eq, space, out);
            space = false;
            i = end;
        }
    }

    /** A quoted string: the quotes stay, what is between them is {@code <STR>}. */
    private static void addQuoted(char quote, boolean space, Tokens out) {
        String q = String.valueOf(quote);
        out.add(q, space);
        out.add(Placeholder.STR, false);
        out.add(q, false);
    }

    private static void chunk(String s, int from, int end, int firstEquals, boolean space, Tokens out) {
        int start = from;
        // openers glued to the front: "(uid=0)", "[preauth]"
        while (end - start > 1 && isOpener(s.charAt(start))) {
            out.add(String.valueOf(s.charAt(start)), space);
            space = false;
            start++;
        }
        // trailing punctuation, innermost last: "state:", "done.", "[preauth]", "(uid=0)"
        int coreEnd = end;
        while (coreEnd - start > 1) {
            char c = s.charAt(coreEnd - 1);
            if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\''
                    || c == '.' && !(coreEnd - start > 2 && isNumberLike(s, start, coreEnd - 1))
                    || isCloser(c) && s.lastIndexOf(openerOf(c), coreEnd - 2) < start) {
                coreEnd--;
            } else {
                break;
            }
        }
        int eq = firstEquals > start && firstEquals < coreEnd ? firstEquals : -1;
        if (eq > 0 && isKey(s, start, eq)) {
            out.add(s.substring(start, eq + 1), space);
            if (eq + 1 < coreEnd) {
                String typed = classify(s, eq + 1, coreEnd);
                out.add(typed != null ? typed : s.substring(eq + 1, coreEnd), false);
            }
        } else {
            String typed = classify(s, start, coreEnd);
            out.add(typed != null ? typed : s.substring(start, coreEnd), space);
        }
        // the punctuation peeled off the end, in order ("...", "]:", ").")
        int p = coreEnd;
        while (p < end) {
            int q = p + 1;
            if (s.charAt(p) == '.') {
                while (q < end && s.charAt(q) == '.') {
                    q++;
                }
            }
            out.add(s.substring(p, q), false);
            p = q;
        }
    }

    /** The placeholder for a variable token, or null when it is a word. */
    static String classify(String s, int from, int end) {
        if (from >= end) {
            return null;
        }
        int len = end - from;
        int digits = 0;
        int hexLetters = 0;
        int letters = 0;
        int dots = 0;
        int colons = 0;
        int dashes = 0;
        int slashes = 0;
        int at = -1;
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
            } else if (c == '/' || c == '\\') {
                slashes++;
            } else if (c == '@') {
                at = i;
            }
        }
        char first = s.charAt(from);
        if (colons > 0 && s.startsWith("://", indexOf(s, ':', from, end))) {
            return Placeholder.URL;
        }
        if (at > from && indexOf(s, '.', at, end) > at + 1 && digits + letters > 3) {
            return Placeholder.EMAIL;
        }
        int ipFrom = first == '/' ? from + 1 : from;
        String ip = ipv4(s, ipFrom, end);
        if (ip != null) {
            return ip;
        }
        if (first == '/' && len > 1 || first == '~' && len > 1 && s.charAt(from + 1) == '/'
                || first == '.' && len > 2 && (s.charAt(from + 1) == '/' || s.startsWith("./", from + 1))
                || len > 2 && Character.isLetter(first) && s.charAt(from + 1) == ':' && s.charAt(from + 2) == '\\') {
            return Placeholder.PATH;
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
        return Placeholder.ANY;
    }

    /** Hex groups and colons, compressed ({@code ::}) or full: not a time of day, which has two colons. */
    private static boolean isIpv6(String s, int from, int end, int colons, boolean onlyHexColonsDots) {
        return onlyHexColonsDots && colons >= 2 && (colons >= 5 || s.indexOf("::", from) >= 0
                && s.indexOf("::", from) < end);
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
        if (s.charAt(i) == ':' && i + 1 < end) {
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
        boolean duration = true;
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
            String unit = s.substring(unitStart, i);
            String k = unitKind(unit);
            if (k == null || kind != null && !kind.equals(k)) {
                return null;
            }
            kind = k;
            sawUnit = true;
            duration &= k == Placeholder.DURATION;
        }
        return sawUnit ? kind : null;
    }

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
        if (!Character.isLetter(s.charAt(from))) {
            return false;
        }
        for (int i = from; i < eq; i++) {
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

    private static int closingQuote(String s, int open, char quote) {
        int limit = Math.min(s.length(), open + MAX_QUOTED);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
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

    private static int indexOf(String s, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
