package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * java.util.logging's XML format, what its {@code FileHandler} writes when no formatter is set ({@code XMLFormatter}):
 * a {@code <log>} of {@code <record>}s, one element per line ({@code <millis>}, {@code <level>}, {@code <logger>},
 * {@code <message>}, an {@code <exception>} with its {@code <message>} and {@code <frame>}s). A record is an event:
 * its message the text, its time the {@code <millis>} (else the {@code <date>}), its level the {@code <level>} (a
 * custom level's number read on java.util.logging's scale), its exception and frames the lines under it. Read line by
 * line rather than as one document: a handler opened in append mode writes its head again in the middle of the file,
 * and a log still being written ends inside a record (what was read of it is delivered, and said).
 */
final class JulXmlLogFile extends LineFileLog {
    /** The DTD XMLFormatter names in every head it writes. */
    private static final String DOCTYPE = "<!DOCTYPE log SYSTEM \"logger.dtd\">";
    /** Lines a record's message or exception may take, at most: a record never closed stops growing here. */
    private static final int MAX_RECORD_LINES = 4096;
    /** Characters of a message kept, at most; the rest of a longer one is left out. */
    private static final int MAX_MESSAGE_CHARS = 1 << 20;

    /** The record being read; null between records. */
    private Record record;

    /** @param maxLineBytes the longest line read; a longer one is reported and skipped */
    JulXmlLogFile(String source, String service, Consumer<LogEvent> events, LocatedProblems problems,
            int maxLineBytes) {
        super(source, service, events, problems, maxLineBytes);
    }

    /** True when the text opens as XMLFormatter's head does: its DOCTYPE, or a {@code <log>} whose records follow. */
    static boolean looksLike(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("<")) {
            return false;
        }
        int log = text.indexOf("<log>");
        return text.contains(DOCTYPE) || log >= 0 && text.indexOf("<record>", log) > 0
                && text.substring(0, log).strip().startsWith("<?xml");
    }

    @Override
    void end() {
        if (record != null) {
            problems.report("line " + record.line, "the record opened here is not closed (the log ends inside it): "
                    + "read as far as it goes");
            deliver();
        }
    }

    @Override
    void line(long number, String line) {
        String trimmed = line.strip();
        if (record != null && record.openElement != null) { // a message's later lines, up to its closing tag
            record.continueElement(line);
            return;
        }
        if (trimmed.equals("<record>")) {
            if (record != null) {
                problems.report("line " + record.line, "the record opened here is not closed before the next one: "
                        + "read as far as it goes");
                deliver();
            }
            record = new Record(number);
        } else if (trimmed.equals("</record>")) {
            if (record != null) {
                deliver();
            }
        } else if (record != null) {
            record.element(trimmed);
        }
    }

    private void deliver() {
        Record r = record;
        record = null;
        String text = r.message != null ? r.message : r.exceptionMessage != null ? r.exceptionMessage : "";
        deliver(new LogEvent(source, r.line, r.lines, service, text, false, r.exception.toString(), r.time(),
                r.severity(), null, null));
    }

    /** The parts of one {@code <record>} read so far. */
    private static final class Record {
        final long line;
        int lines = 1;
        String millis;
        String date;
        String level;
        String message;
        /** The exception's message and frames, one per line, as a Java stack trace reads. */
        final StringBuilder exception = new StringBuilder();
        String exceptionMessage;
        boolean inException;
        String frameClass;
        String frameMethod;
        String frameLine;
        /** The element whose text runs over lines ({@code message}), and its text so far; null when none does. */
        String openElement;
        StringBuilder openText;

        Record(long line) {
            this.line = line;
        }

        void element(String trimmed) {
            lines++;
            if (trimmed.equals("<exception>")) {
                inException = true;
            } else if (trimmed.equals("</exception>")) {
                inException = false;
            } else if (trimmed.equals("</frame>")) {
                frame();
            } else if (trimmed.startsWith("<") && !trimmed.startsWith("</")) {
                int close = trimmed.indexOf('>');
                if (close < 0 || trimmed.charAt(close - 1) == '/') {
                    return; // a tag cut short, or an empty element
                }
                String name = trimmed.substring(1, close);
                String end = "</" + name + ">";
                if (trimmed.endsWith(end)) {
                    value(name, unescape(trimmed.substring(close + 1, trimmed.length() - end.length())));
                } else if (name.equals("message")) { // a message with line breaks in it
                    openElement = name;
                    openText = new StringBuilder(unescape(trimmed.substring(close + 1)));
                }
            }
        }

        void continueElement(String line) {
            lines++;
            String end = "</" + openElement + ">";
            int at = line.indexOf(end);
            if (openText.length() < MAX_MESSAGE_CHARS) {
                openText.append('\n').append(unescape(at < 0 ? line : line.substring(0, at)));
            }
            if (at >= 0 || lines > MAX_RECORD_LINES) {
                String name = openElement;
                openElement = null;
                value(name, openText.toString());
            }
        }

        private void value(String name, String value) {
            if (inException) {
                switch (name) {
                    case "message" -> {
                        exceptionMessage = value;
                        append(value);
                    }
                    case "class" -> frameClass = value;
                    case "method" -> frameMethod = value;
                    case "line" -> frameLine = value;
                    default -> { }
                }
                return;
            }
            switch (name) {
                case "millis" -> millis = value;
                case "date" -> date = value;
                case "level" -> level = value;
                case "message" -> message = value;
                default -> { } // logger, sequence, class, method, thread, key, catalog, param
            }
        }

        /** A frame as a Java stack trace writes one: {@code at J.main(line 11)}; the XML names no file. */
        private void frame() {
            if (frameClass != null && lines < MAX_RECORD_LINES) {
                append("\tat " + frameClass + "." + (frameMethod == null ? "?" : frameMethod)
                        + (frameLine == null ? "" : "(line " + frameLine + ")"));
            }
            frameClass = null;
            frameMethod = null;
            frameLine = null;
        }

        private void append(String line) {
            if (!exception.isEmpty()) {
                exception.append('\n');
            }
            exception.append(line);
        }

        long time() {
            if (millis != null) {
                try {
                    return Long.parseLong(millis);
                } catch (NumberFormatException e) {
                    // the date, then
                }
            }
            if (date != null) {
                try {
                    return Instant.parse(date).toEpochMilli(); // Java 9 and later: an instant to the nanosecond
                } catch (DateTimeParseException e) {
                    return LogHeader.NO_TIME; // Java 8 wrote the local time without a zone: no instant
                }
            }
            return LogHeader.NO_TIME;
        }

        Severity severity() {
            if (level == null) {
                return Severity.UNKNOWN;
            }
            Severity named = Severity.fromWord(level);
            if (named != null) {
                return named;
            }
            try { // a custom level is written as its number: SEVERE 1000, WARNING 900, INFO 800, CONFIG 700, FINE 500
                int value = Integer.parseInt(level);
                return value >= 1000 ? Severity.ERROR : value >= 900 ? Severity.WARN : value >= 700 ? Severity.INFO
                        : value >= 500 ? Severity.DEBUG : Severity.TRACE;
            } catch (NumberFormatException e) {
                return Severity.UNKNOWN;
            }
        }
    }

    /** XMLFormatter escapes {@code <}, {@code >} and {@code &}; a character reference is read as its character. */
    static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            out.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String entity = semi > amp && semi - amp <= 10 ? s.substring(amp + 1, semi) : "";
            String replaced = switch (entity) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> characterReference(entity);
            };
            if (replaced == null) {
                out.append('&');
                i = amp + 1;
            } else {
                out.append(replaced);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        return out.append(s, i, s.length()).toString();
    }

    /** {@code #233} or {@code #xE9} as its character; null for anything else. */
    private static String characterReference(String entity) {
        if (entity.length() < 2 || entity.charAt(0) != '#') {
            return null;
        }
        try {
            int code = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                    ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
            return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
