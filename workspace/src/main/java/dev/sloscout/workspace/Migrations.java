package dev.sloscout.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/V<n>__<what>.sql} run in order, each recorded in
 * {@code schema_version} once it has run. A workspace written by a newer version is refused rather than damaged.
 */
final class Migrations {
    /** In order; a new migration is added at the end, never edited once released. */
    static final List<String> SCRIPTS = List.of(
            "V1__initial.sql",
            "V2__capsule_severity_and_span_operations.sql",
            "V3__embedding_cache.sql");

    private Migrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** Brings the schema up to date; returns the version it was at before. */
    static int migrate(Connection db, String where) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(256) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        int current = current(db);
        if (current > latest()) {
            throw new SQLException(where + ": workspace schema version " + current + " is newer than this "
                    + "SLO-Scout understands (" + latest() + "); open it with a newer version");
        }
        for (int version = current + 1; version <= latest(); version++) {
            String script = SCRIPTS.get(version - 1);
            try (Statement s = db.createStatement()) {
                for (String statement : statements(read(script))) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setObject(3, OffsetDateTime.now(java.time.ZoneOffset.UTC));
                insert.executeUpdate();
            }
            db.commit();
        }
        return current;
    }

    static int current(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements separated by {@code ;} at the end of a line; {@code --} comment lines dropped. */
    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
