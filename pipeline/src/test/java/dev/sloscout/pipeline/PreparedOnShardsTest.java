package dev.sloscout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.PreparedTraceListener;
import dev.sloscout.engine.trace.TraceListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where analyses that can prepare a trace alone do so: on the assembly shards from two shards on, each trace before
 * the analysis takes it in order on the merging thread; with one shard the analysis does it all itself.
 */
class PreparedOnShardsTest {

    /** Notes the thread each trace was prepared on, and what the ordered pass found. */
    private static final class Recording implements PreparedTraceListener {
        final List<String> preparedOn = new ArrayList<>();
        final List<String> takenOn = new ArrayList<>();

        @Override
        public TraceListener preparer() {
            return trace -> trace.attach(this, Thread.currentThread().getName());
        }

        @Override
        public void onTrace(Trace trace) {
            preparedOn.add((String) trace.attachment(this));
            takenOn.add(Thread.currentThread().getName());
        }
    }

    private static Recording analyse(int shards) {
        Recording recording = new Recording();
        Ingestion.run((spans, summary) -> {
            long traces = DemoShop.generate(Ingestion.DEMO_SEED, 1, 2, spans);
            return List.of(new SourceReport("demo shop (" + traces + " traces)", null, 0, 0));
        }, AssemblySettings.DEFAULTS, new Redactor(), 4 * shards, shards, recording);
        return recording;
    }

    @Test
    void fromTwoShardsEveryTraceIsPreparedOnAShardBeforeItsOrderedPass() {
        Recording recording = analyse(2);

        assertThat(recording.preparedOn).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith("trace-assembly-shard-"));
        assertThat(recording.takenOn).containsOnly("trace-assembly-merge");
    }

    @Test
    void withOneShardTheAnalysisPreparesNothingAhead() {
        Recording recording = analyse(1);

        assertThat(recording.takenOn).isNotEmpty().containsOnly("trace-assembly-merge");
        assertThat(recording.preparedOn).containsOnlyNulls();
    }
}
