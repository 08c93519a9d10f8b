package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.engine.model.TraceId;
import dev.sloscout.engine.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Lines read and tokenized on worker threads, mined in order: the capsules are those of one thread, whatever the
 * number of threads, the mix of services and sources, and whether a service's layout is learnt while its lines are
 * in flight.
 */
class ParallelMiningTest {
    private static final String[] SERVICES = {"cart", "payment", "gateway", "search", "auth"};

    private static List<LogEvent> events(long seed, int count) {
        Random random = new Random(seed);
        List<LogEvent> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String service = SERVICES[random.nextInt(1 + random.nextInt(SERVICES.length))];
            String source = "/var/log/" + (random.nextInt(3) == 0 ? "mixed" : service) + ".log";
            boolean raw = random.nextInt(4) != 0;
            int template = random.nextInt(6);
            String body = switch (template) {
                case 0 -> "user u" + random.nextInt(500) + " logged in from 10.0." + random.nextInt(255) + ".7";
                case 1 -> "request " + Long.toHexString(random.nextLong()) + " took " + random.nextInt(900) + " ms";
                case 2 -> "cache miss for key item:" + random.nextInt(10_000);
                case 3 -> "payment declined: card ending " + random.nextInt(10_000) + " reason=" + (random.nextBoolean()
                        ? "insufficient_funds" : "expired");
                case 4 -> "connected to db-" + random.nextInt(4) + " pool size " + random.nextInt(64);
                default -> "shutting down worker " + random.nextInt(32) + " of " + service;
            };
            TraceId trace = random.nextInt(3) == 0 ? new TraceId(7, random.nextInt(1000)) : null;
            if (raw) {
                String header = random.nextInt(5) == 0
                        ? String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d host %s[%d]:", random.nextBoolean() ? "Dec"
                                : "Jan", 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                                service, random.nextInt(9))
                        : String.format(Locale.ROOT, "2024-02-%02d %02d:%02d:%02d,%03d %s", 1 + random.nextInt(28),
                                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000),
                                random.nextInt(7) == 0 ? "ERROR" : "INFO");
                out.add(new LogEvent(source, n + 1, 1, service, header + " " + body, true, "", LogHeader.NO_TIME,
                        Severity.UNKNOWN, trace, null));
            } else {
                out.add(new LogEvent(source, n + 1, 1, service, body, false, "", 1_700_000_000_000L + n * 1000L,
                        random.nextInt(7) == 0 ? Severity.ERROR : Severity.INFO, trace, null));
            }
        }
        return out;
    }

    private static List<Capsule> mine(List<LogEvent> events, int threads, int sourceEvery) {
        return mine(events, threads, 1, CapsuleAccumulator.MAX_WAITING, sourceEvery);
    }

    private static List<Capsule> mine(List<LogEvent> events, int threads, int stages, int maxWaiting,
            int sourceEvery) {
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(),
                id -> new TraceLookup.Link("journey-" + (id.low() % 3), id.low() % 5 == 0),
                java.time.Clock.fixed(java.time.Instant.parse("2024-03-01T00:00:00Z"), java.time.ZoneOffset.UTC),
                4, 50, threads, stages).waitingBound(maxWaiting);
        for (int i = 0; i < events.size(); i++) {
            if (sourceEvery > 0 && i % sourceEvery == 0) {
                capsules.sourceWritten(events.get(i).source(), 1_709_000_000_000L + i);
            }
            capsules.accept(events.get(i));
        }
        assertThat(capsules.events()).isEqualTo(events.size());
        return capsules.capsules();
    }

    @Property(tries = 5)
    void theCapsulesDoNotDependOnTheNumberOfThreads(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 12) int threads, @ForAll @IntRange(min = 0, max = 3000) int sourceEvery) {
        List<LogEvent> events = events(seed, 3_000);
        List<Capsule> serial = mine(events, 1, sourceEvery);
        assertThat(serial).hasSizeGreaterThan(5);
        assertThat(mine(events, threads, sourceEvery)).isEqualTo(serial);
    }

    /**
     * Services shared out over mining stages: the capsules are one thread's whatever the number of workers and
     * stages, also when the bound on waiting events makes every waiting service learn its layout early (decided by
     * the thread handing events out, while the stages are behind) and when services overflow the service bound.
     */
    @Property(tries = 4)
    @Tag("slow") // ~25 s (stages stop and start at every source change and every early learn): in the slow profile
    void theCapsulesDoNotDependOnTheNumberOfMiningStages(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int threads, @ForAll @IntRange(min = 2, max = 7) int stages,
            @ForAll @IntRange(min = 20, max = 2_500) int maxWaiting,
            @ForAll @IntRange(min = 0, max = 3000) int sourceEvery) {
        List<LogEvent> events = events(seed, 3_000);
        List<Capsule> serial = mine(events, 1, 1, maxWaiting, sourceEvery);
        assertThat(serial).hasSizeGreaterThan(5);
        assertThat(mine(events, threads, stages, maxWaiting, sourceEvery)).isEqualTo(serial);
    }

    /**
     * The ground truth the accumulator's runs and stages rest on: each service mined alone, on its own events in
     * their order, gives that service's capsules. Services taking turns line by line must not change them.
     */
    @Property(tries = 3)
    void eachServiceIsMinedAsIfItWereAlone(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int threads,
            @ForAll @IntRange(min = 1, max = 4) int stages) {
        List<LogEvent> events = events(seed, 4_000);
        TraceLookup traces = id -> new TraceLookup.Link("journey-" + (id.low() % 3), id.low() % 5 == 0);
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2024-03-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        java.util.Map<String, ServiceCapsules> alone = new java.util.LinkedHashMap<>();
        for (LogEvent e : events) {
            alone.computeIfAbsent(e.service(), service -> new ServiceCapsules(service, 50))
                    .accept(e, null, traces, source -> clock.millis());
        }
        List<Capsule> expected = new ArrayList<>();
        for (ServiceCapsules service : alone.values()) {
            service.learn(traces, source -> clock.millis());
            expected.addAll(service.capsules(new Redactor()));
        }
        expected.sort(CapsuleAccumulator.MOST_FREQUENT_FIRST);

        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), traces, clock, 100, 50, threads, stages);
        events.forEach(capsules::accept);
        assertThat(capsules.capsules()).isEqualTo(expected);
    }

    @Test
    void theWaitingBoundChangesWhatIsMinedSoTheStagesMustHonourIt() {
        List<LogEvent> events = events(1, 4_000);
        assertThat(mine(events, 1, 1, 30, 0)).as("layouts learnt from 30 lines differ from those of 1,000")
                .isNotEqualTo(mine(events, 1, 1, CapsuleAccumulator.MAX_WAITING, 0));
    }

    @Test
    void aFailureInAMiningStageReachesTheCaller() {
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), id -> {
            throw new IllegalStateException("lookup broke on " + id);
        }, java.time.Clock.systemUTC(), 10, 50, 3, 3);
        List<LogEvent> events = events(5, 2_000);
        assertThatThrownBy(() -> {
            events.forEach(capsules::accept);
            capsules.capsules();
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("lookup broke on");
    }

    @Property(tries = 100)
    void aPreparedLineMinesAsTheLineItself(@ForAll long seed) {
        List<LogEvent> events = events(seed, 40);
        Fingerprinter direct = new Fingerprinter(1972);
        Fingerprinter prepared = new Fingerprinter(1972);
        List<String> sample = events.stream().filter(LogEvent::raw).map(LogEvent::text).toList();
        direct.learnLayout(sample);
        HeaderLayout layout = prepared.learnLayout(sample);
        MessageTokenizer tokenizer = new MessageTokenizer();
        for (LogEvent e : events) {
            Fingerprinter.Prepared p = Fingerprinter.prepare(layout, tokenizer, e.text(), e.raw());
            assertThat(prepared.accepts(p)).isTrue();
            if (e.raw()) {
                Fingerprinter.Fingerprint expected = direct.addLine(e.text());
                Fingerprinter.Fingerprint actual = prepared.add(p);
                assertThat(actual.template()).isEqualTo(expected.template());
                assertThat(actual.header()).isEqualTo(expected.header());
            } else {
                assertThat(prepared.add(p).template()).isEqualTo(direct.addMessage(e.text()));
            }
        }
    }
}
