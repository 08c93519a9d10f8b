package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.PostgresMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Logs exported as CSV or tab-separated values with a header row, as the export buttons of log tools write them
 * (Splunk's {@code _time,_raw,...}, CloudWatch Logs Insights' {@code @timestamp,@message}, Kibana's, Datadog's,
 * Azure Monitor's, Grafana's): each row is read as the JSON record its header names would make, so the same fields
 * give message, level, time, service and trace ({@link JsonLogRecords}); a header cell that is such a field but for its
 * case ({@code Message}, {@code Service}, {@code Date}) is read as that field. Fields are RFC 4180's: quoted ones may
 * hold the delimiter, doubled quotes and line breaks (a stack trace in one cell). A row whose number of cells differs
 * from the header's is one problem and is still read by position; a row longer than the longest record (a quote that
 * never closes) is one problem, and reading resumes at the next line. PostgreSQL's {@code csvlog} has no header row:
 * its columns are known ({@link #POSTGRES_COLUMNS}) and a file whose first row has their number and kinds is read
 * by them.
 */
final class CsvLogFile {
    /** Delimiters tried, in order: a header is split by the first that gives it a message column. */
    private static final char[] DELIMITERS = {',', '\t', ';'};
    /** Column names of the message: {@link JsonLogRecords#MESSAGE_FIELDS}, Datadog's and Grafana's. */
    private static final java.util.Set<String> MESSAGE_COLUMNS = messageColumns();

    private static java.util.Set<String> messageColumns() {
        java.util.Set<String> columns = new java.util.HashSet<>(List.of(JsonLogRecords.MESSAGE_FIELDS));
        columns.addAll(List.of("content", "line"));
        return java.util.Set.copyOf(columns);
    }
    private static final int MAX_HEADER_CHARS = 8192;
    /**
     * PostgreSQL's {@code csvlog} columns as its documentation names them, but the first ({@code log_time}), named
     * as the time field the JSON records' reader looks for: version 14 on writes all 26, 13 the first 24, 9.0 to 12
     * the first 23. {@code error_severity} is the level, {@code message} the message; the others stay fields.
     */
    private static final List<String> POSTGRES_COLUMNS = List.of("timestamp", "user_name", "database_name",
            "process_id", "connection_from", "session_id", "session_line_num", "command_tag", "session_start_time",
            "virtual_transaction_id", "transaction_id", "error_severity", "sql_state_code", "message", "detail",
            "hint", "internal_query", "internal_query_pos", "context", "query", "query_pos", "location",
            "application_name", "backend_type", "leader_pid", "query_id");
    /** The column counts of PostgreSQL 9.0 to 12, 13, and 14 on. */
    private static final java.util.Set<Integer> POSTGRES_COLUMN_COUNTS = java.util.Set.of(23, 24,
            POSTGRES_COLUMNS.size());
    private static final int POSTGRES_SEVERITY_COLUMN = 11;
    private static final int POSTGRES_PID_COLUMN = 3;
    /** PostgreSQL's {@code log_time}: milliseconds and the zone's name ({@code 2026-12-03 20:14:06.265 UTC}). */
    private static final java.util.regex.Pattern POSTGRES_TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})? [A-Za-z0-9+:-]{1,8}");

    /**
     * How a CSV log is laid out: its delimiter, and the columns when no header row names them (PostgreSQL's), else
     * null.
     */
    record Shape(char delimiter, List<String> columns) {
    }

    private final String source;
    private final String fallbackService;
    private final JsonLogRecords records;
    private final Consumer<LogEvent> events;
    private final LocatedProblems problems;
    private final int maxRecordChars;

    CsvLogFile(String source, String fallbackService, JsonLogRecords records, Consumer<LogEvent> events,
            LocatedProblems problems, int maxRecordChars) {
        this.source = source;
        this.fallbackService = fallbackService;
        this.records = records;
        this.events = events;
        this.problems = problems;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * The delimiter of a header row that opens {@code head} (UTF-8) and names a message column, or 0 when the text
     * is no such export: a log line split at its commas has no cell that is a field name.
     */
    private static char delimiter(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int end = start;
        while (end < head.length && head[end] != '\n' && end - start < MAX_HEADER_CHARS) {
            end++;
        }
        if (end >= head.length && head.length >= MAX_HEADER_CHARS || start >= end || head[start] == '{'
                || head[start] == '[') {
            return 0;
        }
        String line = new String(head, start, end - start, StandardCharsets.UTF_8).stripTrailing();
        for (char delimiter : DELIMITERS) {
            List<String> cells = splitHeader(line, delimiter);
            if (cells.size() >= 2 && cells.stream().allMatch(CsvLogFile::isName)
                    && cells.stream().anyMatch(CsvLogFile::isMessageColumn)) {
                return delimiter;
            }
        }
        return 0;
    }

    /**
     * The shape of a CSV log that opens {@code head} (UTF-8): an export with a header row ({@link #delimiter}) or
     * PostgreSQL's {@code csvlog}; null when the text is neither.
     */
    static Shape shape(byte[] head) {
        char delimiter = delimiter(head);
        if (delimiter != 0) {
            return new Shape(delimiter, null);
        }
        int columns = postgresColumns(head);
        return columns > 0 ? new Shape(',', POSTGRES_COLUMNS.subList(0, columns)) : null;
    }

    /**
     * How many columns PostgreSQL's {@code csvlog} has when the first row of {@code head} is its record: 23, 24 or 26
     * cells (the versions' column counts), the time, a process id and one of PostgreSQL's severities where that log
     * has them; else 0.
     */
    private static int postgresColumns(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        if (start >= head.length || head[start] < '0' || head[start] > '9') {
            return 0; // nearly every log: no CSV row opens with a digit
        }
        List<String> row;
        try {
            row = new Rows(new java.io.StringReader(new String(head, start, head.length - start,
                    StandardCharsets.UTF_8)), ',', head.length, (location, reason) -> { }).next();
        } catch (IOException cannot) {
            return 0;
        }
        if (row == null || !POSTGRES_COLUMN_COUNTS.contains(row.size())) {
            return 0;
        }
        String severity = row.get(POSTGRES_SEVERITY_COLUMN);
        String pid = row.get(POSTGRES_PID_COLUMN);
        boolean postgres = POSTGRES_TIME.matcher(row.get(0)).matches() && !pid.isEmpty()
                && pid.chars().allMatch(Character::isDigit)
                && PostgresMessages.severity(severity, 0, severity.length()) != null;
        return postgres ? row.size() : 0;
    }

    /**
     * Reads the rows after the header, or all rows when the shape names the columns; returns the events delivered.
     */
    long read(InputStream in, Shape shape) throws IOException {
        Rows rows = new Rows(new InputStreamReader(in, StandardCharsets.UTF_8), shape.delimiter(), maxRecordChars,
                problems);
        rows.skipByteOrderMark();
        List<String> header = shape.columns() != null ? shape.columns() : rows.next();
        if (header == null) {
            return 0;
        }
        String[] fields = header.stream().map(CsvLogFile::field).toArray(String[]::new);
        boolean messageNamed = java.util.Arrays.stream(fields)
                .anyMatch(List.of(JsonLogRecords.MESSAGE_FIELDS)::contains);
        long delivered = 0;
        for (List<String> row; (row = rows.next()) != null; ) {
            long line = rows.rowLine();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != fields.length) {
                problems.report("line " + line, row.size() + " cells where the header names " + fields.length
                        + ": read by position");
            }
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < Math.min(row.size(), fields.length); i++) {
                String value = row.get(i);
                String name = !messageNamed && isMessageColumn(header.get(i)) ? "message" : fields[i];
                if (!value.isEmpty() && !record.has(name)) {
                    record.put(name, value);
                }
            }
            LogEvent event = records.record(source, line, fallbackService, record);
            if (event == null) {
                problems.report("line " + line, "a row without a message");
            } else {
                events.accept(event);
                delivered++;
            }
        }
        return delivered;
    }

    /** The JSON record field a header cell names: a known field by its own spelling when only its case differs. */
    private static String field(String cell) {
        String name = cell.strip();
        String known = JsonLogRecords.knownField(name);
        return known != null ? known : name;
    }

    private static boolean isMessageColumn(String cell) {
        String name = cell.strip();
        return MESSAGE_COLUMNS.contains(field(name)) || MESSAGE_COLUMNS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A column name: short, on one line, not a number or a time (a data row is no header). */
    private static boolean isName(String cell) {
        String name = cell.strip();
        return !name.isEmpty() && name.length() <= 128 && !Character.isDigit(name.charAt(0));
    }

    /** A header's cells, quotes taken off (a header holds no line breaks). */
    private static List<String> splitHeader(String line, char delimiter) {
        try {
            List<String> cells = new Rows(new java.io.StringReader(line), delimiter, MAX_HEADER_CHARS,
                    (location, reason) -> { }).next();
            return cells == null ? List.of() : cells;
        } catch (IOException cannot) {
            return List.of();
        }
    }

    /** RFC 4180 rows from a reader, with the line each starts on. */
    private static final class Rows {
        private final Reader in;
        private final char delimiter;
        private final int maxRecordChars;
        private final LocatedProblems problems;
        private final char[] buffer = new char[1 << 14];
        private int pos;
        private int limit;
        private long line = 1;
        private long rowLine;

        Rows(Reader in, char delimiter, int maxRecordChars, LocatedProblems problems) {
            this.in = in;
            this.delimiter = delimiter;
            this.maxRecordChars = maxRecordChars;
            this.problems = problems;
        }

        long rowLine() {
            return rowLine;
        }

        private int read() throws IOException {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[pos++];
        }

        /** The next row's cells, or null at the end. */
        List<String> next() throws IOException {
            rowLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int chars = 0;
            for (int c; (c = read()) >= 0; ) {
                any = true;
                if (++chars > maxRecordChars) {
                    problems.report("line " + rowLine, "a row longer than " + maxRecordChars
                            + " characters (a quote that never closes?): skipped up to the next line");
                    skipLine();
                    rowLine = line;
                    cells.clear();
                    cell.setLength(0);
                    quoted = false;
                    chars = 0;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                if (quoted) {
                    if (c != '"') {
                        cell.append((char) c);
                    } else if (peek() == '"') {
                        cell.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    cells.add(stripCr(cell));
                    return cells;
                } else {
                    cell.append((char) c);
                }
            }
            if (!any) {
                return null;
            }
            if (quoted) {
                problems.report("line " + rowLine, "a quote that never closes: the row read to the end of the file");
            }
            cells.add(stripCr(cell));
            return cells;
        }

        void skipByteOrderMark() throws IOException {
            if (peek() == '\uFEFF') {
                pos++;
            }
        }

        private int peek() throws IOException {
            if (pos == limit) {
                int c = read();
                if (c >= 0) {
                    pos--;
                }
                return c;
            }
            return buffer[pos];
        }

        private void skipLine() throws IOException {
            for (int c; (c = read()) >= 0; ) {
                if (c == '\n') {
                    line++;
                    return;
                }
            }
        }

        private String stripCr(StringBuilder cell) {
            int end = cell.length();
            return end > 0 && cell.charAt(end - 1) == '\r' ? cell.substring(0, end - 1) : cell.toString();
        }
    }
}
