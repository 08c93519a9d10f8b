package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Json;
import dev.sloscout.pipeline.Ingestion;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code slo-scout journeys FILE... [--json]}: the kinds of user requests in a set of trace files. */
@Command(name = "journeys", mixinStandardHelpOptions = true,
        description = {"Discovers user journeys in trace files: entry operation (looking through gateways and other "
                + "generic spans), traffic, errors, latency percentiles, call graph, critical path, rank and confidence."})
final class JourneysCommand extends TraceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read; '-' reads standard input.")
    List<String> inputs;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;


    JourneysCommand(InputStream stdin, PrintStream out, PrintStream err) {
        super(stdin, out, err);
    }

    @Override
    public Integer call() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        Ingestion.Result ingestion = read(inputs, discovery);
        JourneyDiscovery.JourneyReport report = discovery.build();
        if (json) {
            out.println(Json.write(new JourneysJson(report.journeys(), report.assignedTraces(), report.partialTraces(),
                    report.tracesWithOrphans(), ingestion.summary().rejected())));
        } else {
            writeText(report);
        }
        ProblemPrinter.print(ingestion.summary().problems(), ingestion.summary().rejected(), err);
        return SloScoutCommand.exitCode(ingestion);
    }

    private void writeText(JourneyDiscovery.JourneyReport report) {
        out.printf(Locale.ROOT, "%-4s %-60s %8s %7s %9s %9s %5s%n", "rank", "journey", "traces", "errors", "p50 ms",
                "p99 ms", "conf");
        for (Journey j : report.journeys()) {
            out.printf(Locale.ROOT, "%-4d %-60s %8d %6.2f%% %9.1f %9.1f %5.2f%n", j.rank(),
                    j.name().length() > 60 ? j.name().substring(0, 57) + "..." : j.name(), j.traces(),
                    j.errorRatio() * 100, j.latencyMs().p50(), j.latencyMs().p99(), j.confidence());
        }
        out.printf(Locale.ROOT, "%d traces in %d journeys; %d partial traces (root not in the input) not assigned%n",
                report.assignedTraces(), report.journeys().size(), report.partialTraces());
    }

    /** The JSON of DESIGN.md section 4, plus what could not be assigned. */
    record JourneysJson(List<Journey> journeys, long assignedTraces, long partialTraces, long tracesWithOrphans,
                        long rejected) {
    }
}
