package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.AuditRecords;
import dev.sloscout.engine.capsule.HeaderLayout;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.PostgresMessages;
import dev.sloscout.engine.capsule.Severity;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of a plain-text log continue the event before them instead of starting one. Indented lines do (stack
 * frames of most languages), and Java's {@code Caused by:}, {@code Suppressed:} and {@code ... 12 more}; an exception's
 * name at the margin does when frames follow it ({@link #mayOpenTrace}: the reader holds it for a line). Some traces
 * also have lines at the margin that only their context tells from a new event:
 *
 * <ul>
 *   <li>a Python traceback, as {@code logging.exception} writes it under the message: {@code Traceback (most recent
 *       call last):}, indented frames (loguru writes the one that caught it at the margin: {@code > File "app.py",
 *       ...}, and the values of its variables under it), then the exception at the margin ({@code ValueError: bad
 *       count}, or a bare {@code module.Error}); chained ones add {@code During handling of the above exception,
 *       another exception occurred:} or {@code The above exception was the direct cause of the following
 *       exception:} and another traceback; rich draws it in a box ({@link #isRichTracebackTop}), its exception after
 *       the box;</li>
 *   <li>a Go goroutine dump, as a panic prints it: {@code goroutine 1 [running]:}, then per frame the function at the
 *       margin ({@code main.(*Server).handle(...)}, {@code created by net/http.(*Server).Serve in goroutine 1}) and
 *       its file, indented; or the frames alone under a message, as zap's console writes a stack ({@code main.main},
 *       then {@code \t/app/main.go:48}: {@link #opensGoStack});</li>
 *   <li>a PHP stack trace, as PHP's uncaught-exception message and Monolog (Laravel, Symfony) write it: {@code Stack
 *       trace:} or {@code [stacktrace]}, frames {@code #0 /app/a.php(12): run()} at the margin, {@code Next
 *       RuntimeException: ...} for a chained exception, and Monolog's {@code "}} closing the record's context;</li>
 *   <li>an Erlang or Elixir process's crash, as OTP's logger writes it under the record that reports it: lines at
 *       the margin that open with {@code ** } ({@code ** Generic server cart terminating}, {@code ** Last message in
 *       was ...}; Elixir's exception {@code ** (KeyError) key :id not found}, after which the report runs on at the
 *       margin: {@code Last message: ...}, {@code State: ...}); and OTP's legacy report, a header line
 *       ({@code =ERROR REPORT==== 3-Dec-2026::15:06:08.309562 ===}) with the message and report under it;</li>
 *   <li>PostgreSQL's parts of one message, each a line under the server's prefix: {@code ERROR:  relation "x" does
 *       not exist}, then {@code DETAIL:  ...}, {@code HINT:  ...}, {@code CONTEXT:  ...}, {@code QUERY:  ...},
 *       {@code LOCATION:  ...} and {@code STATEMENT:  <the SQL>} under a prefix of the same shape.</li>
 * </ul>
 *
 * <p>One per file, given every non-blank line in order: {@link #continues} for a line while an event is open,
 * {@link #started} for a line that opens one.
 */
final class ContinuationLines {
    private static final String PYTHON_DURING = "During handling of the above exception, another exception occurred:";
    private static final String PYTHON_CAUSE = "The above exception was the direct cause of the following exception:";

    private enum Context {
        /** No trace in view: only indented lines and Java's markers continue. */
        NONE,
        /** A Python traceback's first line: its frames come next. */
        PYTHON_TRACEBACK,
        /** Among a Python traceback's frames: the next line at the margin is the exception. */
        PYTHON_FRAMES,
        /**
         * The rest of a message that runs over lines at the margin, until a line opens as the event did: after a
         * Python traceback's exception (pydantic's errors per field, SQLAlchemy's {@code [SQL: ...]}), and after a
         * record that ends with a colon or has no message (Spring Boot's {@code APPLICATION FAILED TO START} report,
         * a list announced by {@code ...:}) or whose message ran on past a line break ({@link #runsOn}), and under a
         * banner ({@link #isBanner}).
         */
        MESSAGE_LINES,
        /**
         * After the message line of a record written on two lines ({@link #isTwoLineHeader}): its further lines at the
         * margin, up to the next record's header. SimpleFormatter writes a message's line breaks as they are
         * (Hazelcast's {@code INFO: ... The Jet engine is disabled.}, then {@code To enable the Jet engine on the
         * members, do one of the following:} and its list); a line that may open a stack ({@link #mayOpenTrace}) ends
         * the run, left to the reading of traces, which folds a logged exception and not one printed after a routine
         * record.
         */
        TWO_LINE_MESSAGE,
        /**
         * After a record whose message opened a bracket it did not close (Tomcat's {@code ... threw exception [An
         * exception occurred processing [/boom.jsp] at line [1]}, the JSP's source lines and {@code Stacktrace:] with
         * root cause} after it): every line until one closes it, or opens as the record did.
         */
        OPEN_BRACKET,
        /**
         * After a record whose message opened a double quote it did not close, a value with line breaks in it
         * (hclog's {@code config dump: config="line one}, then {@code line two} and {@code line three"}): every line
         * until one closes it, or opens as the record did.
         */
        OPEN_QUOTE,
        /**
         * After a record whose message opened a single quote it did not close ({@link #singleQuoteOpen}): Icinga 2
         * logs a command's arguments each in single quotes, a check's output among them, and an output of two lines
         * goes on at the margin ({@code '-o' 'connect to address 127.0.0.1 and port 80: Connection refused}, then
         * {@code HTTP CRITICAL - Unable to open TCP socket' '-r' ...}). Every line until one closes it, or opens as the
         * record did.
         */
        OPEN_SINGLE_QUOTE,
        /**
         * After a warning of Python's {@code warnings} module ({@link HeaderLayout#isPythonWarning}): its message's
         * lines at the margin, until the source line, indented, that ends it.
         */
        PYTHON_WARNING,
        /**
         * In a traceback rich draws in a box ({@link #isRichTracebackTop}): the box's lines, up to its bottom edge,
         * after which the exception comes at the margin.
         */
        RICH_TRACEBACK,
        /**
         * In a DNS message printed as dig shows one ({@link #DNS_MESSAGE_HEADER}): its sections' headings, records
         * and blank lines at the margin, up to its size ({@link #DNS_MESSAGE_END}), the last line.
         */
        DNS_MESSAGE,
        /** In a goroutine dump: functions at the margin are frames. */
        GOROUTINES,
        /** In a Go stack of frames alone (zap's): functions named at the margin, without arguments, are frames. */
        GO_STACK,
        /** In a PHP stack trace: numbered frames at the margin. */
        PHP_FRAMES,
        /**
         * In the report Python's logging prints when a handler fails to write a record ({@link #LOGGING_ERROR}): the
         * traceback, {@code Call stack:} and its frames, the record's {@code Message:}, up to its {@code Arguments:}.
         */
        LOGGING_ERROR,
        /**
         * After a record that ends with an HTTP message's start line ({@link #endsWithHttpStartLine}): the message's
         * header fields at the margin, a {@code Date:} with its time among them, then its body as
         * {@link #MESSAGE_LINES}.
         */
        HTTP_HEADERS,
        /** In an entry of MySQL's slow query log ({@link SlowQueryEntries}): every line up to the next entry. */
        SLOW_QUERY,
        /** In an entry of PHP-FPM's slow log ({@link #FPM_SLOW_ENTRY}): its script and its frames. */
        FPM_SLOW_TRACE,
        /**
         * In a record of Ruby's {@code Logger} ({@link #RUBY_HEADER}): every line without its header, up to a line
         * with a time of its own.
         */
        RUBY_RECORD,
        /** In a report under OTP's legacy header ({@link #isErlangReportHeader}): every line up to the next header. */
        ERLANG_REPORT,
        /**
         * After the site of an uncaught exception that ended a Node process ({@link #NODE_CRASH_SITE}): the source line
         * and its caret, until the exception.
         */
        NODE_CRASH,
        /**
         * After a Rust panic's first line ({@link #RUST_PANIC}): the panic's message on the next line when the first
         * ends with the site and a colon (Rust 1.73 and later), then {@code stack backtrace:} and its frames, and the
         * {@code note: ...} about backtraces.
         */
        RUST_PANIC,
        /**
         * Under a heading that opens with a rule and ends with a colon ({@link #opensWithRule}): the block it heads,
         * up to a line that opens with a rule again, its end.
         */
        RULED_BLOCK,
        /**
         * Under a rule alone right under a record's first line ({@link #isRuleAlone}): a value printed over lines at
         * the margin, up to the rule that closes it. ActiveMQ Artemis's audit log prints the routing context of a sent
         * message so: its queues between two rows of dots, then {@code , transaction: null}.
         */
        BETWEEN_RULES
    }

    private Context context = Context.NONE;
    /**
     * The line that opened the event being continued when it is a PostgreSQL message, else null; and where its
     * severity starts (the prefix before it is what a part's must match, {@link #isPostgresPart}). Judged once per
     * event, so that other logs pay nothing per line.
     */
    private String postgresOpener;
    private int postgresSeverity;
    /**
     * The open event's first line is the header of a record written on two lines ({@link #isTwoLineHeader}:
     * java.util.logging's or tinylog's) and nothing has followed it yet.
     */
    private boolean twoLineHeader;
    /**
     * The open event's message ended with a space (a record's first line's, or java.util.logging's message line's) or
     * a record's first line with a comma: it ran on past a line break, and its next line with a word is its rest
     * ({@link #joinable}).
     */
    private boolean runsOn;
    /**
     * The open event's first line ends with its header's bracket, its message empty, and an indented Python traceback
     * followed it (Twisted's {@code ... [twisted.web.server.Request#critical] }, then the traceback a tab in), or its
     * message ran on ({@link #runsOn}) and a traceback at the margin followed it (CherryPy's
     * {@code [07/Dec/2026:00:11:12] HTTP }): the traceback's exception, when it comes, is the record's message
     * ({@link #joinable}).
     */
    private boolean exceptionIsMessage;
    /** The traceback whose exception is the record's message ({@link #exceptionIsMessage}) is indented. */
    private boolean indentedTraceback;
    /**
     * The indent under which the message of the open event's first line comes, when that line is a header written
     * over its message (.NET's console logger's, {@link #DOTNET_HEADER}; Samba's, {@link #SAMBA_HEADER}; a timed
     * record whose tab-separated fields end with the message's tab and no message, {@link #TAB_RECORD_INDENT}) and
     * nothing has followed it yet; else null.
     */
    private String messageIndent;
    /** The open event's first line is OTP's legacy report header and nothing has followed it yet. */
    private boolean erlangHeader;
    /**
     * The tags the open Ruby record's blank message stands behind ({@code "[req-id] "}; {@code ""} without tags),
     * until the line after it; null when its message is not blank.
     */
    private String rubyBlankTags;
    /** The open event's first line when it opens with a time ({@link #timedOpener}), else null. */
    private String opener;
    /** Whether the open event's first line opens with a level and a colon ({@link #opensWithLevel}). */
    private boolean levelOpener;
    /**
     * Brackets the open event's lines opened and have not closed yet ({@link Context#OPEN_BRACKET}); -1 before they
     * are counted ({@link #leftBracketOpen}).
     */
    private int openBrackets;
    /**
     * The open event's first line ends with a colon alone, its message empty ({@link #endsWithoutMessage}), and
     * no line with a word has followed it yet: the first that has one is its message.
     */
    private boolean withoutMessage;
    /**
     * Lines taken so far in a context that takes any line up to a bound: a Ruby record's, a slow query log entry's,
     * a message's at the margin.
     */
    private int contextLines;
    /** The column of the colons of the table whose row the line above was ({@link #alignedLabelColon}), or -1. */
    private int labelColumn = -1;
    /** Rows of tables of aligned labels under the open event, counted against a cap. */
    private int labelLines;
    /** Lines under the open event that open with a comma, counted against a cap. */
    private int commaLines;
    /** Rows of a table drawn under the open event ({@link #isTableRow}), counted against a cap. */
    private int tableRows;
    /** Lines of Python's literals under the open event ({@link #isPythonLiteral}), counted against a cap. */
    private int literalLines;
    /**
     * Whether the open event's first line opens a list ({@link #opensList}), and how many of its lines of one word each
     * ({@link #isListedWord}) it has taken, counted against a cap.
     */
    private boolean opensList;
    private int listedWords;
    /** Whether the open slow query log entry has had its {@code # User@Host:} line. */
    private boolean slowEntryUser;
    /**
     * The open event's first line is a banner ({@link #isBanner}): the lines under it are its, up to a record or a
     * line that opens with a rule, another banner or heading.
     */
    private boolean banner;
    /** The open event's first line. */
    private String first;
    /** The message line last joined to the open event's first line ({@link #joinable}), or null. */
    private String joined;
    /**
     * The line that names the open event's level: its first, or the message line joined to a record's header written
     * over it ({@link #isTwoLineHeader}: SimpleFormatter's {@code INFO: ...}).
     */
    private String levelLine;
    /**
     * Where the tab after the time the open event's first line opens with stands ({@link #timeColumn}), or -1;
     * {@link #UNREAD} until a line opening with a tab asks.
     */
    private int timeColumn = UNREAD;
    /**
     * Where the message of the open event's first line starts when it is a record of rich's logging handler ({@link
     * #richMessageColumn(String)}) and nothing but the rest of its message has followed it; else -1.
     */
    private int richMessageColumn = -1;
    /** The open event's first line ends with a Ruby backtrace's frame ({@link #endsWithRubyFrame}). */
    private boolean rubyFrames;
    /**
     * Where the header of the open event's first line ends when it names an Erlang process
     * ({@link #processHeaderEnd}), else -1: RabbitMQ writes that header again on every line of a multi-line report.
     */
    private int processHeaderEnd = -1;
    /** The stamp of the audit record the open event opens with ({@link AuditRecords#stamp}), else null. */
    private String auditEvent;
    /** The line before was an OCaml backtrace's frame under the open event ({@link #ocamlFrameAt}). */
    private boolean ocamlFrames;
    /**
     * The open event's first line is a stamp alone ({@link #isStampAlone}) and its message is the indented lines under
     * it, joined to it up to {@link #MAX_STAMP_MESSAGE_LINES}; how many it has joined.
     */
    private boolean stampAlone;
    private int stampMessageLines;
    /**
     * Brackets and braces open in a message of Oracle's ODL format ({@link #ODL_OPEN}), the two that open it counted:
     * its lines continue the event until the count falls to none; 0 when no such message is open.
     */
    private int odlDepth;
    /** The open event's first line is an ODL header over a message ({@link #ODL_OPEN}) not yet joined to it. */
    private boolean odlMessageAwaited;
    /**
     * The open event's first line opened a record of GlassFish's uniform format ({@link HeaderLayout#ULF_OPEN}) that
     * it did not close: the record's further lines follow up to the one that closes it.
     */
    private boolean ulfRecordOpen;
    /** The open event's first line is such a record's header with no message after it, the message under it. */
    private boolean ulfMessageAwaited;
    /** Whether the open event's first line opens with an uptime stamp ({@link #uptimeStampEnd}). */
    private boolean uptimeStamped;
    /**
     * Where the quoted output starts in the open event's first line when PHP-FPM wrote it as a worker's and it tells
     * of an uncaught exception ({@link #fpmWorkerOutput}), else -1.
     */
    private int fpmWorkerOutput = -1;
    /** The open event's first line is such a header alone, its message on a line under it not yet joined. */
    private boolean processHeaderAlone;
    /** Whether traces after {@link #first} are events of their own ({@link #leavesTraces}), once asked; null before. */
    private Boolean leavesTraces;
    /**
     * The open event opened with a trace of its own, no logger's line before it (Python's {@code Traceback (most
     * recent call last):}, Node's crash site), and its exception has not come yet: when it comes, it is the message.
     */
    private boolean openedByTrace;
    /**
     * The open event is a Python traceback printed on its own whose exception was made its message: a chained one
     * after it ({@code During handling of the above exception, ...}) ended the program, and its exception is the
     * message instead.
     */
    private boolean promotedTraceback;
    /**
     * In a Node crash ({@link Context#NODE_CRASH}), the caret under the source line has been shown: the next line at
     * the margin is what was thrown.
     */
    private boolean caretShown;
    /** The line before was Python's chain marker ({@link #PYTHON_DURING}, {@link #PYTHON_CAUSE}). */
    private boolean afterChainMarker;
    /**
     * The line before ended a trace the open event's record logged: a Python traceback's exception, or a Ruby
     * backtrace's frame. A trace right after it is another's ({@link #isUncaughtTraceback}); one after more lines is
     * part of what the record wrote (Celery's error quotes the task's traceback under its own).
     */
    private boolean traceLogged;
    /** No line has been asked to continue the open event yet ({@link #continues}). */
    private boolean nothingContinued;
    /** The line last asked to continue the open event ({@link #continues}), or its first. */
    private String above;

    /**
     * Whether {@code line} is the exception of a trace that opened the event on its own ({@link #openedByTrace}): the
     * exception says what happened, so it is the event's message, and the lines before it go under it. Without this,
     * every uncaught Python exception was one template, {@code Traceback (most recent call last):}, and every Node
     * crash a file name. Asked before {@link #continues}; answers yes once per event, and again for each exception
     * chained to a Python traceback's ({@link #promotedTraceback}): the last is the message.
     */
    boolean promotes(String line) {
        boolean exception = openedByTrace
                && (context == Context.PYTHON_FRAMES && isPythonException(line)
                        || context == Context.NODE_CRASH && (mayOpenTrace(line) || caretShown)
                        || context == Context.RUST_PANIC && !isIndented(line)
                        || context == Context.LOGGING_ERROR && isPythonException(line));
        if (exception) {
            promotedTraceback = context == Context.PYTHON_FRAMES;
            openedByTrace = false;
            context = context == Context.RUST_PANIC || context == Context.LOGGING_ERROR ? context : Context.NONE;
        }
        return exception;
    }

    /** Whether {@code line} (not blank) continues the open event; follows the trace it may be part of. */
    boolean continues(String line) {
        int rowColumn = labelColumn;
        labelColumn = -1;
        afterChainMarker = false;
        boolean afterTrace = traceLogged;
        traceLogged = false;
        boolean nextToFirst = nothingContinued;
        nothingContinued = false;
        String upper = above;
        above = line;
        if (processHeaderEnd > 0 && line.regionMatches(0, first, 0, processHeaderEnd)) {
            return true; // the same time to the microsecond, level and process: the report's next line
        }
        if (auditEvent != null && auditEvent.equals(AuditRecords.stamp(line))) {
            return true; // the audit event's next record: its path, its working directory, its command line
        }
        boolean afterOcamlFrame = ocamlFrames;
        int header = sharedHeaderEnd(line);
        ocamlFrames = ocamlFrameAt(line, header) >= 0;
        if (ocamlFrames || afterOcamlFrame && line.length() < first.length() && first.startsWith(line)) {
            return true; // a backtrace's frame, or the header alone that ends it
        }
        if (continuesUnderHeader(line, header)) {
            return true; // a Lua traceback's lines, a stack's frames, each under the record's own header
        }
        if (nextToFirst && line.startsWith(EXCEPTION_LABEL) && firstIsRecord()) {
            return true; // aria2's "Exception: [AbstractCommand.cc:856] errorCode=1 ...", its causes under it
        }
        if (context == Context.NONE && nextToFirst
                && (line.startsWith(DNS_MESSAGE_HEADER) || first.contains(DNS_MESSAGE_HEADER)) && firstIsRecord()) {
            context = Context.DNS_MESSAGE;
            contextLines = 0;
        }
        if (context == Context.DNS_MESSAGE) {
            if (!opensNextRecord(line) && contextLines++ < MAX_DNS_MESSAGE_LINES) {
                context = line.startsWith(DNS_MESSAGE_END) ? Context.NONE : context;
                return true; // "flags: qr ra ; QUERY: 1, ...", ";; QUESTION SECTION:", ".\tIN\tNS", ...
            }
            context = Context.NONE;
        }
        if (odlDepth > 0) {
            if (!opensLike(first, line)) {
                odlLine(line);
                return true; // the message's lines, at the margin or not, up to its brackets' close
            }
            odlDepth = 0; // the next record: the close went missing
        }
        if (ulfRecordOpen) {
            if (!line.startsWith(HeaderLayout.ULF_OPEN)) {
                ulfRecordOpen = !line.endsWith(HeaderLayout.ULF_CLOSE);
                return true; // the message's further lines, a stack's, a dump's, up to the record's close
            }
            ulfRecordOpen = false; // the next record: the close went missing
        }
        if (uptimeStamped && indentedAfterUptime(line)) {
            return true; // a kernel stack's frame, the X server's continued message
        }
        if (fpmWorkerOutput > 0 && sameFpmWorker(line)) {
            return true; // the worker's next line of the same uncaught exception
        }
        if (context == Context.RUBY_RECORD) {
            // up to the next record, or to another logger's line, at the margin with its own time: WEBrick's and
            // Rack's access log, Sinatra's error report, written beside a Logger's records
            boolean continued = !RUBY_HEADER.matcher(line).lookingAt()
                    && !(isRubyCrash(line) && (leavesTraces() || afterTrace))
                    && !(hasTimeOfDay(line) && !isIndented(line)) && contextLines++ < MAX_RUBY_LINES;
            traceLogged = continued && isRubyFrame(line);
            return continued;
        }
        if (context == Context.NODE_CRASH && !isIndented(line)) {
            if (contextLines++ < MAX_CRASH_SOURCE_LINES) {
                return true; // the source line the exception was thrown at
            }
            context = Context.NONE;
        }
        if (context == Context.NODE_CRASH && isCaret(line)) {
            caretShown = true; // what was thrown comes next, an Error or any value (throw "boom")
            return true;
        }
        if (LogEvent.isNodeVersion(line, 0, line.length()) || line.startsWith(NODE_TRACE_HINT)) {
            return true; // Node's last words after an uncaught exception's stack, a thrown value's or a warning's hint
        }
        if (context == Context.RUST_PANIC && (line.startsWith("stack backtrace:") || line.startsWith("note: "))) {
            return true;
        }
        if (context == Context.LOGGING_ERROR) {
            if (line.startsWith(LOGGING_ERROR_ARGUMENTS)) {
                context = Context.NONE; // the report's last line
                return true;
            }
            if (contextLines++ < MAX_LOGGING_ERROR_LINES && !(hasTimeOfDay(line) && !isIndented(line))) {
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.PYTHON_WARNING) {
            if (isIndented(line)) {
                context = Context.NONE; // the source line the warning was raised at: the warning's last
                return true;
            }
            if (contextLines++ < MAX_WARNING_LINES && !hasTimeOfDay(line) && !opensWithLevel(line)) {
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.ERLANG_REPORT) {
            return !isErlangReportHeader(line) && contextLines++ < MAX_ERLANG_REPORT_LINES;
        }
        if (HeaderLayout.isOtpCrashLine(line) && !leavesTraces()) {
            if (line.startsWith(ELIXIR_EXCEPTION)) { // the report runs on at the margin: Last message, State, ...
                context = opener != null || levelOpener ? Context.MESSAGE_LINES : Context.NONE;
                contextLines = 0;
            }
            return true; // a crashed process's report, under the record that logged it
        }
        if (context == Context.FPM_SLOW_TRACE) {
            if ((line.startsWith(FPM_SCRIPT) || FPM_SLOW_FRAME.matcher(line).lookingAt())
                    && contextLines++ < MAX_SLOW_TRACE_LINES) {
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.SLOW_QUERY) {
            if (line.startsWith("# User@Host: ") && !slowEntryUser) {
                slowEntryUser = true; // after the entry's time
                return true;
            }
            return !SlowQueryEntries.opens(line) && contextLines++ < MAX_SLOW_QUERY_LINES;
        }
        if (context == Context.HTTP_HEADERS) {
            if (isHttpField(line) && !opensAsFirst(line) && contextLines++ < MAX_MESSAGE_LINES) {
                return true;
            }
            context = Context.MESSAGE_LINES; // the body, up to the next record
        }
        if (context == Context.PHP_FRAMES && line.strip().equals("\"}")) {
            context = Context.NONE; // Monolog's context, which held the trace, closes
            return true;
        }
        if (context == Context.OPEN_BRACKET) {
            if (!opensNextRecord(line) && contextLines++ < MAX_MESSAGE_LINES) {
                openBrackets = bracketDepth(line, openBrackets);
                context = openBrackets > 0 ? Context.OPEN_BRACKET : Context.NONE;
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.OPEN_QUOTE || context == Context.OPEN_SINGLE_QUOTE) {
            if (!opensNextRecord(line) && contextLines++ < MAX_MESSAGE_LINES) {
                boolean closes = context == Context.OPEN_QUOTE ? quotesOdd(line) : !singleQuoteOpen(line, true);
                context = closes ? Context.NONE : context;
                return true;
            }
            context = Context.NONE;
        }
        if (rubyFrames && isRubyFrame(line)) {
            return true; // a backtrace joined with line breaks under its first frame, as Sidekiq logs a job's error
        }
        if (isRichTracebackTop(line)) {
            context = Context.RICH_TRACEBACK;
            return true;
        }
        if (context == Context.RICH_TRACEBACK) {
            String inBox = line.stripLeading();
            if (inBox.startsWith(RICH_BOX_SIDE)) {
                return true;
            }
            if (inBox.startsWith(RICH_BOX_BOTTOM)) {
                context = Context.PYTHON_FRAMES; // the exception comes next
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.BETWEEN_RULES) {
            if (isRuleAlone(line)) {
                context = Context.NONE;
                return true; // the value's end
            }
            if (!opensNextRecord(line) && contextLines++ < MAX_MESSAGE_LINES) {
                return true;
            }
            context = Context.NONE; // the closing rule went missing
        }
        if (saysNothing(line)) {
            if (context == Context.NONE && nextToFirst && isRuleAlone(line) && firstIsRecord()) {
                context = Context.BETWEEN_RULES;
                contextLines = 0;
            } else if (context == Context.NONE && nextToFirst && leftBracketOpen()) {
                openBrackets = bracketDepth(line, openBrackets);
                context = openBrackets > 0 ? Context.OPEN_BRACKET : Context.NONE; // lsyncd's rsync filter: "/"
            }
            return true; // an object printed over lines opens or closes (Node's console.log), a rule, a drawing
        }
        if (isTableRow(line) && firstIsRecord() && tableRows++ < MAX_TABLE_ROWS) {
            return true; // a row of a table the record drew: Netty's dump of the bytes it read, "|00000000| 47 45 ..."
        }
        if (line.charAt(0) == ',' && firstIsRecord() && commaLines++ < MAX_MESSAGE_LINES) {
            return true; // a list or a value's fields run on past a line break: no record opens with a comma
        }
        if (opensWithRule(line)) {
            if (context == Context.RULED_BLOCK) {
                context = Context.NONE;
                return true; // the end of the block a heading opened
            }
            if (endsWithColon(line) && firstIsRecord()) {
                context = Context.RULED_BLOCK;
                return true; // a heading under a record over what it goes on to show (SSSD's backtrace)
            }
        }
        if (line.charAt(0) == ' ' && (isIndentedRecord(line) || paddedNumberUnderNumber(first, line))) {
            return false; // an event of its own, though indented (asked of lines opening with a space alone)
        }
        if (levelUnderLevel(first, line) || timeLeftOut(line) > 0) {
            return false; // rich's handler and MariaDB's query log leave out a time the line above has: an event
        }
        if ((opener != null || levelOpener) && isPythonLiteral(line) && literalLines++ < MAX_MESSAGE_LINES) {
            return true; // what the record above printed: Scrapy's item under "Scraped from <200 ...>"
        }
        if (opensList && isListedWord(line) && listedWords++ < MAX_LISTED_WORDS) {
            return true; // a list the record printed one item a line: unattended-upgrades' packages to upgrade
        }
        if (!nextToFirst && numberOutgrewItsPadding(upper, line)) {
            return true; // GlusterFS's graph: "100: " under " 99: end-volume"
        }
        if (context == Context.NONE && nextToFirst && leftBracketOpen() && !opensNextRecord(line)) {
            openBrackets = bracketDepth(line, openBrackets);
            context = openBrackets > 0 ? Context.OPEN_BRACKET : Context.NONE;
            return true; // the line after a first line that left a bracket open, indented or not: up to its close
        }
        if (isIndented(line)) {
            if (context == Context.PYTHON_TRACEBACK) {
                context = Context.PYTHON_FRAMES;
            }
            return true;
        }
        if (line.startsWith(LogEvent.PYTHON_TRACEBACK)) {
            context = Context.PYTHON_TRACEBACK;
            return true;
        }
        if ((context == Context.PYTHON_TRACEBACK || context == Context.PYTHON_FRAMES)
                && line.startsWith(MARKED_PYTHON_FRAME)) {
            context = Context.PYTHON_FRAMES; // loguru's (better_exceptions') mark on the frame that caught it
            return true;
        }
        if ((context == Context.PYTHON_TRACEBACK || context == Context.PYTHON_FRAMES)
                && line.startsWith(TWISTED_CAUGHT)) {
            context = Context.PYTHON_FRAMES; // Twisted's Failure: the frames under the mark raised it
            return true;
        }
        if (context == Context.PYTHON_FRAMES && isPythonException(line)) {
            // the traceback ends with its exception, whose message may go on; a chained one starts with its own line
            context = opener != null || levelOpener ? Context.MESSAGE_LINES : Context.NONE;
            traceLogged = true;
            contextLines = 0;
            return true;
        }
        if (line.startsWith(PYTHON_DURING) || line.startsWith(PYTHON_CAUSE)) {
            afterChainMarker = true;
            openedByTrace |= promotedTraceback; // the chained exception's comes next, the one that ended the program
            return true;
        }
        if (isGoroutineHeader(line)) {
            context = Context.GOROUTINES;
            return true;
        }
        if (context == Context.GOROUTINES && isGoFrame(line) || context == Context.GO_STACK && isGoFunction(line)) {
            return true;
        }
        if (isPhpTraceHeader(line)) {
            context = Context.PHP_FRAMES;
            return true;
        }
        if (context == Context.PHP_FRAMES && (isPhpFrame(line) || line.startsWith("Next "))) {
            return true;
        }
        if (isMarkedTraceLine(line)) {
            return true; // a logged exception's line behind the logger's mark, Dropwizard's
        }
        if (line.startsWith("Caused by:") || line.startsWith("Suppressed:") || line.startsWith("...")
                || line.equals(TSLOG_STACK) || line.equals(SPARK_DRIVER_STACK)
                || postgresOpener != null && isPostgresPart(postgresOpener, postgresSeverity, line)) {
            return true;
        }
        if (context == Context.MESSAGE_LINES && isHttpStartLine(line) && contextLines++ < MAX_MESSAGE_LINES) {
            context = Context.HTTP_HEADERS; // an HTTP message the record printed: its fields, a Date: among them
            contextLines = 0;
            return true;
        }
        if (context == Context.MESSAGE_LINES || context == Context.TWO_LINE_MESSAGE) {
            boolean ends = opensNextRecord(line) || banner && opensWithRule(line)
                    || context == Context.TWO_LINE_MESSAGE && (isTwoLineHeader(line) || mayOpenTrace(line));
            if (!ends && contextLines++ < MAX_MESSAGE_LINES) {
                return true;
            }
            context = Context.NONE;
        }
        if (context == Context.NONE && nextToFirst && (opener != null || levelOpener) && quotesOdd(first)
                && !opensNextRecord(line)) {
            context = quotesOdd(line) ? Context.NONE : Context.OPEN_QUOTE;
            return true; // the line after a first line that left a quote open: the quoted value's next line
        }
        if (context == Context.NONE && nextToFirst && (opener != null || levelOpener) && singleQuoteOpen(first, false)
                && !opensNextRecord(line)) {
            context = singleQuoteOpen(line, true) ? Context.OPEN_SINGLE_QUOTE : Context.NONE;
            return true; // so with a single quote
        }
        int labelColon = alignedLabelColon(line, rowColumn);
        labelColumn = labelColon;
        return labelColon > 0 && labelLines++ < MAX_MESSAGE_LINES && !opensNextRecord(line);
    }

    /**
     * The column of the colon of {@code line} when it is a row of a table of labels whose colons are aligned: a label
     * at the margin (words of letters and digits) padded with two spaces or more before its colon ({@code Src    :
     * 10 (laddr: ...)}), or, right under such a row, one whose colon stands in {@code column}, the column of the row
     * above (the longest label, a space or none before its colon); -1 when it is not. Dante writes a session's
     * timings so under the record that ends it ({@code accept to negotiate start       : 0.002822s}), and a table's
     * rows say nothing alone.
     */
    static int alignedLabelColon(String line, int column) {
        int i = 0;
        int spaces = 0;
        while (i < line.length() && i <= MAX_LABEL && (Character.isLetterOrDigit(line.charAt(i))
                || line.charAt(i) == ' ' && i > 0 || line.charAt(i) == '/' || line.charAt(i) == '-')) {
            spaces = line.charAt(i) == ' ' ? spaces + 1 : 0;
            i++;
        }
        boolean colon = i > spaces && i < line.length() && line.charAt(i) == ':'
                && (i + 1 == line.length() || line.charAt(i + 1) == ' ') && Character.isLetter(line.charAt(0));
        return colon && (spaces >= 2 || i == column) ? i : -1;
    }

    /** Where a single quote may open a value: after these, or at the line's start. */
    private static final String BEFORE_QUOTE = " ([{=,:";

    /**
     * Whether a value in single quotes is open at the end of {@code line}, given whether one was open at its start. A
     * quote opens a value after a space or an opening mark, a character that is no space after it; it closes the open
     * value when no letter or digit follows it. An apostrophe within a word ({@code don't}) neither opens nor closes
     * one; after a word's last letter ({@code users' files}) it closes a value open.
     */
    static boolean singleQuoteOpen(String line, boolean open) {
        boolean inQuote = open;
        for (int i = line.indexOf('\''); i >= 0; i = line.indexOf('\'', i + 1)) {
            boolean last = i + 1 == line.length();
            if (inQuote) {
                inQuote = !last && Character.isLetterOrDigit(line.charAt(i + 1));
            } else {
                inQuote = (i == 0 || BEFORE_QUOTE.indexOf(line.charAt(i - 1)) >= 0)
                        && (last || line.charAt(i + 1) != ' ');
            }
        }
        return inQuote;
    }

    /** Whether {@code line} holds an odd number of double quotes, those escaped by a backslash aside. */
    static boolean quotesOdd(String line) {
        boolean odd = false;
        for (int i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) {
            odd ^= i == 0 || line.charAt(i - 1) != '\\';
        }
        return odd;
    }

    /**
     * Whether the open event's first line opens with a time (or a level and a colon), or shows a Twisted Failure
     * ({@link #TWISTED_FAILURE}), and leaves a bracket open ({@link Context#OPEN_BRACKET}). Counted when first asked:
     * for the line after it, when nothing else took that.
     */
    private boolean leftBracketOpen() {
        if (openBrackets < 0) {
            openBrackets = opener != null || levelOpener || first.contains(TWISTED_FAILURE) ? bracketDepth(first, 0)
                    : 0;
        }
        return openBrackets > 0;
    }

    /**
     * Whether {@code line} opens a record as the open event's first line did (its time's shape, or a level and a
     * colon), or has a time of its own: another logger's line, interleaved (an access log's); or opens as an earlier
     * event's did ({@link #opensLikeAnEarlierEvent}), or with a thread and a level ({@link #threadThenLevel}).
     */
    private boolean opensNextRecord(String line) {
        return opensAsFirst(line) || hasTimeOfDay(line) || opensLikeAnEarlierEvent(line) || threadThenLevel(line);
    }

    /**
     * Whether {@code line}, at the margin, goes on with a held exception's message whose last line, {@code above},
     * ends with a colon: H2 writes the statement that failed under {@code org.h2.jdbc.JdbcSQLSyntaxErrorException:
     * Table "MISSING" not found; SQL statement:}, then the frames. A record, a frame, a line without a letter or one
     * that may open a trace of its own does not.
     */
    boolean goesOnAfterColon(String above, String line) {
        return endsWithColon(above) && hasLetter(line) && !isIndented(line) && !isFrame(line) && !mayOpenTrace(line)
                && !opensNextRecord(line);
    }

    /** How many first lines of earlier events {@link #opensLikeAnEarlierEvent} keeps, the latest. */
    private static final int MAX_EARLIER_OPENERS = 8;
    /** First lines of this file's events that open with a bracket, one per shape, the latest kept; null slots empty. */
    private final String[] earlierOpeners = new String[MAX_EARLIER_OPENERS];
    private int nextOpener;

    /**
     * Whether {@code line} opens with a bracket as an earlier event of this file did ({@link #opensLike}): another
     * writer's record, though its time, if it has one, is too far in to see. uWSGI writes a request's line, {@code
     * [pid: 5696|app: 0|req: 1/2] 127.0.0.1 () {24 vars in 252 bytes} [Sat Dec  5 19:21:47 2026] GET /boom ...},
     * right after the traceback Flask logged for it: the exception's message may go on, and the request's line is
     * not its rest.
     */
    private boolean opensLikeAnEarlierEvent(String line) {
        if (line.isEmpty() || line.charAt(0) != '[') {
            return false;
        }
        for (String earlier : earlierOpeners) {
            if (earlier != null && opensLike(earlier, line)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps an event's first line for {@link #opensLikeAnEarlierEvent}, its first characters ({@link #OPENING_CHARS}),
     * unless it is shorter or one of its shape is kept.
     */
    private void keepOpener(String line) {
        if (line.length() >= OPENING_CHARS && line.charAt(0) == '[' && !opensLikeAnEarlierEvent(line)) {
            earlierOpeners[nextOpener] = line.substring(0, OPENING_CHARS);
            nextOpener = (nextOpener + 1) % MAX_EARLIER_OPENERS;
        }
    }

    /** Whether {@code line} opens a record as the open event's first line did: its time's shape, or a level. */
    private boolean opensAsFirst(String line) {
        return opener != null ? opensLike(opener, line) : opensWithLevel(line);
    }

    /** {@code depth} after the brackets of {@code line}: plus one per {@code [} or {@code \{}, minus one per close. */
    private static int bracketDepth(String line, int depth) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
        }
        return depth;
    }

    /**
     * Whether {@code line} says, among its first words, that it is routine: a level of information or below
     * ({@code info}, {@code DEBUG}, {@code [TRACE]}). An exception printed with its stack after such a line was not
     * logged with it (Node's {@code console.error(err)}, Java's {@code printStackTrace()} among a logger's lines):
     * it is an event of its own, not hidden under the information. A line that names a higher level takes the stack
     * under it, as a logger writes a logged exception.
     */
    static boolean saysRoutine(String line) {
        Severity level = levelNamed(line);
        return level != null && level.compareTo(Severity.INFO) <= 0;
    }

    /** The level named among the first words of {@code line} ({@code info}, {@code [WARN]}), or null. */
    private static Severity levelNamed(String line) {
        int words = 0;
        int i = 0;
        int n = Math.min(line.length(), 120);
        while (i < n && words < 6) {
            while (i < n && !Character.isLetter(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words++;
                Severity level = Severity.fromWord(line, start, i);
                if (level != null) {
                    return level;
                }
            }
        }
        return null;
    }

    /**
     * Whether a trace printed after the open event's first line is not part of it but an event of its own (an
     * exception with frames, an uncaught Python traceback, a Ruby or OTP crash): that line says it is routine
     * ({@link #saysRoutine}), or it is a bare print, with neither a time nor a level (Node's {@code console.log}
     * before a {@code console.error(err)}): no logger wrote it, so none logged the trace under it. Read once per
     * event, when first asked.
     */
    boolean leavesTraces() {
        if (leavesTraces == null) {
            Severity level = levelNamed(levelLine);
            leavesTraces = level != null ? level.compareTo(Severity.INFO) <= 0
                    : !firstIsRecord();
        }
        return leavesTraces;
    }

    /**
     * Whether the open event's first line is a logger's record: it opens with a time or a level, or has a time, or
     * opens with a thread in brackets and a level ({@link #threadThenLevel}).
     */
    private boolean firstIsRecord() {
        return opener != null || levelOpener || hasTimeOfDay(first) || threadThenLevel(first);
    }

    /** The longest thread's name in brackets before a level ({@link #threadThenLevel}). */
    private static final int THREAD_REACH = 80;

    /**
     * Whether {@code line} opens with a bracket (a thread's name, spaces and all) and a level in capitals after it, as
     * log4j 1's TTCC layout writes a record without a time: {@code [main] INFO org.apache.camel.main.MainSupport -
     * ...}, {@code [Camel (camel-1) thread #2 - file://inbox] ERROR ...}.
     */
    static boolean threadThenLevel(String line) {
        if (!line.startsWith("[")) {
            return false;
        }
        int close = 1;
        while (close < line.length() && close <= THREAD_REACH && line.charAt(close) != ']') {
            close++;
        }
        if (close > THREAD_REACH || !line.startsWith("] ", close)) {
            return false;
        }
        int start = close + 2;
        int end = start;
        while (end < line.length() && line.charAt(end) >= 'A' && line.charAt(end) <= 'Z') {
            end++;
        }
        return end - start >= 4 && line.startsWith(" ", end) && Severity.fromWord(line, start, end) != null;
    }

    /** Characters an exception's message or class name needs for a line that repeats it to tell of it. */
    private static final int MIN_TOLD_MESSAGE = 6;

    /**
     * Whether the stack that {@code exception} opens under the open event ({@code java.io.IOException: Unknown data
     * type: 47}, {@code frame} its first frame) is an event of its own: its first line does not tell of the exception
     * ({@link #tellsOf}) nor, when it is a logger's record with a level and the stack a JVM's, of a failure ({@link
     * #tellsOfAFailure}); and the event leaves traces ({@link #leavesTraces}) or the stack is Node's under a record
     * without a level. Node prints an error's stack at the margin itself ({@code console.error(err)}, Express's
     * final handler), and the loggers that write records without a level ({@code debug}'s namespaces, morgan's
     * requests) log no stacks: {@code express:router jsonParser : /boom} did not log the error that follows it.
     */
    boolean leavesTrace(String exception, String frame) {
        boolean named = levelNamed(levelLine) != null;
        boolean javaScript = isJavaScriptFrame(frame);
        return (leavesTraces() || !named && javaScript) && !tellsOf(exception)
                && !(named && !javaScript && tellsOfAFailure());
    }

    /**
     * Whether {@code frame} ({@link #isFrame}) is a JavaScript engine's: it ends with the line and column of its
     * source, {@code at /app/server.js:9:48} or {@code at next (/app/node_modules/express/lib/router/route.js:149:13)}
     * (Java's and .NET's frames give a line alone), or with V8's {@code (<anonymous>)} for code without a source
     * ({@code at JSON.parse (<anonymous>)}).
     */
    static boolean isJavaScriptFrame(String frame) {
        if (frame.endsWith("(<anonymous>)")) {
            return true;
        }
        int end = frame.length();
        if (end > 0 && frame.charAt(end - 1) == ')') {
            end--;
        }
        int column = digitsBefore(frame, end);
        if (column == 0 || column == end || frame.charAt(end - column - 1) != ':') {
            return false;
        }
        int lineEnd = end - column - 1;
        int line = digitsBefore(frame, lineEnd);
        return line > 0 && line < lineEnd && frame.charAt(lineEnd - line - 1) == ':';
    }

    /** How many digits stand in {@code s} right before {@code end}. */
    private static int digitsBefore(String s, int end) {
        int i = end;
        while (i > 0 && isDigit(s.charAt(i - 1))) {
            i--;
        }
        return end - i;
    }

    /**
     * Whether the open event's first line tells of the exception {@code exception} opens: it names the exception (the
     * word {@code exception}, its class's simple name) or repeats its message, as a logger's line does when it logs an
     * exception (ActiveMQ's {@code DEBUG | Transport Connection to: tcp://... failed: Unknown data type: 47}), or
     * announces a stack trace ({@link #announcesStackTrace}). Such a stack was logged with the line even after a
     * routine one: a logger logs failures it expects at debug.
     */
    private boolean tellsOf(String exception) {
        if (first == null) {
            return false;
        }
        int colon = exception.indexOf(": ");
        int classEnd = colon > 0 ? colon : exception.length();
        String simpleName = exception.substring(exception.lastIndexOf('.', classEnd) + 1, classEnd);
        String message = colon > 0 ? exception.substring(colon + 2).strip() : "";
        return message.length() >= MIN_TOLD_MESSAGE && first.contains(message)
                || simpleName.length() >= MIN_TOLD_MESSAGE && first.contains(simpleName)
                || namesAnException() || announcesStackTrace();
    }

    /**
     * Whether the open event's first line says {@code stack trace} (or {@code stacktrace}), in any case: it announces
     * the stack under it, as HSQLDB's server does, without a time or a level, before the exception it caught
     * ({@code ...: 3:Failed to connect client.  Stack trace follows.}).
     */
    private boolean announcesStackTrace() {
        String lower = first.toLowerCase(Locale.ROOT);
        return hasLowerWord(lower, "stack trace") || hasLowerWord(lower, "stacktrace");
    }

    /** Words a record that tells of a failure says ({@link #tellsOfAFailure}). */
    private static final String[] FAILURE_WORDS = {"failed", "failing", "failure", "error"};

    /**
     * Whether the open event's first line tells of a failure in a word of its own ({@code failed}, {@code failing},
     * {@code failure}, {@code error}): a logger's routine record that does logged the stack of a JVM's exception under
     * it ({@link #leavesTrace}), as Flink logs a job's state at INFO with its cause ({@code Job orders (3db9...)
     * switched from state RUNNING to FAILING.}). A bare print's, or a Node stack's, is left as it was: Node prints
     * a crash's stack on its own after whatever was printed last.
     */
    private boolean tellsOfAFailure() {
        String lower = first.toLowerCase(Locale.ROOT);
        for (String word : FAILURE_WORDS) {
            if (hasLowerWord(lower, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the open event's first line, or the message joined to it ({@link #joinable}: Mopidy's under its header),
     * says {@code exception} as a word ({@link #tellsOf}).
     */
    private boolean namesAnException() {
        return first != null && hasWord(first, "exception") || joined != null && hasWord(joined, "exception");
    }

    /** Whether {@code word} (lower case) stands in {@code line} as a word of its own, in any case. */
    private static boolean hasWord(String line, String word) {
        return hasLowerWord(line.toLowerCase(Locale.ROOT), word);
    }

    /** Whether {@code word} stands in {@code lower}, a line in lower case, as a word of its own. */
    private static boolean hasLowerWord(String lower, String word) {
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetter(lower.charAt(at - 1)))
                    && (end == lower.length() || !Character.isLetter(lower.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code line} opens a Python traceback that the interpreter printed on its own, not one logged with the
     * open event: that event is routine or a bare print ({@link #leavesTraces}), and {@code logging.exception} logs
     * at ERROR, unless it says {@code exception} ({@code log.debug("retrying after an exception", exc_info=True)})
     * or announces it, a record ending with a colon right over it (certbot's {@code DEBUG:certbot._internal.log:
     * Exiting abnormally:}); or the event's own traceback ended on the line before ({@link #traceLogged}), as when a
     * program logs an exception and raises it again. An uncaught exception after {@code INFO starting}, or after the
     * record that logged it, was hidden under that record.
     */
    boolean isUncaughtTraceback(String line) {
        return line.startsWith(LogEvent.PYTHON_TRACEBACK) && !afterChainMarker
                && (traceLogged || leavesTraces() && !namesAnException() && !announcesTraceback());
    }

    /** Whether the open event is a record whose message ends with a colon, and no line has followed it yet. */
    private boolean announcesTraceback() {
        return nothingContinued && firstIsRecord() && endsWithColon(first);
    }

    /**
     * A line without a letter or a digit: brackets alone ({@code {}, {@code \}}, {@code \});}), what opens or closes a
     * value printed over lines, as Node's {@code console.log} prints an object and an error's properties after its
     * stack; a rule of dashes, stars or equals signs; a banner's drawing (Spring Boot's {@code ( ( )\___ | '_ | ...}).
     * It says nothing of its own, so it is part of the event before it.
     */
    static boolean saysNothing(String line) {
        boolean mark = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
            mark |= c != ' ' && c != '\t';
        }
        return mark;
    }

    /** Rows of a table under one record at most ({@link #isTableRow}): a dump of 16 KiB, 16 bytes a row. */
    private static final int MAX_TABLE_ROWS = 1024;

    /**
     * Whether {@code line} is a row of a table drawn with bars, a bar at each end ({@code |00000000| 47 45 54 20 ...
     * |GET / HTTP/1.1..|}, as Netty's LoggingHandler dumps the bytes it read or wrote under its record, between rules
     * of dashes and pluses; a box a CLI drew): no record opens with a bar.
     */
    static boolean isTableRow(String line) {
        if (line.isEmpty() || line.charAt(0) != '|') {
            return false;
        }
        int end = endWithoutSpaces(line);
        return end >= 3 && line.charAt(end - 1) == '|';
    }

    /**
     * Whether {@code line} is a rule and nothing else: one mark ({@code .}, {@code -}, {@code =}, {@code *}, {@code
     * #}, {@code ~}, {@code +}, {@code _}) repeated at least {@link #RULE_MARKS} times, maybe behind spaces.
     */
    static boolean isRuleAlone(String line) {
        String rule = line.strip();
        return rule.length() >= RULE_MARKS && leadingMarks(rule) == rule.length();
    }

    /** The marks a rule is drawn with ({@link #leadingMarks}). */
    private static final String RULE_MARK_CHARS = ".-=*#~+_";

    /** How many times {@code line}'s first character stands in a row at its start when it is a rule's mark; else 0. */
    private static int leadingMarks(String line) {
        if (line.isEmpty() || RULE_MARK_CHARS.indexOf(line.charAt(0)) < 0) {
            return 0;
        }
        int i = 1;
        while (i < line.length() && line.charAt(i) == line.charAt(0)) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code line}, which does not continue the open event, may be a heading that a rule on the next line
     * underlines, or a label over indented lines ({@link #headsSection}): a title at the margin, opening with a letter
     * and short, under a record. The reader holds such a line until the next one decides.
     */
    boolean mayHead(String line) {
        return isTitle(line) && firstIsRecord();
    }

    /**
     * Whether {@code held}, a title ({@link #mayHead}) held under a record, heads a section {@code line} opens, part of
     * the record's event. When {@code line} opens with a rule, it underlines the heading of a section the record goes
     * on to show, and the section's lines up to the next record are the event's too ({@link Context#MESSAGE_LINES}):
     * Apache Camel's error handler writes a failed exchange's {@code Message History (...)}, a rule, its columns' names
     * and rows, then {@code Stacktrace}, a rule and the exception, after a blank line under its record; tinylog writes
     * the exception on the rule's line ({@code -----: ...}). When {@code held} is a label ({@link #isLabel}) and
     * {@code line} indented, the lines indented under the label are the event's.
     */
    boolean headsSection(String held, String line) {
        boolean ruled = isTitle(held) && leadingMarks(line) >= RULE_MARKS;
        if (!(ruled || isLabel(held) && isIndented(line)) || !firstIsRecord()) {
            return false;
        }
        if (ruled) {
            context = Context.MESSAGE_LINES;
            contextLines = 0;
        }
        above = line;
        return true;
    }

    /** Letters a label ({@link #isLabel}) has at most. */
    private static final int MAX_LABEL_LETTERS = 32;

    /**
     * Whether {@code line} is one word of letters and a colon, alone: a label the record above goes on to show
     * indented lines under. Icinga 2 writes an error's {@code Context:} so, its frames numbered and indented by a tab
     * under it ({@code \t(0) Executing check for object 'web!http'}). A line of more words ({@code slow payment
     * provider:}) may be another writer's print and heads nothing.
     */
    static boolean isLabel(String line) {
        int colon = line.length() - 1;
        if (colon < 1 || colon > MAX_LABEL_LETTERS || line.charAt(colon) != ':') {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            if (!Character.isLetter(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Characters a title ({@link #isTitle}) has at most. */
    private static final int MAX_TITLE_CHARS = 100;

    /** Whether {@code line} may be a title: at the margin, opening with a letter, short, with no time of day. */
    private static boolean isTitle(String line) {
        return !line.isEmpty() && line.length() <= MAX_TITLE_CHARS && Character.isLetter(line.charAt(0))
                && !hasTimeOfDay(line);
    }


    /** How many marks in a row make the rule a heading opens with ({@link #opensWithRule}). */
    private static final int RULE_MARKS = 8;
    /** The marks a heading's rule ({@link #opensWithRule}) and a banner's ({@link #isBanner}) are made of. */
    private static final String HEADING_MARKS = "*=#-~+";

    /**
     * Whether {@code line} opens with a rule, one mark repeated, and words after it. SSSD writes the debug messages
     * that led to an error under it, between {@code ********************** PREVIOUS MESSAGE WAS TRIGGERED BY THE
     * FOLLOWING BACKTRACE:} and {@code ********************** BACKTRACE DUMP ENDS HERE *****}: a heading that ends
     * with a colon says what the record above goes on to show, and is part of its event as a rule alone is ({@link
     * #saysNothing}), up to the line that ends the block. A heading that does not end with a colon is no record's
     * (aiohttp's {@code ======== Running on http://... ========}, printed among its logger's records).
     */
    static boolean opensWithRule(String line) {
        if (HEADING_MARKS.indexOf(line.charAt(0)) < 0) {
            return false;
        }
        int i = leadingMarks(line);
        return i >= RULE_MARKS && i < line.length() && line.charAt(i) == ' ' && hasLetter(line);
    }

    /**
     * Whether {@code line} is a title between two rules of one mark ({@code +++++++++ Incoming Request +++++++++},
     * {@code ======== Running on http://127.0.0.1:8080 ========}): a program printed it over what it prints next, at
     * the margin, up to the next record. Apache Traffic Server at debug prints every HTTP message it handles so, a
     * field a line, among its records: the banner opens an event and the message is the banner's.
     */
    static boolean isBanner(String line) {
        int marks = leadingMarks(line);
        if (marks < RULE_MARKS || HEADING_MARKS.indexOf(line.charAt(0)) < 0) {
            return false;
        }
        int end = endWithoutSpaces(line);
        if (marks >= end || line.charAt(marks) != ' ') {
            return false;
        }
        int closing = end;
        while (closing > marks && line.charAt(closing - 1) == line.charAt(0)) {
            closing--;
        }
        return end - closing >= MIN_BANNER_CLOSE && line.charAt(closing - 1) == ' '
                && hasLetter(line.substring(marks, closing));
    }

    /** Marks a banner's closing rule has at least ({@link #isBanner}). */
    private static final int MIN_BANNER_CLOSE = 3;

    /** How far into a line {@link #hasTimeOfDay} looks: past an address and two dashes to a bracketed time. */
    private static final int TIME_OF_DAY_REACH = 48;

    /**
     * Whether a time of day ({@code 13:23:41}) stands among the first characters of {@code line}: a line with a header
     * of its own, never the rest of another's message, even when it does not open as that event did (two loggers in
     * one output: {@code 127.0.0.1 - - [03/Dec/2026 13:23:41] "GET ..."} among {@code [2026-12-03 13:23:41,279] ...}).
     */
    static boolean hasTimeOfDay(String line) {
        int reach = Math.min(line.length(), TIME_OF_DAY_REACH);
        for (int colon = line.indexOf(':'); colon > 0 && colon + 5 < line.length() && colon < reach;
                colon = line.indexOf(':', colon + 1)) {
            if (isDigit(line.charAt(colon - 1)) && isDigit(line.charAt(colon + 1)) && isDigit(line.charAt(colon + 2))
                    && line.charAt(colon + 3) == ':' && isDigit(line.charAt(colon + 4))
                    && isDigit(line.charAt(colon + 5))) {
                return true;
            }
        }
        return false;
    }

    /** How far into a line an Erlang process's id may end for {@link #processHeaderEnd}. */
    private static final int ERLANG_HEADER_REACH = 96;

    /**
     * Where the header ends of a line that opens with a time of day and names an Erlang process after it, as
     * RabbitMQ's logger does ({@code 2026-12-03 21:19:54.919997+00:00 [error] <0.222.0> }), the space after the id
     * included; -1 for any other line. RabbitMQ repeats this header on every line of a multi-line report (a crash
     * report of twenty lines, a boot failure's banner), each line otherwise read as an event of its own.
     */
    static int processHeaderEnd(String line) {
        if (!hasTimeOfDay(line)) {
            return -1;
        }
        int reach = Math.min(line.length() - 1, ERLANG_HEADER_REACH);
        for (int open = line.indexOf(" <"); open > 0 && open < reach; open = line.indexOf(" <", open + 1)) {
            int close = line.indexOf('>', open);
            if (close > 0 && close < reach && line.charAt(close + 1) == ' ' && isProcessId(line, open + 2, close)) {
                return close + 2;
            }
        }
        return -1;
    }

    /** Digits of the seconds in an uptime stamp at most ({@link #uptimeStampEnd}): ten would be an epoch's. */
    private static final int MAX_UPTIME_DIGITS = 9;

    /**
     * Where the message starts after the stamp that opens a line with the seconds since a start, padded on the left
     * ({@code [ 4000.000040] }, as the kernel's ring buffer writes its lines, dmesg's; {@code [   247.909] }, the X
     * server's log), the space after it included; -1 for any other line.
     */
    static int uptimeStampEnd(String line) {
        if (line.isEmpty() || line.charAt(0) != '[') {
            return -1;
        }
        int i = 1;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int seconds = i;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        if (i == seconds || i - seconds > MAX_UPTIME_DIGITS || i == line.length() || line.charAt(i) != '.') {
            return -1;
        }
        int end = fractionEnd(line, i);
        return end > 0 && line.startsWith("] ", end) ? end + 2 : -1;
    }

    /**
     * Where the three to nine digits after the point at {@code point} end, the fraction of a count of seconds ({@link
     * #uptimeStampEnd}, {@link #isPaddedSeconds}); -1 for fewer or more.
     */
    private static int fractionEnd(String line, int point) {
        int i = point + 1;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        int digits = i - point - 1;
        return digits >= 3 && digits <= 9 ? i : -1;
    }

    /**
     * Whether {@code line} opens with an uptime stamp ({@link #uptimeStampEnd}) and its message with a space or a tab:
     * the kernel writes a stack's frames so under the stack's heading ({@code [ 4000.000050]  ? __die+0x23/0x70}
     * under {@code [ 4000.000030] Call Trace:}), the X server the further lines of a message ({@code [   247.909]
     * \tEntry deleted from font path.}), each line with its own stamp.
     */
    private static boolean indentedAfterUptime(String line) {
        int message = uptimeStampEnd(line);
        return message > 0 && message < line.length() && (line.charAt(message) == ' ' || line.charAt(message) == '\t');
    }

    /** An Erlang process id's three numbers, {@code 0.222.0}. */
    private static boolean isProcessId(String line, int from, int to) {
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == '.' && i > from && isDigit(line.charAt(i - 1))) {
                dots++;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return dots == 2 && isDigit(line.charAt(to - 1));
    }

    /**
     * PHP-FPM writes what a worker wrote to its stderr one line a record when it catches the workers' output, each line
     * quoted after its worker: {@code [05-Dec-2026 12:07:29] WARNING: [pool www] child 10581 said into stderr: "NOTICE:
     * PHP message: PHP Fatal error:  Uncaught LogicException: boom in /app/index.php:6"}, then {@code ... child 10581
     * said into stderr: "Stack trace:"}, {@code "#0 {main}"} and {@code "  thrown in /app/index.php on line 6"}.
     */
    private static final String FPM_WORKER_SAID = " said into stderr: \"";
    private static final int FPM_WORKER_REACH = 128;
    /** What PHP's message of an exception that no code caught says, its trace under it. */
    private static final String FPM_UNCAUGHT = "Uncaught ";

    /** Where a worker's quoted output starts in {@code line} as PHP-FPM logs it ({@link #FPM_WORKER_SAID}), or -1. */
    static int fpmWorkerOutput(String line) {
        int said = line.startsWith("[") ? indexWithin(line, FPM_WORKER_SAID, 1, FPM_WORKER_REACH) : -1;
        return said > 0 ? said + FPM_WORKER_SAID.length() : -1;
    }

    /**
     * Whether {@code line} is the same worker's output as the open event's first line, at its level, and a line of a
     * PHP exception's trace ({@code Stack trace:}, a frame, {@code thrown in}, a chained {@code Next} exception): the
     * time before them may have moved on.
     */
    private boolean sameFpmWorker(String line) {
        int output = fpmWorkerOutput(line);
        int firstTimeEnd = first.indexOf("] ");
        int timeEnd = line.indexOf("] ");
        if (output < 0 || timeEnd < 0 || output - timeEnd != fpmWorkerOutput - firstTimeEnd
                || !line.regionMatches(timeEnd, first, firstTimeEnd, output - timeEnd)) {
            return false;
        }
        String said = line.substring(output, line.endsWith("\"") ? line.length() - 1 : line.length());
        return isPhpTraceHeader(said) || said.startsWith("#") && isPhpFrame(said) || said.startsWith("  thrown in ")
                || said.startsWith("Next ");
    }

    /** Lines at the margin a message may run on for after its first ({@link Context#MESSAGE_LINES}). */
    private static final int MAX_MESSAGE_LINES = 32;
    /** The longest label of a table of aligned labels ({@link #alignedLabelColon}). */
    private static final int MAX_LABEL = 48;
    /** The spaces a number padded on the left may open a line with ({@link #paddedNumberUnderNumber}). */
    private static final int MAX_NUMBER_PADDING = 8;
    /** How much of an event's first line a line must open like to open an event itself. */
    private static final int OPENING_CHARS = 10;

    /**
     * Whether {@code line} opens as {@code opener} did, over the opener's first characters and but for the digits of
     * numbers: {@code 2024-03-01 12:00:01,000 INFO} as {@code 2024-03-01 12:00:00,000 ERROR}.
     */
    private static boolean opensLike(String opener, String line) {
        return shapeMatched(opener, stampLength(opener), line, line.length()) >= 0;
    }

    /** The fewest characters of a stamp before a message {@link #stampLength} compares alone. */
    private static final int MIN_STAMP = 3;

    /**
     * How much of {@code opener} {@link #opensLike} compares: its first {@link #OPENING_CHARS} characters, or fewer
     * when a short stamp of digits and a colon is all that comes before its first letter, as coturn writes its
     * seconds since start before each line ({@code 0: : Domain name: }, {@code 4: : session ...}): the words after
     * such a stamp are the message's and differ from record to record.
     */
    private static int stampLength(String opener) {
        int n = Math.min(opener.length(), OPENING_CHARS);
        if (n == 0 || !isDigit(opener.charAt(0))) {
            return n;
        }
        boolean colon = false;
        for (int i = 0; i < n; i++) {
            char c = opener.charAt(i);
            if (Character.isLetter(c)) {
                return colon && i >= MIN_STAMP ? i : n;
            }
            colon |= c == ':';
        }
        return n;
    }

    /**
     * The first line of the open event when it opens with a time ({@code 2024-...}, {@code [2024-...}, {@code Sat
     * Dec 05 ...}, {@code Dec  6 23:17:51 ...}), or with a level in capitals before one
     * ({@code INFO  [2026-12-05 21:06:57,599] io.dropwizard...}, Dropwizard's format): a line that opens as it did is
     * an event of its own, and one that does not may go on a Python exception's message. Null when the event opens
     * otherwise: then only a level and a colon ({@link #opensWithLevel}) tell the next event, and without either
     * nothing goes on a message.
     */
    private static String timedOpener(String line) {
        int at = capitalLevelAt(line, 0) ? firstNonBlank(line, wordEnd(line, 0)) : 0;
        at += line.startsWith("[", at) ? 1 : 0;
        return line.length() > at && (isDigit(line.charAt(at)) || opensWithWeekdayAndMonth(line, at)
                || opensWithMonthAndTime(line, at)) ? line : null;
    }

    /**
     * Whether a month's name, its day and a time of day open {@code line} at {@code at} ({@code Dec  6 23:17:51},
     * syslog's order; Apache Traffic Server's {@code [Dec  6 23:17:51.185]}): a time opens the line. A month and a day
     * without a time after them ({@code Dec 03, 2026 7:57:35 AM}, java.util.logging's header) are not read so.
     */
    static boolean opensWithMonthAndTime(String line, int at) {
        if (line.length() < at + 12 || line.charAt(at + 3) != ' ' || !nameAt(MONTHS, line, at)) {
            return false;
        }
        int day = line.charAt(at + 4) == ' ' ? at + 5 : at + 4;
        int end = day;
        while (end < line.length() && end - day < 2 && isDigit(line.charAt(end))) {
            end++;
        }
        return end > day && line.length() >= end + 4 && line.charAt(end) == ' ' && isDigit(line.charAt(end + 1))
                && isDigit(line.charAt(end + 2)) && line.charAt(end + 3) == ':';
    }

    private static final String WEEKDAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * Whether a weekday's and a month's names open {@code line} at {@code at} ({@code Sat Dec 05 21:44:46 UTC 2026},
     * as Java's {@code Date.toString()}, {@code date} and ctime write a time): a time opens the line.
     */
    static boolean opensWithWeekdayAndMonth(String line, int at) {
        return line.length() >= at + 8 && line.charAt(at + 3) == ' ' && nameAt(WEEKDAYS, line, at)
                && nameAt(MONTHS, line, at + 4);
    }

    /** Whether {@code line} holds one of {@code names} (three letters each, run together) at {@code at}. */
    private static boolean nameAt(String names, String line, int at) {
        for (int name = 0; name < names.length(); name += 3) {
            if (line.regionMatches(at, names, name, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code line} opens with a level and a colon, as Python's default format writes every record
     * ({@code ERROR:root:could not save}): in a log of that format, the line that opens the next event.
     */
    private static boolean opensWithLevel(String line) {
        return levelAndColonAt(line, 0);
    }

    /** Whether a level of ten letters at most and a colon stand at {@code from} ({@code ERROR:}, {@code INFO:}). */
    private static boolean levelAndColonAt(String line, int from) {
        int i = from;
        while (i < line.length() && i - from < 10 && Character.isLetter(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == ':' && Severity.fromWord(line, from, i) != null;
    }

    /**
     * What of {@code line} is the message of a record whose header opened the event, to be joined to it; null when it
     * is not. The JDK's default SimpleFormatter writes a record on two lines
     * ({@code Dec 03, 2026 7:57:35 AM com.acme.Shop main}, then {@code INFO: order 7 placed}), and so does tinylog's
     * default format ({@link #TINYLOG_HEADER}), .NET's console logger puts the message under its header, indented
     * ({@link #DOTNET_HEADER}), and Rails writes an exception's record with a blank message and the exception on the
     * next line, behind the request's tags ({@link #RUBY_HEADER}); the message is what is mined, so it is joined to its
     * header rather than folded under it. A record with an empty message (a header that ends with a colon alone,
     * {@link #endsWithoutMessage}: Spring Boot's failure report) takes the first line with a word after it, rules of
     * stars or dashes before it left under it, and so does a header RabbitMQ writes alone over a report
     * ({@link #processHeaderEnd}). A message that ends with a space or a comma ran on past a line break
     * ({@link #runsOn}): it takes the first line with a word after it, unless that line is indented, opens a record or
     * a Python traceback, and the lines at the margin after that up to the next record go under it. Asked of each line
     * after an event's first; answers once per event, twice for java.util.logging's message.
     */
    String joinable(String line) {
        String message = messageToJoin(line);
        if (message != null) {
            joined = message;
        }
        return message;
    }

    private String messageToJoin(String line) {
        if (ulfMessageAwaited) {
            ulfMessageAwaited = false;
            if (ulfRecordOpen && !line.startsWith(HeaderLayout.ULF_OPEN)) {
                ulfRecordOpen = !line.endsWith(HeaderLayout.ULF_CLOSE);
                return line.strip(); // the message's first line, under a header that ends with the column's bar
            }
        }
        if (odlMessageAwaited) {
            odlMessageAwaited = false;
            if (odlDepth > 0 && !opensLike(first, line)) {
                odlLine(line);
                return line.strip(); // the message's first line, indented by two or (after a blank) not
            }
        }
        if (richMessageColumn > 0) {
            int column = spacesBefore(line);
            if (column == richMessageColumn && column < line.length() && !line.startsWith(LogEvent.PYTHON_TRACEBACK,
                    column) && !line.startsWith(RICH_BOX_TOP, column)) {
                return line.strip(); // the rest of a message rich wrapped at the console's width
            }
            richMessageColumn = -1;
        }
        if (processHeaderAlone && line.length() > processHeaderEnd && hasLetter(line)) {
            processHeaderAlone = false; // RabbitMQ's "BOOT FAILED" under a header with no message of its own
            return line.regionMatches(0, first, 0, processHeaderEnd) ? line.substring(processHeaderEnd).strip() : null;
        }
        if (exceptionIsMessage && isIndented(line) == indentedTraceback && isPythonException(line.strip())) {
            exceptionIsMessage = false;
            return line.strip();
        }
        exceptionIsMessage &= isIndented(line);
        if (runsOn && hasLetter(line)) {
            runsOn = false;
            indentedTraceback = isIndented(line);
            exceptionIsMessage = line.strip().equals(LogEvent.PYTHON_TRACEBACK)
                    && (!indentedTraceback || first.stripTrailing().endsWith("]"));
            if (isIndented(line) || opensNextRecord(line) || isTwoLineHeader(line)
                    || line.startsWith(LogEvent.PYTHON_TRACEBACK)) {
                return null;
            }
            if (context == Context.NONE) {
                context = Context.MESSAGE_LINES; // the rest of what it printed at the margin, up to the next record
                contextLines = 0;
            }
            return line.strip();
        }
        if (stampAlone) {
            if (isIndented(line) && hasLetter(line) && !isFrame(line)
                    && stampMessageLines++ < MAX_STAMP_MESSAGE_LINES) {
                return line.strip(); // Firebird's "Database: /data/shop.fdb", then "Error: Page 2 wrong type ..."
            }
            stampAlone = false;
        }
        if (withoutMessage) {
            if (!hasLetter(line)) {
                return null; // a rule of stars or dashes over the message: folded, and the message still to come
            }
            withoutMessage = false;
            return isIndented(line) || opensLike(opener, line) ? null : line.strip();
        }
        boolean twoLines = twoLineHeader;
        String indent = messageIndent;
        boolean erlang = erlangHeader;
        String rubyTags = rubyBlankTags;
        twoLineHeader = false;
        messageIndent = null;
        erlangHeader = false;
        rubyBlankTags = null;
        if (twoLines && JUL_MESSAGE.matcher(line).lookingAt()) {
            runsOn = line.endsWith(" "); // Hazelcast's "INFO: [10.0.0.1]:5701 [dev] [5.3.8] ", then its members
            context = Context.TWO_LINE_MESSAGE;
            contextLines = 0;
            levelLine = line;
            return line;
        }
        if (erlang && !isErlangReportHeader(line) && hasLetter(line)) {
            return line.strip();
        }
        if (indent != null && line.startsWith(indent) && line.length() > indent.length()
                && line.charAt(indent.length()) != ' ') {
            return line.strip();
        }
        if (rubyTags != null && line.startsWith(rubyTags) && !line.isBlank()
                && !RUBY_HEADER.matcher(line).lookingAt()) {
            String message = line.substring(rubyTags.length()).strip();
            return message.isEmpty() ? null : message;
        }
        return null;
    }

    /**
     * Ruby's {@code Logger} header ({@code Logger::Formatter}, Rails' production format): the level's letter, the
     * time and pid in brackets, the level, the program and a colon: {@code I, [2024-03-01T12:00:00.123456 #42]  INFO
     * -- : Started GET "/orders/7"}. Every record opens with it, so a line without it continues the record before:
     * Rails writes an exception's message and backtrace a line each, behind the request's tags ({@code [req-id]
     * app/controllers/orders_controller.rb:5:in `show'}).
     */
    private static final Pattern RUBY_HEADER = Pattern.compile("[DIWEFAU], \\[[^\\]]* #\\d+\\] +[A-Z]{3,7} -- [^:]*: ");
    /** Lines under a slow query log's entry, at most: its comments and a long statement. */
    private static final int MAX_SLOW_QUERY_LINES = 256;

    /**
     * An entry of PHP-FPM's slow log, a request that ran past {@code request_slowlog_timeout}: {@code [05-Dec-2026
     * 11:41:31.981184]  [pool www] pid 24897}, then {@code script_filename = /app/index.php} and the PHP stack, a frame
     * a line at the margin ({@code [0x00007f25fc8130c0] usleep() /app/index.php:3}), a blank line before the next.
     */
    private static final Pattern FPM_SLOW_ENTRY = Pattern.compile("\\[[^\\]]{8,40}\\] +\\[pool [^\\]]+\\] pid \\d+");
    private static final String FPM_SCRIPT = "script_filename = ";
    private static final Pattern FPM_SLOW_FRAME = Pattern.compile("\\[0x\\p{XDigit}{8,16}\\] ");
    /** {@code request_slowlog_trace_depth} is 20 frames by default. */
    private static final int MAX_SLOW_TRACE_LINES = 256;
    /** Lines without Ruby's header folded into a record that has it, at most (a backtrace, a program's prints). */
    private static final int MAX_RUBY_LINES = 512;
    /** The tags before a Ruby record's message ({@code [req-id] [user-7] }), when nothing but blanks follows them. */
    private static final Pattern RUBY_TAGS = Pattern.compile("((?:\\[[^\\]]*\\] ?)*)\\s*");

    /**
     * The header of .NET's console logger ({@code Microsoft.Extensions.Logging}'s simple formatter, what ASP.NET Core
     * writes to a container's output): the level's four letters, the category and the event id, the message on the
     * next line under the category ({@code info: Microsoft.Hosting.Lifetime[14]}, then {@code       Now listening
     * on: http://[::]:8080}); a time before it when the formatter is given a format.
     */
    private static final Pattern DOTNET_HEADER = Pattern.compile(
            "(?:\\S+ ){0,3}(?:trce|dbug|info|warn|fail|crit): [^ \\[]+\\[-?\\d+\\]\\s*");
    /**
     * Samba's header ({@code [2026/12/04 08:11:32.356265,  0] ../../source3/smbd/server.c:1741(main)}): the time, the
     * debug level and, when configured, the process and class in the bracket, then the source file, line and
     * function; the message on the lines under it, indented by two.
     */
    private static final Pattern SAMBA_HEADER = Pattern.compile(
            "\\[\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?, +\\d+[^\\]]*\\] \\S+:\\d+\\(\\w+\\)\\s*");
    /** Where Samba writes a message's lines under its header. */
    private static final String SAMBA_INDENT = "  ";
    /**
     * What ends the header of a record in Oracle's ODL format (GlassFish's, Payara's, WebLogic's) whose message takes
     * more than a line: {@code [2026-12-05T14:43:37.488+0000] [] [SEVERE] [] [shop.orders] [tid: ...] [timeMillis:
     * ...] [levelValue: 1000] [[}, the message's first line under it indented by two, its further lines (a stack, a
     * certificate) at the margin or not, the last ending with {@code ]]}: where the brackets opened in the message are
     * closed, for a line of a message may end so too.
     */
    static final String ODL_OPEN = " [[";

    /**
     * Counts the brackets of a line of an open ODL message ({@link #odlDepth}): it closes on a line that ends with
     * {@code ]]} when no bracket is left open; a count that falls to none before (a certificate's dump, whose
     * characters column may hold a bracket) stays at one.
     */
    private void odlLine(String line) {
        int depth = bracketDepth(line, odlDepth);
        odlDepth = depth <= 0 && line.endsWith("]]") ? 0 : Math.max(depth, 1);
    }

    /** Whether {@code line} is an ODL record's header over a message of more than a line ({@link #ODL_OPEN}). */
    static boolean opensOdlMessage(String line) {
        return line.endsWith(ODL_OPEN) && timedOpener(line) != null && line.startsWith("[");
    }
    /**
     * Where tslog's pretty format writes the error a record logged without a message ({@code log.fatal(err)}): its
     * fields end with the tab that would precede the message, and the error follows, a space in ({@code  Error
     * connection refused}).
     */
    private static final String TAB_RECORD_INDENT = " ";
    /**
     * Where a record's message stands under a header that ends with the logger's name alone, after a bracketed field
     * ({@link #endsWithLoggerAlone}): Mopidy's {@code INFO     2026-12-06 18:09:29,940 [5906:MainThread]
     * mopidy.__main__}, then {@code   Starting Mopidy 3.4.1}, two spaces in.
     */
    private static final String LOGGER_MESSAGE_INDENT = "  ";

    /**
     * Whether {@code line} ends with a logger's dotted name alone after a bracketed field ({@code [5906:MainThread]
     * mopidy.ext}): names of letters, digits and underscores joined by dots, two at least. A message of one word
     * after the header is rarely such a name, and its record's further lines rarely stand two spaces in.
     */
    static boolean endsWithLoggerAlone(String line) {
        int space = line.lastIndexOf(' ');
        if (space < 1 || line.charAt(space - 1) != ']' || space == line.length() - 1) {
            return false;
        }
        boolean dot = false;
        boolean partOpen = false;
        for (int i = space + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.') {
                if (!partOpen) {
                    return false;
                }
                dot = true;
                partOpen = false;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                partOpen = true;
            } else {
                return false;
            }
        }
        return dot && partOpen && Character.isLetter(line.charAt(space + 1));
    }

    /**
     * The line Spark's failed job's exception writes between the failed task's stack and the driver's, at the margin:
     * the last line of the message of {@code Job aborted due to stage failure: ...} when the driver's is left out.
     */
    private static final String SPARK_DRIVER_STACK = "Driver stacktrace:";
    /** The line tslog writes between an error and its frames, at the margin. */
    private static final String TSLOG_STACK = "error stack:";
    /** Where .NET's console logger writes a message's lines: under the category, past the level's {@code info: }. */
    private static final String DOTNET_INDENT = "      ";

    /**
     * SimpleFormatter's header line: month, day, year, time, AM or PM (in the JVM's language: {@code Dez.}, {@code
     * 12月}, {@code A. M.}, {@code 午前}) and the source, the class and method that logged.
     */
    private static final Pattern JUL_HEADER = Pattern.compile(
            "(?:\\p{L}[\\p{L}.]{1,10}|\\d{1,2}[月월]) \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} \\S{1,8} \\S");
    /**
     * SimpleFormatter's message line: the level in capitals (in the JVM's language), a colon and a space; in Japanese,
     * Chinese or Korean in their characters ({@code 情報: }, {@code 詳細レベル(低): }, {@code 보다 미세: }).
     */
    private static final Pattern JUL_MESSAGE = Pattern.compile(
            "(?:\\p{Lu}{3,16}|[\\p{IsHan}\\p{IsHangul}][\\p{IsHan}\\p{IsHangul}\\p{IsKatakana}() ]{1,11}): ");

    /**
     * tinylog's default header line, over its message as SimpleFormatter's is ({@code 2026-12-04 23:10:55 [main]
     * com.acme.Shop.main()}, then {@code INFO: shop started}): the time, the thread and the method that logged.
     */
    private static final Pattern TINYLOG_HEADER = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)? \\[[^\\]]*\\] [\\w$.<>]+\\(\\)\\s*");

    /** Whether {@code line} is the header of a record written on two lines, SimpleFormatter's or tinylog's. */
    private static boolean isTwoLineHeader(String line) {
        int comma = line.indexOf(", ");
        return comma > 3 && comma < 16 && Character.isLetterOrDigit(line.charAt(0))
                && JUL_HEADER.matcher(line).lookingAt()
                || line.endsWith("()") && TINYLOG_HEADER.matcher(line).matches();
    }

    /** {@code line} opens an event: the trace in view is the one it may start (a file can open with a traceback). */
    void started(String line) {
        joined = null;
        rubyFrames = endsWithRubyFrame(line);
        richMessageColumn = richMessageColumn(line);
        twoLineHeader = isTwoLineHeader(line);
        erlangHeader = isErlangReportHeader(line);
        messageIndent = line.length() >= 512 ? null
                : line.endsWith("]") && DOTNET_HEADER.matcher(line).matches() ? DOTNET_INDENT
                : line.startsWith("[") && SAMBA_HEADER.matcher(line).matches() ? SAMBA_INDENT
                : line.endsWith("\t") && timedOpener(line) != null ? TAB_RECORD_INDENT
                : endsWithLoggerAlone(line) && timedOpener(line) != null ? LOGGER_MESSAGE_INDENT
                : null;
        Matcher ruby = line.length() > 2 && line.charAt(1) == ',' ? RUBY_HEADER.matcher(line) : null;
        boolean rubyRecord = ruby != null && ruby.lookingAt();
        Matcher tags = rubyRecord ? RUBY_TAGS.matcher(line).region(ruby.end(), line.length()) : null;
        rubyBlankTags = tags != null && tags.matches() ? tags.group(1) : null;
        opener = timedOpener(line);
        levelOpener = opener == null && opensWithLevel(line);
        openBrackets = -1;
        nothingContinued = true;
        withoutMessage = opener != null && (endsWithoutMessage(line) || isTimeAlone(line));
        stampAlone = !withoutMessage && isStampAlone(line);
        stampMessageLines = 0;
        // Hazelcast's "... INFO c.h.i.cluster.ClusterService -- [10.0.0.1]:5701 [dev] [5.3.8] ", a blank line, then
        // "Members {size:2, ver:2} [" and its members indented: the message ran on past a line break
        runsOn = (opener != null || levelOpener) && !withoutMessage && !stampAlone
                && (line.endsWith(" ") || line.endsWith(","));
        exceptionIsMessage = false;
        postgresSeverity = PostgresMessages.severityTag(line);
        postgresOpener = postgresSeverity >= 0 ? line : null;
        boolean crash = isNodeCrashSite(line);
        boolean panic = line.startsWith("thread '") && RUST_PANIC.matcher(line).lookingAt();
        openedByTrace = crash || line.startsWith(LogEvent.PYTHON_TRACEBACK) || panic && line.endsWith(":")
                || line.equals(LOGGING_ERROR);
        promotedTraceback = false;
        caretShown = false;
        afterChainMarker = false;
        traceLogged = false;
        first = line;
        above = line;
        levelLine = line;
        keepOpener(line);
        timeColumn = UNREAD;
        processHeaderEnd = processHeaderEnd(line);
        auditEvent = AuditRecords.stamp(line);
        ocamlFrames = false;
        uptimeStamped = uptimeStampEnd(line) > 0;
        ulfRecordOpen = line.startsWith(HeaderLayout.ULF_OPEN) && !line.endsWith(HeaderLayout.ULF_CLOSE);
        ulfMessageAwaited = ulfRecordOpen && line.endsWith("|");
        odlMessageAwaited = opensOdlMessage(line);
        odlDepth = odlMessageAwaited ? ODL_OPEN.length() - 1 : 0;
        int output = fpmWorkerOutput(line);
        fpmWorkerOutput = output > 0 && line.indexOf(FPM_UNCAUGHT, output) > 0 ? output : -1;
        processHeaderAlone = processHeaderEnd > 0 && line.substring(processHeaderEnd).isBlank();
        leavesTraces = null;
        banner = isBanner(line);
        context = rubyRecord ? Context.RUBY_RECORD
                : crash ? Context.NODE_CRASH
                : panic ? Context.RUST_PANIC
                : line.startsWith(LogEvent.PYTHON_TRACEBACK) || line.endsWith(LogEvent.PYTHON_TRACEBACK)
                        ? Context.PYTHON_TRACEBACK // a message that ends where a traceback it prints begins
                : isGoroutineHeader(line) ? Context.GOROUTINES
                : isPhpTraceHeader(line) ? Context.PHP_FRAMES
                : line.equals(LOGGING_ERROR) ? Context.LOGGING_ERROR
                : SlowQueryEntries.opens(line) ? Context.SLOW_QUERY
                : line.startsWith("[") && FPM_SLOW_ENTRY.matcher(line).matches() ? Context.FPM_SLOW_TRACE
                : HeaderLayout.isPythonWarning(line, 0) || (opener != null || levelOpener) && carriesPythonWarning(line)
                        ? Context.PYTHON_WARNING
                : erlangHeader ? Context.ERLANG_REPORT
                : (opener != null || levelOpener) && endsWithColon(line) && !isTagAlone(line) ? Context.MESSAGE_LINES
                : (opener != null || levelOpener) && endsWithHttpStartLine(line) ? Context.HTTP_HEADERS
                : banner ? Context.MESSAGE_LINES
                : Context.NONE;
        slowEntryUser = line.startsWith("# User@Host: ");
        contextLines = 0;
        literalLines = 0;
        commaLines = 0;
        tableRows = 0;
        labelLines = 0;
        labelColumn = -1;
        opensList = (opener != null || levelOpener) && opensList(line);
        listedWords = 0;
    }

    /**
     * Whether the message of a record's first {@code line} is a warning of Python's {@code warnings} module, as
     * {@code logging.captureWarnings} logs one ({@code 2026-12-04 07:34:05 [py.warnings] WARNING: /app/x.py:232:
     * DeprecationWarning: ...}): its lines at the margin, blank lines between, follow as they do the warning alone.
     */
    static boolean carriesPythonWarning(String line) {
        int py = line.indexOf(".py:");
        return py > 0 && HeaderLayout.isPythonWarning(line, line.lastIndexOf(' ', py) + 1);
    }

    /**
     * Whether {@code line} opens as Python prints a dict or a list of strings ({@code {'url': '/p1', 'price': 9}},
     * {@code ['scrapy.extensions.corestats.CoreStats',}): no logger opens a record so; what the record above printed.
     */
    static boolean isPythonLiteral(String line) {
        return line.length() > 2 && (line.charAt(0) == '{' || line.charAt(0) == '[') && line.charAt(1) == '\''
                && line.indexOf('\'', 2) > 0;
    }

    /** Lines of one word each an event may take ({@link #isListedWord}): a list's items, more than its lines. */
    private static final int MAX_LISTED_WORDS = 1024;
    private static final int MAX_LISTED_WORD_LENGTH = 128;

    /**
     * Whether a record's first {@code line} ends with a colon, or with a colon and one word: a list may follow, one
     * word a line ({@code pkgs that look like they should be upgraded: appstream}, then {@code apt}, {@code bash}).
     * A program's tag ends with no such colon ({@link #programTagEnd}: H2's trace {@code ... jdbc[3]: } or {@code
     * ... jdbc[3]: exception}, the program's next record under it).
     */
    static boolean opensList(String line) {
        int end = endWithoutSpaces(line);
        int colon = end - 1;
        if (!endsWithColon(line)) {
            int space = line.lastIndexOf(' ', end - 1);
            if (space <= 0 || line.charAt(space - 1) != ':' || !isListedWord(line.substring(space + 1, end))) {
                return false;
            }
            colon = space - 1;
        }
        return colon != programTagEnd(line) - 2;
    }

    /**
     * Whether {@code line} is one word at the margin, as a list's items are under the record that opens it ({@link
     * #opensList}): letters, digits and {@code -_.+:@/~}, from a letter or a digit to one, and no level's name. A
     * sentence's last word ({@code done.}) is not one.
     */
    static boolean isListedWord(String line) {
        int n = line.length();
        if (n == 0 || n > MAX_LISTED_WORD_LENGTH || !Character.isLetterOrDigit(line.charAt(0))
                || !Character.isLetterOrDigit(line.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = line.charAt(i);
            if (!Character.isLetterOrDigit(c) && "-_.+:@/~".indexOf(c) < 0) {
                return false;
            }
        }
        return Severity.fromWord(line) == null;
    }

    /**
     * Whether {@code line}, though indented, is a record by its shape alone: consola's level badge ({@code " WARN
     * cache miss rate high"}, {@link HeaderLayout#isLevelBadge}), Kamailio's padded process index ({@link
     * #isPaddedProcessRecord}), a level right-aligned and glued to its bracket ({@link #isAlignedGluedLevel}),
     * koa-logger's request line ({@link #isArrowedRequest}) or a padded count of seconds ({@link #isPaddedSeconds}).
     */
    static boolean isIndentedRecord(String line) {
        return HeaderLayout.isLevelBadge(line) || isPaddedProcessRecord(line) || isAlignedGluedLevel(line)
                || isArrowedRequest(line) || isPaddedSeconds(line);
    }

    /**
     * Whether {@code line} opens with seconds right-aligned behind spaces, three to nine digits after the point, and a
     * tab: Network UPS Tools' daemons and drivers stamp each line in the foreground with the seconds since they
     * started ({@code "   1.014609\tPoll UPS [ups@host] failed - Driver not connected"}), so their records are
     * indented; under a banner their child printed at the margin they were that banner's lines.
     */
    static boolean isPaddedSeconds(String line) {
        int point = paddedNumberEnd(line);
        if (point < 0 || line.charAt(point) != '.') {
            return false;
        }
        int end = fractionEnd(line, point);
        return end > 0 && end < line.length() && line.charAt(end) == '\t';
    }

    /** Spaces koa-logger's request line opens with at most ({@link #isArrowedRequest}). */
    private static final int MAX_REQUEST_INDENT = 4;

    /**
     * Whether {@code line} is a request koa-logger prints, two spaces in, as it comes ({@code "  <-- GET
     * /orders/5"}), answered ({@code "  --> GET /orders/5 200 21ms 10b"}) or failed ({@code "  xxx GET /orders/5 500
     * 1ms -"}): the mark, then a method and a path ({@link HeaderLayout#opensRequest}). Among the program's own
     * prints at the margin (its {@code listening on 8091}, an error it logs) each such line is an event of its own,
     * not the print's continuation.
     */
    static boolean isArrowedRequest(String line) {
        int i = 0;
        while (i < line.length() && i < MAX_REQUEST_INDENT && line.charAt(i) == ' ') {
            i++;
        }
        return i > 0 && (line.startsWith("<-- ", i) || line.startsWith("--> ", i) || line.startsWith("xxx ", i))
                && HeaderLayout.opensRequest(line, i + 4);
    }

    /** Spaces a level right-aligned in its column is padded with at most ({@link #isAlignedGluedLevel}). */
    private static final int MAX_LEVEL_PADDING = 4;

    /**
     * Whether {@code line} opens with a level in capitals right-aligned in its column and glued to a bracket, as
     * apex/log's text handler writes every record ({@code "  INFO[0000] order placed"}, {@code " ERROR[0000] ..."}).
     */
    static boolean isAlignedGluedLevel(String line) {
        int i = 0;
        while (i < line.length() && i <= MAX_LEVEL_PADDING && line.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < line.length() && line.charAt(i) >= 'A' && line.charAt(i) <= 'Z') {
            i++;
        }
        return start > 0 && i > start && i < line.length() && line.charAt(i) == '['
                && Severity.fromWord(line, start, i) != null;
    }

    /**
     * Whether {@code line}, at the margin, goes on a listing numbered under the event's first line: its number ends
     * where the number of the line above it ends, the same mark after both, as a listing whose numbers are padded on
     * the left goes on once they outgrow the padding (GlusterFS prints its graph so: {@code  99: end-volume}, then
     * {@code 100: }), a colon and a space after each number.
     */
    private static boolean numberOutgrewItsPadding(String upper, String line) {
        int end = paddedNumberEnd(line);
        return end > 0 && isDigit(line.charAt(0)) && line.charAt(end) == ':'
                && (end + 1 == line.length() || line.charAt(end + 1) == ' ') && end == paddedNumberEnd(upper)
                && upper.charAt(end) == ':';
    }

    /**
     * Whether the indented {@code line} opens with a number padded with spaces that ends in the column where the number
     * the open event's first line opens with ends, the same mark after both: a column of numbers printed right-aligned
     * ({@code printf("%2d(%d) ...")}), Kamailio's process index ({@code " 0(25681) INFO: ..."} beside {@code "10(25691)
     * INFO: ..."}) or Zabbix's process id ({@code "  30534:20261204:100145.155 ..."} beside a seven-digit one). A line
     * with a shorter number is a record as the first line is, not a line that continues it.
     */
    static boolean paddedNumberUnderNumber(String first, String line) {
        if (line.charAt(0) != ' ') {
            return false;
        }
        int end = paddedNumberEnd(line);
        return end > 0 && end == paddedNumberEnd(first) && line.charAt(end) == first.charAt(end);
    }

    /**
     * Where the number {@code line} opens with ends, after spaces, when a mark follows it (not a space, letter or
     * digit: {@code (}, {@code :}); -1 otherwise.
     */
    private static int paddedNumberEnd(String line) {
        int i = 0;
        while (i < line.length() && i < MAX_NUMBER_PADDING && line.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        return i > digits && i < line.length() && line.charAt(i) != ' ' && !Character.isLetterOrDigit(line.charAt(i))
                ? i : -1;
    }

    /**
     * Whether the indented {@code line} is a record as Kamailio writes one on its standard error (what its container
     * prints): the process's index padded to two columns, its id in parentheses, the level and a colon ({@code
     * " 0(25681) INFO: <core> [main.c:3055]: main(): ..."}). Kamailio prints its listening addresses indented under
     * a line of their own when it starts, and its first records follow them: known by their shape alone.
     */
    static boolean isPaddedProcessRecord(String line) {
        int open = paddedNumberEnd(line);
        if (open <= 0 || line.charAt(0) != ' ' || line.charAt(open) != '(') {
            return false;
        }
        int close = open + 1;
        while (close < line.length() && isDigit(line.charAt(close))) {
            close++;
        }
        return close > open + 1 && line.startsWith(") ", close) && levelAndColonAt(line, close + 2);
    }

    /**
     * Whether the indented {@code line} opens with a level, in capitals, in the column where the open event's first
     * line has one: Python's rich writes its logging handler's time only when it changed ({@code [05:00:14] INFO
     * processing order 7}, then {@code            DEBUG    cache miss}), and a traceback or a wrapped message under
     * the message's column.
     */
    static boolean levelUnderLevel(String first, String line) {
        int column = spacesBefore(line);
        return column > 0 && column < first.length() && first.charAt(column - 1) == ' '
                && capitalLevelAt(line, column) && capitalLevelAt(first, column);
    }

    /**
     * {@code line} with the blanks before its level replaced by the open event's first line's header there when it
     * opens an event by {@link #levelUnderLevel} ({@code [05:00:14] DEBUG    cache miss}: the time rich left out is
     * the one above); null otherwise.
     */
    String headerAbove(String line) {
        if (first == null) {
            return null;
        }
        if (levelUnderLevel(first, line)) {
            int column = spacesBefore(line);
            return first.substring(0, column) + line.substring(column);
        }
        int tabs = timeLeftOut(line);
        return tabs > 0 ? first.substring(0, timeColumn + 1) + line.substring(tabs) : null;
    }

    /**
     * How many tabs open {@code line} when it is a record of a tab-separated log that leaves its time column blank
     * while the time is the one above, as MariaDB's (and MySQL 5's) general query log does: {@code 261204
     * 17:31:33\t     3 Connect\troot@localhost on}, then {@code \t\t     3 Query\tSELECT 1}. The open event's
     * first line opens with a time of day and a tab; what follows the line's tabs holds a tab too and opens as what
     * follows that one: a number (a thread's or connection's id), or the same word. 0 otherwise: a stack's frame
     * ({@code \tat ...}) or zap's file under a function holds no tab, or opens unlike the record.
     */
    int timeLeftOut(String line) {
        if (line.isEmpty() || line.charAt(0) != '\t') {
            return 0;
        }
        if (timeColumn == UNREAD) {
            timeColumn = timeColumn(first);
        }
        if (timeColumn < 0) {
            return 0;
        }
        int tabs = 1;
        while (tabs < line.length() && line.charAt(tabs) == '\t') {
            tabs++;
        }
        int at = firstNonBlank(line, tabs);
        int firstAt = firstNonBlank(first, timeColumn + 1);
        if (at >= line.length() || firstAt >= first.length() || line.indexOf('\t', at) < 0
                || first.indexOf('\t', firstAt) < 0) {
            return 0;
        }
        if (isDigit(line.charAt(at))) {
            return isDigit(first.charAt(firstAt)) ? tabs : 0;
        }
        int end = wordEnd(line, at);
        return Character.isLetter(line.charAt(at)) && end - at == wordEnd(first, firstAt) - firstAt
                && line.regionMatches(at, first, firstAt, end - at) ? tabs : 0;
    }

    /**
     * Where the tab after the time {@code line} opens with stands ({@code 261204 17:31:33\t...}); -1 when it opens
     * otherwise. Read once per event, when the first line opening with a tab asks {@link #timeLeftOut}.
     */
    static int timeColumn(String line) {
        if (line.isEmpty() || !isDigit(line.charAt(0))) {
            return -1;
        }
        int reach = Math.min(line.length(), TIME_COLUMN_REACH);
        int tab = 1;
        while (tab < reach && line.charAt(tab) != '\t') {
            tab++;
        }
        return tab < reach && hasTimeOfDay(line.substring(0, tab)) ? tab : -1;
    }

    /** How far into a line a time column may end for {@link #timeColumn}. */
    private static final int TIME_COLUMN_REACH = 40;
    /** {@link #timeColumn} not read yet for the open event. */
    private static final int UNREAD = -2;

    /** Where the first character of {@code line} from {@code from} on that is no space stands. */
    private static int firstNonBlank(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Where the word opening at {@code from} ends: at a space, a tab or the line's end. */
    private static int wordEnd(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    /** How many spaces {@code line} opens with. */
    private static int spacesBefore(String line) {
        return firstNonBlank(line, 0);
    }

    /** rich's logging handler pads the level to eight characters and a space: the message starts that far after it. */
    private static final int RICH_LEVEL_WIDTH = 9;

    /**
     * Where the message starts in {@code line} when it is a record of rich's logging handler with its time shown: a
     * bracketed time, a level in capitals padded to {@link #RICH_LEVEL_WIDTH} ({@code [05:00:14] WARNING  queue depth
     * 528 above a threshold that is}); -1 otherwise. rich wraps a long message at the console's width (80 columns
     * when it writes to a file) and writes the rest under the message's column: it is joined to the message, or a
     * message's first console line would be its template, cut at a place that moves with its values' lengths.
     */
    static int richMessageColumn(String line) {
        if (line.isEmpty() || line.charAt(0) != '[') {
            return -1;
        }
        int close = 1;
        int reach = Math.min(line.length() - 1, RICH_TIME_REACH);
        while (close < reach && line.charAt(close) != ']') {
            close++; // the time's closing bracket, looked for near the start only: every event's first line is asked
        }
        if (close >= reach || line.charAt(close + 1) != ' ' || !capitalLevelAt(line, close + 2)) {
            return -1;
        }
        int message = close + 2 + RICH_LEVEL_WIDTH;
        return message < line.length() && line.charAt(message - 1) == ' ' && line.charAt(message) != ' ' ? message : -1;
    }

    /** How far into a line the closing bracket of rich's time may stand ({@code [12/04/26 05:00:14]}). */
    private static final int RICH_TIME_REACH = 32;

    /** Whether a level in capitals ({@code WARNING}) and a space stand at {@code at}. */
    private static boolean capitalLevelAt(String s, int at) {
        int end = at;
        while (end < s.length() && s.charAt(end) >= 'A' && s.charAt(end) <= 'Z') {
            end++;
        }
        return end - at >= 3 && end < s.length() && s.charAt(end) == ' ' && Severity.fromWord(s, at, end) != null;
    }

    /**
     * Whether {@code line} ends with a colon standing alone after its header ({@code ... o.s.b.d.Reporter   : }, as
     * Spring Boot's logback pattern writes an empty message): a record logged with an empty first line, whose message
     * is on the lines after it; or with a colon and the one space a pattern puts before the message ({@code
     * ...:WARN:oejs.BaseHolder:Scanner-0: }, Jetty's, logging an exception with no message). A dash alone is no such
     * sign: an access log writes one for a size it does not know.
     */
    static boolean endsWithoutMessage(String line) {
        int end = endWithoutSpaces(line);
        return end >= 2 && line.charAt(end - 1) == ':' && (line.charAt(end - 2) == ' ' || end == line.length() - 1);
    }

    /** Characters of a host's name before the tab of a stamp alone ({@link #isStampAlone}) at most. */
    private static final int MAX_STAMP_HOST = 64;
    /** Indented lines under a stamp alone joined to it as its message at most ({@link #stampAlone}). */
    private static final int MAX_STAMP_MESSAGE_LINES = 8;

    /**
     * Whether {@code line} is a time and nothing else, maybe after a host's name and a tab: Firebird writes each
     * record of its log so ({@code vm\tSun Dec  6 13:44:04 2026}), its message indented by a tab on the lines under
     * it, a blank line after. Such a record's message is those lines, joined to it ({@link #joinable}); without them
     * every record of the log had one template, empty.
     */
    static boolean isStampAlone(String line) {
        int tab = 0;
        while (tab < line.length() && tab <= MAX_STAMP_HOST && line.charAt(tab) != '\t') {
            tab++;
        }
        int word = tab > 0 && tab < line.length() && line.charAt(tab) == '\t' ? firstNonBlank(line, tab + 1) : 0;
        int end = endWithoutSpaces(line);
        return word < end && onlyTimeWords(line, word, end) && hasTimeOfDay(line);
    }

    /** Letters of a zone's abbreviation at most, in a time alone ({@link #isTimeAlone}). */
    private static final int MAX_ZONE_LETTERS = 5;

    /**
     * Whether {@code line} is a time and a colon alone, the colon glued to it ({@code Sat Dec 05 21:44:46 UTC 2026:},
     * Apache Derby's record over what it reports at the margin): its words digits and marks, a weekday's or a
     * month's name, a zone's capitals. A record logged so has an empty message, on the lines under it.
     */
    static boolean isTimeAlone(String line) {
        int end = endWithoutSpaces(line);
        if (end < 2 || line.charAt(end - 1) != ':' || !isDigit(line.charAt(end - 2))) {
            return false;
        }
        return onlyTimeWords(line, 0, end - 1);
    }

    /** Whether each word of {@code line} from {@code word} to {@code end} may be a time's ({@link #timeWord}). */
    private static boolean onlyTimeWords(String line, int word, int end) {
        int at = word;
        while (at < end) {
            int wordEnd = Math.min(wordEnd(line, at), end);
            if (!timeWord(line, at, wordEnd)) {
                return false;
            }
            at = firstNonBlank(line, wordEnd + 1); // past the space or tab that ended the word
        }
        return true;
    }

    /**
     * Whether {@code line[from, to)} may be a word of a time: no letters, a weekday's or month's name, a zone's
     * capitals (no level's).
     */
    private static boolean timeWord(String line, int from, int to) {
        int letters = 0;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            letters += Character.isLetter(c) ? 1 : 0;
            lower |= Character.isLowerCase(c);
        }
        boolean zone = !lower && letters == to - from && letters >= 2 && letters <= MAX_ZONE_LETTERS
                && Severity.fromWord(line, from, to) == null;
        return letters == 0 || zone || to - from == 3 && (nameAt(WEEKDAYS, line, from) || nameAt(MONTHS, line, from));
    }

    /** How far from a line's end an HTTP message's start line may begin ({@link #endsWithHttpStartLine}). */
    private static final int HTTP_START_LINE_REACH = 64;
    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("[A-Z]{3,7} \\S+ HTTP/\\d(?:\\.\\d)?\\s*");
    private static final Pattern HTTP_STATUS_LINE = Pattern.compile(
            "HTTP/\\d(?:\\.\\d)? [1-5]\\d\\d(?: [A-Za-z][A-Za-z' .,-]*)?\\s*");
    private static final Pattern HTTP_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}:(?: .*)?");

    /**
     * Whether a record's first {@code line} ends with an HTTP message's start line, a request's ({@code GET
     * /rootDesc.xml HTTP/1.1}) or a response's ({@code HTTP/1.1 404 Not Found}): a program that logs the message it
     * sent or received writes its header fields and body on the lines after it, at the margin (MiniDLNA at debug, Go's
     * {@code httputil.DumpRequest} logged), each otherwise an event of its own without a time or a level.
     */
    static boolean endsWithHttpStartLine(String line) {
        int end = endWithoutSpaces(line);
        for (int at = line.indexOf("HTTP/", Math.max(0, end - HTTP_START_LINE_REACH)); at >= 0;
                at = line.indexOf("HTTP/", at + 1)) {
            if (at > 0 && line.charAt(at - 1) != ' ') {
                continue;
            }
            if (HTTP_STATUS_LINE.matcher(line).region(at, line.length()).matches()) {
                return true;
            }
            int target = at >= 2 ? line.lastIndexOf(' ', at - 2) : -1; // a request: method and target before it
            int method = target > 0 ? line.lastIndexOf(' ', target - 1) + 1 : -1;
            if (method >= 0 && HTTP_REQUEST_LINE.matcher(line).region(method, line.length()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code line} is an HTTP message's start line alone: {@code GET /a HTTP/1.1}, {@code HTTP/1.1 200 OK}. */
    static boolean isHttpStartLine(String line) {
        return HTTP_REQUEST_LINE.matcher(line).matches() || HTTP_STATUS_LINE.matcher(line).matches();
    }

    /** Whether {@code line} is an HTTP header field ({@code Content-Length: 134}, {@code EXT:}). */
    static boolean isHttpField(String line) {
        return HTTP_FIELD.matcher(line).matches();
    }

    /**
     * Whether a line ends with its program's tag ({@link #programTagEnd}), nothing after it: the colon is the tag's,
     * no label's over lines to come (H2's trace {@code 2026-12-07 01:59:41.414264Z jdbc[3]: }, its statement on the
     * next line, the program's next record after that).
     */
    private static boolean isTagAlone(String line) {
        int tag = programTagEnd(line);
        return tag > 0 && tag >= endWithoutSpaces(line);
    }

    /** Whether {@code line} ends with a colon, spaces after it aside (a record announcing the lines after it). */
    private static boolean endsWithColon(String line) {
        int end = endWithoutSpaces(line);
        return end > 0 && line.charAt(end - 1) == ':';
    }

    private static int endWithoutSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static boolean hasLetter(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetter(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code line} is a part of the PostgreSQL message {@code opener} began (its severity at
     * {@code severity}): a part's tag and two spaces ({@code STATEMENT:  SELECT ...}) after a prefix of the same shape
     * as the one before the opener's severity; the same shape, since a prefix with {@code %l} numbers each line.
     */
    private static boolean isPostgresPart(String opener, int severity, String line) {
        int tag = PostgresMessages.partTag(line);
        return tag >= 0 && sameShape(opener, severity, line, tag);
    }

    /** {@code a[0, aEnd)} and {@code b[0, bEnd)} alike but for the digits of their numbers (times, pids, counters). */
    private static boolean sameShape(String a, int aEnd, String b, int bEnd) {
        return shapeMatched(a, aEnd, b, bEnd) == bEnd;
    }

    /**
     * Where {@code b} has matched all of {@code a[0, aEnd)}, digits of numbers aside (a run of digits matches a run
     * of digits of any length), reading no further than {@code bEnd}; -1 when it does not match.
     */
    private static int shapeMatched(String a, int aEnd, String b, int bEnd) {
        int i = 0;
        int j = 0;
        while (i < aEnd) {
            if (j >= bEnd) {
                return -1;
            }
            boolean aDigit = isDigit(a.charAt(i));
            if (aDigit != isDigit(b.charAt(j))) {
                return -1;
            }
            if (aDigit) {
                while (i < aEnd && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < bEnd && isDigit(b.charAt(j))) {
                    j++;
                }
            } else if (a.charAt(i++) != b.charAt(j++)) {
                return -1;
            }
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PHP's {@code Stack trace:}, Monolog's {@code [stacktrace]}. */
    static boolean isPhpTraceHeader(String line) {
        return (line.startsWith("Stack trace:") || line.startsWith("[stacktrace]"))
                && line.stripTrailing().length() == "Stack trace:".length(); // both are 12 characters
    }

    /** {@code #0 /app/a.php(12): run()}, {@code #1 {main}}: a number after {@code #}, then a space. */
    static boolean isPhpFrame(String line) {
        int i = 1;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return line.charAt(0) == '#' && i > 1 && i < line.length() && line.charAt(i) == ' ';
    }

    /** {@code Name}, {@code package.module.Name} or either followed by {@code :} and the message. */
    static boolean isPythonException(String line) {
        return nameThenMessage(line, ':') >= 0;
    }

    /**
     * A line at the margin that opens a stack trace under the message above it when frames ({@link #isFrame}) follow:
     * an exception's name, qualified or not, its last part capitalised, alone or before {@code :} and its message
     * (Java's {@code java.lang.IllegalStateException: boom} as logback and log4j write it, .NET's {@code
     * System.InvalidOperationException: ...}, Node's {@code TypeError: x is undefined}); or before {@code ;} as
     * Java's XML parser writes its {@code org.xml.sax.SAXParseException; lineNumber: 2; ...}.
     */
    static boolean mayOpenTrace(String line) {
        int lastPart = nameThenMessage(line, ';');
        return lastPart >= 0 && Character.isUpperCase(line.charAt(lastPart));
    }

    /**
     * A frame at the margin of a Python traceback, marked: loguru (after better_exceptions) writes the frame where the
     * exception was caught as {@code > File "app.py", line 18, in <module>}, the others indented.
     */
    private static final String MARKED_PYTHON_FRAME = "> File \"";
    /**
     * The line Twisted writes in a Failure's traceback between the frames that called the code that caught the
     * exception and those that raised it ({@code Unhandled error in Deferred:}, then the traceback): the traceback goes
     * on after it, at the margin, and ends with the exception, as Python's does.
     */
    private static final String TWISTED_CAUGHT = "--- <exception caught here> ---";
    /**
     * How Twisted shows a Failure in a message ({@code ... due to exception: [Failure instance: Traceback: <class
     * 'TypeError'>: ...}): its frames follow a line each ({@code /usr/lib/python3/dist-packages/deluge/log.py:204:
     * emit}), then the bracket's close, whether a logger or a bare print wrote it.
     */
    private static final String TWISTED_FAILURE = "[Failure instance: Traceback";
    /**
     * What a line at the margin right under a record's first line opens with when it gives the record's exception:
     * aria2 writes the exception that made a download retry or abort so, under the record that says so ({@code
     * Exception: [AbstractCommand.cc:856] errorCode=1 Failed to establish connection, ...}), its causes under it two
     * spaces and an arrow in. With no frame after it, it had been an event of its own, of no time and no level.
     */
    private static final String EXCEPTION_LABEL = "Exception: ";
    /**
     * How a DNS message printed as dig (and ldns, which Unbound's {@code log_dns_msg} uses) shows one opens: {@code ;;
     * ->>HEADER<<- opcode: QUERY, rcode: NXDOMAIN, id: 0}, then its flags, its sections each under a heading in
     * comment marks ({@code ;; ANSWER SECTION:}), records one a line, blank lines between them. Unbound logs a
     * message so at its fourth verbosity after the text that says which ({@code incoming scrubbed packet: ;;
     * ->>HEADER<<- ...}); each line had been an event of its own, of no time and no level.
     */
    private static final String DNS_MESSAGE_HEADER = ";; ->>HEADER<<- ";
    /** The last line of a DNS message dig's way ({@link #DNS_MESSAGE_HEADER}): {@code ;; MSG SIZE  rcvd: 17}. */
    private static final String DNS_MESSAGE_END = ";; MSG SIZE";
    /** The most lines a DNS message goes on for: a large response's records. */
    private static final int MAX_DNS_MESSAGE_LINES = 256;
    private static final String RICH_BOX_TOP = "\u256d\u2500"; // "╭─"
    private static final String RICH_BOX_SIDE = "\u2502"; // "│"
    private static final String RICH_BOX_BOTTOM = "\u2570"; // "╰"
    private static final String TRACEBACK_TITLE = "Traceback";

    /**
     * The top edge of the box rich draws a traceback in ({@code ╭──── Traceback (most recent call last) ────╮}), as
     * structlog's console renderer writes an exception at the margin when rich is installed, and rich's logging
     * handler under the message: the frames, their source and their locals on the box's lines ({@code │ ... │}), the
     * exception after its bottom edge.
     */
    static boolean isRichTracebackTop(String line) {
        int start = spacesBefore(line);
        return line.startsWith(RICH_BOX_TOP, start) && line.indexOf(TRACEBACK_TITLE, start) > 0;
    }

    /** How Elixir's exception in a crash report opens: its module in parentheses. */
    private static final String ELIXIR_EXCEPTION = "** (";
    /** Lines at the margin of a Python warning's message, at most, before its source line. */
    private static final int MAX_WARNING_LINES = 8;
    /**
     * Python's logging reports a record a handler failed to write ({@code Handler.handleError}: a format naming a
     * field the record lacks, a closed stream) on stderr: this line, the traceback, {@code Call stack:} with the
     * frames that logged it, {@code Message: 'order %d placed'} and {@code Arguments: (1000,)}; one event, whose
     * message is the traceback's first exception (the banner is the same for every failure).
     */
    private static final String LOGGING_ERROR = "--- Logging error ---";
    private static final String LOGGING_ERROR_ARGUMENTS = "Arguments: ";
    /** Lines of such a report at most: a traceback (chained ones too) and the logging call's stack. */
    private static final int MAX_LOGGING_ERROR_LINES = 400;
    /** Lines of a report under OTP's legacy header, at most (a crash report's process info runs to some 30). */
    private static final int MAX_ERLANG_REPORT_LINES = 256;
    /**
     * OTP's legacy report header, a line of its own, what Erlang/OTP's default handler writes before each record
     * (and RabbitMQ before 3.9, CouchDB, ejabberd): {@code =ERROR REPORT==== 3-Dec-2026::15:06:08.309562 ===}; the
     * kind is {@code INFO}, {@code WARNING}, {@code ERROR}, {@code CRASH}, {@code SUPERVISOR} or {@code PROGRESS}.
     */
    private static final Pattern ERLANG_REPORT_HEADER = Pattern.compile("=[A-Z]{3,10} REPORT==== .{8,40} ===\\s*");

    static boolean isErlangReportHeader(String line) {
        return line.length() > 20 && line.charAt(0) == '=' && ERLANG_REPORT_HEADER.matcher(line).matches();
    }

    /**
     * Ruby's report of an exception that ended the program: {@code app.rb:2:in `foo': undefined method `bar' for
     * nil:NilClass (NoMethodError)}, its frames under it as {@code \tfrom app.rb:5:in `<main>'}. After a routine
     * record of Ruby's {@code Logger} it is an event of its own, not one of the record's lines.
     */
    /** A Ruby backtrace's frame: {@code /app/worker.rb:8:in `perform'} ({@code 'ChargeJob#perform'} since 3.4). */
    private static final Pattern RUBY_FRAME = Pattern.compile("\\S+\\.rb:\\d+:in [`'][^`']*'");

    /**
     * Whether {@code line} ends with a Ruby backtrace's frame: a program that logs {@code e.backtrace.join("\n")}
     * (Sidekiq's error handler) writes the first frame on the record's line and the rest at the margin under it.
     */
    static boolean endsWithRubyFrame(String line) {
        if (!line.endsWith("'") || line.indexOf(".rb:") < 0) {
            return false;
        }
        int space = line.lastIndexOf(' ', line.lastIndexOf(":in ") - 1);
        return RUBY_FRAME.matcher(line).region(space + 1, line.length()).matches();
    }

    /** Whether {@code line} is a Ruby backtrace's frame at the margin, whole. */
    static boolean isRubyFrame(String line) {
        return line.endsWith("'") && line.indexOf(".rb:") > 0 && RUBY_FRAME.matcher(line).matches();
    }

    private static final Pattern RUBY_CRASH = Pattern.compile("\\S+\\.rb:\\d+:in [`'].*\\(\\w+(?:::\\w+)*\\)");

    static boolean isRubyCrash(String line) {
        return line.length() < 1024 && line.indexOf(".rb:") > 0 && RUBY_CRASH.matcher(line).matches();
    }

    /**
     * Where Node says an uncaught exception was thrown, the line before its source line and caret: a script and a line
     * number ({@code /app/server.js:42}, {@code file:///app/main.mjs:7}) or Node's own code
     * ({@code node:internal/modules/cjs/loader:1080}).
     */
    private static final Pattern NODE_CRASH_SITE = Pattern.compile(
            "(?:node:[\\w/.-]+|(?:file://)?[^\\s:]*\\.(?:[cm]?js|[cm]?ts|jsx|tsx)):\\d+");
    /**
     * A Rust panic's first line: {@code thread 'main' panicked at src/main.rs:7:33:} (the message on the next line), or
     * before Rust 1.73 {@code thread 'main' panicked at 'index out of bounds...', src/main.rs:7:33}; newer ones name
     * the thread's id too ({@code thread 'main' (23916) panicked at ...}).
     */
    private static final Pattern RUST_PANIC = Pattern.compile("thread '[^']*'(?: \\(\\d+\\))? panicked at ");
    /** Lines at the margin between a crash site and its exception: the source line (a long one may wrap). */
    private static final int MAX_CRASH_SOURCE_LINES = 4;

    /**
     * Whether {@code line} is a Node crash site ({@link #NODE_CRASH_SITE}); asked of every event's first line, so the
     * pattern runs only on a line without spaces that ends in a digit.
     */
    private static boolean isNodeCrashSite(String line) {
        return !line.isEmpty() && line.length() < 512 && isDigit(line.charAt(line.length() - 1))
                && line.indexOf(' ') < 0 && NODE_CRASH_SITE.matcher(line).matches();
    }

    /**
     * What Node prints under a thrown value that is no Error, which has no stack to show ({@code --trace-uncaught}),
     * and under a process warning it shows without its stack ({@code --trace-deprecation}, {@code --trace-warnings}).
     */
    private static final String NODE_TRACE_HINT = "(Use `node --trace-";

    /** A line of spaces and one caret, under the source line of Node's crash site. */
    private static boolean isCaret(String line) {
        String stripped = line.strip();
        return stripped.length() == 1 && stripped.charAt(0) == '^';
    }

    /** How far into a line a syslog program tag may end ({@link #programTagEnd}). */
    private static final int MAX_PROGRAM_TAG_END = 160;

    /**
     * Where the program's own line starts after the syslog tag that ends a line's header ({@code Dec 03 23:06:08 vm
     * checkout[31670]: }, as {@code journalctl} and {@code /var/log/syslog} write every line of a program), or -1: the
     * first {@code name[pid]: } after a word with a digit (the time), within {@value #MAX_PROGRAM_TAG_END} characters.
     * A program's multi-line output comes a line a tag: the lines of a traceback, of PostgreSQL's error and statement.
     */
    static int programTagEnd(String line) {
        int limit = Math.min(line.length(), MAX_PROGRAM_TAG_END);
        for (int close = line.indexOf("]: "); close > 0 && close < limit; close = line.indexOf("]: ", close + 1)) {
            int open = HeaderLayout.programTagOpen(line, close + 2);
            int name = line.lastIndexOf(' ', open) + 1;
            if (open > 0 && name > 0 && name < open && hasDigit(line, name)) {
                return close + 3;
            }
        }
        return apacheTagEnd(line);
    }

    /**
     * Apache httpd 2.4's error log header, the module and level, the process and thread, the client when there is
     * one: {@code [Sat Dec 05 12:14:40.220588 2026] [wsgi:error] [pid 19545:tid 19545] [client 127.0.0.1:34856] }.
     * mod_wsgi logs what a Python application writes to stderr one line a record so (a traceback's lines, each
     * under the header), and modules log a multi-line message the same way: the header is the program's tag.
     */
    private static final Pattern APACHE_ERROR_HEADER = Pattern.compile(
            "\\[[^\\]]{20,40}\\] \\[[\\w.-]*:\\w+\\] \\[pid \\d+(?::tid \\d+)?\\] "
                    + "(?:\\[(?:client|remote) [^\\]]{1,64}\\] )?");
    /** How far into a line Apache's time bracket ends, its module's bracket after it ({@link #apacheTagEnd}). */
    private static final int APACHE_TIME_REACH = 44;
    private static final int APACHE_MODULE_REACH = 40;

    /** Where the message starts after Apache's error log header ({@link #APACHE_ERROR_HEADER}), or -1. */
    static int apacheTagEnd(String line) {
        if (line.isEmpty() || line.charAt(0) != '[') {
            return -1;
        }
        int timeEnd = indexWithin(line, "] [", 1, APACHE_TIME_REACH);
        if (timeEnd < 0 || indexWithin(line, "] [pid ", timeEnd + 3, timeEnd + APACHE_MODULE_REACH) < 0) {
            return -1;
        }
        Matcher header = APACHE_ERROR_HEADER.matcher(line);
        return header.lookingAt() && header.end() < line.length() ? header.end() : -1;
    }

    /** Where {@code part} first starts in {@code line} at or after {@code from} and before {@code to}, or -1. */
    private static int indexWithin(String line, String part, int from, int to) {
        for (int at = from; at < to && at + part.length() <= line.length(); at++) {
            if (line.startsWith(part, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean hasDigit(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two lines with program tags ({@link #programTagEnd}: {@code tag} and {@code otherTag}) are of one
     * program: the same name and process id, after a header of one shape (the same but for its digits: the time).
     */
    static boolean sameProgram(String line, int tag, String other, int otherTag) {
        if (tag != otherTag) {
            return false;
        }
        int name = programNameStart(line, tag);
        for (int i = 0; i < tag; i++) {
            char a = line.charAt(i);
            char b = other.charAt(i);
            if (a != b && (i >= name || !isDigit(a) || !isDigit(b))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a tagged line ({@link #programTagEnd}: {@code tag}) shares with every line of its program: the header up to
     * the tag with its digits (the time) as zeros, then the name and process id. Lines of one key are
     * {@link #sameProgram}.
     */
    static String programKey(String line, int tag) {
        char[] key = line.substring(0, tag).toCharArray();
        int name = programNameStart(line, tag);
        for (int i = 0; i < name; i++) {
            if (isDigit(key[i])) {
                key[i] = '0';
            }
        }
        return new String(key);
    }

    private static int programNameStart(String line, int tag) {
        return line.lastIndexOf(' ', line.lastIndexOf('[', tag - 3)) + 1;
    }

    /** Whether {@code line} (not empty) opens with a space or a tab. */
    static boolean isIndented(String line) {
        return line.charAt(0) == ' ' || line.charAt(0) == '\t';
    }

    /** What Dropwizard's logback writes before each line of a logged exception. */
    private static final String TRACE_LINE_MARK = "! ";

    /**
     * Whether {@code line} is a line of a stack trace behind {@link #TRACE_LINE_MARK}: Dropwizard writes a logged
     * exception's lines so ({@code ! java.lang.IllegalStateException: boom}, {@code ! at shop.Orders.get(...)}, {@code
     * ! ... 69 common frames omitted}, the cause first and {@code ! Causing: ...} for each exception it caused). Only
     * the logger writes the mark, so the lines are the record's whatever its level.
     */
    static boolean isMarkedTraceLine(String line) {
        if (!line.startsWith(TRACE_LINE_MARK)) {
            return false;
        }
        int at = TRACE_LINE_MARK.length();
        return line.startsWith("at ", at) || line.startsWith("... ", at) || line.startsWith("Causing: ", at)
                || line.startsWith("Caused by: ", at) || line.startsWith("Suppressed: ", at)
                || mayOpenTrace(line.substring(at));
    }

    /** An indented {@code at ...}: a frame of Java, .NET or Node. */
    static boolean isFrame(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i > 0 && line.startsWith("at ", i);
    }

    /** The line Lua's traceback opens with ({@code debug.traceback}, the interpreter's uncaught error). */
    private static final String LUA_TRACEBACK = "stack traceback:";

    /**
     * Whether {@code line} goes on with the open event as a logger writes a message of several lines, each under its
     * own header ({@code header}: {@link #sharedHeaderEnd}): the header of the event's first line word for word,
     * holding a time of day, and a rest indented by a tab, as frames are (Minetest's Lua traceback:
     * {@code 2026-12-06 15:51:04: ERROR[Main]: stack traceback:}, then
     * {@code 2026-12-06 15:51:04: ERROR[Main]: <tab>init.lua:3: in function 'func'}; a Java stack through syslog); or
     * Lua's {@code stack traceback:} under that header or at the margin, as the interpreter writes it under an uncaught
     * error. Spaces are not enough: the kernel indents lines it sends as records of their own through syslog
     * ({@code kernel:  BIOS-e820: ...} under {@code kernel: BIOS-provided physical RAM map:} in the same second).
     */
    private boolean continuesUnderHeader(String line, int header) {
        boolean tab = header < line.length() && line.charAt(header) == '\t';
        boolean traceback = line.length() == header + LUA_TRACEBACK.length() && line.startsWith(LUA_TRACEBACK, header);
        if (header == 0 || !tab && !traceback) {
            return traceback;
        }
        return header < first.length() && hasTimeOfDay(line.substring(0, header)); // the header is a record's
    }

    /**
     * Where the part {@code line} shares with the open event's first line ends, cut back to just after a space: the
     * header both lines have when a logger wrote them; 0 when they share no word. Asked once per line, for the OCaml
     * frame's test and the repeated header's.
     */
    private int sharedHeaderEnd(String line) {
        int shared = 0;
        int limit = Math.min(line.length(), first.length());
        while (shared < limit && line.charAt(shared) == first.charAt(shared)) {
            shared++;
        }
        return line.lastIndexOf(' ', shared - 1) + 1;
    }

    /** What the frames of an OCaml backtrace open with ({@code Printexc}), the raise's first. */
    private static final String[] OCAML_FRAME_OPENINGS = {"Raised at ", "Re-raised at ", "Called from ",
        "Raised by primitive operation at "};

    /**
     * Where an OCaml backtrace's frame starts in {@code line}, or -1: at the margin, as the runtime prints an uncaught
     * exception's ({@code Raised at Stdlib__Map.Make.find in file "map.ml", line 137, characters 10-25}), or after the
     * header the open event's first line has, word for word, as a logger that writes each line of a message under its
     * own header does: Liquidsoap logs a failed decoder's backtrace so ({@code 2026/12/06 13:17:02 [decoder:4] Called
     * from Decoder.get_file_decoder in file "decoder/decoder.ml", line 321, characters 18-49}), then the header alone.
     * The header is the part both lines share up to a space ({@code at}: {@link #sharedHeaderEnd}), and holds a time
     * of day.
     */
    private int ocamlFrameAt(String line, int at) {
        for (String opening : OCAML_FRAME_OPENINGS) {
            if (line.startsWith(opening, at)) {
                int place = at + opening.length();
                boolean frame = line.indexOf(" file \"", place) > 0 || line.startsWith("file \"", place)
                        || line.startsWith("unknown location", place);
                return frame && (at == 0 || hasTimeOfDay(line)) ? at : -1;
            }
        }
        return -1;
    }

    /**
     * Where the last part of a dotted name that opens the line starts, when the name is all of the line or is
     * followed by {@code :} or {@code orAfter}; else -1.
     */
    private static int nameThenMessage(String line, char orAfter) {
        if (!isNameStart(line.charAt(0))) {
            return -1;
        }
        int lastPart = 0;
        int i = 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '.' && i + 1 < line.length() && isNameStart(line.charAt(i + 1))) {
                lastPart = i + 1;
            } else if (!isNamePart(c)) {
                break;
            }
            i++;
        }
        return i == line.length() || line.charAt(i) == ':' || line.charAt(i) == orAfter ? lastPart : -1;
    }

    /**
     * Whether a line at the margin that was held ({@link #isGoFunction}) and the line after it, its file indented
     * ({@code \t/app/main.go:48}), open a Go stack under the message: then the functions after them are frames too.
     */
    boolean opensGoStack(String held, String line) {
        if (isGoFunction(held) && isGoFileLine(line)) {
            context = Context.GO_STACK;
            return true;
        }
        return false;
    }

    /**
     * A Go function as a stack names it, without arguments: {@code main.main}, {@code
     * github.com/acme/shop/db.(*Pool).Query.func1}; a qualified name without spaces, a dot before a letter or {@code (}.
     */
    static boolean isGoFunction(String line) {
        if (line.length() > 512 || !isNameStart(line.charAt(0))) {
            return false;
        }
        boolean qualified = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.' && i + 1 < line.length() && (isNameStart(line.charAt(i + 1)) || line.charAt(i + 1) == '(')) {
                qualified = true;
            } else if (!isNamePart(c) && "./*()-[]{},~".indexOf(c) < 0) {
                return false;
            }
        }
        return qualified;
    }

    /** A Go frame's file, indented by a tab: {@code \t/app/main.go:48} (perhaps {@code +0x1d} after it). */
    static boolean isGoFileLine(String line) {
        int go = line.indexOf(".go:");
        return line.startsWith("\t") && go > 1 && go + 4 < line.length() && isDigit(line.charAt(go + 4));
    }

    /** {@code goroutine 1 [running]:}, {@code goroutine 7 [chan receive, 2 minutes]:}. */
    static boolean isGoroutineHeader(String line) {
        if (!line.startsWith("goroutine ") || !line.endsWith("]:")) {
            return false;
        }
        int i = "goroutine ".length();
        int digits = i;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i > digits && line.startsWith(" [", i);
    }

    /**
     * A goroutine dump's line at the margin: a function called ({@code main.main()}, {@code panic({0x6a1b20,
     * 0xc0000a6000})}, a name without spaces before its arguments), who created the goroutine, or the elision note.
     */
    static boolean isGoFrame(String line) {
        if (line.startsWith("created by ") || line.equals("...additional frames elided...")) {
            return true;
        }
        int open = line.indexOf('(');
        return open > 0 && line.endsWith(")") && line.lastIndexOf(' ', open) < 0;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
