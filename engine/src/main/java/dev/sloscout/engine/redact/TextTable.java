package dev.sloscout.engine.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A text table read a line at a time, as jOOQ prints a fetched result at DEBUG (a record a line) and MySQL's client
 * with {@code -t} a query's (lines of one record): a border ({@code +----+----------+}) opens it, the row after it
 * names the columns ({@code | id | password |}), a border follows, then the rows, then a border closes it. The cells
 * of a row stand under the header's names, by place. Each line may follow a log's header of its own. psql prints one
 * without borders: the header ({@code  id | password }), a rule under it ({@code ----+----------}), the rows, then
 * {@code (2 rows)}; read within one text, the rule's line after the header's.
 */
final class TextTable {
    /** A header's cell: a column's name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]{0,60}+");

    /** Where a table is: none, its top border read, its header, its rows; or the rows of psql's unbordered one. */
    private enum State { NONE, TOP, HEADER, ROWS, PSQL }

    private State state = State.NONE;
    private List<String> header;
    /**
     * Where the last border's or rule's pluses stand, from its first character: a row whose bars stand there is cut
     * there, so a value holding a bar stays one cell.
     */
    private int[] pluses;

    /** Whether a table is open: a line of it may come next. */
    boolean open() {
        return state != State.NONE;
    }

    /** The header's names, by place: a row's cells stand under them. */
    List<String> header() {
        return header;
    }

    /** Whether the line at {@code from} may be a table's border (cheap: it ends in a plus). */
    static boolean mayBeBorder(String text, int from) {
        int end = trimmedEnd(text, from);
        return end > from && text.charAt(end - 1) == '+';
    }

    /**
     * Reads the line at {@code from}: the cells of a row of the open table, each a {@link BoundValues.Bound} of its
     * place; empty for a border or the header; null when the line is no line of a table (which then ends).
     */
    List<BoundValues.Bound> read(String text, int from) {
        int end = trimmedEnd(text, from);
        if (state == State.PSQL) {
            List<BoundValues.Bound> cells = aligned(text, from, end, false);
            cells = cells != null ? cells : barred(text, from, end);
            if (cells != null) {
                return cells.size() == header.size() ? cells : List.of(); // not aligned, cut short or shifted
            }
        } else if (rule(text, from) && from > 0) {
            int above = text.lastIndexOf('\n', from - 2) + 1;
            List<String> names = names(text, barred(text, above, trimmedEnd(text, above)));
            if (names != null) {
                header = names;
                pluses = pluses(text, from, end);
                state = State.PSQL;
                return List.of();
            }
        }
        int border = border(text, from);
        if (border >= 0) {
            pluses = pluses(text, border, end);
            state = switch (state) {
                case NONE, TOP, PSQL -> State.TOP;
                case HEADER -> State.ROWS;
                case ROWS -> State.NONE; // its closing border
            };
            return List.of();
        }
        boolean rows = state == State.HEADER || state == State.ROWS;
        int bar = rows ? text.indexOf('|', from) : -1;
        List<BoundValues.Bound> cells = bar >= 0 && bar < end ? aligned(text, bar, end, true) : null;
        cells = cells != null ? cells : cells(text, from);
        List<String> names = state == State.TOP ? names(text, cells) : null;
        if (names != null) {
            header = names;
            state = State.HEADER;
            return List.of();
        }
        if (cells != null && rows) {
            return cells.size() == header.size() ? cells : List.of(); // cut short or shifted: passed over
        }
        state = State.NONE;
        header = null;
        return null;
    }

    /** Whether the line at {@code from} may be psql's rule under a header (cheap: it opens with a dash). */
    static boolean mayBeRule(String text, int from) {
        return from < text.length() && text.charAt(from) == '-';
    }

    /** The cells' texts when each is a column's name, else null. */
    private static List<String> names(String text, List<BoundValues.Bound> cells) {
        if (cells == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (BoundValues.Bound cell : cells) {
            String name = text.substring(cell.start(), cell.end());
            if (!NAME.matcher(name).matches()) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    /** psql's rule under its header: dashes, a plus between columns ({@code ----+----------}). */
    private static boolean rule(String text, int from) {
        int end = trimmedEnd(text, from);
        boolean plus = false;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c != '-' && (c != '+' || i == from || i == end - 1)) {
                return false;
            }
            plus |= c == '+';
        }
        return plus;
    }

    /**
     * A border: the line ends in pluses and dashes, a plus at each end, a dash after the first; where it starts, or -1
     * when the line is none.
     */
    private static int border(String text, int from) {
        int end = trimmedEnd(text, from);
        int start = end;
        while (start > from && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '-')) {
            start--;
        }
        return end - start >= 3 && text.charAt(start) == '+' && text.charAt(end - 1) == '+'
                && text.charAt(start + 1) == '-' ? start : -1;
    }

    /** The offsets of the pluses between {@code start} and {@code end}, from {@code start}. */
    private static int[] pluses(String text, int start, int end) {
        return IntStream.range(start, end).filter(i -> text.charAt(i) == '+').map(i -> i - start).toArray();
    }

    /**
     * A row cut where the last border's or rule's pluses stand, from {@code origin} (a bordered row's first bar, a psql
     * row's first character): its cells between them, blanks around each taken off, and for psql's the last to the
     * line's end; null when a bar is missing from any of those places (a row wider or narrower than the border).
     */
    private List<BoundValues.Bound> aligned(String text, int origin, int end, boolean bordered) {
        if (pluses == null || pluses.length < (bordered ? 3 : 1)) {
            return null;
        }
        List<BoundValues.Bound> cells = new ArrayList<>();
        int start = bordered ? origin + 1 : origin;
        for (int i = bordered ? 1 : 0; i < pluses.length; i++) {
            int bar = origin + pluses[i];
            if (bar >= end || text.charAt(bar) != '|') {
                return null;
            }
            cells.add(trimmed(text, start, bar, cells.size() + 1));
            start = bar + 1;
        }
        if (!bordered) {
            cells.add(trimmed(text, start, Math.max(start, end), cells.size() + 1));
        }
        return cells;
    }

    /** {@code text[start..stop)} without the blanks around it, a value of {@code place}. */
    static BoundValues.Bound trimmed(String text, int start, int stop, int place) {
        int first = start;
        int last = stop;
        while (first < last && text.charAt(first) == ' ') {
            first++;
        }
        while (last > first && text.charAt(last - 1) == ' ') {
            last--;
        }
        return new BoundValues.Bound(place, first, last, true);
    }

    /**
     * A row: the cells between the bars that end the line, blanks around each taken off, each a bound value of its
     * place; null when the line ends in no row of two cells.
     */
    private static List<BoundValues.Bound> cells(String text, int from) {
        int end = trimmedEnd(text, from);
        if (end == from || text.charAt(end - 1) != '|') {
            return null;
        }
        int bar = text.indexOf('|', from);
        return bar < end - 1 ? barred(text, bar + 1, end - 1) : null;
    }

    /**
     * The cells between {@code start} and {@code stop} parted by bars, blanks around each taken off; null when there
     * are fewer than two.
     */
    private static List<BoundValues.Bound> barred(String text, int start, int stop) {
        int bar = text.indexOf('|', start);
        if (bar < 0 || bar >= stop) {
            return null;
        }
        List<BoundValues.Bound> cells = new ArrayList<>();
        for (int from = start; from <= stop; ) {
            int next = text.indexOf('|', from);
            next = next < 0 || next > stop ? stop : next;
            cells.add(trimmed(text, from, next, cells.size() + 1));
            from = next + 1;
        }
        return cells.size() >= 2 ? cells : null;
    }

    /** Where the line at {@code from} ends, its trailing blanks and carriage return off. */
    private static int trimmedEnd(String text, int from) {
        int end = BoundValues.lineEnd(text, from);
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
