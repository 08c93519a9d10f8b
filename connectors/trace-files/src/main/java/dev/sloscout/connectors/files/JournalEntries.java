package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * journald's entries as {@code journalctl} writes them field by field: its export format ({@code -o export}, what
 * {@code systemd-journal-remote} reads: {@code NAME=value} lines, a value with a line break or a byte that is no text
 * as {@code NAME}, its length in eight little-endian bytes, the bytes; a blank line after each entry) and its verbose
 * format ({@code -o verbose}: a line with the entry's time and cursor, then its fields indented four spaces, a value's
 * further lines indented under its first). Each entry is handed on as the JSON object {@code -o json} writes for it,
 * so both read as that does ({@link JsonLogRecords#journalLine}).
 */
final class JournalEntries {
    /** What an entry read is handed to: its first line's number and its fields. */
    interface Entries {
        void entry(long line, ObjectNode fields);

        void problem(String location, String reason);
    }

    enum Format { EXPORT, VERBOSE }

    /** The first line of a verbose entry: its time to the microsecond, its zone, its cursor. */
    private static final Pattern VERBOSE_HEADER = Pattern.compile(
            "\\p{L}{2,4} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\S+ \\[s=[0-9a-f]+;i=[0-9a-f]+;.*]");
    /** A cursor's realtime part ({@code t=661c2cd36667a}): microseconds since the epoch, in hexadecimal. */
    private static final Pattern CURSOR_TIME = Pattern.compile(";t=([0-9a-f]{1,16})(?:;|])");
    /** A field's name as journald allows them: capitals, digits and underscores. */
    private static final Pattern FIELD = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** The longest value read of an export's binary field; a longer one is skipped and said. */
    private static final long MAX_VALUE_BYTES = 16L << 20;

    private JournalEntries() {
    }

    /** The format the text opens with, or null when it is neither. */
    static Format sniff(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        String first = new String(head, start, end - start, StandardCharsets.UTF_8);
        if (first.startsWith("__CURSOR=s=") || first.startsWith("__REALTIME_TIMESTAMP=")) {
            return Format.EXPORT;
        }
        return VERBOSE_HEADER.matcher(first).matches() ? Format.VERBOSE : null;
    }

    /** Reads every entry of an export. */
    static void readExport(InputStream in, Entries out) throws IOException {
        ObjectNode entry = null;
        long line = 1;
        long entryLine = 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        while (true) {
            bytes.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                bytes.write(b);
            }
            if (b < 0 && bytes.size() == 0) {
                break;
            }
            long at = line++;
            if (bytes.size() == 0) { // the blank line after an entry
                handOn(entry, entryLine, out);
                entry = null;
                continue;
            }
            if (entry == null) {
                entry = JsonNodeFactory.instance.objectNode();
                entryLine = at;
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int equals = text.indexOf('=');
            if (equals > 0 && FIELD.matcher(text).region(0, equals).matches()) {
                entry.put(text.substring(0, equals), text.substring(equals + 1));
            } else if (FIELD.matcher(text).matches()) { // a binary field: its length, its bytes, a line break
                byte[] size = in.readNBytes(8);
                long length = size.length == 8 ? littleEndian(size) : -1;
                if (length < 0 || length > MAX_VALUE_BYTES) {
                    out.problem("line " + at, "field " + text + (length < 0 ? " cut short" : " of " + length
                            + " bytes, over " + MAX_VALUE_BYTES) + ": the export is read no further");
                    break;
                }
                byte[] value = in.readNBytes((int) length);
                entry.put(text, new String(value, StandardCharsets.UTF_8));
                for (byte v : value) {
                    line += v == '\n' ? 1 : 0;
                }
                in.read(); // the line break after the value
            } else {
                out.problem("line " + at, "neither a journal field nor a blank line: skipped");
            }
        }
        handOn(entry, entryLine, out);
    }

    private static long littleEndian(byte[] b) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (b[i] & 0xFF);
        }
        return value;
    }

    /** Reads every entry of verbose output, a line at a time. */
    static void readVerbose(BufferedReader in, Entries out) throws IOException {
        ObjectNode entry = null;
        long entryLine = 0;
        String field = null;
        int indent = 0;
        long number = 0;
        for (String line; (line = in.readLine()) != null; ) {
            number++;
            if (VERBOSE_HEADER.matcher(line).matches()) {
                handOn(entry, entryLine, out);
                entry = JsonNodeFactory.instance.objectNode();
                entryLine = number;
                field = null;
                var time = CURSOR_TIME.matcher(line);
                if (time.find()) {
                    entry.put("__REALTIME_TIMESTAMP", Long.toString(Long.parseUnsignedLong(time.group(1), 16)));
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (entry != null && line.startsWith("    ") && equals > 4
                    && FIELD.matcher(line).region(4, equals).matches()) {
                field = line.substring(4, equals);
                indent = equals + 1;
                entry.put(field, line.substring(indent));
            } else if (entry != null && field != null && line.length() > indent && !line.isBlank()
                    && line.substring(0, indent).isBlank()) { // a value's further line, under its first
                entry.put(field, entry.get(field).asText() + "\n" + line.substring(indent));
            } else if (!line.isBlank()) {
                out.problem("line " + number, "neither an entry's first line nor one of its fields: skipped");
            }
        }
        handOn(entry, entryLine, out);
    }

    private static void handOn(ObjectNode entry, long line, Entries out) {
        if (entry != null && !entry.isEmpty()) {
            out.entry(line, entry);
        }
    }
}
