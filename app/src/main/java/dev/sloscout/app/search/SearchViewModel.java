package dev.sloscout.app.search;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.assist.Embedder;
import dev.sloscout.assist.SemanticSearch;
import dev.sloscout.assist.VectorIndex;
import dev.sloscout.workspace.SearchHit;
import dev.sloscout.workspace.SearchQuery;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The search box's results over everything in the workspace: capsules by hybrid semantic + full-text ranking,
 * journeys and SLIs by meaning. The vector index follows the workspace: it is (re)built in the background after each
 * stored analysis; until it is ready, search is full text only, and says so.
 */
public final class SearchViewModel {
    /** One result: what it is ({@code capsule}, {@code journey}, {@code sli}, {@code operation}), how to open it, why. */
    public record Hit(String kind, String id, String label, String why, double score) {
    }

    /** Journeys and SLIs below this cosine similarity are not worth showing. */
    static final double MIN_SIMILARITY = 0.25;
    static final int LIMIT = 20;

    private final BackgroundTasks tasks;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final Supplier<Embedder> embedder;
    private final ObservableList<Hit> results = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty semantic = new SimpleBooleanProperty(true);
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Type a question or words, then Enter.");
    /** Guards the vector index: background tasks embed, search and close it one at a time. */
    private final Object vectors = new Object();
    private SemanticSearch search;
    private Workspace searchOf;
    private long generation;
    private long searchGeneration;

    /** @param embedder the embedding model, loaded on first use (it takes a second or two) */
    public SearchViewModel(ReadOnlyObjectProperty<Workspace> workspace, ReadOnlyLongProperty stored, BackgroundTasks tasks,
                           Supplier<Embedder> embedder) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.embedder = embedder;
        workspace.addListener((o, a, b) -> prepare());
        stored.addListener((o, a, b) -> prepare());
        if (workspace.get() != null) {
            prepare();
        }
    }

    /** Embeds what the workspace holds into the vector index (only what is new is embedded: the cache knows the rest). */
    public void prepare() {
        Workspace ws = workspace.get();
        ready.set(false);
        if (ws == null) {
            return;
        }
        long mine = ++generation;
        tasks.submit("Preparing semantic search", progress -> {
            synchronized (vectors) {
                if (searchOf != ws) {
                    closeSearch();
                    progress.update(-1, "loading the embedding model");
                    search = new SemanticSearch(ws, embedder.get());
                    searchOf = ws;
                }
                progress.update(-1, "embedding capsules");
                int capsules = search.indexCapsules();
                progress.update(-1, "embedding journeys and SLIs");
                return capsules + search.indexAnalysis();
            }
        }, indexed -> {
            if (mine == generation) {
                ready.set(true);
                status.set(String.format(Locale.ROOT, "Semantic search ready over %,d items.", indexed));
            }
        }, failure -> status.set("Semantic search is unavailable (full text still works): " + failure.getMessage()));
    }

    private void closeSearch() throws IOException {
        if (search != null) {
            search.close();
            search = null;
            searchOf = null;
        }
    }

    public void search() {
        String text = query.get() == null ? "" : query.get().trim();
        Workspace ws = workspace.get();
        if (text.isEmpty() || ws == null) {
            results.clear();
            status.set(ws == null ? "No workspace is open: nothing to search yet." : "Type a question or words, then Enter.");
            return;
        }
        boolean useVectors = semantic.get() && ready.get();
        long mine = ++searchGeneration;
        status.set("searching...");
        tasks.submit("Search: " + text, progress -> {
            if (!useVectors) {
                return fullText(ws, text);
            }
            synchronized (vectors) {
                return hybrid(text);
            }
        }, found -> {
            if (mine == searchGeneration) {
                results.setAll(found);
                status.set(found.size() + " results for '" + text + "'" + (useVectors ? " (meaning and words)"
                        : semantic.get() ? " (words only: semantic search is still getting ready)" : " (words only)"));
            }
        }, failure -> status.set("Search failed: " + failure.getMessage()));
    }

    private List<Hit> hybrid(String text) throws Exception {
        List<Hit> out = new ArrayList<>();
        for (VectorIndex.Hit h : search.nearest(text, "journey", 5)) {
            if (h.similarity() >= MIN_SIMILARITY) {
                out.add(new Hit("journey", h.id(), h.text(), String.format(Locale.ROOT, "meaning %.2f", h.similarity()),
                        h.similarity()));
            }
        }
        for (VectorIndex.Hit h : search.nearest(text, "sli", 5)) {
            if (h.similarity() >= MIN_SIMILARITY) {
                out.add(new Hit("sli", h.id(), h.text(), String.format(Locale.ROOT, "meaning %.2f", h.similarity()),
                        h.similarity()));
            }
        }
        for (SemanticSearch.Result r : search.search(text, LIMIT, true)) {
            out.add(new Hit("capsule", r.capsuleId(), r.service() + ": " + r.template(), String.format(Locale.ROOT,
                    "score %.2f = meaning %.2f, words %.2f; %,d events", r.score(), r.similarity(), r.textScore(), r.count()),
                    r.score()));
        }
        return out;
    }

    private static List<Hit> fullText(Workspace ws, String text) throws Exception {
        List<Hit> out = new ArrayList<>();
        for (SearchHit h : ws.search(new SearchQuery(text, null, null, null, null, null, LIMIT))) {
            out.add(new Hit(h.kind(), h.id(), (h.service() == null ? "" : h.service() + ": ") + h.text(),
                    String.format(Locale.ROOT, "words %.2f; %,d %s", h.score(), h.count(),
                            h.kind().equals("capsule") ? "events" : "spans"), h.score()));
        }
        return out;
    }

    /** The capsules most like one, by meaning; empty (with the reason in the status) until the index is ready. */
    public List<SemanticSearch.Result> similar(String capsuleId, int limit) throws Exception {
        Workspace ws = workspace.get();
        if (ws == null || !ready.get()) {
            throw new IllegalStateException("semantic search is not ready yet (it is prepared after the analysis is "
                    + "stored in a workspace)");
        }
        synchronized (vectors) {
            return search.similar(capsuleId, limit);
        }
    }

    public ObservableList<Hit> results() {
        return results;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty semanticProperty() {
        return semantic;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * Closes the vector index once the embedding or search in flight is done (the workspace is closed by its owner);
     * called off the FX thread.
     */
    public void close() throws IOException {
        synchronized (vectors) {
            closeSearch();
        }
    }
}
