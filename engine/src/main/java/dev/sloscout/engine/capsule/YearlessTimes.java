package dev.sloscout.engine.capsule;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The year of timestamps written without one ({@code Jun 14 15:16:01} in syslog, {@code 03-17 16:13:38} in logcat,
 * glog's {@code I0102}), taken from the data rather than from today: the first one is placed at or before the source's
 * reference time (a file's last modification: its last line was written then), each next one nearest to the one before
 * (so December to January moves into the next year). Yearless times are parsed in {@link #PARSED_IN}, a leap year no
 * real log is from, and placed here. One per source.
 *
 * <p>The day of times written without a date ({@code 15:05:18.003 [info]}, Elixir's console and many a development
 * pattern: {@link LogHeader#DATELESS_DAY}) the same way ({@link #placeTimeOfDay}): the first on the last day on which
 * it is not after the reference, each next one nearest to the one before (past midnight, the next day).
 */
final class YearlessTimes {
    /** The year yearless timestamps are parsed in, so they can be told apart and February 29 still parses. */
    static final int PARSED_IN = 1972;
    private static final long DAY = 86_400_000L;
    /** Where {@link #PARSED_IN} starts and the next year starts, in epoch milliseconds (UTC). */
    private static final long PARSED_YEAR_START = java.time.LocalDate.of(PARSED_IN, 1, 1).toEpochDay() * DAY;
    private static final long PARSED_YEAR_END = java.time.LocalDate.of(PARSED_IN + 1, 1, 1).toEpochDay() * DAY;

    private final long reference;
    private long previous = Long.MIN_VALUE;
    /** Times placed without a year and without a date, and the earliest and latest instant placed (this run's). */
    private long yearless;
    private long dateless;
    private long earliest = Long.MAX_VALUE;
    private long latest = Long.MIN_VALUE;
    /** The parsed time {@link #previous} was placed from ({@link Long#MIN_VALUE} when not known). */
    private long previousParsed = Long.MIN_VALUE;

    /** @param referenceMillis when the source was last written (or, lacking that, now) */
    YearlessTimes(long referenceMillis) {
        this.reference = referenceMillis;
    }

    /** As it was: the reference and the last time placed ({@link Long#MIN_VALUE} when none was). */
    YearlessTimes(long referenceMillis, long previousMillis) {
        this.reference = referenceMillis;
        this.previous = previousMillis;
    }

    long reference() {
        return reference;
    }

    long previous() {
        return previous;
    }

    /** Whether a time was parsed without a year: it falls in {@link #PARSED_IN} (asked of every line with a time). */
    static boolean isYearless(long epochMillis) {
        return epochMillis != LogHeader.NO_TIME && epochMillis >= PARSED_YEAR_START && epochMillis < PARSED_YEAR_END;
    }

    /**
     * How far after the reference a first time of day may be and still be of the reference's day: the clock it was
     * written by may be ahead of UTC (a time without a zone is read as UTC), most likely by this machine's offset, as a
     * log on a developer's machine is written in its local time; an hour more for a clock that is off.
     */
    private static final long LOCAL_AHEAD = 3_600_000L + Math.max(0L,
            1000L * java.time.ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now()).getTotalSeconds());

    /** The instant of a time of day read without a date ({@link LogHeader#isDateless}), on the day the data says. */
    long placeTimeOfDay(long parsedMillis) {
        long timeOfDay = parsedMillis - LogHeader.DATELESS_DAY;
        long placed;
        if (previous == Long.MIN_VALUE) {
            placed = Math.floorDiv(reference, DAY) * DAY + timeOfDay;
            if (placed > reference + LOCAL_AHEAD) {
                placed -= DAY; // written the day before the source was last written
            }
        } else {
            placed = Math.floorDiv(previous, DAY) * DAY + timeOfDay;
            if (placed - previous > DAY / 2) {
                placed -= DAY; // a line out of order around midnight
            } else if (previous - placed > DAY / 2) {
                placed += DAY; // past midnight
            }
        }
        previous = placed;
        previousParsed = Long.MIN_VALUE;
        dateless++;
        return counted(placed);
    }

    private long counted(long placed) {
        earliest = Math.min(earliest, placed);
        latest = Math.max(latest, placed);
        return placed;
    }

    /** What was placed so far in this run (not kept with the state: a decoded one starts from none). */
    PlacedTimes placed(String source, boolean written) {
        return new PlacedTimes(source, reference, written, yearless, dateless, earliest, latest);
    }

    /** The instant of a yearless timestamp parsed in {@link #PARSED_IN}, in the year the data says. */
    long place(long parsedMillis) {
        if (previous != Long.MIN_VALUE && previousParsed != Long.MIN_VALUE
                && Math.floorDiv(parsedMillis, DAY) == Math.floorDiv(previousParsed, DAY)) {
            // the same day as the line before (most lines): its year is nearest, less than a day from the last time
            // placed, where the other years are a year away; so the same shift
            previous += parsedMillis - previousParsed;
            previousParsed = parsedMillis;
            yearless++;
            return counted(previous);
        }
        LocalDateTime parsed = LocalDateTime.ofEpochSecond(Math.floorDiv(parsedMillis, 1000),
                (int) Math.floorMod(parsedMillis, 1000) * 1_000_000, ZoneOffset.UTC);
        long anchor = previous != Long.MIN_VALUE ? previous : reference;
        int anchorYear = LocalDateTime.ofEpochSecond(Math.floorDiv(anchor, 1000), 0, ZoneOffset.UTC).getYear();
        long best = Long.MIN_VALUE;
        for (int year = anchorYear - 1; year <= anchorYear + 1; year++) {
            long candidate = parsed.withYear(year).toInstant(ZoneOffset.UTC).toEpochMilli();
            if (previous == Long.MIN_VALUE) {
                if (candidate <= reference + DAY && (best == Long.MIN_VALUE || candidate > best)) {
                    best = candidate; // the latest one not after the time the source was written
                }
            } else if (best == Long.MIN_VALUE || Math.abs(candidate - previous) < Math.abs(best - previous)) {
                best = candidate;
            }
        }
        previous = best;
        previousParsed = parsedMillis;
        yearless++;
        return counted(best);
    }
}
