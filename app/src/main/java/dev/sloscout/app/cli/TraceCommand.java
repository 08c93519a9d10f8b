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
