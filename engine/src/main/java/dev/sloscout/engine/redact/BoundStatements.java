package dev.sloscout.engine.redact;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>Records of concurrent threads interleave: a value is paired with the last statement of the thread its record
 * names ({@link RecordThread}), and with the source's last one when its record names none or its thread's statement
 * was not seen. Not thread-safe: one reader, in each source's order.
 */
public final class BoundStatements {
    /** Threads' statements kept for each source, the most recently used (a pool's threads; new threads age out). */
    static final int THREADS = 512;
    private final Redactor redactor;
    private final Map<String, Source> sources = new HashMap<>();
    private String lastName;
    private Source last;

    /** A statement's columns by its placeholders' order, its last result's columns, its text table. */
    private static final class Statement {
        List<String> parameters;
        List<String> results;
        final TextTable table = new TextTable();

        boolean named() {
            return parameters != null || results != null;
        }
    }

    /** A source's last statement of any thread (and its records' naming none), and each thread's own. */
    private static final class Source {
        final Statement any = new Statement();
        final Map<String, Statement> threads = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Statement> eldest) {
                boolean full = size() > THREADS;
                if (full && eldest.getValue().table.open()) {
                    openTables--;
                }
                return full;
            }
        };
        /** Tables open over its threads: while one is, each record is read for its thread's. */
        int openTables;

        Statement own(String thread) {
            return thread.isEmpty() ? any : threads.computeIfAbsent(thread, t -> new Statement());
        }
    }

    public BoundStatements(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor);
    }

    /** Reads a source's next record, its thread the one its text names, if any ({@link #read}). */
    public String read(String name, String text, String continuation) {
        return read(name, "", text, continuation);
    }

    /**
     * Reads a source's next record: kept when it prints a statement with placeholders or a result's columns; returned
     * with the values it binds to its thread's (or the source's) last ones redacted where they are a secret's (the
     * same string when nothing is).
     *
     * @param thread       the thread a field of the record named, or empty: then the one its text names, if any
     * @param text         the record's first line, redacted here
     * @param continuation the lines folded under it (a statement may go on there), empty when none
     */
    public String read(String name, String thread, String text, String continuation) {
        Source source = source(name, false);
        boolean border = TextTable.mayBeBorder(text, 0);
        if (border || source != null && source.openTables > 0) {
            source = source(name, true);
            Statement own = source.own(threadOf(thread, text));
            boolean open = own.table.open();
            if (open || border) {
                List<BoundValues.Bound> cells = own.table.read(text, 0);
                source.openTables += Boolean.compare(own.table.open(), open);
                if (cells != null) {
                    return redactor.redactBound(name, text, cells, null, own.table.header());
                }
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
            source = source(name, true);
            for (Statement statement : List.of(source.any, source.own(threadOf(thread, text)))) {
                statement.parameters = named(parameters);
                statement.results = named(selected);
            }
            return text;
        }
        List<String> results = columns ? BoundValues.resultColumns(whole) : null;
        if (results != null) {
            source = source(name, true);
            source.any.results = named(results);
            source.own(threadOf(thread, text)).results = source.any.results;
            return text;
        }
        if (source == null || source.threads.isEmpty() && !source.any.named() || !BoundValues.mayBind(text)) {
            return text;
        }
        Statement own = source.threads.isEmpty() ? null : source.threads.get(threadOf(thread, text));
        Statement known = own != null && own.named() ? own : source.any;
        if (!known.named()) {
            return text;
        }
        return redactor.redactBound(name, text, BoundValues.bound(text, false), known.parameters, known.results);
    }

    private static String threadOf(String named, String text) {
        return named.isEmpty() ? RecordThread.of(text) : named;
    }

    /** A source's state, the last one asked for kept at hand (a file's records come in runs); made when asked to. */
    private Source source(String name, boolean make) {
        if (!name.equals(lastName) || last == null && make) {
            last = make ? sources.computeIfAbsent(name, s -> new Source()) : sources.get(name);
            lastName = name;
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
