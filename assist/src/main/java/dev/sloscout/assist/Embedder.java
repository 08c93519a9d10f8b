package dev.sloscout.assist;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings computed on this machine: all-MiniLM-L6-v2 (quantised) from the jar that ships it, run by ONNX
 * Runtime; 384 dimensions, no download. Texts are embedded in batches (LangChain4j spreads each batch over a pool of
 * its own, as many threads as cores) and, with a workspace, cached there by the SHA-256 of the text, so a template is
 * embedded once.
 *
 * <p>Callers pass redacted text only (capsule templates are redacted when capsules are built); placeholders are
 * turned into words the model knows ({@code <NUM>} reads "number").
 */
public final class Embedder {
    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    static final int BATCH = 32;

    private final EmbeddingModel model;

    public Embedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** Embeddings in the order of the texts, unit length (cosine similarity is the dot product). */
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = new ArrayList<>();
            for (String text : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
                String readable = readable(text);
                batch.add(TextSegment.from(readable.isEmpty() ? "value" : readable)); // "<*>" alone, say
            }
            model.embedAll(batch).content().forEach(e -> out.add(normalised(e.vector())));
        }
        return out;
    }

    public float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** Like {@link #embed(List)}, taking what the workspace already has and caching what it had not. */
    public Map<String, float[]> embed(List<String> texts, Workspace workspace) throws WorkspaceException {
        Map<String, String> byHash = new LinkedHashMap<>();
        texts.forEach(t -> byHash.put(hash(t), t));
        Map<String, float[]> cached = workspace.cachedEmbeddings(MODEL, byHash.keySet());
        List<String> missingHashes = byHash.keySet().stream().filter(h -> !cached.containsKey(h)).toList();
        List<float[]> computed = embed(missingHashes.stream().map(byHash::get).toList());
        Map<String, float[]> fresh = new LinkedHashMap<>();
        for (int i = 0; i < missingHashes.size(); i++) {
            fresh.put(missingHashes.get(i), computed.get(i));
        }
        if (!fresh.isEmpty()) {
            workspace.cacheEmbeddings(MODEL, fresh);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String text : texts) {
            String h = hash(text);
            out.put(text, cached.containsKey(h) ? cached.get(h) : fresh.get(h));
        }
        return out;
    }

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("<SECRET:([a-z-]+)>");

    /** Placeholders as words: the model never saw {@code <NUM>}. */
    static String readable(String template) {
        String secrets = SECRET.matcher(template).replaceAll(m -> m.group(1).replace('-', ' '));
        return secrets.replace("<NUM>", "number").replace("<HEX>", "hex id").replace("<UUID>", "id")
                .replace("<IP:PORT>", "address").replace("<IP>", "address").replace("<PATH>", "path")
                .replace("<URL>", "url").replace("<EMAIL>", "email").replace("<DURATION>", "duration")
                .replace("<SIZE>", "size").replace("<STR>", "text").replace("<TIME>", "time")
                .replace("<*>", " ").replace("<CARD>", "card").replace("<SSN>", "id")
                .replaceAll("\\s+", " ").strip();
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }
}
