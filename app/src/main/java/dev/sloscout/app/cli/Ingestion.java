package dev.sloscout.app.cli;

import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import dev.sloscout.engine.trace.TraceListener;

import java.io.InputStream;
import java.util.List;

/** The file pipeline every trace subcommand runs: read, decode, assemble, then hand each trace to the analyses. */
final class Ingestion {
    private Ingestion() {
    }

    record Result(IngestSummary.Snapshot summary, List<SourceReport> sources) {
        /** Exit code by the CLI contract: 0 clean, 1 problems but spans were read, 2 nothing usable. */
        int exitCode() {
            if (summary.rejected() == 0) {
                return 0;
            }
            return summary.spans() > 0 ? SloScoutCommand.EXIT_PROBLEMS : SloScoutCommand.EXIT_UNUSABLE;
        }
    }

    static Result run(List<String> inputs, InputStream stdin, int maxOpenSpans, TraceListener... analyses) {
        IngestSummary summary = new IngestSummary();
        AssemblySettings defaults = AssemblySettings.DEFAULTS;
        TraceAssembler assembler = new TraceAssembler(new AssemblySettings(defaults.idleSpans(), maxOpenSpans,
                defaults.maxSpansPerTrace(), defaults.rememberedSpans()), (Trace trace) -> {
                    summary.onTrace(trace);
                    for (TraceListener analysis : analyses) {
                        analysis.onTrace(trace);
                    }
                });
        List<SourceReport> sources = new TraceFileReader(assembler, summary, () -> false, stdin).read(inputs);
        assembler.finish();
        return new Result(summary.snapshot(assembler.stats()), sources);
    }
}
