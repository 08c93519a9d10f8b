package dev.sloscout.engine.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prepared statement's values as logs print them apart from the statement: the statement with placeholders on one
 * line or record, then the values bound to it by their number or place (Hibernate, Spring's JDBC, MyBatis,
 * SQLAlchemy, EclipseLink), and a result's columns before its rows (SQLAlchemy's {@code Col}, MyBatis's {@code
 * Columns}, the select list whose places Hibernate's extracted values name). What reads here is where the values
 * stand; which column names a secret is the {@link Redactor}'s ({@link TextTable} reads text tables).
 */
final class BoundValues {
    private BoundValues() {
    }

    /** A value a log printed for a statement's parameter or a result's column: its place (1 first) and its span. */
    record Bound(int place, int start, int end, boolean row) {
    }

    /**
     * A placeholder of a prepared statement: JDBC's and SQLite's {@code ?}, Python's DB-API {@code %s}, standing
     * alone (not a URL's query, {@code /a?b=1}, nor PostgreSQL's {@code ?|} operator), or PostgreSQL's numbered
     * {@code $2} (as node-postgres' ORMs print their statements), which stands for the value of its number.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![\\w?%$])(?:\\?|%s|\\$(?<n>\\d{1,4}+))(?![\\w?|&-])");

    /** A statement's verb: a text with placeholders and none of these is no statement. */
    private static final Pattern STATEMENT = Pattern.compile(
            "(?i)\\b(?:select|insert|update|delete|merge|upsert|replace)\\b");

    /** A column compared with a placeholder ({@code au1_0.password=?}, {@code "PASSWORD" = cast(? as varchar)}). */
    private static final Pattern COMPARED = Pattern.compile("(?<!\\w)(?<c>[A-Za-z_]\\w{0,60}+)[\"`\\]]?\\s*+"
            + "(?:=|<>|!=|(?i:like|ilike)\\s)\\s*+(?:(?i:cast)\\(\\s*+)?(?<p>\\?|%s|\\$\\d{1,4}+(?!\\w))");

    /** A result's column names ahead of its rows: SQLAlchemy's {@code Col ('id', 'password')}, MyBatis's. */
    private static final Pattern RESULT_COLUMNS = Pattern.compile("(?<![\\w-])Col \\(|<== {1,12}Columns: ");

    /** Hibernate's bound parameter, 6.2 on ({@code binding parameter (2:VARCHAR) <- [x]}) and before. */
    private static final Pattern HIBERNATE = Pattern.compile("binding parameter (?:\\((?<n>\\d{1,4}):\\w{1,40}+\\)"
            + " <- |\\[(?<m>\\d{1,4})] as \\[\\w{1,40}+] - )\\[");

    /** Hibernate's value read from a result's column, by its place in the select list (6 on). */
    private static final Pattern HIBERNATE_EXTRACT = Pattern.compile(
            "extracted value \\((?<n>\\d{1,4}):\\w{1,40}+\\) -> \\[");

    /** A select list: from the verb to the first {@code from} outside brackets ({@link #selectedColumns}). */
    private static final Pattern SELECT = Pattern.compile("(?i)\\bselect\\s++(?:distinct\\s++)?");

    /** A selected column: the last part of a dotted name, quotes off, an alias after it or not ({@code u.pw AS p}). */
    private static final Pattern SELECTED = Pattern.compile("(?i)(?:[\\w\"`\\[\\]]{1,100}+\\.)*+[\"`\\[]?"
            + "(?<c>[A-Za-z_]\\w{0,60}+)[\"`\\]]?(?:\\s++(?:as\\s++)?[\"`\\[]?[A-Za-z_]\\w{0,60}+[\"`\\]]?)?");

    /** A selected expression's alias ({@code coalesce(u.pw, '') as password}). */
    private static final Pattern ALIASED = Pattern.compile(
            "(?is).*\\sas\\s++[\"`\\[]?(?<c>[A-Za-z_]\\w{0,60}+)[\"`\\]]?");

    /** Spring's {@code StatementCreatorUtils} at TRACE: {@code column index 2, parameter value [x], value class [}. */
    private static final Pattern SPRING = Pattern.compile("column index (?<n>\\d{1,4}), parameter value \\[");

    /** Where Spring's parameter value ends. */
    private static final String SPRING_END = "], value class [";

    /** MyBatis's parameters and rows: {@code ==> Parameters: bob(String), x(String)}, {@code <==        Row: 1, x}. */
    private static final Pattern MYBATIS = Pattern.compile("==> {1,4}Parameters: |<== {1,12}(?<row>Row): ");

    /** One of MyBatis's parameters: its value and type in brackets, or {@code null}, then a comma or the line's end. */
    private static final Pattern MYBATIS_PARAMETER = Pattern.compile(
            "\\G(?:null|(?<v>[^\\n]*?)\\([A-Z][\\w.$\\[\\]]{0,100}+\\))(?:, |(?=\\r?\\n|$))");

    /**
     * SQLAlchemy's parameters after its statement ({@code [generated in 0.0001s] ('bob', 'x')}, {@code [cached since
     * 2.1s ago] (...)}, an error's {@code [parameters: ('bob', 'x')]}) and its rows ({@code Row (1, 'x')}).
     */
    private static final Pattern SQLALCHEMY = Pattern.compile("\\[(?:generated in|cached since|no key) [\\d.]{1,20}+s"
            + "(?: ago)?] \\(|\\[raw sql] \\(|\\[parameters: \\(|(?<![\\w-])(?<row>Row) \\(");

    /** TypeORM's parameters after its statement ({@code query: INSERT ... ($1, $2) -- PARAMETERS: ["bob","x"]}). */
    private static final Pattern TYPEORM = Pattern.compile(" -- PARAMETERS: \\[");

    /**
     * Sequelize's statement with {@code logQueryParameters}: {@code Executed (default): UPDATE ... SET "password"=$1
     * WHERE "id" = $2; "x", 7}, the values after the statement's last {@code "; "}, before {@code Elapsed time: }.
     */
    private static final Pattern SEQUELIZE = Pattern.compile("\\bExecut(?:ed|ing) \\([\\w.-]{0,100}+\\): ");
    private static final String SEQUELIZE_ELAPSED = " Elapsed time: ";

    /** EclipseLink's parameters under its statement ({@code bind => [bob, x]}). */
    private static final Pattern ECLIPSELINK = Pattern.compile("\\bbind => \\[");

    /** Whether a text may print bound values (cheap: the patterns run only when it may). */
    static boolean mayBind(String text) {
        return text.contains("binding parameter ") || text.contains("parameter value [") || text.contains("value (")
                || text.contains("Parameters: ") || text.contains("Row") || text.contains("bind => [")
                || text.contains("s] (") || text.contains("ago] (") || text.contains("[parameters: (")
                || text.contains("[raw sql] (");
    }

    /**
     * Whether a text may print a statement and its values on one line, as Node's ORMs do ({@link #TYPEORM},
     * {@link #SEQUELIZE}): read within the record only, so {@link BoundStatements} need not look.
     */
    static boolean mayBindOnItsLine(String text) {
        return text.contains("PARAMETERS: [") || text.contains("Execut");
    }

    /**
     * The column each placeholder of a text's statement stands for, by the placeholders' order (null where none is
     * compared or inserted), or null when the text holds no statement with placeholders. A placeholder compared with a
     * column ({@code password = ?}, {@code set password = ?}) or inserted into one ({@code insert into users (name,
     * password) values (?, ?)}) stands for it. The statement is read from the line of the text's last verb on (a
     * record may print its statement after other lines: SQLAlchemy's error after a traceback).
     */
    static List<String> parameterColumns(String text) {
        if (text.indexOf('?') < 0 && !text.contains("%s") && !numbered(text)) {
            return null;
        }
        Matcher verb = STATEMENT.matcher(text);
        int from = -1;
        while (verb.find()) {
            from = verb.start();
        }
        if (from < 0) {
            return null;
        }
        from = text.lastIndexOf('\n', from) + 1;
        List<Integer> places = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Matcher p = PLACEHOLDER.matcher(text);
        int quote = text.indexOf('\'', from);
        for (int at = from; at < text.length() && p.find(at); ) {
            quote = quote >= 0 && quote < at ? text.indexOf('\'', at) : quote;
            if (quote >= 0 && quote < p.start()) {
                at = Redactor.closingQuote(text, quote + 1) + 1; // a placeholder in a literal is none
                continue;
            }
            places.add(p.start());
            numbers.add(p.group("n") != null ? Integer.parseInt(p.group("n")) : places.size());
            at = p.end();
        }
        if (places.isEmpty()) {
            return null;
        }
        String[] columns = new String[Collections.max(numbers)];
        Matcher compared = COMPARED.matcher(text).region(from, text.length());
        while (compared.find()) {
            name(columns, places, numbers, compared.start("p"), compared.group("c"));
        }
        Matcher insert = Redactor.INSERTED_COLUMNS.matcher(text).region(from, text.length());
        while (insert.find()) {
            List<String> names = Redactor.columnNames(insert.group("c"));
            for (List<Redactor.Value> row : Redactor.insertedRows(text, insert.end())) {
                for (int i = 0; i < Math.min(names.size(), row.size()); i++) {
                    name(columns, places, numbers, row.get(i).start(), names.get(i));
                }
            }
        }
        return Arrays.asList(columns);
    }

    /** Names the column of the placeholder at {@code at}: its number's place (a {@code ?}'s is its order). */
    private static void name(String[] columns, List<Integer> places, List<Integer> numbers, int at, String column) {
        int place = Collections.binarySearch(places, at);
        if (place >= 0 && numbers.get(place) >= 1) {
            columns[numbers.get(place) - 1] = column;
        }
    }

    /** Whether a text holds a {@code $} before a digit (cheap: PostgreSQL's numbered placeholders may be there). */
    private static boolean numbered(String text) {
        for (int at = text.indexOf('$'); at >= 0 && at + 1 < text.length(); at = text.indexOf('$', at + 1)) {
            if (Character.isDigit(text.charAt(at + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The columns a text's last statement selects, by their place in its select list ({@code select a1_0.id,
     * a1_0.password from accounts a1_0}: Hibernate reads its values by that place), null where a place is an
     * expression; null when the statement selects nothing.
     */
    static List<String> selectedColumns(String text) {
        Matcher select = SELECT.matcher(text);
        int from = -1;
        while (select.find()) {
            from = select.end();
        }
        if (from < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '\'') {
                i = Redactor.closingQuote(text, i + 1);
            } else if (depth == 0 && (c == ',' || c == '\n' || text.regionMatches(true, i, " from ", 0, 6))) {
                int end = i;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                Matcher name = SELECTED.matcher(text).region(start, end);
                Matcher alias = name.matches() ? name : ALIASED.matcher(text).region(start, end);
                names.add(alias.matches() ? alias.group("c") : null);
                if (c != ',') {
                    return names;
                }
                start = i + 1;
            }
        }
        return null;
    }

    /**
     * A result's column names as a log prints them ahead of its rows (SQLAlchemy's {@code Col ('id', 'password')},
     * MyBatis's {@code <==    Columns: ID, PASSWORD}), or null when the text holds none.
     */
    static List<String> resultColumns(String text) {
        if (!text.contains("Col (") && !text.contains("Columns: ")) {
            return null;
        }
        Matcher m = RESULT_COLUMNS.matcher(text);
        if (!m.find()) {
            return null;
        }
        int end = valuesEnd(text, m.end(), json(text));
        List<String> names = new ArrayList<>();
        if (text.charAt(m.end() - 1) == '(') {
            for (Redactor.Value name : Redactor.pythonArguments(text, m.end(), end)) {
                names.add(name.literal() ? text.substring(name.start(), name.end()) : null);
            }
        } else {
            for (Redactor.Value name : commaSeparated(text, m.end(), end)) {
                names.add(text.substring(name.start(), name.end()));
            }
        }
        return names;
    }

    /**
     * The values the text prints bound to a statement's parameters or in a result's rows, in the text's order;
     * {@code onItsLine}: also those of the forms that print their own statement on the line before them ({@link
     * #mayBindOnItsLine}), which no earlier record's statement may take.
     */
    static List<Bound> bound(String text, boolean onItsLine) {
        List<Bound> out = new ArrayList<>();
        boolean json = json(text);
        Matcher h = HIBERNATE.matcher(text);
        while (h.find()) {
            int end = text.lastIndexOf(']', valuesEnd(text, h.end(), json) - 1);
            if (end >= h.end()) {
                out.add(new Bound(Integer.parseInt(h.group(h.group("n") != null ? "n" : "m")), h.end(), end, false));
            }
        }
        Matcher x = HIBERNATE_EXTRACT.matcher(text);
        while (x.find()) {
            int end = text.lastIndexOf(']', valuesEnd(text, x.end(), json) - 1);
            if (end >= x.end()) {
                out.add(new Bound(Integer.parseInt(x.group("n")), x.end(), end, true));
            }
        }
        Matcher s = SPRING.matcher(text);
        while (s.find()) {
            int end = text.indexOf(SPRING_END, s.end());
            if (end >= 0 && end <= valuesEnd(text, s.end(), json)) {
                out.add(new Bound(Integer.parseInt(s.group("n")), s.end(), end, false));
            }
        }
        Matcher m = MYBATIS.matcher(text);
        while (m.find()) {
            boolean row = m.group("row") != null;
            List<Redactor.Value> values = row ? commaSeparated(text, m.end(), valuesEnd(text, m.end(), json))
                    : myBatisParameters(text, m.end(), valuesEnd(text, m.end(), json));
            place(values, row, out);
        }
        Matcher a = SQLALCHEMY.matcher(text);
        while (a.find()) {
            place(literals(text, a.end(), valuesEnd(text, a.end(), json)), a.group("row") != null, out);
        }
        Matcher t = TYPEORM.matcher(text);
        while (onItsLine && t.find()) {
            place(literals(text, t.end(), valuesEnd(text, t.end(), json)), false, out);
        }
        Matcher q = SEQUELIZE.matcher(text);
        if (onItsLine && q.find()) {
            int end = valuesEnd(text, q.end(), json);
            int elapsed = text.lastIndexOf(SEQUELIZE_ELAPSED, end);
            end = elapsed >= q.end() ? elapsed + 1 : end; // the blank before it a value's trailing one
            int values = text.lastIndexOf("; ", end);
            if (values >= q.end()) {
                place(literals(text, values + 2, end), false, out);
            }
        }
        Matcher e = ECLIPSELINK.matcher(text);
        while (e.find()) {
            int end = text.lastIndexOf(']', valuesEnd(text, e.end(), json) - 1);
            if (end >= e.end()) {
                place(commaSeparated(text, e.end(), end), false, out);
            }
        }
        out.sort(Comparator.comparingInt(Bound::start));
        return out;
    }

    /** The values listed from {@code from} as Python or JSON prints them; a number or null is an empty one. */
    private static List<Redactor.Value> literals(String text, int from, int end) {
        List<Redactor.Value> values = new ArrayList<>();
        for (Redactor.Value v : Redactor.pythonArguments(text, from, end)) {
            values.add(v.literal() ? v : new Redactor.Value(v.start(), v.start(), false));
        }
        return values;
    }

    private static void place(List<Redactor.Value> values, boolean row, List<Bound> out) {
        for (int i = 0; i < values.size(); i++) {
            out.add(new Bound(i + 1, values.get(i).start(), values.get(i).end(), row));
        }
    }

    /**
     * MyBatis's parameters from {@code at} to {@code end}: each value before its type in brackets; {@code null} an
     * empty one.
     */
    private static List<Redactor.Value> myBatisParameters(String text, int at, int end) {
        List<Redactor.Value> values = new ArrayList<>();
        Matcher p = MYBATIS_PARAMETER.matcher(text).region(at, end);
        while (p.find()) {
            values.add(p.group("v") == null ? new Redactor.Value(p.start(), p.start(), false)
                    : new Redactor.Value(p.start("v"), p.end("v"), true));
            if (p.end() == end) {
                break;
            }
        }
        return values;
    }

    /** The values between {@code from} and {@code end} split at each comma and blank ({@code 1, bob, x}). */
    private static List<Redactor.Value> commaSeparated(String text, int from, int end) {
        List<Redactor.Value> values = new ArrayList<>();
        int start = from;
        while (start <= end) {
            int comma = text.indexOf(", ", start);
            int stop = comma < 0 || comma > end ? end : comma;
            values.add(new Redactor.Value(start, stop, true));
            start = stop + 2;
        }
        return values;
    }

    /** Whether a text is a JSON record: a bound value within its message ends where the message's string does. */
    private static boolean json(String text) {
        return text.startsWith("{", Redactor.skipBlanks(text, 0));
    }

    /** Where the values printed from {@code from} end: the line's end, or a JSON record's string's ({@link #json}). */
    private static int valuesEnd(String text, int from, boolean json) {
        int end = lineEnd(text, from);
        return json ? Redactor.stringEnd(text, from, '"', end) : end;
    }

    /** Where the line at {@code from} ends: before its newline and a carriage return before it, or the text's end. */
    static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        end = end < 0 ? text.length() : end;
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
