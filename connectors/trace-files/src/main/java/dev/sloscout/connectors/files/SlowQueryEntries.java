package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogHeader;

/**
 * The entries of MySQL's and MariaDB's slow query log: comment lines ({@code # Time: ...}, {@code # User@Host: ...},
 * {@code # Query_time: 2.000215  Lock_time: ...}), then {@code use db;} and {@code SET timestamp=1709294400;} when
 * they change, then the statement, on as many lines as it takes. An entry is one event whose message is its
 * statement (what is mined: entries group by the query's shape), with the comment lines under it and the time the
 * {@code SET timestamp} gives.
 */
final class SlowQueryEntries {
    private static final String TIME = "# Time: ";
    private static final String USER = "# User@Host: ";
    private static final String TIMESTAMP = "SET timestamp=";

    private SlowQueryEntries() {
    }

    /** Whether {@code line} opens an entry: its time, or its user when the time is left out (same second). */
    static boolean opens(String line) {
        return line.startsWith(TIME) || line.startsWith(USER);
    }

    /** An entry's message, the lines under it and its time ({@code NO_TIME} when it gives none). */
    record Entry(String statement, String under, long epochMillis) {
    }

    /**
     * The entry made of {@code first} and the lines folded under it ({@code under}, one per line); null when
     * {@code first} opens no entry or no statement follows (the entry is left as it was read).
     */
    static Entry of(String first, String under) {
        if (!opens(first) || under.isEmpty()) {
            return null;
        }
        String[] lines = under.split("\n", -1);
        StringBuilder rest = new StringBuilder(first);
        long time = LogHeader.NO_TIME;
        int statement = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (statement < 0 && !line.startsWith("#") && !line.startsWith(TIMESTAMP) && !isUse(line)) {
                statement = i;
                continue;
            }
            if (statement < 0 && line.startsWith(TIMESTAMP)) {
                time = seconds(line.substring(TIMESTAMP.length()));
            }
            rest.append('\n').append(line);
        }
        return statement < 0 ? null : new Entry(lines[statement], rest.toString(), time);
    }

    /** {@code use `shop`;}: the schema the next statements run in. */
    private static boolean isUse(String line) {
        return line.startsWith("use ") && line.endsWith(";");
    }

    /** {@code 1709294400;} as epoch milliseconds; {@code NO_TIME} when it is no such number. */
    private static long seconds(String value) {
        int end = value.indexOf(';');
        String digits = end < 0 ? value : value.substring(0, end);
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return LogHeader.NO_TIME;
        }
        return Long.parseLong(digits) * 1000;
    }
}
