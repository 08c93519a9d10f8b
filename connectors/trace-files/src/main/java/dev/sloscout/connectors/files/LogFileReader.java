package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.parallel.OrderedWork;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads log files into {@link LogEvent}s: plain text (multi-line stack traces folded into the event that starts them),
 * JSON lines (message in {@code message}/{@code msg}/{@code log}/{@code body}..., docker's {@code {"log":..}} wrapper),
 * and OTLP/JSON logs (ExportLogsServiceRequest as one document or one per line, streamed record by record whatever
 * its size). Gzip and zstd are unwrapped; CRLF, a BOM and a missing final newline are fine; bytes that are not UTF-8
 * become U+FFFD. A bad record is reported with its line and skipped; a file that holds text but yields no record is a
 * problem too, never a silent zero.
 */
public final class LogFileReader {
    /** Plain-text lines are mined on this many characters at most; longer ones are cut, and counted. */
    static final int MAX_MINED_CHARS = 64 * 1024;
    private static final int MAX_FOLDED_CHARS = 16 * 1024;
    /** Indented lines of an exception's message held with it while its frames are awaited, at most. */
    private static final int MAX_HELD_MESSAGE_LINES = 16;
    /** One record of a JSON log document is built in memory only up to this size; larger ones are skipped. */
    static final int MAX_DOCUMENT_RECORD_BYTES = 16 << 20;
    /** A JSON line longer than this is read as a document (its records streamed), not built as one tree. */
    static final int STREAMED_LINE_BYTES = 1 << 20;
    /** Problems of one kind reported one by one per file; the rest are summed up in one line. */
    private static final int PROBLEMS_PER_KIND = 20;

    private static final Redactor REDACTOR = new Redactor();

    private final LogSink sink;
    private final ProblemSink problems;
    private final int maxRecordBytes;
    private final int threads;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonLogRecords records = new JsonLogRecords(json);

    public LogFileReader(LogSink sink, ProblemSink problems) {
        this(sink, problems, RecordLimits.MAX_RECORD_BYTES);
    }

    /** @param maxRecordBytes the longest line or JSON record read; longer ones are reported and skipped */
    public LogFileReader(LogSink sink, ProblemSink problems, int maxRecordBytes) {
        this(sink, problems, maxRecordBytes, 1);
    }

    /**
     * @param threads with more than one, lines are read in blocks whose JSON records are parsed and whose text lines
     *                are decoded on workers; events, problems and counts are handed on in the order of the file
     */
    public LogFileReader(LogSink sink, ProblemSink problems, int maxRecordBytes, int threads) {
        this.sink = sink;
        this.problems = problems;
        this.maxRecordBytes = maxRecordBytes;
        this.threads = Math.max(1, threads);
    }

    /** A reader with the default record limit, reading each file's lines with {@code threads} threads. */
    public static LogFileReader withThreads(LogSink sink, ProblemSink problems, int threads) {
        return new LogFileReader(sink, problems, RecordLimits.MAX_RECORD_BYTES, threads);
    }

    /**
     * Where records of a line whose container runtime timed it ({@link CriLines}) or whose prefix names its container
     * ({@link KubectlPrefix}) go: events without a time of their own take the runtime's, events without a service of
     * their own (the file's, {@code fileService}) the container's; {@code out} itself when there is neither.
     */
    private static Out forLine(Out out, long time, String fileService, String container) {
        return time == LogHeader.NO_TIME && container == null ? out : new Out() {
            @Override
            public void deliver(LogEvent event) {
                long at = event.epochMillis() != LogHeader.NO_TIME ? event.epochMillis() : time;
                String service = container != null && event.service().equals(fileService) ? container
                        : event.service();
                LogEvent timed = at == event.epochMillis() ? event : event.withTime(at);
                out.deliver(service.equals(event.service()) ? timed : timed.withService(service));
            }

            @Override
            public void containerLine(long line, String service, String text, long epochMillis, Severity severity) {
                out.containerLine(line, service, text, epochMillis != LogHeader.NO_TIME ? epochMillis : time,
                        severity);
            }

            @Override
            public void problem(String location, String reason, String kind) {
                out.problem(location, reason, kind);
            }

            @Override
            public void events(long n) {
                out.events(n);
            }
        };
    }

    /** A read that may fail. */
    private interface Read {
        void run() throws IOException;
    }

    /** Where what one JSON line gives goes: straight on (one thread), or recorded on a worker to be handed on. */
    private interface Out {
        void deliver(LogEvent event);

        /**
         * A line a container wrote, as docker's {@code json-file} driver wraps it ({@code {"log": "...", "stream":
         * ...}}), or a log record that is one bare line a collector read from a file ({@link
         * JsonLogRecords#bareLine}, of {@code service}; null for the file's): read as a text line is, so that a stack
         * trace's lines, one record each, are folded (a service's lines apart from others'). {@code severity}: the
         * level its record gave it, for a line that writes none (its header's wins), or unknown.
         */
        void containerLine(long line, String service, String text, long epochMillis, Severity severity);

        /** {@link #containerLine(long, String, String, long, Severity)} of a line whose record gave no level. */
        default void containerLine(long line, String service, String text, long epochMillis) {
            containerLine(line, service, text, epochMillis, Severity.UNKNOWN);
        }

        void problem(String location, String reason, String kind);

        void events(long n);
    }

    /** Reads one file; returns the number of events delivered. */
    public long read(Path file) {
        try {
            sink.sourceWritten(file.toString(), Inputs.lastModifiedMillis(file));
        } catch (IOException unknown) {
            // the reader below says what is wrong with the file
        }
        try (InputStream in = Inputs.open(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            problems.report(new Problem(file.toString(), "", "cannot read: " + e.getMessage()));
            return 0;
        }
    }

    public long read(String source, InputStream raw) {
        return new Reading(source).run(raw);
    }

    /** A sink that folds bare lines among the events it is given, until told that what is pending is complete. */
    public interface LineFolding extends LogSink {
        /** Ends every event being folded (hands it on): nothing more of it is coming, or a snapshot is due. */
        void flush();
    }

    /**
     * Events of {@code source} that arrive as records (a live receiver's, a Kafka topic's) handed on to this reader's
     * sink, with those that are bare lines ({@link LogEvent#isBareLine}: what a collector or shipper sends a line a
     * record) folded as the lines of a file are, each service's apart, so that a stack trace sent a frame a record is
     * one event; other events go straight on. Folded events are read like a file's lines (header, time, level).
     */
    public LineFolding folding(String source) {
        Reading reading = new Reading(source);
        Reading.Folder folder = reading.new Folder();
        reading.lineFolder = folder;
        return new LineFolding() {
            @Override
            public void accept(LogEvent event) {
                if (event.isBareLine()) {
                    reading.containerLine(event.line(), event.service(), event.text(), event.epochMillis());
                } else {
                    sink.accept(event);
                }
            }

            @Override
            public void sourceWritten(String written, long epochMillis) {
                sink.sourceWritten(written, epochMillis);
            }

            @Override
            public void flush() {
                folder.flushAll();
            }
        };
    }

    /**
     * The protobuf format ({@link TraceFormat#OTLP_PROTO} bare, {@link TraceFormat#OTLP_FRAMED} as the Collector's
     * file exporter writes it) when the bytes open an OTLP logs request in protobuf; else null.
     */
    static TraceFormat protobufLogs(byte[] head) {
        TraceFormat format = FormatSniffer.sniffProtobuf(head).orElse(null);
        return (format == TraceFormat.OTLP_PROTO || format == TraceFormat.OTLP_FRAMED)
                && OtlpProtoSignal.ofFile(head) == OtlpProtoSignal.Signal.LOGS ? format : null;
    }

    /** {@code /var/log/payment-service.log.1.gz} gives {@code payment-service}. */
    static String serviceOf(String source) {
        if (source.equals("-")) {
            return "stdin";
        }
        // the name as text: a file name the platform cannot encode back (not UTF-8 in a C locale) is no Path again
        String[] parts = source.split(java.util.regex.Pattern.quote(java.io.File.separator) + "|/");
        String name = parts[parts.length - 1];
        java.util.regex.Matcher kubelet = CONTAINER_LOG.matcher(name);
        if (kubelet.matches()) {
            return kubelet.group(1).toLowerCase(Locale.ROOT); // the container of a node's /var/log/containers link
        }
        String service = beforeDot(name);
        // a file named for its place or kind, not its program: the kubelet's <container>/0.log, svlogd's
        // <service>/current, a dump's <pod>/logs.txt, a web server's nginx/error.log; the folder names the program
        for (int i = parts.length - 2; i >= 0 && GENERIC_NAMES.matcher(service).matches(); i--) {
            String folder = parts[i].endsWith("!") ? parts[i].substring(0, parts[i].length() - 1) : parts[i];
            if (!folder.isEmpty()) {
                service = programOfPod(beforeDot(folder));
            }
        }
        return service;
    }

    /** A pod's program: its name without what every pod of it adds ({@code checkout-7d9f8b6c5d-x2x9z}: checkout). */
    static String programOfPod(String pod) {
        return POD_SUFFIX.matcher(pod).replaceFirst("");
    }

    private static String beforeDot(String name) {
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }

    /** Before a file's lines are known to name their traces, one event in this many is looked at for an id. */
    private static final int TRACE_LOOK_EVERY = 16;
    /**
     * PHP's uncaught exception with its trace on one line, its line breaks escaped: Apache's error log escapes them
     * in what mod_php logs ({@code PHP Fatal error:  Uncaught LogicException: boom in /app/index.php:6\nStack
     * trace:\n#0 {main}\n  thrown in ...}). The message ends where the trace starts, as in PHP's own error log.
     */
    private static final String ESCAPED_PHP_TRACE = "\\nStack trace:\\n#";

    /** File names that say nothing of the program that wrote them. */
    private static final java.util.regex.Pattern GENERIC_NAMES = java.util.regex.Pattern.compile(
            "\\d+|logs?|current|output|out|stdout|stderr|console|container|previous"
            + "|(ssl_)?(access|error)(_log(-\\d{8})?)?|errors" // a server's logs: nginx/error.log, httpd/access_log
            + "|(u_)?(ex|in|nc)\\d{6,}"); // IIS: W3SVC<site>/u_ex<yymmdd>.log
    /** {@code <pod>_<namespace>_<container>-<64 hex container id>.log}, as the kubelet links container logs. */
    private static final java.util.regex.Pattern CONTAINER_LOG = java.util.regex.Pattern.compile(
            "[^_]+_[^_]+_(.+)-[0-9a-f]{64}\\.log(\\..*)?");
    /**
     * The pod's own part of a pod name ({@code checkout-7d9f8b6c5d-x2x9z}: the ReplicaSet's hash and the pod's
     * suffix; {@code checkout-x2x9z} of a DaemonSet or Job), which changes with every pod of the one program.
     */
    private static final java.util.regex.Pattern POD_SUFFIX = java.util.regex.Pattern.compile(
            "(-[bcdfghjklmnpqrstvwxz2456789]{6,10})?-[bcdfghjklmnpqrstvwxz2456789]{5}$");

    /** One file being read: its counts and its problems, limited per kind. */
    private final class Reading implements Out {
        final String source;
        final String service;
        final Map<String, Long> problemCounts = new LinkedHashMap<>();
        long events;
        long truncated;
        boolean anyText;
        /** A record pretty-printed among JSON lines, while its lines are gathered. */
        final SpreadRecord spread = new SpreadRecord(Math.min(maxRecordBytes, MAX_DOCUMENT_RECORD_BYTES));
        /** Parts of CRI lines the runtime split, until their last part. */
        final CriParts criParts = new CriParts(maxRecordBytes);
        /** The indent every line of the file opens with, taken off ({@link Margin}). */
        Margin margin = Margin.NONE;
        /** The place in the code written at the right of every record, taken off ({@link SourceColumn}). */
        SourceColumn sourceColumn = SourceColumn.NONE;
        /** The container the line being read names in its prefix ({@link KubectlPrefix}), or null. */
        String lineContainer;
        /** Its pod and container: the stream of lines its events are folded in ({@link Folder}), or null. */
        String lineStream;

        Reading(String source) {
            this.source = source;
            String container = DockerContainers.serviceOf(source); // docker names its logs by container id
            this.service = container != null ? container : serviceOf(source);
        }

        long run(InputStream raw) {
            try (BufferedInputStream decompressed = Compression.decompressedBorrowing(raw)) {
                byte[] head = Compression.peek(decompressed, FormatSniffer.SNIFF_BYTES);
                TraceFormat protobuf = protobufLogs(head);
                JournalEntries.Format journal = JournalEntries.sniff(head);
                if (protobuf != null) {
                    anyText = true; // so that a file of requests without a record says so
                    folded(() -> { // records that are a file's bare lines, folded per service
                        long delivered = new OtlpLogProtoFile(source, records, this::deliver, this::containerLine,
                                (location, reason) -> problem(location, reason, "proto"))
                                .read(decompressed, protobuf == TraceFormat.OTLP_FRAMED);
                        events += delivered; // after the read: folded events are counted as they are delivered
                    });
                } else if (journal != null) {
                    anyText = true;
                    folded(() -> journal(decompressed, journal));
                } else if (W3cLogFile.looksLike(head)) {
                    anyText = true;
                    events += new W3cLogFile(source, service, this::deliver,
                            (location, reason) -> problem(location, reason, "w3c"), maxRecordBytes)
                            .read(decompressed);
                } else if (JulXmlLogFile.looksLike(head)) {
                    anyText = true;
                    events += new JulXmlLogFile(source, service, this::deliver,
                            (location, reason) -> problem(location, reason, "jul-xml"), maxRecordBytes)
                            .read(decompressed);
                } else if (VarnishLogFile.looksLike(head)) {
                    anyText = true;
                    events += new VarnishLogFile(source, service, this::deliver,
                            (location, reason) -> problem(location, reason, "varnishlog"), maxRecordBytes)
                            .read(decompressed);
                } else {
                    text(decompressed);
                }
            } catch (IOException e) {
                problem("", "read failed: " + e.getMessage() + "; records before the failure were kept", "read");
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                problem("", UnexpectedFault.reason(e, "records"), "fault"); // this file's reading ends, not the run
            }
            finish();
            return events;
        }

        /** A read whose records' bare lines ({@link Out#containerLine}) are folded, each lane's, as a file's lines. */
        private void folded(Read read) throws IOException {
            Folder folder = new Folder();
            lineFolder = folder;
            read.run();
            folder.flushAll();
            lineFolder = null;
        }

        /**
         * journald's entries field by field ({@link JournalEntries}), each read as the JSON object {@code journalctl
         * -o json} writes for it: its program's lines folded per program.
         */
        private void journal(BufferedInputStream in, JournalEntries.Format format) throws IOException {
            JournalEntries.Entries entries = new JournalEntries.Entries() {
                @Override
                public void entry(long line, ObjectNode fields) {
                    record(line, fields, Reading.this);
                }

                @Override
                public void problem(String location, String reason) {
                    Reading.this.problem(location, reason, "journal");
                }
            };
            if (format == JournalEntries.Format.EXPORT) {
                JournalEntries.readExport(in, entries);
            } else {
                JournalEntries.readVerbose(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                        1 << 16), entries);
            }
        }

        private void text(BufferedInputStream decompressed) throws IOException {
            try (BufferedInputStream in = asUtf8(decompressed)) {
                if (in != null) { // null: not text, and said so
                    if (isJsonDocument(in)) {
                        anyText = true;
                        folded(() -> document(in)); // a journal's entries pretty-printed, a shipper's lines
                        return;
                    }
                    CsvLogFile.Shape csv = CsvLogFile.shape(Compression.peek(in, LogEncoding.SNIFFED_BYTES));
                    if (csv != null) {
                        anyText = true;
                        events += new CsvLogFile(source, service, records, this::deliver,
                                (location, reason) -> problem(location, reason, "csv"), maxRecordBytes).read(in, csv);
                    } else {
                        List<String> head = HeadLines.of(Compression.peek(in, LogEncoding.SNIFFED_BYTES));
                        margin = Margin.of(head);
                        sourceColumn = SourceColumn.of(head);
                        lines(in);
                    }
                }
            }
        }

        /**
         * The text of the file as UTF-8 (UTF-16 transcoded); null, with the problem said, when it is not text.
         */
        private BufferedInputStream asUtf8(BufferedInputStream in) throws IOException {
            byte[] head = Compression.peek(in, LogEncoding.SNIFFED_BYTES);
            LogEncoding.Kind kind = LogEncoding.sniff(head);
            return switch (kind) {
                case TEXT -> in;
                case BINARY -> {
                    problem("", LogEncoding.describeBinary(head) + ": skipped", "binary");
                    yield null;
                }
                default -> new BufferedInputStream(LogEncoding.utf8(in, kind), 1 << 16);
            };
        }

        private void lines(BufferedInputStream in) throws IOException {
            if (threads > 1) {
                linesInParallel(in);
                return;
            }
            LineReader lines = new LineReader(in, maxRecordBytes);
            Folder folder = new Folder();
            lineFolder = folder;
            CriParts.Joined joined = joinedTo(folder);
            LinePrefix prefix = new LinePrefix();
            while (lines.next()) {
                if (lines.isOverlong()) {
                    unspread(folder);
                    overlong(lines.lineNumber());
                    continue;
                }
                byte[] bytes = lines.buffer();
                prefix.read(bytes, lines.start(), lines.length());
                int from = prefix.contentStart;
                int length = lines.start() + lines.length() - from;
                long time = prefix.time;
                lineContainer = prefix.container;
                lineStream = prefix.stream;
                if (criParts.take(prefix.cri, lines.lineNumber(), bytes, from, length, time, joined)) {
                    continue;
                }
                if (gathered(lines.lineNumber(), bytes, from, length, folder)) {
                    continue;
                }
                line(lines.lineNumber(), bytes, from, length, time, folder);
            }
            criParts.finish(joined);
            unspread(folder);
            folder.flushAll();
        }

        /** Where a CRI line split into parts goes once its parts are together: where any line goes. */
        private CriParts.Joined joinedTo(Folder folder) {
            return new CriParts.Joined() {
                @Override
                public void line(long number, byte[] bytes, int length, long time) {
                    if (!gathered(number, bytes, 0, length, folder)) {
                        Reading.this.line(number, bytes, 0, length, time, folder);
                    }
                }

                @Override
                public void overlong(long number) {
                    unspread(folder);
                    anyText = true;
                    problem("line " + number, "a line the container runtime split into parts, longer than "
                            + describe(maxRecordBytes) + " joined: skipped", "overlong");
                }
            };
        }

        /** One line read on its own, as text or JSON (skipped when blank); {@code time}: its wrapper's, if any. */
        private void line(long number, byte[] bytes, int from, int length, long time, Folder folder) {
            int record = afterRecordSeparator(bytes, from, from + length);
            length -= record - from;
            from = record;
            int start = Texts.skipBomAndWhitespace(bytes, from, from + length);
            if (start >= from + length) {
                return; // blank
            }
            anyText = true;
            boolean array = opensArrayOfObjects(bytes, start, from + length);
            if (bytes[start] == '{' || array) {
                if (!folder.pending()) { // nothing to end: delivered as parsed
                    folder.settle();
                    Out out = forLine(this, time, service, lineContainer);
                    if (array ? arrayLine(number, bytes, from, length, out)
                            : jsonLine(number, bytes, from, length, out)) {
                        return;
                    }
                } else if (!isIndented(bytes, from)) {
                    Recorded recorded = new Recorded();
                    Out out = forLine(recorded, time, service, lineContainer);
                    boolean json = array ? arrayLine(number, bytes, from, length, out)
                            : jsonLine(number, bytes, from, length, out);
                    if (readAsJson(json ? recorded : null, bytes, from, folder)) {
                        return;
                    }
                }
            }
            text(number, Text.of(bytes, from, length), time, folder);
        }

        /**
         * Reads a JSON line that parsed to {@code recorded} (null: it was no JSON record) as JSON, ending the text
         * event being folded, when it is a log record, or when nothing is being folded; false to read it as text (a
         * payload under a text line, an indented value continuing it). The one rule for both ways lines are read.
         */
        private boolean readAsJson(Recorded recorded, byte[] bytes, int from, Folder folder) {
            if (recorded != null && recorded.isContainerLine()) {
                recorded.replay(this); // a line of text, folded or not as the lines around it decide
                return true;
            }
            if (recorded == null
                    || folder.pending() && (isIndented(bytes, from) || !recorded.isLogRecord())) {
                return false;
            }
            folder.flush(); // the text before it ends here: JSON logs after a banner or a warning
            recorded.replay(this);
            return true;
        }

        /**
         * Whether the line went to a record spread over lines (a lone {@code {} opens one): gathered until its braces
         * close, then read as one record; what does not close in bounds, or is no log record, is read line by line.
         */
        private boolean gathered(long number, byte[] bytes, int from, int length, Folder folder) {
            if (!spread.active() && !SpreadRecord.opens(bytes, from, from + length)) {
                return false;
            }
            if (Texts.skipBomAndWhitespace(bytes, from, from + length) >= from + length) {
                return true; // blank: skipped, as everywhere (workers drop blank lines before this thread sees them)
            }
            anyText = true;
            boolean closed = spread.add(new SpreadRecord.Gathered(number, Arrays.copyOfRange(bytes, from,
                    from + length)));
            if (closed) {
                long first = spread.firstLine();
                byte[] text = spread.text();
                Recorded recorded = new Recorded();
                if (jsonLine(first, text, 0, text.length, recorded) && recorded.isLogRecord()) {
                    spread.takeLines();
                    folder.flush();
                    recorded.replay(this);
                } else {
                    unspread(folder);
                }
            } else if (spread.tooLong()) {
                unspread(folder);
            }
            return true;
        }

        /** The lines gathered for a record that was none (or never closed), read one by one as they would have been. */
        private void unspread(Folder folder) {
            for (SpreadRecord.Gathered g : spread.takeLines()) {
                line(g.number(), g.bytes(), 0, g.bytes().length, LogHeader.NO_TIME, folder);
            }
        }

        private void overlong(long line) {
            anyText = true;
            problem("line " + line, "line longer than " + describe(maxRecordBytes) + " skipped", "overlong");
        }

        private void text(long line, Text text, long time, Folder folder) {
            if (text.truncated()) {
                truncated++;
            }
            if (text.text().isBlank()) {
                return; // nothing but colour codes (a terminal capture's closing reset): a blank line
            }
            if (text.nulBytes() == 0) {
                folder.line(line, sourceColumn.strip(margin.strip(text.text())), time);
                return;
            }
            // zeros a crash left where the file was being written: what stands between them are lines of their own
            String all = text.text();
            int parts = 0;
            for (int from = 0; from < all.length(); ) {
                int nul = all.indexOf('\0', from);
                int end = nul < 0 ? all.length() : nul;
                if (!all.substring(from, end).isBlank()) {
                    folder.line(line, all.substring(from, end), time);
                    parts++;
                }
                from = end + 1;
            }
            problem("line " + line, String.format(Locale.ROOT, "%,d NUL bytes, as a crash leaves in a file that was "
                    + "being written; %s", text.nulBytes(), parts == 0 ? "nothing else on the line"
                    : parts == 1 ? "the text beside them was read" : "the " + parts + " pieces of text around them "
                    + "were read as lines of their own"), "nul");
        }

        /**
         * Blocks of whole lines: workers parse each JSON line (its events and problems recorded) and decode each text
         * line; this thread takes them in file order and does what one thread does with them (folding continuation
         * lines, a JSON value that is no log record read as text when an event is being folded, problem limits,
         * counts).
         */
        private void linesInParallel(BufferedInputStream in) throws IOException {
            Folder folder = new Folder();
            lineFolder = folder;
            CriParts.Joined joined = joinedTo(folder);
            long[] linesBefore = {0};
            LineChunk.Reader chunks = new LineChunk.Reader(in, maxRecordBytes);
            try (OrderedWork<Block, List<Line>> work = OrderedWork.start(threads, () -> this::parse, parsed -> {
                for (Line line : parsed) {
                    apply(line, folder, joined);
                }
            }, "log-reader")) {
                try {
                    for (LineChunk chunk; (chunk = chunks.next()) != null; ) {
                        work.submit(new Block(chunk, linesBefore[0]));
                        linesBefore[0] += chunk.countLines();
                    }
                } finally {
                    work.finish(); // the lines before a failed read count, as they do on one thread
                }
            }
            criParts.finish(joined);
            unspread(folder);
            folder.flushAll();
        }

        /** On a worker: each line of a block, numbered in the file, parsed as far as needs no state of the read. */
        private List<Line> parse(Block block) {
            List<Line> out = new ArrayList<>();
            if (block.chunk().isOverlong()) {
                out.add(new Line(block.linesBefore() + 1, true, null, 0, 0, LogHeader.NO_TIME, null, null,
                        CriParts.NONE, null, null));
                return out;
            }
            LinePrefix prefix = new LinePrefix();
            block.chunk().forEachLine((bytes, lineStart, lineLength, readLength, number) -> {
                long line = block.linesBefore() + number;
                if (readLength > maxRecordBytes) {
                    out.add(new Line(line, true, null, 0, 0, LogHeader.NO_TIME, null, null, CriParts.NONE, null, null));
                    return;
                }
                prefix.read(bytes, lineStart, lineLength);
                int start = afterRecordSeparator(bytes, prefix.contentStart, lineStart + lineLength);
                int length = lineStart + lineLength - start;
                long time = prefix.time;
                int cri = prefix.cri;
                String container = prefix.container;
                String stream = prefix.stream;
                int at = Texts.skipBomAndWhitespace(bytes, start, start + length);
                if (CriParts.isPart(cri) || cri != CriParts.NONE && at >= start + length) {
                    // read in file order, where the parts before it are known: no use parsing it here
                    out.add(new Line(line, false, bytes, start, length, time, null, null, cri, null, null));
                    return;
                }
                if (at >= start + length) {
                    return; // blank
                }
                if (bytes[at] == '{') {
                    Recorded recorded = new Recorded();
                    boolean json = jsonLine(line, bytes, start, length, forLine(recorded, time, service, container));
                    out.add(new Line(line, false, bytes, start, length, time, json ? recorded : null, null, cri,
                            container, stream));
                } else if (opensArrayOfObjects(bytes, at, start + length)) {
                    Recorded recorded = new Recorded();
                    out.add(arrayLine(line, bytes, start, length, forLine(recorded, time, service, container))
                            ? new Line(line, false, bytes, start, length, time, recorded, null, cri, container,
                                    stream)
                            : new Line(line, false, bytes, start, length, time, null, Text.of(bytes, start, length),
                                    cri, container, stream));
                } else {
                    out.add(new Line(line, false, bytes, start, length, time, null, Text.of(bytes, start, length),
                            cri, container, stream));
                }
            });
            return out;
        }

        /** On this thread, in file order: what the serial loop does with the line. */
        private void apply(Line line, Folder folder, CriParts.Joined joined) {
            lineContainer = line.container();
            lineStream = line.stream();
            if (line.overlong()) {
                unspread(folder);
                overlong(line.number());
                return;
            }
            if (criParts.take(line.cri(), line.number(), line.bytes(), line.start(), line.length(), line.time(),
                    joined)) {
                return;
            }
            if (line.text() == null && line.json() == null && line.cri() != CriParts.NONE
                    && Texts.skipBomAndWhitespace(line.bytes(), line.start(), line.start() + line.length())
                    >= line.start() + line.length()) {
                return; // a blank whole line, kept by the worker in case it ended parts
            }
            if (gathered(line.number(), line.bytes(), line.start(), line.length(), folder)) {
                return;
            }
            anyText = true;
            if (line.text() == null) { // a JSON line
                if (readAsJson(line.json(), line.bytes(), line.start(), folder)) {
                    return;
                }
                text(line.number(), Text.of(line.bytes(), line.start(), line.length()), line.time(), folder);
                return;
            }
            text(line.number(), line.text(), line.time(), folder);
        }

        @Override
        public void events(long n) {
            events += n;
        }

        /**
         * A line that opens with whitespace: while a text event is pending, it continues that event (an indented JSON
         * body under the line that introduced it) however it parses.
         */
        private static boolean isIndented(byte[] bytes, int start) {
            return bytes[start] == ' ' || bytes[start] == '\t';
        }

        /**
         * {@code [{}: a line that may be an array of records, as shippers that batch write them (one array per
         * request, one request per line).
         */
        private static boolean opensArrayOfObjects(byte[] bytes, int at, int end) {
            if (bytes[at] != '[') {
                return false;
            }
            int next = Texts.skipBomAndWhitespace(bytes, at + 1, end);
            return next < end && bytes[next] == '{';
        }

        /**
         * True when the line is a JSON array of log records (each delivered, an element that is no object reported);
         * false, with nothing said, to read it as text: a bracketed header ({@code [{main}] INFO ...}) is no array.
         */
        private boolean arrayLine(long line, byte[] bytes, int start, int length, Out out) {
            JsonNode node;
            try {
                node = json.readTree(bytes, start, length);
            } catch (IOException e) {
                return false;
            }
            if (node == null || !node.isArray() || node.isEmpty() || !JsonLogDocument.looksLikeRecord(node.get(0))) {
                return false;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isObject()) {
                    record(line, element, out);
                } else {
                    out.problem("line " + line + ", element " + (i + 1), "not a JSON object", "element");
                }
            }
            return true;
        }

        /** True when the line was a JSON record (delivered or reported); false to read it as text. */
        private boolean jsonLine(long line, byte[] bytes, int start, int length, Out out) {
            if (startsWithResourceLogs(bytes, start, start + length)) {
                try (JsonParser p = json.getFactory().createParser(bytes, start, length)) {
                    p.nextToken();
                    p.nextToken();
                    out.events(new OtlpJsonLogStream(records, out::deliver, out::containerLine).request(p, source,
                            line));
                } catch (IOException e) {
                    out.problem("line " + line, "not valid OTLP/JSON (records before the error were kept): "
                            + REDACTOR.redact(originalMessage(e)), "otlp");
                }
                return true;
            }
            if (length > STREAMED_LINE_BYTES) { // one line holding a whole export: its records one at a time
                try (JsonParser p = json.getFactory().createParser(bytes, start, length)) {
                    p.nextToken();
                    document(p, line, out);
                } catch (IOException e) {
                    out.problem("line " + line, "not valid JSON (records before the error were kept): "
                            + REDACTOR.redact(originalMessage(e)), "json");
                }
                return true;
            }
            JsonNode node;
            try {
                node = json.readTree(bytes, start, length);
            } catch (IOException e) {
                String text = new String(bytes, start, Math.min(length, 16), StandardCharsets.UTF_8);
                if (text.trim().equals("{")) {
                    out.problem("line " + line, "a JSON document spread over lines: write one record per line "
                            + "(JSON lines)", "spread");
                    return true;
                }
                // the parser quotes the offending text: it may be personal data, and problems end up in analysis.json
                out.problem("line " + line, "not valid JSON: " + REDACTOR.redact(originalMessage(e)), "json");
                return true;
            }
            if (node == null || !node.isObject()) {
                return false;
            }
            record(line, node, out);
            return true;
        }

        private void record(long line, JsonNode node, Out out) {
            if (node.has("resourceLogs")) {
                try (JsonParser p = node.traverse(json)) {
                    p.nextToken();
                    p.nextToken();
                    out.events(new OtlpJsonLogStream(records, out::deliver, out::containerLine).request(p, source,
                            line));
                } catch (IOException e) {
                    problem("record " + line, "not valid OTLP/JSON: " + REDACTOR.redact(originalMessage(e)),
                            "otlp");
                }
                return;
            }
            if (JsonLogRecords.isLokiStream(node)) {
                List<LogEvent> events = records.lokiStream(source, line, service, node, index -> out.problem(
                        "line " + line + ", values[" + index + "]", "a Loki value that is no [time, line] pair: "
                        + "skipped", "loki"));
                events.forEach(out::deliver);
                out.events(events.size());
                return;
            }
            String container = JsonLogRecords.containerText(node);
            if (container != null) {
                out.containerLine(line, JsonLogRecords.containerService(node), container, JsonLogRecords.time(node));
                return;
            }
            JsonNode stored = JsonLogRecords.unwrapped(node); // a search hit's _source
            String shipped = JsonLogRecords.shippedLine(stored);
            if (shipped != null) { // Filebeat's or Vector's line of a file, a record a line
                out.containerLine(line, JsonLogRecords.shippedService(stored), shipped, JsonLogRecords.time(stored));
                return;
            }
            JsonLogRecords.JournalLine journal = JsonLogRecords.journalLine(node);
            if (journal != null) { // a program's line, a journald entry a line
                out.containerLine(line, JsonLogRecords.containerService(node), journal.text(),
                        JsonLogRecords.time(node), journal.severity());
                return;
            }
            LogEvent event = JsonLogRecords.isLokiLine(node) ? records.loki(source, line, service,
                    node.get("labels"), node.path("structuredMetadata"), node.path("timestamp").asText(null),
                    node.get("line").asText()) : records.record(source, line, service, node);
            if (event != null) {
                out.deliver(event);
                out.events(1);
                return;
            }
            List<JsonNode> wrapped = JsonLogDocument.wrappedRecords(node);
            if (wrapped.isEmpty()) {
                out.problem("line " + line, "JSON record without a message field (one of "
                        + String.join(", ", JsonLogRecords.MESSAGE_FIELDS) + ")", "no-message");
                return;
            }
            // one line holding an export's records ({"events": [...]}, a query answer): each read as a record
            wrapped.forEach(record -> record(line, record, out));
        }

        @Override
        public void deliver(LogEvent event) {
            sink.accept(event);
        }

        /** The folder of the file being read line by line; null while a JSON document is read. */
        private Folder lineFolder;

        @Override
        public void containerLine(long line, String lineService, String text, long epochMillis, Severity severity) {
            if (text.isBlank()) {
                return; // as blank lines of a text file
            }
            if (lineFolder != null) {
                lineFolder.line(line, lineService, text, epochMillis, severity);
            } else { // no folder: no lines around it to fold
                deliver(records.containerEvent(source, line, lineService != null ? lineService : service, text,
                        epochMillis, severity));
                events++;
            }
        }

        /**
         * JSON values spread over lines (pretty-printed OTLP, an array of records, an export that wraps its records),
         * streamed: never held whole. Values may follow one another ({@code jq .} of a JSON log writes each record
         * pretty-printed after the last); the first is numbered by its records, the others by the line each starts on.
         */
        private void document(InputStream in) {
            try (JsonParser p = json.getFactory().createParser(in)) {
                boolean later = false;
                for (JsonToken first = p.nextToken(); first != null; first = p.nextToken(), later = true) {
                    long line = p.currentLocation().getLineNr();
                    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        problem("line " + line, "a JSON value that is no object or array: skipped", "element");
                    } else if (first == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                            && "resourceLogs".equals(p.currentName())) {
                        events += new OtlpJsonLogStream(records, this::deliver, null).request(p, source,
                                later ? line : 1);
                    } else {
                        document(p, later ? line : 0, this);
                    }
                }
            } catch (IOException e) {
                JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
                problem(at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr(), "not a valid JSON document "
                        + "(records before the error were kept): " + REDACTOR.redact(originalMessage(e)), "document");
            }
        }

        /** The records of the JSON value the parser is on; {@code line} > 0 names the line that holds it. */
        private void document(JsonParser p, long line, Out out) throws IOException {
            String where = line > 0 ? "line " + line + ", " : "";
            JsonLogDocument.read(p, new JsonLogDocument.Handler() {
                @Override
                public void record(long index, JsonNode node) {
                    Reading.this.record(line > 0 ? line : index, node, out);
                }

                @Override
                public void problem(String location, String reason) {
                    out.problem(where + location, reason, "element");
                }
            }, Math.min(maxRecordBytes, MAX_DOCUMENT_RECORD_BYTES));
        }

        @Override
        public void problem(String location, String reason, String kind) {
            long n = problemCounts.merge(kind, 1L, Long::sum);
            if (n <= PROBLEMS_PER_KIND) {
                problems.report(new Problem(source, location, reason));
            }
        }

        private void finish() {
            problemCounts.forEach((kind, n) -> {
                if (n > PROBLEMS_PER_KIND) {
                    problems.report(new Problem(source, "", (n - PROBLEMS_PER_KIND) + " more problems like the "
                            + "ones above (" + n + " in all)"));
                }
            });
            if (truncated > 0) {
                problems.report(new Problem(source, "", truncated + (truncated == 1 ? " line" : " lines")
                        + " longer than " + MAX_MINED_CHARS / 1024 + " KiB of text mined on their first "
                        + MAX_MINED_CHARS / 1024 + " KiB"));
            }
            if (events == 0 && anyText && problemCounts.isEmpty()) {
                problems.report(new Problem(source, "", "no log records found in it"));
            }
        }

        /**
         * Folds continuation lines ({@link ContinuationLines}: stack traces) into the event before them: one lane for
         * the file, one per program a syslog header tags lines with ({@code Dec 03 23:06:08 vm checkout[31670]: }:
         * journald and a syslog server interleave the lines of programs writing at once, and a host's line never
         * ends another's traceback), and one per pod's container when lines name theirs ({@link #lineStream}:
         * {@code kubectl logs --prefix -f} interleaves the lines of several pods). The file's and the programs'
         * events are handed on in the order of their first lines, all of the file's service; a container's as each
         * ends.
         */
        private final class Folder {
            /** Containers a file may interleave before their pending events are ended all at once. */
            private static final int MAX_LANES = 256;
            /**
             * Lines of other programs after which a program's lane is ended: a program's lines come together or
             * nearly, and an event of one waits this long at most for the lines of others to be handed on after it.
             */
            private static final int IDLE_LINES = 256;

            final Lane file = new Lane(service, this);
            /** Lanes of the programs syslog tags lines with, by header shape and tag; the idlest first. */
            final Map<String, Lane> programs = new LinkedHashMap<>(16, 0.75f, true);
            /** The file's or a program's lane, the last line's: a line without a tag may continue it. */
            Lane current = file;
            /**
             * A place for each event the file's and the programs' lanes open (or line they hold), in the order of
             * their first lines: an event is handed on when every place before its own is.
             */
            final java.util.ArrayDeque<Place> places = new java.util.ArrayDeque<>();
            /** Lanes of the pod/container streams that line prefixes name. */
            final Map<String, Lane> containers = new LinkedHashMap<>();
            /** Lanes of the services whose records are bare lines (a collector's, a shipper's), by service. */
            final Map<String, Lane> services = new LinkedHashMap<>();

            /** The lane of the line being read. */
            Lane lane() {
                return lineStream == null ? current : lane(containers, lineStream, lineContainer);
            }

            /** The lane of a container's stream, or of a service's records, by its key in its map. */
            private Lane lane(Map<String, Lane> lanes, String key, String laneService) {
                Lane lane = lanes.get(key);
                if (lane == null) {
                    if (containers.size() + services.size() >= MAX_LANES) {
                        flushAll();
                        containers.clear();
                        services.clear();
                    }
                    lane = new Lane(laneService, null);
                    lanes.put(key, lane);
                }
                return lane;
            }

            /** Whether the line being read would continue or end an event of its lane. */
            boolean pending() {
                return lane().pending != null;
            }

            /** A line, with the time its wrapper gave ({@code NO_TIME}: none), into its lane. */
            void line(long number, String text, long epochMillis) {
                if (lineStream != null) {
                    lane().line(number, text, epochMillis, Severity.UNKNOWN, ContinuationLines.programTagEnd(text));
                } else {
                    fileLine(number, text, epochMillis, Severity.UNKNOWN);
                }
            }

            /**
             * A line of a service's records ({@code service} null: the line's own lane), into that service's lane, with
             * the level its record gave it ({@link Out#containerLine}).
             */
            void line(long number, String service, String text, long epochMillis, Severity severity) {
                if (service != null) {
                    lane(services, service, service).line(number, text, epochMillis, severity,
                            ContinuationLines.programTagEnd(text));
                } else if (lineStream != null) {
                    lane().line(number, text, epochMillis, severity, ContinuationLines.programTagEnd(text));
                } else {
                    fileLine(number, text, epochMillis, severity);
                }
            }

            /**
             * A line of the file itself: a tagged one into its program's lane; one without a tag continues the event
             * of the lane the line before went to, or else is the file's.
             */
            private void fileLine(long number, String text, long epochMillis, Severity severity) {
                int tag = ContinuationLines.programTagEnd(text);
                if (tag > 0) {
                    Lane lane = program(text, tag);
                    if (current == file) {
                        file.flush(); // the file's own event ends where a program's line comes
                    }
                    current = lane;
                    lane.line(number, text, epochMillis, severity, tag);
                } else if (current == file || !current.continuedBy(number, text, epochMillis, severity)) {
                    current = file;
                    file.line(number, text, epochMillis, severity, tag);
                }
                current.lastLine = number;
                endIdle(number);
            }

            /** The lane of a tagged line's program, started when none is open. */
            private Lane program(String text, int tag) {
                String key = ContinuationLines.programKey(text, tag);
                Lane lane = programs.get(key);
                if (lane == null) {
                    lane = new Lane(service, this);
                    programs.put(key, lane);
                }
                return lane;
            }

            /** Ends the lanes of programs that wrote nothing for {@value #IDLE_LINES} lines. */
            private void endIdle(long number) {
                for (var it = programs.values().iterator(); it.hasNext(); ) {
                    Lane lane = it.next();
                    if (lane == current || lane.lastLine >= number - IDLE_LINES) {
                        return; // the rest wrote later
                    }
                    lane.flush();
                    it.remove();
                }
            }

            /** The place of an event a lane opens, or of a line it holds, after every place taken before. */
            Place take() {
                Place place = new Place();
                places.add(place);
                return place;
            }

            /** Hands on the events at the head of the places, up to the first still being folded. */
            void release() {
                for (Place head = places.peek(); head != null && head.done(); head = places.peek()) {
                    places.poll();
                    if (head.event != null) {
                        deliver(head.event);
                    }
                }
            }

            /** Ends the event being read in the line's lane, and every program's with it (a JSON record follows). */
            void flush() {
                if (lineStream != null) {
                    lane().flush();
                    return;
                }
                end(new ArrayList<>());
            }

            /** Ends the programs' events, if any is open, before a record is handed on as it is parsed. */
            void settle() {
                if (lineStream == null && !places.isEmpty()) {
                    flush();
                }
            }

            /** Ends every lane's event, the earliest first: the file ends. */
            void flushAll() {
                List<Lane> lanes = new ArrayList<>(containers.values());
                lanes.addAll(services.values());
                end(lanes);
            }

            /** Ends the events of {@code lanes}, the programs' and the file's, the earliest first. */
            private void end(List<Lane> lanes) {
                lanes.addAll(programs.values());
                lanes.add(file);
                // a lane's held line opens an event after other lanes' earlier ones: each event goes in its turn
                java.util.Comparator<Lane> byFirstLine = java.util.Comparator.comparingLong(Lane::firstLine);
                while (!lanes.isEmpty()) {
                    Lane earliest = java.util.Collections.min(lanes, byFirstLine);
                    if (earliest.endFirst()) {
                        lanes.remove(earliest);
                    }
                }
                programs.clear();
                current = file;
            }
        }

        /**
         * Where an event goes in the order of first lines ({@link Folder#places}): filled when the event ends, or
         * given up when the line held for it was folded into another.
         */
        private static final class Place {
            LogEvent event;
            boolean givenUp;

            boolean done() {
                return event != null || givenUp;
            }
        }

        /** One stream of lines being folded: the event pending, and a line held that may open a stack trace. */
        private final class Lane {
            /** The service of the lane's events: the file's, or the container the lines' prefix names. */
            final String laneService;
            /** The folder that hands the lane's events on in line order ({@link Folder#places}); null: as they end. */
            final Folder order;
            /** The places of the pending event and of the held line in that order, when the lane keeps one. */
            Place pendingPlace;
            Place heldPlace;
            /** The last line the lane took. */
            long lastLine;
            String pending;
            long pendingLine;
            int pendingLines;
            final StringBuilder folded = new StringBuilder();
            final ContinuationLines continuations = new ContinuationLines();
            /** The time the wrapper of the pending event's first line gave (docker's, a CRI runtime's), or none. */
            long pendingTime;
            /** The level the record of the pending event's first line gave, or unknown. */
            Severity pendingSeverity = Severity.UNKNOWN;
            /** Where the pending event's first line's body starts after its syslog tag, or -1. */
            int pendingTag = -1;
            /**
             * A line at the margin that may open a trace ({@link ContinuationLines#mayOpenTrace}, a Go function) or
             * be a heading ({@link ContinuationLines#mayHead}), until the next.
             */
            String held;
            /** Where the held line's body starts after its syslog tag ({@link ContinuationLines#programTagEnd}). */
            int heldTag = -1;
            long heldLine;
            long heldTime;
            Severity heldSeverity;
            /**
             * Indented lines after the held line that are no frames: the rest of an exception's message
             * ({@code org.postgresql.util.PSQLException: ERROR: ...}, then {@code   Position: 15}), before its frames;
             * or at the margin after a line ending with a colon ({@link ContinuationLines#goesOnAfterColon}).
             */
            final List<String> heldMessage = new ArrayList<>();
            /**
             * The held line was held as a title ({@link ContinuationLines#mayHead}), not as a trace's first line: the
             * next line folds it into the pending event when it heads a section there, and it opens an event of its own
             * otherwise, the lines after it read as they were before it was held.
             */
            boolean heldAsTitle;
            /** Where in {@link #folded} the pending event's message stood when a trace's exception took its place. */
            int promotedAt = -1;

            Lane(String laneService, Folder order) {
                this.laneService = laneService;
                this.order = order;
            }

            /**
             * A line of this lane, with the time its wrapper gave ({@code NO_TIME}: none), the level its record gave
             * (unknown: none) and where its body starts after a syslog tag ({@link ContinuationLines#programTagEnd}).
             */
            void line(long number, String text, long epochMillis, Severity severity, int tag) {
                read(number, text, epochMillis, severity, tag, true);
            }

            /**
             * Folds a line without a tag into the event being read, when it continues it; false, leaving the event
             * open, when it would start one of its own.
             */
            boolean continuedBy(long number, String text, long epochMillis, Severity severity) {
                return read(number, text, epochMillis, severity, -1, false);
            }

            private boolean read(long number, String text, long epochMillis, Severity severity, int tag,
                    boolean mayStart) {
                // a program's line under the syslog tag of the event's first: read as its own log's, by its body
                String anchor = held != null ? held : pending;
                int anchorTag = held != null ? heldTag : pendingTag;
                boolean tagged = anchor != null && anchorTag > 0 && tag > 0;
                // a tag with nothing after it (syslog's "cron[3]: ", H2's trace "jdbc[3]: ") is a record of its own,
                // and the program's line after it another
                boolean sameProgram = tagged && tag < text.length() && anchorTag < anchor.length()
                        && ContinuationLines.sameProgram(anchor, anchorTag, text, tag);
                String line = sameProgram ? text.substring(tag) : text;
                if (held != null && heldMessage.isEmpty() && continuations.headsSection(heldBody(), line)) {
                    fold(heldUnderPending());
                    giveUp(heldPlace);
                    held = null;
                    fold(line); // a heading under the record, and the rule under it
                    return true;
                }
                if (held != null && heldAsTitle) {
                    String title = held;
                    held = null; // no rule under it: an event of its own, as it was before it was held
                    start(heldLine, title, heldTime, heldSeverity, heldTag, heldPlace);
                }
                if (held != null) {
                    boolean frame = ContinuationLines.isFrame(line) || continuations.opensGoStack(heldBody(), line);
                    String above = heldMessage.isEmpty() ? heldBody() : heldMessage.get(heldMessage.size() - 1);
                    boolean indented = ContinuationLines.isIndented(line) && !ContinuationLines.isIndentedRecord(line);
                    if (!frame && heldMessage.size() < MAX_HELD_MESSAGE_LINES
                            && (indented || continuations.goesOnAfterColon(above, line))) {
                        heldMessage.add(line);
                        return true;
                    }
                    String exception = held;
                    String own = heldUnderPending();
                    held = null;
                    if (frame && !continuations.leavesTrace(own, line)) {
                        fold(own);
                        giveUp(heldPlace);
                    } else { // no stack, or one printed on its own after a routine line (Node's console.error)
                        start(heldLine, exception, heldTime, heldSeverity, heldTag, heldPlace);
                    }
                    heldMessage.forEach(this::fold);
                    heldMessage.clear();
                }
                if (tagged && !sameProgram) {
                    // another program's or process's line never continues this one's
                    start(number, text, epochMillis, severity, tag, null);
                    return true;
                }
                if (pending != null && continuations.isUncaughtTraceback(line)) {
                    if (!mayStart) {
                        return false;
                    }
                    // not logged with the line before: the interpreter's
                    start(number, text, epochMillis, severity, tag, null);
                    return true;
                }
                if (pending != null && continuations.promotes(line)) {
                    promote(text); // an uncaught exception: what it says is the event's message
                    return true;
                }
                String joined = pending != null ? continuations.joinable(line) : null;
                if (joined != null) {
                    // java.util.logging's, .NET's, Rails' record on two lines; Jetty's ends with a space already;
                    // ODL's brackets around a message of many lines go with the header's joining
                    String header = ContinuationLines.opensOdlMessage(pending)
                            ? pending.substring(0, pending.length() - ContinuationLines.ODL_OPEN.length()) : pending;
                    pending = (header.endsWith(" ") ? header : header + " ") + joined;
                    pendingLines++;
                } else if (pending != null && continuations.continues(line)) {
                    fold(line);
                } else if (pending != null && (ContinuationLines.mayOpenTrace(line)
                        || ContinuationLines.isGoFunction(line) || mayStart && continuations.mayHead(line))) {
                    heldAsTitle = !ContinuationLines.mayOpenTrace(line) && !ContinuationLines.isGoFunction(line);
                    held = text;
                    heldPlace = order != null ? order.take() : null;
                    heldTag = tag;
                    heldLine = number;
                    heldTime = epochMillis;
                    heldSeverity = severity;
                } else if (mayStart) {
                    start(number, underFirstsHeader(text, line), epochMillis, severity, tag, null);
                } else {
                    return false;
                }
                return true;
            }

            /**
             * {@code text}, whose own line is {@code line}, with the header of the open event's first line put in the
             * blanks before its level when rich's logging handler left out a time unchanged since that line ({@link
             * ContinuationLines#headerAbove}): the line reads as one with its time.
             */
            private String underFirstsHeader(String text, String line) {
                String filled = pending != null ? continuations.headerAbove(line) : null;
                return filled == null ? text : text.substring(0, text.length() - line.length()) + filled;
            }

            private void giveUp(Place place) {
                if (place != null) {
                    place.givenUp = true;
                    order.release();
                }
            }

            /**
             * The held line as it goes under the pending event: after its syslog tag when both have one (the program's
             * own line), else whole.
             */
            private String heldUnderPending() {
                return heldTag > 0 && pendingTag > 0 ? held.substring(heldTag) : held;
            }

            /** The held line as its program wrote it: after its syslog tag, if it has one. */
            private String heldBody() {
                return heldTag > 0 ? held.substring(heldTag) : held;
            }

            /**
             * Makes {@code text}, a trace's exception, the pending event's message: the lines before it (the trace's
             * first line, the source line Node shows) go under it, first. An exception made the message before (the
             * first of a chained Python traceback) goes back under it where it was, at {@link #promotedAt}.
             */
            private void promote(String text) {
                String before = promotedAt < 0 ? (folded.isEmpty() ? pending : pending + "\n" + folded)
                        : folded.substring(0, promotedAt) + "\n" + pending + folded.substring(promotedAt);
                folded.setLength(0);
                folded.append(before, 0, Math.min(before.length(), MAX_FOLDED_CHARS));
                promotedAt = folded.length();
                pending = text;
                pendingLines++;
            }

            private void fold(String text) {
                pendingLines++;
                if (folded.length() < MAX_FOLDED_CHARS) {
                    if (!folded.isEmpty()) {
                        folded.append('\n');
                    }
                    folded.append(text, 0, Math.min(text.length(), MAX_FOLDED_CHARS - folded.length()));
                }
            }

            /**
             * Opens an event with {@code text}; {@code tag}: where its body starts after a syslog tag, or -1; {@code
             * place}: the one taken when the line was held, or null for a new one.
             */
            private void start(long number, String text, long epochMillis, Severity severity, int tag, Place place) {
                deliverPending();
                pendingPlace = order == null ? null : place != null ? place : order.take();
                pendingTag = tag;
                continuations.started(pendingTag > 0 && pendingTag < text.length() ? text.substring(pendingTag) : text);
                promotedAt = -1;
                pending = text;
                pendingTime = epochMillis;
                pendingSeverity = severity;
                pendingLine = number;
                pendingLines = 1;
            }

            /** The line the pending event (or the held line) starts at; the largest value when there is neither. */
            long firstLine() {
                return pending != null ? pendingLine : held != null ? heldLine : Long.MAX_VALUE;
            }

            /**
             * Ends the event being read, the lane's first: true when nothing is left; the line held after it opens the
             * next, pending, when there is one.
             */
            boolean endFirst() {
                if (pending != null && held != null) {
                    startHeld(); // hands on the pending event
                    return false;
                }
                flush();
                return true;
            }

            /** Ends the event being read (and the line held after it, an event of its own). */
            void flush() {
                if (held != null) {
                    startHeld();
                }
                deliverPending();
            }

            /** Opens an event with the held line and the lines held under it. */
            private void startHeld() {
                String line = held;
                held = null;
                start(heldLine, line, heldTime, heldSeverity, heldTag, heldPlace);
                heldMessage.forEach(this::fold);
                heldMessage.clear();
            }

            private void deliverPending() {
                if (pending != null) {
                    TraceIdsInText.Ids ids = namesTraces || unlooked++ % TRACE_LOOK_EVERY == 0
                            ? TraceIdsInText.find(pending) : null; // trace_id=..., [app,trace,span], ...
                    namesTraces |= ids != null;
                    TraceId trace = ids == null ? null : ids.trace();
                    SpanId span = ids == null ? null : ids.span();
                    String text = pending;
                    String eventService = laneService;
                    long time = pendingTime;
                    Severity severity = pendingSeverity;
                    String under = folded.toString();
                    SlowQueryEntries.Entry query = SlowQueryEntries.of(pending, under);
                    JsonLogRecords.Trailing fields = query != null ? null
                            : records.trailing(pending); // "message {"service": ...}"
                    if (query != null) { // a slow query log's entry: its statement is what is mined
                        text = query.statement();
                        under = query.under();
                        time = time != LogHeader.NO_TIME ? time : query.epochMillis();
                    }
                    if (fields != null) {
                        String prefix = pending.substring(0, fields.start()).stripTrailing();
                        String message = fields.message();
                        if (message != null) { // "<syslog prefix> {"msg": ...}": a record behind a prefix
                            int newline = message.indexOf('\n');
                            text = prefix + " " + (newline < 0 ? message : message.substring(0, newline));
                            String rest = newline < 0 ? "" : message.substring(newline + 1);
                            String error = fields.error() == null || rest.contains(fields.error()) ? ""
                                    : fields.error();
                            under = Stream.of(rest, error, under).filter(part -> !part.isEmpty())
                                    .collect(Collectors.joining("\n"));
                            severity = fields.severity() != Severity.UNKNOWN ? fields.severity() : severity;
                        } else { // the message is mined; its fields go under it, with their error
                            text = prefix;
                            String object = pending.substring(fields.start() + 1);
                            under = object + (fields.error() == null || object.contains(fields.error()) ? ""
                                    : "\n" + fields.error()) + (under.isEmpty() ? "" : "\n" + under);
                        }
                        eventService = fields.service() != null ? fields.service() : eventService;
                        time = time != LogHeader.NO_TIME ? time : fields.epochMillis();
                        trace = trace != null ? trace : fields.traceId();
                        span = span != null || fields.traceId() == null ? span : fields.spanId();
                    }
                    int escaped = query == null && fields == null ? text.indexOf(ESCAPED_PHP_TRACE) : -1;
                    if (escaped > 0) { // Apache's escaped line breaks: the trace goes under the message, as PHP's own
                        String stack = text.substring(escaped + 2).replace("\\n", "\n");
                        under = under.isEmpty() ? stack : stack + "\n" + under;
                        text = text.substring(0, escaped);
                    }
                    LogEvent event = new LogEvent(source, pendingLine, pendingLines, eventService, text, true, under,
                            time, severity, trace, span);
                    pending = null;
                    folded.setLength(0);
                    events++;
                    if (order != null) {
                        pendingPlace.event = event;
                        order.release();
                    } else {
                        deliver(event);
                    }
                }
            }
        }

        /**
         * Whether this file's lines name their traces: until one is found, every 16th event is looked at (a file
         * without any costs a sixteenth of the look-up); from then on, every event.
         */
        private boolean namesTraces;
        private long unlooked;
    }

    /**
     * What the prefix a container's line was written under says ({@link CriLines}, {@link ComposePrefix}, {@link
     * Pm2Prefix}, {@link KubectlPrefix}), read once per line into a holder each reading loop reuses: where the
     * container's line starts, and, by which prefix it was, the runtime's time and CRI tag, or the container (compose's
     * service, pm2's app) it names.
     */
    private static final class LinePrefix {
        int contentStart;
        long time;
        int cri;
        String container;
        /** The pod and container ({@link KubectlPrefix#stream}), or null. */
        String stream;

        void read(byte[] bytes, int start, int length) {
            int end = start + length;
            int runtime = CriLines.contentStart(bytes, start, end);
            if (runtime >= 0) {
                contentStart = runtime;
                time = CriLines.epochMillis(bytes, start, runtime);
                cri = CriParts.kind(bytes, start, runtime);
                container = null;
                stream = null;
                return;
            }
            cri = CriParts.NONE;
            time = LogHeader.NO_TIME;
            int compose = ComposePrefix.contentStart(bytes, start, end);
            int pm2 = compose < 0 ? Pm2Prefix.contentStart(bytes, start, end) : -1;
            if (compose >= 0) {
                contentStart = compose;
                stream = ComposePrefix.replica(bytes, start, compose);
                container = ComposePrefix.service(bytes, start, compose);
            } else if (pm2 >= 0) {
                contentStart = pm2;
                stream = Pm2Prefix.process(bytes, start, pm2);
                container = Pm2Prefix.appOf(stream);
            } else {
                int kubectl = KubectlPrefix.contentStart(bytes, start, end);
                contentStart = kubectl >= 0 ? kubectl : start;
                stream = kubectl >= 0 ? KubectlPrefix.stream(bytes, start, kubectl) : null;
                container = stream != null ? KubectlPrefix.containerOf(stream) : null;
            }
            // --timestamps (docker logs -t, kubectl's): after compose's bar any time is docker's; elsewhere only a
            // runtime's nanosecond one is, or pm2's (--time)
            int stamped = compose >= 0 ? CriLines.afterTime(bytes, contentStart, end)
                    : CriLines.afterRuntimeTime(bytes, contentStart, end);
            if (stamped < 0) {
                stamped = CriLines.afterPm2Time(bytes, contentStart, end);
            }
            int labelled = stamped < 0 ? SupervisorStamps.after(bytes, contentStart, end) : -1;
            if (labelled >= 0) { // a supervisor's logger's stamp (multilog, svlogd, s6-log)
                time = SupervisorStamps.epochMillis(bytes, contentStart);
                contentStart = labelled;
            } else if (stamped >= 0) {
                time = CriLines.epochMillis(bytes, contentStart, stamped);
                contentStart = stamped;
            }
        }
    }

    /** A block of lines and how many lines of the file came before it. */
    private record Block(LineChunk chunk, long linesBefore) {
    }

    /**
     * One line as a worker left it: overlong; a JSON line (its bytes, and what parsing it gave when it was a record:
     * null to read it as text); or a text line decoded (its bytes kept too, for a record spread over lines). Bytes
     * and offsets are the container's line when a CRI runtime's prefix was taken off, {@code time} that runtime's
     * ({@code NO_TIME} when there was none), {@code cri} its stream and tag ({@link CriParts#kind}; a part of a
     * split line is left unparsed, as is a blank whole line, which may end parts), {@code container} the one a
     * {@code kubectl logs --prefix} prefix named (null: none), {@code stream} its pod and container.
     */
    private record Line(long number, boolean overlong, byte[] bytes, int start, int length, long time, Recorded json,
            Text text, int cri, String container, String stream) {
    }

    /** A text line as mined: at most {@link #MAX_MINED_CHARS} characters, and whether it was cut. */
    /** @param nulBytes NUL characters in the text (a crash's padding), 0 nearly always */
    private record Text(String text, boolean truncated, int nulBytes) {
        /**
         * What auditd's enriched format writes between a record's fields and their meanings ({@code
         * res=success<GS>AUID="root"}): a space, or the tokenizer reads the two as one word.
         */
        private static final char GROUP_SEPARATOR = '\u001d';

        static Text of(byte[] bytes, int start, int fullLength) {
            int length = Math.min(fullLength, MAX_MINED_CHARS * 4); // decode no more than can be mined
            for (int back = 0; back < 3 && length < fullLength && (bytes[start + length] & 0xC0) == 0x80; back++) {
                length--; // not through a character: a cut UTF-8 sequence would make the line look like another code
            }
            String text = EscapeCodes.strip(LogEncoding.decodeLine(bytes, start, length))
                    .replace(GROUP_SEPARATOR, ' ');
            boolean truncated = text.length() > MAX_MINED_CHARS || length < fullLength;
            if (truncated) {
                text = text.substring(0, Math.min(text.length(), MAX_MINED_CHARS));
            }
            return new Text(text, truncated, text.indexOf('\0') < 0 ? 0 : nulBytes(text));
        }

        private static int nulBytes(String text) {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\0') {
                    n++;
                }
            }
            return n;
        }
    }

    /** What parsing a JSON line gave, in order, to be handed on by the reading thread. */
    private static final class Recorded implements Out {
        private final List<Object> items = new ArrayList<>();

        @Override
        public void deliver(LogEvent event) {
            items.add(event);
        }

        @Override
        public void problem(String location, String reason, String kind) {
            items.add(new String[] {location, reason, kind});
        }

        @Override
        public void events(long n) {
            items.add(n);
        }

        /**
         * Whether the line gave log records and nothing was wrong with it: a JSON log line, not a JSON value that only
         * parses (a payload printed under a text line, which stays text there).
         */
        @Override
        public void containerLine(long line, String service, String text, long epochMillis, Severity severity) {
            items.add(new ContainerLine(line, service, text, epochMillis, severity));
        }

        /** Whether the line was a container's line in docker's wrapper ({@link Out#containerLine}). */
        boolean isContainerLine() {
            return items.size() == 1 && items.get(0) instanceof ContainerLine;
        }

        boolean isLogRecord() {
            boolean events = false;
            for (Object item : items) {
                if (item instanceof String[]) {
                    return false;
                }
                events |= item instanceof LogEvent || item instanceof ContainerLine;
            }
            return events;
        }

        void replay(Out out) {
            for (Object item : items) {
                if (item instanceof LogEvent event) {
                    out.deliver(event);
                } else if (item instanceof ContainerLine c) {
                    out.containerLine(c.line(), c.service(), c.text(), c.epochMillis(), c.severity());
                } else if (item instanceof String[] problem) {
                    out.problem(problem[0], problem[1], problem[2]);
                } else {
                    out.events((Long) item);
                }
            }
        }
    }

    private record ContainerLine(long line, String service, String text, long epochMillis, Severity severity) {
    }

    /** A JSON value spread over lines (pretty-printed OTLP): the first line alone does not parse. */
    private boolean isJsonDocument(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.isEmpty() || text.charAt(0) != '{' && text.charAt(0) != '[') {
            return false;
        }
        if (text.charAt(0) == '[') {
            String rest = text.substring(1).stripLeading();
            if (!rest.isEmpty() && rest.charAt(0) != '{' && rest.charAt(0) != '[' && rest.charAt(0) != ']') {
                return false; // "[Sun Dec 04 04:47:44 2005] [notice] ..." is a log line, not a JSON array
            }
        }
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return head.length < (1 << 16) && text.charAt(0) == '[';
        }
        // the first line opens something longer (a pretty-printed document, an array written a record per line);
        // else whole, or a broken first line of JSON lines: reported with the others, the rest still read
        int start = Texts.skipBomAndWhitespace(head, 0, head.length);
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        return JsonValues.opensValue(json.getFactory(), head, start, end);
    }

    /**
     * The byte a JSON text sequence (RFC 7464: {@code journalctl -o json-seq}, {@code jq --seq}) writes before
     * each record.
     */
    private static final byte RECORD_SEPARATOR = 0x1E;

    /** Where a line's content starts after the record separator a JSON text sequence opens it with, if any. */
    private static int afterRecordSeparator(byte[] bytes, int from, int to) {
        int at = Texts.skipBomAndWhitespace(bytes, from, to);
        return at < to && bytes[at] == RECORD_SEPARATOR ? at + 1 : from;
    }

    /** {@code {"resourceLogs"} at the start of a record: the OTLP request, streamed. */
    private static boolean startsWithResourceLogs(byte[] bytes, int from, int to) {
        int i = Texts.skipBomAndWhitespace(bytes, from, to);
        if (i >= to || bytes[i] != '{') {
            return false;
        }
        i = Texts.skipBomAndWhitespace(bytes, i + 1, to);
        byte[] key = "\"resourceLogs\"".getBytes(StandardCharsets.US_ASCII);
        if (to - i < key.length) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (bytes[i + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    /** A JSON parser's complaint, redacted: it quotes the text it stopped at, which may be personal data. */
    static String jsonError(IOException e) {
        return REDACTOR.redact(originalMessage(e));
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException j ? String.valueOf(j.getOriginalMessage())
                : String.valueOf(e.getMessage());
    }

    private static String describe(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
