package dev.sloscout.app.cli;

import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintStream;

/** What every trace-reading subcommand shares: the process streams, the assembly memory bound, the threads. */
abstract class TraceCommand {
    protected final InputStream stdin;
    protected final PrintStream out;
    protected final PrintStream err;

    @Option(names = "--max-open-spans", paramLabel = "N", defaultValue = "1000000",
            description = "Spans held in open traces at most (bounds memory; default ${DEFAULT-VALUE}).")
    int maxOpenSpans;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads to decompress, decode, assemble traces and mine with (default: the machine's "
                    + "cores). The result is the same whatever the number.")
    Integer threads;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "How far each source has been read, on stderr: auto (in place, when stderr is a terminal), "
                    + "always (a line per update, e.g. for CI logs), never (default ${DEFAULT-VALUE}).")
    String progress;

    /** The printer {@code --progress} asks for, or null for none; a value it does not know is a usage error. */
    ProgressPrinter progressPrinter() {
        return switch (progress) {
            case "always" -> new ProgressPrinter(err, false, System::nanoTime, java.time.Duration.ofSeconds(5));
            case "auto" -> !Terminals.stderrIsATerminal() ? null
                    : new ProgressPrinter(err, true, System::nanoTime, java.time.Duration.ofMillis(500));
            case "never" -> null;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--progress " + progress + ": expected auto, always or never");
        };
    }

    /** Reads the trace inputs into the analyses, saying how far on stderr as {@code --progress} asks. */
    dev.sloscout.pipeline.Ingestion.Result read(java.util.List<String> inputs,
            dev.sloscout.engine.trace.TraceListener... analyses) {
        return withProgress(progress -> dev.sloscout.pipeline.Ingestion.run(inputs, stdin, maxOpenSpans, threads(),
                progress, analyses));
    }

    /** Runs {@code reading} with the status listener {@code --progress} asks for, and ends the progress after it. */
    <T> T withProgress(java.util.function.Function<dev.sloscout.pipeline.Pipeline.Listener, T> reading) {
        ProgressPrinter printer = progressPrinter();
        if (printer == null) {
            return reading.apply((index, status) -> { });
        }
        try {
            return reading.apply(printer::source);
        } finally {
            printer.finish();
        }
    }

    /** The threads asked for, or the machine's cores. */
    int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    TraceCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }
}
