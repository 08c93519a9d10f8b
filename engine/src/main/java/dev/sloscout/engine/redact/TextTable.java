package dev.sloscout.engine.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text table read a line at a time, as jOOQ prints a fetched result at DEBUG (a record a line) and MySQL's client
 * with {@code -t} a query's (lines of one record): a border ({@code +----+----------+}) opens it, the row after it
 * names the columns ({@code | id | password |}), a border follows, then the rows, then a border closes it. The cells
 * of a row stand under the header's names, by place. Each line may follow a log's header of its own.
 */
final class TextTable {
    /** A header's cell: a column's name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]{0,60}+");

    private enum State { NONE, TOP, HEADER, ROWS }

    private State state = State.NONE;
    private List<String> header;

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
        if (border(text, from)) {
            state = switch (state) {
                case NONE, TOP -> State.TOP;
                case HEADER -> State.ROWS;
                case ROWS -> State.NONE; // its closing border
            };
            return List.of();
        }
        List<BoundValues.Bound> cells = cells(text, from);
        if (cells != null && state == State.TOP) {
            List<String> names = new ArrayList<>();
            for (BoundValues.Bound cell : cells) {
                names.add(text.substring(cell.start(), cell.end()));
            }
            if (names.stream().allMatch(n -> NAME.matcher(n).matches())) {
                header = names;
                state = State.HEADER;
                return List.of();
            }
        }
        if (cells != null && (state == State.HEADER || state == State.ROWS) && cells.size() == header.size()) {
            return cells;
        }
        state = State.NONE;
        header = null;
        return null;
    }

    /** A border: the line ends in pluses and dashes, a plus at each end, a dash after the first. */
    private static boolean border(String text, int from) {
        int end = trimmedEnd(text, from);
        int start = end;
        while (start > from && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '-')) {
            start--;
        }
        return end - start >= 3 && text.charAt(start) == '+' && text.charAt(end - 1) == '+'
                && text.charAt(start + 1) == '-';
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
        List<BoundValues.Bound> cells = new ArrayList<>();
        while (bar < end - 1) {
            int next = text.indexOf('|', bar + 1);
            int start = bar + 1;
            int stop = next;
            while (start < stop && text.charAt(start) == ' ') {
                start++;
            }
            while (stop > start && text.charAt(stop - 1) == ' ') {
                stop--;
            }
            cells.add(new BoundValues.Bound(cells.size() + 1, start, stop, true));
            bar = next;
        }
        return cells.size() >= 2 ? cells : null;
    }

    /** Where the line at {@code from} ends, its trailing blanks and carriage return off. */
    private static int trimmedEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        end = end < 0 ? text.length() : end;
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
