package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Ingestion;
import dev.sloscout.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/** {@code slo-scout}: the headless CLI. Subcommands print results on stdout and one line per problem on stderr. */
@Command(name = "slo-scout",
        mixinStandardHelpOptions = true,
        versionProvider = SloScoutCommand.VersionProvider.class,
        description = {"SLO-Scout Workbench: telemetry in, defensible SLOs and ready-to-deploy artifacts out.",
                "Run without arguments to open the workbench; 'slo-scout FILE|FOLDER...' opens it on those inputs",
                "('--screenshot DIR' writes its views and exits)."},
        footer = {"", "Exit codes: 0 success; 1 input had problems but results were produced; 2 nothing usable or usage error;",
            "3 the bundle broke a blocking rule of --policy (only the policy report is written)."},
        subcommands = {IngestStatsCommand.class, JourneysCommand.class, AnalyzeCommand.class, FingerprintCommand.class,
            SearchCommand.class, AdviseCommand.class, MetricsSlisCommand.class,
            ReceiveCommand.class, KafkaCommand.class, DemoDataCommand.class, DiffCommand.class, PublishCommand.class, ServeCommand.class,
            StreamCommand.class})
public final class SloScoutCommand implements Runnable {
    /** Exit code: results were produced, but some input had problems. */
    public static final int EXIT_PROBLEMS = 1;
    /** Exit code: the bundle broke a blocking policy rule; only the policy report was written. */
    public static final int EXIT_POLICY = 3;
    /** Exit code: nothing usable, or a usage error. */
    public static final int EXIT_UNUSABLE = 2;

    /** Exit code of a trace ingestion by the CLI contract: 0 clean, 1 problems but spans were read, 2 nothing usable. */
    static int exitCode(dev.sloscout.pipeline.Ingestion.Result ingestion) {
        if (ingestion.summary().rejected() == 0) {
            return 0;
        }
        return ingestion.summary().spans() > 0 ? EXIT_PROBLEMS : EXIT_UNUSABLE;
    }

    /** Whether a word names one of the subcommands (else a bare word on the command line is an input to open). */
    public static boolean isCommand(String word) {
        for (Class<?> sub : SloScoutCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (command != null && (command.name().equals(word) || java.util.Arrays.asList(command.aliases())
                    .contains(word))) {
                return true;
            }
        }
        return word.equals("help");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an unexpected failure, also print its stack trace (it is always kept in "
                    + "~/.slo-scout/logs/).")
    boolean debug;

    /** Runs the CLI with explicit streams (tests call this in-process). */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        return run(args, stdin, out, err, java.time.Clock.systemUTC());
    }

    /** As above, with the present from {@code clock} (the one place the CLI reads the wall clock). */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream rawErr,
            java.time.Clock clock) {
        PrintStream err = new TerminalSafeStream(rawErr); // problems quote data: no escape sequence reaches a terminal
        CommandLine commandLine = commandLine(stdin, out, err, clock);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setParameterExceptionHandler((ex, a) -> {
            err.println("slo-scout: " + ex.getMessage());
            err.println("Try 'slo-scout --help'.");
            return EXIT_UNUSABLE;
        });
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        commandLine.setExecutionExceptionHandler((ex, cl, parsed) -> crashed(ex, args, err, debug, clock));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) { // picocli hands on Errors: still one line, a log file and a usable exit code
            return crashed(e, args, err, debug, clock);
        }
    }

    /** The command tree, every subcommand built with the given streams (tests walk it to check its help). */
    static CommandLine commandLine(InputStream stdin, PrintStream out, PrintStream err, java.time.Clock clock) {
        return new CommandLine(new SloScoutCommand(), new CommandFactory(stdin, out, err, clock));
    }

    /** An unexpected failure: one line on stderr naming the log file that has the stack trace; exit 2. */
    static int crashed(Throwable failure, String[] args, PrintStream err, boolean debug, java.time.Clock clock) {
        java.nio.file.Path log = dev.sloscout.app.CrashLog.write(dev.sloscout.app.CrashLog.home(), clock,
                "slo-scout " + String.join(" ", args), failure);
        String what = failure instanceof OutOfMemoryError
                ? "out of memory (" + failure.getMessage() + "): nothing was written past this point; give the JVM "
                        + "more heap (JAVA_TOOL_OPTIONS=-Xmx4g) or lower --max-open-spans"
                : dev.sloscout.app.CrashLog.oneLine(failure);
        err.println("slo-scout: " + what + (log == null ? "" : " (details in " + log + ")"));
        if (debug) {
            failure.printStackTrace(err);
        }
        return EXIT_UNUSABLE;
    }

    /** Hands each subcommand the process streams, so nothing reaches for {@code System.out} itself. */
    private record CommandFactory(InputStream stdin, PrintStream out, PrintStream err, java.time.Clock clock)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == IngestStatsCommand.class) {
                return type.cast(new IngestStatsCommand(stdin, out, err));
            }
            if (type == JourneysCommand.class) {
                return type.cast(new JourneysCommand(stdin, out, err));
            }
            if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(out, err, System.getenv(), dev.sloscout.app.CrashLog.home(), clock));
            }
            if (type == PublishCommand.class) {
                return type.cast(new PublishCommand(out, err, System.getenv(), dev.sloscout.app.CrashLog.home()));
            }
            if (type == DiffCommand.class) {
                return type.cast(new DiffCommand(stdin, out, err, clock));
            }
            if (type == AnalyzeCommand.class) {
                return type.cast(new AnalyzeCommand(stdin, out, err, clock));
            }
            if (type == FingerprintCommand.class) {
                return type.cast(new FingerprintCommand(stdin, out, err, clock));
            }
            if (type == StreamCommand.class) {
                return type.cast(new StreamCommand(out, err, clock));
            }
            if (type == KafkaCommand.class) {
                return type.cast(new KafkaCommand(out, err, clock));
            }
            if (type == ReceiveCommand.class) {
                return type.cast(new ReceiveCommand(out, err, clock));
            }
            if (type == MetricsSlisCommand.class) {
                return type.cast(new MetricsSlisCommand(out, err, clock));
            }
            if (type == AdviseCommand.class) {
                return type.cast(new AdviseCommand(stdin, out, err, clock));
            }
            if (type == SearchCommand.class) {
                return type.cast(new SearchCommand(out, err, clock));
            }
            if (type == DemoDataCommand.class) {
                return type.cast(new DemoDataCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"slo-scout " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    HeapSettings.current().describe()};
        }
    }
}
