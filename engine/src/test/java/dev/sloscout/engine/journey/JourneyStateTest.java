package dev.sloscout.engine.journey;

import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journeys added up from parts made anywhere, in any order, against one discovery that saw every trace. */
class JourneyStateTest {
    private static final List<Trace> TRACES = new ArrayList<>();

    @BeforeAll
    static void traces() {
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, TRACES::add);
        DemoShop.generate(11, 1, 3, assembler);
        assembler.finish();
    }

    @Test
    @Tag("slow") // ~14 s: in the slow profile, which .ci/run runs too; keeps the README's command within five minutes
    void partsMergedInAnyOrderGiveTheReportOfOneDiscovery() {
        JourneyDiscovery whole = new JourneyDiscovery();
        TRACES.forEach(whole::onTrace);
        JourneyDiscovery.JourneyReport expected = whole.build();
        assertThat(expected.journeys()).hasSizeGreaterThan(3);

        Random random = new Random(5);
        for (int round = 0; round < 4; round++) {
            int shards = 2 + random.nextInt(6);
            List<Map<String, JourneyState>> parts = new ArrayList<>();
            List<Map<String, HistoryRecorder>> histories = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                parts.add(new HashMap<>());
                histories.add(new HashMap<>());
            }
            JourneyDiscovery assigner = new JourneyDiscovery();
            long partial = 0;
            for (Trace trace : TRACES) {
                JourneyState single = assigner.single(trace);
                if (single == null) {
                    partial++;
                    continue;
                }
                int shard = random.nextInt(shards);
                histories.get(shard).computeIfAbsent(single.key(), k -> new HistoryRecorder()).merge(single.history());
                // through bytes, as between machines
                JourneyState travelled = JourneyState.decode(single.encode());
                parts.get(shard).merge(single.key(), travelled, JourneyState::merge);
            }
            List<JourneyState> all = new ArrayList<>();
            Map<String, HistoryRecorder> history = new HashMap<>();
            for (int s = 0; s < shards; s++) {
                parts.get(s).values().forEach(state -> all.add(JourneyState.decode(state.encode())));
                histories.get(s).forEach((key, h) -> history.computeIfAbsent(key, k -> new HistoryRecorder()).merge(h));
            }
            Collections.shuffle(all, random);
            JourneyDiscovery.JourneyReport merged = JourneyDiscovery.report(all, history, partial);

            assertThat(merged.assignedTraces()).isEqualTo(expected.assignedTraces());
            assertThat(merged.partialTraces()).isEqualTo(expected.partialTraces());
            assertThat(merged.tracesWithOrphans()).isEqualTo(expected.tracesWithOrphans());
            assertThat(merged.journeys()).hasSameSizeAs(expected.journeys());
            for (int i = 0; i < expected.journeys().size(); i++) {
                Journey want = expected.journeys().get(i);
                Journey got = merged.journeys().get(i);
                assertThat(got.id()).isEqualTo(want.id());
                assertThat(got.name()).isEqualTo(want.name());
                assertThat(got.rank()).isEqualTo(want.rank());
                assertThat(got.traces()).isEqualTo(want.traces());
                assertThat(got.errorTraces()).isEqualTo(want.errorTraces());
                assertThat(got.latencyMs()).isEqualTo(want.latencyMs());
                assertThat(got.edges()).isEqualTo(want.edges());
                assertThat(got.services()).isEqualTo(want.services());
                assertThat(got.criticalPath()).isEqualTo(want.criticalPath());
                assertThat(got.confidence()).isEqualTo(want.confidence());
                assertThat(got.sampleTraceIds()).hasSameSizeAs(want.sampleTraceIds());
                HistoryRecorder a = expected.histories().get(want.id());
                HistoryRecorder b = merged.histories().get(got.id());
                assertThat(b.windows().keySet()).isEqualTo(a.windows().keySet());
                a.windows().forEach((index, counts) -> assertThat(b.windows().get(index)).containsExactly(counts));
            }
        }
    }

    @Test
    void stateOfOneJourneyOnlyMergesWithItself() {
        JourneyDiscovery assigner = new JourneyDiscovery();
        List<JourneyState> singles = TRACES.stream().map(assigner::single).filter(s -> s != null).toList();
        JourneyState first = singles.get(0);
        JourneyState other = singles.stream().filter(s -> !s.key().equals(first.key())).findFirst().orElseThrow();
        assertThatThrownBy(() -> first.merge(other)).hasMessageContaining("cannot merge");
    }

    @Test
    void historyWindowsAddUpAndAYearIsTheBound() {
        HistoryRecorder a = new HistoryRecorder();
        a.record(0, true, 30_000);
        HistoryRecorder b = new HistoryRecorder();
        b.record(60_000_000_000L, false, 1); // the same five minutes
        long[] far = new long[HistoryRecorder.COLUMNS];
        far[0] = 7;
        b.add(HistoryRecorder.MAX_WINDOWS, far); // a year and five minutes later: beyond what is kept
        a.merge(b);
        assertThat(a.windows()).containsOnlyKeys(0L);
        assertThat(a.windows().get(0L)[0]).isEqualTo(2);
        assertThat(a.windows().get(0L)[1]).isEqualTo(1);
        assertThat(a.dropped()).isEqualTo(7);
        assertThatThrownBy(() -> a.add(1, new long[2])).hasMessageContaining("counts");
    }

    /**
     * State written before the entry's span name and kind were kept (format 2), and before its kind was (format 3),
     * as a stream job's store may hold them: read back without them.
     */
    @Test
    void stateOfTheFormatsBeforeSpanNamesAndKindsIsStillRead() throws java.io.IOException {
        JourneyState state = new JourneyDiscovery().single(TRACES.get(0));
        byte[] now = state.encode();
        Journey.Entry current = state.accumulator().toJourney("j", "n", 1, 1, 1, 0).entry();
        assertThat(now[0]).isEqualTo((byte) 4);
        assertThat(current.spanKind()).isEqualTo(dev.sloscout.engine.model.SpanKind.SERVER);

        Journey.Entry withoutKind = JourneyState.decode(without(now, fields(current.spanKind().name()), 3))
                .accumulator().toJourney("j", "n", 1, 1, 1, 0).entry();
        assertThat(withoutKind.spanKind()).isNull();
        assertThat(withoutKind.spanName()).isEqualTo(current.spanName());

        Journey.Entry entry = JourneyState.decode(without(now, fields(current.spanName(), current.spanKind().name()),
                2)).accumulator().toJourney("j", "n", 1, 1, 1, 0).entry();
        assertThat(entry.spanName()).isNull();
        assertThat(entry.spanKind()).isNull();
        assertThat(entry.metricName()).as("the operation, as before").isEqualTo(entry.operation());
        assertThat(entry.service()).isEqualTo(current.service());
    }

    /** The nullable strings as written: present, then the text. */
    private static byte[] fields(String... values) throws java.io.IOException {
        java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(field)) {
            for (String value : values) {
                out.writeBoolean(true);
                dev.sloscout.engine.model.DataStrings.write(out, value);
            }
        }
        return field.toByteArray();
    }

    /** {@code now} without its last copy of {@code part}, marked as of {@code format}. */
    private static byte[] without(byte[] now, byte[] part, int format) {
        int at = lastIndexOf(now, part);
        assertThat(at).isPositive();
        byte[] old = new byte[now.length - part.length];
        System.arraycopy(now, 0, old, 0, at);
        System.arraycopy(now, at + part.length, old, at, now.length - at - part.length);
        old[0] = (byte) format;
        return old;
    }

    private static int lastIndexOf(byte[] in, byte[] part) {
        for (int i = in.length - part.length; i >= 0; i--) {
            if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void damagedBytesAreRefused() {
        JourneyState state = new JourneyDiscovery().single(TRACES.get(0));
        byte[] bytes = state.encode();
        assertThat(JourneyState.decode(bytes).key()).isEqualTo(state.key());
        for (int cut : new int[] {0, 1, bytes.length / 3, bytes.length - 1}) {
            assertThatThrownBy(() -> JourneyState.decode(Arrays.copyOf(bytes, cut)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> JourneyState.decode(longer)).hasMessageContaining("bytes after");
    }
}
