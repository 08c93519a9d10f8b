package dev.sloscout.engine.capsule;

import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import java.util.Objects;

/**
 * One log event as a decoder read it, before mining.
 *
 * @param source       file (or topic) it came from
 * @param line         line number of its first line in the source (1-based; records count as lines)
 * @param lines        how many input lines it spans (a folded stack trace spans several)
 * @param service      service or, for plain files, the file's name
 * @param text         the first line: a whole raw line when {@code raw}, else the message alone
 * @param raw          true when {@code text} still carries a header to parse (plain text, docker's {@code log})
 * @param continuation the folded lines after the first (stack traces), empty when none
 * @param epochMillis  time from the record itself ({@link LogHeader#NO_TIME} when it has none: the header may)
 * @param severity     severity from the record itself ({@link Severity#UNKNOWN} when none: the header may have it)
 * @param traceId      the trace it was logged in, or null
 * @param spanId       the span it was logged in, or null
 * @param thread       the thread that logged it, from the record's own field ({@code thread_name}, an OTLP record's
 *                     {@code thread.name}); empty when it has none (a raw line's header may name it)
 */
public record LogEvent(String source, long line, int lines, String service, String text, boolean raw,
        String continuation, long epochMillis, Severity severity, TraceId traceId, SpanId spanId, String thread) {
    public LogEvent {
        Objects.requireNonNull(source);
        Objects.requireNonNull(service);
        Objects.requireNonNull(text);
        continuation = continuation == null ? "" : continuation;
        severity = severity == null ? Severity.UNKNOWN : severity;
        thread = thread == null ? "" : thread;
    }

    /** An event whose record names no thread. */
    public LogEvent(String source, long line, int lines, String service, String text, boolean raw,
            String continuation, long epochMillis, Severity severity, TraceId traceId, SpanId spanId) {
        this(source, line, lines, service, text, raw, continuation, epochMillis, severity, traceId, spanId, "");
    }

    /** This event with another first line (a redacted one). */
    public LogEvent withText(String replaced) {
        return new LogEvent(source, line, lines, service, replaced, raw, continuation, epochMillis, severity, traceId,
                spanId, thread);
    }

    /** This event under another service (its file's container, the services beyond a bound). */
    public LogEvent withService(String renamed) {
        return new LogEvent(source, line, lines, renamed, text, raw, continuation, epochMillis, severity, traceId,
                spanId, thread);
    }

    /** This event at another time (its line's prefix gave the time the record did not). */
    public LogEvent withTime(long at) {
        return new LogEvent(source, line, lines, service, text, raw, continuation, at, severity, traceId, spanId,
                thread);
    }

    /** This event with the thread its record names (null or empty: none). */
    public LogEvent withThread(String named) {
        return new LogEvent(source, line, lines, service, text, raw, continuation, epochMillis, severity, traceId,
                spanId, named);
    }

    /** A plain-text line, header included. */
    public static LogEvent rawLine(String source, long line, String service, String text) {
        return new LogEvent(source, line, 1, service, text, true, "", LogHeader.NO_TIME, Severity.UNKNOWN, null,
                null);
    }

    /**
     * Whether a stack trace is folded under the event: an indented frame of Java, .NET or Node ({@code at ...}), of
     * Python ({@code File "..."}), of Ruby ({@code from ...}, {@code app.rb:9:in `call'}) or of Elixir ({@code
     * (stdlib 4.2) gen_server.erl:1149: ...}, {@code lib/shop/cart.ex:12: ...}), a goroutine dump, or a Rust panic's
     * first line ({@code thread 'main' panicked at ...}, its message made the event's), Node's version, which it
     * prints when an uncaught exception ended it (a thrown value that is no Error has no stack), or Python's {@code
     * Traceback (most recent call last):} (at the margin or indented, frames or none). A program prints one when
     * something failed, so an event without a level of its own that carries one is an error (Go's {@code http: panic
     * serving ...}, an exception printed on its own).
     */
    public boolean carriesStack() {
        if (isRustPanic(text, 0, text.length())) {
            return true; // a panic before Rust 1.73, its message in its first line, and no backtrace asked for
        }
        String c = continuation;
        for (int start = 0, lines = 0; start < c.length() && lines < STACK_LOOKAHEAD; lines++) {
            int end = c.indexOf('\n', start);
            end = end < 0 ? c.length() : end;
            int at = start;
            while (at < end && (c.charAt(at) == ' ' || c.charAt(at) == '\t')) {
                at++;
            }
            if (c.startsWith(PYTHON_TRACEBACK, at)) {
                return true; // a Python traceback, frames or not (Twisted's Failure prints none)
            }
            if (at > start && (c.startsWith("at ", at) || c.startsWith("File \"", at) || c.startsWith("from ", at)
                    || isElixirFrame(c, at, end) || isRubyFrame(c, at, end))
                    || at == start && (c.startsWith("goroutine ", at) || isRustPanic(c, at, end)
                            || isNodeVersion(c, at, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * An Elixir stack frame, after its indent: the application and its version when not the project's own, the file,
     * the line and a colon ({@code (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2}, {@code a.exs:10: (file)}).
     */
    private static final java.util.regex.Pattern ELIXIR_FRAME = java.util.regex.Pattern.compile(
            "(?:\\([\\w.-]+ [\\w.+-]+\\) )?\\S+\\.(?:ex|exs|erl):\\d+: ");

    private static boolean isElixirFrame(String text, int from, int end) {
        int dot = text.indexOf('.', from);
        return dot > 0 && dot < end && ELIXIR_FRAME.matcher(text).region(from, end).lookingAt();
    }

    /**
     * A Ruby backtrace's frame, after its indent: the file, the line and the method ({@code app.rb:9:in `block in
     * <main>'}), as Sinatra, Puma and Sidekiq print an exception's backtrace a frame to a line.
     */
    private static boolean isRubyFrame(String text, int from, int end) {
        int in = text.indexOf(":in ", from);
        if (in < 0 || in >= end || in + 4 >= end || text.charAt(in + 4) != '`' && text.charAt(in + 4) != '\'') {
            return false;
        }
        int digits = in;
        while (digits > from && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
            digits--;
        }
        return digits < in && digits > from + 1 && text.charAt(digits - 1) == ':';
    }

    /**
     * Whether the event's line shows a Ruby exception as Ruby inspects one, {@code #<ArgumentError: order 7 is
     * invalid>}: Puma's report of a request its Rack app raised on ({@code Rack app ("GET /orders/7" - (127.0.0.1)):
     * #<ArgumentError: ...>}), a Ruby program's rescue printing the exception. The class is a constant path whose
     * last name ends with {@code Error} or {@code Exception}, or under {@code Errno::}; an object's own inspection
     * ({@code #<Set: {1, 2}>}, {@code #<Order:0x000055d5...>}) is none. An event without a level that shows one is
     * an error, as one carrying a stack is.
     */
    public boolean showsRubyException() {
        for (int at = text.indexOf(RUBY_INSPECT); at >= 0; at = text.indexOf(RUBY_INSPECT, at + 2)) {
            int i = at + RUBY_INSPECT.length();
            int name = i;
            while (i < text.length() && Character.isUpperCase(text.charAt(i))) {
                name = i;
                i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                if (!text.startsWith("::", i)) {
                    break;
                }
                i += 2;
            }
            if (i > name && text.startsWith(": ", i) && (text.startsWith("Error", i - 5)
                    || text.startsWith("Exception", i - 9) || text.startsWith("Errno::", at + RUBY_INSPECT.length()))) {
                return true;
            }
        }
        return false;
    }

    private static final String RUBY_INSPECT = "#<";

    /** Whether {@code text[at..end)} is a Rust panic's first line ({@code thread 'main' panicked at ...}). */
    private static boolean isRustPanic(String text, int at, int end) {
        if (!text.startsWith("thread '", at)) {
            return false;
        }
        int panicked = text.indexOf(" panicked at ", at);
        return panicked > 0 && panicked < end;
    }

    private static final String NODE_VERSION = "Node.js v";

    /**
     * Whether {@code text[at..end)} is Node's version line, {@code Node.js v20.11.1}, which it prints last when an
     * uncaught exception ended it.
     */
    public static boolean isNodeVersion(String text, int at, int end) {
        int length = end - at;
        return length > NODE_VERSION.length() && length < 24 && text.startsWith(NODE_VERSION, at)
                && Character.isDigit(text.charAt(at + NODE_VERSION.length()));
    }

    /** The line a Python traceback opens with. */
    public static final String PYTHON_TRACEBACK = "Traceback (most recent call last):";

    /** Lines of a continuation looked at for a frame ({@link #carriesStack}): past an exception's message lines. */
    private static final int STACK_LOOKAHEAD = 8;

    /**
     * Whether the event says nothing but one line of text: no severity, trace or span of its own and nothing folded
     * under it. A collector or shipper that reads a file without a multiline rule sends each line so, a stack trace's
     * frames included; such lines are folded as a file's lines are before they are mined.
     */
    public boolean isBareLine() {
        return severity == Severity.UNKNOWN && traceId == null && spanId == null && continuation.isEmpty()
                && text.indexOf('\n') < 0;
    }
}
