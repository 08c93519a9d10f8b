package dev.sloscout.engine.capsule;

import dev.sloscout.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Yearless timestamps take their year from the data: the source's time of writing, then the lines before. */
class YearlessTimesTest {
    private static long parsed(int month, int day, int hour) {
        return LocalDateTime.of(YearlessTimes.PARSED_IN, month, day, hour, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aFileWrittenInJanuaryHoldsLastDecemberThenThisJanuary() {
        YearlessTimes times = new YearlessTimes(at("2019-01-05T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(times.place(parsed(12, 30, 23)))).isEqualTo(Instant.parse("2018-12-30T23:00:00Z"));
        assertThat(Instant.ofEpochMilli(times.place(parsed(12, 31, 22)))).isEqualTo(Instant.parse("2018-12-31T22:00:00Z"));
        assertThat(Instant.ofEpochMilli(times.place(parsed(1, 2, 3)))).as("December to January: the next year")
                .isEqualTo(Instant.parse("2019-01-02T03:00:00Z"));
        assertThat(Instant.ofEpochMilli(times.place(parsed(1, 4, 5)))).isEqualTo(Instant.parse("2019-01-04T05:00:00Z"));
    }

    private static long timeOfDay(String time) {
        return LogHeader.DATELESS_DAY + java.time.LocalTime.parse(time).toNanoOfDay() / 1_000_000;
    }

    /**
     * A time of day without a date is placed on the day the source was written, the first at or before its last write,
     * each next one nearest to the one before: past midnight on the next day, a line out of order on the same.
     */
    @Test
    void timesOfDayAreOnTheDayTheSourceWasWritten() {
        YearlessTimes times = new YearlessTimes(at("2026-12-04T09:30:00Z"));
        assertThat(Instant.ofEpochMilli(times.placeTimeOfDay(timeOfDay("22:15:00.250"))))
                .as("after the last write's time of day: the day before").isEqualTo("2026-12-03T22:15:00.250Z");
        assertThat(Instant.ofEpochMilli(times.placeTimeOfDay(timeOfDay("23:59:59")))).isEqualTo("2026-12-03T23:59:59Z");
        assertThat(Instant.ofEpochMilli(times.placeTimeOfDay(timeOfDay("00:00:02")))).as("past midnight")
                .isEqualTo("2026-12-04T00:00:02Z");
        assertThat(Instant.ofEpochMilli(times.placeTimeOfDay(timeOfDay("23:59:58")))).as("a line out of order")
                .isEqualTo("2026-12-03T23:59:58Z");
        assertThat(Instant.ofEpochMilli(times.placeTimeOfDay(timeOfDay("09:29:00")))).isEqualTo("2026-12-04T09:29:00Z");

        YearlessTimes sameDay = new YearlessTimes(at("2026-12-04T17:46:12Z"));
        assertThat(Instant.ofEpochMilli(sameDay.placeTimeOfDay(timeOfDay("15:05:18.003"))))
                .isEqualTo("2026-12-04T15:05:18.003Z");
        assertThat(LogHeader.isDateless(timeOfDay("23:59:59.999"))).isTrue();
        assertThat(LogHeader.isDateless(at("2026-12-04T17:46:12Z"))).isFalse();
        assertThat(YearlessTimes.isYearless(timeOfDay("12:00:00"))).isFalse();
    }

    @Test
    void theYearNeverComesFromToday() {
        YearlessTimes old = new YearlessTimes(at("2005-06-20T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(old.place(parsed(6, 14, 15)))).isEqualTo(Instant.parse("2005-06-14T15:00:00Z"));
        assertThat(YearlessTimes.isYearless(parsed(2, 29, 1))).as("February 29 parses: 1972 is a leap year").isTrue();
        assertThat(YearlessTimes.isYearless(at("2005-06-20T00:00:00Z"))).isFalse();
    }

    /**
     * Lines on the same day as the one before take the shortcut (the same shift); a placer restored from the last
     * time placed knows no parsed time and so works it out in full: both must agree, line after line, across years,
     * month ends and February 29.
     */
    @net.jqwik.api.Property(tries = 300)
    void theSameDayShortcutPlacesAsTheFullReadingDoes(@net.jqwik.api.ForAll("parsedRuns") java.util.List<Long> times,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1990, max = 2030) int writtenIn) {
        long written = LocalDateTime.of(writtenIn, 6, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        YearlessTimes placer = new YearlessTimes(written);
        int shortcuts = 0;
        long before = Long.MIN_VALUE;
        for (long time : times) {
            long expected = new YearlessTimes(written, placer.previous()).place(time);
            assertThat(placer.place(time)).as("%s after %s", Instant.ofEpochMilli(time), Instant.ofEpochMilli(before))
                    .isEqualTo(expected);
            shortcuts += before != Long.MIN_VALUE && Math.floorDiv(time, 86_400_000L) == Math.floorDiv(before,
                    86_400_000L) ? 1 : 0;
            before = time;
        }
        assertThat(shortcuts).as("runs on one day").isPositive();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<java.util.List<Long>> parsedRuns() {
        long[] days = {parsed(1, 1, 0), parsed(2, 28, 0), parsed(2, 29, 0), parsed(3, 1, 0), parsed(6, 30, 0),
            parsed(12, 31, 0)};
        return net.jqwik.api.Arbitraries.randomValue(random -> {
            java.util.List<Long> times = new java.util.ArrayList<>();
            long day = days[random.nextInt(days.length)];
            for (int i = 0; i < 40; i++) {
                if (random.nextInt(4) == 0) {
                    day = days[random.nextInt(days.length)];
                }
                times.add(day + random.nextInt(86_400_000));
            }
            return times;
        });
    }

    @Test
    void yearlessIsTheParsingYearToTheMillisecond() {
        long start = LocalDateTime.of(YearlessTimes.PARSED_IN, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        long end = LocalDateTime.of(YearlessTimes.PARSED_IN + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(YearlessTimes.isYearless(start - 1)).isFalse();
        assertThat(YearlessTimes.isYearless(start)).isTrue();
        assertThat(YearlessTimes.isYearless(end - 1)).isTrue();
        assertThat(YearlessTimes.isYearless(end)).isFalse();
        assertThat(YearlessTimes.isYearless(LogHeader.NO_TIME)).isFalse();
    }

    @Test
    void theAccumulatorPlacesSyslogLinesInTheYearTheirFileWasWritten() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2030); // "now" is 2030
        acc.sourceWritten("auth.log", at("2006-01-02T00:00:00Z"));
        acc.accept(LogEvent.rawLine("auth.log", 1, "auth", "Dec 31 23:59:00 host sshd[1]: session opened"));
        acc.accept(LogEvent.rawLine("auth.log", 2, "auth", "Jan  1 00:01:00 host sshd[1]: session opened"));
        acc.accept(LogEvent.rawLine("auth.log", 3, "auth", "Jan  1 00:02:00 host sshd[1]: session opened"));
        Capsule c = acc.capsules().get(0);
        assertThat(Instant.ofEpochMilli(c.firstSeenMillis())).isEqualTo(Instant.parse("2005-12-31T23:59:00Z"));
        assertThat(Instant.ofEpochMilli(c.lastSeenMillis())).isEqualTo(Instant.parse("2006-01-01T00:02:00Z"));
    }

    /**
     * What was placed is said per source, over all the services its lines were mined under: how many times had no
     * year or no date, the first and last instant they were placed at, and from what (the file's last write, or, for a
     * source whose writing time is unknown, the present); a source whose lines are dated is not listed.
     */
    @Test
    void theAccumulatorSaysPerSourceWhatItPlacedAndFromWhat() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2030); // "now" is 2030
        acc.sourceWritten("auth.log", at("2006-01-02T00:00:00Z"));
        acc.accept(LogEvent.rawLine("auth.log", 1, "auth", "Dec 31 23:59:00 host sshd[1]: session opened"));
        acc.accept(LogEvent.rawLine("auth.log", 2, "cron", "Jan  1 00:01:00 host cron[2]: job started"));
        acc.accept(LogEvent.rawLine("auth.log", 3, "auth", "Jan  1 00:02:00 host sshd[1]: session opened"));
        acc.accept(LogEvent.rawLine("console", 1, "shell", "15:05:18.003 [info] booted"));
        acc.accept(LogEvent.rawLine("app.log", 1, "app", "2024-03-01 10:00:00 INFO dated lines place nothing"));

        List<PlacedTimes> placed = acc.placedTimes();

        assertThat(placed).extracting(PlacedTimes::source).containsExactly("auth.log", "console");
        PlacedTimes auth = placed.get(0);
        assertThat(auth.yearless()).isEqualTo(3);
        assertThat(auth.dateless()).isZero();
        assertThat(Instant.ofEpochMilli(auth.earliestMillis())).isEqualTo("2005-12-31T23:59:00Z");
        assertThat(Instant.ofEpochMilli(auth.latestMillis())).isEqualTo("2006-01-01T00:02:00Z");
        assertThat(auth.written()).isTrue();
        assertThat(auth.describe()).isEqualTo("3 times written without a year were placed from 2005-12-31 to "
                + "2006-01-01, counting back from when the file was last written (2006-01-02 00:00 UTC); copied or "
                + "touched since, its dates are off by the years between");
        PlacedTimes console = placed.get(1);
        assertThat(console.dateless()).isEqualTo(1);
        assertThat(console.written()).isFalse();
        assertThat(console.describe()).isEqualTo("1 time of day written without a date was placed on 2030-12-31, "
                + "counting back from when it was read (2030-12-31 23:59 UTC)");
    }
}
