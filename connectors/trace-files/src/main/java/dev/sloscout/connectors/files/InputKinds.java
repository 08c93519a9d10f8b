package dev.sloscout.connectors.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts input files into trace files and log files by their content (decompressed first), so one command can take
 * both: whatever the trace decoders recognise is traces, everything else is read as logs.
 */
public final class InputKinds {
    /** Inputs split by kind; folders are expanded, {@code -} (standard input) counts as traces. */
    public record Split(List<String> traces, List<Path> logs) {
    }

    private InputKinds() {
    }

    public static Split split(List<String> inputs) {
        List<String> traces = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals(TraceFileReader.STDIN)) {
                traces.add(input);
                continue;
            }
            Path path = Path.of(input);
            List<Path> files = Files.isDirectory(path) ? TraceFileReader.filesUnder(path, problem -> { }) : List.of(path);
            if (files.isEmpty()) {
                traces.add(input); // the trace reader says what is wrong with it
            }
            for (Path file : files) {
                if (isLogFile(file)) {
                    logs.add(file);
                } else {
                    traces.add(file.toString());
                }
            }
        }
        return new Split(traces, logs);
    }

    /** True when the file's content is not a trace format (an unreadable file is left to the trace reader to report). */
    public static boolean isLogFile(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream in = Compression.decompressed(raw);
            byte[] head = Compression.peek(in, FormatSniffer.SNIFF_BYTES);
            return head.length > 0 && FormatSniffer.sniff(head).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
