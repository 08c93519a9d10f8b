package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code varnishlog} prints, saved while chasing a 503: Varnish's shared-memory log, one tag and its value per
 * line, grouped in transactions. Grouped ({@code varnishlog}, {@code -g request}, {@code -g session}) a transaction
 * opens with {@code *   << Request  >> 2} and its lines follow, marked with as many dashes as the opener has stars
 * ({@code -   ReqURL         /orders}); raw ({@code -g raw}) every line names its transaction first ({@code 2
 * ReqURL         c /orders}) and transactions interleave, each ending at its {@code End}.
 *
 * <p>A transaction is an event, its lines under it: a client request reads as an access line does ({@code GET
 * /orders 503}: the first method and URL, the query left out, the last status), a backend fetch as {@code backend
 * fetch GET /orders 503} with the {@code FetchError} that failed it, a session as {@code session closed} and how
 * ({@code RX_JUNK}). Its time is its first {@code Timestamp} (a session's, when it opened), its level the status's
 * class (5xx error, 4xx warning), an error when a fetch or the VCL failed without one, a warning for the ways of
 * closing a session Varnish counts as errors. Any other transaction (a backend probe's record) is its first tag and
 * value. A line of neither form (a {@code Log overflow} notice) is an event of its own, as written.
 */
final class VarnishLogFile extends LineFileLog {
    /** A grouped transaction's opener: its level in stars, its type and its id. */
    private static final Pattern OPENER = Pattern.compile("(\\*+) +<< (\\w+) +>> (\\d{1,18})\\s*");
    /** A grouped transaction's line: its level in dashes, its tag and its value. */
    private static final Pattern GROUPED = Pattern.compile("(-+) +(\\w+)(?: +(.*))?");
    /** A raw line: the transaction's id, the tag, who it is about (client, backend or neither), the value. */
    private static final Pattern RAW = Pattern.compile(" *(\\d{1,18}) (\\w+) +([cb-])(?: (.*))?");
    /** Tags a raw log's first line may have: what varnishlog prints first, as a transaction or as a record. */
    private static final Set<String> FIRST_TAGS = Set.of("Begin", "CLI", "Backend_health", "SessOpen", "Timestamp",
            "Link", "VCL_use", "ReqStart", "Debug", "Error");
    /** Raw lines that make a file varnishlog's when its first tag is none it prints first. */
    private static final int RAW_LINES_SNIFFED = 5;
    /** How a session closes when Varnish counts it an error (its {@code sess_close} table's). */
    private static final Set<String> ERROR_CLOSES = Set.of("RX_BAD", "RX_BODY", "RX_JUNK", "RX_OVERFLOW",
            "RX_TIMEOUT", "TX_ERROR", "OVERLOAD", "PIPE_OVERFLOW", "RANGE_SHORT", "REQ_HTTP20", "VCL_FAILURE");
    /** Lines a transaction keeps under it, at most; a longer one's further lines are counted, not kept. */
    private static final int MAX_TRANSACTION_LINES = 2048;
    /**
     * Raw transactions kept open at once, at most: past this, the one opened first is delivered as far as it was read
     * (a log filtered by tag, {@code varnishlog -g raw -i ReqURL}, has no {@code End} lines at all).
     */
    static final int MAX_OPEN_TRANSACTIONS = 4096;

    /** The grouped transaction being read; null between transactions. */
    private Transaction grouped;
    /** Raw transactions not yet ended, by id. */
    private final Map<Long, Transaction> open = new LinkedHashMap<>();

    /** @param maxLineBytes the longest line read, and the most characters a transaction keeps under it */
    VarnishLogFile(String source, String service, Consumer<LogEvent> events, LocatedProblems problems,
            int maxLineBytes) {
        super(source, service, events, problems, maxLineBytes);
    }

    /**
     * True when the text's first line is a grouped transaction's opener, or a raw line of a tag varnishlog prints
     * first, or a raw line and the next ones too (a log filtered by tag: {@code -g raw -i ReqURL}).
     */
    static boolean looksLike(byte[] head) {
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        String[] lines = new String(head, start, head.length - start, StandardCharsets.UTF_8)
                .split("\r?\n", RAW_LINES_SNIFFED + 2);
        if (OPENER.matcher(lines[0]).matches()) {
            return true;
        }
        Matcher raw = RAW.matcher(lines[0]);
        if (!raw.matches()) {
            return false;
        }
        if (FIRST_TAGS.contains(raw.group(2))) {
            return true;
        }
        if (lines.length <= RAW_LINES_SNIFFED) { // a short file: its last line may be cut
            return false;
        }
        for (int i = 1; i < RAW_LINES_SNIFFED; i++) {
            if (!RAW.matcher(lines[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    void end() {
        endGrouped();
        for (Transaction t : open.values()) {
            problems.report("line " + t.line, "transaction " + t.id + " has no End (the log ends inside it): read "
                    + "as far as it goes");
            deliver(t);
        }
        open.clear();
    }

    @Override
    void line(long number, String line) {
        if (line.isBlank()) {
            endGrouped();
            return;
        }
        Matcher m = OPENER.matcher(line);
        if (m.matches()) {
            endGrouped();
            grouped = new Transaction(number, m.group(2), Long.parseLong(m.group(3)), line);
            return;
        }
        m = GROUPED.matcher(line);
        if (m.matches() && grouped != null) {
            grouped.tag(m.group(2), valueOf(m.group(3)), line);
            return;
        }
        m = RAW.matcher(line);
        if (m.matches()) {
            raw(number, Long.parseLong(m.group(1)), m.group(2), valueOf(m.group(4)), line);
            return;
        }
        endGrouped();
        deliver(LogEvent.rawLine(source, number, service, line)); // varnishlog's own notice: "Log overflow"
    }

    private void raw(long number, long id, String tag, String value, String line) {
        Transaction t = open.get(id);
        if (t == null) {
            String begin = tag.equals("Begin") && value != null ? firstWord(value) : "";
            t = new Transaction(number, switch (begin) {
                case "req" -> "Request";
                case "bereq" -> "BeReq";
                case "sess" -> "Session";
                default -> "Record";
            }, id, null);
            open.put(id, t);
            if (open.size() > MAX_OPEN_TRANSACTIONS) {
                Transaction oldest = open.values().iterator().next();
                open.remove(oldest.id);
                problems.report("line " + oldest.line, "transaction " + oldest.id + " has no End before "
                        + MAX_OPEN_TRANSACTIONS + " transactions opened after it: read as far as it went");
                deliver(oldest);
            }
        }
        t.tag(tag, value, line);
        if (tag.equals("End") || id == 0) { // the id 0 holds records of no transaction: each is one
            open.remove(id);
            deliver(t);
        }
    }

    private void endGrouped() {
        if (grouped != null) {
            deliver(grouped);
            grouped = null;
        }
    }

    private void deliver(Transaction t) {
        if (t.dropped > 0) {
            problems.report("line " + t.line, "transaction " + t.id + " is longer than the " + t.limitReason()
                    + ": its last " + t.dropped + " lines were left out");
        }
        deliver(new LogEvent(source, t.line, t.lines, service, t.text(), false, t.under.toString(), t.time,
                t.severity(), null, null));
    }

    /** A tag's value without the padding varnishlog writes after it; null when the line has none. */
    private static String valueOf(String written) {
        return written == null ? null : written.stripTrailing();
    }

    private static String firstWord(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /** One transaction's tags as they are read: what its event says, and its lines. */
    private final class Transaction {
        final long line;
        final String type;
        final long id;
        final StringBuilder under = new StringBuilder();
        int lines;
        int dropped;
        long time = LogHeader.NO_TIME;
        String method;
        String url;
        String status;
        String fetchError;
        boolean vclError;
        String closed;
        String firstTag;

        Transaction(long line, String type, long id, String opener) {
            this.line = line;
            this.type = type;
            this.id = id;
            if (opener != null) {
                keep(opener);
            }
        }

        void tag(String tag, String value, String line) {
            keep(line);
            String v = value == null ? "" : value;
            if (firstTag == null) {
                firstTag = tag + (v.isEmpty() ? "" : " " + v);
            }
            switch (tag) {
                case "Timestamp" -> time = time == LogHeader.NO_TIME ? stamp(v) : time;
                case "SessOpen" -> time = time == LogHeader.NO_TIME ? sessionOpened(v) : time;
                case "ReqMethod", "BereqMethod" -> method = method == null ? v : method;
                case "ReqURL", "BereqURL" -> url = url == null ? v : url;
                case "RespStatus", "BerespStatus" -> status = v; // the last: what was sent
                case "FetchError" -> fetchError = fetchError == null ? v : fetchError;
                case "VCL_Error" -> vclError = true;
                case "SessClose" -> closed = firstWord(v);
                default -> { }
            }
        }

        private void keep(String written) {
            String line = written.stripTrailing(); // varnishlog pads every tag and value
            lines++;
            if (dropped > 0 || lines > MAX_TRANSACTION_LINES || under.length() + line.length() + 1 > maxLineBytes) {
                dropped++;
                return;
            }
            if (!under.isEmpty()) {
                under.append('\n');
            }
            under.append(line);
        }

        String limitReason() {
            return lines > MAX_TRANSACTION_LINES ? MAX_TRANSACTION_LINES + " lines kept"
                    : maxLineBytes + " bytes kept";
        }

        String text() {
            String asked = method == null && url == null ? "request"
                    : (method == null ? "" : method + " ") + (url == null ? "" : path(url));
            String request = asked.strip() + (status == null ? "" : " " + status);
            return switch (type) {
                case "Request" -> request;
                case "BeReq" -> "backend fetch " + request + (fetchError == null ? "" : ": " + fetchError);
                case "Session" -> "session " + (closed == null ? "open" : "closed " + closed);
                default -> firstTag == null ? type : firstTag;
            };
        }

        Severity severity() {
            Severity byStatus = status == null || status.isEmpty() ? Severity.UNKNOWN : switch (status.charAt(0)) {
                case '5' -> Severity.ERROR;
                case '4' -> Severity.WARN;
                case '1', '2', '3' -> Severity.INFO;
                default -> Severity.UNKNOWN;
            };
            if (byStatus == Severity.UNKNOWN && (fetchError != null || vclError)) {
                return Severity.ERROR;
            }
            if (type.equals("Session") && closed != null) {
                return ERROR_CLOSES.contains(closed) ? Severity.WARN : Severity.INFO;
            }
            return byStatus;
        }
    }

    /** The path of a URL without its query ({@code /cart?token=...} is {@code /cart}). */
    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A {@code Timestamp}'s time: {@code Start: 1796513460.929662 0.000000 0.000000}, seconds since the epoch. */
    private static long stamp(String value) {
        int colon = value.indexOf(": ");
        return colon < 0 ? LogHeader.NO_TIME : epochSeconds(value, colon + 2);
    }

    /** When a session opened: {@code SessOpen}'s sixth field ({@code 127.0.0.1 51518 a0 127.0.0.1 6081 1796...}). */
    private static long sessionOpened(String value) {
        String[] fields = value.split(" ");
        return fields.length < 6 ? LogHeader.NO_TIME : epochSeconds(fields[5], 0);
    }

    /** Decimal seconds since the epoch at {@code from}, up to a space; {@link LogHeader#NO_TIME} if not so. */
    private static long epochSeconds(String s, int from) {
        int end = s.indexOf(' ', from);
        try {
            double seconds = Double.parseDouble(s.substring(from, end < 0 ? s.length() : end));
            return seconds > 0 && seconds < 1e11 ? Math.round(seconds * 1000) : LogHeader.NO_TIME;
        } catch (NumberFormatException e) {
            return LogHeader.NO_TIME;
        }
    }
}
