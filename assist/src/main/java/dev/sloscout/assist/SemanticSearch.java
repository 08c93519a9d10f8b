package dev.sloscout.assist;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.workspace.SearchHit;
import dev.sloscout.workspace.SearchQuery;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search that understands meaning: capsule templates are embedded (cached in the workspace) into a vector index
 * beside the full-text one, and a query ranks capsules by a blend of the two.
 *
 * <p>Hybrid score = {@value #VECTOR_WEIGHT} x cosine similarity (below zero counts as zero) + (1 - weight) x the
 * full-text score divided by the best full-text score of the query. Candidates are the top {@value #CANDIDATES} of
 * each side, so a capsule that shares no word with the query ("user sign-in failures" against "Login request of
 * username ... failed") is still found, and an exact word match still counts.
 */
public final class SemanticSearch implements AutoCloseable {
    static final double VECTOR_WEIGHT = 0.65;
    static final int CANDIDATES = 50;

    /** A ranked capsule: the hybrid score and the two parts it is made of. */
    public record Result(String capsuleId, String service, String template, long count, double score,
            double similarity, double textScore) {
    }

    private final Workspace workspace;
    private final Embedder embedder;
    private final VectorIndex vectors;

    public SemanticSearch(Workspace workspace, Embedder embedder) throws IOException {
        this.workspace = workspace;
        this.embedder = embedder;
        this.vectors = new VectorIndex(VectorIndex.beside(workspace.location()));
    }

    /** Embeds every capsule of the workspace not yet in the vector index (templates only: they are redacted). */
    public int indexCapsules() throws WorkspaceException, IOException {
        List<Capsule> capsules = workspace.capsules();
        Map<String, float[]> embedded = embedder.embed(capsules.stream().map(Capsule::template).distinct().toList(),
                workspace);
        for (Capsule c : capsules) {
            vectors.put(c.id(), "capsule", c.service(), c.template(), c.count(), embedded.get(c.template()));
        }
        vectors.commit();
        return capsules.size();
    }

    /**
     * Embeds the journeys and SLI candidates of the workspace (their names and definitions: no event data), so a
     * question can land on them too ({@link #nearest}).
     */
    public int indexAnalysis() throws WorkspaceException, IOException {
        List<String> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Journey j : workspace.journeys()) {
            ids.add(j.id());
            kinds.add("journey");
            services.add(j.entry().service());
            texts.add(j.name() + " journey through " + String.join(", ", j.services()));
        }
        for (dev.sloscout.engine.sli.SliCandidate c : workspace.sliCandidates()) {
            ids.add(c.id());
            kinds.add("sli");
            services.add(c.journeyName());
            texts.add(c.name() + ": good = " + c.good() + "; total = " + c.total());
        }
        Map<String, float[]> embedded = embedder.embed(texts.stream().distinct().toList(), workspace);
        for (int i = 0; i < ids.size(); i++) {
            vectors.put(ids.get(i), kinds.get(i), services.get(i), texts.get(i), 0, embedded.get(texts.get(i)));
        }
        vectors.commit();
        return ids.size();
    }

    /** The items of a kind ({@code capsule}, {@code journey}, {@code sli}; null for all) nearest to a text. */
    public List<VectorIndex.Hit> nearest(String text, String kind, int limit) throws IOException {
        return vectors.nearest(embedder.embed(text), limit, kind);
    }

    /** Capsules for a query: hybrid when {@code semantic}, else full text alone. */
    public List<Result> search(String query, int limit, boolean semantic) throws WorkspaceException, IOException {
        List<SearchHit> text = workspace.search(new SearchQuery(query, null, null, null, null, null, CANDIDATES))
                .stream().filter(h -> h.kind().equals("capsule")).toList();
        double best = text.stream().mapToDouble(SearchHit::score).max().orElse(1);
        Map<String, Result> byId = new LinkedHashMap<>();
        for (SearchHit h : text) {
            double t = h.score() / best;
            byId.put(h.id(), new Result(h.id(), h.service(), h.text(), h.count(), semantic ? (1 - VECTOR_WEIGHT) * t
                    : t, 0, t));
        }
        if (semantic) {
            Map<String, Double> similarity = new HashMap<>();
            for (VectorIndex.Hit v : vectors.nearest(embedder.embed(query), CANDIDATES, "capsule")) {
                similarity.put(v.id(), v.similarity());
                byId.putIfAbsent(v.id(), new Result(v.id(), v.service(), v.text(), v.count(), 0, 0, 0));
            }
            byId.replaceAll((id, r) -> {
                double s = similarity.getOrDefault(id, 0.0);
                return new Result(id, r.service(), r.template(), r.count(),
                        VECTOR_WEIGHT * Math.max(0, s) + (1 - VECTOR_WEIGHT) * r.textScore(), s, r.textScore());
            });
        }
        return ranked(byId.values(), limit);
    }

    /** The capsules most like a given one (itself left out). */
    public List<Result> similar(String capsuleId, int limit) throws WorkspaceException, IOException {
        Capsule capsule = workspace.capsule(capsuleId).orElseThrow(
                () -> new IllegalArgumentException("no capsule " + capsuleId + " in " + workspace.location()));
        List<Result> out = new ArrayList<>();
        for (VectorIndex.Hit v : vectors.nearest(embedder.embed(capsule.template()), limit + 1, "capsule")) {
            if (!v.id().equals(capsuleId)) {
                out.add(new Result(v.id(), v.service(), v.text(), v.count(), v.similarity(), v.similarity(), 0));
            }
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Evidence for a journey: its capsules that sit on failed traces, ranked by how much of the journey's failures
     * they account for and by how close their text is to the journey's name and errors.
     */
    public List<Result> evidence(Journey journey, int limit) throws WorkspaceException {
        float[] about = embedder.embed(journey.name() + " request failed error");
        List<Capsule> onFailures = workspace.capsules().stream()
                .filter(c -> c.journeys().containsKey(journey.id()) && c.eventsOnErrorTraces() > 0).toList();
        Map<String, float[]> embedded = embedder.embed(onFailures.stream().map(Capsule::template).distinct().toList(),
                workspace);
        List<Result> out = new ArrayList<>();
        for (Capsule c : onFailures) {
            double errorShare = (double) c.eventsOnErrorTraces() / Math.max(1, c.eventsWithTrace());
            double s = VectorIndex.dot(about, embedded.get(c.template()));
            out.add(new Result(c.id(), c.service(), c.template(), c.count(), 0.5 * errorShare + 0.5 * Math.max(0, s),
                    s, errorShare));
        }
        return ranked(out, limit);
    }

    private static List<Result> ranked(java.util.Collection<Result> results, int limit) {
        return results.stream().sorted(Comparator.comparingDouble(Result::score).reversed()
                .thenComparing(Result::capsuleId)).limit(limit).toList();
    }

    @Override
    public void close() throws IOException {
        vectors.close();
    }
}
