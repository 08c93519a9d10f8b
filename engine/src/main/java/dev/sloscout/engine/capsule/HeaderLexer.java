package dev.sloscout.engine.capsule;

import dev.sloscout.engine.capsule.HeaderToken.Delimiter;
import dev.sloscout.engine.capsule.HeaderToken.Kind;
import java.util.Locale;

/**
 * Cuts the start of a log line into fields and says what each looks like, without deciding which are header: that
 * is the {@link HeaderLayout}'s job, from many lines. Timestamps are one field however many words they take, brackets
 * one field whatever they hold, and a few conventions are read as their loggers write them: glog's {@code I0102},
 * Python's {@code WARNING:root:}, logfmt's {@code time=... level=...}, logcat's padded {@code tag     :}.
 */
final class HeaderLexer {
    /** Fields start within this many characters of the line start; beyond it everything is message. */
    static final int REACH = 400;
    private static final int MAX_BRACKET = 256;

    private final Timestamps timestamps;

    HeaderLexer(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /**
     * The field at {@code pos}, or null at the end of the line or past {@link #REACH}.
     *
     * @param previous the field before it on this line (null for the first), for the conventions that depend on it
     */
    HeaderToken next(String line, int pos, HeaderToken previous) {
        int n = line.length();
        if (pos >= n || pos > REACH) {
            return null;
        }
        char c = line.charAt(pos);
        HeaderToken glog = glog(line, pos);
        if (glog != null) {
            return glog;
        }
        Timestamps.Match ts = timestamps.match(line, pos, n);
        if (ts != null) {
            int end = ts.end();
            int micros = microsecondsEnd(line, end);
            if (micros > 0) { // OpenVPN's "2026-12-04 09:58:47 us=470645 ...", at verbosity 4 and above
                long millis = ts.epochMillis() == Long.MIN_VALUE ? Long.MIN_VALUE
                        : ts.epochMillis() + Long.parseLong(line, end + 4, micros, 10) / 1000;
                return finish(line, Kind.TIME, pos, micros, millis, null, null, true);
            }
            return finish(line, Kind.TIME, pos, end, ts.epochMillis(), null, null, true);
        }
        HeaderToken zabbix = c >= '0' && c <= '9' ? zabbixTime(line, pos) : null;
        if (zabbix != null) {
            return zabbix;
        }
        HeaderToken prefixed = previous == null && Character.isLetter(c) ? prefixedDate(line, pos) : null;
        if (prefixed != null) {
            return prefixed;
        }
        HeaderToken localized = previous == null && Character.isLetterOrDigit(c) ? localizedDate(line, pos) : null;
        if (localized != null) {
            return localized;
        }
        if (c == '[' || c == '(' || c == '<') {
            int close = closing(line, pos);
            if (close > 0) {
                return close < n && line.charAt(close) == '[' ? markedOrBracket(line, pos, close)
                        : bracket(line, pos, close);
            }
        }
        return word(line, pos, previous);
    }

    /**
     * Akka's and Pekko's marker, a bracket glued to the bracket of the time on some lines only ({@code [INFO]
     * [pekkoDeadLetter][12/04/2026 13:03:45.138] [thread] [source] ...}): the two brackets one field, the time's, so
     * the line keeps the layout the others have; the first bracket alone when it holds more than a name or the second
     * no time (a bracket glued to a bracket, {@code [a][b]}).
     */
    private HeaderToken markedOrBracket(String line, int pos, int close) {
        boolean name = line.charAt(pos) == '[' && close - pos > 2; // "[][12/04/2026 ...]": no marker
        for (int i = pos + 1; name && i < close - 1; i++) {
            char c = line.charAt(i);
            name = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
        }
        int timeClose = name ? closing(line, close) : -1;
        HeaderToken time = timeClose > 0 ? bracket(line, close, timeClose) : null;
        return time == null || time.epochMillis == LogHeader.NO_TIME ? bracket(line, pos, close)
                : new HeaderToken(time.kind, pos, time.end, time.next, time.delimiter, time.epochMillis,
                        time.severity, time.component);
    }

    /** Column {@code pos..} of a line whose fields are separated by {@code delimiter} (a pipe or a tab). */
    HeaderToken column(String line, int pos, char delimiter) {
        int n = line.length();
        if (pos >= n || pos > REACH) {
            return null;
        }
        int end = line.indexOf(delimiter, pos);
        if (end < 0) {
            end = n;
        }
        int from = pos;
        int to = end;
        while (from < to && line.charAt(from) == ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ') {
            to--;
        }
        int next = end < n ? end + 1 : n;
        Delimiter d = end < n ? (delimiter == '|' ? Delimiter.PIPE : Delimiter.TAB) : Delimiter.END;
        if (from == to) {
            return new HeaderToken(Kind.SEPARATOR, from, to, next, d, LogHeader.NO_TIME, null, null);
        }
        Timestamps.Match ts = timestamps.match(line, from, to);
        if (ts != null && ts.end() == to) {
            return new HeaderToken(Kind.TIME, from, to, next, d, ts.epochMillis(), null, null);
        }
        char c = line.charAt(from);
        if ((c == '[' || c == '(' || c == '<') && closing(line, from) == to) {
            HeaderToken b = bracket(line, from, to);
            return new HeaderToken(Kind.BRACKET, from, to, next, d, b.epochMillis, b.severity, null);
        }
        if (indexOfSpace(line, from, to) >= 0) {
            return new HeaderToken(Kind.WORD, from, to, next, d, LogHeader.NO_TIME, null, null); // free text
        }
        Severity level = Severity.fromWord(line, from, to);
        if (level != null) {
            return new HeaderToken(Kind.LEVEL, from, to, next, d, LogHeader.NO_TIME, level, null);
        }
        Kind kind = allDigits(line, from, to) ? Kind.NUMBER : isPunctuation(line, from, to) ? Kind.SEPARATOR
                : Kind.WORD;
        String component = kind == Kind.WORD ? componentName(line, from, to) : null;
        return new HeaderToken(kind, from, to, next, d, LogHeader.NO_TIME, null, component);
    }

    /**
     * True when the column at {@code pos} holds more than one word: free text, the message. A space in a title in
     * brackets is a name's ({@link #titleEnd}).
     */
    static boolean isFreeText(String line, HeaderToken column) {
        if (column.kind != Kind.WORD) {
            return false;
        }
        int depth = 0;
        for (int i = column.start; i < column.end; i++) {
            char c = line.charAt(i);
            depth = titleDepth(c, depth);
            if ((c == ' ' || c == '\t') && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static final String OTP_REPORT = " REPORT====";

    /**
     * The kind of report that opens OTP's legacy header ({@code =ERROR REPORT==== 3-Dec-2026::15:06:08.309562 ===},
     * Erlang/OTP's default), as a level: a crash or supervisor report is an error, a progress report information;
     * null when the line does not open so.
     */
    private HeaderToken otpReport(String line, int pos) {
        int end = pos + 1;
        while (end < line.length() && line.charAt(end) >= 'A' && line.charAt(end) <= 'Z') {
            end++;
        }
        if (!line.startsWith(OTP_REPORT, end)) {
            return null;
        }
        Severity level = switch (line.substring(pos + 1, end)) {
            case "CRASH", "SUPERVISOR" -> Severity.ERROR;
            case "PROGRESS" -> Severity.INFO;
            default -> Severity.fromWord(line, pos + 1, end);
        };
        return level == null ? null
                : finish(line, Kind.LEVEL, pos, end + OTP_REPORT.length(), LogHeader.NO_TIME, level, null, false);
    }

    /** glog and klog: {@code I0102 15:04:05.123456} is a level letter glued to the month and day. */
    private HeaderToken glog(String line, int pos) {
        int n = line.length();
        if (pos + 6 >= n || "IWEFD".indexOf(line.charAt(pos)) < 0 || line.charAt(pos + 5) != ' ') {
            return null;
        }
        for (int i = pos + 1; i < pos + 5; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return null;
            }
        }
        int month = twoDigits(line, pos + 1);
        int day = twoDigits(line, pos + 3);
        Timestamps.Match time = timestamps.timeOfDay(line, pos + 6, n);
        if (time == null || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        long millis = timestamps.onDay(month, day, time.epochMillis());
        return finish(line, Kind.TIME, pos, time.end(), millis, Severity.fromLetter(line.charAt(pos)), null, false);
    }

    /**
     * A level's letter alone in brackets, glued to the bracket after it, as PipeWire writes each line ({@code
     * [E][12318.485570] mod.portal | [module-portal.c: 346 pipewire__module_init()] ...}): trace, verbose, debug,
     * information, warning, error or fatal; null for another letter.
     */
    private static Severity levelLetterBeforeBracket(char letter) {
        return letter == 'T' ? Severity.TRACE : "VDIWEF".indexOf(letter) >= 0 ? Severity.fromLetter(letter) : null;
    }

    /**
     * The time the bracket opening at {@code open} holds ({@code [04/Dec/2026:20:44:58 +0000]}, wherever in the line
     * it stands), or {@link LogHeader#NO_TIME}.
     */
    long bracketTime(String line, int open) {
        int close = closing(line, open);
        return close > 0 ? bracket(line, open, close).epochMillis : LogHeader.NO_TIME;
    }

    private HeaderToken bracket(String line, int pos, int close) {
        if (pos == 0 && line.charAt(0) == '<') {
            Severity priority = syslogPriority(line, close);
            if (priority != null) {
                return finish(line, Kind.BRACKET, pos, close, LogHeader.NO_TIME, priority, null, false);
            }
        }
        int innerFrom = pos + 1;
        int innerTo = close - 1;
        while (innerFrom < innerTo && line.charAt(innerFrom) == ' ') {
            innerFrom++;
        }
        long time = LogHeader.NO_TIME;
        int scanFrom = innerFrom;
        Severity letter = innerFrom + 2 < innerTo && line.charAt(innerFrom + 1) == ' '
                ? Severity.fromLetter(line.charAt(innerFrom)) : null; // Tornado's "[I 261203 17:48:34 web:2293]"
        Timestamps.Match ts = timestamps.match(line, letter != null ? innerFrom + 2 : innerFrom, innerTo);
        if (ts == null && letter != null) {
            letter = null;
            ts = timestamps.match(line, innerFrom, innerTo);
        }
        Severity debugLevel = null;
        if (ts == null && line.charAt(pos) == '[') {
            time = chromiumTime(line, innerFrom, innerTo);
        }
        if (ts != null) {
            time = ts.epochMillis();
            scanFrom = ts.end();
            debugLevel = sambaLevel(line, scanFrom, innerTo);
        }
        if (debugLevel == null && ts == null && line.charAt(pos) == '(') {
            // X.Org's pair of letters; a letter alone opening the line is the level's, as qBittorrent writes its log
            // ("(W) 2026-12-06T18:42:05 - Couldn't load ...": N, normal, information; C, critical, an error)
            debugLevel = innerTo - innerFrom == 2 ? xorgMarker(line.charAt(innerFrom), line.charAt(innerFrom + 1))
                    : innerTo - innerFrom == 1 && pos == 0 ? Severity.fromLetter(line.charAt(innerFrom))
                    : sssdLevel(line, innerFrom, innerTo);
        }
        if (debugLevel == null && ts == null && line.charAt(pos) == '<') {
            debugLevel = birdClass(line, innerFrom, innerTo);
        }
        if (debugLevel == null && ts == null && pos == 0 && line.charAt(pos) == '[') {
            debugLevel = processPriorityUptime(line, innerFrom, innerTo);
        }
        if (debugLevel == null && innerTo - innerFrom == 1 && line.charAt(pos) == '[' && close < line.length()
                && line.charAt(close) == '[') {
            debugLevel = levelLetterBeforeBracket(line.charAt(innerFrom));
        }
        Severity severity = letter != null ? letter : debugLevel != null ? debugLevel
                : levelInside(line, scanFrom, innerTo);
        int end = close < line.length() && line.charAt(close) == ':' ? close + 1 : close;
        return finish(line, Kind.BRACKET, pos, end, time, severity, null, false);
    }

    /**
     * The syslog priority in ngIRCd's bracket when it logs to a file or a terminal: its process, a colon, the
     * priority's digit, then the seconds it has been up padded to the right ({@code [30607:3    6] Got invalid OPER
     * ...}, 3 an error, 5 a notice): the priority's severity, or null for any other bracket.
     */
    private static Severity processPriorityUptime(String line, int from, int to) {
        int colon = from;
        while (colon < to && Character.isDigit(line.charAt(colon))) {
            colon++;
        }
        int spaces = colon + 2;
        while (spaces < to && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (colon == from || spaces == colon + 2 || spaces == to || line.charAt(colon) != ':'
                || line.charAt(colon + 1) < '0' || line.charAt(colon + 1) > '7' || !allDigits(line, spaces, to)) {
            return null;
        }
        return Severity.fromSyslog(line.charAt(colon + 1) - '0');
    }

    /**
     * BIRD's classes that are no level word, in its angle brackets ({@code <RMT>}, {@code <AUTH>}, {@code <BUG>}): a
     * remote peer's protocol error and an authentication failure are warnings, a bug in BIRD an error; null for any
     * other bracket. Its other classes are level words ({@code <INFO>}, {@code <WARN>}, {@code <ERR>}, {@code
     * <TRACE>}).
     */
    private static Severity birdClass(String line, int from, int to) {
        if (to - from == 3 && (line.startsWith("RMT", from) || line.startsWith("BUG", from))) {
            return line.charAt(from) == 'R' ? Severity.WARN : Severity.ERROR;
        }
        return to - from == 4 && line.startsWith("AUTH", from) ? Severity.WARN : null; // no string made per bracket
    }

    /** Fields of Chromium's header before its time: a prefix, the process and the thread ({@link #chromiumTime}). */
    private static final int CHROMIUM_FIELDS_BEFORE_TIME = 3;

    /**
     * The time in Chromium's header ({@code [6689:6717:1205/141522.993280:ERROR:dbus/bus.cc:405] }, base/logging's
     * format, which Chrome, Electron and CEF programs write): among the colon-separated fields that open the bracket,
     * the month and day, a slash, the hour, minute and second, and a fraction, in the default year; or
     * {@link LogHeader#NO_TIME} when no field is so.
     */
    private long chromiumTime(String line, int from, int to) {
        int field = from;
        for (int fields = 0; fields <= CHROMIUM_FIELDS_BEFORE_TIME && field < to; fields++) {
            int colon = field;
            while (colon < to && line.charAt(colon) != ':') {
                colon++;
            }
            if (colon == to) {
                return LogHeader.NO_TIME; // nearly every bracket: no colon, or no such field before the level
            }
            if (colon - field >= 11 && line.charAt(field + 4) == '/' && allDigits(line, field, field + 4)
                    && allDigits(line, field + 5, field + 11)) {
                int fraction = field + 11;
                if (fraction < colon && (line.charAt(fraction) != '.' || !allDigits(line, fraction + 1, colon))) {
                    return LogHeader.NO_TIME;
                }
                int month = twoDigits(line, field);
                int day = twoDigits(line, field + 2);
                int hour = twoDigits(line, field + 5);
                int minute = twoDigits(line, field + 7);
                int second = twoDigits(line, field + 9);
                if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
                    return LogHeader.NO_TIME;
                }
                long millis = ((hour * 60L + minute) * 60 + Math.min(second, 59)) * 1000;
                for (int i = fraction + 1, scale = 100; i < colon && scale > 0; i++, scale /= 10) {
                    millis += (line.charAt(i) - '0') * scale; // microseconds on Linux, milliseconds on Windows
                }
                return timestamps.onDay(month, day, millis);
            }
            field = colon + 1;
        }
        return LogHeader.NO_TIME;
    }

    private static int twoDigits(String line, int at) {
        return (line.charAt(at) - '0') * 10 + line.charAt(at + 1) - '0';
    }

    /**
     * Samba's debug level after the time in its header's bracket, a comma and padding before it ({@code [2026/12/04
     * 08:11:32.356265,  0]}, then {@code , pid=...} when configured), as Samba names its levels: 0 errors, 1
     * warnings, 2 to 9 notices and information, 10 and above debugging; null when no such number follows.
     */
    private static Severity sambaLevel(String line, int from, int to) {
        if (from + 2 >= to || line.charAt(from) != ',' || line.charAt(from + 1) != ' ') {
            return null; // nearly every bracket: the time ends it, or a zone, a level word follows
        }
        int i = from + 1;
        while (i < to && line.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        int level = 0;
        while (i < to && i - digits < 3 && Character.isDigit(line.charAt(i))) {
            level = level * 10 + line.charAt(i++) - '0';
        }
        if (i == digits || i < to && line.charAt(i) != ',') {
            return null;
        }
        return level == 0 ? Severity.ERROR : level == 1 ? Severity.WARN : level < 10 ? Severity.INFO : Severity.DEBUG;
    }

    /**
     * The X.Org server's marker before a message of its log ({@code [   247.909] (WW) The directory ... does not
     * exist.}), as the log's legend names them: errors, warnings, information, debugging; the sources of a setting
     * (probed, from the config file, a default, from the command line), notices and features not implemented are
     * information; null for any other pair, and for {@code (??)}, unknown.
     */
    private static Severity xorgMarker(char first, char second) {
        return switch (String.valueOf(new char[] {first, second})) {
            case "EE" -> Severity.ERROR;
            case "WW" -> Severity.WARN;
            case "II", "--", "**", "==", "++", "!!", "NI" -> Severity.INFO;
            case "DB" -> Severity.DEBUG;
            default -> null;
        };
    }

    /**
     * SSSD's debug level in parentheses after the function, the bit of its mask the message was logged at ({@code
     * (2026-12-05  6:32:32): [be[corp]] [sdap_sys_connect_done] (0x0020): ...}), as its manual names them: 0x0010
     * fatal failures, 0x0020 and 0x0040 critical and serious ones, 0x0080 minor ones, 0x0100 settings, 0x3f7c0
     * important information, 0x0200 and 0x0400 function data and traces, the bits above finer tracing; null for any
     * other number.
     */
    private static Severity sssdLevel(String line, int from, int to) {
        if (to - from < 6 || to - from > 7 || !line.startsWith("0x", from)) {
            return null; // nearly every parenthesis: no number in hex, or not of four or five digits
        }
        int value = 0;
        for (int i = from + 2; i < to; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0) {
                return null;
            }
            value = value * 16 + digit;
        }
        return switch (value) {
            case 0x0010 -> Severity.FATAL;
            case 0x0020, 0x0040 -> Severity.ERROR;
            case 0x0080 -> Severity.WARN;
            case 0x0100, 0x3f7c0 -> Severity.INFO;
            case 0x0200, 0x0400 -> Severity.DEBUG;
            case 0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000 -> Severity.TRACE;
            default -> null;
        };
    }

    /**
     * Syslog's {@code <PRI>} opening a line (RFC 3164 and 5424 as relays and network captures keep it: {@code <134>1
     * 2023-10-11T22:14:15Z host app ...}): facility times 8 plus severity, 0 to 191; or Murmur's level letter in them
     * ({@code <W>}, glued to its time); the severity, or null.
     */
    private static Severity syslogPriority(String line, int close) {
        char first = line.charAt(1);
        if (close == 3 && first >= 'A' && first <= 'Z') {
            return Severity.fromLetter(first); // Murmur's level letter: "<W>2026-12-04 12:53:28.303 ..."
        }
        if (close < 3 || close > 5) {
            return null;
        }
        int value = 0;
        for (int i = 1; i < close - 1; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + c - '0';
        }
        return value <= 191 ? Severity.fromSyslog(value % 8) : null;
    }

    /** A status in capitals that says something failed ({@link #levelInside}). */
    private static final String FAILED = "FAILED";

    /**
     * {@code [error]}, {@code [core:error]}, {@code [10:00:00 INF]}, {@code [..: INFO/MainProcess]}; and a failure's
     * status in capitals, an error ({@code [FAILED QUERY]}, TypeORM's file log beside its {@code [QUERY ERROR]}).
     */
    private static Severity levelInside(String line, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && Character.isLetter(line.charAt(i))) {
                i++;
            }
            int word = i;
            if (i < to && Character.isDigit(line.charAt(i))
                    && (i + 1 == to || !Character.isLetterOrDigit(line.charAt(i + 1)))) {
                i++; // Apache's "[core:trace3]": a level and its degree
            }
            if (word > start && (i == to || " :/|,]".indexOf(line.charAt(i)) >= 0)
                    && (start == from || " :/|[(#".indexOf(line.charAt(start - 1)) >= 0)) {
                Severity s = Severity.fromWord(line, start, word);
                if (s != null && i - start > 1) {
                    return s;
                }
                if (word - start == FAILED.length() && line.startsWith(FAILED, start)) {
                    return Severity.ERROR;
                }
            }
        }
        return null;
    }

    private HeaderToken word(String line, int pos, HeaderToken previous) {
        int n = line.length();
        if (previous == null && line.charAt(pos) == '=') {
            HeaderToken report = otpReport(line, pos);
            if (report != null) {
                return report;
            }
        }
        if (previous == null && line.charAt(pos) >= 'a' && line.charAt(pos) <= 'z') {
            HeaderToken kernel = facilityAndLevel(line, pos);
            if (kernel != null) {
                return kernel;
            }
        }
        if (previous != null && previous.kind == Kind.LEVEL && Character.isLetter(line.charAt(pos))) {
            HeaderToken spans = tracingSpans(line, pos);
            if (spans != null) {
                return spans;
            }
        }
        if (line.charAt(pos) == ':' && previous != null && previous.kind == Kind.LEVEL && pos + 1 < n
                && Character.isLetter(line.charAt(pos + 1))) {
            pos++; // Jetty's "2024-03-01 12:00:00.123:INFO :oejs.Server:main: ...": colons between the fields
        }
        int end = pos;
        int equals = -1;
        int depth = 0; // of the brackets a name's title opened and left open: "Notify[", "VirtualThread[#33,["
        while (end < n) {
            char c = line.charAt(end);
            if (c == ' ' || c == '\t' || c == '|') {
                int title = depth > 0 ? titleEnd(line, end, depth) : -1;
                if (title < 0) {
                    break;
                }
                // Puppet's "/Stage[main]/Main/Notify[disk is full]/message", a virtual thread's "VirtualThread[#33,
                // [0x4640a809 0x17c20a5d] WebServer socket]/runnable@ForkJoinPool-1-worker-1": a title holds spaces
                end = title + 1;
                depth = 0;
                continue;
            }
            if (c == '=' && equals < 0) {
                equals = end;
            } else if (c == '[') {
                boolean title = depth > 0 || end > pos && Character.isLetterOrDigit(line.charAt(end - 1));
                depth = title ? depth + 1 : 0;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            end++;
        }
        if (end == pos) { // a pipe where a field should start: "a || b"
            return finish(line, Kind.SEPARATOR, pos, pos + 1, LogHeader.NO_TIME, null, null, false);
        }
        if (equals > pos) {
            HeaderToken pair = logfmt(line, pos, equals);
            if (pair != null) {
                return pair;
            }
        }
        boolean bracketAfterFour = end - pos >= 7 && line.charAt(pos + 4) == '[';
        HeaderToken glued = end - pos >= 6 ? levelGluedToBracket(line, pos) : null; // "INFO[0000]", "ERROR[0000]"
        if (glued == null && bracketAfterFour) { // "LOG5[ui]:"
            glued = stunnelLevel(line, pos, end);
        }
        if (glued == null && end - pos >= 5 && end - pos <= 10 && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
            glued = threadSubsystem(line, pos, end);
        }
        if (glued == null && previous != null && previous.kind == Kind.TIME && previous.end == pos) {
            glued = levelAfterSlash(line, pos, end);
        }
        if (glued == null && end - pos >= 6) {
            glued = levelGluedToArrow(line, pos, end);
        }
        if (glued == null && previous != null && end - pos >= 8 && line.charAt(end - 1) == ':') {
            glued = levelBetweenSlashes(line, pos, end);
        }
        if (glued != null) {
            return glued;
        }
        int colon = MessageTokenizer.indexOf(line, ':', pos, end);
        if (colon > pos && colon + 1 < end) {
            Severity level = Severity.fromWord(line, pos, colon);
            if (level != null && colon - pos > 1) { // Python's "WARNING:root:message"
                return new HeaderToken(Kind.LEVEL, pos, colon + 1, colon + 1, Delimiter.SPACE, LogHeader.NO_TIME,
                        level, null);
            }
            if (previous != null && previous.kind == Kind.LEVEL && previous.end == pos
                    && isComponentName(line, pos, colon)) { // "root:" glued to its level ("WARNING:root:...")
                if (gluedToJettysTime(line, previous) && line.charAt(end - 1) == ':'
                        && MessageTokenizer.indexOf(line, ':', colon + 1, end - 1) < 0) {
                    // Jetty's "12:00:00.123:INFO:oejs.Server:main: ...": the thread after the logger; Python's
                    // time, its milliseconds after a comma, has no thread after its logger (certbot's
                    // "10:01:00,821:DEBUG:certbot._internal.main:Arguments: [...]": the word is the message's)
                    return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null,
                            line.substring(pos, colon), false);
                }
                return new HeaderToken(Kind.COMPONENT, pos, colon + 1, colon + 1, Delimiter.SPACE,
                        LogHeader.NO_TIME, null, line.substring(pos, colon));
            }
        }
        int core = end;
        while (core > pos + 1 && (line.charAt(core - 1) == ',' || line.charAt(core - 1) == ';')) {
            core--;
        }
        // an equals sign alone sets a value ("  mode = 0", the settings OpenVPN lists), no header is parted by one
        if (isPunctuation(line, pos, end) && end - pos <= 4 && !(end - pos == 1 && line.charAt(pos) == '=')) {
            return finish(line, Kind.SEPARATOR, pos, end, LogHeader.NO_TIME, null, null, false);
        }
        if (isCriStreamFlag(line, pos, end, previous)) {
            return finish(line, Kind.SEPARATOR, pos, end, LogHeader.NO_TIME, null, null, false);
        }
        Severity level = levelOf(line, pos, core, previous);
        if (level != null && line.charAt(end - 1) == ':' && end - pos > 2 && levelLabelAt(line, end + 1)) {
            // Dovecot's "config: Warning: Killed with signal 15": a process named by a level word, its level after it
            return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(pos, end - 1),
                    false);
        }
        if (level != null) {
            return finish(line, Kind.LEVEL, pos, errorAfterLevel(line, end, level), LogHeader.NO_TIME, level, null,
                    false);
        }
        char last = line.charAt(end - 1);
        if (end - pos > 1 && (last == ':' || last == ']' && MessageTokenizer.lastIndexOf(line, '[', end, pos) < 0)
                && isComponentName(line, pos, end - 1)) {
            HeaderToken leveled = last == ':' ? levelInComponent(line, pos, end) : null;
            if (leveled != null) {
                return leveled;
            }
            return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null,
                    componentName(line, pos, end), false);
        }
        int padded = paddedColon(line, end);
        if (padded > 0 && isComponentName(line, pos, end)) { // logcat and Spring Boot pad the name before ':'
            return finish(line, Kind.COMPONENT, pos, padded, LogHeader.NO_TIME, null, line.substring(pos, end),
                    false);
        }
        int module = previous != null && previous.kind == Kind.BRACKET && previous.end == pos ? erlangLocation(line,
                pos, end) : -1;
        if (module > 0) { // ejabberd's "<0.123.0>@ejabberd_config:load/1:82": the process's module and function
            return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(pos + 1, module),
                    false);
        }
        if (previous != null && previous.kind == Kind.BRACKET && isSourceFunction(line, pos, end)) {
            // Samba's "[2026/12/04 08:11:32.356265,  2] ../../source3/auth/auth.c:345(auth_check_ntlm_password)"
            return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(pos, end), false);
        }
        if (previous != null && previous.kind == Kind.BRACKET && isJavaMember(line, pos, end)) {
            // java.util.logging's OneLineFormatter (Tomcat's): "INFO [main] org.apache.catalina.startup.Catalina.start"
            return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(pos, end), false);
        }
        // OpenLDAP's thread after its time ("6b128ca1.0d04dba7 0x7fbfaf368200 slapd starting") is a number in hex
        Kind kind = allDigits(line, pos, core) || isHexNumber(line, pos, core) ? Kind.NUMBER : Kind.WORD;
        return finish(line, kind, pos, end, LogHeader.NO_TIME, null, null, false);
    }

    /**
     * Rust's tracing-subscriber (its default format) writes the spans a record was logged in between the level and
     * the target: {@code INFO request{method="GET" id=7}:db: shop::orders: order placed}, span names joined by colons,
     * each one's fields in braces, quoted values holding spaces. The spans and the target are one field, a component
     * named by the target, so a record inside spans has the layout of one outside them; null unless a span with
     * fields opens at {@code pos} and a target ending with a colon follows.
     */
    private HeaderToken tracingSpans(String line, int pos) {
        int n = Math.min(line.length(), REACH);
        int i = pos;
        boolean fields = false;
        while (true) {
            int name = i;
            while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                i++;
            }
            if (i == name || i >= n) {
                return null;
            }
            if (line.charAt(i) == '{') {
                i = closingBrace(line, i, n);
                if (i < 0 || i >= n) {
                    return null;
                }
                fields = true;
            }
            if (line.charAt(i) != ':') {
                return null; // nearly every word: a letter run ends at anything but a brace or a colon
            }
            i++;
            if (i < n && line.charAt(i) == ' ') {
                break;
            }
        }
        int target = i + 1;
        int end = target;
        while (end < n && line.charAt(end) != ' ') {
            end++;
        }
        if (!fields || end - target < 2 || line.charAt(end - 1) != ':' || !isComponentName(line, target, end - 1)) {
            return null;
        }
        return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(target, end - 1),
                false);
    }

    /** Just past the brace closing the one at {@code open}, quoted strings skipped; -1 when none does before n. */
    private static int closingBrace(String s, int open, int n) {
        boolean quoted = false;
        for (int i = open + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Where the module ends in an Erlang location glued after a process's id ({@code @ejabberd_config:load/1:82}, as
     * ejabberd's logger writes it: {@code @module:function/arity:line}), or -1 when the word from {@code pos} is not
     * one.
     */
    private static int erlangLocation(String s, int pos, int end) {
        if (s.charAt(pos) != '@' || end - pos < 8) {
            return -1;
        }
        int colon = MessageTokenizer.indexOf(s, ':', pos + 1, end);
        int slash = colon > pos + 1 ? MessageTokenizer.indexOf(s, '/', colon + 2, end) : -1;
        int lineColon = slash > 0 ? MessageTokenizer.indexOf(s, ':', slash + 2, end) : -1;
        return lineColon > 0 && lineColon + 1 < end && allDigits(s, slash + 1, lineColon)
                && allDigits(s, lineColon + 1, end) && isComponentName(s, pos + 1, colon) ? colon : -1;
    }

    /** {@code 0x} and hexadecimal digits, at least eight of them (an address or a thread's id, not a flag's value). */
    private static boolean isHexNumber(String s, int from, int to) {
        if (to - from < 10 || s.charAt(from) != '0' || s.charAt(from + 1) != 'x') {
            return false;
        }
        for (int i = from + 2; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** logrus's levels cut to four letters, as its terminal format writes them, and their severities. */
    private static final String[] LOGRUS_LEVELS = {"TRAC", "DEBU", "INFO", "WARN", "ERRO", "FATA", "PANI"};
    private static final Severity[] LOGRUS_SEVERITIES = {Severity.TRACE, Severity.DEBUG, Severity.INFO, Severity.WARN,
        Severity.ERROR, Severity.FATAL, Severity.FATAL};
    /** The longest level word glued to a bracket ({@link #levelGluedToBracket}). */
    private static final int MAX_GLUED_LEVEL = 7;
    /** The longest bracket of a time a level is glued to ({@link #levelGluedToBracket}). */
    private static final int MAX_GLUED_TIME = 40;

    /**
     * A level in capitals glued to a bracket holding the seconds since the program started or the time: logrus's
     * terminal format cuts the level to four capitals ({@code INFO[0000]}, {@code ERRO[2024-03-01T12:00:00Z]}),
     * apex/log's writes it whole ({@code ERROR[0000]}), log15's with a pipe in the time ({@code
     * EROR[12-05|04:39:01]}); or a word in capitals glued to the name of the thread that logs and a colon, as
     * Minetest writes its level ({@code ERROR[Main]: ...}, {@code ACTION[Server]: ...}: a level field, its severity
     * unknown when the word is no level's); null when the word at {@code pos} is not one.
     */
    private HeaderToken levelGluedToBracket(String line, int pos) {
        int bracket = pos;
        while (bracket < line.length() && bracket - pos <= MAX_GLUED_LEVEL && line.charAt(bracket) >= 'A'
                && line.charAt(bracket) <= 'Z') {
            bracket++;
        }
        if (bracket - pos < 4 || bracket >= line.length() || line.charAt(bracket) != '[') {
            return null;
        }
        Severity severity = bracket - pos == 4 ? logrusLevel(line, pos) : null;
        if (severity == null) {
            severity = Severity.fromWord(line, pos, bracket);
        }
        int close = line.indexOf(']', bracket);
        if (close < 0 || close - bracket > MAX_GLUED_TIME) {
            return null;
        }
        if (close + 1 < line.length() && line.charAt(close + 1) == ':' && isThreadName(line, bracket + 1, close)
                && (close + 2 == line.length() || line.charAt(close + 2) == ' ')) {
            // the word stands where the level does, one of ours or not (Minetest's ACTION, a player's doing)
            return finish(line, Kind.LEVEL, pos, close + 2, LogHeader.NO_TIME, severity, null, false);
        }
        if (severity == null || close + 1 < line.length() && line.charAt(close + 1) != ' ') {
            return null;
        }
        long time = LogHeader.NO_TIME;
        if (!allDigits(line, bracket + 1, close)) {
            Timestamps.Match ts = timestamps.match(line, bracket + 1, close);
            if (ts == null || ts.end() != close) {
                return null;
            }
            time = ts.epochMillis();
        }
        return finish(line, Kind.LEVEL, pos, close + 1, time, severity, null, false);
    }

    /**
     * A level padded to a width it fills, the arrow after it glued on: verdaccio writes {@code info --- ...} and
     * {@code info <-- ...}, but {@code error--- ...} and {@code fatal--- ...}, five letters wide. The level is a token
     * of its own, the arrow the next; null when the word from {@code pos} to {@code end} is not a level word of four
     * letters or more and two or more of {@code -<>=} after it.
     */
    private static HeaderToken levelGluedToArrow(String line, int pos, int end) {
        int letters = pos;
        while (letters < end && Character.isLetter(line.charAt(letters))) {
            letters++;
        }
        if (letters - pos < 4 || end - letters < 2) {
            return null;
        }
        for (int i = letters; i < end; i++) {
            if ("-<>=".indexOf(line.charAt(i)) < 0) {
                return null;
            }
        }
        Severity level = Severity.fromWord(line, pos, letters);
        return level == null ? null
                : new HeaderToken(Kind.LEVEL, pos, letters, letters, Delimiter.SPACE, LogHeader.NO_TIME, level, null);
    }

    /** A thread's name: a letter, then letters, digits, dashes, underscores and dots ({@code Emerge-0}). */
    private static boolean isThreadName(String line, int from, int to) {
        if (from == to || !Character.isLetter(line.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = line.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** logrus's level cut to four letters at {@code pos} ({@code DEBU}, {@code PANI}), or null. */
    private static Severity logrusLevel(String line, int pos) {
        for (int i = 0; i < LOGRUS_LEVELS.length; i++) {
            if (line.startsWith(LOGRUS_LEVELS[i], pos)) {
                return LOGRUS_SEVERITIES[i];
            }
        }
        return null;
    }

    /**
     * A level after the last slash of a word glued to the time before it, i2pd's thread and level ({@code
     * 06:43:06@893/warn - ...}); null when the word ends with no level.
     */
    private HeaderToken levelAfterSlash(String line, int pos, int end) {
        int slash = line.lastIndexOf('/', end - 1);
        Severity level = slash >= pos && end - slash > 2 ? Severity.fromWord(line, slash + 1, end) : null;
        return level == null ? null : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, level, null, false);
    }

    /**
     * A host, a level and a logger's name parted by slashes and ended by a colon, as Locust writes each line after its
     * time ({@code [2026-12-07 01:45:02,604] vm/INFO/locust.main: Starting Locust}): the level, the logger its
     * component; null when the word from {@code pos} to {@code end} (its last character a colon) is not one.
     */
    private HeaderToken levelBetweenSlashes(String line, int pos, int end) {
        int first = MessageTokenizer.indexOf(line, '/', pos, end);
        int second = first > pos ? MessageTokenizer.indexOf(line, '/', first + 1, end) : -1;
        if (second < first + 4 || second + 2 >= end || MessageTokenizer.indexOf(line, '/', second + 1, end) >= 0
                || !Character.isLetter(line.charAt(second + 1))) {
            return null;
        }
        for (int i = pos; i < end - 1; i++) {
            char c = line.charAt(i);
            if (!(HeaderLayout.isNameChar(c) || c == '/')) {
                return null; // a path's or a URL's characters
            }
        }
        Severity level = Severity.fromWord(line, first + 1, second);
        return level == null ? null : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, level,
                line.substring(second + 1, end - 1), false);
    }

    /**
     * stunnel's level, syslog's number after {@code LOG}, glued to the thread or connection it logs for ({@code
     * LOG5[ui]:}, {@code LOG3[0]:}): 0 to 7 as syslog reads them; null when the word from {@code pos} to {@code end}
     * (its fifth character a {@code [}) is not one.
     */
    private HeaderToken stunnelLevel(String line, int pos, int end) {
        char digit = line.charAt(pos + 3);
        int close = line.charAt(end - 1) == ':' ? end - 2 : end - 1;
        if (!line.startsWith("LOG", pos) || digit < '0' || digit > '7' || line.charAt(close) != ']') {
            return null;
        }
        return finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, Severity.fromSyslog(digit - '0'), null, false);
    }

    /**
     * strongSwan's thread number glued to its subsystem in brackets, as charon writes every line ({@code 00[DMN]
     * Starting IKE charon daemon}, {@code 12[IKE] initiating ...}): a component, the subsystem; null when the word
     * from {@code pos} to {@code end} is not one (one to three digits, two to five capitals in brackets).
     */
    private HeaderToken threadSubsystem(String line, int pos, int end) {
        int open = pos;
        while (open < end && open - pos < 3 && line.charAt(open) >= '0' && line.charAt(open) <= '9') {
            open++;
        }
        int letters = end - open - 2;
        if (open == pos || line.charAt(open) != '[' || line.charAt(end - 1) != ']' || letters < 2 || letters > 5) {
            return null;
        }
        for (int i = open + 1; i < end - 1; i++) {
            if (line.charAt(i) < 'A' || line.charAt(i) > 'Z') {
                return null;
            }
        }
        return finish(line, Kind.COMPONENT, pos, end, LogHeader.NO_TIME, null, line.substring(open + 1, end - 1),
                false);
    }

    /**
     * Monolog's channel and level in one word ({@code app.ERROR:}, Laravel's {@code local.ERROR:}, Symfony's
     * {@code request.CRITICAL:}): a level, in capitals after the channel's last dot, whose component is the channel;
     * null when the word from {@code pos} to {@code end} (its last character a colon) is not one.
     */
    private HeaderToken channelLevel(String line, int pos, int end) {
        int dot = end - 1;
        while (dot > pos && line.charAt(dot) != '.') {
            dot--;
        }
        if (dot <= pos || end - 1 - dot < 3) {
            return null;
        }
        for (int i = dot + 1; i < end - 1; i++) {
            if (line.charAt(i) < 'A' || line.charAt(i) > 'Z') {
                return null; // a logger's name: "shop.Orders:", "a.b.c:"
            }
        }
        Severity level = Severity.fromWord(line, dot + 1, end - 1);
        return level == null ? null
                : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, level, line.substring(pos, dot), false);
    }

    /**
     * A level written inside a component that ends with a colon: Monolog's channel ({@code app.ERROR:}), Icinga 2's
     * facility ({@code information/ConfigItem:}), MIT Kerberos's parentheses ({@code krb5kdc[1234](info):}); null
     * when it holds none.
     */
    private HeaderToken levelInComponent(String line, int pos, int end) {
        HeaderToken leveled = channelLevel(line, pos, end);
        if (leveled == null) {
            leveled = levelSlashFacility(line, pos, end);
        }
        return leveled != null ? leveled : parenthesizedLevel(line, pos, end);
    }

    /** Syslog's facilities, as {@code dmesg --decode} names them before the level. */
    private static final java.util.Set<String> FACILITIES = java.util.Set.of("kern", "user", "mail", "daemon",
            "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "local0", "local1", "local2", "local3",
            "local4", "local5", "local6", "local7");

    /**
     * The facility and level {@code dmesg --decode} (and {@code -x}) opens each line with, each padded before its
     * colon ({@code kern  :info  : [    0.000000] ...}, {@code daemon:err   : ...}): a level, its facility the
     * component; null when the line does not open so.
     */
    private HeaderToken facilityAndLevel(String line, int pos) {
        int n = line.length();
        int name = pos;
        while (name < n && name - pos < 8
                && (Character.isLowerCase(line.charAt(name)) || Character.isDigit(line.charAt(name)))) {
            name++;
        }
        int colon = name;
        while (colon < n && colon - pos < 8 && line.charAt(colon) == ' ') {
            colon++;
        }
        if (colon >= n || line.charAt(colon) != ':') {
            return null;
        }
        int level = colon + 1;
        int levelEnd = level;
        while (levelEnd < n && levelEnd - level < 6 && Character.isLowerCase(line.charAt(levelEnd))) {
            levelEnd++;
        }
        int second = levelEnd;
        while (second < n && second - level < 7 && line.charAt(second) == ' ') {
            second++;
        }
        Severity severity = second < n && line.charAt(second) == ':' ? Severity.fromWord(line, level, levelEnd) : null;
        String facility = severity != null ? line.substring(pos, name) : null; // cut only for a line of this shape
        if (facility == null || !FACILITIES.contains(facility)) {
            return null;
        }
        return finish(line, Kind.LEVEL, pos, second + 1, LogHeader.NO_TIME, severity, facility, false);
    }

    /**
     * Icinga 2's {@code information/ConfigItem:}: the level, a slash and the facility that logs (the component); null
     * when the word from {@code pos} to {@code end} (its last character a colon) does not open with a level word and a
     * slash.
     */
    private HeaderToken levelSlashFacility(String line, int pos, int end) {
        int slash = MessageTokenizer.indexOf(line, '/', pos, end - 1);
        Severity level = slash > pos && slash + 2 < end ? Severity.fromWord(line, pos, slash) : null;
        String facility = level == null ? null : line.substring(slash + 1, end - 1);
        return level == null ? null : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, level, facility, false);
    }

    /**
     * MIT Kerberos's {@code krb5kdc[1234](info):} and {@code kadmind[77](Error):}: a program, its pid and its level in
     * parentheses; null when the word from {@code pos} to {@code end} (its last character a colon) does not end with a
     * level word in parentheses after a name or a pid.
     */
    private HeaderToken parenthesizedLevel(String line, int pos, int end) {
        int close = end - 2;
        if (close <= pos || line.charAt(close) != ')') {
            return null; // most components: "sshd[42]:", "kernel:"
        }
        int open = line.lastIndexOf('(', close);
        boolean named = open > pos
                && (line.charAt(open - 1) == ']' || Character.isLetterOrDigit(line.charAt(open - 1)));
        Severity level = named ? Severity.fromWord(line, open + 1, close) : null;
        return level == null ? null : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, level,
                componentName(line, pos, open), false);
    }

    /** How many of a line's logfmt pairs are looked through for its level and time ({@link #pairFields}). */
    private static final int MAX_PAIRS = 32;

    /**
     * The level and time of a body made of logfmt pairs that has them further in: structlog's key-value and logfmt
     * renderers write the event's own keys first and {@code level=} and {@code timestamp=} last ({@code order_id=7
     * event='slow checkout' level='warning' timestamp='2026-12-03T20:27:18.685Z'}). The pairs are read from
     * {@code from} while they are pairs (a key, {@code =}, a quoted or bare value): their level and time; null when
     * the body does not open with a pair.
     */
    PairFields pairFields(String line, int from) {
        HeaderToken level = null;
        HeaderToken time = null;
        long stamp = LogHeader.NO_TIME;
        int n = line.length();
        int pos = from;
        for (int pairs = 0; pos < n && pairs < MAX_PAIRS && (level == null || time == null); pairs++) {
            int equals = pos;
            while (equals < n && isKeyChar(line.charAt(equals))) {
                equals++;
            }
            if (equals == pos || equals + 1 >= n || line.charAt(equals) != '=') {
                break;
            }
            HeaderToken pair = logfmt(line, pos, equals);
            if (pair != null && pair.kind == Kind.LEVEL && level == null) {
                level = pair;
            } else if (pair != null && pair.kind == Kind.TIME && time == null) {
                time = pair;
            } else if (pair == null && stamp == LogHeader.NO_TIME && equals - pos == 3 && line.startsWith("msg", pos)) {
                stamp = auditStamp(line, equals + 1);
            }
            pos = valueEnd(line, equals + 1);
            if (pos < 0) {
                break;
            }
            while (pos < n && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }
        if (pos == from) {
            return null;
        }
        long epochMillis = time == null ? stamp : time.epochMillis;
        if (level == null && pos > from) { // pos < 0: a quote that does not close ended them
            // Sidekiq's "pid=31 tid=2v9 class=ChargeJob jid=2f10 INFO: start": the level after the pairs ends them
            int end = pos;
            while (end < n && line.charAt(end) >= 'A' && line.charAt(end) <= 'Z') {
                end++;
            }
            Severity after = end - pos >= 3 && end < n && line.charAt(end) == ':'
                    ? Severity.fromWord(line, pos, end) : null;
            if (after != null) {
                int message = end + 1 < n && line.charAt(end + 1) == ' ' ? end + 2 : end + 1;
                return new PairFields(after, epochMillis, message);
            }
        }
        return new PairFields(level == null ? null : level.severity, epochMillis, -1);
    }

    /** What opens the value of a Linux audit record's {@code msg} ({@link #auditStamp}). */
    private static final String AUDIT_STAMP = "audit(";
    /** Digits of an audit stamp's seconds at most. */
    private static final int MAX_STAMP_SECONDS = 12;

    /**
     * The time of a Linux audit record's stamp, the value of its {@code msg} ({@code type=SYSCALL
     * msg=audit(1796446640.593:1719): ...}, as auditd writes {@code audit.log}): epoch seconds, a dot, milliseconds,
     * a colon and the record's serial; {@link LogHeader#NO_TIME} when {@code from} holds no such stamp.
     */
    private static long auditStamp(String line, int from) {
        if (!line.startsWith(AUDIT_STAMP, from)) {
            return LogHeader.NO_TIME;
        }
        int i = from + AUDIT_STAMP.length();
        int dot = i;
        while (dot < line.length() && dot - i < MAX_STAMP_SECONDS && Character.isDigit(line.charAt(dot))) {
            dot++;
        }
        int colon = dot + 4;
        if (dot == i || colon >= line.length() || line.charAt(dot) != '.' || !allDigits(line, dot + 1, colon)
                || line.charAt(colon) != ':') {
            return LogHeader.NO_TIME;
        }
        int close = colon + 1;
        while (close < line.length() && Character.isDigit(line.charAt(close))) {
            close++;
        }
        if (close == colon + 1 || close >= line.length() || line.charAt(close) != ')') {
            return LogHeader.NO_TIME;
        }
        return Long.parseLong(line, i, dot, 10) * 1000 + Integer.parseInt(line, dot + 1, colon, 10);
    }

    /**
     * A logfmt body's level (null without one) and time ({@link LogHeader#NO_TIME} without one); and where the message
     * starts when the pairs were context before a level in capitals and a colon, which ends them ({@code pid=31
     * tid=2v9 INFO: start}, as Sidekiq writes), else -1: the pairs are the message.
     */
    record PairFields(Severity level, long epochMillis, int messageStart) {
    }

    /** Whether a logfmt pair opens the text at {@code from}: a key that starts with a letter, then {@code =}. */
    static boolean opensWithPair(String line, int from) {
        if (from >= line.length() || !Character.isLetter(line.charAt(from))) {
            return false;
        }
        int equals = from;
        while (equals < line.length() && isKeyChar(line.charAt(equals))) {
            equals++;
        }
        return equals < line.length() && line.charAt(equals) == '=';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '@' || c == '-';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /**
     * Where a logfmt value starting at {@code from} ends: after its closing quote (an escaped one skipped), else at a
     * space or tab; -1 when a quote does not close.
     */
    private static int valueEnd(String line, int from) {
        int n = line.length();
        if (from < n && isQuote(line.charAt(from))) {
            char quote = line.charAt(from);
            for (int i = from + 1; i < n; i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == quote) {
                    return i + 1;
                }
            }
            return -1;
        }
        int end = from;
        while (end < n && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
            end++;
        }
        return end;
    }

    /** logfmt's leading {@code time=...} and {@code level=...}; other pairs are message. */
    private HeaderToken logfmt(String line, int pos, int equals) {
        String key = line.substring(pos, equals).toLowerCase(Locale.ROOT);
        boolean time = key.equals("time") || key.equals("ts") || key.equals("timestamp") || key.equals("t")
                || key.equals("@timestamp") || key.equals("date") || key.equals("datetime");
        boolean level = key.equals("level") || key.equals("lvl") || key.equals("severity")
                || key.equals("loglevel") || key.equals("prio"); // PowerDNS: level="0" its verbosity, prio="Info"
        if (!time && !level) {
            return null;
        }
        int from = equals + 1;
        int end = valueEnd(line, from);
        if (end < 0) {
            return null; // a quote that does not close
        }
        boolean quoted = from < line.length() && isQuote(line.charAt(from));
        int to = quoted ? end - 1 : end;
        from += quoted ? 1 : 0;
        if (time) {
            Timestamps.Match ts = timestamps.match(line, from, to);
            if (ts == null || ts.end() != to) {
                return null;
            }
            return finish(line, Kind.TIME, pos, end, ts.epochMillis(), null, null, false);
        }
        Severity s = Severity.fromWord(line, from, to);
        return s == null ? null : finish(line, Kind.LEVEL, pos, end, LogHeader.NO_TIME, s, null, false);
    }

    private HeaderToken finish(String line, Kind kind, int start, int end, long time, Severity severity,
            String component, boolean isTime) {
        int n = line.length();
        int i = end;
        if (isTime && i + 1 < n && line.charAt(i) == ',' && line.charAt(i + 1) == ' ') {
            i++; // "2016-09-28 04:30:30, Info"
        }
        if (isTime && i + 1 < n && line.charAt(i) == ':' && Character.isLetter(line.charAt(i + 1))) {
            return new HeaderToken(kind, start, end, i + 1, Delimiter.SPACE, time, severity, component); // Jetty's
        }
        if (i >= n) {
            return new HeaderToken(kind, start, end, n, Delimiter.END, time, severity, component);
        }
        char d = line.charAt(i);
        Delimiter delimiter;
        if (d == '|') {
            delimiter = Delimiter.PIPE;
            i++;
        } else if (d == '\t') {
            delimiter = Delimiter.TAB;
        } else if (d == ' ') {
            delimiter = i + 1 < n && line.charAt(i + 1) == ' ' ? Delimiter.PADDING : Delimiter.SPACE;
        } else {
            return new HeaderToken(kind, start, end, i, Delimiter.SPACE, time, severity, component); // glued: "]["
        }
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return new HeaderToken(kind, start, end, i, delimiter, time, severity, component);
    }

    /**
     * Whether the {@code level} token follows a time with only a colon between ({@code 12:00:00.123:INFO}), as Jetty's
     * {@code StdErrLog} writes: its logger and thread come after, each ending with a colon. Python's default format
     * opens the line with its level ({@code WARNING:root:Retry: ...}), and what follows the logger is the message; so
     * it is when Python's time is glued to the level ({@code 10:01:00,821:DEBUG}, certbot's): its milliseconds come
     * after a comma, Jetty's after a dot.
     */
    private static boolean gluedToJettysTime(String line, HeaderToken level) {
        int at = level.start;
        if (at <= 1 || line.charAt(at - 1) != ':' || !Character.isDigit(line.charAt(at - 2))) {
            return false;
        }
        return !(at > 5 && line.charAt(at - 5) == ',' && Character.isDigit(line.charAt(at - 4))
                && Character.isDigit(line.charAt(at - 3))); // Python's ",821:"
    }

    /** CRI's {@code stdout F} marks a full line, {@code P} a partial one: a structural mark, not a level. */
    private static boolean isCriStreamFlag(String line, int from, int end, HeaderToken previous) {
        return end - from == 1 && (line.charAt(from) == 'F' || line.charAt(from) == 'P') && previous != null
                && previous.kind == Kind.WORD && previous.end - previous.start == 6
                && (line.startsWith("stdout", previous.start) || line.startsWith("stderr", previous.start));
    }

    /**
     * Whether an IBM message id stands at {@code at}: a product's prefix of three to five capitals or digits, four or
     * five digits and the message's severity letter, then a colon ({@code CWWKE0001I:}, {@code J2CA0045E:},
     * {@code SRVE0777E:}), as WebSphere and Liberty write one after the level letter.
     */
    private static boolean ibmMessageIdAt(String line, int at) {
        int colon = at;
        while (colon < line.length() && colon - at <= 11 && (isCapital(line.charAt(colon))
                || line.charAt(colon) >= '0' && line.charAt(colon) <= '9')) {
            colon++;
        }
        int severity = colon - 1;
        if (colon >= line.length() || line.charAt(colon) != ':' || colon - at < 8 || colon - at > 11
                || !isCapital(line.charAt(at)) || "IWEA".indexOf(line.charAt(severity)) < 0) {
            return false;
        }
        int digits = 0;
        while (severity - digits - 1 > at && line.charAt(severity - digits - 1) >= '0'
                && line.charAt(severity - digits - 1) <= '9') {
            digits++;
        }
        return digits >= 4 && severity - digits - at >= 3;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Whether a level word and a colon stand at {@code from}, and a space or the line's end after them. */
    private static boolean levelLabelAt(String line, int from) {
        int colon = from;
        while (colon < line.length() && colon - from <= LONGEST_LEVEL && Character.isLetter(line.charAt(colon))) {
            colon++;
        }
        return colon > from && colon < line.length() && line.charAt(colon) == ':'
                && (colon + 1 == line.length() || line.charAt(colon + 1) == ' ')
                && Severity.fromWord(line, from, colon) != null;
    }

    /** The longest level word {@link #levelLabelAt} looks for ({@code INFORMATION}, {@code EMERGENCY}). */
    private static final int LONGEST_LEVEL = 13;

    private static final String ERROR_LABEL = " error:";

    /**
     * Where a level ending at {@code end} ends when the word {@code error} and a colon follow it, as a fatal or a
     * critical error is labelled ({@code fatal error: failed to setup modules}, Unbound's): there, the two words
     * being the level; else {@code end}.
     */
    private static int errorAfterLevel(String line, int end, Severity level) {
        boolean labelled = level.compareTo(Severity.ERROR) >= 0 && line.charAt(end - 1) != ':'
                && line.regionMatches(true, end, ERROR_LABEL, 0, ERROR_LABEL.length());
        return labelled ? end + ERROR_LABEL.length() : end;
    }

    private static Severity levelOf(String line, int from, int end, HeaderToken previous) {
        int e = end;
        if (e - from > 1 && line.charAt(e - 1) == ':') {
            e--;
        }
        if (e - from == 1) {
            char c = line.charAt(from);
            if (c == 'A' && e == end && ibmMessageIdAt(line, end + 1)) {
                return Severity.INFO; // WebSphere's and Liberty's audit, "A CWWKE0001I: ...": not Android's assert
            }
            return Character.isUpperCase(c) ? Severity.fromLetter(c) : null;
        }
        if (e == end && e - from == 3 && line.startsWith("LOG", from)) {
            return Severity.INFO; // NestJS's level for information, in capitals (a "log" in a message is none)
        }
        return Severity.fromWord(line, from, e);
    }

    /** After a name: spaces, then a lone colon ("o.s.b.Application    : Started"); where the field ends, or -1. */
    private static int paddedColon(String line, int end) {
        int i = end;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i == end || i >= line.length() || line.charAt(i) != ':') {
            return -1;
        }
        return i + 1 == line.length() || line.charAt(i + 1) == ' ' ? i + 1 : -1;
    }

    private static final byte NOT_IN_NAME = 0;
    private static final byte LETTER = 1;
    private static final byte OTHER_NAME_CHAR = 2;
    /** What each ASCII character is in a component name: a letter, another character names hold, or neither. */
    private static final byte[] NAME_CHARS = new byte[128];

    static {
        for (char c = 0; c < NAME_CHARS.length; c++) {
            NAME_CHARS[c] = Character.isLetter(c) ? LETTER
                    : Character.isDigit(c) || ".-_$/()[]@#:<>".indexOf(c) >= 0 ? OTHER_NAME_CHAR : NOT_IN_NAME;
        }
    }

    /**
     * A program, logger or source-file name: starts with a letter (or {@code /}, {@code _}, {@code @}, or a dot before
     * a letter: Spring Boot cuts a long logger's name from the left, {@code .s.b.a.l.ConditionEvaluationReportLogger})
     * and holds no spaces but in a title in brackets (Puppet's {@code Notify[disk is full]}); nginx's {@code
     * pid#tid} counts too.
     */
    static boolean isComponentName(String s, int from, int end) {
        if (end <= from) {
            return false;
        }
        int letters = 0;
        boolean hash = false;
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            byte kind = c < NAME_CHARS.length ? NAME_CHARS[c] : Character.isLetter(c) ? LETTER
                    : Character.isDigit(c) ? OTHER_NAME_CHAR : NOT_IN_NAME;
            depth = titleDepth(c, depth);
            if (kind == NOT_IN_NAME && depth == 0) { // a title in brackets may hold spaces, commas (titleEnd)
                return false;
            }
            letters += kind == LETTER ? 1 : 0;
            hash |= c == '#';
        }
        char first = s.charAt(from);
        boolean nameStart = Character.isLetter(first) || first == '/' || first == '_' || first == '@'
                || first == '.' && from + 1 < end && Character.isLetter(s.charAt(from + 1));
        return nameStart && letters > 0 || Character.isDigit(first) && hash && letters == 0;
    }

    /**
     * Whether {@code s[from..end)} is a source file, its line and its function in parentheses ({@code
     * ../../source3/smbd/server.c:1741(main)}): where a C program's debug macro was called, as Samba writes it.
     */
    static boolean isSourceFunction(String s, int from, int end) {
        if (end - from < 8 || s.charAt(end - 1) != ')') {
            return false; // nearly every word
        }
        int open = s.lastIndexOf('(', end - 1);
        if (open <= from || !isComponentName(s, open + 1, end - 1)) {
            return false;
        }
        int digits = open;
        while (digits > from && Character.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        int dot = s.lastIndexOf('.', digits);
        return digits < open && digits - 1 > from && s.charAt(digits - 1) == ':' && dot > from && dot < digits - 2;
    }

    /**
     * Zabbix's time, its process's id glued to it by a colon ({@code "  30534:20261204:100145.155 agent #1 started"},
     * as its server, proxy and agent write): one token, a time; null when the word at {@code pos} is not one.
     */
    private HeaderToken zabbixTime(String line, int pos) {
        int n = line.length();
        int colon = pos;
        while (colon < n && colon - pos < 8 && line.charAt(colon) >= '0' && line.charAt(colon) <= '9') {
            colon++;
        }
        if (colon == pos || colon + 9 >= n || line.charAt(colon) != ':' || line.charAt(colon + 9) != ':') {
            return null;
        }
        Timestamps.Match ts = timestamps.match(line, colon + 1, n);
        return ts == null ? null : finish(line, Kind.TIME, pos, ts.end(), ts.epochMillis(), null, null, true);
    }

    /** {@code depth}, the brackets open in a name's title, after {@code c}. */
    private static int titleDepth(char c, int depth) {
        return c == '[' ? depth + 1 : c == ']' ? Math.max(0, depth - 1) : depth;
    }

    /** How far past a space a bracket opened in a word may close ({@link #titleEnd}). */
    private static final int MAX_TITLE = 128;

    /**
     * Where the {@code depth} brackets a word opened and left open at the space at {@code space} close, for a name
     * whose index or title in brackets holds spaces (Puppet's resources, {@code Notify[disk is full]}; a Java virtual
     * thread, {@code VirtualThread[#33,[0x4640a809 0x17c20a5d] WebServer socket]}), brackets opened after the space
     * closed in turn; -1 when they do not close within {@value #MAX_TITLE} characters, or a tab comes first.
     */
    private static int titleEnd(String line, int space, int depth) {
        int reach = Math.min(line.length(), space + MAX_TITLE);
        int open = depth;
        for (int i = space + 1; i < reach; i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                return -1;
            }
            open += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (open == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Letters at most of a prefix glued to the date that follows it ({@link #prefixedDate}). */
    private static final int MAX_DATE_PREFIX = 16;

    /**
     * A date and time with a word of letters glued before it, opening the line: Go's {@code log.New(w, "raft",
     * log.LstdFlags)} without a space after its prefix, as etcd's raft writes ({@code raft2026/12/05 09:16:00 INFO:
     * ...}). The whole is the time: read as a word, the prefix hid the date and left only a time of day. Null unless
     * four digits and a date's dash or slash follow the letters and the time read from them has a date.
     */
    private HeaderToken prefixedDate(String line, int pos) {
        int n = line.length();
        int digits = pos;
        while (digits < n && digits - pos <= MAX_DATE_PREFIX && Character.isLetter(line.charAt(digits))) {
            digits++;
        }
        if (digits - pos > MAX_DATE_PREFIX || digits + 4 >= n || !allDigits(line, digits, digits + 4)
                || line.charAt(digits + 4) != '/' && line.charAt(digits + 4) != '-') {
            return null;
        }
        Timestamps.Match ts = timestamps.match(line, digits, n);
        return ts == null || !LogHeader.isDated(ts.epochMillis()) ? null
                : finish(line, Kind.TIME, pos, ts.end(), ts.epochMillis(), null, null, true);
    }

    /**
     * Months as a JVM in another language abbreviates them ({@code %tb}, CLDR's: German, French, Spanish, Italian,
     * Portuguese, Dutch, Swedish, Danish, Norwegian, Polish, Czech, Finnish, Russian, Ukrainian, Turkish, Hungarian,
     * Romanian), lower case and without their dot, each month's names apart; no name means two months.
     */
    private static final String[][] LOCALIZED_MONTHS = {
        {"jan", "janv", "ene", "gen", "sty", "led", "tammik", "янв", "січ", "oca", "ian"},
        {"feb", "févr", "fev", "lut", "úno", "helmik", "февр", "фев", "лют", "şub", "febr"},
        {"märz", "mär", "mars", "mar", "mrt", "bře", "maalisk", "мар", "бер", "márc"},
        {"apr", "avr", "avril", "abr", "kwi", "dub", "huhtik", "апр", "квіт", "nis", "ápr"},
        {"mai", "may", "mag", "mei", "maj", "kvě", "toukok", "мая", "трав", "máj"},
        {"juni", "juin", "jun", "giu", "cze", "čvn", "kesäk", "июн", "черв", "haz", "jún", "iun"},
        {"juli", "juil", "jul", "lug", "lip", "čvc", "heinäk", "июл", "лип", "tem", "júl", "iul"},
        {"aug", "août", "ago", "sie", "srp", "elok", "авг", "серп", "ağu"},
        {"sept", "set", "sep", "wrz", "zář", "syysk", "сент", "сен", "вер", "eyl", "szept"},
        {"okt", "oct", "ott", "out", "paź", "říj", "lokak", "окт", "жовт", "eki"},
        {"nov", "lis", "marrask", "нояб", "ноя", "лист", "kas"},
        {"dez", "déc", "dic", "dec", "des", "gru", "pro", "jouluk", "дек", "груд", "ara"},
    };
    /** Each name of {@link #LOCALIZED_MONTHS} and its month, 1 to 12: one look-up a line. */
    private static final java.util.Map<String, Integer> MONTH_BY_NAME = monthsByName();
    /** The longest of {@link #LOCALIZED_MONTHS}, with its dot. */
    private static final int MAX_MONTH_NAME = 8;

    /**
     * java.util.logging's SimpleFormatter header in the JVM's language, opening the line: the month as the language
     * abbreviates it ({@code Dez.}, {@code déc.}, {@code dic}) or writes it in digits ({@code 12月}, {@code 12월}),
     * the day, a comma, the year, then the time ({@code Dez. 06, 2026 12:36:10 AM ...}). The whole is the time; read
     * as words, the month hid the date and left a time of day. Null unless all of it is there and the month is one
     * of {@link #LOCALIZED_MONTHS}.
     */
    private HeaderToken localizedDate(String line, int pos) {
        int n = line.length();
        int end = pos;
        while (end < n && end - pos <= MAX_MONTH_NAME && line.charAt(end) != ' ') {
            end++;
        }
        if (end - pos > MAX_MONTH_NAME || end + 10 > n) {
            return null;
        }
        int dayStart = line.charAt(end + 1) == ' ' ? end + 2 : end + 1; // glibc pads a day of one digit with a space
        int day = Timestamps.digitRun(line, dayStart, Math.min(n, dayStart + 2));
        int year = dayStart + day + 2;
        boolean dated = day > 0 && line.startsWith(", ", dayStart + day) && year + 5 <= n
                && allDigits(line, year, year + 4) && line.charAt(year + 4) == ' ';
        if (day == 0 || !dated && line.charAt(dayStart + day) != ' ') {
            return null;
        }
        int month = localizedMonth(line, pos, end);
        if (month < 1) {
            return null;
        }
        Timestamps.Match time = timestamps.match(line, dated ? year + 5 : dayStart + day + 1, n);
        if (time == null || !LogHeader.isDateless(time.epochMillis())) {
            return null;
        }
        int dayOfMonth = Integer.parseInt(line, dayStart, dayStart + day, 10);
        long millisOfDay = time.epochMillis() - LogHeader.DATELESS_DAY;
        if (!dated) { // syslog's and journalctl's month, day and time, no year: placed as an English one is
            long instant = timestamps.onDay(month, dayOfMonth, millisOfDay);
            return instant == Long.MIN_VALUE ? null
                    : finish(line, Kind.TIME, pos, time.end(), instant, null, null, true);
        }
        try {
            long date = java.time.LocalDate.of(Integer.parseInt(line, year, year + 4, 10), month, dayOfMonth)
                    .toEpochDay() * 86_400_000L;
            return finish(line, Kind.TIME, pos, time.end(), date + millisOfDay, null, null, true);
        } catch (java.time.DateTimeException e) {
            return null; // the 31st of a month of 30 days
        }
    }

    private static java.util.Map<String, Integer> monthsByName() {
        java.util.Map<String, Integer> months = new java.util.HashMap<>();
        for (int m = 0; m < LOCALIZED_MONTHS.length; m++) {
            for (String name : LOCALIZED_MONTHS[m]) {
                months.put(name, m + 1);
            }
        }
        return java.util.Map.copyOf(months);
    }

    /** The month (1 to 12) {@code line} names from {@code from} to {@code to}; 0 when it names none. */
    private static int localizedMonth(String line, int from, int to) {
        char last = line.charAt(to - 1);
        if (last == '月' || last == '월') {
            int digits = Timestamps.digitRun(line, from, to - 1);
            int month = digits == to - 1 - from && digits > 0 && digits <= 2
                    ? Integer.parseInt(line, from, to - 1, 10) : 0;
            return month <= 12 ? month : 0;
        }
        String name = line.substring(from, last == '.' ? to - 1 : to).toLowerCase(java.util.Locale.ROOT);
        return MONTH_BY_NAME.getOrDefault(name, 0);
    }

    /**
     * Where the microseconds OpenVPN writes after a time ({@code " us=470645"}) that ends at {@code at} end, or -1 when
     * none are there: one to six digits, then a space or the end of the line.
     */
    private static int microsecondsEnd(String line, int at) {
        if (!line.startsWith(" us=", at)) {
            return -1;
        }
        int end = at + 4;
        while (end < line.length() && end - at < 10 && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
            end++;
        }
        return end > at + 4 && (end == line.length() || line.charAt(end) == ' ') ? end : -1;
    }

    /**
     * Whether {@code s[from..end)} is a Java class's member as a logger names its source: three dotted identifiers or
     * more, the package's first in lower case, a class among the others ({@code org.apache.catalina.startup.Catalina
     * .start}, {@code c.a.Shop}).
     */
    static boolean isJavaMember(String s, int from, int end) {
        if (end - from < 5 || !Character.isLowerCase(s.charAt(from))) {
            return false;
        }
        int parts = 1;
        boolean classNamed = false;
        boolean partStart = true;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.' && !partStart) {
                parts++;
                partStart = true;
            } else if (partStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                classNamed |= partStart && parts > 1 && Character.isUpperCase(c);
                partStart = false;
            } else {
                return false;
            }
        }
        return parts >= 3 && classNamed && !partStart;
    }

    /**
     * {@code sshd(pam_unix)[19939]:} gives {@code sshd(pam_unix)}, {@code main.go:42]} gives {@code main.go}: the pid,
     * line number and colon are not part of the component.
     */
    static String componentName(String s, int from, int end) {
        int e = end;
        while (e > from && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == '|')) {
            e--;
        }
        int digits = e;
        while (digits > from && Character.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        if (digits < e && digits - 1 > from && s.charAt(digits - 1) == ':') {
            e = digits - 1; // "main.go:12:" names the file, not the line
        }
        if (e > from && s.charAt(e - 1) == ']') {
            int open = s.lastIndexOf('[', e - 1);
            if (open > from) {
                e = open;
            } else {
                e--;
                int colon = s.lastIndexOf(':', e);
                if (colon > from) {
                    e = colon; // glog's "file.go:123]"
                }
            }
        }
        return s.substring(from, e);
    }

    static int closing(String s, int from) {
        char open = s.charAt(from);
        char close = open == '[' ? ']' : open == '(' ? ')' : '>';
        int depth = 0;
        for (int i = from; i < s.length() && i < from + MAX_BRACKET; i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPunctuation(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '"' || c == '\'' || c == '/' || c == '[' || c == '(') {
                return false;
            }
        }
        return true;
    }

    static int indexOfSpace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }
}
