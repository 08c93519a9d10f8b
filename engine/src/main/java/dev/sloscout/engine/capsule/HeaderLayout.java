package dev.sloscout.engine.capsule;

import dev.sloscout.engine.capsule.HeaderToken.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The layout of a log's line headers, learnt from a sample of its lines rather than guessed line by line: which
 * leading fields keep their position and kind across lines (timestamps, levels, pids, brackets, separators, a
 * component ending in a colon, columns padded or delimited by pipes or tabs). A field is header only when the layout
 * proves it: it is a field of a recognisable kind in at least {@value #CONSISTENT} of the lines (of those with a time
 * or a level of their own when no field holds in that many of all and they are most), or it sits before such a
 * field (a host before {@code sshd[42]:}, {@code RAS KERNEL} before {@code INFO}). A word in one line that merely
 * looks like a header field (the {@code user} of {@code 10:00:00 user 42 logged in}) stays message.
 *
 * <p>Lines are matched against the layout leniently, the way a log format's own regular expression would: a nil
 * value ({@code -}) stands for any field, a free field before a separator may take a few words ({@code Google Chrome
 * Helper[12]:}), and one field may hold a word instead of the separator or number the layout expects. A line that
 * does not fit (a banner, another format mixed in) keeps the fields it matched up to a proven one, or is read on its
 * own with the strict single-line rules, whose header counts there only when it has a time or a level and leaves a
 * message: a line of a message that no rule folded ({@code [SQL: ...]}) is message.
 */
public final class HeaderLayout {
    /** Share of the sample lines a field must hold for the layout to call it a field. */
    static final double CONSISTENT = 0.8;
    static final int MAX_FIELDS = 12;
    /** Free fields (hosts, loggers, nil values) before the field that proves them header. */
    private static final int MAX_UNPROVEN_RUN = 4;
    /** Words one free field before a separator or component may take. */
    private static final int MAX_SPAN = 3;
    /** Columns after the message a layout may have ({@link #trailingColumns}). */
    private static final int MAX_TRAILER = 2;
    /** Tokens after a header searched for a message word. */
    private static final int MESSAGE_LOOKAHEAD = 8;

    private enum Mode { WORDS, PIPES, TABS }

    /** An OSGi bundle's id, name and version ({@link #isBundle}). */
    private static final Pattern BUNDLE = Pattern.compile("\\d* ?- \\S* ?- ?\\S*");

    private final HeaderLexer lexer;
    private final Mode mode;
    /** The kind of each header field; null for a free field (any one token). */
    private final Kind[] fields;
    /** Learnt from enough lines: an empty layout then means "no header", not "read each line on its own". */
    private final boolean learnt;
    /** Whether the lines that fit the layout mostly get a time or a level from it ({@link #timed}). */
    private final boolean timed;
    /** Columns after the message, the first a logger's name ({@link #trailingColumns}); 0 when none. */
    private final int trailer;
    /** Where the sample's lines have their column delimiters at one offset ({@link #alignedDelimiters}). */
    private final BitSet aligned;
    /**
     * The layout learnt from the messages of the sample's java.util.logging records ({@link #julRecord}), what a
     * program writes at the head of each (Hazelcast's member, cluster and version); null when there were too few.
     */
    private final HeaderLayout julMessages;

    private HeaderLayout(HeaderLexer lexer, Mode mode, Kind[] fields, boolean learnt, List<String> sample) {
        this.lexer = lexer;
        this.mode = mode;
        this.fields = fields;
        this.learnt = learnt;
        this.timed = mode == Mode.WORDS && fields.length > 0 && timed(sample);
        this.aligned = mode == Mode.WORDS ? new BitSet() : alignedDelimiters(sample, delimiter(mode));
        this.trailer = mode == Mode.PIPES ? trailingColumns(sample) : 0;
        this.julMessages = null;
    }

    /** {@code layout} with the layout of its java.util.logging records' messages. */
    private HeaderLayout(HeaderLayout layout, HeaderLayout julMessages) {
        this.lexer = layout.lexer;
        this.mode = layout.mode;
        this.fields = layout.fields;
        this.learnt = layout.learnt;
        this.timed = layout.timed;
        this.trailer = layout.trailer;
        this.aligned = layout.aligned;
        this.julMessages = julMessages;
    }

    private HeaderLayout(HeaderLexer lexer, Mode mode, Kind[] fields, boolean learnt) {
        this(lexer, mode, fields, learnt, List.of());
    }

    /** No header known: every line is read on its own with the strict single-line rules. */
    public static HeaderLayout perLine(int defaultYear) {
        return new HeaderLayout(new HeaderLexer(new Timestamps(defaultYear)), Mode.WORDS, new Kind[0], false);
    }

    /**
     * Learns the layout from sample lines of one log (continuation lines of stack traces are best left out, but a
     * few do no harm).
     */
    public static HeaderLayout infer(List<String> sample, int defaultYear) {
        HeaderLexer lexer = new HeaderLexer(new Timestamps(defaultYear, Timestamps.writesDayFirst(sample)));
        List<String> lines = new ArrayList<>(sample.size());
        List<String> julMessages = new ArrayList<>();
        for (String line : sample) {
            LogHeader jul = line.isBlank() ? null : julRecord(line, lexer);
            if (jul != null) {
                julMessages.add(line.substring(jul.bodyStart()));
            } else if (!line.isBlank() && !isHeaderless(line) && !isUwsgiRequest(line)) {
                lines.add(line);
            }
        }
        HeaderLayout layout = infer(lines, lexer);
        return julMessages.size() < 3 ? layout : new HeaderLayout(layout, infer(julMessages, defaultYear));
    }

    /** The layout of {@code lines}, the sample's lines left to learn from. */
    private static HeaderLayout infer(List<String> lines, HeaderLexer lexer) {
        if (lines.size() < 3) {
            return new HeaderLayout(lexer, Mode.WORDS, new Kind[0], false); // too few lines to learn from
        }
        for (char delimiter : new char[] {'|', '\t'}) {
            Kind[] columns = inferColumns(lines, lexer, delimiter);
            if (columns.length > 0) {
                return new HeaderLayout(lexer, delimiter == '|' ? Mode.PIPES : Mode.TABS, columns, true, lines);
            }
        }
        Kind[] words = inferWords(lines, lexer);
        OwnHeaders own = OwnHeaders.of(lines, lexer);
        List<String> headed = own.headed();
        if (words.length > 0) {
            // lines with neither a time nor a level have no header to vote on (a message's lines no rule folded:
            // Derby's "ERROR 42X05: ..." under a record, its "Cleanup action completed"): the headers of the others
            // may hold more fields than every line has
            Kind[] ofHeaded = headed.size() >= 3 && headed.size() < lines.size() ? inferWords(headed, lexer) : words;
            boolean longer = ofHeaded.length > words.length && !partsFrom(words, ofHeaded);
            List<String> learnt = longer ? headed : lines;
            words = longer ? ofHeaded : words;
            List<String> most = own.mostCommon().size() * 2 >= learnt.size() ? own.mostCommon() : List.of();
            Kind[] theirs = most.size() >= 3 && most.size() < learnt.size() ? inferWords(most, lexer) : words;
            return partsFrom(words, theirs) ? new HeaderLayout(lexer, Mode.WORDS, theirs, true, most)
                    : new HeaderLayout(lexer, Mode.WORDS, words, true, learnt);
        }
        if (headed.size() * 2 > lines.size() && headed.size() < lines.size() && headed.size() >= 2) {
            words = inferWords(headed, lexer);
        }
        if (words.length == 0 && headed.size() >= CONSISTENT * lines.size()) {
            // lines of two loggers or more (an application's and its access log's in one container's output): no
            // layout holds for most, yet most have a header of their own, each read on its own
            return new HeaderLayout(lexer, Mode.WORDS, new Kind[0], false);
        }
        return new HeaderLayout(lexer, Mode.WORDS, words, true, headed);
    }

    /**
     * Whether most of the sample's lines that fit the layout have a time or a level in it: then a line that fits it
     * without either may be another logger's that only looks alike ({@link #parse}).
     */
    private boolean timed(List<String> sample) {
        int fitting = 0;
        int withTimeOrLevel = 0;
        for (String line : sample) {
            Line l = new Line(line, lexer, mode);
            Matcher m = new Matcher(l, fields);
            if (m.longest() == fields.length) {
                fitting++;
                LogHeader h = header(l, m.tokens());
                withTimeOrLevel += h.hasTime() || h.severity() != Severity.UNKNOWN ? 1 : 0;
            }
        }
        return withTimeOrLevel * 2 > fitting;
    }

    /**
     * How many columns of the sample's lines follow the message when the first of them is a logger's name in
     * {@value #CONSISTENT} of the lines that fit the header: ActiveMQ writes {@code time | LEVEL | message | logger |
     * thread} ({@code %d | %-5p | %m | %c | %t}). The thread would split one message into as many templates as threads
     * log it, the logger keep its name in each; both are left out of the message, the logger is its component.
     */
    private int trailingColumns(List<String> sample) {
        int fitting = 0;
        int[] votes = new int[MAX_TRAILER + 1];
        for (String line : sample) {
            Line l = new Line(line, lexer, mode);
            if (columnsMatched(l) == fields.length) {
                fitting++;
                int bodyStart = header(l, fields.length).bodyStart();
                for (int columns = 1; columns <= MAX_TRAILER; columns++) {
                    if (trailerStart(line, bodyStart, columns) > 0) {
                        votes[columns]++;
                        break;
                    }
                }
            }
        }
        for (int columns = 1; columns <= MAX_TRAILER; columns++) {
            if (fitting >= 3 && votes[columns] >= CONSISTENT * fitting) {
                return columns;
            }
        }
        return 0;
    }

    /**
     * GlassFish's uniform log format (ULF) opens a record with {@code [#|} and closes it with {@code |#]}, the time,
     * level, product, logger and {@code key=value;} pairs as pipe-delimited columns between ({@code
     * [#|2026-12-05T14:59:20.636+0000|INFO||fish.payara.micro.PayaraMicro|_ThreadID=1;_ThreadName=main;|Built Payara
     * Micro Runtime|#]}): the marks are the header's and the close's, not the message's.
     */
    public static final String ULF_OPEN = "[#|";
    public static final String ULF_CLOSE = "|#]";

    /**
     * Where the message of {@code line} ends when its last {@code columns} pipe-delimited columns after {@code
     * bodyStart} open with a logger's name ({@code | org.apache.activemq.broker.BrokerService | main}), or -1.
     */
    private static int trailerStart(String line, int bodyStart, int columns) {
        int bar = line.length();
        for (int i = 0; i < columns; i++) {
            bar = bar > 0 ? line.lastIndexOf(" | ", bar - 1) : -1;
            if (bar < bodyStart) {
                return -1;
            }
        }
        return isLoggerName(line, bar + 3, columnEnd(line, bar + 3)) ? bar : -1;
    }

    /** Where the pipe-delimited column that starts at {@code from} ends: its {@code " | "}, or the line's end. */
    private static int columnEnd(String line, int from) {
        int bar = line.indexOf(" | ", from);
        return bar < 0 ? line.length() : bar;
    }

    /** A Java logger's name: dotted words of letters, digits, {@code _} and {@code $}, a letter first. */
    private static boolean isLoggerName(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        boolean dotted = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean dot = c == '.' && i > from && i + 1 < to && s.charAt(i - 1) != '.';
            dotted |= dot;
            if (!(dot || Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return dotted && Character.isLetter(s.charAt(from));
    }

    /** The header with its message ending before the layout's {@link #trailer}, the logger there its component. */
    private LogHeader trailed(String line, LogHeader header) {
        int end = trailer > 0 ? trailerStart(line, header.bodyStart(), trailer) : -1;
        if (end < 0 && line.endsWith(ULF_CLOSE) && line.startsWith(ULF_OPEN)
                && header.bodyStart() <= line.length() - ULF_CLOSE.length()) {
            return new LogHeader(header.epochMillis(), header.severity(), header.component(), header.bodyStart(),
                    line.length() - ULF_CLOSE.length());
        }
        if (end < 0) {
            return header;
        }
        String logger = line.substring(end + 3, columnEnd(line, end + 3)).strip();
        return new LogHeader(header.epochMillis(), header.severity(),
                header.component().isEmpty() ? logger : header.component(), header.bodyStart(), end);
    }

    /**
     * The sample's lines read each on its own ({@link #singleLine}), once. {@code headed}: the lines that have a time
     * or a level so. When they are most of the lines but not all, a header the log's events share is learnt from them:
     * the other lines (a message's lines that no rule folds, a program's prints among its logger's lines) keep it below
     * {@link #CONSISTENT} of all, and one line in four without it cost every event its time and level. {@code
     * mostCommon}: the largest group of those whose own headers are of one kind. Two loggers write one stream
     * (Dropwizard's records, {@code INFO  [2026-12-05 21:07:03,234] shop.Orders: ...}, and its requests, {@code
     * 127.0.0.1 - - [05/Dec/...] "GET ..."}): the fields both share make a layout that fits every line (a word, then a
     * bracket), while the layout of the more common loses none of theirs (the logger), when they are half the lines
     * learnt from or more; the other's lines are then read on their own.
     */
    private record OwnHeaders(List<String> headed, List<String> mostCommon) {
        static OwnHeaders of(List<String> lines, HeaderLexer lexer) {
            List<String> headed = new ArrayList<>();
            Map<String, List<String>> byHeader = new HashMap<>();
            List<String> most = List.of();
            for (String line : lines) {
                Line l = new Line(line, lexer, Mode.WORDS);
                Kind[] own = singleLine(l);
                if (hasTimeOrLevel(l, own.length)) { // a bracket alone may be message
                    headed.add(line);
                    List<String> alike = byHeader.computeIfAbsent(Arrays.toString(own), k -> new ArrayList<>());
                    alike.add(line);
                    most = alike.size() > most.size() ? alike : most;
                }
            }
            return new OwnHeaders(headed, most);
        }
    }

    /**
     * Whether {@code theirs} parts from {@code words} within the fields both have: the layout of every line is then
     * one two loggers' lines share (a word where one has its level, a bracket where the other has two dashes), not
     * one that merely leaves out a field some lines lack (lighttpd's {@code Doc-Root :} in its debug dump, read as a
     * component on its own).
     */
    private static boolean partsFrom(Kind[] words, Kind[] theirs) {
        for (int i = 0; i < Math.min(theirs.length, words.length); i++) {
            if (words[i] != theirs[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * How a line of an Erlang or Elixir process's crash report opens when printed on its own ({@code ** (RuntimeError)
     * fatal at end}, a script's uncaught exception): no header, whatever words follow (a level's among them).
     */
    private static final String OTP_CRASH_LINE = "** ";

    /**
     * A line no logger's header opens: the platform's report ({@link #isPlatformReport}) or an OTP crash report's
     * line ({@link #OTP_CRASH_LINE}). Left out of the sample and read as all message.
     */
    static boolean isHeaderless(String line) {
        return isPlatformReport(line) || isOtpCrashLine(line);
    }

    /**
     * Whether {@code line} is a line of an Erlang or Elixir process's crash report ({@code ** Generic server cart
     * terminating}, {@code ** (KeyError) ...}): no header of its own; under a record that is not routine, part of it.
     */
    public static boolean isOtpCrashLine(String line) {
        return line.startsWith(OTP_CRASH_LINE);
    }

    /** What AWS Lambda writes around each invocation, among the function's own lines, in a header of its own. */
    private static final String[] PLATFORM_REPORTS = {"START RequestId: ", "END RequestId: ", "REPORT RequestId: ",
        "INIT_START ", "INIT_REPORT ", "RESTORE_START ", "RESTORE_REPORT "};

    /**
     * A line the platform running the program wrote among the program's own: AWS Lambda's report of each invocation
     * ({@code START RequestId: ...}, {@code END ...}, {@code REPORT ...}), up to three a request. Left out of the
     * sample the layout is learnt from (it would take a function's log below the share a field must hold), and read
     * as all message (its words name what it reports).
     */
    static boolean isPlatformReport(String line) {
        if (line.isEmpty() || "SERI".indexOf(line.charAt(0)) < 0) {
            return false; // nearly every line: its first character tells
        }
        for (String report : PLATFORM_REPORTS) {
            if (line.startsWith(report)) {
                return true;
            }
        }
        return false;
    }

    /** The header fields, e.g. {@code TIME LEVEL [..] COMPONENT:}, for diagnostics and docs. */
    public String describe() {
        StringJoiner j = new StringJoiner(mode == Mode.PIPES ? " | " : mode == Mode.TABS ? " \\t " : " ");
        for (Kind k : fields) {
            j.add(k == null ? "*" : k.name());
        }
        for (int i = 0; i < trailer; i++) {
            j.add(i == 0 ? "(message) | LOGGER" : "*");
        }
        return fields.length > 0 ? j.toString() : learnt ? "(none: lines are all message)"
                : "(not learnt: each line read on its own)";
    }

    /** Number of header fields the layout has (0: none proven). */
    public int fieldCount() {
        return fields.length;
    }

    /** The header of one line. */
    public LogHeader parse(String line) {
        if (isUwsgiRequest(line)) {
            return uwsgiRequest(line);
        }
        LogHeader ganesha = ganeshaRecord(line);
        if (ganesha != null) {
            return ganesha;
        }
        LogHeader jul = julRecord(line, lexer);
        if (jul != null) {
            return julMessages == null ? jul : julMessages.headedMessage(line, jul);
        }
        LogHeader glib = glibRecord(line, lexer);
        if (glib != null) {
            return glib;
        }
        if (isHeaderless(line)) {
            return header(new Line(line, lexer, Mode.WORDS), 0); // the platform's, an OTP crash line: all message
        }
        if (learnt && fields.length == 0) {
            return datedOnItsOwn(line); // no header shown: all message, but for a line that opens with its date
        }
        Line l = fields.length > 0 ? new Line(line, lexer, mode) : null;
        boolean anotherWriters = l != null && levelPastTimeAlone(l);
        if (l != null && !anotherWriters) {
            if (mode != Mode.WORDS) {
                if (columnsMatched(l) == fields.length) {
                    return unlessWholeLine(line, trailed(line, header(l, fields.length)));
                }
            } else {
                int tokens = wordsMatched(l);
                if (tokens >= 0) {
                    return unlessWholeLine(line, ownIfUntimed(line, header(l, levelAfterName(l, tokens))));
                }
            }
        }
        Line single = anotherWriters ? l : new Line(line, lexer, Mode.WORDS); // lexed in words already
        Kind[] own = singleLine(single);
        if (own.length == 0) {
            return header(single, opensWithItsLevel(single) ? 1 : 0);
        }
        LogHeader header = header(single, own.length);
        if (fields.length > 0 && (header.bodyStart() >= line.length() && !header.hasTime()
                || !hasTimeOrLevel(single, own.length))) {
            // not the log's header: a line among its events' ("[SQL: ...]" under an error) is message, not a bracket;
            // a time alone is a header still (Derby's "Sat Dec 05 21:44:46 UTC 2026:" over the lines it reports)
            return header(single, opensWithItsTimeBracket(single) ? 1 : 0);
        }
        return leavingAMessage(single, own.length, header);
    }

    /**
     * {@code tokens}, the tokens of {@code l} the layout takes, and one more when they end with a bracket that holds
     * no level, none of them holds one, and a bracket with a level comes next: a logger's name stands where the log's
     * level does, its level after it. spdlog writes {@code [2026-12-07 00:20:03.370] [info] ...} for its default
     * logger and {@code [2026-12-07 00:20:03.370] [inventory] [trace] ...} for a named one, into one output.
     */
    private static int levelAfterName(Line l, int tokens) {
        HeaderToken last = tokens > 0 ? l.token(tokens - 1) : null;
        HeaderToken next = last != null && last.kind == Kind.BRACKET && last.severity == null ? l.token(tokens) : null;
        if (next == null || next.kind != Kind.BRACKET || next.severity == null) {
            return tokens;
        }
        for (int i = 0; i < tokens; i++) {
            if (l.token(i).severity != null) {
                return tokens;
            }
        }
        return tokens + 1;
    }

    /**
     * Whether this layout is a time alone and {@code l} holds a level in brackets right after its time: another
     * writer's record among the lines of a logger that writes none, read on its own. Node's {@code debug} module
     * writes a time and the message ({@code 2026-12-06T18:49:39.931Z engine intercepting request ...}); an app's
     * logger beside it, tracer, a level ({@code 2026-12-06T18:49:39+0000 <warn> app.js:9 (Socket.<anonymous>) ...}),
     * whose lines the time alone left of unknown level.
     */
    private boolean levelPastTimeAlone(Line l) {
        if (fields.length != 1 || fields[0] != Kind.TIME || mode != Mode.WORDS) {
            return false;
        }
        HeaderToken time = l.token(0);
        HeaderToken next = time != null && time.kind == Kind.TIME ? l.token(1) : null;
        return next != null && next.kind == Kind.BRACKET && next.severity != null;
    }

    /**
     * How many of {@code l}'s tokens the fields of this layout of words take, one a field or as its matcher lets a
     * free field take more; -1 when the layout does not hold for the line.
     */
    private int wordsMatched(Line l) {
        if (alignedOneToOne(l)) {
            return fields.length;
        }
        Matcher m = new Matcher(l, fields);
        return m.longest() == fields.length ? m.tokens() : -1;
    }

    /**
     * {@code header}, the first {@code tokens} header tokens of a line read on its own, unless it takes every word
     * ({@code 127.0.0.1 - - [03/Dec/2026 23:46:35] "GET /a HTTP/1.1" 200 -}, werkzeug's access line read before a
     * layout is learnt): then the header ends with its date (and a level after it), the rest is the message.
     */
    private LogHeader leavingAMessage(Line single, int tokens, LogHeader header) {
        if (header.bodyStart() < single.text.length()) {
            return header;
        }
        int dated = toItsDate(single, tokens);
        LogHeader toDate = dated > 0 ? header(single, dated) : null;
        return toDate != null && toDate.bodyStart() < single.text.length() ? toDate : header;
    }

    /**
     * Whether a line that fits no layout opens with a bracket that holds a time, as the log's layout opens with a
     * bracket: its own header with the fields after the time left out. rkhunter writes {@code [14:40:38] Info: ...}
     * and {@code [14:40:38] Warning: ...}, and a check's result with the time alone before it, indented ({@code
     * [14:40:38]   Checking for a running system logging daemon    [ Warning ]}); a time of day without a date was not
     * taken for a header on such a line, and the check's result had no time.
     */
    private boolean opensWithItsTimeBracket(Line single) {
        HeaderToken first = single.token(0);
        return fields.length > 1 && fields[0] == Kind.BRACKET && first != null && first.kind == Kind.BRACKET
                && first.epochMillis != LogHeader.NO_TIME;
    }

    /**
     * Whether a line that fits no layout opens with the level the log's layout opens with, a level and a colon that a
     * line read on its own takes as part of its message ({@code error: disk full}): Puppet's console writes {@code
     * Debug: Facter: ...} with a component and {@code Debug: Loaded state in 0.00 seconds} without one, and the
     * level is the header of both.
     */
    private boolean opensWithItsLevel(Line single) {
        HeaderToken first = single.token(0);
        return fields.length > 1 && fields[0] == Kind.LEVEL && first != null && first.kind == Kind.LEVEL
                && first.next < single.text.length();
    }

    /**
     * A line of a log that shows no header (a server's start-up prints, most of them): read on its own when it opens
     * with a date (not a number alone, {@link #isNumber}), else all message (but for a level badge, {@link
     * #isLevelBadge}). The lines an application's logger writes among a server's prints (a Python app's records under
     * uWSGI, whose own lines have no time) keep their time and level; a word that only looks like a level or a
     * component in a print stays message.
     */
    private LogHeader datedOnItsOwn(String line) {
        Line single = new Line(line, lexer, Mode.WORDS);
        HeaderToken first = single.token(0);
        if (first != null && first.kind == Kind.LEVEL && isLevelBadge(line)) {
            return header(single, 1);
        }
        int symbol = levelSymbolEnd(line);
        if (symbol > 0) {
            return new LogHeader(LogHeader.NO_TIME, Severity.fromSymbol(line.charAt(symbolAt(line))), "", symbol + 1);
        }
        if (first == null) {
            return header(single, 0);
        }
        if ((first.kind == Kind.TIME || first.kind == Kind.BRACKET) && LogHeader.isDated(first.epochMillis)) {
            if (isNumber(line, first.start, first.end)) {
                return header(single, 0);
            }
            int tokens = singleLine(single).length; // Django's runserver "[03/Dec/2026 17:49:01] ..."
            return leavingAMessage(single, tokens, header(single, tokens));
        }
        // a date further in, on a line another logger wrote (Rack's "127.0.0.1 - - [03/Dec/2026:18:27:11 +0000]
        // "GET ...", Ruby's "W, [2026-12-03T18:27:11.932884 #18930]  WARN -- : ...")
        int end = toItsDate(single, singleLine(single).length);
        LogHeader own = end > 0 ? header(single, end) : null;
        return own != null && own.bodyStart() < line.length() ? own : header(single, 0);
    }

    /**
     * Whether {@code line} holds a number alone from {@code from} to {@code to}, digits and a point: an epoch's count
     * of seconds, but in a log whose lines show no header more likely a value a program printed (a histogram's
     * bucket) than the time of a line.
     */
    private static boolean isNumber(String line, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * How many of a line's first {@code tokens} header tokens (read on its own) make its header when one of them holds
     * a date: up to it and the level, component or separator after it, no further (an access line's request, status
     * and size after its date are message, where the single-line rules may take them on); -1 without a date.
     */
    private static int toItsDate(Line single, int tokens) {
        for (int i = 0; i < tokens; i++) {
            if (LogHeader.isDated(single.token(i).epochMillis)) {
                int end = i + 1;
                while (end < tokens && (single.token(end).kind == Kind.LEVEL
                        || single.token(end).kind == Kind.COMPONENT || single.token(end).kind == Kind.SEPARATOR)) {
                    end++;
                }
                return end;
            }
        }
        return -1;
    }

    /**
     * Where the space after a level's symbol opening the line is ({@code ℹ order placed}, {@code ✖ db down}, as
     * log-symbols and consola print among a Node tool's output, {@code "   ⨯ release failed"} as apex/log's
     * command-line handler does a few spaces in: {@link Severity#fromSymbol}), or -1. Read only on a line of a log
     * without a layout: a symbol is no header field the layout learns.
     */
    private static int levelSymbolEnd(String line) {
        int at = symbolAt(line);
        int space = line.length() > at + 2 && line.charAt(at + 1) == '\uFE0F' ? at + 2 : at + 1; // "⚠️": a selector
        return line.length() > space + 1 && line.charAt(space) == ' ' && Severity.fromSymbol(line.charAt(at)) != null
                ? space : -1;
    }

    /** Spaces before a level's symbol ({@link #levelSymbolEnd}) at most. */
    private static final int MAX_SYMBOL_INDENT = 4;

    /** Where a line's first character after at most {@value #MAX_SYMBOL_INDENT} spaces is. */
    private static int symbolAt(String line) {
        int at = 0;
        while (at < line.length() - 1 && at < MAX_SYMBOL_INDENT && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /**
     * Whether a level opens the line as a badge, one space in, in capitals and two spaces after, as consola's fancy
     * reporter prints a warning or an error among a Node program's prints ({@code " WARN  cache miss rate high"},
     * {@code " ERROR  redis down"}): an event of its own though indented, and its level.
     */
    public static boolean isLevelBadge(String line) {
        if (line.length() < 4 || line.charAt(0) != ' ' || line.charAt(1) < 'A' || line.charAt(1) > 'Z') {
            return false;
        }
        int end = 2;
        while (end < line.length() && line.charAt(end) >= 'A' && line.charAt(end) <= 'Z') {
            end++;
        }
        return line.startsWith("  ", end) && end + 2 < line.length() && line.charAt(end + 2) != ' '
                && Severity.fromWord(line, 1, end) != null;
    }

    /**
     * {@code header}, unless it has neither a time nor a level while the line read on its own has one, and the
     * layout's lines have a time or a level or the line a date of its own: another logger's line that fits the layout
     * by its dashes, an access log's {@code 127.0.0.1 - - [03/Dec/2026:17:49:26 +0000] "GET /a HTTP/1.1" 200} among
     * gunicorn's {@code [2026-12-03 17:49:24 +0000] [15928] [INFO]} records (both on a container's output), keeps its
     * own time and the status after its request; so does an Express app's morgan access line among its winston
     * records when they are only half the lines and the layout learnt from both holds no time.
     */
    private LogHeader ownIfUntimed(String line, LogHeader header) {
        if (header.hasTime() || header.severity() != Severity.UNKNOWN) {
            return header;
        }
        Line single = new Line(line, lexer, Mode.WORDS);
        int tokens = singleLine(single).length;
        if (tokens == 0 || !hasTimeOrLevel(single, tokens)) {
            return header;
        }
        int dated = toItsDate(single, tokens);
        if (!timed && dated <= 0) {
            return header; // the layout's lines say neither: a level word alone is no sign of another logger
        }
        LogHeader own = header(single, dated > 0 ? dated : tokens);
        return own.bodyStart() < line.length() ? own : header;
    }

    /**
     * {@code header}, unless it takes the whole line and says neither when nor how severe: then the line is a message
     * that only looks like the log's header (Celery's {@code [tasks]} among its {@code [2026-12-03 15:35:32,101:
     * INFO/MainProcess]} records), not an empty one.
     */
    private LogHeader unlessWholeLine(String line, LogHeader header) {
        return header.bodyStart() < line.length() || LogHeader.isDated(header.epochMillis())
                || header.severity() != Severity.UNKNOWN ? header
                : header(new Line(line, lexer, Mode.WORDS), 0);
    }

    /**
     * Whether the line's first {@code tokens} tokens, read as a header on their own, say when or how severe: a time
     * (of day too) or a level, or a bracket holding a time or a level in a few words ({@code [INFO]},
     * {@code [2024-03-01 12:00:00 +0000]}; not a sentence in parentheses that says "error").
     */
    private static boolean hasTimeOrLevel(Line l, int tokens) {
        for (int i = 0; i < tokens; i++) {
            HeaderToken t = l.token(i);
            if (t.kind == Kind.TIME || t.kind == Kind.LEVEL || LogHeader.isDated(t.epochMillis)
                    || t.kind == Kind.BRACKET && t.severity != null && spaces(l.text, t.start, t.end) <= 2) {
                return true;
            }
        }
        return false;
    }

    private static int spaces(String text, int from, int to) {
        int spaces = 0;
        for (int i = from; i < to; i++) {
            spaces += text.charAt(i) == ' ' ? 1 : 0;
        }
        return spaces;
    }

    /**
     * Whether each field takes one token of its kind: the alignment the {@link Matcher} tries first and keeps when it
     * holds, so most lines are read without it.
     */
    private boolean alignedOneToOne(Line l) {
        for (int i = 0; i < fields.length; i++) {
            HeaderToken t = l.token(i);
            if (t == null || !Matcher.compatible(l.text, t, fields[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many of the layout's columns {@code l} fills. A free field may hold spaces once a typed one has matched: the
     * line is the pattern's, so its columns are too (Karaf pads a thread to sixteen characters without cutting it,
     * and {@code Karaf Shutdown Socket Thread} is as much a thread as {@code main}).
     */
    private int columnsMatched(Line l) {
        boolean typed = false;
        for (int i = 0; i < fields.length; i++) {
            HeaderToken t = l.token(i);
            if (t == null || t.delimiter == HeaderToken.Delimiter.END
                    || isFreeText(l.text, t, aligned) && !(typed && fields[i] == null)
                    || fields[i] != null && t.kind != fields[i] && !t.isDash(l.text)
                    && !(t.kind == Kind.SEPARATOR && t.start == t.end)) {
                return i;
            }
            typed |= fields[i] != null;
        }
        return fields.length;
    }

    /**
     * Where the message starts after Squid's debugging section and level ({@code 2026/12/04 14:57:29.818| 33,2|
     * AsyncCall.cc(29) ...}: Squid writes them after its time's pipe for messages above level 1, debugging all), or
     * -1 when {@code from} holds no such field.
     */
    private static int squidSection(String s, int from) {
        int comma = from + Timestamps.digitRun(s, from, Math.min(s.length(), from + 3));
        int pipe = comma > from && comma < s.length() && s.charAt(comma) == ','
                ? comma + 1 + Timestamps.digitRun(s, comma + 1, Math.min(s.length(), comma + 3)) : -1;
        return pipe > comma + 1 && pipe + 1 < s.length() && s.charAt(pipe) == '|' && s.charAt(pipe + 1) == ' '
                ? pipe + 2 : -1;
    }

    /** The header made of the line's first {@code tokens} tokens. */
    private static LogHeader header(Line l, int tokens) {
        long time = LogHeader.NO_TIME;
        Severity severity = null;
        String component = null;
        String word = null;
        boolean wordBeforeSeparator = false;
        int bodyStart = 0;
        for (int i = 0; i < tokens; i++) {
            HeaderToken t = l.token(i);
            HeaderToken after = i + 1 < tokens ? l.token(i + 1) : null;
            if (time == LogHeader.NO_TIME || LogHeader.isDateless(time) && LogHeader.isDated(t.epochMillis)) {
                time = t.epochMillis; // the first time with a date, else the first time of day
            }
            if (severity == null && t.severity != null) {
                severity = t.severity;
            }
            if (component == null && t.component != null && (t.kind == Kind.COMPONENT || t.kind == Kind.LEVEL)) {
                component = t.component;
            }
            if (t.kind == Kind.WORD && t.end - t.start > 1 && HeaderLexer.isComponentName(l.text, t.start, t.end)
                    && !HeaderLexer.isFreeText(l.text, t) && (after == null || !LogHeader.isDated(after.epochMillis))
                    && !(wordBeforeSeparator && (after == null || after.kind != Kind.SEPARATOR))) {
                // a logger or program: the name before a separator, else the last name not followed by a time
                // (an access log's user and a host stand before the timestamp)
                word = withoutPid(l.text, t.start, t.end);
                wordBeforeSeparator = after != null && after.kind == Kind.SEPARATOR;
            }
            bodyStart = t.next;
        }
        String text = l.text;
        int n = text.length();
        while (bodyStart < n && (text.charAt(bodyStart) == ' ' || text.charAt(bodyStart) == '\t')) {
            bodyStart++;
        }
        while (bodyStart < n && tokens > 0 && (text.charAt(bodyStart) == '|'
                || (text.charAt(bodyStart) == '-' || text.charAt(bodyStart) == ':')
                && (bodyStart + 1 == n || text.charAt(bodyStart + 1) == ' ')
                || text.startsWith("-- ", bodyStart))) {
            // " - message", "| message", ": message"; Ruby's Logger " -- progname: message" ("-- : " without one)
            boolean dashes = text.startsWith("-- ", bodyStart);
            bodyStart += dashes ? 2 : 1;
            while (bodyStart < n && (text.charAt(bodyStart) == ' ' || text.charAt(bodyStart) == '\t')) {
                bodyStart++;
            }
            int program = dashes && component == null && word == null ? programNamed(text, bodyStart) : -1;
            if (program > 0) {
                component = text.substring(bodyStart, program - 2);
                bodyStart = program;
            }
        }
        int section = tokens > 0 && l.token(tokens - 1).delimiter == HeaderToken.Delimiter.PIPE
                ? squidSection(text, bodyStart) : -1;
        if (section > 0) {
            severity = severity != null ? severity : Severity.DEBUG;
            bodyStart = section;
        }
        int programTag = tokens > 0 ? programTagOpen(text, bodyStart) : -1;
        if (programTag > 0) {
            String program = text.substring(text.lastIndexOf(' ', programTag) + 1, programTag);
            bodyStart = afterRepeatedTag(text, program, bodyStart);
            LogHeader own = programsOwn(l.lexer, text, bodyStart);
            if (own != null) { // the program's own header under syslog's: its level, its date, its message
                boolean dated = LogHeader.isDated(time) && !YearlessTimes.isYearless(time);
                return new LogHeader(dated || !LogHeader.isDated(own.epochMillis()) ? time : own.epochMillis(),
                        severity != null ? severity : own.severity(),
                        component != null ? component : word != null ? word : "", bodyStart + own.bodyStart());
            }
        }
        if (severity == null) {
            severity = redisLevel(text, bodyStart);
        }
        int postgres = severity == null ? postgresTag(text, bodyStart) : -1;
        if (postgres >= 0) {
            int message = PostgresMessages.messageStart(text, postgres);
            String tag = text.substring(postgres, text.indexOf(':', postgres));
            severity = PostgresMessages.severity(tag, 0, tag.length());
            component = tag.equals(component) ? null : component; // LOG read as the logger's name
            word = tag.equals(word) ? null : word;
            bodyStart = Math.max(bodyStart, message);
        }
        if (severity == null) {
            severity = leadingLevel(text, bodyStart);
        } else if (component == null && word == null) {
            int module = moduleNamed(text, bodyStart);
            if (module > 0) { // Flask's "[time] ERROR in app: ...": the module is the component
                component = text.substring(bodyStart + IN.length(), module - 2);
                bodyStart = module;
            }
            int located = module > 0 ? -1 : codeLocated(text, bodyStart);
            if (located > 0) { // loguru's "time | ERROR    | app.jobs:run:42 - ...": the module is the component
                component = text.substring(bodyStart, text.indexOf(':', bodyStart));
                bodyStart = located;
            }
        }
        if ((severity == Severity.UNKNOWN || time == LogHeader.NO_TIME) && bodyStart < n
                && HeaderLexer.opensWithPair(text, bodyStart)) {
            HeaderLexer.PairFields pairs = l.lexer.pairFields(text, bodyStart); // the level and time after others
            if (pairs != null && severity == Severity.UNKNOWN && pairs.level() != null) {
                severity = pairs.level();
            }
            if (pairs != null && time == LogHeader.NO_TIME) {
                time = pairs.epochMillis();
            }
            if (pairs != null && pairs.messageStart() > 0) {
                bodyStart = pairs.messageStart();
            }
        }
        if (time == LogHeader.NO_TIME && bodyStart < n && text.charAt(bodyStart) >= '0'
                && text.charAt(bodyStart) <= '9') {
            time = wrappedAccessTime(l.lexer, text, bodyStart); // an access line under Python's default format
        }
        if (severity.compareTo(Severity.WARN) < 0 && bodyStart < n) {
            // a server that logs every request at one level (uvicorn's INFO) still answered it with an error
            char first = text.charAt(bodyStart);
            Severity status = first == '"' ? quotedAccessStatus(text, bodyStart)
                    : first >= '0' && first <= '9' ? wrappedAccessStatus(text, bodyStart)
                    : requestOrProxyStatus(text, bodyStart);
            if (status == Severity.UNKNOWN && severity == Severity.UNKNOWN) {
                status = loadBalancerStatus(text); // a line without a level: perhaps a load balancer's entry
            }
            if (status == Severity.UNKNOWN) {
                status = deliveryStatus(text, bodyStart); // a mail server's delivery, by its status code's class
            }
            // a status raises a level to a warning or an error, but gives a level only to a line without one: a
            // request a program logged at DEBUG that was answered well is still DEBUG (log4js's "[DEBUG] http - GET
            // /orders/7 200 12ms"), not information
            boolean says = severity == Severity.UNKNOWN || status.compareTo(Severity.WARN) >= 0;
            severity = says && status.compareTo(severity) > 0 ? status : severity;
        }
        return new LogHeader(time, severity, component != null ? component : word != null ? word : "", bodyStart);
    }

    /**
     * Where the bracket of a syslog program tag, {@code name[pid]:}, opens when a header ends with one at {@code
     * bodyStart} (spaces after it aside: {@code journalctl}'s and {@code /var/log/syslog}'s {@code checkout[31670]: });
     * else -1. The header's reading and the reader's folding of a program's lines both ask it.
     */
    public static int programTagOpen(String text, int bodyStart) {
        int end = bodyStart;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end < 4 || text.charAt(end - 1) != ':' || text.charAt(end - 2) != ']') {
            return -1;
        }
        int open = end - 3;
        while (open > 0 && text.charAt(open) >= '0' && text.charAt(open) <= '9') {
            open--;
        }
        return open < end - 3 && text.charAt(open) == '[' ? open : -1;
    }

    /**
     * Where the message starts when it opens by repeating a host and the program's name as a tag ({@code nginx[42]:
     * vm nginx: 2026/12/03 ...}, {@code vm nginx_access: 127.0.0.1 ...}: nginx sends syslog a header with its host,
     * which journald does not take off); {@code from} when it does not.
     */
    private static int afterRepeatedTag(String text, String program, int from) {
        int space = text.indexOf(' ', from);
        if (program.isEmpty() || space <= from || text.lastIndexOf(':', space) >= from
                || !text.startsWith(program, space + 1)) {
            return from;
        }
        int colon = text.indexOf(": ", space + 1 + program.length());
        return colon > 0 && text.indexOf(' ', space + 1) > colon ? colon + 2 : from;
    }

    /**
     * The header of a program's own line that syslog's header wraps ({@code postgres[314]: [8-1] 2026-12-03 23:06:00
     * UTC [314]: [3-1] user=shop,db=shop ERROR:  division by zero}, {@code worker[9]: 2026-12-03 12:00:00,123 INFO
     * jobs: job 7 started}), read on its own from {@code from}: up to its date and what follows it, when it opens
     * with its date ({@link #mayOpenWithDate}; after a bracket at most: syslog's line number) and has a message after
     * it; else null. A message that holds a date further in (an access log's entry after its client) keeps it.
     */
    private static LogHeader programsOwn(HeaderLexer lexer, String text, int from) {
        if (!mayOpenWithDate(text, from)) {
            return null; // most programs' lines open with words: none read twice
        }
        Line own = new Line(text.substring(from), lexer, Mode.WORDS);
        int tokens = singleLine(own).length;
        int date = tokens > 1 && own.token(0).kind == Kind.BRACKET && !LogHeader.isDated(own.token(0).epochMillis)
                ? 1 : 0;
        int dated = date < tokens && LogHeader.isDated(own.token(date).epochMillis) ? toItsDate(own, tokens) : -1;
        LogHeader header = dated > 0 ? header(own, dated) : null;
        return header != null && header.bodyStart() < own.text.length() ? header : null;
    }

    /**
     * Whether the text from {@code from} may open with a date: a digit, a bracket, or a word of three letters and a
     * space, a month's or a day's name ({@code Dec 03, 2026 11:33:26 PM}, java.util.logging's).
     */
    private static boolean mayOpenWithDate(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        char first = text.charAt(from);
        return first == '[' || first >= '0' && first <= '9'
                || first >= 'A' && first <= 'Z' && from + 3 < text.length() && text.charAt(from + 3) == ' '
                        && Character.isLowerCase(text.charAt(from + 1)) && Character.isLowerCase(text.charAt(from + 2));
    }

    private static final String IN = "in ";

    /** The most characters Ruby's Logger's program name takes in a header ({@link #programNamed}). */
    private static final int MAX_PROGRAM_NAME = 64;

    /**
     * Where the message starts after a program's name and a colon ({@code shop: ...}) at {@code from}, as Ruby's Logger
     * writes its progname after its dashes ({@code ... INFO -- shop: message}), or -1: a name of letters, digits and
     * {@code ._-}, 64 characters at most.
     */
    private static int programNamed(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < MAX_PROGRAM_NAME && (Character.isLetterOrDigit(s.charAt(end))
                || s.charAt(end) == '_' || s.charAt(end) == '.' || s.charAt(end) == '-')) {
            end++;
        }
        return end > from && s.startsWith(": ", end) ? end + 2 : -1;
    }

    /**
     * Where the message starts after {@code in <module>: } at {@code from}, right after a level (Flask's default
     * format, {@code [%(asctime)s] %(levelname)s in %(module)s: %(message)s}); -1 when the body opens otherwise.
     */
    private static int moduleNamed(String s, int from) {
        if (!s.startsWith(IN, from)) {
            return -1;
        }
        int end = from + IN.length();
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return end > from + IN.length() && s.startsWith(": ", end) ? end + 2 : -1;
    }

    /**
     * Where the message starts after the place in the code that logged it and a dash, right after a level: loguru's
     * default format, {@code ... | {level: <8} | {name}:{function}:{line} - {message}}, and Python's formats that
     * copy it ({@code %(name)s:%(funcName)s:%(lineno)d - }); -1 when the body opens otherwise. The module's name is a
     * dotted identifier, the function a word without colons ({@code <module>}), the line a number: an address and
     * its port ({@code 127.0.0.1:53412 - "GET / HTTP/1.1"}, {@code db.local:5432 - ...}) have no function.
     */
    private static int codeLocated(String s, int from) {
        int n = s.length();
        if (from >= n || !(Character.isLetter(s.charAt(from)) || s.charAt(from) == '_')) {
            return -1;
        }
        int end = from;
        while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.')) {
            end++;
        }
        if (end >= n || s.charAt(end) != ':') {
            return -1;
        }
        int function = end + 1;
        int colon = function;
        while (colon < n && s.charAt(colon) != ':' && s.charAt(colon) != ' ') {
            colon++;
        }
        if (colon == function || colon >= n || s.charAt(colon) != ':') {
            return -1;
        }
        int digits = colon + 1;
        while (digits < n && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > colon + 1 && s.startsWith(" - ", digits) ? digits + 3 : -1;
    }

    /** An HTTP version without its protocol's name ({@code 1.1}, {@code 2}: hypercorn's request line). */
    private static boolean isHttpVersion(String s, int from, int end) {
        return end - from == 1 && Character.isDigit(s.charAt(from))
                || end - from == 3 && Character.isDigit(s.charAt(from)) && s.charAt(from + 1) == '.'
                        && Character.isDigit(s.charAt(from + 2));
    }

    /**
     * An access log's severity, from the status after the request line it opens with (the Common and Combined Log
     * Formats of nginx, Apache, gunicorn and Traefik, Envoy's default: {@code "GET /cart HTTP/1.1" 503 ...}; php-fpm's
     * access log names the method and the path alone, {@code "GET /index.php" 500}, hypercorn's the protocol's
     * version alone, {@code "GET /cart 1.1" 503}; a command in capitals and its arguments, with a size after the
     * status, as an FTP server's access log writes one, {@code "RETR missing.txt" 550 -}, and as nginx logs garbage
     * it answered): a 5xx is an error, a 4xx a warning, any other status information; unknown when the body is no
     * such request. It raises a level the header gave (uvicorn logs each request at {@code INFO:}), never lowers it.
     */
    static Severity accessStatus(String s, int quote) {
        int close = s.indexOf('"', quote + 1);
        int space = s.indexOf(' ', quote + 1);
        if (close > quote + 1 && (space < 0 || space > close)) {
            return junkRequestStatus(s, close);
        }
        if (close < 0 || space < 0 || space > close || space - quote < 4 || close + 5 > s.length()
                || s.charAt(close + 1) != ' ') {
            return Severity.UNKNOWN;
        }
        int last = s.lastIndexOf(' ', close);
        boolean http = s.startsWith(" HTTP/", last) || last == space && s.charAt(space + 1) == '/'
                || last > space && isHttpVersion(s, last + 1, close);
        for (int i = quote + 1; i < space; i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return Severity.UNKNOWN; // the method, in capitals
            }
        }
        return http ? statusAt(s, close + 2) : junkRequestStatus(s, close);
    }

    /**
     * The status after a request of one word, as nginx and Apache log what was no HTTP request at all ({@code "-" 400
     * 0 "-" "-"} for a connection closed before it sent one, {@code "GARBAGE" 400 157}, a TLS handshake sent to a
     * plain port as {@code "\x16\x03\x01..." 400}): the status and the size after it, else unknown.
     */
    private static Severity junkRequestStatus(String s, int close) {
        int size = close + 6;
        if (size >= s.length() || s.charAt(close + 1) != ' ' || s.charAt(close + 5) != ' '
                || !Character.isDigit(s.charAt(size)) && s.charAt(size) != '-') {
            return Severity.UNKNOWN;
        }
        return statusAt(s, close + 2);
    }

    /**
     * A body that opens with a quote: a request ({@link #accessStatus}), or a whole access line whose client is quoted,
     * as Twisted's web server logs it ({@code "127.0.0.1" - - [03/Dec/2026:17:48:47 +0000] "GET /boom HTTP/1.1" 500
     * 95 "-" "-"}).
     */
    private static Severity quotedAccessStatus(String s, int quote) {
        Severity request = accessStatus(s, quote);
        return request != Severity.UNKNOWN ? request : wrappedAccessStatus(s, quote);
    }

    /** The severity of the three-digit status at {@code at}, followed by a space or the line's end; else unknown. */
    private static Severity statusAt(String s, int at) {
        if (at + 3 < s.length() && s.charAt(at + 3) != ' ') {
            return Severity.UNKNOWN;
        }
        int status = threeDigits(s, at);
        return status >= 0 ? Severity.ofHttpStatus(status) : Severity.UNKNOWN;
    }

    /** The number written by the three digits at {@code at}, or -1 when they are not three digits. */
    private static int threeDigits(String s, int at) {
        if (at + 3 > s.length()) {
            return -1;
        }
        for (int i = at; i < at + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s, at, at + 3, 10);
    }

    /** The field that holds a delivery's enhanced status code, RFC 3463's {@code class.subject.detail}. */
    private static final String DSN_FIELD = "dsn=";
    /** How far into a body a delivery's status code is looked for ({@link #deliveryStatus}). */
    private static final int DSN_REACH = 240;

    /**
     * The severity of a mail server's delivery from its enhanced status code's class ({@code dsn=5.1.1}, RFC 3463): 2
     * delivered (information), 4 a temporary failure, the message deferred (a warning), 5 a permanent one, bounced (an
     * error). Postfix writes it on every attempt, {@code 887971B00A6: to=<nobody@localhost>, relay=local, ...,
     * dsn=5.1.1, status=bounced (unknown user: "nobody")}, with no level of its own; unknown for any other body.
     */
    static Severity deliveryStatus(String s, int from) {
        int reach = Math.min(s.length(), from + DSN_REACH);
        int at = from;
        while (at < reach && !s.startsWith(DSN_FIELD, at)) {
            at++; // the first one within reach only: a long message is not searched to its end
        }
        if (at >= reach || at > from && s.charAt(at - 1) != ' ') {
            return Severity.UNKNOWN;
        }
        int code = at + DSN_FIELD.length();
        if (code + 5 > s.length() || s.charAt(code + 1) != '.' || !Character.isDigit(s.charAt(code + 2))) {
            return Severity.UNKNOWN;
        }
        return switch (s.charAt(code)) {
            case '2' -> Severity.INFO;
            case '4' -> Severity.WARN;
            case '5' -> Severity.ERROR;
            default -> Severity.UNKNOWN;
        };
    }

    /** How far into a body an access line's quoted request is looked for ({@link #wrappedAccessStatus}). */
    private static final int WRAPPED_REQUEST_REACH = 96;

    /**
     * The severity of a whole access line written as another logger's message ({@code INFO:werkzeug:127.0.0.1 - -
     * [03/Dec/2026 13:23:41] "GET /orders/5 HTTP/1.1" 500 -}, gunicorn's access log through Python's logging): the
     * status after the quoted request that follows the bracketed time, or a dash (uvicorn's {@code INFO:
     * 127.0.0.1:33588 - "GET /orders/3 HTTP/1.1" 500 Internal Server Error} where its other lines set the header);
     * or a request without quotes after the client and a dash ({@code 127.0.0.1 - GET / HTTP/1.1 500 2 - 1.211 ms},
     * morgan's {@code short} format); or of a client's address, its status in brackets and the request, as PHP's
     * built-in server writes a request ({@code 127.0.0.1:55300 [500]: GET /orders/4}); unknown when there is neither.
     */
    static Severity wrappedAccessStatus(String s, int from) {
        int reach = Math.min(s.length() - 2, from + WRAPPED_REQUEST_REACH);
        for (int i = from; i < reach; i++) {
            boolean dated = s.charAt(i) == ']'; // the bracketed time; or uvicorn's dash after the client
            if ((dated || s.charAt(i) == '-' && i > from && s.charAt(i - 1) == ' ') && s.charAt(i + 1) == ' '
                    && s.charAt(i + 2) == '"') {
                Severity request = accessStatus(s, i + 2);
                if (dated || request != Severity.UNKNOWN) {
                    return request;
                }
            }
            if (s.charAt(i) == '-' && i > from && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ') {
                Severity plain = plainAccessStatus(s, i + 2); // morgan's short: "10.0.0.1 - GET /a HTTP/1.1 500 2"
                if (plain != Severity.UNKNOWN) {
                    return plain;
                }
            }
            int status = s.charAt(i) == ' ' && s.charAt(i + 1) == '[' && s.startsWith("]: ", i + 5)
                    ? threeDigits(s, i + 2) : -1;
            if (status >= 0 && requestPath(s, i + 8) > 0) {
                return Severity.ofHttpStatus(status);
            }
            Severity proxied = s.charAt(i) == ']' && s.charAt(i + 1) == ' ' ? haproxyStatus(s, i + 2)
                    : s.charAt(i) == ' ' && s.charAt(i + 1) >= 'A' && s.charAt(i + 1) <= 'Z' ? squidStatus(s, i + 1)
                    : Severity.UNKNOWN; // HAProxy's client and accept date behind a syslog header; Squid's result
            if (proxied != Severity.UNKNOWN) {
                return proxied;
            }
        }
        return Severity.UNKNOWN;
    }

    /**
     * The time of a whole access line written as the message of a record whose header has none, as Python's logging
     * writes one in its default format ({@code INFO:aiohttp.access:127.0.0.1 [04/Dec/2026:20:44:58 +0000] "GET /
     * HTTP/1.1" 200 153}, werkzeug's {@code INFO:werkzeug:127.0.0.1 - - [03/Dec/2026 13:23:41] "GET ..."}): the time
     * in the bracket right before the quoted request; {@link LogHeader#NO_TIME} when there is no such request.
     */
    private static long wrappedAccessTime(HeaderLexer lexer, String s, int from) {
        int reach = Math.min(s.length() - 2, from + WRAPPED_REQUEST_REACH);
        for (int i = from; i < reach; i++) {
            if (s.charAt(i) == ']' && s.charAt(i + 1) == ' ' && s.charAt(i + 2) == '"') {
                int open = s.lastIndexOf('[', i);
                return open > from && accessStatus(s, i + 2) != Severity.UNKNOWN ? lexer.bracketTime(s, open)
                        : LogHeader.NO_TIME;
            }
        }
        return LogHeader.NO_TIME;
    }

    /**
     * A request line without quotes ({@link #plainAccessStatus}), else HAProxy's HTTP log ({@link #haproxyStatus}),
     * else a framework's line that a request was answered ({@link #answeredStatus}).
     */
    private static Severity requestOrProxyStatus(String s, int from) {
        if (s.startsWith("--> ", from) || s.startsWith("xxx ", from)) {
            from += 4; // koa-logger's mark of a response, or of one that failed: "--> GET /a 200 5ms 2b"
        }
        Severity request = plainAccessStatus(s, from);
        request = request != Severity.UNKNOWN ? request : haproxyStatus(s, from);
        request = request != Severity.UNKNOWN ? request : uwsgiStatus(s, from);
        return request != Severity.UNKNOWN ? request : answeredStatus(s, from);
    }

    /** Fields of a load balancer's entry looked at for its three processing times, at most. */
    private static final int LOAD_BALANCER_FIELDS = 16;

    /**
     * The severity of a request in an AWS load balancer's access log, from the status after its three processing
     * times in seconds: an ALB's {@code http 2024-03-01T12:00:00.123456Z app/shop/50dc6c 10.0.0.7:2817 10.0.1.4:80
     * 0.000 0.101 0.000 502 - 34 366 "GET ..."}, a Classic ELB's {@code 2024-03-01T12:00:00.945958Z shop
     * 10.0.0.7:2817 10.0.1.4:80 0.000073 0.001048 0.000057 200 200 0 29 "GET ..."} (-1 for a time not taken);
     * unknown for any other line. Looked at only in lines without a level.
     */
    static Severity loadBalancerStatus(String s) {
        char first = s.isEmpty() ? ' ' : s.charAt(0);
        if (!(first >= '0' && first <= '9' || first == 'h' || first == 'w' || first == 'g')) {
            return Severity.UNKNOWN; // an entry opens with its time (Classic) or its type: http, https, h2, ws, grpcs
        }
        int times = 0;
        int at = 0;
        for (int field = 0; field < LOAD_BALANCER_FIELDS && at < s.length(); field++) {
            int end = s.indexOf(' ', at);
            end = end < 0 ? s.length() : end;
            if (times >= 3 && end - at == 3) {
                int status = threeDigits(s, at);
                return status >= 0 ? Severity.ofHttpStatus(status) : Severity.UNKNOWN;
            }
            times = isSeconds(s, at, end) ? times + 1 : 0;
            at = end + 1;
        }
        return Severity.UNKNOWN;
    }

    /** A time in seconds with a fraction ({@code 0.001048}), or {@code -1} for one not taken. */
    private static boolean isSeconds(String s, int from, int end) {
        if (end - from == 2 && s.startsWith("-1", from)) {
            return true;
        }
        int dot = -1;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0 && i > from) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dot > 0 && dot < end - 1;
    }

    /**
     * {@code record}, the header of a java.util.logging record in {@code line}, extended over the head of its message
     * when this layout, learnt from the records' messages, holds there ({@code [10.0.0.1]:5701 [dev] [5.6.0]} before
     * each of Hazelcast's); else {@code record} itself. The record's time, level and class stay its own.
     */
    private LogHeader headedMessage(String line, LogHeader record) {
        if (fields.length == 0 || mode != Mode.WORDS) {
            return record;
        }
        Line l = new Line(line.substring(record.bodyStart()), lexer, mode);
        int tokens = wordsMatched(l);
        int head = tokens > 0 ? header(l, tokens).bodyStart() : 0;
        return head > 0 && head < l.text.length() ? new LogHeader(record.epochMillis(), record.severity(),
                record.component(), record.bodyStart() + head) : record;
    }

    /** Where {@code line}'s first comma and space stand, looked for up to {@code last} only; -1 when not there. */
    private static int commaAndSpace(String line, int last) {
        return markAndSpace(line, ',', last);
    }

    /** Where {@code line}'s first {@code mark} and a space after it stand, up to {@code last} only; else -1. */
    private static int markAndSpace(String line, char mark, int last) {
        int end = Math.min(last, line.length() - 2);
        for (int i = 0; i <= end; i++) {
            if (line.charAt(i) == mark && line.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** Where the comma after a java.util.logging record's day may stand, at the least and at the most. */
    private static final int JUL_COMMA_FROM = 3;
    private static final int JUL_COMMA_TO = 16;

    /**
     * The header of a java.util.logging record in SimpleFormatter's default format, its two lines joined by the
     * reader: the time with its date, the source (the class and the method that logged, or the class alone), the
     * level and a colon: {@code Dec 05, 2026 7:45:02 PM shop.Main main INFO: listening on 8997}. The source has one
     * word or two (Vert.x logs its own records with the class alone, {@code ... io.vertx.core.impl.ContextImpl
     * SEVERE: Unhandled exception}), so no layout of columns holds a log that has both; each record is read by this
     * header of its own, its class the component. Null for any other line, lexed only when it opens with a letter
     * and has a comma after its first word.
     */
    private static LogHeader julRecord(String line, HeaderLexer lexer) {
        if (line.isEmpty() || !Character.isLetter(line.charAt(0))) {
            return null; // nearly every line
        }
        int comma = commaAndSpace(line, JUL_COMMA_TO);
        if (comma < JUL_COMMA_FROM) {
            return null;
        }
        Line l = new Line(line, lexer, Mode.WORDS);
        HeaderToken time = l.token(0);
        if (time == null || time.kind != Kind.TIME || !LogHeader.isDated(time.epochMillis)) {
            return null;
        }
        for (int i = 2; i <= 3; i++) {
            HeaderToken level = l.token(i);
            if (level == null) {
                return null;
            }
            if (level.kind == Kind.LEVEL && level.severity != null && line.charAt(level.end - 1) == ':'
                    && level.next > level.end) {
                HeaderToken source = l.token(1);
                int body = level.next;
                while (body < line.length() && line.charAt(body) == ' ') {
                    body++;
                }
                return new LogHeader(time.epochMillis, level.severity, line.substring(source.start, source.end), body);
            }
        }
        return null;
    }

    /**
     * GLib's message handler's header before its time ({@code (rygel:1214): RygelCore-DEBUG: }, {@code (gedit:4121):
     * Gtk-WARNING **: }, {@code Rygel-Message: }, {@code ** (process:17): WARNING **: }, {@code ** Message: }): the
     * program and its process, the log's domain glued to the level by a hyphen, two stars after a warning or worse.
     */
    private static final Pattern GLIB_RECORD = Pattern.compile("(?:\\*\\* )?(?:\\([^():\\s]{1,64}:\\d{1,10}\\): )?"
            + "(?:([\\w.-]{1,64})-)?(DEBUG|INFO|Message|WARNING|CRITICAL|ERROR)(?: \\*\\*)?: ");
    /** Where the colon that ends GLib's level stands at the most ({@link #glibRecord}). */
    private static final int GLIB_LEVEL_REACH = 96;

    /**
     * The header of a message GLib's default handler wrote (GNOME's daemons and libraries, GStreamer's, GTK's
     * programs, on standard error), or null for any other line: the program and its process in parentheses, the
     * log's domain and the level, then the time of day (GLib 2.56 and later) and the message: {@code (rygel:1214):
     * RygelCore-WARNING **: 19:47:54.895: Failed to load user configuration ...}. The domain is the component; a
     * message is information, a critical an error, an error fatal (GLib aborts on it). Without the time, the line is
     * read as before ({@link #namedLevel} takes a warning or worse from it).
     */
    static LogHeader glibRecord(String line, HeaderLexer lexer) {
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        if (first != '(' && first != '*') {
            if (!Character.isLetter(first)) {
                return null; // nearly every line: a time, a bracket
            }
            int colon = markAndSpace(line, ':', GLIB_LEVEL_REACH);
            if (colon < 0 || !(line.startsWith("-Message", colon - 8) || line.startsWith("-DEBUG", colon - 6)
                    || line.startsWith("-INFO", colon - 5) || line.startsWith(GLIB_STARS, colon - 3))) {
                return null; // nearly every line
            }
        }
        java.util.regex.Matcher m = GLIB_RECORD.matcher(line);
        if (!m.lookingAt()) {
            return null;
        }
        HeaderToken time = lexer.next(line, m.end(), null);
        if (time == null || time.kind != Kind.TIME || !LogHeader.isDateless(time.epochMillis)
                || !line.startsWith(": ", time.end)) {
            return null;
        }
        Severity level = switch (m.group(2)) {
            case "DEBUG" -> Severity.DEBUG;
            case "WARNING" -> Severity.WARN;
            case "CRITICAL" -> Severity.ERROR;
            case "ERROR" -> Severity.FATAL;
            default -> Severity.INFO; // INFO, Message
        };
        return new LogHeader(time.epochMillis, level, m.group(1) == null ? "" : m.group(1), time.end + 2);
    }

    private static final String UWSGI_REQUEST = "[pid: ";
    private static final String UWSGI_GENERATED = " => generated ";
    private static final String UWSGI_PROTOCOL = "(HTTP/";
    /** How far into uWSGI's request line the bracket with its time opens, at most. */
    private static final int UWSGI_TIME_REACH = 160;

    /** The end of the date and time NFS-Ganesha's records open with, day first: {@code 06/12/2026 13:53:21}. */
    private static final int GANESHA_TIME_END = 19;
    /** What follows NFS-Ganesha's time: the epoch of the server's start in hexadecimal, then the host. */
    private static final String GANESHA_EPOCH = " : epoch ";
    /** NFS-Ganesha's dates, written day first whatever a log's first days say; they hold their year (2026 unused). */
    private static final Timestamps GANESHA_TIMES = new Timestamps(2026, true);
    /** NFS-Ganesha's levels as it writes them ({@code NIV_MAJ} is {@code MAJ}), and what each is. */
    private static final Map<String, Severity> GANESHA_LEVELS = Map.ofEntries(Map.entry("NULL", Severity.INFO),
            Map.entry("FATAL", Severity.FATAL), Map.entry("MAJ", Severity.ERROR), Map.entry("CRIT", Severity.ERROR),
            Map.entry("WARN", Severity.WARN), Map.entry("EVENT", Severity.INFO), Map.entry("INFO", Severity.INFO),
            Map.entry("DEBUG", Severity.DEBUG), Map.entry("M_DBG", Severity.DEBUG), Map.entry("F_DBG", Severity.DEBUG),
            Map.entry("MID_DEBUG", Severity.DEBUG), Map.entry("FULL_DEBUG", Severity.DEBUG));

    /**
     * The header of a record in NFS-Ganesha's default format, or null for any other line: {@code 06/12/2026 13:53:21
     * : epoch 6b1568d1 : vm : nfs-ganesha-10926[main] load_fsal :NFS STARTUP :CRIT :stat returned ...}. The date is
     * the day's first (its documented {@code ganesha} format: a log of one day's records says nothing of that); the
     * component is the one between colons after the function ({@code NFS STARTUP}, with a space), then the level
     * ({@code MAJ} and {@code CRIT} are errors, {@code EVENT} and {@code NULL}'s always-logged records information).
     * Its columns, each opening with a colon after a space, are no words a learnt layout reads.
     */
    static LogHeader ganeshaRecord(String line) {
        if (!line.startsWith(GANESHA_EPOCH, GANESHA_TIME_END)) {
            return null; // nearly every line
        }
        Timestamps.Match time = GANESHA_TIMES.match(line, 0, GANESHA_TIME_END);
        int host = line.indexOf(" : ", GANESHA_TIME_END + GANESHA_EPOCH.length());
        int function = host < 0 ? -1 : line.indexOf("] ", host + 3);
        int component = function < 0 ? -1 : line.indexOf(" :", function + 2);
        int level = component < 0 ? -1 : line.indexOf(" :", component + 2);
        int body = level < 0 ? -1 : line.indexOf(" :", level + 2);
        Severity severity = body < 0 ? null : GANESHA_LEVELS.get(line.substring(level + 2, body));
        if (time == null || time.end() != GANESHA_TIME_END || severity == null) {
            return null;
        }
        return new LogHeader(time.epochMillis(), severity, line.substring(component + 2, level), body + 2);
    }

    /**
     * Whether {@code line} is a request's line in uWSGI's default request log, which has a header of its own: {@code
     * [pid: 726|app: 0|req: 4/4] 127.0.0.1 () {24 vars in 260 bytes} [Thu Dec  3 15:54:58 2026] GET /orders/4 =>
     * generated 0 bytes in 0 msecs (HTTP/1.1 500) 0 headers in 0 bytes (1 switches on core 0)}. Left out of the sample
     * a layout is learnt from (an application's records written among them), and read by {@link #uwsgiRequest}.
     */
    static boolean isUwsgiRequest(String line) {
        return line.startsWith(UWSGI_REQUEST) && line.indexOf(UWSGI_GENERATED, UWSGI_REQUEST.length()) > 0;
    }

    /**
     * The header of uWSGI's request line ({@link #isUwsgiRequest}): the process, worker, request counts, address, user
     * and sizes, and the time in the bracket after them; the message is the request and how it was answered ({@code
     * GET /orders/4 => generated ...}), the level its status's ({@link #uwsgiStatus}). Without a time in that bracket
     * the whole line is the message.
     */
    private LogHeader uwsgiRequest(String line) {
        Severity status = uwsgiStatus(line, 0);
        int sizes = line.indexOf("} [", UWSGI_REQUEST.length());
        int open = sizes + 2;
        int close = sizes > 0 && open < UWSGI_TIME_REACH ? HeaderLexer.closing(line, open) : -1;
        long time = close > 0 ? lexer.bracketTime(line, open) : LogHeader.NO_TIME;
        if (time == LogHeader.NO_TIME) {
            return new LogHeader(LogHeader.NO_TIME, status, "", 0);
        }
        int body = close < line.length() && line.charAt(close) == ' ' ? close + 1 : close;
        return new LogHeader(time, status, "", body);
    }

    /**
     * The severity of a request in uWSGI's request log, from the status after the protocol: {@code [pid: 726|app:
     * 0|req: 4/4] 127.0.0.1 () {24 vars in 260 bytes} [Thu Dec  3 15:54:58 2026] GET /orders/4 => generated 0 bytes
     * in 0 msecs (HTTP/1.1 500) 0 headers in 0 bytes ...}; unknown for any other body.
     */
    static Severity uwsgiStatus(String s, int from) {
        if (!s.startsWith(UWSGI_REQUEST, from)) {
            return Severity.UNKNOWN; // nearly every body
        }
        int generated = s.indexOf(UWSGI_GENERATED, from);
        int protocol = generated < 0 ? -1 : s.indexOf(UWSGI_PROTOCOL, generated);
        int space = protocol < 0 ? -1 : s.indexOf(' ', protocol);
        int status = space < 0 ? -1 : threeDigits(s, space + 1);
        return status >= 0 && s.startsWith(")", space + 4) ? Severity.ofHttpStatus(status) : Severity.UNKNOWN;
    }

    /** Tags a framework writes before its request lines ({@code [req-id] [user-7] }), at most, to look past. */
    private static final int MAX_TAGS = 3;

    /**
     * The severity of a framework's line saying how a request was answered, from its status: Rails' {@code Completed
     * 500 Internal Server Error in 12ms}, behind its tags ({@code [req-id] Completed ...}), and Phoenix's Plug.Logger
     * {@code Sent 500 in 2ms}; unknown for any other body.
     */
    static Severity answeredStatus(String s, int from) {
        int at = from;
        for (int tag = 0; tag < MAX_TAGS && at < s.length() && s.charAt(at) == '['; tag++) {
            int close = s.indexOf("] ", at);
            if (close < 0) {
                return Severity.UNKNOWN;
            }
            at = close + 2;
        }
        if (s.startsWith(RAILS_COMPLETED, at)) {
            return statusAt(s, at + RAILS_COMPLETED.length());
        }
        int status = at + PLUG_SENT.length();
        return s.startsWith(PLUG_SENT, at) && s.startsWith(" in ", status + 3) ? statusAt(s, status)
                : Severity.UNKNOWN;
    }

    private static final String RAILS_COMPLETED = "Completed ";
    private static final String PLUG_SENT = "Sent ";

    /** Fields of HAProxy's HTTP log that stand before its timers: the frontend, and the backend and server. */
    private static final int HAPROXY_FIELDS_BEFORE_TIMERS = 2;

    /**
     * The severity of a request in HAProxy's HTTP log ({@code option httplog}), from its status after the timers:
     * {@code fe be/app1 0/0/-1/-1/3006 503 217 - - SC-- ...} (the client and the accept date are its header); unknown
     * when the body is no such line.
     */
    static Severity haproxyStatus(String s, int from) {
        if (from < 2 || s.charAt(from - 2) != ']') {
            return Severity.UNKNOWN; // not after the accept date: nearly every body
        }
        int at = from;
        for (int field = 0; field <= HAPROXY_FIELDS_BEFORE_TIMERS; field++) {
            int end = s.indexOf(' ', at);
            if (end < 0) {
                return Severity.UNKNOWN;
            }
            if (field == HAPROXY_FIELDS_BEFORE_TIMERS) {
                return isHaproxyTimers(s, at, end) ? statusAt(s, end + 1) : Severity.UNKNOWN;
            }
            at = end + 1;
        }
        return Severity.UNKNOWN;
    }

    /**
     * HAProxy's five timers, {@code TR/Tw/Tc/Tr/Ta}: numbers, -1 for a step not reached, a {@code +} before the total
     * when logged early.
     */
    private static boolean isHaproxyTimers(String s, int from, int end) {
        int parts = 1;
        boolean digit = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '/' && digit) {
                parts++;
                digit = false;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '+' || i != from && s.charAt(i - 1) != '/') {
                return false; // a sign opens a part only
            }
        }
        return parts == 5 && digit;
    }

    /**
     * The status in Squid's native access log, after the result code it is glued to ({@code 1796321434.796  2
     * 127.0.0.1 TCP_MISS/503 3434 GET http://...}: {@code TCP_DENIED/403}, {@code NONE_NONE/000}); unknown at any
     * other word.
     */
    private static Severity squidStatus(String s, int from) {
        int i = from;
        boolean underscore = false;
        while (i < s.length() && (s.charAt(i) >= 'A' && s.charAt(i) <= 'Z' || s.charAt(i) == '_')) {
            underscore |= s.charAt(i) == '_';
            i++;
        }
        return underscore && i < s.length() && s.charAt(i) == '/' && s.charAt(i - 1) != '_' ? statusAt(s, i + 1)
                : Severity.UNKNOWN;
    }

    /** The methods a request line without quotes opens with ({@link #plainAccessStatus}). */
    private static final String[] METHODS = {"GET ", "POST ", "PUT ", "DELETE ", "PATCH ", "HEAD ", "OPTIONS "};

    /**
     * Whether an HTTP method and one space stand right before {@code at}, the method a word of its own: what follows
     * is a request's target, the root path {@code /} too ({@code "GET / HTTP/1.1"}), which the miner masks as any
     * other path so that a service's requests are one template per method, the home page's among them.
     */
    static boolean followsMethod(String s, int at) {
        for (String method : METHODS) {
            int start = at - method.length();
            if (start >= 0 && s.startsWith(method, start) && (start == 0 || !Character.isLetter(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The severity of a request written without quotes, its status after the path (morgan's {@code dev} and
     * {@code tiny} formats, {@code GET /orders/7 500 2.139 ms - 8}, and many a framework's request line, with or
     * without the protocol); unknown when the body opens otherwise.
     */
    static Severity plainAccessStatus(String s, int from) {
        int path = requestPath(s, from);
        if (path < 0) {
            return Severity.UNKNOWN;
        }
        int status = s.indexOf(' ', path) + 1;
        if (status > 0 && s.startsWith("HTTP/", status)) {
            status = s.indexOf(' ', status) + 1;
        }
        return status > 0 ? statusAt(s, status) : Severity.UNKNOWN;
    }

    /**
     * Whether {@code from} opens a request line without quotes, a method and a path ({@code GET /orders/7}): the
     * reader asks it of koa-logger's indented request lines.
     */
    public static boolean opensRequest(String s, int from) {
        return requestPath(s, from) > 0;
    }

    /** Where the path starts when {@code from} opens a request line without quotes ({@code GET /orders/7}), else -1. */
    private static int requestPath(String s, int from) {
        char first = from < s.length() ? s.charAt(from) : ' ';
        if (first < 'D' || first > 'P') {
            return -1; // nearly every body
        }
        for (String method : METHODS) {
            int path = from + method.length();
            if (s.startsWith(method, from) && path < s.length() && s.charAt(path) == '/') {
                return path;
            }
        }
        return -1;
    }

    /** How many words of PostgreSQL's prefix the header may leave before the severity ({@code postgres@shop}). */
    private static final int MAX_POSTGRES_PREFIX_WORDS = 3;

    /**
     * Where a PostgreSQL severity ({@link PostgresMessages}) starts in a line whose header gave no level: in the
     * header (its {@code LOG} read as a name), or after at most a few words of the server's prefix the layout does
     * not hold (Debian's {@code %u@%d}: the user and database, or {@code [unknown]@[unknown]} before a login, so
     * that lines with and without them share no layout field); else -1.
     */
    private static int postgresTag(String text, int bodyStart) {
        int words = 0;
        int end = bodyStart;
        while (end < text.length() && words <= MAX_POSTGRES_PREFIX_WORDS) {
            words += text.charAt(end++) == ' ' ? 1 : 0; // no further than the words it may stand after
        }
        return PostgresMessages.severityTag(text, end);
    }

    /**
     * Redis's level, a mark before the message ({@code 1:M 01 Mar 2024 12:00:00.123 # WARNING ...}: {@code .} debug,
     * {@code -} verbose, {@code *} notice, {@code #} warning), in a line that opens with Redis's pid and role
     * ({@code 1:M}, {@code 1:C}, {@code 1:S}, {@code 1:X}); else null.
     */
    private static Severity redisLevel(String s, int bodyStart) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i + 2 >= s.length() || s.charAt(i) != ':' || "MCSX".indexOf(s.charAt(i + 1)) < 0
                || s.charAt(i + 2) != ' ') {
            return null; // nearly every line: no pid and role
        }
        int mark = bodyStart - 1;
        while (mark > i && s.charAt(mark) == ' ') {
            mark--;
        }
        if (mark <= i || s.charAt(mark - 1) != ' ') {
            return null;
        }
        return switch (s.charAt(mark)) {
            case '.', '-' -> Severity.DEBUG;
            case '*' -> Severity.INFO;
            case '#' -> Severity.WARN;
            default -> null;
        };
    }

    /**
     * A level that opens the message itself ({@code error: ...}, {@code [WARN] ...}, PHP's {@code PHP Warning:  ...}):
     * kept in the body.
     */
    private static Severity leadingLevel(String s, int from) {
        Severity nagios = NagiosRecords.level(s, from);
        if (nagios != null) {
            return nagios;
        }
        if (AuditRecords.isFailed(s, from)) { // what was refused, not a fault of the program that logs it
            return Severity.WARN;
        }
        Severity php = phpErrorType(s, from);
        if (php != null) {
            return php;
        }
        if (isPythonWarning(s, from) || isNodeWarning(s, from)) {
            return Severity.WARN;
        }
        Severity named = namedLevel(s, from);
        if (named == null) {
            named = levelAfterLabel(s, from);
        }
        if (named != null) {
            return named;
        }
        if (isErrorCoded(s, from)) {
            return Severity.WARN;
        }
        Severity inContext = levelInContext(s, from);
        if (inContext != null) {
            return inContext;
        }
        int start = from < s.length() && s.charAt(from) == '[' ? from + 1 : from;
        int end = start;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        if (end - start < 2 || end >= s.length()) { // two letters: Japanese's, Chinese's and Korean's level words
            return Severity.UNKNOWN;
        }
        if (s.charAt(end) == ' ') {
            return debugLevel(s, start, end);
        }
        if (":]".indexOf(s.charAt(end)) < 0) {
            return Severity.UNKNOWN;
        }
        Severity severity = Severity.fromWord(s, start, end);
        return severity == null ? Severity.UNKNOWN : severity;
    }

    /** The longest context in brackets before a level ({@link #levelInContext}). */
    private static final int CONTEXT_REACH = 32;

    /**
     * The level a message labels itself with after a context in brackets, a word without spaces ({@code [5.batch]
     * error: *** JOB 5 ON vm CANCELLED AT ... DUE TO TIME LIMIT ***}: Slurm's step daemon opens its lines with the
     * job's step); null when the body does not open so.
     */
    private static Severity levelInContext(String s, int from) {
        int close = s.startsWith("[", from) ? s.indexOf(']', from) : -1;
        if (close < 0 || close - from > CONTEXT_REACH || !s.startsWith(" ", close + 1)
                || HeaderLexer.indexOfSpace(s, from, close) >= 0) {
            return null;
        }
        int start = close + 2;
        int end = start;
        while (end < s.length() && end - start <= CONTEXT_REACH && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end - start >= 2 && s.startsWith(":", end) ? Severity.fromWord(s, start, end) : null;
    }

    /** The longest message id FRR writes before an error code ({@code [VXKFG-8SJRV]}). */
    private static final int MESSAGE_ID_REACH = 16;

    /**
     * Whether a message opens with FRR's error code ({@code [EC 4043309121] ...}), after its message id if it has one
     * ({@code [VXKFG-8SJRV][EC 4043309121] Client 'bgp' encountered an error ...}): FRR writes one on the messages it
     * logs as errors and as warnings, and no level in its file log. A warning at least.
     */
    static boolean isErrorCoded(String s, int from) {
        int at = from;
        if (s.startsWith("[", at) && !s.startsWith("[EC ", at)) {
            int close = s.indexOf(']', at);
            if (close < 0 || close - at > MESSAGE_ID_REACH) {
                return false;
            }
            for (int i = at + 1; i < close; i++) {
                char c = s.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
            at = close + 1;
        }
        if (!s.startsWith("[EC ", at)) {
            return false;
        }
        int digits = Timestamps.digitRun(s, at + 4, s.length());
        return digits > 0 && at + 4 + digits < s.length() && s.charAt(at + 4 + digits) == ']';
    }

    /** The most words of a name before the level it labels a line with ({@link #namedLevel}). */
    private static final int NAME_WORDS = 5;
    /** How far {@link #namedLevel} reads each part of a body: GLib's process, a tool's name, a name and its level. */
    private static final int NAME_REACH = 64;
    /** What GLib writes between a message's level and its colon ({@code Gtk-CRITICAL **: ...}). */
    private static final String GLIB_STARS = " **:";

    /**
     * A warning or an error labelled with the name of the library, program or runtime that prints it, as C libraries
     * and runtimes write on stderr ({@code LibClamAV Error: ...}, {@code libpng warning: ...}, {@code Fontconfig error:
     * ...}, {@code OpenJDK 64-Bit Server VM warning: ...}), and GLib's messages: the level glued to the log's domain by
     * a hyphen, two stars after it, the process before ({@code (gedit:4121): Gtk-CRITICAL **: ...}, {@code **
     * (process:17): WARNING **: ...}); or a command-line tool's own label after its name and a colon ({@code modprobe:
     * FATAL: Module ip_vs not found}, {@code dpkg: warning: ...}). A name of up to five words; null for any other body,
     * and for information and debugging (prose labels as many lines so: {@code user info: ...}), and for a level word
     * alone, which is the general rule's ({@link #leadingLevel}).
     */
    static Severity namedLevel(String s, int from) {
        int at = s.startsWith("** ", from) ? from + 3 : from;
        if (s.startsWith("(", at)) { // GLib's process: "(gedit:4121): "
            int close = s.indexOf("): ", at);
            if (close < 0 || close - at > NAME_REACH) {
                return null;
            }
            at = close + 3;
        }
        int program = at;
        while (program < s.length() && program - at < NAME_REACH && isNameChar(s.charAt(program))) {
            program++;
        }
        boolean labelled = program > at && s.startsWith(": ", program); // "modprobe: FATAL: ..."
        at = labelled ? program + 2 : at;
        int limit = Math.min(s.length(), at + NAME_REACH);
        int words = 0;
        int word = at;
        int i = at;
        for (; i < limit && s.charAt(i) != ':' && !s.startsWith(GLIB_STARS, i); i++) {
            char c = s.charAt(i);
            if (c == ' ' && ++words < NAME_WORDS && i > word) {
                word = i + 1;
            } else if (!(isNameChar(c) || c == '(' || c == ')')) {
                return null; // not a name's: a sentence's comma, a path, a second space
            }
        }
        boolean glib = s.startsWith(GLIB_STARS, i);
        int colon = glib ? i + GLIB_STARS.length() - 1 : i;
        if (i >= limit || i == word || colon + 1 < s.length() && s.charAt(colon + 1) != ' ') {
            return null;
        }
        int level = glib ? Math.max(word, s.lastIndexOf('-', i - 1) + 1) : word;
        if (level == at && !glib && !labelled) {
            return null;
        }
        Severity severity = graverWordBefore(s, at, level, Severity.fromWord(s, level, i));
        return severity != null && severity.compareTo(Severity.WARN) >= 0 ? severity : null;
    }

    /**
     * {@code level}, the severity of the word at {@code start}, or the graver level the word right before it names, a
     * space between them and none before {@code from}: {@code Fatal error:} is fatal, as Privoxy and Bacula label a
     * fatal error, {@code critical error:} an error.
     */
    private static Severity graverWordBefore(String s, int from, int start, Severity level) {
        int before = Math.max(from, s.lastIndexOf(' ', start - 2) + 1);
        Severity named = level != null && start - 1 > before && s.charAt(start - 1) == ' '
                ? Severity.fromWord(s, before, start - 1) : null;
        return named != null && named.compareTo(level) > 0 ? named : level;
    }

    /**
     * The name {@code s[from..end)} holds without the process (and thread) in brackets at its end: {@code
     * unbound[22908:0]} gives {@code unbound}, as a syslog tag's pid is left out; a name with no such brackets, or a
     * source file and its line ({@code main.go:42}), whole.
     */
    private static String withoutPid(String s, int from, int end) {
        int open = s.charAt(end - 1) == ']' ? s.lastIndexOf('[', end - 1) : -1;
        for (int i = open + 1; open > from && i < end - 1; i++) {
            if (!Character.isDigit(s.charAt(i)) && s.charAt(i) != ':') {
                return s.substring(from, end); // a title ("Notify[disk is full]"), no process
            }
        }
        return s.substring(from, open > from && open + 1 < end - 1 ? open : end);
    }

    /** The most words of a label before a line's level ({@link #levelAfterLabel}). */
    private static final int LABEL_WORDS = 3;
    /** The most characters of the level's words after such a label ({@code Fatal error}). */
    private static final int LABELLED_LEVEL_REACH = 16;

    /**
     * A warning or an error a line labels itself with after two or three words of names and a colon, as Bacula's
     * daemons write a job's messages ({@code vm-dir JobId 5: Fatal error: Unable to connect to Client: ...}, {@code
     * vm-dir JobId 5: Error: ...}, {@code vm-sd JobId 7: Warning: ...}): a level word, or two words ending with one,
     * and a colon. Null for any other body, and for information and debugging.
     */
    static Severity levelAfterLabel(String s, int from) {
        int words = 1;
        int i = from;
        for (; i < s.length() && i - from < NAME_REACH && s.charAt(i) != ':'; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? i == from || s.charAt(i - 1) == ' ' || ++words > LABEL_WORDS : !isNameChar(c)) {
                return null;
            }
        }
        if (words < 2 || !s.startsWith(": ", i) || s.charAt(i - 1) == ' ') {
            return null;
        }
        int start = i + 2;
        int colon = s.indexOf(':', start);
        if (colon <= start || colon - start > LABELLED_LEVEL_REACH) {
            return null;
        }
        int level = s.lastIndexOf(' ', colon - 1) + 1;
        if (level == colon || level > start && s.lastIndexOf(' ', level - 2) >= start) {
            return null; // a space before the colon, or more than two words
        }
        Severity severity = graverWordBefore(s, start, Math.max(level, start),
                Severity.fromWord(s, Math.max(level, start), colon));
        return severity != null && severity.compareTo(Severity.WARN) >= 0 ? severity : null;
    }

    /** A character of a program's or library's name: a letter, a digit, {@code - _ .} ({@code libpng}). */
    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /**
     * BIND's debugging levels, {@code debug 3: ...} after the category ({@code general: debug 1: zone_startload:
     * ...}): debug, whatever the number; unknown for any other word before a space.
     */
    private static Severity debugLevel(String s, int start, int end) {
        int digits = end + 1;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > end + 1 && digits < s.length() && s.charAt(digits) == ':'
                && Severity.fromWord(s, start, end) == Severity.DEBUG ? Severity.DEBUG : Severity.UNKNOWN;
    }

    private static final String PY_SUFFIX = ".py:";
    private static final String WARNING = "Warning";

    private static final String NODE_PROCESS = "(node:";
    /** The longest code in brackets before a Node warning's name ({@code [DEP0005]}, {@code [MODULE_TYPELESS_...]}). */
    private static final int MAX_NODE_WARNING_CODE = 48;

    /**
     * Whether the body at {@code from} is a process warning as Node prints it on stderr: the process, a code in
     * brackets for some, the warning's name and its message ({@code (node:1970) [DEP0005] DeprecationWarning: Buffer()
     * is deprecated ...}, {@code (node:1970) MaxListenersExceededWarning: ...}).
     */
    static boolean isNodeWarning(String s, int from) {
        if (!s.startsWith(NODE_PROCESS, from)) {
            return false;
        }
        int digits = from + NODE_PROCESS.length();
        int i = digits + Timestamps.digitRun(s, digits, s.length());
        if (i == digits || !s.startsWith(") ", i)) {
            return false;
        }
        i += 2;
        if (s.startsWith("[", i)) {
            int close = s.indexOf("] ", i);
            if (close < 0 || close - i > MAX_NODE_WARNING_CODE) {
                return false;
            }
            i = close + 2;
        }
        int name = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return namesWarning(s, name, i);
    }

    /**
     * Whether the body at {@code from} is a warning as Python's {@code warnings} module shows it: the file, the line,
     * the category and the message ({@code /app/db.py:12: DeprecationWarning: ...}, the source line indented under
     * it), in a service's output among its logger's lines.
     */
    public static boolean isPythonWarning(String s, int from) {
        int space = s.indexOf(' ', from);
        if (space < from + PY_SUFFIX.length() + 2 || s.charAt(space - 1) != ':') {
            return false; // nearly every body: its first word ends otherwise
        }
        int digits = space - 1;
        while (digits > from && s.charAt(digits - 1) >= '0' && s.charAt(digits - 1) <= '9') {
            digits--;
        }
        if (digits == space - 1 || !s.startsWith(PY_SUFFIX, digits - PY_SUFFIX.length())) {
            return false;
        }
        int category = space + 1;
        int end = category;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.')) {
            end++; // the category, its module before it as Twisted's log shows it (builtins.DeprecationWarning)
        }
        return namesWarning(s, category, end); // UserWarning, DeprecationWarning, a library's own
    }

    /** Whether {@code s[name..end)} names a warning ({@code ...Warning}) and a colon and a space follow it. */
    private static boolean namesWarning(String s, int name, int end) {
        return end - name >= WARNING.length() && s.startsWith(WARNING, end - WARNING.length())
                && s.startsWith(": ", end);
    }

    /**
     * PHP's names of its error types, as it writes them before the message in its error log and on a server's output
     * ({@code PHP Fatal error:  Uncaught ...}, {@code PHP Deprecated:  ...}; without {@code PHP } when shown): a fatal
     * or parse error stops the script, a recoverable one is an error, a deprecation or notice is information (Symfony
     * logs PHP's deprecations at INFO). Single words that are levels anyway ({@code Warning:}) are read by the general
     * rule; PHP's own single words only after {@code PHP }.
     */
    private static final String[] PHP_ERROR_TYPES = {"Fatal error:", "Parse error:", "Recoverable fatal error:",
        "Catchable fatal error:", "Warning:", "Notice:", "Deprecated:", "Strict Standards:"};
    private static final Severity[] PHP_ERROR_LEVELS = {Severity.FATAL, Severity.FATAL, Severity.ERROR,
        Severity.ERROR, Severity.WARN, Severity.INFO, Severity.INFO, Severity.INFO};
    /** How many of {@link #PHP_ERROR_TYPES}, first, are of two words or more, read without {@code PHP } too. */
    private static final int PHP_PHRASES = 4;
    private static final String PHP_PREFIX = "PHP ";

    /** The severity of PHP's error type that opens the body at {@code from} ({@link #PHP_ERROR_TYPES}), else null. */
    private static Severity phpErrorType(String s, int from) {
        boolean prefixed = s.startsWith(PHP_PREFIX, from);
        int at = prefixed ? from + PHP_PREFIX.length() : from;
        char first = at < s.length() ? s.charAt(at) : ' ';
        if (!prefixed && first != 'F' && first != 'P' && first != 'R' && first != 'C') {
            return null; // nearly every body
        }
        for (int i = 0; i < (prefixed ? PHP_ERROR_TYPES.length : PHP_PHRASES); i++) {
            if (s.startsWith(PHP_ERROR_TYPES[i], at)) {
                return PHP_ERROR_LEVELS[i];
            }
        }
        return null;
    }

    // ---- inference -------------------------------------------------------------------------------------------

    /**
     * Whether the level {@code t} labels its line's message rather than ending a header: a colon after it ({@code
     * error: ...}), or after a number that follows it (BIND's debugging level, {@code debug 3: ...}).
     */
    private static boolean labelsMessage(String text, HeaderToken t) {
        if (text.charAt(t.end - 1) == ':') {
            return true;
        }
        int end = t.next + Timestamps.digitRun(text, t.next, text.length());
        return end > t.next && end < text.length() && text.charAt(end) == ':';
    }

    private static Kind[] inferWords(List<String> sample, HeaderLexer lexer) {
        int n = sample.size();
        List<Line> lines = new ArrayList<>(n);
        for (String s : sample) {
            lines.add(new Line(s, lexer, Mode.WORDS));
        }
        Kind[] kinds = new Kind[MAX_FIELDS];
        boolean[] strong = new boolean[MAX_FIELDS];
        boolean[] bareLevel = new boolean[MAX_FIELDS];
        double needed = CONSISTENT * n;
        for (int i = 0; i < MAX_FIELDS; i++) {
            int[] votes = new int[Kind.values().length];
            int[] spannedVotes = new int[Kind.values().length];
            int dashes = 0;
            int columns = 0;
            int hex = 0;
            int levels = 0;
            int labels = 0;
            for (Line l : lines) {
                HeaderToken t = l.token(i);
                if (t == null) {
                    continue;
                }
                votes[t.kind.ordinal()]++;
                boolean level = t.kind == Kind.LEVEL || t.kind == Kind.BRACKET && t.severity != null;
                levels += level ? 1 : 0;
                labels += level && labelsMessage(l.text, t) ? 1 : 0;
                Kind spanned = t.kind == Kind.WORD ? spannedAnchor(l, i) : null;
                spannedVotes[spanned != null ? spanned.ordinal() : t.kind.ordinal()]++;
                dashes += t.isDash(l.text) ? 1 : 0;
                columns += t.endsColumn() && !pairAt(l.text, t.next) ? 1 : 0;
                hex += t.kind == Kind.NUMBER && l.text.startsWith("0x", t.start) ? 1 : 0;
            }
            if (votes[Kind.WORD.ordinal()] < needed) {
                // a word that opens a free field's few words votes for the field they end in, when a free field
                // takes them in some lines only (Google Chrome Helper[12]: beside kernel[0]:); a word in most
                // lines' place is a field of its own (lighttpd's host:port before its "- [time]")
                votes = spannedVotes;
            }
            if (votes[Kind.SEPARATOR.ordinal()] >= needed) {
                kinds[i] = Kind.SEPARATOR;
            } else {
                for (Kind k : new Kind[] {Kind.TIME, Kind.LEVEL, Kind.BRACKET, Kind.COMPONENT, Kind.NUMBER}) {
                    // a dash stands for a value a line lacks (RFC 5424's nil structured data); but a time or a
                    // level a line has whenever its logger writes one, so dashes do not make most lines' one (an
                    // access log's "- -" where another logger's lines have their level)
                    boolean always = k == Kind.TIME || k == Kind.LEVEL;
                    if (votes[k.ordinal()] + dashes >= needed && (!always || votes[k.ordinal()] >= dashes)) {
                        kinds[i] = k;
                        break;
                    }
                }
            }
            // a number in hex (OpenLDAP's thread, "0x7fbfaf368200") is no message's first word, as a decimal may be
            strong[i] = kinds[i] != null && kinds[i] != Kind.NUMBER || i > 0 && (columns >= needed || hex >= needed);
            bareLevel[i] = (kinds[i] == Kind.LEVEL || kinds[i] == Kind.BRACKET) && levels >= needed
                    && labels * 2 < levels;
        }
        int[] reach = new int[MAX_FIELDS + 1];
        for (Line l : lines) {
            reach[new Matcher(l, kinds).longest()]++;
        }
        List<Integer> ends = new ArrayList<>();
        int unproven = 0;
        int atLeast = n;
        int beforeRequest = beforeRequest(lines, needed);
        for (int h = 1; h <= beforeRequest; h++) {
            atLeast -= reach[h - 1];
            if (atLeast < needed) {
                break;
            }
            if (strong[h - 1]) {
                ends.add(h);
                unproven = 0;
                // a component ends every header that has one ("sshd[42]:", "org.acme.Foo:"), but for a level most
                // lines write after it, which ends it then: Go's log with its file, "main.go:25: INFO order placed";
                // a level that labels the message after a component opens it (BIND's "general: debug 1: ...")
                boolean levelNext = h < MAX_FIELDS && bareLevel[h];
                if (kinds[h - 1] == Kind.COMPONENT && !levelNext
                        || kinds[h - 1] == Kind.LEVEL && h > 1 && kinds[h - 2] == Kind.COMPONENT) {
                    break;
                }
            } else if (++unproven > MAX_UNPROVEN_RUN) {
                break;
            }
        }
        Kind[] longest = ends.isEmpty() ? new Kind[0] : Arrays.copyOf(kinds, ends.get(ends.size() - 1));
        for (int e = ends.size() - 1; e >= 0; e--) {
            Kind[] layout = Arrays.copyOf(kinds, ends.get(e));
            if ((anchored(layout) || programTagged(lines, layout)) && leavesMessages(lines, layout)) {
                return layout;
            }
        }
        return anchored(longest) || programTagged(lines, longest) ? longest : new Kind[0];
    }

    /**
     * How many tokens a header may take before the quoted HTTP request most lines hold ({@code "GET /orders/7
     * HTTP/1.1"}): an access line's request, status and size are its message, though a log of access lines alone has
     * them in every line, where a header's fields would be ({@link #MAX_FIELDS} when most lines hold none).
     */
    private static int beforeRequest(List<Line> lines, double needed) {
        int[] opensAt = new int[MAX_FIELDS];
        for (Line l : lines) {
            for (int i = 0; i < MAX_FIELDS; i++) {
                HeaderToken t = l.token(i);
                if (t == null) {
                    break;
                }
                if (opensQuotedRequest(l.text, t.start)) {
                    opensAt[i]++;
                    break;
                }
            }
        }
        int upTo = 0;
        for (int i = 0; i < MAX_FIELDS; i++) {
            upTo += opensAt[i];
            if (upTo >= needed) {
                return i;
            }
        }
        return MAX_FIELDS;
    }

    /** Whether a quoted HTTP request opens at {@code at} ({@code "GET /orders/7 HTTP/1.1"}). */
    private static boolean opensQuotedRequest(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '"') {
            return false;
        }
        for (String method : METHODS) {
            if (s.startsWith(method, at + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether most of the lines that fit {@code layout} keep a message after it. A log whose lines are mostly one
     * message ({@code [info] <0.250.0> accepting AMQP connection <0.1.0> (...)}, RabbitMQ's) gives that message's
     * words and brackets a place in every line, which is what header fields have; a header that leaves its lines
     * nothing but brackets and numbers took the message, and a shorter one that leaves words is the header.
     */
    private static boolean leavesMessages(List<Line> lines, Kind[] layout) {
        int fitting = 0;
        int withMessage = 0;
        for (Line l : lines) {
            Matcher m = new Matcher(l, layout);
            if (m.longest() < layout.length) {
                continue;
            }
            fitting++;
            for (int k = m.tokens(); k < m.tokens() + MESSAGE_LOOKAHEAD; k++) {
                HeaderToken t = l.token(k);
                if (t == null) {
                    break;
                }
                if (isMessageToken(l.text, t)) {
                    withMessage++;
                    break;
                }
            }
        }
        return withMessage * 2 > fitting;
    }

    /** A token with a letter outside brackets, or a JSON object (a structured body is a message). */
    private static boolean isMessageToken(String text, HeaderToken t) {
        if (t.kind == Kind.BRACKET) {
            return text.charAt(t.start) == '{';
        }
        if (t.kind == Kind.TIME || t.kind == Kind.SEPARATOR || t.kind == Kind.NUMBER) {
            return false;
        }
        for (int i = t.start; i < t.end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code layout} is a program's tag alone and most of {@code lines} open with one that names the process in
     * brackets ({@code ocserv[30386]: main: ...}): what glibc's syslog writes on standard error beside the log
     * ({@code LOG_PERROR}), as a daemon run in the foreground or in a container shows it. Such a tag is a header
     * though it has no time or level; a name and a colon alone ({@code main:}) may open any message and is none.
     */
    private static boolean programTagged(List<Line> lines, Kind[] layout) {
        if (layout.length != 1 || layout[0] != Kind.COMPONENT) {
            return false;
        }
        int tagged = 0;
        for (Line l : lines) {
            HeaderToken t = l.token(0);
            tagged += t != null && t.kind == Kind.COMPONENT && namesProcess(l.text, t.start, t.end) ? 1 : 0;
        }
        return tagged >= CONSISTENT * lines.size();
    }

    /** Whether {@code s[from, to)} ends with a process's id in brackets and a colon: {@code ocserv[30386]:}. */
    private static boolean namesProcess(String s, int from, int to) {
        if (to - from < 5 || s.charAt(to - 1) != ':' || s.charAt(to - 2) != ']') {
            return false;
        }
        int i = to - 3;
        while (i > from && Character.isDigit(s.charAt(i))) {
            i--;
        }
        return i > from && i < to - 3 && s.charAt(i) == '[';
    }

    /**
     * True when a layout has a field only headers have: a time, a level or a bracketed group. Without one, fields
     * that merely keep their place are the message's own words: the {@code GET /search ->} of an access log's
     * {@code GET /search -> 200 in 61 ms}, the {@code ListRecommendations failed:} of an OTLP log body.
     */
    private static boolean anchored(Kind[] layout) {
        for (Kind k : layout) {
            if (k == Kind.TIME || k == Kind.LEVEL || k == Kind.BRACKET) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@code key=value} pair starts at {@code at}. structlog's and logrus's consoles pad a message to a fixed
     * width so that the pairs after it line up ({@code [info     ] order placed        order=42}): padding before a
     * pair ends a message, not a header column.
     */
    static boolean pairAt(String s, int at) {
        if (at >= s.length() || !Character.isLetter(s.charAt(at))) {
            return false;
        }
        int i = at + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                || s.charAt(i) == '-')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '=';
    }

    /**
     * A word at {@code i} that is the first of a few words ending in a separator or component ({@code Google Chrome
     * Helper[12]:}) votes for that kind: the free field before it took more than one word in this line.
     */
    private static Kind spannedAnchor(Line l, int i) {
        HeaderToken before = i > 0 ? l.token(i - 1) : null;
        if (before == null || before.kind != Kind.WORD) {
            return null;
        }
        for (int k = i + 1; k <= i + MAX_SPAN - 1; k++) {
            HeaderToken t = l.token(k);
            if (t == null || t.kind != Kind.WORD) {
                return t != null && (t.kind == Kind.COMPONENT || t.kind == Kind.SEPARATOR) ? t.kind : null;
            }
        }
        return null;
    }

    private static Kind[] inferColumns(List<String> lines, HeaderLexer lexer, char delimiter) {
        int n = lines.size();
        double needed = CONSISTENT * n;
        int with = 0;
        for (String s : lines) {
            int at = s.indexOf(delimiter);
            with += at >= 0 && at <= HeaderLexer.REACH ? 1 : 0;
        }
        if (with < needed) {
            return new Kind[0];
        }
        Mode mode = delimiter == '|' ? Mode.PIPES : Mode.TABS;
        BitSet aligned = alignedDelimiters(lines, delimiter);
        int[] reach = new int[MAX_FIELDS + 1];
        int[][] votes = new int[MAX_FIELDS][Kind.values().length];
        int firstIsField = 0;
        for (String s : lines) {
            Line l = new Line(s, lexer, mode);
            int k = 0;
            while (k < MAX_FIELDS) {
                HeaderToken t = l.token(k);
                if (t == null || t.delimiter == HeaderToken.Delimiter.END || isFreeText(s, t, aligned)) {
                    break; // the last column, and free text, are message
                }
                votes[k][t.kind.ordinal()]++;
                k++;
            }
            reach[k]++;
            HeaderToken first = l.token(0);
            firstIsField += first != null && (first.kind != Kind.WORD && first.kind != Kind.SEPARATOR
                    || mode == Mode.PIPES && s.startsWith(ULF_OPEN)) ? 1 : 0;
        }
        if (firstIsField < needed) {
            return new Kind[0]; // "... INFO a|b|c": pipes in the message, not columns
        }
        int header = 0;
        int atLeast = n;
        for (int h = 1; h <= MAX_FIELDS; h++) {
            atLeast -= reach[h - 1];
            if (atLeast < needed) {
                break;
            }
            header = h;
        }
        Kind[] layout = new Kind[header];
        for (int i = 0; i < header; i++) {
            for (Kind k : Kind.values()) {
                if (votes[i][k.ordinal()] >= needed) {
                    layout[i] = k == Kind.WORD ? null : k;
                }
            }
        }
        return layout;
    }

    private static char delimiter(Mode mode) {
        return mode == Mode.PIPES ? '|' : '\t';
    }

    /**
     * The offsets at which {@value #CONSISTENT} of {@code lines} have {@code delimiter} within the lexer's reach: the
     * columns a pattern pads and cuts to a width (log4j's {@code %-16.16t}) end at the same offset on every line.
     * ActiveMQ's classic layout, {@code %d | %-5.5p | %-16.16t | %-32.32c{1} | %-32.32C %4L | %m%n}, pads a thread
     * that may hold spaces ({@code eMQ ShutdownHook}) and a class with its line ({@code BrokerService  759}).
     */
    private static BitSet alignedDelimiters(List<String> lines, char delimiter) {
        int[] counts = new int[HeaderLexer.REACH + 1];
        for (String s : lines) {
            int end = Math.min(s.length(), HeaderLexer.REACH + 1);
            for (int i = s.indexOf(delimiter); i >= 0 && i < end; i = s.indexOf(delimiter, i + 1)) {
                counts[i]++;
            }
        }
        BitSet aligned = new BitSet();
        for (int i = 0; lines.size() >= 3 && i < counts.length; i++) {
            if (counts[i] >= CONSISTENT * lines.size()) {
                aligned.set(i);
            }
        }
        return aligned;
    }

    /**
     * Whether a column is free text, the message: a column with spaces, unless it ends at an {@link
     * #alignedDelimiters aligned} delimiter, where the columns of a fixed width end whatever they hold, or is an OSGi
     * bundle ({@link #isBundle}).
     */
    private static boolean isFreeText(String line, HeaderToken column, BitSet aligned) {
        boolean fixedWidth = column.delimiter != HeaderToken.Delimiter.END && aligned.get(column.next - 1);
        return !fixedWidth && HeaderLexer.isFreeText(line, column) && !isBundle(line, column);
    }

    /**
     * Whether a column holds the bundle that logged, as Karaf's layout writes it (Karaf, ServiceMix, OpenDaylight:
     * {@code %X{bundle.id} - %X{bundle.name} - %X{bundle.version}}, {@code 18 - org.apache.karaf.features.core -
     * 4.4.8}; {@code  -  - } for a thread outside any bundle): an id, a name and a version, none with a space.
     */
    private static boolean isBundle(String line, HeaderToken column) {
        return BUNDLE.matcher(line).region(column.start, column.end).matches();
    }

    /**
     * A line read on its own: fields of a recognisable kind, and before them only words that look like header
     * fields (a number, an identifier with digits, a name in capitals or with dots, the host after a timestamp).
     */
    private static Kind[] singleLine(Line l) {
        int header = 0;
        int unproven = 0;
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < MAX_FIELDS; i++) {
            HeaderToken t = l.token(i);
            if (t == null) {
                break;
            }
            boolean column = t.delimiter == HeaderToken.Delimiter.PIPE || t.delimiter == HeaderToken.Delimiter.TAB;
            boolean strong = t.kind != Kind.WORD && t.kind != Kind.NUMBER || column && i > 0;
            if (strong && t.kind == Kind.COMPONENT && i == 0) {
                break; // "Error: could not connect" opening a bare line is a message
            }
            if (strong && t.kind == Kind.LEVEL && i == 0 && l.text.charAt(t.end - 1) == ':'
                    && t.next < l.text.length() && !datedAfter(l, i)) {
                // "error: something" is a message that says its level; "INFO: 2026/12/05 09:16:01 [core] ..."
                // (gRPC's logger in Go, log.New(w, "INFO: ", log.LstdFlags)) is a header, its time after the level
                break;
            }
            if (strong && t.kind == Kind.LEVEL && i == 0 && t.end - t.start == 1 && !datedAfter(l, i)) {
                break; // "A unified platform for ...", "I did": a letter alone opening a line is a word, not a level
            }
            kinds.add(t.kind == Kind.WORD ? null : t.kind);
            if (strong) {
                header = i + 1;
                unproven = 0;
                if (t.kind == Kind.COMPONENT) {
                    break;
                }
                continue;
            }
            HeaderToken before = i > 0 ? l.token(i - 1) : null;
            boolean hostAfterTime = before != null && before.kind == Kind.TIME && unproven == 0;
            if (!(hostAfterTime || looksLikeHeaderWord(l.text, t)) || ++unproven > MAX_UNPROVEN_RUN) {
                break;
            }
        }
        return kinds.subList(0, header).toArray(new Kind[0]);
    }

    /** Whether the token after the {@code i}th is a time with its date. */
    private static boolean datedAfter(Line l, int i) {
        HeaderToken next = l.token(i + 1);
        return next != null && next.kind == Kind.TIME && LogHeader.isDated(next.epochMillis);
    }

    private static boolean looksLikeHeaderWord(String s, HeaderToken t) {
        if (t.kind == Kind.NUMBER) {
            return true;
        }
        boolean digit = false;
        boolean lower = false;
        boolean dot = false;
        for (int i = t.start; i < t.end; i++) {
            char c = s.charAt(i);
            digit |= Character.isDigit(c);
            lower |= Character.isLowerCase(c);
            dot |= c == '.' && i > t.start && i + 1 < t.end;
        }
        return digit || !lower && t.end - t.start <= 12 || dot;
    }

    /** The lexed fields of one line, lexed as far as asked. */
    private static final class Line {
        /** Elixir's Logger metadata before a level ({@link #pastMetadata}): a handful of keys, at most this many. */
        private static final int MAX_METADATA_PAIRS = 16;
        final String text;
        private final HeaderLexer lexer;
        private final Mode mode;
        private HeaderToken[] tokens = new HeaderToken[8];
        private int count;
        private boolean ended;

        Line(String text, HeaderLexer lexer, Mode mode) {
            this.text = text;
            this.lexer = lexer;
            this.mode = mode;
        }

        HeaderToken token(int i) {
            while (count <= i && !ended) {
                HeaderToken last = count == 0 ? null : tokens[count - 1];
                int pos = last == null ? skipSpaces(text, 0)
                        : mode == Mode.WORDS && last.kind == Kind.TIME ? pastMetadata(text, last.next) : last.next;
                if (last != null && (last.delimiter == HeaderToken.Delimiter.END
                        || mode == Mode.WORDS && phpErrorType(text, pos) != null)) {
                    ended = true; // PHP's error type opens the message (PHP Fatal error:): no field's word
                    break;
                }
                HeaderToken t = switch (mode) {
                    case WORDS -> lexer.next(text, pos, last);
                    case PIPES -> lexer.column(text, pos, '|');
                    case TABS -> lexer.column(text, pos, '\t');
                };
                if (t == null) {
                    ended = true;
                } else {
                    if (count == tokens.length) {
                        tokens = Arrays.copyOf(tokens, count * 2);
                    }
                    tokens[count++] = t;
                }
            }
            return i < count ? tokens[i] : null;
        }

        /**
         * Where the level bracket after {@code key=value} pairs opens, when pairs at {@code pos} run up to one
         * (Elixir's Logger writes {@code $time $metadata[$level] $message}: {@code 11:50:44.961 request_id=F-x1
         * order=4 [info] order 4 placed}): the pairs are a record's metadata, each line's own, and the lines read as
         * those without it. Else {@code pos}: a logfmt message's pairs have no level bracket after them.
         */
        private static int pastMetadata(String s, int pos) {
            int at = pos;
            int pairs = 0;
            for (int end = pairEnd(s, at); end > 0 && pairs < MAX_METADATA_PAIRS; end = pairEnd(s, at)) {
                pairs++;
                at = skipSpaces(s, end);
            }
            if (pairs == 0 || at >= s.length() || s.charAt(at) != '[') {
                return pos;
            }
            int close = s.indexOf(']', at);
            return close > at && Severity.fromWord(s, at + 1, close) != null ? at : pos;
        }

        /** The end of a {@code key=value} word at {@code at} ({@link HeaderLexer#opensWithPair}'s key), else -1. */
        private static int pairEnd(String s, int at) {
            int key = HeaderLexer.opensWithPair(s, at) ? s.indexOf('=', at) : -1;
            if (key < 0 || key + 1 >= s.length() || s.charAt(key + 1) == ' ') {
                return -1;
            }
            int end = key + 1;
            while (end < s.length() && s.charAt(end) != ' ') {
                end++;
            }
            return end;
        }

        private static int skipSpaces(String s, int pos) {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
            return pos;
        }
    }

    /** Aligns a line's tokens with the layout's fields, leniently; finds the longest prefix of fields matched. */
    private static final class Matcher {
        private final Line line;
        private final Kind[] fields;
        private int bestFields = -1;
        private int bestTokens;

        Matcher(Line line, Kind[] fields) {
            this.line = line;
            this.fields = fields;
        }

        /** The number of fields matched by the best alignment. */
        int longest() {
            search(0, 0, 1);
            return bestFields;
        }

        /** The number of tokens the best alignment took. */
        int tokens() {
            return bestTokens;
        }

        private void search(int field, int token, int substitutions) {
            if (field > bestFields) {
                bestFields = field;
                bestTokens = token;
            }
            if (field == fields.length || bestFields == fields.length) {
                return;
            }
            HeaderToken t = line.token(token);
            if (t == null) {
                return;
            }
            Kind expected = fields[field];
            if (compatible(line.text, t, expected)) {
                search(field + 1, token + 1, substitutions);
            }
            if (expected == null && field + 1 < fields.length
                    && (fields[field + 1] == Kind.SEPARATOR || fields[field + 1] == Kind.COMPONENT)) {
                for (int extra = 1; extra <= MAX_SPAN && bestFields < fields.length; extra++) {
                    HeaderToken more = line.token(token + extra);
                    if (more == null) {
                        break;
                    }
                    if (more.kind == fields[field + 1]) {
                        search(field + 1, token + extra, substitutions);
                        break;
                    }
                }
            }
            if (substitutions > 0 && bestFields < fields.length && field + 1 < fields.length
                    && expected != null && expected != Kind.TIME && expected != Kind.COMPONENT
                    && (t.kind == Kind.WORD || t.kind == Kind.NUMBER)) {
                search(field + 1, token + 1, substitutions - 1); // a word where a separator or number was expected
            }
        }

        static boolean compatible(String text, HeaderToken t, Kind expected) {
            return expected == null || t.kind == expected
                    || t.isDash(text) && expected != Kind.TIME && expected != Kind.COMPONENT;
        }
    }
}
