package dev.sloscout.pipeline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogEventCodec;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.pipeline.CapsuleReport;
import dev.sloscout.pipeline.DemoLogs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The capsule stage alone, on Kafka's mock context with real (in-memory) stores: what it writes equals what the
 * file path's accumulator finds in the same events, also when services are read back from their snapshots and
 * journals all the time and when a second instance carries on from the stores the first one left.
 */
class CapsuleStageTest {
    private static final Duration EMIT = Duration.ofSeconds(10);

    /** The demo shop's log records, and a plain-text service whose header layout must be learnt. */
    private static List<LogEvent> events() {
        List<LogEvent> out = new ArrayList<>();
        DemoShop.generate(5, 1, 10, span -> { }, log -> out.add(DemoLogs.event(log)));
        Random random = new Random(5);
        List<LogEvent> mixed = new ArrayList<>(out.size() + 3000);
        int plain = 0;
        for (LogEvent e : out) {
            mixed.add(e);
            if (random.nextInt(3) == 0) {
                Instant at = Instant.ofEpochMilli(e.epochMillis());
                String line = at + " " + (random.nextInt(5) == 0 ? "WARN" : "INFO") + " [worker-"
                        + random.nextInt(8) + "] cache " + (random.nextBoolean() ? "miss" : "hit") + " for key "
                        + Long.toHexString(random.nextLong()) + " after " + random.nextInt(900) + " ms";
                mixed.add(LogEvent.rawLine("cache.log", ++plain, "cache", line));
            }
        }
        return mixed;
    }

    private static MockProcessorContext<String, byte[]> context() {
        MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
        context.setCurrentStreamTimeMs(DemoShop.START.toEpochMilli());
        for (String name : List.of(CapsuleStage.SNAPSHOTS, CapsuleStage.EMITTED, CapsuleStage.COUNTERS)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> journal = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CapsuleStage.JOURNAL), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        journal.init(context.getStateStoreContext(), journal);
        context.addStateStore(journal);
        return context;
    }

    /** Feeds events, punctuating every {@code emitEvery} events; collects what went out (tombstones remove). */
    private static void feed(CapsuleStage stage, MockProcessorContext<String, byte[]> context, List<LogEvent> events,
            int emitEvery, Map<String, Capsule> out) {
        int n = 0;
        for (LogEvent e : events) {
            stage.process(record(e));
            if (++n % emitEvery == 0) {
                punctuate(context, out);
            }
        }
        punctuate(context, out);
    }

    /** The record an event travels in: keyed by service, at its own time (a plain line's is in its header). */
    private static Record<byte[], byte[]> record(LogEvent e) {
        long time = e.epochMillis() == dev.sloscout.engine.capsule.LogHeader.NO_TIME ? DemoShop.START.toEpochMilli()
                : e.epochMillis();
        return new Record<>(e.service().getBytes(StandardCharsets.UTF_8), LogEventCodec.encode(e), time);
    }

    private static void punctuate(MockProcessorContext<String, byte[]> context, Map<String, Capsule> out) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(context.currentStreamTimeMs());
        for (var forward : context.forwarded()) {
            byte[] value = forward.record().value();
            if (value[0] == CapsuleStage.GONE) {
                out.remove(forward.record().key());
            } else if (value[0] == CapsuleStage.CAPSULE) {
                out.put(forward.record().key(), Snapshots.capsule(Stages.untagged(value)));
            }
        }
        context.resetForwards();
    }

    private static Map<String, Capsule> expected(List<LogEvent> events) {
        CapsuleAccumulator local = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE,
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        events.forEach(local::accept);
        Map<String, Capsule> out = new HashMap<>();
        local.capsules().forEach(c -> out.put(c.id(), CapsuleReport.of(c).capsule())); // as the topic carries them
        return out;
    }

    @Test
    @Tag("slow") // in the slow profile (.ci/run runs it): keeps the README's test command within five minutes
    void capsulesEqualTheFilePathsAlsoWhenReadBackFromSnapshotsAndJournals() {
        List<LogEvent> all = events();
        List<LogEvent> events = all.subList(0, Math.min(all.size(), 4000)); // each event reads a state back: slow
        Map<String, Capsule> expected = expected(events);
        assertThat(expected.values().stream().map(Capsule::service).distinct()).hasSizeGreaterThan(3)
                .contains("cache");

        MockProcessorContext<String, byte[]> context = context();
        // one service in memory, a snapshot every 40 events: nearly every event reads a state back
        CapsuleStage stage = new CapsuleStage(EMIT, 2000, 40, 1);
        stage.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(stage, context, events, 700, out);

        assertThat(out.keySet()).isEqualTo(expected.keySet());
        assertThat(out).isEqualTo(expected);
        KeyValueStore<String, byte[]> counters = context.getStateStore(CapsuleStage.COUNTERS);
        assertThat(counters.get("counters")).isNotNull();
    }

    @Test
    void anInstanceTakingThePartitionOverCarriesOnFromTheStores() {
        List<LogEvent> events = events();
        int cut = events.size() / 2 + 17;
        MockProcessorContext<String, byte[]> context = context();
        CapsuleStage first = new CapsuleStage(EMIT, 2000, 500, 256);
        first.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(first, context, events.subList(0, cut), 900, out);
        // the first instance dies after journaling more events (their emission never happened)
        for (LogEvent e : events.subList(cut, cut + 300)) {
            first.process(record(e));
        }
        context.resetForwards();

        MockProcessorContext<String, byte[]> takeover = takenOver(context);
        CapsuleStage second = new CapsuleStage(EMIT, 2000, 500, 256);
        second.init(takeover);
        feed(second, takeover, events.subList(cut + 300, events.size()), 900, out);

        assertThat(out).isEqualTo(expected(events));
    }

    /** Hibernate's statement, then the password bound to it on a record of its own: neither mined nor journaled. */
    @Test
    void aValueBoundToAnEarlierRecordsStatementIsNeitherJournaledNorMined() {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(LogEvent.rawLine("app.log", 2 * i + 1, "users", "2026-12-01T00:00:0" + i % 10
                    + "Z DEBUG org.hibernate.SQL - update users set password=? where id=?"));
            events.add(LogEvent.rawLine("app.log", 2 * i + 2, "users", "2026-12-01T00:00:0" + i % 10
                    + "Z TRACE org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [s3cretStagePw]"));
        }
        MockProcessorContext<String, byte[]> context = context();
        Map<String, Capsule> out = minedWithout("s3cretStagePw", events, context);
        assertThat(out.values()).flatExtracting(Capsule::samples).extracting(Capsule.Sample::text)
                .anyMatch(t -> t.endsWith("<- [<SECRET:password>]"));
        KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> journal = context.getStateStore(
                CapsuleStage.JOURNAL);
        try (var all = journal.all()) {
            all.forEachRemaining(kv -> assertThat(new String(kv.value, StandardCharsets.ISO_8859_1))
                    .doesNotContain("s3cretStagePw"));
        }
    }

    /** Two threads' records interleaved, each naming its thread in a field: a value pairs with its own thread's. */
    @Test
    void aValueIsPairedWithTheStatementOfTheThreadItsRecordNames() {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(message(4 * i + 1, "exec-1", "update users set password=? where id=?"));
            events.add(message(4 * i + 2, "exec-2", "update notes set body=? where id=?"));
            events.add(message(4 * i + 3, "exec-1", "binding parameter (1:VARCHAR) <- [s3cretStagePw]"));
            events.add(message(4 * i + 4, "exec-2", "binding parameter (1:VARCHAR) <- [plain note]"));
        }
        MockProcessorContext<String, byte[]> context = context();
        Map<String, Capsule> out = minedWithout("s3cretStagePw", events, context);
        assertThat(out.values()).flatExtracting(Capsule::samples).extracting(Capsule.Sample::text)
                .contains("binding parameter (1:VARCHAR) <- [plain note]");
    }

    /** The capsules a stage mines of the events, none holding {@code secret}. */
    private static Map<String, Capsule> minedWithout(String secret, List<LogEvent> events,
            MockProcessorContext<String, byte[]> context) {
        CapsuleStage stage = new CapsuleStage(EMIT, 10, 500, 256);
        stage.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(stage, context, events, 7, out);
        assertThat(out.values()).isNotEmpty().allSatisfy(c -> assertThat(c.template() + c.samples())
                .doesNotContain(secret));
        return out;
    }

    private static LogEvent message(long line, String thread, String text) {
        return new LogEvent("app.jsonl", line, 1, "users", text, true, "", 1_764_547_200_000L + line,
                dev.sloscout.engine.capsule.Severity.DEBUG, null, null, thread);
    }

    @Test
    void servicesBeyondTheBoundAreMinedTogetherAndCounted() {
        List<LogEvent> events = events();
        MockProcessorContext<String, byte[]> context = context();
        CapsuleStage stage = new CapsuleStage(EMIT, 2, 500, 256);
        stage.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(stage, context, events, 1000, out);

        assertThat(out.values().stream().map(Capsule::service).distinct()).hasSize(3)
                .contains(CapsuleAccumulator.OTHER_SERVICES);
        assertThat(out.values().stream().mapToLong(Capsule::count).sum()).isEqualTo(events.size());
        long[] counts = Stages.longs(context.<KeyValueStore<String, byte[]>>getStateStore(CapsuleStage.COUNTERS)
                .get("counters"));
        assertThat(counts[0]).as("logEvents").isEqualTo(events.size());
        assertThat(counts[1]).as("logServices").isEqualTo(2);
        assertThat(counts[2]).as("overflowLogEvents").isPositive();
    }

    @Test
    void aServiceWhoseStateOutgrowsAChangelogRecordIsStoredInChunks() {
        Random random = new Random(9);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) { // words the masks keep: every line its own token sequence in the cache
            events.add(new LogEvent("app.log", i + 1, 1, "busy", "user " + word(random) + " opened the cart", false, "", DemoShop.START.toEpochMilli() + i * 10L, Severity.INFO,
                    null, null));
        }
        MockProcessorContext<String, byte[]> context = context();
        CapsuleStage first = new CapsuleStage(EMIT, 2000, 5_000, 256);
        first.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(first, context, events.subList(0, 14_500), 5_000, out);

        KeyValueStore<String, byte[]> snapshots = context.getStateStore(CapsuleStage.SNAPSHOTS);
        List<Integer> chunks = new ArrayList<>();
        try (var all = snapshots.all()) {
            all.forEachRemaining(kv -> {
                if (kv.key.startsWith("busy\u0000")) {
                    chunks.add(kv.value.length);
                }
            });
        }
        assertThat(chunks).as("chunk sizes").hasSizeGreaterThan(1)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CapsuleStage.CHUNK));

        MockProcessorContext<String, byte[]> takeover = takenOver(context);
        CapsuleStage second = new CapsuleStage(EMIT, 2000, 5_000, 256);
        second.init(takeover);
        feed(second, takeover, events.subList(14_500, events.size()), 5_000, out);
        assertThat(out).isEqualTo(expected(events));
    }

    private static String word(Random random) {
        char[] letters = new char[48];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }

    @Test
    void hugeLinesAndSamplesAreCutToWhatARecordCarries() {
        String huge = "x".repeat(2_000_000);
        LogEvent event = new LogEvent("kafka logs", 1, 1, "cart", "payload " + huge, false, huge, 5, Severity.INFO,
                null, null);
        LogEvent bounded = DecodeStage.bounded(event);
        assertThat(bounded.text()).startsWith("payload x").hasSizeLessThan(DecodeStage.MAX_TEXT + 16);
        assertThat(bounded.continuation()).hasSizeLessThan(DecodeStage.MAX_CONTINUATION + 16);
        assertThat(LogEventCodec.encode(bounded).length).isLessThan(1024 * 1024);

        CapsuleAccumulator local = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2026);
        for (int i = 0; i < 5; i++) {
            local.accept(bounded);
        }
        byte[] record = Snapshots.capsule(local.capsules().get(0));
        assertThat(record.length).isLessThan(200 * 1024);
        assertThat(Snapshots.capsule(record).samples()).allSatisfy(sample -> assertThat(sample.text())
                .hasSizeLessThan(Snapshots.MAX_SAMPLE + 16).endsWith("(cut)"));
    }

    @Test
    void aStateThatDoesNotReadBackStartsTheServiceAgainAndIsSaid() {
        List<LogEvent> events = events().subList(0, 3000);
        MockProcessorContext<String, byte[]> context = context();
        CapsuleStage first = new CapsuleStage(EMIT, 2000, 500, 256);
        first.init(context);
        Map<String, Capsule> out = new HashMap<>();
        feed(first, context, events, 1000, out);
        KeyValueStore<String, byte[]> snapshots = context.getStateStore(CapsuleStage.SNAPSHOTS);
        String service = events.get(0).service();
        snapshots.put(CapsuleStage.chunkKey(service, 0), new byte[] {1, 2, 3}); // not what was written

        CapsuleStage second = new CapsuleStage(EMIT, 2000, 500, 256); // a restart reads the states back
        second.init(context);
        feed(second, context, List.of(events.get(0)), 1000, out);
        ClusterAnalysis.Snapshot read = ClusterAnalysis.snapshot("test", Map.of(), Map.of(), Map.of("capsules-0",
                Snapshots.status("capsules", 0, Map.of("damagedServiceStates", counters(context)[4]))), Map.of(), 0,
                new ArrayList<>());
        assertThat(counters(context)[4]).isEqualTo(1);
        assertThat(read.problems()).anySatisfy(p -> assertThat(p.reason()).contains("did not read back"));
        assertThat(out.values().stream().filter(c -> c.service().equals(service)).mapToLong(Capsule::count).sum())
                .as("the other services carry on; this one counts again from its snapshot on")
                .isPositive();
    }

    private static long[] counters(MockProcessorContext<String, byte[]> context) {
        return Stages.longs(context.<KeyValueStore<String, byte[]>>getStateStore(CapsuleStage.COUNTERS)
                .get("counters"));
    }

    /** A new task's context holding what the first one's stores held (as restored from their changelogs). */
    private static MockProcessorContext<String, byte[]> takenOver(MockProcessorContext<String, byte[]> context) {
        MockProcessorContext<String, byte[]> takeover = context();
        for (String name : List.of(CapsuleStage.SNAPSHOTS, CapsuleStage.EMITTED, CapsuleStage.COUNTERS,
                CapsuleStage.JOURNAL)) {
            copy(context.getStateStore(name), takeover.getStateStore(name));
        }
        return takeover;
    }

    @SuppressWarnings("unchecked")
    private static <K> void copy(Object from, Object to) {
        KeyValueStore<K, byte[]> source = (KeyValueStore<K, byte[]>) from;
        KeyValueStore<K, byte[]> target = (KeyValueStore<K, byte[]>) to;
        try (var all = source.all()) {
            all.forEachRemaining(kv -> target.put(kv.key, kv.value));
        }
    }
}
