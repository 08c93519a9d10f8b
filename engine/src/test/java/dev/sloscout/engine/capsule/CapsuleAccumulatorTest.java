package dev.sloscout.engine.capsule;

import dev.sloscout.engine.redact.Redactor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.model.TraceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapsuleAccumulatorTest {
    private static final TraceId FAILED = TraceId.fromHex("0af7651916cd43dd8448eb211c80319c");
    private static final TraceId FINE = TraceId.fromHex("4bf92f3577b34da6a3ce929d0e0e4736");
    private final TraceLookup traces = id -> id.equals(FAILED) ? new TraceLookup.Link("j-checkout", true)
            : id.equals(FINE) ? new TraceLookup.Link("j-checkout", false) : null;

    private static LogEvent message(String text, Severity severity, TraceId trace, String time) {
        return new LogEvent("app.log", 1, 1, "payment", text, false, "", Instant.parse(time).toEpochMilli(), severity,
                trace, null);
    }

    @Test
    void countsSeveritiesTimesTracesAndJourneysPerTemplate() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), traces, 2024);
        acc.accept(message("charge failed for jane@example.com order 17", Severity.ERROR, FAILED,
                "2024-05-01T10:00:30Z"));
        acc.accept(message("charge failed for bob@example.com order 18", Severity.ERROR, FAILED,
                "2024-05-01T10:03:10Z"));
        acc.accept(message("charge failed for eve@example.com order 19", Severity.WARN, FINE, "2024-05-01T10:03:20Z"));
        acc.accept(message("charged order 20", Severity.INFO, null, "2024-05-01T10:04:00Z"));

        List<Capsule> capsules = acc.capsules();
        assertThat(capsules).hasSize(2);
        assertThat(acc.templateCount()).isEqualTo(2);
        Capsule failed = capsules.get(0);
        assertThat(failed.template()).isEqualTo("charge failed for <EMAIL> order <NUM>");
        assertThat(failed.count()).isEqualTo(3);
        assertThat(failed.severities()).containsEntry(Severity.ERROR, 2L).containsEntry(Severity.WARN, 1L);
        assertThat(failed.worstSeverity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(failed.firstSeenMillis())).isEqualTo(Instant.parse("2024-05-01T10:00:30Z"));
        assertThat(Instant.ofEpochMilli(failed.lastSeenMillis())).isEqualTo(Instant.parse("2024-05-01T10:03:20Z"));
        assertThat(failed.counts().values()).containsExactly(1L, 2L);
        assertThat(failed.traceIds()).containsExactly(FAILED.toHex(), FINE.toHex());
        assertThat(failed.eventsOnErrorTraces()).isEqualTo(2);
        assertThat(failed.mostlyOnErrorTraces()).isTrue();
        assertThat(failed.journeys()).containsEntry("j-checkout", 3L);
        assertThat(capsules.get(1).mostlyOnErrorTraces()).isFalse();
    }

    /**
     * A stack printed under a line without a level (Go's net/http panic, an exception on its own) is an error; a level
     * the line names stays, and a line without a stack and a level stays unknown.
     */
    @Test
    void aStackWithoutALevelIsAnError() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2026);
        acc.accept(raw("2026-12-03 13:55:22 http: panic serving 127.0.0.1:48176: assignment to entry in nil map",
                "goroutine 24 [running]:\nnet/http.(*conn).serve.func1()\n\t/usr/lib/go/src/net/http/server.go:1850"));
        acc.accept(raw("java.lang.IllegalStateException: db down", "  Position: 15\n\tat a.B.run(B.java:10)"));
        acc.accept(raw("Traceback (most recent call last):", "  File \"/app/app.py\", line 10, in order\n"
                + "    raise ValueError(\"no items\")\nValueError: no items"));
        acc.accept(raw("2026-12-03 13:55:23 [WARN] retrying order 7",
                "java.io.IOException: reset\n\tat a.B.run(B.java:9)"));
        acc.accept(raw("2026-12-03 13:55:24 order 8 placed", "  with 3 items"));

        assertThat(acc.capsules()).extracting(Capsule::template, Capsule::worstSeverity).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("http: panic serving <IP:PORT>: assignment to entry in nil map",
                        Severity.ERROR),
                org.assertj.core.api.Assertions.tuple("java.lang.IllegalStateException: db down", Severity.ERROR),
                org.assertj.core.api.Assertions.tuple("Traceback (most recent call last):", Severity.ERROR),
                org.assertj.core.api.Assertions.tuple("retrying order <NUM>", Severity.WARN),
                org.assertj.core.api.Assertions.tuple("order <NUM> placed", Severity.UNKNOWN));
    }

    /**
     * A Ruby exception as Ruby inspects it, on a line without a level (Puma's report of a request its app raised on),
     * is an error; an object Ruby inspects otherwise, a set or an instance, says nothing of the line's severity.
     */
    @Test
    void aRubyExceptionShownWithoutALevelIsAnError() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2026);
        acc.accept(raw("2026-12-04 08:54:00 +0000 Rack app (\"GET /orders/7\" - (127.0.0.1)): "
                + "#<ArgumentError: order /orders/7 is invalid>", ""));
        acc.accept(raw("retry failed: #<Errno::ECONNREFUSED: Connection refused - connect(2) for 127.0.0.1:6390>", ""));
        acc.accept(raw("fetch failed: #<Faraday::TimeoutException: execution expired>", ""));
        acc.accept(raw("cart now #<Set: {1, 2}>", ""));
        acc.accept(raw("loaded #<Order:0x000055d5c1a2b3c8 @id=7>", ""));

        assertThat(acc.capsules()).extracting(c -> c.template().substring(0, 6), Capsule::worstSeverity)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("Rack a", Severity.ERROR),
                        org.assertj.core.api.Assertions.tuple("retry ", Severity.ERROR),
                        org.assertj.core.api.Assertions.tuple("fetch ", Severity.ERROR),
                        org.assertj.core.api.Assertions.tuple("cart n", Severity.UNKNOWN),
                        org.assertj.core.api.Assertions.tuple("loaded", Severity.UNKNOWN));
    }

    private static LogEvent raw(String text, String continuation) {
        return new LogEvent("app.log", 1, 1 + (int) continuation.lines().count(), "shop", text, true, continuation,
                LogHeader.NO_TIME, Severity.UNKNOWN, null, null);
    }

    @Test
    void samplesAreRedactedAndBounded() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        for (int i = 0; i < 1000; i++) {
            acc.accept(message("login for user" + i + "@example.com from 10.1.2." + (i % 250) + " password=pw" + i,
                    Severity.INFO, null, "2024-05-01T10:00:00Z"));
        }
        Capsule capsule = acc.capsules().get(0);
        assertThat(capsule.samples()).hasSize(ServiceCapsules.SAMPLES);
        assertThat(capsule.samples()).allSatisfy(s -> assertThat(s.text())
                .isEqualTo("login for <EMAIL> from <IP> password=<SECRET:password>"));
        assertThat(capsule.template()).doesNotContain("example.com");
    }

    /**
     * Hibernate logs a statement and then, a record each, the values bound to it: a password bound on every login is
     * the same word on each line, so the template would keep it too; it goes as each line arrives, whatever the
     * threads mining, and counts once a line.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void aValueBoundToAStatementOfAnEarlierRecordGoesBeforeMining(int threads) {
        Redactor redactor = new Redactor();
        CapsuleAccumulator acc = new CapsuleAccumulator(redactor, TraceLookup.NONE, java.time.Clock.systemUTC(),
                CapsuleAccumulator.DEFAULT_MAX_SERVICES, TemplateMiner.DEFAULT_MAX_TEMPLATES, threads);
        for (int i = 0; i < 40; i++) {
            acc.accept(raw("2026-12-07 17:42:45,70" + i % 10 + " DEBUG org.hibernate.SQL - select u.id from users u "
                    + "where u.name=? and u.password=?", ""));
            acc.accept(raw("2026-12-07 17:42:45,70" + i % 10 + " TRACE org.hibernate.orm.jdbc.bind - binding "
                    + "parameter (1:VARCHAR) <- [bob" + i + "]", ""));
            acc.accept(raw("2026-12-07 17:42:45,70" + i % 10 + " TRACE org.hibernate.orm.jdbc.bind - binding "
                    + "parameter (2:VARCHAR) <- [s3cretSamePw]", ""));
        }
        List<Capsule> capsules = acc.capsules();
        assertThat(capsules).isNotEmpty().allSatisfy(c -> {
            assertThat(c.template()).doesNotContain("s3cretSamePw");
            assertThat(c.samples()).allSatisfy(sample -> assertThat(sample.text()).doesNotContain("s3cretSamePw"));
        });
        assertThat(capsules).flatExtracting(Capsule::samples).extracting(Capsule.Sample::text)
                .anyMatch(t -> t.endsWith("binding parameter (2:VARCHAR) <- [<SECRET:password>]"));
        assertThat(redactor.redactions().totals()).containsEntry("password", 40L);
    }

    /**
     * Records of two threads interleaved, each naming its thread in a field (a JSON record's, an OTLP attribute) and
     * not in its text: each value is paired with its own thread's statement.
     */
    @Test
    void aValueIsPairedWithTheStatementOfTheThreadItsRecordNames() {
        Redactor redactor = new Redactor();
        CapsuleAccumulator acc = new CapsuleAccumulator(redactor, TraceLookup.NONE, 2026);
        String[][] records = {{"exec-1", "insert into accounts (username,password) values (?,?)"},
            {"exec-2", "insert into notes (title,body) values (?,?)"},
            {"exec-1", "binding parameter (2:VARCHAR) <- [s3cretPw]"},
            {"exec-2", "binding parameter (2:VARCHAR) <- [plain note]"}};
        for (String[] record : records) {
            acc.accept(new LogEvent("app.jsonl", 1, 1, "app", record[1], true, "", LogHeader.NO_TIME, Severity.TRACE,
                    null, null, record[0]));
        }
        assertThat(acc.capsules()).flatExtracting(Capsule::samples).extracting(Capsule.Sample::text)
                .contains("binding parameter (2:VARCHAR) <- [<SECRET:password>]",
                        "binding parameter (2:VARCHAR) <- [plain note]")
                .noneMatch(t -> t.contains("s3cretPw"));
    }

    /**
     * mod_log_forensic joins a request's headers with bars: the key before a credential is glued to a host's address,
     * a placeholder in the template, and the credential, the same on each line, would stand in it alone.
     */
    @Test
    void aTemplateShowsNoWordItsLinesLoseToRedaction() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        List<LogEvent> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(message("+axbH" + i + "AAAI|GET /private/report HTTP/1.1|Host:10.0.0." + i
                    + "%3a8082|Authorization:Basic Ym9iOmZvcmVuc2ljcHc=|Accept:*/*", Severity.INFO, null,
                    "2024-05-01T10:00:00Z"));
        }
        lines.forEach(acc::accept);
        Capsule capsule = acc.capsules().get(0);
        assertThat(capsule.count()).isEqualTo(3);
        assertThat(capsule.samples()).allSatisfy(s -> assertThat(s.text()).contains("Basic <SECRET:token>"));
        assertThat(capsule.template()).startsWith("<*> <PATH> <*> ").doesNotContain("Ym9iOmZvcmVuc2ljcHc");
        // the template a second pass labels the lines with (slo-scout fingerprint)
        assertThat(acc.templateOf(lines.get(1)).text()).isEqualTo(capsule.template());
    }

    @Test
    void countBucketsWidenInsteadOfGrowingWithTheTimeSpan() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int minute = 0; minute < 60 * 24 * 30; minute++) {
            acc.accept(new LogEvent("x", minute, 1, "svc", "tick", false, "",
                    start.plusSeconds(60L * minute).toEpochMilli(), Severity.INFO, null, null));
        }
        Capsule capsule = acc.capsules().get(0);
        assertThat(capsule.counts().size()).isLessThanOrEqualTo(ServiceCapsules.MAX_BUCKETS);
        assertThat(capsule.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60 * 24 * 30);
        assertThat(capsule.bucketMillis()).isGreaterThan(ServiceCapsules.FIRST_BUCKET_MILLIS);
    }

    @Test
    void rawLinesTakeTimeAndSeverityFromTheirHeader() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        acc.accept(LogEvent.rawLine("svc.log", 1, "svc", "2024-02-03 04:05:06,789 WARN [main] a.B: disk 91% full"));
        Capsule capsule = acc.capsules().get(0);
        assertThat(capsule.severities()).containsOnlyKeys(Severity.WARN);
        assertThat(Instant.ofEpochMilli(capsule.firstSeenMillis())).isEqualTo(Instant.parse("2024-02-03T04:05:06.789Z"));
        assertThat(capsule.template()).isEqualTo("disk <*> full");
    }

    @Test
    void aLoggerLineInsideStructuredMessagesHasItsHeaderLearntPerService() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        for (int i = 0; i < 6; i++) { // a Java logger line shipped as the message of a JSON record or OTLP body
            acc.accept(new LogEvent("app.jsonl", i + 1, 1, "orders", "2024-02-03 04:05:0" + i + ",789 "
                    + (i % 2 == 0 ? "INFO" : "WARN") + " [main] a.Orders: order " + (40 + i) + " placed", true, "",
                    LogHeader.NO_TIME, Severity.UNKNOWN, null, null));
            acc.accept(new LogEvent("other.jsonl", i + 1, 1, "billing", "user " + i + " logged in", true, "",
                    LogHeader.NO_TIME, Severity.UNKNOWN, null, null));
        }
        assertThat(acc.layoutOf("orders").describe()).isEqualTo("TIME LEVEL BRACKET COMPONENT");
        assertThat(acc.layoutOf("billing").describe()).as("plain messages: no header, nothing taken from them")
                .isEqualTo("(none: lines are all message)");
        Capsule orders = acc.capsules().stream().filter(c -> c.service().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.template()).isEqualTo("order <NUM> placed");
        assertThat(orders.severities()).containsEntry(Severity.INFO, 3L).containsEntry(Severity.WARN, 3L);
        assertThat(Instant.ofEpochMilli(orders.firstSeenMillis())).isEqualTo(Instant.parse("2024-02-03T04:05:00.789Z"));
        assertThat(acc.capsules().stream().filter(c -> c.service().equals("billing")).findFirst().orElseThrow()
                .template()).isEqualTo("user <NUM> logged in");
    }

    @org.junit.jupiter.api.Test
    void servicesBeyondTheCapAreMinedTogetherAndCounted() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        int services = CapsuleAccumulator.DEFAULT_MAX_SERVICES + 10;
        for (int s = 0; s < services; s++) {
            acc.accept(LogEvent.rawLine("app.log", s + 1, "svc-" + s, "2024-01-01 10:00:00 INFO cache warmed"));
        }

        assertThat(acc.overflowEvents()).isEqualTo(10);
        assertThat(acc.overflowServices()).isEqualTo(10);
        assertThat(acc.capsules()).filteredOn(c -> c.service().equals(CapsuleAccumulator.OTHER_SERVICES))
                .singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(10));
        assertThat(acc.capsules().stream().map(Capsule::service).distinct().count())
                .isEqualTo(CapsuleAccumulator.DEFAULT_MAX_SERVICES + 1);
    }
}
