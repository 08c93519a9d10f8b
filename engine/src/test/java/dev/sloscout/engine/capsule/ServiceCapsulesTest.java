package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.redact.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class ServiceCapsulesTest {
    /** December 2025: the yearless syslog lines below are placed in 2025, January ones after New Year in 2026. */
    private static final ToLongFunction<String> WRITTEN = source -> 1_767_000_000_000L;
    private static final TraceId FAILED = TraceId.fromHex("0af7651916cd43dd8448eb211c80319c");
    private final TraceLookup traces = id -> id.equals(FAILED) ? new TraceLookup.Link("j-checkout", true) : null;
    private final Redactor redactor = new Redactor();

    /**
     * A service's log: syslog lines (yearless, over New Year) in many shapes, some with folded stack traces, trace
     * ids on some; words that generalise to variables as their siblings come (their templates' ids change).
     */
    private static List<LogEvent> log(long seed, int count) {
        return log(seed, count, false);
    }

    /** @param inRuns times in order, five lines to a minute (as logs come), instead of anywhere in the day */
    private static List<LogEvent> log(long seed, int count, boolean inRuns) {
        Random random = new Random(seed);
        String[] users = {"alice", "bob", "carol", "dave", "erin"};
        List<LogEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int day = 28 + i * 6 / count; // Dec 28 .. Jan 2
            String date = day <= 31 ? "Dec " + day : "Jan  " + (day - 31);
            int minuteOfDay = inRuns ? i / 5 % (24 * 60) : random.nextInt(24 * 60);
            String time = String.format("%s %02d:%02d:%02d host sshd[%d]: ", date, minuteOfDay / 60,
                    minuteOfDay % 60, random.nextInt(60), 1000 + random.nextInt(9000));
            String body = switch (random.nextInt(9)) {
                case 0 -> "Failed password for " + users[random.nextInt(users.length)] + " from 10.0."
                        + random.nextInt(255) + "." + random.nextInt(255) + " port " + random.nextInt(65536) + " ssh2";
                case 1 -> "Accepted publickey for " + users[random.nextInt(users.length)] + " from 192.168.1."
                        + random.nextInt(255);
                case 2 -> "session opened for user " + users[random.nextInt(users.length)] + " by (uid=0)";
                case 3 -> "error: connection reset by peer after " + random.nextInt(5000) + " ms";
                case 4 -> "pam_unix(sshd:auth): check pass; user unknown";
                case 5 -> "Received disconnect from 10.1.1." + random.nextInt(255) + ": 11: Bye Bye";
                case 6 -> "worker " + random.nextInt(4) + " state " + users[random.nextInt(users.length)]
                        + " changed to " + (random.nextBoolean() ? "idle" : "busy");
                case 7 -> "unusual event kind" + random.nextInt(40) + " seen on shard" + random.nextInt(3);
                default -> "Exception in handler " + random.nextInt(100);
            };
            String continuation = body.startsWith("Exception") ? "\tat a.B.c(B.java:" + random.nextInt(90) + ")" : "";
            TraceId trace = random.nextInt(4) == 0 ? FAILED : null;
            out.add(new LogEvent("auth.log", i + 1, 1, "sshd", time + body, true, continuation,
                    LogHeader.NO_TIME, Severity.UNKNOWN, trace, trace == null ? null : new SpanId(1 + i)));
        }
        return out;
    }

    @Test
    void aStateDecodedAnywhereMinesOnAsTheOriginalWould() {
        for (long seed = 1; seed <= 6; seed++) {
            List<LogEvent> events = log(seed, 1500 + (int) seed * 300);
            int bound = seed % 2 == 0 ? 12 : 5000; // a small bound fills the overflow template before words generalise
            ServiceCapsules whole = new ServiceCapsules("sshd", bound);
            events.forEach(e -> whole.accept(e, null, traces, WRITTEN));

            Random cuts = new Random(seed);
            ServiceCapsules carried = new ServiceCapsules("sshd", bound);
            int decoded = 0;
            for (LogEvent e : events) {
                carried.accept(e, null, traces, WRITTEN);
                if (cuts.nextInt(150) == 0) {
                    carried = ServiceCapsules.decode(carried.encode());
                    decoded++;
                }
            }
            assertThat(decoded).isGreaterThan(5);
            assertThat(whole.learnt()).isTrue();
            List<Capsule> expected = whole.capsules(redactor);
            if (bound == 12) {
                assertThat(whole.overflowMessages()).isPositive();
            } else {
                assertThat(expected).anySatisfy(c -> assertThat(c.formerTemplateIds()).isNotEmpty());
            }
            assertThat(carried.capsules(redactor)).as("seed %d", seed).isEqualTo(expected);
            assertThat(carried.templateCount()).isEqualTo(whole.templateCount());
            assertThat(carried.overflowMessages()).isEqualTo(whole.overflowMessages());
        }
    }

    /**
     * Lines several to a minute, as logs come, fill a bucket in turns: its counts must add up to the events, and
     * stay the same across cuts (the state encoded and decoded) and the merging of a template's former ids.
     */
    @Test
    void bucketCountsAddUpWhenLinesComeSeveralToAMinute() {
        for (long seed = 1; seed <= 4; seed++) {
            List<LogEvent> events = log(seed, 3000, true);
            ServiceCapsules whole = new ServiceCapsules("sshd", 5000);
            events.forEach(e -> whole.accept(e, null, traces, WRITTEN));
            Random cuts = new Random(seed);
            ServiceCapsules carried = new ServiceCapsules("sshd", 5000);
            for (LogEvent e : events) {
                carried.accept(e, null, traces, WRITTEN);
                if (cuts.nextInt(100) == 0) {
                    carried = ServiceCapsules.decode(carried.encode());
                }
            }
            List<Capsule> expected = whole.capsules(redactor);
            assertThat(expected).anySatisfy(c -> assertThat(c.formerTemplateIds()).isNotEmpty());
            for (Capsule c : expected) {
                assertThat(c.counts().values().stream().mapToLong(Long::longValue).sum()).as(c.template())
                        .isEqualTo(c.count());
            }
            assertThat(carried.capsules(redactor)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void aStateStillWaitingForItsLayoutCarriesItsEvents() {
        List<LogEvent> events = log(7, 400);
        ServiceCapsules waiting = new ServiceCapsules("sshd", 5000);
        events.forEach(e -> waiting.accept(e, null, traces, WRITTEN));
        assertThat(waiting.learnt()).isFalse();

        ServiceCapsules decoded = ServiceCapsules.decode(waiting.encode());
        assertThat(decoded.waiting()).isEqualTo(400);
        List<Capsule> soFar = decoded.capsulesSoFar(redactor, traces, WRITTEN);
        assertThat(soFar.stream().mapToLong(Capsule::count).sum()).isEqualTo(400);
        assertThat(decoded.learnt()).as("a look does not learn").isFalse();

        waiting.learn(traces, WRITTEN);
        assertThat(soFar).isEqualTo(waiting.capsules(redactor));
        assertThat(soFar).allSatisfy(c -> assertThat(c.firstSeenMillis()).isNotEqualTo(LogHeader.NO_TIME));
    }

    /**
     * Elixir's console logger writes the time of day alone: its events take the day their source was written, so its
     * capsules are on the timeline (they had no time at all).
     */
    @Test
    void timesOfDayAlonePlaceEventsOnTheDayTheSourceWasWritten() {
        ServiceCapsules state = new ServiceCapsules("shop", 50);
        ToLongFunction<String> written = source -> 1_764_806_400_000L; // 2025-12-04T00:00Z
        String[] levels = {"info", "warning", "error"};
        for (int i = 0; i < 30; i++) {
            String text = String.format("23:%02d:%02d.003 [%s] cache miss for key user:%d", 50 + i / 6, i % 60,
                    levels[i % 3], i);
            state.accept(new LogEvent("shop.log", i + 1, 1, "shop", text, true, "", LogHeader.NO_TIME,
                    Severity.UNKNOWN, null, null), null, traces, written);
        }
        state.accept(new LogEvent("shop.log", 31, 1, "shop", "00:00:01.500 [error] order 7 failed", true, "",
                LogHeader.NO_TIME, Severity.UNKNOWN, null, null), null, traces, written);
        state.learn(traces, written);
        List<Capsule> capsules = state.capsules(redactor);
        assertThat(capsules).extracting(c -> java.time.Instant.ofEpochMilli(c.firstSeenMillis()).toString())
                .containsExactly("2025-12-03T23:50:00.003Z", "2025-12-04T00:00:01.500Z");
    }

    @Test
    void yearlessPlacementRemembersABoundedNumberOfSources() {
        // a Kafka source names each record as its own source: one placement per record would grow without bound
        ServiceCapsules state = new ServiceCapsules("sshd", 5000);
        List<LogEvent> events = log(5, 3 * ServiceCapsules.MAX_SOURCES);
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            state.accept(new LogEvent("kafka auth partition 0 offset " + i, e.line(), e.lines(), e.service(), e.text(),
                    e.raw(), e.continuation(), e.epochMillis(), e.severity(), e.traceId(), e.spanId()), null, traces,
                    WRITTEN);
        }
        assertThat(state.learnt()).isTrue();
        assertThat(state.sourcesPlaced()).isEqualTo(ServiceCapsules.MAX_SOURCES);
        assertThat(ServiceCapsules.decode(state.encode()).sourcesPlaced()).isEqualTo(ServiceCapsules.MAX_SOURCES);
    }

    @Test
    void damagedBytesAreRefusedWithTheReason() {
        ServiceCapsules state = new ServiceCapsules("sshd", 50);
        log(3, 1200).forEach(e -> state.accept(e, null, traces, WRITTEN));
        byte[] bytes = state.encode();
        for (int cut : new int[] {0, 1, 9, bytes.length / 3, bytes.length / 2, bytes.length - 1}) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> ServiceCapsules.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> ServiceCapsules.decode(otherVersion)).hasMessageContaining("version 9");
    }

    @Test
    void logEventsRoundTripEveryField() {
        for (LogEvent e : log(11, 50)) {
            assertThat(LogEventCodec.decode(LogEventCodec.encode(e))).isEqualTo(e);
        }
        LogEvent bare = new LogEvent("kafka logs partition 0 offset 3", 4, 1, "cart", "héllo ✓", false, "", 5,
                Severity.WARN, null, null);
        assertThat(LogEventCodec.decode(LogEventCodec.encode(bare))).isEqualTo(bare);
        LogEvent threaded = bare.withThread("http-nio-8080-exec-1");
        assertThat(LogEventCodec.decode(LogEventCodec.encode(threaded))).isEqualTo(threaded);
    }

    /** An event encoded before the thread was (version 1) is still read, naming none. */
    @Test
    void aFirstVersionEventIsReadWithoutAThread() {
        LogEvent event = new LogEvent("app.log", 4, 1, "cart", "hello", true, "", 5, Severity.WARN, null, null);
        byte[] current = LogEventCodec.encode(event);
        byte[] first = Arrays.copyOf(current, current.length - Integer.BYTES); // the empty thread's length off
        first[0] = 1;
        assertThat(LogEventCodec.decode(first)).isEqualTo(event);
    }
}
