package dev.sloscout.assist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The vector index beside the full-text one ({@code <workspace>.vectors/}): one Lucene document per embedded item
 * (capsule, journey, SLI) with its vector in an HNSW graph (cosine), its id, kind, service, text and count.
 */
public final class VectorIndex implements AutoCloseable {
    /** A nearest neighbour: {@code similarity} is the cosine similarity, -1 to 1. */
    public record Hit(String id, String kind, String service, String text, long count, double similarity) {
    }

    /** Candidates the graph search collects before the best k are taken (HNSW's ef at query time). */
    static final int SEARCH_BEAM = 64;

    private final Directory directory;
    private final IndexWriter writer;

    public VectorIndex(Path folder) throws IOException {
        Files.createDirectories(folder);
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    }

    /** The folder beside a workspace at {@code base}. */
    public static Path beside(Path workspaceBase) {
        return workspaceBase.resolveSibling(workspaceBase.getFileName() + ".vectors");
    }

    public void put(String id, String kind, String service, String text, long count, float[] vector)
            throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new StringField("kind", kind, Field.Store.YES));
        doc.add(new StoredField("service", service));
        doc.add(new StoredField("text", text));
        doc.add(new StoredField("count", count));
        doc.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.COSINE));
        writer.updateDocument(new Term("id", id), doc);
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** The {@code k} nearest items of a kind (null: any kind) by the HNSW graph. */
    public List<Hit> nearest(float[] query, int k, String kind) throws IOException {
        Query filter = kind == null ? null : new TermQuery(new Term("kind", kind));
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Hit> hits = new ArrayList<>();
            int beam = Math.max(k, SEARCH_BEAM); // a wider search of the graph, then the best k: recall for little time
            for (ScoreDoc d : searcher.search(new KnnFloatVectorQuery("vector", query, beam, filter), k).scoreDocs) {
                Document doc = searcher.storedFields().document(d.doc);
                hits.add(hit(doc, 2.0 * d.score - 1)); // Lucene's cosine score is (1 + cos) / 2
            }
            return hits;
        }
    }

    /** The {@code k} nearest by comparing with every vector: the truth {@link #nearest} is measured against. */
    public List<Hit> exact(float[] query, int k) throws IOException {
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::similarity));
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
                        continue;
                    }
                    double similarity = dot(query, values.vectorValue());
                    if (best.size() < k || similarity > best.peek().similarity()) {
                        best.add(hit(leaf.reader().storedFields().document(doc), similarity));
                        if (best.size() > k) {
                            best.poll();
                        }
                    }
                }
            }
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        return out;
    }

    private static Hit hit(Document doc, double similarity) {
        return new Hit(doc.get("id"), doc.get("kind"), doc.get("service"), doc.get("text"),
                doc.getField("count").numericValue().longValue(), similarity);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}
