package dev.sloscout.engine.capsule;

import dev.sloscout.engine.model.DataStrings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines templates from tokenized messages, one message at a time, with one configuration for every input.
 *
 * <p>Messages whose masked tokens are the same share a template at once (a hash lookup, the common case). A new
 * token sequence is compared with the templates of the same length: the share of its tokens equal to the template's
 * fixed tokens (positions already variable count neither way). The most similar template at or above
 * {@link MinerSettings#similarity()} takes it, and the positions where they differ become {@code <*>}. Unlike Drain there is no
 * prefix tree keyed on the leading tokens, so a message whose first word varies still finds its template; the
 * threshold is high enough that a three-word message differing in one word stays its own template.
 *
 * <p>Template ids are content-addressed. When a template generalises its id changes; {@link #resolve(String)}
 * follows the old id to the current one. Memory grows with the number of templates: the cache of exact token
 * sequences is bounded, and so is the number of templates: once {@code maxTemplates} exist, a message that joins none
 * of them is counted under one {@linkplain #OVERFLOW_TEXT overflow template} (text without fixed tokens, ids in
 * messages that the masks miss, would otherwise make one template per line, and each new line a scan of them all).
 */
public final class TemplateMiner {
    private static final int MAX_CACHED_SEQUENCES = 100_000;
    /** Templates a miner keeps apart unless told otherwise. */
    public static final int DEFAULT_MAX_TEMPLATES = 5_000;
    /** The text of the template that counts the messages beyond the bound. */
    public static final String OVERFLOW_TEXT = "(other templates, beyond the bound)";

    private final MinerSettings settings;
    private final int maxTemplates;
    private Cluster overflow;
    private long overflowMessages;

    private final Map<String, Cluster> sequences = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cluster> eldest) {
            return size() > MAX_CACHED_SEQUENCES;
        }
    };
    private final Map<Integer, List<Cluster>> byLength = new HashMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private int templates;

    public TemplateMiner() {
        this(MinerSettings.DEFAULT);
    }

    public TemplateMiner(MinerSettings settings) {
        this(settings, DEFAULT_MAX_TEMPLATES);
    }

    /** A miner that keeps at most {@code maxTemplates} templates apart (the rest are counted together). */
    public TemplateMiner(MinerSettings settings, int maxTemplates) {
        if (maxTemplates < 1) {
            throw new IllegalArgumentException("maxTemplates must be positive, got " + maxTemplates);
        }
        this.settings = settings;
        this.maxTemplates = maxTemplates;
    }

    /** Messages counted under the overflow template because the bound was reached. */
    public long overflowMessages() {
        return overflowMessages;
    }

    public int maxTemplates() {
        return maxTemplates;
    }

    /** Adds a message and returns the template it belongs to now. */
    public Template add(Tokens tokens) {
        return cluster(tokens, true).template();
    }

    /** The template a message would belong to, without changing anything (null when none is similar enough). */
    public Template match(Tokens tokens) {
        Cluster c = cluster(tokens, false);
        return c == null ? null : c.template();
    }

    /** The current id for an id handed out earlier (the same id when its template has not changed since). */
    public String resolve(String id) {
        String current = id;
        for (int hops = 0; hops < 10_000; hops++) {
            String next = redirects.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("template id redirects loop at " + id);
    }

    /** Exact token sequences remembered for the fast path (bounded). */
    public int cachedSequences() {
        return sequences.size();
    }

    public int templateCount() {
        return templates;
    }

    /** Every live template (the overflow template too, once it has messages). */
    public List<Template> templates() {
        List<Template> all = new ArrayList<>(templates + 1);
        byLength.values().forEach(list -> list.forEach(c -> all.add(c.template())));
        if (overflow != null) {
            all.add(overflow.template());
        }
        return all;
    }

    /**
     * Everything that decides what this miner does next, as bytes {@link #read} turns back into a miner that mines
     * the same templates from the same messages: the templates in their search order, their counts, the id
     * redirects and the cache of exact token sequences in its eviction order. The settings are not written (the
     * reader gives them).
     */
    public void write(DataOutputStream out) throws IOException {
        Map<Cluster, Integer> index = new IdentityHashMap<>();
        List<Cluster> clusters = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>(byLength.keySet());
        lengths.sort(null);
        for (int length : lengths) {
            for (Cluster c : byLength.get(length)) {
                if (index.putIfAbsent(c, clusters.size()) == null) {
                    clusters.add(c);
                }
            }
        }
        out.writeInt(maxTemplates);
        out.writeInt(templates);
        out.writeLong(overflowMessages);
        out.writeLong(overflow == null ? -1 : overflow.count);
        out.writeInt(clusters.size());
        for (Cluster c : clusters) {
            out.writeInt(c.tokens.length);
            for (int i = 0; i < c.tokens.length; i++) {
                DataStrings.write(out, c.tokens[i]);
                out.writeBoolean(c.spacing[i]);
            }
            out.writeInt(c.slot);
            DataStrings.write(out, c.id);
            out.writeLong(c.count);
        }
        out.writeInt(lengths.size());
        for (int length : lengths) {
            List<Cluster> list = byLength.get(length);
            out.writeInt(length);
            out.writeInt(list.size());
            for (Cluster c : list) {
                out.writeInt(index.get(c));
            }
        }
        out.writeInt(redirects.size());
        for (Map.Entry<String, String> r : redirects.entrySet()) {
            DataStrings.write(out, r.getKey());
            DataStrings.write(out, r.getValue());
        }
        out.writeInt(sequences.size());
        for (Map.Entry<String, Cluster> s : sequences.entrySet()) { // least recently used first
            DataStrings.write(out, s.getKey());
            out.writeInt(index.get(s.getValue().live()));
        }
    }

    /** A miner as {@link #write} wrote it, mining with {@code settings}. */
    public static TemplateMiner read(DataInputStream in, MinerSettings settings) throws IOException {
        TemplateMiner miner = new TemplateMiner(settings, in.readInt());
        miner.templates = in.readInt();
        long overflowMessages = in.readLong();
        long overflowCount = in.readLong();
        if (overflowCount >= 0) {
            miner.overflow();
            miner.overflow.count = overflowCount;
        }
        miner.overflowMessages = overflowMessages;
        int count = in.readInt();
        List<Cluster> clusters = new ArrayList<>(Math.min(count, 1 << 16));
        for (int n = 0; n < count; n++) {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IOException("template length " + length + " out of range");
            }
            String[] tokens = new String[length];
            boolean[] spacing = new boolean[length];
            for (int i = 0; i < length; i++) {
                tokens[i] = Placeholder.canonical(DataStrings.read(in));
                spacing[i] = in.readBoolean();
            }
            Cluster c = miner.new Cluster(tokens, spacing, in.readInt(), DataStrings.read(in));
            c.count = in.readLong();
            clusters.add(c);
        }
        for (int lengths = in.readInt(); lengths > 0; lengths--) {
            int length = in.readInt();
            int size = in.readInt();
            List<Cluster> list = new ArrayList<>(Math.min(size, 1 << 16));
            for (int i = 0; i < size; i++) {
                list.add(clusters.get(in.readInt()));
            }
            miner.byLength.put(length, list);
        }
        for (int redirects = in.readInt(); redirects > 0; redirects--) {
            miner.redirects.put(DataStrings.read(in), DataStrings.read(in));
        }
        for (int sequences = in.readInt(); sequences > 0; sequences--) {
            miner.sequences.put(DataStrings.read(in), clusters.get(in.readInt()));
        }
        return miner;
    }

    private Cluster cluster(Tokens tokens, boolean learn) {
        String key = tokens.key();
        Cluster cached = sequences.get(key);
        if (cached != null) {
            cached = cached.live();
            if (learn) {
                cached.count++;
            }
            return cached;
        }
        List<Cluster> sameLength = byLength.get(tokens.size());
        Cluster best = null;
        double bestScore = 0;
        if (sameLength != null) {
            for (Cluster c : sameLength) {
                double score = c.similarity(tokens);
                if (score >= settings.similarity() && score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            best = stretchable(tokens, learn);
            if (best != null || !learn) {
                if (best != null && learn) {
                    best.count++;
                    sequences.put(key, best);
                }
                return best;
            }
            if (templates >= maxTemplates) {
                return overflow();
            }
            best = new Cluster(tokens.toArray(), tokens.spacing());
            register(best);
            templates++;
            best = generaliseBySiblings(best);
        } else if (!learn) {
            return best;
        } else if (best.generalise(tokens)) {
            redirect(best.renamed(), best.id);
            best = absorbSubsumed(best);
        }
        best.count++;
        sequences.put(key, best);
        return best;
    }

    /** Counts a message under the overflow template (not cached: its own words may yet form a template elsewhere). */
    private Cluster overflow() {
        if (overflow == null) {
            String[] words = OVERFLOW_TEXT.split(" ");
            boolean[] spacing = new boolean[words.length];
            java.util.Arrays.fill(spacing, true);
            overflow = new Cluster(words, spacing);
        }
        overflow.count++;
        overflowMessages++;
        return overflow;
    }

    /**
     * A new template with {@link MinerSettings#siblings()} - 1 or more siblings (same length, equal but for one word at the same
     * position, with at least three other fixed tokens) makes that position a variable and absorbs them. With fewer
     * other fixed tokens (the rest variables: {@code status unpacked libssl3:<*> <*>}, a package per line) twice as
     * many siblings are needed for each one missing: a word or two is little context, but a word that took that many
     * values in the same place is a parameter.
     */
    private Cluster generaliseBySiblings(Cluster fresh) {
        int n = fresh.tokens.length;
        if (fresh.slot >= 0 || n < 4) {
            return fresh;
        }
        int[] siblingsAt = new int[n];
        for (Cluster other : byLength.get(n)) {
            int p = other == fresh ? -1 : fresh.onlyWordDifference(other);
            if (p >= 0) {
                siblingsAt[p]++;
            }
        }
        int needed = settings.siblings() << Math.max(0, 3 - (fresh.fixedTokens() - 1)); // others fixed: 3, 2, 1
        for (int p = 0; p < n; p++) {
            if (siblingsAt[p] + 1 >= needed) {
                fresh.tokens[p] = Placeholder.ANY;
                redirect(fresh.renamed(), fresh.id);
                return absorbSubsumed(fresh);
            }
        }
        return fresh;
    }

    /**
     * A template of another length that differs from the message only by a run of variables in the same place
     * ({@code (<*>)} against {@code ()}, one variable against two): it gets a variable-length placeholder there.
     */
    private Cluster stretchable(Tokens message, boolean learn) {
        int n = message.size();
        Cluster best = null;
        double bestScore = 0;
        int bestPrefix = 0;
        int bestSuffix = 0;
        for (int length = Math.max(1, n - settings.maxSpan()); length <= n + settings.maxSpan(); length++) {
            List<Cluster> candidates = length == n ? null : byLength.get(length);
            if (candidates == null) {
                continue;
            }
            for (Cluster c : candidates) {
                if (c.slot >= 0 || c.tokens.length != length) {
                    continue;
                }
                int m = c.tokens.length;
                int prefix = 0;
                int limit = Math.min(m, n);
                while (prefix < limit && c.matches(prefix, message.get(prefix))) {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < limit - prefix && c.matches(m - 1 - suffix, message.get(n - 1 - suffix))) {
                    suffix++;
                }
                double score = (double) (prefix + suffix) / Math.max(m, n);
                if (score >= settings.similarity() && score > bestScore && onlyVariables(c.tokens, prefix, m - suffix)
                        && onlyVariables(message, prefix, n - suffix)) {
                    best = c;
                    bestScore = score;
                    bestPrefix = prefix;
                    bestSuffix = suffix;
                }
            }
        }
        if (best != null && learn) {
            unregister(best);
            best.stretch(bestPrefix, bestSuffix);
            redirect(best.renamed(), best.id);
            register(best);
        }
        return best;
    }

    private static boolean onlyVariables(String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Placeholder.is(tokens[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyVariables(Tokens tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Placeholder.is(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Points an old id at a newer one; a live template's own id never points anywhere. */
    private void redirect(String old, String current) {
        if (!old.equals(current)) {
            redirects.put(old, current);
        }
        redirects.remove(current);
    }

    private void register(Cluster c) {
        redirects.remove(c.id);
        for (int length = c.minLength(); length <= c.maxLength(); length++) {
            byLength.computeIfAbsent(length, k -> new ArrayList<>()).add(c);
        }
    }

    private void unregister(Cluster c) {
        for (int length = c.minLength(); length <= c.maxLength(); length++) {
            List<Cluster> list = byLength.get(length);
            if (list != null) {
                list.remove(c);
            }
        }
    }

    /**
     * A template that generalised may now cover others of its length (a position proved variable): they join it, and
     * their ids point to it. A template equal to an older one joins the older one instead.
     */
    private Cluster absorbSubsumed(Cluster changed) {
        List<Cluster> sameLength = byLength.get(changed.tokens.length);
        for (Cluster other : sameLength) {
            if (other != changed && other.id.equals(changed.id)) {
                join(changed, other);
                return other;
            }
        }
        for (Cluster other : List.copyOf(sameLength)) {
            if (other != changed && changed.covers(other)) {
                join(other, changed);
            }
        }
        return changed;
    }

    private void join(Cluster from, Cluster into) {
        into.count += from.count;
        from.mergedInto = into;
        unregister(from);
        templates--;
        redirect(from.id, into.id);
    }

    private final class Cluster {
        String[] tokens;
        boolean[] spacing;
        /** Index of the variable-length placeholder, -1 when the template has a fixed length. */
        int slot = -1;
        String id;
        long count;
        Cluster mergedInto;
        /** The rendered template, kept until the tokens change (every message asks for it). */
        private Template rendered;

        Cluster(String[] tokens, boolean[] spacing) {
            this.tokens = tokens;
            this.spacing = spacing;
            this.id = TemplateIds.of(tokens);
        }

        /** A template read back: its id as it was written (it is the hash of its tokens). */
        Cluster(String[] tokens, boolean[] spacing, int slot, String id) {
            this.tokens = tokens;
            this.spacing = spacing;
            this.slot = slot;
            this.id = id;
        }

        /** After the tokens changed: the new content-addressed id; returns the old one. */
        String renamed() {
            String old = id;
            id = TemplateIds.of(tokens);
            rendered = null;
            return old;
        }

        Cluster live() {
            Cluster c = this;
            while (c.mergedInto != null) {
                c = c.mergedInto;
            }
            return c;
        }

        /**
         * Share of this template's fixed positions the message matches; a placeholder matches only its own kind (a
         * version's {@code <*>} is no {@code <NUM>}: CUPS's {@code [Client 9] GET /admin HTTP/1.1} shares no more than
         * the client's prefix with {@code [Client <NUM>] <NUM> <*> <NUM>}), though it does not exclude another kind
         * or a word. Zero when the message has another word where this template's messages
         * ({@link MinerSettings#settled()} or more) all agreed: one message against settled evidence is another
         * template, not a variable.
         */
        double similarity(Tokens message) {
            int n = message.size();
            int span = n - tokens.length + 1;
            if (slot >= 0 && (span < 0 || !onlyVariables(message, slot, slot + span))) {
                return 0;
            }
            int fixed = 0;
            int same = 0;
            boolean settled = count >= settings.settled();
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t == Placeholder.ANY) {
                    continue;
                }
                fixed++;
                String m = message.get(slot >= 0 && i > slot ? i + span - 1 : i);
                if (t == m || t.equals(m)) {
                    same++;
                } else if (settled && !Placeholder.is(t) && !Placeholder.is(m)) {
                    return 0;
                }
            }
            return fixed == 0 ? 0 : (double) same / fixed;
        }

        /**
         * The one position where this template and another of the same length hold different words while every
         * other position agrees (variables with variables) and at least one other is fixed, or -1.
         */
        int onlyWordDifference(Cluster other) {
            if (other.slot != slot || other.tokens.length != tokens.length) {
                return -1;
            }
            int at = -1;
            int fixed = 0;
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                String o = other.tokens[i];
                if (t.equals(o) || Placeholder.is(t) && Placeholder.is(o)) {
                    fixed += Placeholder.is(t) ? 0 : 1;
                    continue;
                }
                if (at >= 0 || Placeholder.is(t) || Placeholder.is(o)) {
                    return -1;
                }
                at = i;
            }
            return fixed >= 1 ? at : -1;
        }

        /** Tokens that are not variables. */
        int fixedTokens() {
            int fixed = 0;
            for (String t : tokens) {
                fixed += Placeholder.is(t) ? 0 : 1;
            }
            return fixed;
        }

        /** True when every message this other template matches, this one matches too. */
        boolean covers(Cluster other) {
            if (other.tokens.length != tokens.length || other.slot != slot) {
                return false;
            }
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                String o = other.tokens[i];
                if (t != Placeholder.ANY && !t.equals(o) && !(Placeholder.is(t) && Placeholder.is(o))) {
                    return false;
                }
            }
            return true;
        }

        int minLength() {
            return slot < 0 ? tokens.length : tokens.length - 1;
        }

        int maxLength() {
            return slot < 0 ? tokens.length : tokens.length - 1 + settings.maxSpan();
        }

        /** Same token, or a variable against a variable: alignment across lengths never lets a word be a value. */
        boolean matches(int i, String token) {
            String t = tokens[i];
            return t.equals(token) || Placeholder.is(t) && Placeholder.is(token);
        }

        /** Replaces the tokens between a matching prefix and suffix by one variable-length placeholder. */
        void stretch(int prefix, int suffix) {
            int m = tokens.length;
            String[] stretched = new String[prefix + 1 + suffix];
            boolean[] spaces = new boolean[stretched.length];
            System.arraycopy(tokens, 0, stretched, 0, prefix);
            System.arraycopy(spacing, 0, spaces, 0, prefix);
            stretched[prefix] = Placeholder.ANY;
            spaces[prefix] = prefix < m && spacing[prefix];
            System.arraycopy(tokens, m - suffix, stretched, prefix + 1, suffix);
            System.arraycopy(spacing, m - suffix, spaces, prefix + 1, suffix);
            tokens = stretched;
            spacing = spaces;
            slot = prefix;
        }

        /** Makes every position where the message differs a variable; true when the template changed. */
        boolean generalise(Tokens message) {
            boolean changed = false;
            int span = message.size() - tokens.length + 1;
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t != Placeholder.ANY && !t.equals(message.get(slot >= 0 && i > slot ? i + span - 1 : i))) {
                    tokens[i] = Placeholder.ANY;
                    changed = true;
                }
            }
            return changed;
        }

        Template template() {
            if (rendered == null) {
                rendered = render();
            }
            return rendered;
        }

        private Template render() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < tokens.length; i++) {
                if (i > 0 && spacing[i]) {
                    b.append(' ');
                }
                b.append(tokens[i]);
            }
            return new Template(id, b.toString());
        }
    }
}
