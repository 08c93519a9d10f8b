package dev.sloscout.app.cli;

import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintStream;

/** What every trace-reading subcommand shares: the process streams and the assembly memory bound. */
abstract class TraceCommand {
    protected final InputStream stdin;
    protected final PrintStream out;
    protected final PrintStream err;

    @Option(names = "--max-open-spans", paramLabel = "N", defaultValue = "1000000",
            description = "Spans held in open traces at most (bounds memory; default ${DEFAULT-VALUE}).")
    int maxOpenSpans;

    TraceCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }
}
