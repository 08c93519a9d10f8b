package dev.sloscout.connectors.files;

import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace and span a plain-text log line names, as the common correlation layouts write them: a key
 * ({@code trace_id=}, {@code traceId:}, {@code trace.id=}, {@code dd.trace_id=}; OpenTelemetry's agents put
 * {@code trace_id} and {@code span_id} in the logging context), Spring Cloud Sleuth's and Micrometer's
 * {@code [app,<trace>,<span>]}, Spring Boot 3's {@code [<trace>-<span>]}, and a W3C {@code traceparent}
 * ({@code 00-<trace>-<span>-01}). Each form is looked for only when a cheap test on the line says it may be there, so
 * a line without one costs a few scans of the characters.
 */
final class TraceIdsInText {
    /** A trace id and, when the line gives it, the span id. */
    record Ids(TraceId trace, SpanId span) {
    }

    private static final int REACH = 2048;
    private static final int BRACKET_REACH = 256;
    private static final Pattern KEYED_TRACE = Pattern.compile(
            "(?i)(?<![0-9a-z_])(?:dd\\.)?trace[_.-]?id[\"']?\\s*[=:]\\s*[\"']?([0-9a-f]{32}|[0-9a-f]{16})(?![0-9a-z])");
    private static final Pattern KEYED_SPAN = Pattern.compile(
            "(?i)(?<![0-9a-z_])(?:dd\\.)?span[_.-]?id[\"']?\\s*[=:]\\s*[\"']?([0-9a-f]{16})(?![0-9a-z])");

    private TraceIdsInText() {
    }

    /** The ids the line names, or null. */
    static Ids find(String line) {
        String text = line.length() > REACH ? line.substring(0, REACH) : line;
        if (text.indexOf("race") >= 0 || text.indexOf("RACE") >= 0) {
            Matcher trace = KEYED_TRACE.matcher(text);
            if (trace.find()) {
                Matcher span = KEYED_SPAN.matcher(text);
                Ids ids = ids(trace.group(1), span.find() ? span.group(1) : null);
                if (ids != null) {
                    return ids;
                }
            }
        }
        for (int dash = text.indexOf("00-"); dash >= 0; dash = text.indexOf("00-", dash + 1)) {
            if ((dash == 0 || !Character.isLetterOrDigit(text.charAt(dash - 1)))
                    && hexRun(text, dash + 3) == 32 && at(text, dash + 35, '-') && hexRun(text, dash + 36) == 16
                    && at(text, dash + 52, '-') && hexRun(text, dash + 53) == 2) {
                return ids(text.substring(dash + 3, dash + 35), text.substring(dash + 36, dash + 52));
            }
        }
        // the correlation brackets stand in the header, near the start
        for (int open = text.indexOf('['); open >= 0 && open < BRACKET_REACH; open = text.indexOf('[', open + 1)) {
            Ids ids = bracketed(text, open);
            if (ids != null) {
                return ids;
            }
        }
        return null;
    }

    /** {@code [<32 hex>-<16 hex>]} or {@code [app,<16|32 hex>,<16 hex>(,...)]} from {@code open}; or null. */
    private static Ids bracketed(String text, int open) {
        int run = hexRun(text, open + 1);
        if (run == 32 && at(text, open + 33, '-') && hexRun(text, open + 34) == 16 && at(text, open + 50, ']')) {
            return ids(text.substring(open + 1, open + 33), text.substring(open + 34, open + 50));
        }
        int comma = text.indexOf(',', open + 1); // the application's name, at most 64 characters, then a comma
        if (comma < 0 || comma - open > 65) {
            return null;
        }
        int close = text.indexOf(']', open + 1);
        if (close >= 0 && close < comma) {
            return null;
        }
        run = hexRun(text, comma + 1);
        int second = comma + 1 + run;
        if ((run == 16 || run == 32) && at(text, second, ',') && hexRun(text, second + 1) == 16
                && (at(text, second + 17, ']') || at(text, second + 17, ','))) {
            return ids(text.substring(comma + 1, second), text.substring(second + 1, second + 17));
        }
        return null;
    }

    private static Ids ids(String trace, String span) {
        if (trace.chars().allMatch(c -> c == '0')) {
            return null; // an invalid (all-zero) id: no trace
        }
        SpanId spanId = span == null || span.chars().allMatch(c -> c == '0') ? null : SpanId.parse(span);
        return new Ids(TraceId.parse(trace), spanId);
    }

    private static boolean at(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    /** Lower- or upper-case ASCII hex digits from {@code from}, counted up to the first other character. */
    private static int hexRun(String text, int from) {
        int i = from;
        while (i < text.length() && isHex(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
