package dev.sloscout.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.sli.SliCandidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * A workspace on disk: an H2 file database ({@code <base>.mv.db}) and a Lucene index beside it
 * ({@code <base>.lucene/}). Sources, capsules, journeys, SLI candidates, SLO drafts and their tuning history are kept
 * in the database; the index makes capsules and span operations searchable.
 *
 * <p>Crash safety: every {@link #commit(Batch)} is one database transaction, written to disk before it returns
 * ({@code WRITE_DELAY=0}), so a process killed mid-ingestion loses at most the batch in flight. The index is brought
 * up to date after each commit and records which batch it reaches; opening a workspace re-indexes whatever a crash
 * left out, and rebuilds an index it cannot read. The database file lock is an OS lock, released when a process
 * dies, so a killed workspace opens again at once.
 *
 * <p>Thread-safe: writes (commits, drafts, the embedding cache, closing) take an internal fair lock one at a time,
 * reads share it; no caller needs to synchronise on a workspace. A long commit holds reads back, so a UI thread must
 * not call it directly (the workbench calls it from background tasks only). Once closed it refuses every call with a
 * {@link WorkspaceException} naming the workspace.
 */
public final class Workspace implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path base;
    private final Connection db;
    private final SearchIndex index;
    private final int migratedFrom;
    private final long reindexed;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private boolean closed;

    private Workspace(Path base, Connection db, SearchIndex index, int migratedFrom, long reindexed, Clock clock) {
        this.base = base;
        this.clock = clock;
        this.db = db;
        this.index = index;
        this.migratedFrom = migratedFrom;
        this.reindexed = reindexed;
    }

    /** {@code ~/.slo-scout/workspaces/<name>}: where a named workspace lives unless a path is given. */
    public static Path defaultLocation(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw new IllegalArgumentException("workspace name '" + name
                    + "': use letters, digits, '.', '_' or '-' (at most 100)");
        }
        return Path.of(System.getProperty("user.home"), ".slo-scout", "workspaces", name);
    }

    /**
     * Opens (or creates) the workspace at {@code base} (the database is {@code base + ".mv.db"}), migrating its
     * schema and repairing its index.
     */
    public static Workspace open(Path base) throws WorkspaceException {
        return open(base, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, stamping sources, batches and tuning history with {@code clock}'s time. */
    public static Workspace open(Path base, Clock clock) throws WorkspaceException {
        Path absolute = base.toAbsolutePath().normalize();
        Connection db = null;
        SearchIndex index = null;
        try {
            Files.createDirectories(absolute.getParent());
            db = DriverManager.getConnection("jdbc:h2:file:" + absolute
                    + ";WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
            db.setAutoCommit(false);
            int from = Migrations.migrate(db, absolute + ".mv.db");
            index = openIndex(indexFolder(absolute));
            long reindexed = catchUp(db, index);
            return new Workspace(absolute, db, index, from, reindexed, clock);
        } catch (SQLException e) {
            closeQuietly(index);
            closeQuietly(db);
            throw new WorkspaceException(absolute + ".mv.db: cannot open the workspace database: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(index);
            closeQuietly(db);
            throw new WorkspaceException(indexFolder(absolute) + ": cannot open the search index: " + e.getMessage(), e);
        }
    }

    private static Path indexFolder(Path base) {
        return base.resolveSibling(base.getFileName() + ".lucene");
    }

    private static SearchIndex openIndex(Path folder) throws IOException {
        try {
            return new SearchIndex(folder);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            SearchIndex.delete(folder); // the database has everything: rebuild
            return new SearchIndex(folder);
        }
    }

    /** Indexes the batches the index has not seen (after a crash between the two commits, or a rebuild). */
    private static long catchUp(Connection db, SearchIndex index) throws SQLException, IOException {
        long indexed = index.indexedBatch();
        long latest = latestBatch(db);
        if (indexed > latest) { // an index from another database, or a database restored from a backup
            index.clear();
            indexed = 0;
        }
        if (indexed == latest) {
            return 0;
        }
        long count = 0;
        try (PreparedStatement s = db.prepareStatement("SELECT body FROM capsule WHERE batch_id > ?")) {
            s.setLong(1, indexed);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    index.put(read(rs.getString(1), Capsule.class));
                    count++;
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement(
                "SELECT service, operation, journey_id, spans FROM span_operation WHERE batch_id > ?")) {
            s.setLong(1, indexed);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    index.put(new SpanOperation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    count++;
                }
            }
        }
        index.commit(latest);
        return count;
    }

    private static long latestBatch(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM ingest_batch")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Path location() {
        return base;
    }

    public int schemaVersion() throws WorkspaceException {
        return reading(() -> Migrations.current(db));
    }

    /** The schema version the workspace had before this open migrated it (0 for a new workspace). */
    public int migratedFrom() {
        return migratedFrom;
    }

    /** Index entries written on open to catch up with the database (0 when the index was up to date). */
    public long reindexedOnOpen() {
        return reindexed;
    }

    /** Records a source (a file, a topic); returns its id for the batches read from it. */
    public long addSource(String location, String kind) throws WorkspaceException {
        return writing(() -> {
            try (PreparedStatement s = db.prepareStatement(
                    "INSERT INTO source (location, kind, added_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, location);
                s.setString(2, kind);
                s.setObject(3, OffsetDateTime.now(clock));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    db.commit();
                    return id;
                }
            }
        });
    }

    /** The sources, oldest first: {@code location} and {@code kind} with the events committed from each. */
    public List<Source> sources() throws WorkspaceException {
        return reading(() -> {
            List<Source> out = new ArrayList<>();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, location, kind, events FROM source ORDER BY id")) {
                while (rs.next()) {
                    out.add(new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return out;
        });
    }

    /** A source as stored. */
    public record Source(long id, String location, String kind, long events) {
    }

    /**
     * Stores a batch in one transaction (all of it or, after a crash, none of it), then indexes it. Returns the
     * batch id.
     */
    public long commit(Batch batch) throws WorkspaceException {
        return locked(lock.writeLock(), () -> {
            long id = sql(() -> {
                try {
                    long next = latestBatch(db) + 1;
                    write(next, batch);
                    db.commit();
                    return next;
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                }
            });
            try {
                for (Capsule c : batch.capsules()) {
                    index.put(c);
                }
                for (SpanOperation o : batch.operations()) {
                    index.put(o);
                }
                index.commit(id);
            } catch (IOException e) {
                throw new WorkspaceException(indexFolder(base) + ": batch " + id + " is stored but not yet searchable ("
                        + e.getMessage() + "); it is indexed when the workspace opens again", e);
            }
            return id;
        });
    }

    private void write(long batchId, Batch batch) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO ingest_batch (id, source_id, events, capsules, "
                + "committed_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, batchId);
            s.setLong(2, batch.sourceId());
            s.setLong(3, batch.events());
            s.setInt(4, batch.capsules().size());
            s.setObject(5, OffsetDateTime.now(clock));
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("UPDATE source SET events = events + ? WHERE id = ?")) {
            s.setLong(1, batch.events());
            s.setLong(2, batch.sourceId());
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("MERGE INTO capsule (id, service, template_id, template, "
                + "event_count, first_seen, last_seen, body, batch_id, worst_severity) KEY (id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Capsule c : batch.capsules()) {
                s.setString(1, c.id());
                s.setString(2, c.service());
                s.setString(3, c.templateId());
                s.setString(4, c.template());
                s.setLong(5, c.count());
                setTime(s, 6, c.firstSeenMillis());
                setTime(s, 7, c.lastSeenMillis());
                s.setString(8, write(c));
                s.setLong(9, batchId);
                s.setString(10, c.worstSeverity().name());
                s.addBatch();
            }
            s.executeBatch();
        }
        mergeBodies("MERGE INTO journey (id, name, body, batch_id) KEY (id) VALUES (?, ?, ?, ?)", batchId,
                batch.journeys(), Journey::id, Journey::name);
        mergeBodies("MERGE INTO sli_candidate (id, journey_id, body, batch_id) KEY (id) VALUES (?, ?, ?, ?)", batchId,
                batch.sliCandidates(), SliCandidate::id, SliCandidate::journeyId);
        try (PreparedStatement s = db.prepareStatement("MERGE INTO span_operation (service, operation, journey_id, "
                + "spans, batch_id) KEY (service, operation) VALUES (?, ?, ?, ?, ?)")) {
            for (SpanOperation o : batch.operations()) {
                s.setString(1, o.service());
                s.setString(2, o.operation());
                s.setString(3, o.journeyId());
                s.setLong(4, o.spans());
                s.setLong(5, batchId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Upserts records stored as JSON bodies: id, one descriptive column, the body, the batch. */
    private <T> void mergeBodies(String sql, long batchId, List<T> items, Function<T, String> id,
            Function<T, String> column) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (T item : items) {
                s.setString(1, id.apply(item));
                s.setString(2, column.apply(item));
                s.setString(3, write(item));
                s.setLong(4, batchId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setTime(PreparedStatement s, int column, long millis) throws SQLException {
        if (millis == LogHeader.NO_TIME) {
            s.setNull(column, Types.BIGINT);
        } else {
            s.setLong(column, millis);
        }
    }

    /** Committed batches so far. */
    public long batches() throws WorkspaceException {
        return reading(() -> latestBatch(db));
    }

    /** Every capsule, most events first. */
    public List<Capsule> capsules() throws WorkspaceException {
        return list("SELECT body FROM capsule ORDER BY event_count DESC, id", Capsule.class);
    }

    public Optional<Capsule> capsule(String id) throws WorkspaceException {
        return reading(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT body FROM capsule WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs.getString(1), Capsule.class)) : Optional.empty();
                }
            }
        });
    }

    public List<Journey> journeys() throws WorkspaceException {
        return list("SELECT body FROM journey ORDER BY id", Journey.class);
    }

    public List<SliCandidate> sliCandidates() throws WorkspaceException {
        return list("SELECT body FROM sli_candidate ORDER BY id", SliCandidate.class);
    }

    /** Saves the draft's new settings and appends them to its tuning history (one transaction). */
    public void saveDraft(SloDraft draft) throws WorkspaceException {
        writing(() -> {
            try {
                String settings = write(draft);
                OffsetDateTime now = OffsetDateTime.now(clock);
                try (PreparedStatement s = db.prepareStatement(
                        "MERGE INTO slo_draft (id, sli_id, settings, updated_at) KEY (id) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, draft.id());
                    s.setString(2, draft.sliId());
                    s.setString(3, settings);
                    s.setObject(4, now);
                    s.executeUpdate();
                }
                try (PreparedStatement s = db.prepareStatement("INSERT INTO slo_tuning (draft_id, seq, settings, "
                        + "tuned_at) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM slo_tuning WHERE draft_id = ?")) {
                    s.setString(1, draft.id());
                    s.setString(2, settings);
                    s.setObject(3, now);
                    s.setString(4, draft.id());
                    s.executeUpdate();
                }
                db.commit();
                return null;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        });
    }

    public List<SloDraft> drafts() throws WorkspaceException {
        return list("SELECT settings FROM slo_draft ORDER BY id", SloDraft.class);
    }

    /** Every state the draft has been tuned to, oldest first (what undo walks back through). */
    public List<SloDraft> tuningHistory(String draftId) throws WorkspaceException {
        return reading(() -> {
            List<SloDraft> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT settings FROM slo_tuning WHERE draft_id = ? ORDER BY seq")) {
                s.setString(1, draftId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs.getString(1), SloDraft.class));
                    }
                }
            }
            return out;
        });
    }

    /** Cached embeddings of {@code model} for the given text hashes (those not cached are absent). */
    public Map<String, float[]> cachedEmbeddings(String model, Collection<String> textHashes)
            throws WorkspaceException {
        return reading(() -> {
            Map<String, float[]> out = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT vector FROM embedding WHERE text_hash = ? AND model = ?")) {
                for (String hash : textHashes) {
                    s.setString(1, hash);
                    s.setString(2, model);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            out.put(hash, floats(rs.getBytes(1)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Stores embeddings by text hash (one transaction). */
    public void cacheEmbeddings(String model, Map<String, float[]> vectors) throws WorkspaceException {
        writing(() -> {
            try (PreparedStatement s = db.prepareStatement(
                    "MERGE INTO embedding (text_hash, model, vector) KEY (text_hash, model) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    s.setString(1, e.getKey());
                    s.setString(2, model);
                    s.setBytes(3, bytes(e.getValue()));
                    s.addBatch();
                }
                s.executeBatch();
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            }
            return null;
        });
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }

    /** Full-text search over capsules and span operations. */
    public List<SearchHit> search(SearchQuery query) throws WorkspaceException {
        return locked(lock.readLock(), () -> {
            try {
                return index.search(query);
            } catch (IOException e) {
                throw new WorkspaceException(indexFolder(base) + ": search failed: " + e.getMessage(), e);
            }
        });
    }

    /** Documents in the search index (capsules plus operations). */
    public int indexedDocuments() throws WorkspaceException {
        return locked(lock.readLock(), () -> {
            try {
                return index.documents();
            } catch (IOException e) {
                throw new WorkspaceException(indexFolder(base) + ": " + e.getMessage(), e);
            }
        });
    }

    /** Closes the database and the index once a commit in flight has finished; later calls do nothing. */
    @Override
    public void close() throws WorkspaceException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            index.close();
        } catch (IOException e) {
            throw new WorkspaceException(indexFolder(base) + ": closing the index failed: " + e.getMessage(), e);
        } finally {
            closeQuietly(db);
            lock.writeLock().unlock();
        }
    }

    private <T> List<T> list(String query, Class<T> type) throws WorkspaceException {
        return reading(() -> {
            List<T> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    out.add(read(rs.getString(1), type));
                }
            }
            return out;
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not read back: "
                    + e.getOriginalMessage(), e);
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface Work<T> {
        T run() throws WorkspaceException;
    }

    private <T> T reading(SqlWork<T> work) throws WorkspaceException {
        return locked(lock.readLock(), () -> sql(work));
    }

    private <T> T writing(SqlWork<T> work) throws WorkspaceException {
        return locked(lock.writeLock(), () -> sql(work));
    }

    private <T> T locked(Lock held, Work<T> work) throws WorkspaceException {
        held.lock();
        try {
            if (closed) {
                throw new WorkspaceException(base + ": the workspace is closed");
            }
            return work.run();
        } finally {
            held.unlock();
        }
    }

    private <T> T sql(SqlWork<T> work) throws WorkspaceException {
        try {
            return work.run();
        } catch (SQLException | IllegalStateException e) {
            throw new WorkspaceException(base + ".mv.db: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(SearchIndex index) {
        if (index != null) {
            try {
                index.close();
            } catch (IOException ignored) {
                // closing after a failure: the original error is what the user needs
            }
        }
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing after a failure: the original error is what the user needs
            }
        }
    }
}
