package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.connectors.files.Inputs;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.capsule.Template;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slo-scout fingerprint FILE --csv}: the template of every line of a log file. Two passes: the first mines the
 * templates, the second labels each line with the template it ended up in, so early lines get the same (final) id as
 * late ones and memory stays bounded by the templates, not the lines.
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = {"Mines log templates and prints one CSV row per input line: LineId,TemplateId,Template.",
                "Plain text (headers recognised without configuration), JSON lines, docker JSON, OTLP/JSON logs; "
                        + "plain, .gz, .zst, .xz or .bz2. Lines of a folded stack trace get the template of their "
                        + "event."})
final class FingerprintCommand implements Callable<Integer> {
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "FILE", description = "The log file; '-' reads standard input.")
    String input;

    @Option(names = "--csv", description = "CSV output (the default and only format).")
    boolean csv = true;

    private final Clock clock;

    FingerprintCommand(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        this.clock = clock;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Path file = input.equals("-") ? spool() : Path.of(input);
        if (!Inputs.isReadable(file)) { // a file, or one inside an archive (archive.tar.gz!/app.log)
            err.println("slo-scout: " + input + ": no such file");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        List<Problem> problems = new ArrayList<>();
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, clock);
        long events = new LogFileReader(capsules, problems::add).read(file);
        PrintWriter csvOut = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16));
        csvOut.print("LineId,TemplateId,Template\n");
        long[] rows = {0};
        new LogFileReader(event -> label(capsules, event, csvOut, rows), p -> { }).read(file);
        csvOut.flush();
        if (input.equals("-")) {
            Files.deleteIfExists(file);
        }
        problems.forEach(p -> err.println("slo-scout: " + p.toLine()));
        err.printf("%d lines, %d events, %d templates%n", rows[0], events, capsules.templateCount());
        if (events == 0) {
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        return problems.isEmpty() ? 0 : SloScoutCommand.EXIT_PROBLEMS;
    }

    private static void label(CapsuleAccumulator capsules, LogEvent event, PrintWriter csv, long[] rows) {
        Template template = capsules.templateOf(event);
        String quoted = Csv.field(template.text());
        for (int i = 0; i < event.lines(); i++) {
            csv.print(event.line() + i);
            csv.print(',');
            csv.print(template.id());
            csv.print(',');
            csv.print(quoted);
            csv.print('\n');
            rows[0]++;
        }
    }

    private Path spool() throws IOException {
        Path temp = Files.createTempFile("slo-scout-stdin", ".log");
        Files.copy(stdin, temp, StandardCopyOption.REPLACE_EXISTING);
        return temp;
    }

    /** RFC 4180 fields: quoted when they hold a comma, quote or line break. */
    static final class Csv {
        private Csv() {
        }

        static String field(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
