package dev.sloscout.pipeline.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

/**
 * The engine's stages as a Kafka Streams topology:
 * <pre>
 *   spans (and logs) topic -> decode (+ gate) --dead letters--> dead-letters topic
 *                      |                    \ log events, keyed by service
 *                      |                     v  repartition "logs-by-service"
 *                      |                  mine (stores: capsule-snapshots, capsule-journal) --> capsules, status
 *                      | spans, keyed by trace id
 *                      v  repartition "spans-by-trace"
 *                  assemble (stores: open-traces, open-spans) --status--> status topic
 *                      | one-trace journey states, keyed by journey
 *                      v  repartition "traces-by-journey"
 *                  add up (stores: journeys, journey-history windows) --> journeys, journey-history,
 *                                                                          sli-candidates, status topics
 * </pre>
 * Every stage is the engine's own code (record decoding, span gate and redaction, journey assignment and statistics,
 * capsule mining);
 * only where state lives and when traces close is the stream's.
 */
public final class StreamTopology {
    private StreamTopology() {
    }

    public static Topology build(StreamSettings settings) {
        return build(settings, true);
    }

    /**
     * @param persistent RocksDB stores (the job); false keeps them in memory, for Kafka's test driver, which flushes
     *                   and checkpoints every persistent store after each record
     */
    static Topology build(StreamSettings settings, boolean persistent) {
        StreamsBuilder builder = new StreamsBuilder();
        java.util.function.Function<String, org.apache.kafka.streams.state.KeyValueBytesStoreSupplier> kv = name ->
                persistent ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        // not cached: caching the bookkeeping (rewritten with every span) or the spans measured slower here
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(AssemblyStage.TRACES),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(AssemblyStage.SPANS),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(AssemblyStage.COUNTERS),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(JourneyStage.JOURNEYS),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(persistent
                ? Stores.persistentWindowStore(JourneyStage.HISTORY, JourneyStage.RETENTION,
                        dev.sloscout.engine.slo.HistoryRecorder.WINDOW, false)
                : Stores.inMemoryWindowStore(JourneyStage.HISTORY, JourneyStage.RETENTION,
                        dev.sloscout.engine.slo.HistoryRecorder.WINDOW, false),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(JourneyStage.COUNTERS),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(CapsuleStage.SNAPSHOTS),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(CapsuleStage.JOURNAL),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(CapsuleStage.EMITTED),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(kv.apply(CapsuleStage.COUNTERS),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        KStream<byte[], byte[]> decoded = builder.stream(settings.inputTopics(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("spans-in"))
                .process(DecodeStage::new, Named.as("decode"));
        Map<String, KStream<byte[], byte[]>> byKind = decoded.split(Named.as("decoded-"))
                .branch((key, value) -> value[0] == DecodeStage.DEAD_LETTER, Branched.as("dead"))
                .branch((key, value) -> value[0] == DecodeStage.LOG, Branched.as("logs"))
                .defaultBranch(Branched.as("spans"));
        byKind.get("decoded-dead").mapValues(Stages::untagged, Named.as("dead-letter-value"))
                .to(settings.outputs().deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("dead-letters-out"));

        Map<String, KStream<String, byte[]>> mined = byKind.get("decoded-logs")
                .mapValues(Stages::untagged, Named.as("log-value"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("logs-by-service"))
                .process(() -> new CapsuleStage(settings.emitEvery()), Named.as("mine"), CapsuleStage.SNAPSHOTS,
                        CapsuleStage.JOURNAL, CapsuleStage.EMITTED, CapsuleStage.COUNTERS)
                .split(Named.as("mined-"))
                .branch((key, value) -> value[0] == AssemblyStage.STATUS, Branched.as("status"))
                .defaultBranch(Branched.as("capsules"));
        toTopic(mined.get("mined-status"), settings.outputs().status(), "capsules-status");
        mined.get("mined-capsules")
                .mapValues(value -> value[0] == CapsuleStage.GONE ? null : Stages.untagged(value),
                        Named.as("capsule-value"))
                .to(settings.outputs().capsules(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("capsules-out"));

        KStream<String, byte[]> assembled = byKind.get("decoded-spans")
                .mapValues(Stages::untagged, Named.as("span-value"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("spans-by-trace"))
                .process(() -> new AssemblyStage(settings.idle(), settings.rootWait()), Named.as("assemble"),
                        AssemblyStage.TRACES, AssemblyStage.SPANS, AssemblyStage.COUNTERS);
        Map<String, KStream<String, byte[]>> fromAssembly = assembled.split(Named.as("assembled-"))
                .branch((key, value) -> value[0] == AssemblyStage.STATUS, Branched.as("status"))
                .defaultBranch(Branched.as("journeys"));
        toTopic(fromAssembly.get("assembled-status"), settings.outputs().status(), "assembly-status");

        KStream<String, byte[]> added = fromAssembly.get("assembled-journeys")
                .mapValues(Stages::untagged, Named.as("contribution-value"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("traces-by-journey"))
                .process(() -> new JourneyStage(settings.emitEvery(),
                        dev.sloscout.pipeline.PipelineOptions.defaults().profiles(), settings.maxJourneys()),
                        Named.as("add-up"),
                        JourneyStage.JOURNEYS,
                        JourneyStage.HISTORY, JourneyStage.COUNTERS);
        Map<String, KStream<String, byte[]>> snapshots = added.split(Named.as("snapshots-"))
                .branch((key, value) -> value[0] == JourneyStage.SNAPSHOT, Branched.as("journeys"))
                .branch((key, value) -> value[0] == JourneyStage.WINDOW, Branched.as("windows"))
                .branch((key, value) -> value[0] == JourneyStage.CANDIDATE, Branched.as("candidates"))
                .defaultBranch(Branched.as("status"));
        toTopic(snapshots.get("snapshots-journeys"), settings.outputs().journeys(), "journeys-out");
        toTopic(snapshots.get("snapshots-windows"), settings.outputs().history(), "history-out");
        toTopic(snapshots.get("snapshots-candidates"), settings.outputs().sliCandidates(), "sli-candidates-out");
        toTopic(snapshots.get("snapshots-status"), settings.outputs().status(), "journeys-status");
        return builder.build();
    }

    private static void toTopic(KStream<String, byte[]> tagged, String topic, String name) {
        tagged.mapValues(Stages::untagged, Named.as(name + "-value"))
                .to(topic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name));
    }
}
