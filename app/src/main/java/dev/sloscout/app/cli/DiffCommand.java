package dev.sloscout.app.cli;

import dev.sloscout.engine.model.Problem;
import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.compare.Diff;
import dev.sloscout.pipeline.compare.DiffDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code slo-scout diff BASELINE... --against CANDIDATE...}, or one set of files cut by {@code --split-at TIME} or
 * {@code --window FROM..TO --against-window FROM..TO}, or by a resource attribute ({@code --attribute
 * service.version=1.4.2 --against-attribute service.version=1.4.3}): what changed between the two, tested and ranked.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two populations of traces and logs (two dumps, or two time windows of one) and ranks "
                + "what changed: journeys appeared or vanished, traffic, error ratio and latency; inside a changed "
                + "journey the operations, calls and error sources that explain it; log templates new, gone or "
                + "more frequent; each baseline SLO's budget burn on both sides. Every change is tested, corrected "
                + "for many comparisons (Holm) and shown with its 95%% interval; only significant ones are flagged.",
                "Exit code 0 when both sides were read cleanly (changes or not), 1 when some input had problems, "
                        + "2 when nothing could be compared."})
final class DiffCommand extends TraceCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "BASELINE", description = "Files or folders of the baseline (or of both "
            + "sides with --split-at / --window).")
    List<String> inputs;

    @Option(names = "--against", arity = "1..*", paramLabel = "CANDIDATE",
            description = "Files or folders of the candidate side.")
    List<String> against;

    @Option(names = "--split-at", paramLabel = "TIME",
            description = "One set of files: traces that start before TIME (ISO-8601, e.g. 2024-05-01T12:00:00Z) are "
                    + "the baseline, the rest the candidate.")
    String splitAt;

    @Option(names = "--window", paramLabel = "FROM..TO", description = "The baseline's time window (either end may "
            + "be left out); with --against-window.")
    String window;

    @Option(names = "--against-window", paramLabel = "FROM..TO", description = "The candidate's time window.")
    String againstWindow;

    @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "One set of files: traces with a span "
            + "of this resource attribute value (e.g. service.version=1.4.2) are the baseline; with --against-attribute.")
    String attribute;

    @Option(names = "--against-attribute", paramLabel = "KEY=VALUE", description = "The candidate's resource "
            + "attribute value (e.g. service.version=1.4.3); a trace with both is the candidate's.")
    String againstAttribute;

    @Option(names = "--json", description = "Print diff.json on standard output instead of the summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write diff.json and diff.md (with the evidence "
            + "trace ids) into DIR.")
    Path outDir;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15",
            description = "Significant changes printed in the summary (default ${DEFAULT-VALUE}).")
    int top;

    private final Clock clock;

    DiffCommand(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        super(stdin, out, err);
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        Diff.Sides sides = sides();
        PipelineOptions options = PipelineOptions.defaults().withClock(clock).withMaxOpenSpans(maxOpenSpans)
                .withThreads(threads());
        Diff.Result result = withProgress(progress -> Diff.run(sides, options, () -> false, progress));
        if (result.report().tracesBefore() == 0 && result.report().tracesAfter() == 0
                && result.report().eventsBefore() == 0 && result.report().eventsAfter() == 0) {
            result.problems().forEach(p -> err.println("slo-scout: " + p.toLine()));
            err.println("slo-scout: nothing to compare: neither side had traces or log records");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        DiffDocument document = DiffDocument.of(result);
        if (json) {
            out.println(Json.write(document));
        } else {
            document.summary(top).forEach(out::println);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            Json.writeFile(outDir.resolve("diff.json"), document);
            Files.writeString(outDir.resolve("diff.md"), document.markdown(), StandardCharsets.UTF_8);
            if (!json) {
                out.println("-> " + outDir.resolve("diff.json") + ", " + outDir.resolve("diff.md"));
            }
        }
        List<Problem> problems = result.problems();
        problems.forEach(p -> err.println("slo-scout: " + p.toLine()));
        if (result.report().tracesBefore() == 0 || result.report().tracesAfter() == 0) {
            err.println("slo-scout: the " + (result.report().tracesBefore() == 0 ? "baseline" : "candidate")
                    + " has no traces: every journey of the other side shows as appeared or vanished");
        }
        return problems.isEmpty() ? 0 : SloScoutCommand.EXIT_PROBLEMS;
    }

    private Diff.Sides sides() {
        int ways = (against != null ? 1 : 0) + (splitAt != null ? 1 : 0) + (window != null || againstWindow != null
                ? 1 : 0) + (attribute != null || againstAttribute != null ? 1 : 0);
        if (ways != 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "say how the sides differ: --against "
                    + "CANDIDATE..., --split-at TIME, --window FROM..TO with --against-window FROM..TO, or "
                    + "--attribute KEY=VALUE with --against-attribute KEY=VALUE");
        }
        if (attribute != null || againstAttribute != null) {
            return attributeSides();
        }
        if (against != null) {
            return new Diff.FileSides(inputs, against);
        }
        if (splitAt != null) {
            Instant at = instant(splitAt, "--split-at");
            return new Diff.TimeSides(inputs, new Diff.Window(null, at), new Diff.Window(at, null));
        }
        if (window == null || againstWindow == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--window and --against-window go "
                    + "together");
        }
        return new Diff.TimeSides(inputs, window(window, "--window"), window(againstWindow, "--against-window"));
    }

    private Diff.Sides attributeSides() {
        if (attribute == null || againstAttribute == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--attribute and --against-attribute go "
                    + "together");
        }
        String[] first = keyValue(attribute, "--attribute");
        String[] second = keyValue(againstAttribute, "--against-attribute");
        if (!first[0].equals(second[0])) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--attribute and --against-attribute name "
                    + "the same key with two values, got " + first[0] + " and " + second[0]);
        }
        try {
            return new Diff.AttributeSides(inputs, first[0], first[1], second[1]);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private String[] keyValue(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " is KEY=VALUE (e.g. "
                    + "service.version=1.4.3), got '" + text + "'");
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }

    private Diff.Window window(String text, String option) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " is FROM..TO (either end may "
                    + "be left out), got '" + text + "'");
        }
        String from = text.substring(0, dots).strip();
        String to = text.substring(dots + 2).strip();
        return new Diff.Window(from.isEmpty() ? null : instant(from, option), to.isEmpty() ? null : instant(to, option));
    }

    private Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + ": '" + text + "' is not an "
                    + "ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
    }
}
