package dev.sloscout.connectors.files;

import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.trace.SpanSink;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Reads trace files, folders and standard input: decompresses (gzip, zstd), detects the format from content, and
 * decodes into a {@link SpanSink}. Problems go to a {@link ProblemSink}; one bad file never stops the others.
 */
public final class TraceFileReader {
    /** The name that stands for standard input. */
    public static final String STDIN = "-";

    private final SpanSink spans;
    private final ProblemSink problems;
    private final BooleanSupplier cancelled;
    private final InputStream stdin;
    private final int threads;
    private Progress progress = Progress.NONE;

    /**
     * How far the reader has got, told on the reading thread: a source starts, its bytes read so far (compressed, a
     * megabyte at a time; files only), its report when it is done. Sources come one after the other.
     */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        /** @param size the file's size in bytes, -1 when unknown (standard input) */
        default void started(String source, long size) {
        }

        default void read(String source, long bytes) {
        }

        default void ended(SourceReport report) {
        }
    }

    public TraceFileReader(SpanSink spans, ProblemSink problems, BooleanSupplier cancelled, InputStream stdin) {
        this(spans, problems, cancelled, stdin, 1);
    }

    /**
     * @param threads threads a source may be decoded with: compressed input is decompressed on one of its own, and
     *                formats made of records (JSON lines, framed protobuf) are decoded record by record on workers,
     *                the spans still handed over in the order of the file
     */
    public TraceFileReader(SpanSink spans, ProblemSink problems, BooleanSupplier cancelled, InputStream stdin,
            int threads) {
        this.spans = spans;
        this.problems = problems;
        this.cancelled = cancelled;
        this.stdin = stdin;
        this.threads = Math.max(1, threads);
    }

    public TraceFileReader(SpanSink spans, ProblemSink problems) {
        this(spans, problems, () -> false, System.in);
    }

    /** Tells {@code progress} how far each source has got; returns this reader. */
    public TraceFileReader withProgress(Progress progress) {
        this.progress = java.util.Objects.requireNonNull(progress);
        return this;
    }

    /**
     * Reads each input in order; folders are walked (sorted, hidden files skipped) and archives opened (the files in
     * them, in their order: {@link Inputs}).
     */
    public List<SourceReport> read(List<String> inputs) {
        List<SourceReport> reports = new ArrayList<>();
        try {
            for (String input : inputs) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                if (input.equals(STDIN)) {
                    progress.started("<stdin>", -1);
                    reports.add(ended(read("<stdin>", stdin)));
                    continue;
                }
                for (Path file : Inputs.expand(Path.of(input), problems)) { // the file itself, unless it holds more
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    reports.add(read(file));
                }
            }
        } finally {
            Inputs.release();
        }
        return reports;
    }

    public SourceReport read(Path file) {
        String source = file.toString();
        if (!Inputs.isReadable(file)) {
            progress.started(source, -1);
            problems.report(new Problem(source, "", !Files.exists(file) ? "no such file" : Files.isDirectory(file)
                    ? "a folder" : "not a regular file (a pipe or device is not read; give - to read standard "
                    + "input)"));
            return ended(new SourceReport(source, null, 0, 1));
        }
        progress.started(source, Inputs.size(file));
        try (InputStream in = progress == Progress.NONE ? Inputs.open(file)
                : new CountingInputStream(Inputs.open(file), bytes -> progress.read(source, bytes))) {
            return ended(read(source, in));
        } catch (IOException e) {
            problems.report(new Problem(source, "", "cannot open: " + e.getMessage()));
            return ended(new SourceReport(source, null, 0, 1));
        }
    }

    private SourceReport ended(SourceReport report) {
        progress.ended(report);
        return report;
    }

    /** Reads one stream; the caller owns (and closes) it. */
    public SourceReport read(String source, InputStream raw) {
        DecodeContext context = new DecodeContext(source, spans, problems, cancelled, threads);
        TraceFormat format = null;
        try (BufferedInputStream in = Compression.decompressedBorrowing(raw, threads)) {
            byte[] head = Compression.peek(in, FormatSniffer.SNIFF_BYTES);
            Optional<TraceFormat> sniffed = FormatSniffer.sniff(head);
            if (sniffed.isEmpty()) {
                context.reject("", FormatSniffer.describe(head));
                return new SourceReport(source, null, 0, context.rejectedCount());
            }
            if (LogFileReader.protobufLogs(head) != null) {
                context.reject("", "OTLP logs in protobuf, not traces: read as a log file (analyze and search do)");
                return new SourceReport(source, null, 0, context.rejectedCount());
            }
            format = sniffed.get();
            decoderFor(format).decode(in, context);
            if (context.spanCount() == 0 && context.rejectedCount() == 0 && !context.isCancelled()) {
                context.reject("", "no spans found in it (read as " + format.displayName() + ")");
            }
        } catch (EOFException e) {
            // xz decodes a chunk (up to 2 MiB of text) once it has all of it: a cut inside the first leaves nothing
            context.reject("", context.spanCount() > 0 ? "the compressed stream is truncated; spans before the cut"
                    + " were kept" : "the compressed stream is truncated before anything in it could be read");
        } catch (IOException | UncheckedIOException e) {
            context.reject("", "read failed: " + e.getMessage() + (context.spanCount() > 0
                    ? "; spans before the failure were kept" : "; nothing in it could be read before the failure"));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            context.reject("", UnexpectedFault.reason(e, "spans")); // this file's reading ends, not the run
        }
        return new SourceReport(source, format, context.spanCount(), context.rejectedCount());
    }

    static TraceDecoder decoderFor(TraceFormat format) {
        return switch (format) {
            case OTLP_JSON -> new OtlpJsonDecoder();
            case OTLP_PROTO -> new OtlpProtoDecoder(false);
            case OTLP_FRAMED -> new OtlpProtoDecoder(true);
            case JAEGER_JSON -> new JaegerJsonDecoder();
            case ZIPKIN_JSON -> new ZipkinJsonDecoder();
            case XRAY_JSON -> new XRayJsonDecoder();
        };
    }

    /**
     * The regular files under a folder, sorted, hidden ones and docker's own beside a container's log
     * ({@link DockerContainers#isOwnFile}) skipped. Symbolic links are followed (a node's
     * {@code /var/log/containers} holds links to the pods' logs, a rotated log's name often links to the newest), and a
     * file reached twice, by its path and through a link, is read once, under its first name in sorted order. What
     * cannot be listed (an unreadable subfolder, a link in a loop), a broken link and what is no regular file (a pipe,
     * a socket, a device) is one problem each; the rest is listed.
     */
    static List<Path> filesUnder(Path folder, ProblemSink problems) {
        java.util.Map<Path, Object> found = new java.util.TreeMap<>();
        try {
            Files.walkFileTree(folder, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith(".") || DockerContainers.isOwnFile(file)) {
                        return FileVisitResult.CONTINUE; // hidden, or docker's own beside a container's log
                    }
                    if (attributes.isRegularFile()) {
                        found.put(file, attributes.fileKey() != null ? attributes.fileKey() : file);
                    } else if (attributes.isSymbolicLink()) {
                        problems.report(new Problem(file.toString(), "", "a broken symbolic link (to "
                                + linkTarget(file) + "): skipped"));
                    } else if (!attributes.isDirectory()) {
                        problems.report(new Problem(file.toString(), "", "not a regular file (a pipe, socket or "
                                + "device): skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    boolean loop = e instanceof java.nio.file.FileSystemLoopException;
                    String reason = loop ? "a symbolic link to a folder that holds it: not followed"
                            : "cannot read: " + describe(e);
                    problems.report(new Problem(file.toString(), "", reason));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.report(new Problem(folder.toString(), "", "cannot list folder: " + describe(e)));
        }
        java.util.Set<Object> read = new java.util.HashSet<>();
        List<Path> files = new ArrayList<>(found.size());
        found.forEach((file, key) -> {
            if (read.add(key)) {
                files.add(file);
            }
        });
        if (files.size() < found.size()) {
            int twice = found.size() - files.size();
            problems.report(new Problem(folder.toString(), "", twice + (twice == 1 ? " file" : " files")
                    + " reached twice (by a path and through a symbolic link): read once"));
        }
        return files;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "where it points";
        }
    }

    /**
     * False for a name the platform decoded with replacements (Latin-1 bytes in a UTF-8 name, any non-ASCII byte in a
     * C locale): its text names no file, so it can be read only through its {@link Path}.
     */
    static boolean nameRoundTrips(Path file) {
        try {
            return Path.of(file.toString()).equals(file);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
