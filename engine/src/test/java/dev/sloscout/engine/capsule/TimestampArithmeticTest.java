package dev.sloscout.engine.capsule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timestamp reader's shortcuts against the java.time and string readings they replace. */
class TimestampArithmeticTest {

    @Property(tries = 20_000)
    void epochMillisAreWhatJavaTimeSaysAndRefusedWhereItRefuses(
            @ForAll @IntRange(min = -3000, max = 12000) int year, @ForAll @IntRange(min = 0, max = 13) int month,
            @ForAll @IntRange(min = 0, max = 32) int day, @ForAll @IntRange(min = -1, max = 24) int hour,
            @ForAll @IntRange(min = -1, max = 60) int minute, @ForAll @IntRange(min = -1, max = 60) int second,
            @ForAll @IntRange(min = -1, max = 1_000_000_000) int nanos,
            @ForAll @IntRange(min = -20 * 3600, max = 20 * 3600) int offsetSeconds) {
        long want;
        try {
            want = LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds)).toEpochMilli();
        } catch (DateTimeException e) {
            want = Long.MIN_VALUE;
        }
        assertThat(Timestamps.epochMillis(year, month, day, hour, minute, second, nanos, offsetSeconds)).isEqualTo(want);
    }

    /**
     * One reader over a run of times that mostly stay on a day (its last day is remembered) and now and then move to
     * another, or to a day the month does not have: each is the instant java.time gives, or refused where it refuses.
     */
    @Property(tries = 2_000)
    void aRunOfTimesOnTheSameAndOtherDaysReadsAsJavaTimeSays(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> moves,
            @ForAll @IntRange(min = 1990, max = 2040) int startYear, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Random random = new java.util.Random(seed);
        int year = startYear;
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(31);
        for (int move : moves) {
            if (move == 0) {
                year = 1990 + random.nextInt(50);
            } else if (move == 1) {
                month = 1 + random.nextInt(12);
            } else if (move <= 3) {
                day = 1 + random.nextInt(31); // 29 to 31 of a shorter month are refused
            }
            int hour = random.nextInt(24);
            int minute = random.nextInt(60);
            int second = random.nextInt(60);
            int millis = random.nextInt(1000);
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03d%s%02d:%02d message", year, month, day,
                    hour, minute, second, millis, offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60,
                    Math.abs(offsetMinutes) % 60);
            long want;
            try {
                want = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                        .toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toEpochMilli();
            } catch (DateTimeException e) {
                want = Long.MIN_VALUE;
            }
            Timestamps.Match match = timestamps.match(text, 0, text.length());
            assertThat(match).as(text).isNotNull();
            assertThat(match.epochMillis()).as(text).isEqualTo(want);
        }
    }

    @Property(tries = 5_000)
    void leapDaysAndMonthEndsAgree(@ForAll @IntRange(min = 1582, max = 2500) int year,
                                   @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 28, max = 31) int day) {
        long want;
        try {
            want = LocalDateTime.of(year, month, day, 23, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            want = Long.MIN_VALUE;
        }
        assertThat(Timestamps.epochMillis(year, month, day, 23, 59, 59, 999_999_999, 0)).isEqualTo(want);
    }

    @Property(tries = 20_000)
    void aNameStartIsFoundWhereTheNameTableHoldsTheThreeLetters(
            @ForAll @StringLength(min = 1, max = 6) @CharRange(from = 'A', to = 'z') String text,
            @ForAll @IntRange(min = 0, max = 5) int at) {
        int i = Math.min(at, text.length() - 1);
        boolean want;
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
            return; // digits take the other path, unchanged
        }
        want = i + 3 <= text.length() && Character.isUpperCase(c)
                && "JanFebMarAprMayJunJulAugSepOctNovDecMonTueWedThuFriSatSun".contains(text.substring(i, i + 3));
        assertThat(Timestamps.mayStartAt(text, i)).isEqualTo(want);
    }

    /**
     * Text written after one of the forms, each step from values that fit it and values that do not, now and then a
     * separator swapped, with a tail: the shared steps must find what every form read afresh finds, at every offset.
     */
    @Property(tries = 4_000)
    void formsSharingStepsFindWhatEachFormReadAfreshFinds(@ForAll("formShapedText") String text) {
        Timestamps timestamps = new Timestamps(2024);
        for (int from = 0; from < text.length(); from++) {
            assertThat(timestamps.match(text, from, text.length())).as("%s at %d", text, from)
                    .isEqualTo(timestamps.matchEachFormAfresh(text, from, text.length()));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> formShapedText() {
        String[] forms = Timestamps.forms();
        return net.jqwik.api.Arbitraries.randomValue(random -> {
            StringBuilder text = new StringBuilder();
            for (char step : forms[random.nextInt(forms.length)].toCharArray()) {
                String[] values = STEP_VALUES.getOrDefault(step, new String[] {String.valueOf(step)});
                text.append(random.nextInt(12) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)]
                        : values[random.nextInt(values.length)]);
            }
            return text.append(TAILS[random.nextInt(TAILS.length)]).toString();
        });
    }

    private static final java.util.Map<Character, String[]> STEP_VALUES = java.util.Map.ofEntries(
            java.util.Map.entry('Y', new String[] {"2016", "2005", "201", "20167"}),
            java.util.Map.entry('y', new String[] {"16", "09", "1"}),
            java.util.Map.entry('M', new String[] {"09", "9", "12", "13", "0"}),
            java.util.Map.entry('N', new String[] {"Jan", "Sep", "Sept", "September", "Dec", "JUN", "Sxp", "Mon"}),
            java.util.Map.entry('W', new String[] {"Mon", "Sun", "Sunday", "mon", "Sux", "Dec"}),
            java.util.Map.entry('D', new String[] {"28", " 8", "8", "31", "32", "0"}),
            java.util.Map.entry('h', new String[] {"04", "4", "23", "24"}),
            java.util.Map.entry('m', new String[] {"30", "3", "59", "61"}),
            java.util.Map.entry('s', new String[] {"30", "60", "61", "5"}),
            java.util.Map.entry('f', new String[] {"", ".5", ",123", ":606", ".123456789"}),
            java.util.Map.entry('Z', new String[] {"", "Z", "+02:00", " +0200", " UTC", "+99", " GMT"}),
            java.util.Map.entry('z', new String[] {"", " UTC", " CST", " CET", " +0000", " X", " ABCDEF", " utc"}),
            java.util.Map.entry('E', new String[] {"1514038530", "1514038530000", "151403853", "0999999999"}),
            java.util.Map.entry('T', new String[] {"T", " ", "x"}),
            java.util.Map.entry('_', new String[] {" ", "  ", ""}),
            java.util.Map.entry('P', new String[] {"", " AM", " PM", " PMx"}),
            java.util.Map.entry('p', new String[] {"AM", "PM", " PM", "", "PMx", "XM"}),
            java.util.Map.entry('~', new String[] {"h", "m", "s", "x"}));
    private static final String[] SEPARATORS = {"-", "/", ":", ".", ",", " ", "T", "x", "1"};
    private static final String[] TAILS = {"", " ", " x", "x", "1", ":", " 2005", " INFO"};

    @org.junit.jupiter.api.Test
    void everyFormIsFoundWhereItIsWritten() {
        Timestamps timestamps = new Timestamps(2024);
        String[] written = {"2016-09-28 04:30:30,123+02:00", "2016/09/28 04:30:30", "2026/12/05-10:25:43",
            "2016-09-28-04.30.30.5",
            "Sun Dec 04 04:47:44 2005", "Sat Dec  5 21:44:46 UTC 2026", "Sat Dec 05 2026 04:33:36 GMT+0100",
            "Sun, 4 Dec 2005 04:47:44 GMT",
            "Jun 14 15:16:01 2005", "Jun 14, 2005 3:16:01 PM",
            "Jun 14 15:16:01", "28/Sep/2016:04:30:30 +0200", "03/Dec/2026 13:23:41", "28-Sep-2016 04:30:30",
            "28 Sep 2016 04:30:30",
            "20171223-22:15:29:606", "20171223T22:15:29", "081109 203615", "17/06/09 20:10:40", "09/28/2016 4:30:30 AM",
            "12/3/2026, 1:16:43 PM", "12/5/26, 16:40:00:123 UTC",
            "03-17 16:13:38.811", "12-05|04:39:01", "20261204:100145.155", "20261204.20h00m11s", "20261204202626.338",
            "20261206T234826.745588", "20261206T234826Z",
            "2026.12.04 12:49:38", "2026-12-06 16-42-42.894", "2005.06.03", "2005-06-03", "15:16:01", "5:46PM",
            "1514038530"};
        for (String text : written) {
            Timestamps.Match m = timestamps.match(text, 0, text.length());
            assertThat(m).as(text).isEqualTo(timestamps.matchEachFormAfresh(text, 0, text.length()));
            assertThat(m.end()).as(text).isEqualTo(text.length());
        }
    }

    /**
     * Java's {@code Date.toString()} (Apache Derby's log) and {@code date} (a shell script's) write the zone between
     * the time and the year: a known abbreviation or offset moves the time, one that names two zones ({@code CST}) is
     * passed over and the time read as UTC; a word that is no zone's ends the time before the year.
     */
    @org.junit.jupiter.api.Test
    void aZoneBetweenTheTimeAndTheYearIsReadOrPassedOver() {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Map<String, String> times = java.util.Map.of("Sat Dec 05 21:44:46 UTC 2026", "2026-12-05T21:44:46Z",
                "Sat Dec  5 21:44:46 CET 2026", "2026-12-05T20:44:46Z", "Sat Dec 05 21:44:46 +0100 2026",
                "2026-12-05T20:44:46Z", "Sat Dec 05 21:44:46 CST 2026", "2026-12-05T21:44:46Z");
        assertEachReadWhole(timestamps, times);
        String words = "Sat Dec 05 21:44:46 at 2026";
        assertThat(timestamps.match(words, 0, words.length())).as(words).isNull();
    }

    /**
     * snapcast (its aixlog) writes the time of day with dashes after an ISO date ({@code 2026-12-06 16-42-42.894}):
     * read whole, not as the date alone at midnight; an hour past 23 there is no time of day, the date is.
     */
    @org.junit.jupiter.api.Test
    void aTimeOfDayWithDashesAfterADateIsRead() {
        Timestamps timestamps = new Timestamps(2024);
        assertEachReadWhole(timestamps, java.util.Map.of("2026-12-06 16-42-42.894", "2026-12-06T16:42:42.894Z",
                "2026-12-06 09-05-00", "2026-12-06T09:05:00Z"));
        String notATime = "2026-12-06 25-42-42";
        assertThat(timestamps.match(notATime, 0, notATime.length()).end()).isEqualTo("2026-12-06".length());
    }

    /**
     * ISO 8601's basic format, no dashes or colons ({@code 20261206T234826.745588}, hitch's; {@code 20261206T234826Z},
     * AWS's signing time): read whole with its fraction and zone, not as the date alone at midnight.
     */
    @org.junit.jupiter.api.Test
    void isoBasicFormatIsReadWhole() {
        Timestamps timestamps = new Timestamps(2024);
        assertEachReadWhole(timestamps, java.util.Map.of("20261206T234826.745588", "2026-12-06T23:48:26.745Z",
                "20261206T234826Z", "2026-12-06T23:48:26Z", "20261206T234826+0100", "2026-12-06T22:48:26Z"));
    }

    /** Go's {@code time.Kitchen}: twelve o'clock in the morning is midnight, the hour is 1 to 12. */
    @org.junit.jupiter.api.Test
    void aKitchenTimeIsATimeOfDay() {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Map<String, String> times = java.util.Map.of("5:46PM", "17:46", "12:05AM", "00:05", "12:30 PM",
                "12:30", "9:00AM", "09:00");
        times.forEach((text, time) -> assertThat(java.time.LocalTime.ofNanoOfDay(
                (timestamps.match(text, 0, text.length()).epochMillis() - LogHeader.DATELESS_DAY) * 1_000_000))
                .as(text).isEqualTo(time));
        for (String none : new String[] {"13:46PM", "0:30AM", "5:46", "5:46PX", "5:46PMx"}) {
            assertThat(timestamps.match(none, 0, none.length())).as(none).isNull();
        }
    }

    /**
     * A JVM in another language writes the half of the day in its words ({@code %Tp}, as java.util.logging's
     * SimpleFormatter does): the JDK is asked for each locale's, before noon and after, and the time is read on the
     * right side of noon; a newer JDK's narrow no-break space before an English {@code AM} too. A marker glued to a
     * word is none.
     */
    @org.junit.jupiter.api.Test
    void aTimesHalfOfTheDayIsReadInTheJvmsLanguage() {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Calendar midnight = new java.util.GregorianCalendar(2024, 2, 1, 0, 36, 11);
        java.util.Calendar afternoon = new java.util.GregorianCalendar(2024, 2, 1, 13, 36, 11);
        for (String tag : new String[] {"en", "es", "nl", "nb", "ro", "sv", "cs", "fi", "hu", "tr", "uk", "ja", "zh",
            "ko", "zh-TW"}) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(tag);
            for (java.util.Calendar time : new java.util.Calendar[] {midnight, afternoon}) {
                String text = String.format(locale, "%1$tl:%1$tM:%1$tS %1$Tp com.acme.Shop main", time);
                Timestamps.Match m = timestamps.match(text, 0, text.length());
                assertThat(java.time.LocalTime.ofNanoOfDay((m.epochMillis() - LogHeader.DATELESS_DAY) * 1_000_000))
                        .as(tag + ": " + text).isEqualTo(time == midnight ? "00:36:11" : "13:36:11");
                assertThat(text.substring(m.end())).as(text).isEqualTo(" com.acme.Shop main");
            }
        }
        String narrow = "1:36:11\u202fPM";
        assertThat(timestamps.match(narrow, 0, narrow.length()).end()).isEqualTo(narrow.length());
        String glued = "1:36:11 EMx";
        assertThat(timestamps.match(glued, 0, glued.length()).end()).isEqualTo("1:36:11".length());
    }

    /**
     * A time of day with a zone (bunyan's short format, {@code 04:50:36.398Z}) is read whole, in UTC: an offset moves
     * it, round the day when it crosses midnight.
     */
    @org.junit.jupiter.api.Test
    void aTimeOfDayWithAZoneIsReadInUtc() {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Map<String, String> times = java.util.Map.of("04:50:36.398Z", "04:50:36.398", "01:30:00+02:00",
                "23:30", "15:16:01 UTC", "15:16:01", "22:00:00 -0300", "01:00", "15:16:01", "15:16:01");
        times.forEach((text, time) -> {
            Timestamps.Match m = timestamps.match(text, 0, text.length());
            assertThat(m.end()).as(text).isEqualTo(text.length());
            assertThat(LogHeader.isDateless(m.epochMillis())).as(text).isTrue();
            assertThat(java.time.LocalTime.ofNanoOfDay((m.epochMillis() - LogHeader.DATELESS_DAY) * 1_000_000))
                    .as(text).isEqualTo(time);
        });
    }

    /**
     * A zone written as its abbreviation (Java's {@code z}: WebSphere Liberty's {@code CET}, an RFC 1123 date's
     * {@code EST}) moves the time by its offset; one that names two zones ({@code CST}: China's and the US's) is not
     * read, and the time stays in UTC without it.
     */
    @org.junit.jupiter.api.Test
    void aZoneNamedByItsAbbreviationMovesTheTime() {
        Timestamps timestamps = new Timestamps(2024);
        java.util.Map<String, String> times = java.util.Map.of("12/5/26, 16:40:00:123 CET", "2026-12-05T15:40:00.123Z",
                "Sun, 4 Dec 2005 04:47:44 EST", "2005-12-04T09:47:44Z", "2026-12-05 16:40:00 PDT",
                "2026-12-05T23:40:00Z", "2026-12-05 16:40:00 AEDT", "2026-12-05T05:40:00Z");
        assertEachReadWhole(timestamps, times);
        String ambiguous = "12/5/26, 16:40:00:123 CST";
        Timestamps.Match m = timestamps.match(ambiguous, 0, ambiguous.length());
        assertThat(m.end()).isEqualTo(ambiguous.length() - " CST".length());
        assertThat(java.time.Instant.ofEpochMilli(m.epochMillis())).hasToString("2026-12-05T16:40:00.123Z");
    }

    /** Each text of {@code times} read whole as the instant it maps to. */
    private static void assertEachReadWhole(Timestamps timestamps, java.util.Map<String, String> times) {
        times.forEach((text, time) -> {
            Timestamps.Match m = timestamps.match(text, 0, text.length());
            assertThat(m.end()).as(text).isEqualTo(text.length());
            assertThat(java.time.Instant.ofEpochMilli(m.epochMillis())).as(text).hasToString(time);
        });
    }

    /** Each month leads the month forms and each weekday the weekday forms (a name picks the forms tried). */
    @org.junit.jupiter.api.Test
    void everyMonthAndWeekdayLeadsItsForms() {
        Timestamps timestamps = new Timestamps(2024);
        List<String> written = new java.util.ArrayList<>();
        for (String month : List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")) {
            written.add(month + " 14 15:16:01");
        }
        for (String day : List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")) {
            written.add(day + " Dec 04 04:47:44 2005");
            written.add(day + ", 4 Dec 2005 04:47:44 GMT");
        }
        for (String text : written) {
            Timestamps.Match m = timestamps.match(text, 0, text.length());
            assertThat(m).as(text).isNotNull().isEqualTo(timestamps.matchEachFormAfresh(text, 0, text.length()));
            assertThat(m.end()).as(text).isEqualTo(text.length());
        }
    }

    /**
     * OpenLDAP's time: the epoch's seconds, a dot and the nanoseconds, each eight lower-case hexadecimal digits. Not a
     * time: seconds before 2000, nanoseconds of a second or more, a digit that is not one, a word going on after it.
     */
    @org.junit.jupiter.api.Test
    void anEpochInHexadecimalIsOpenLdapsTime() {
        Timestamps timestamps = new Timestamps(2024);
        String line = "6b128ca1.0d04dba7 0x7fbfaf368200 slapd starting";
        assertThat(Timestamps.mayStartAt(line, 0)).isTrue();
        Timestamps.Match m = timestamps.match(line, 0, line.length());
        assertThat(m.end()).isEqualTo(17);
        assertThat(java.time.Instant.ofEpochMilli(m.epochMillis())).isEqualTo("2026-12-04T09:49:21.218Z");
        assertThat(m).isEqualTo(timestamps.matchEachFormAfresh(line, 0, line.length()));
        for (String none : new String[] {"2b128ca1.0d04dba7 x", "6b128ca1.3b9aca00 x", "6b128ca1.0d04dbag x",
            "6B128CA1.0D04DBA7 x", "6b128ca1.0d04dba7f x", "6b128ca1-0d04dba7 x", "6b128ca1.0d04db"}) {
            assertThat(timestamps.match(none, 0, none.length())).as(none).isNull();
        }
    }

    /**
     * A date of two numbers and a year between slashes: the month first unless the log's own dates say the day is
     * (a first number above 12, or first numbers that take more values than second ones); a second number above 12
     * says the month is first whatever else the log holds. A date whose first number cannot be a month is the day's
     * either way.
     */
    @org.junit.jupiter.api.Test
    void aLogsOwnDatesSayWhetherTheDayComesFirst() {
        assertThat(Timestamps.writesDayFirst(List.of("25/11/2026 10:00:00 INFO a", "03/11/2026 10:00:00 INFO b")))
                .isTrue();
        assertThat(Timestamps.writesDayFirst(List.of("[04/12/2026 23:48:10] a", "[05/12/2026 00:01:00] b"))).isTrue();
        assertThat(Timestamps.writesDayFirst(List.of("04/12/2026 23:48:10 a", "04/12/2026 23:49:10 b"))).isFalse();
        assertThat(Timestamps.writesDayFirst(List.of("11/25/2026 10:00:00 a", "25/11/2026 10:00:00 b"))).isFalse();
        assertThat(Timestamps.writesDayFirst(List.of("12/04/2026, 3:36:29 PM a", "12/05/2026, 3:36:29 PM b")))
                .isFalse();
        assertThat(Timestamps.writesDayFirst(List.of("2026/12/04 10:00:00 a", "2026/12/05 10:00:00 b"))).isFalse();
        String line = "03/11/2026 10:00:00 INFO b";
        assertThat(java.time.Instant.ofEpochMilli(new Timestamps(2024, true).match(line, 0, line.length())
                .epochMillis())).isEqualTo("2026-11-03T10:00:00Z");
        assertThat(java.time.Instant.ofEpochMilli(new Timestamps(2024).match(line, 0, line.length())
                .epochMillis())).isEqualTo("2026-03-11T10:00:00Z");
        String european = "25/11/2026 10:00:00 INFO b";
        Timestamps monthFirst = new Timestamps(2024);
        assertThat(java.time.Instant.ofEpochMilli(monthFirst.match(european, 0, european.length()).epochMillis()))
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(monthFirst.match(european, 0, european.length()))
                .isEqualTo(monthFirst.matchEachFormAfresh(european, 0, european.length()));
    }

    @org.junit.jupiter.api.Test
    void lettersBeyondLatin1DoNotPassForANamesLetters() {
        assertThat(Timestamps.mayStartAt("Jan 5", 0)).isTrue();
        assertThat(Timestamps.mayStartAt("Ja\u016e 5", 0)).isFalse(); // a letter that shares the low byte of "n"
        assertThat(Timestamps.mayStartAt("Ma\u0179 5", 0)).isFalse();
        assertThat(Timestamps.mayStartAt("M\u0161y 5", 0)).isFalse();
        assertThat(Timestamps.mayStartAt("\u00c4pr 5", 0)).isFalse();
    }
}
