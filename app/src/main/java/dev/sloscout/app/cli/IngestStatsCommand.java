package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.Ingestion;
import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code slo-scout ingest-stats FILE... [--json]}: what is in a set of trace files, and what was wrong with them. */
@Command(name = "ingest-stats", mixinStandardHelpOptions = true,
        description = {"Counts traces, spans, services, error and orphan spans in trace files, and reports bad records.",
                "Formats (detected from content): OTLP JSON/JSON lines/protobuf, Collector file exporter, Jaeger JSON, "
                        + "Zipkin v1/v2 JSON, AWS X-Ray JSON; plain, .gz, .zst, .xz or .bz2."})
final class IngestStatsCommand extends TraceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read; '-' reads standard input.")
    List<String> inputs;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;


    IngestStatsCommand(InputStream stdin, PrintStream out, PrintStream err) {
        super(stdin, out, err);
    }

    @Override
    public Integer call() {
        Ingestion.Result ingestion = read(inputs);
        IngestSummary.Snapshot result = ingestion.summary();
        List<SourceReport> sources = ingestion.sources();

        if (json) {
            writeJson(IngestStatsReport.of(result, sources));
        } else {
            writeText(result, sources);
        }
        ProblemPrinter.print(result.problems(), result.rejected(), err);
        return SloScoutCommand.exitCode(ingestion);
    }

    private void writeJson(IngestStatsReport report) {
        out.println(Json.write(report));
    }

    private void writeText(IngestSummary.Snapshot result, List<SourceReport> sources) {
        for (SourceReport source : sources) {
            out.printf("%-60s %-34s %10d spans %6d rejected%n", source.source(),
                    source.format() == null ? "(not read)" : source.format().displayName(), source.spans(), source.rejected());
        }
        out.printf("traces       %d%n", result.traces());
        out.printf("spans        %d (%d duplicates counted once)%n", result.spans(), result.assembly().duplicateSpans());
        out.printf("services     %d %s%n", result.services().size(), result.services());
        out.printf("error spans  %d%n", result.errorSpans());
        out.printf("orphan spans %d%n", result.orphanSpans());
        out.printf("rejected     %d%n", result.rejected());
    }

    /** The JSON shape of the CLI contract (DESIGN.md section 4), plus per-source and assembly detail. */
    record IngestStatsReport(long traces, long spans, List<String> services, long errorSpans, long orphanSpans,
                             long rejected, long duplicateSpans, long lateSpans, long evictedTraces,
                             List<ProblemJson> problems, List<SourceJson> sources) {

        static IngestStatsReport of(IngestSummary.Snapshot s, List<SourceReport> sources) {
            return new IngestStatsReport(s.traces(), s.spans(), s.services(), s.errorSpans(), s.orphanSpans(),
                    s.rejected(), s.assembly().duplicateSpans(), s.assembly().lateSpans(), s.assembly().evictedTraces(),
                    s.problems().stream().map(ProblemJson::of).toList(),
                    sources.stream().map(SourceJson::of).toList());
        }
    }

    record ProblemJson(String source, String location, String reason) {
        static ProblemJson of(Problem p) {
            return new ProblemJson(p.source(), p.location(), p.reason());
        }
    }

    record SourceJson(String source, String format, long spans, long rejected) {
        static SourceJson of(SourceReport r) {
            return new SourceJson(r.source(), r.format() == null ? null : r.format().name(), r.spans(), r.rejected());
        }
    }
}
