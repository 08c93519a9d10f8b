package dev.sloscout.engine.capsule;

/**
 * One line of text in, its header fields and template out: the header layout, the tokenizer and the miner in the
 * order they run. Until {@link #learnLayout} is given a sample of the log's lines, each line's header is read on its
 * own (strict single-line rules). Not thread-safe; one per ingestion worker (templates are per service anyway).
 */
public final class Fingerprinter {
    private final int defaultYear;
    private HeaderLayout headers;
    private final MessageTokenizer tokenizer = new MessageTokenizer();
    private final TemplateMiner miner;
    private final Tokens tokens = new Tokens();

    public Fingerprinter(int defaultYear) {
        this(defaultYear, new TemplateMiner());
    }

    public Fingerprinter(int defaultYear, MinerSettings settings) {
        this(defaultYear, new TemplateMiner(settings));
    }

    public Fingerprinter(int defaultYear, TemplateMiner miner) {
        this.defaultYear = defaultYear;
        this.headers = HeaderLayout.perLine(defaultYear);
        this.miner = miner;
    }

    /** Learns the header layout from sample lines of the log (its first lines, say); later lines are read with it. */
    public HeaderLayout learnLayout(java.util.List<String> sample) {
        headers = HeaderLayout.infer(sample, defaultYear);
        return headers;
    }

    public HeaderLayout layout() {
        return headers;
    }

    /** Parses the header of a raw line and mines its body. */
    public Fingerprint addLine(String line) {
        LogHeader header = headers.parse(line);
        tokenizer.tokenize(line, header.bodyStart(), header.bodyEnd(line), tokens);
        return new Fingerprint(header, miner.add(tokens));
    }

    /**
     * The part of {@link #addLine} or {@link #addMessage} that learns nothing: the header read with {@code layout}
     * (none for a message) and the body's tokens. Safe on any thread with its own tokenizer; {@link #add} mines it.
     */
    public static Prepared prepare(HeaderLayout layout, MessageTokenizer tokenizer, String text, boolean raw) {
        return prepareAll(new HeaderLayout[] {layout}, tokenizer, new String[] {text}, new boolean[] {raw}, 1)[0];
    }

    /**
     * {@link #prepare} for the first {@code n} of many lines or messages, a step at a time over all of them: every
     * header, then every body's tokens, then every key. The same preparations as one by one, in about a quarter less
     * time: each step's code and branch history stay hot in the processor (`MiningStagesBench`). A raw line whose
     * layout is null gets null (its header cannot be read yet).
     */
    @SuppressWarnings("ReturnValueIgnored") // the key's hash is computed for the string to cache it
    public static Prepared[] prepareAll(HeaderLayout[] layouts, MessageTokenizer tokenizer, String[] texts,
            boolean[] raw, int n) {
        LogHeader[] headers = new LogHeader[n];
        for (int i = 0; i < n; i++) {
            if (raw[i] && layouts[i] != null) {
                headers[i] = layouts[i].parse(texts[i]);
            }
        }
        Tokens[] tokens = new Tokens[n];
        for (int i = 0; i < n; i++) {
            if (!raw[i] || headers[i] != null) {
                tokens[i] = new Tokens();
                tokenizer.tokenize(texts[i], raw[i] ? headers[i].bodyStart() : 0,
                        raw[i] ? headers[i].bodyEnd(texts[i]) : texts[i].length(), tokens[i]);
            }
        }
        Prepared[] prepared = new Prepared[n];
        for (int i = 0; i < n; i++) {
            if (tokens[i] != null) {
                tokens[i].key().hashCode(); // the miner's lookup key and its hash, here, not on the mining thread
                prepared[i] = new Prepared(layouts[i], headers[i], tokens[i]);
            }
        }
        return prepared;
    }

    /** True when {@code prepared} was read with this fingerprinter's layout, so {@link #add} gives what adding its text would. */
    public boolean accepts(Prepared prepared) {
        return prepared.header() == null || prepared.layout() == headers;
    }

    /** Mines a prepared line or message: the same template as {@link #addLine} or {@link #addMessage} of its text. */
    public Fingerprint add(Prepared prepared) {
        if (!accepts(prepared)) {
            throw new IllegalArgumentException("prepared with another header layout");
        }
        return new Fingerprint(prepared.header(), miner.add(prepared.tokens()));
    }

    /** Mines a message that has no header to parse (structured logs: JSON, OTLP). */
    public Template addMessage(String message) {
        tokenizer.tokenize(message, 0, tokens);
        return miner.add(tokens);
    }

    /** The template a raw line belongs to now, without learning from it (a second pass over a mined file). */
    public Template matchLine(String line) {
        LogHeader header = headers.parse(line);
        tokenizer.tokenize(line, header.bodyStart(), header.bodyEnd(line), tokens);
        Template t = miner.match(tokens);
        return t != null ? t : miner.add(tokens);
    }

    /** The template a headerless message belongs to now, without learning from it. */
    public Template matchMessage(String message) {
        tokenizer.tokenize(message, 0, tokens);
        Template t = miner.match(tokens);
        return t != null ? t : miner.add(tokens);
    }

    public TemplateMiner miner() {
        return miner;
    }

    /** A line read and tokenized, not yet mined; {@code header} is null for a message without one. */
    public record Prepared(HeaderLayout layout, LogHeader header, Tokens tokens) {
    }

    /** A line's header and the template its body belongs to. */
    public record Fingerprint(LogHeader header, Template template) {
    }
}
