package dev.sloscout.engine.redact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prepared statements whose values a log prints on records of their own, followed through each source's records in
 * order. Hibernate logs {@code insert into users (name,password) values (?,?)} and then {@code binding parameter
 * (2:VARCHAR) <- [x]}; Spring's JDBC, MyBatis, SQLAlchemy likewise, and SQLAlchemy and MyBatis a result's columns
 * before its rows. A record alone cannot tell whose value it binds, so the last statement (and result) of each source
 * is kept until the next, and the values bound to a column named for a secret are redacted as their record arrives:
 * before mining, counted once for each record, where the {@link Redactor} counts what the samples kept.
 *
 * <p>Records of concurrent threads interleave: a value bound by one thread while another's statement was the last
 * one is paired with that statement. Not thread-safe: one reader, in each source's order.
 */
public final class BoundStatements {
    private final Redactor redactor;
    private final Map<String, Statement> bySource = new HashMap<>();
    private String lastSource;
    private Statement last;

    /** A source's last statement's columns by its placeholders' order, its last result's columns, its text table. */
    private static final class Statement {
        List<String> parameters;
        List<String> results;
        final TextTable table = new TextTable();
    }

    public BoundStatements(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor);
    }

    /**
     * Reads a source's next record: kept when it prints a statement with placeholders or a result's columns; returned
     * with the values it binds to the source's last ones redacted where they are a secret's (the same string when
     * nothing is).
     *
     * @param text         the record's first line, redacted here
     * @param continuation the lines folded under it (a statement may go on there), empty when none
     */
    public String read(String source, String text, String continuation) {
        Statement known = statement(source, false);
        if (known != null && known.table.open() || TextTable.mayBeBorder(text, 0)) {
            known = statement(source, true);
            List<BoundValues.Bound> cells = known.table.read(text, 0);
            if (cells != null) {
                return redactor.redactBound(source, text, cells, null, known.table.header());
            }
        }
        boolean more = !continuation.isEmpty();
        boolean placeholders = placeholders(text) || more && placeholders(continuation);
        boolean selects = selects(text) || more && selects(continuation);
        boolean columns = text.contains("Col") || more && continuation.contains("Col");
        String whole = more && (placeholders || selects || columns) ? text + "\n" + continuation : text;
        List<String> parameters = placeholders ? BoundValues.parameterColumns(whole) : null;
        List<String> selected = selects ? BoundValues.selectedColumns(whole) : null;
        if (parameters != null || selected != null) {
            Statement statement = statement(source, true);
            statement.parameters = named(parameters);
            statement.results = named(selected);
            return text;
        }
        List<String> results = columns ? BoundValues.resultColumns(whole) : null;
        if (results != null) {
            statement(source, true).results = named(results);
            return text;
        }
        if (known == null || known.parameters == null && known.results == null
                || !BoundValues.mayBind(text)) {
            return text;
        }
        return redactor.redactBound(source, text, BoundValues.bound(text), known.parameters, known.results);
    }

    /** A source's state, the last one asked for kept at hand (a file's records come in runs); made when asked to. */
    private Statement statement(String source, boolean make) {
        if (!source.equals(lastSource) || last == null && make) {
            last = make ? bySource.computeIfAbsent(source, s -> new Statement()) : bySource.get(source);
            lastSource = source;
        }
        return last;
    }

    private static boolean placeholders(String text) {
        return text.indexOf('?') >= 0 || text.indexOf('%') >= 0 && text.contains("%s");
    }

    /** The columns, or null when none is named (nothing bound to them can be told a secret). */
    private static List<String> named(List<String> columns) {
        return columns != null && columns.stream().anyMatch(Objects::nonNull) ? columns : null;
    }

    private static boolean selects(String text) {
        return text.contains("select ") || text.contains("SELECT ");
    }
}
