package dev.sloscout.workspace;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index beside the database: capsule templates and redacted samples, and span operations, with
 * filter fields (service, severity, journey, first/last seen). The database is the truth; every index commit records
 * the last database batch it holds, so after a crash the workspace re-indexes what the index missed.
 */
final class SearchIndex implements AutoCloseable {
    static final String BATCH = "slo-scout.batch";

    private final Path folder;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private Directory directory;
    private IndexWriter writer;

    SearchIndex(Path folder) throws IOException {
        this.folder = folder;
        open();
    }

    private void open() throws IOException {
        Files.createDirectories(folder);
        directory = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
    }

    /** The last database batch the committed index holds (0 for a new index). */
    long indexedBatch() {
        Map<String, String> data = writer.getLiveCommitData() == null ? Map.of() : toMap(writer);
        String batch = data.get(BATCH);
        return batch == null ? 0 : Long.parseLong(batch);
    }

    private static Map<String, String> toMap(IndexWriter writer) {
        java.util.HashMap<String, String> map = new java.util.HashMap<>();
        writer.getLiveCommitData().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    void put(Capsule capsule) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("kind", "capsule", Field.Store.YES));
        doc.add(new StringField("id", capsule.id(), Field.Store.YES));
        doc.add(new StringField("service", capsule.service(), Field.Store.YES));
        doc.add(new TextField("text", capsule.template(), Field.Store.YES));
        StringBuilder samples = new StringBuilder();
        capsule.samples().forEach(s -> samples.append(s.text()).append('\n'));
        doc.add(new TextField("samples", samples.toString(), Field.Store.NO));
        for (Severity severity : capsule.severities().keySet()) {
            doc.add(new StringField("severity", severity.name(), Field.Store.NO));
        }
        for (String journey : capsule.journeys().keySet()) {
            doc.add(new StringField("journey", journey, Field.Store.NO));
        }
        if (capsule.firstSeenMillis() != LogHeader.NO_TIME) {
            doc.add(new LongPoint("first", capsule.firstSeenMillis()));
            doc.add(new LongPoint("last", capsule.lastSeenMillis()));
        }
        doc.add(new StoredField("count", capsule.count()));
        writer.updateDocument(new Term("id", capsule.id()), doc);
    }

    void put(SpanOperation operation) throws IOException {
        String id = operation.service() + " " + operation.operation();
        Document doc = new Document();
        doc.add(new StringField("kind", "operation", Field.Store.YES));
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new StringField("service", operation.service(), Field.Store.YES));
        doc.add(new TextField("text", operation.operation(), Field.Store.YES));
        if (operation.journeyId() != null) {
            doc.add(new StringField("journey", operation.journeyId(), Field.Store.NO));
        }
        doc.add(new StoredField("count", operation.spans()));
        writer.updateDocument(new Term("id", id), doc);
    }

    /** Makes what was put durable, recording the database batch it reaches. */
    void commit(long batch) throws IOException {
        writer.setLiveCommitData(Map.of(BATCH, Long.toString(batch)).entrySet());
        writer.commit();
    }

    /** Throws the index away (a damaged index is rebuilt from the database). */
    void clear() throws IOException {
        writer.deleteAll();
        writer.commit();
    }

    int documents() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.numDocs();
        }
    }

    List<SearchHit> search(SearchQuery query) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(textQuery(query.text()), BooleanClause.Occur.MUST);
        if (query.service() != null) {
            q.add(new TermQuery(new Term("service", query.service())), BooleanClause.Occur.FILTER);
        }
        if (query.severity() != null) {
            q.add(new TermQuery(new Term("severity", query.severity().toUpperCase(java.util.Locale.ROOT))),
                    BooleanClause.Occur.FILTER);
        }
        if (query.journeyId() != null) {
            q.add(new TermQuery(new Term("journey", query.journeyId())), BooleanClause.Occur.FILTER);
        }
        if (query.fromMillis() != null) {
            q.add(LongPoint.newRangeQuery("last", query.fromMillis(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        if (query.toMillis() != null) {
            q.add(LongPoint.newRangeQuery("first", Long.MIN_VALUE, query.toMillis()), BooleanClause.Occur.FILTER);
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(q.build(), Math.max(1, query.limit())).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                hits.add(new SearchHit(doc.get("kind"), doc.get("id"), doc.get("service"), doc.get("text"),
                        doc.getField("count").numericValue().longValue(), hit.score));
            }
            return hits;
        }
    }

    private Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"text", "samples"}, analyzer,
                Map.of("text", 2f, "samples", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            try {
                return parser.parse(QueryParser.escape(text)); // "disk 91% (full" is a phrase, not a syntax error
            } catch (ParseException impossible) {
                return new MatchAllDocsQuery();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Deletes the index files (when they cannot be opened at all). */
    static void delete(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
