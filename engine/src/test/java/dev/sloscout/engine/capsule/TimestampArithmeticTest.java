package dev.sloscout.engine.capsule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

    @org.junit.jupiter.api.Test
    void lettersBeyondLatin1DoNotPassForANamesLetters() {
        assertThat(Timestamps.mayStartAt("Jan 5", 0)).isTrue();
        assertThat(Timestamps.mayStartAt("Ja\u016e 5", 0)).isFalse(); // a letter that shares the low byte of "n"
        assertThat(Timestamps.mayStartAt("Ma\u0179 5", 0)).isFalse();
        assertThat(Timestamps.mayStartAt("M\u0161y 5", 0)).isFalse();
        assertThat(Timestamps.mayStartAt("\u00c4pr 5", 0)).isFalse();
    }
}
