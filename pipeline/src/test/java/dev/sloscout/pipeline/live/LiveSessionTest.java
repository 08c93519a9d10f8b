package dev.sloscout.pipeline.live;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.trace.SpanSink;
import dev.sloscout.pipeline.Analysis;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live session on a clock the test moves: snapshots every few seconds and traces closed after a quiet minute,
 * checked in a few seconds of real time, without waiting for either.
 */
class LiveSessionTest {
    /** A clock that stands still until the test moves it. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Spans handed in by the test, drained by the session. */
    static final class ScriptedSource extends LiveSource {
        final ConcurrentLinkedQueue<Span> queue = new ConcurrentLinkedQueue<>();
        volatile long received;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        void start() {
        }

        @Override
        int drain(SpanSink spans, LogSink logs, int max) {
            int moved = 0;
            Span s;
            while (moved < max && (s = queue.poll()) != null) {
                spans.accept(s);
                moved++;
                received++;
            }
            return moved;
        }

        @Override
        public String state() {
            return "running";
        }

        @Override
        public long received() {
            return received;
        }

        @Override
        public long lag() {
            return queue.size();
        }

        @Override
        public long errors() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void snapshotsAndQuietTimeFollowTheClockNotTheWall() throws Exception {
        MovingClock clock = new MovingClock();
        AtomicReference<Analysis> latest = new AtomicReference<>();
        List<Span> spans = ShopTraffic.spans(3, 60);
        long started = System.nanoTime();
        try (LiveSession session = new LiveSession(MetricsProfile.DEFAULTS, Duration.ofSeconds(2),
                Duration.ofMinutes(1), latest::set, clock)) {
            ScriptedSource source = new ScriptedSource();
            session.add(source);
            source.queue.addAll(spans);
            await(() -> source.received == spans.size(), () -> "the session drained the source");
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(latest.get()).as("no snapshot while the clock stands").isNull();

            clock.advance(Duration.ofSeconds(3));
            await(() -> latest.get() != null, () -> "a snapshot once snapshotEvery passed on the clock");

            for (int i = 0; i < 30; i++) { // a quiet minute and a half, in steps the session samples
                clock.advance(Duration.ofSeconds(3));
                TimeUnit.MILLISECONDS.sleep(60);
            }
            await(() -> latest.get().summary().spans() == spans.size(), () -> "every trace closed after the quiet "
                    + "minute, got " + latest.get().summary().spans() + " of " + spans.size());
            assertThat(latest.get().journeys()).isNotEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("seconds of real time, not minutes")
                .isLessThan(Duration.ofSeconds(20));
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what.get()).isLessThan(until);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
