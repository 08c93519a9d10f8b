package dev.sloscout.connectors.files;

import dev.sloscout.engine.model.Problem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts input files into trace files and log files by their content (decompressed first), so one command can take
 * both: whatever the trace decoders recognise is traces; text that is not a damaged trace file or an OTLP metrics
 * export is logs; the rest (binary content, broken trace documents, metrics, pipes and devices) goes to the trace
 * reader, which says in one problem what it is and reads on.
 */
public final class InputKinds {
    /**
     * Inputs split by kind; folders are expanded, {@code -} (standard input) counts as traces. {@code problems} are
     * what could not be listed (an unreadable subfolder, a pipe inside a folder): the rest is still read.
     */
    public record Split(List<String> traces, List<Path> logs, List<Problem> problems) {
    }

    private InputKinds() {
    }

    public static Split split(List<String> inputs) {
        List<String> traces = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals(TraceFileReader.STDIN)) {
                traces.add(input);
                continue;
            }
            Path path = Path.of(input);
            List<Path> files = Inputs.expand(path, problems::add);
            if (files.isEmpty() && Inputs.archiveOf(path) == null) {
                traces.add(input); // the trace reader says what is wrong with it (an empty archive is said above)
            }
            for (Path file : files) {
                if (isLogFile(file)) {
                    logs.add(file);
                } else if (!TraceFileReader.nameRoundTrips(file)) { // trace sources travel by name
                    problems.add(new Problem(file.toString(), "", "a trace file whose name is not valid in this "
                            + "system's file name encoding (" + System.getProperty("sun.jnu.encoding")
                            + "): skipped; rename it, or run with a UTF-8 locale (LANG=C.UTF-8) if it is UTF-8"));
                } else {
                    traces.add(file.toString());
                }
            }
        }
        return new Split(traces, logs, List.copyOf(problems));
    }

    /**
     * True when the file is a regular file whose content is text (UTF-8, 8-bit or UTF-16: {@link LogEncoding}) and no
     * trace format, damaged or not. Pipes and devices are never opened here (a FIFO would block, {@code /dev/zero}
     * never end); an unreadable file is left to the trace reader to report.
     */
    public static boolean isLogFile(Path file) {
        if (!Inputs.isReadable(file)) {
            return false;
        }
        try (InputStream raw = Inputs.open(file); BufferedInputStream in = Compression.decompressed(raw)) {
            byte[] head = Compression.peek(in, FormatSniffer.SNIFF_BYTES);
            return head.length > 0 && FormatSniffer.sniff(head).isEmpty()
                    && LogEncoding.sniff(head) != LogEncoding.Kind.BINARY
                    && !FormatSniffer.looksLikeDamagedTraces(head) && !FormatSniffer.isOtlpMetrics(head)
                    || LogFileReader.protobufLogs(head) != null; // OTLP logs in protobuf
        } catch (IOException e) {
            return false;
        }
    }

    /** What a file that is not read as logs is: a trace format by name, or why not (binary, damaged traces). */
    public static String describe(Path file) {
        try (InputStream raw = Inputs.open(file); BufferedInputStream in = Compression.decompressed(raw)) {
            byte[] head = Compression.peek(in, FormatSniffer.SNIFF_BYTES);
            return FormatSniffer.sniff(head).map(f -> "a trace file, " + f.displayName())
                    .orElseGet(() -> looksLikeText(head) ? FormatSniffer.describe(head) : "binary content");
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * Text as logs are: no NUL byte but in runs of at least {@link #PADDING_NULS} (the blocks of zeros a crash leaves
     * in a file that was being written), and at most 1 in 20 of the other bytes a control character other than tab,
     * newline, carriage return or escape (colour codes). UTF-8 and Latin-1 letters pass; random bytes and binaries
     * do not.
     */
    static boolean looksLikeText(byte[] head) {
        int control = 0;
        int padding = 0;
        for (int i = 0; i < head.length; i++) {
            int c = head[i] & 0xFF;
            if (c == 0) {
                int end = i;
                while (end < head.length && head[end] == 0) {
                    end++;
                }
                if (end - i < PADDING_NULS) {
                    return false;
                }
                padding += end - i;
                i = end - 1;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x1B || c == 0x7F) {
                control++;
            }
        }
        return control * 20L <= head.length - padding;
    }

    /** A run of NUL bytes at least this long is padding left by a crash, not binary content. */
    static final int PADDING_NULS = 16;
}
