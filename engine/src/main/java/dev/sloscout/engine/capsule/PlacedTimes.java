package dev.sloscout.engine.capsule;

/**
 * Times a source wrote without a year ({@code Jun 14 15:16:01}) or without a date ({@code 15:05:18.003}) and where
 * they were placed ({@link YearlessTimes}): counting back from when the source was last written, so that a file copied
 * or touched since has them off by the years (or days) between. Counted over a run's events, per source.
 *
 * @param referenceMillis when the source was last written (or, not knowing, the run's present)
 * @param written         whether that is when the source was last written (a file's), not the present (a stream's)
 * @param yearless        times written without a year
 * @param dateless        times of day written without a date
 * @param earliestMillis  the earliest instant any of them was placed at
 * @param latestMillis    the latest
 */
public record PlacedTimes(String source, long referenceMillis, boolean written, long yearless, long dateless,
                          long earliestMillis, long latestMillis) {
    /** Both tallies of one source, as two services that mined its events placed them. */
    PlacedTimes plus(PlacedTimes other) {
        return new PlacedTimes(source, referenceMillis, written, yearless + other.yearless, dateless + other.dateless,
                Math.min(earliestMillis, other.earliestMillis), Math.max(latestMillis, other.latestMillis));
    }

    /**
     * What was placed where, and from what, for the one line that says so: {@code 1,999 times written without a year
     * were placed from 2026-06-14 to 2026-07-27, counting back from when the file was last written (2026-12-04 02:03
     * UTC); copied or touched since, its dates are off by the years between}.
     */
    public String describe() {
        String what = yearless > 0 && dateless > 0
                ? String.format(java.util.Locale.ROOT, "%,d times written without a year and %,d without a date",
                        yearless, dateless)
                : yearless > 0 ? String.format(java.util.Locale.ROOT, "%,d %s written without a year", yearless,
                        yearless == 1 ? "time" : "times")
                : String.format(java.util.Locale.ROOT, "%,d %s of day written without a date", dateless,
                        dateless == 1 ? "time" : "times");
        String first = day(earliestMillis);
        String last = day(latestMillis);
        String where = first.equals(last) ? "on " + first : "from " + first + " to " + last;
        String from = written ? "when the file was last written" : "when it was read";
        String off = written ? "; copied or touched since, its dates are off by the " + (yearless > 0 ? "years"
                : "days") + " between" : "";
        return what + (yearless + dateless == 1 ? " was placed " : " were placed ") + where + ", counting back from "
                + from + " (" + MINUTE.format(java.time.Instant.ofEpochMilli(referenceMillis)) + ")" + off;
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private static String day(long epochMillis) {
        return java.time.LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L)).toString();
    }
}
