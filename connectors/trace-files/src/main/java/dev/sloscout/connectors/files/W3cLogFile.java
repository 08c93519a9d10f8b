package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The W3C extended log format, as IIS writes it ({@code u_ex231201.log}) and CloudFront and Azure too: directives
 * ({@code #Software}, {@code #Version}, {@code #Date}, {@code #Fields}) then lines of space- or tab-separated values
 * in the order {@code #Fields} names. A line is an access: its text is the method, the path and the status
 * ({@code GET /api/cart 500}; the miner masks the path as any path), its time the {@code date} and {@code time}
 * fields (UTC, as the format says), its severity the status class (5xx error, 4xx warning) and its service the site
 * ({@code s-sitename}, else the host asked: {@code cs-host}, CloudFront's {@code cs(Host)}). Directives are not
 * events; a line with another number of values than fields is one problem and is read as plain text.
 */
final class W3cLogFile extends LineFileLog {
    private String[] fields;

    /** @param maxLineBytes the longest line read; a longer one is reported and skipped */
    W3cLogFile(String source, String fallbackService, Consumer<LogEvent> events, LocatedProblems problems,
            int maxLineBytes) {
        super(source, fallbackService, events, problems, maxLineBytes);
    }

    /** True when the text opens with a W3C directive ({@code #Software:}, {@code #Version:} or {@code #Fields:}). */
    static boolean looksLike(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        String text = new String(head, start, Math.min(head.length - start, 16), StandardCharsets.ISO_8859_1);
        return text.startsWith("#Software:") || text.startsWith("#Version:") || text.startsWith("#Fields:");
    }

    @Override
    void line(long number, String line) {
        if (line.startsWith("#")) {
            if (line.startsWith("#Fields:")) {
                fields = line.substring("#Fields:".length()).trim().split("\\s+");
            }
        } else if (!line.isBlank()) {
            access(number, EscapeCodes.strip(line));
        }
    }

    private void access(long number, String line) {
        String[] values = line.split(line.indexOf('\t') >= 0 ? "\t" : " ", -1);
        if (fields == null || values.length != fields.length) {
            problems.report("line " + number, fields == null ? "a W3C log line before any #Fields directive: read "
                    + "as text" : values.length + " values for " + fields.length + " fields: read as text");
            deliver(LogEvent.rawLine(source, number, service, line));
            return;
        }
        String method = value(values, "cs-method");
        String path = value(values, "cs-uri-stem");
        String status = value(values, "sc-status");
        if (path == null) {
            deliver(LogEvent.rawLine(source, number, service, line)); // no request in it: its text as it is
            return;
        }
        String text = (method == null ? "" : method + " ") + path + (status == null ? "" : " " + status);
        String site = value(values, "s-sitename");
        String host = value(values, "cs-host") != null ? value(values, "cs-host") : value(values, "cs(Host)");
        String named = site != null ? site : host != null ? host : service;
        deliver(new LogEvent(source, number, 1, named, text, false, "", time(values), severity(status), null,
                null));
    }

    /** The named field's value; null when the line has no such field or it is empty ({@code -}). */
    private String value(String[] values, String field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equalsIgnoreCase(field)) {
                String value = values[i];
                return value.isEmpty() || value.equals("-") ? null : value;
            }
        }
        return null;
    }

    private long time(String[] values) {
        String date = value(values, "date");
        String time = value(values, "time");
        if (date == null || time == null) {
            return LogHeader.NO_TIME;
        }
        try {
            return LocalDate.parse(date).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return LogHeader.NO_TIME;
        }
    }

    private static Severity severity(String status) {
        if (status == null || status.isEmpty()) {
            return Severity.UNKNOWN;
        }
        char first = status.charAt(0);
        return first == '5' ? Severity.ERROR : first == '4' ? Severity.WARN
                : first >= '1' && first <= '3' ? Severity.INFO : Severity.UNKNOWN;
    }
}
