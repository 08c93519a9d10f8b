package dev.sloscout.engine.capsule;

import dev.sloscout.engine.model.DataStrings;
import dev.sloscout.engine.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * One service's capsule mining: its events wait until its header layout is learnt from its first
 * {@value #LAYOUT_SAMPLE}, then its miner gives each event a template, and statistics add up per template. Memory is
 * bounded by the number of templates: samples are a fixed-size reservoir, trace ids a bounded set, and the count
 * buckets widen (doubling) when they would exceed {@value #MAX_BUCKETS}.
 *
 * <p>The whole state {@linkplain #encode() encodes} to bytes and {@linkplain #decode decodes} back into a state that
 * mines the next events exactly as this one would: how a stream job keeps a service's mining in a state store and
 * another instance takes it over. Not thread-safe (one thread at a time; {@link #layout()} from any).
 */
public final class ServiceCapsules {
    static final int SAMPLES = 5;
    private static final Severity[] SEVERITIES = Severity.values();
    static final int TRACE_IDS = 20;
    static final int MAX_BUCKETS = 512;
    static final long FIRST_BUCKET_MILLIS = 60_000;
    /** Lines a service's header layout is learnt from. */
    public static final int LAYOUT_SAMPLE = 1000;
    /** Sources whose yearless timestamps are placed apart (each remembers the last one placed). */
    static final int MAX_SOURCES = 1000;
    private static final byte VERSION = 1;
    private static final byte WAITING = 0;
    private static final byte LEARNT = 1;
    /** Read line by line, nothing learnt: a service first asked about before any of its events came. */
    private static final byte PER_LINE = 2;

    private final String service;
    private final int maxTemplates;
    private final List<LogEvent> waiting = new ArrayList<>();
    /** The raw lines the layout was learnt from (kept so a decoded state learns the same layout). */
    private List<String> layoutSample;
    /**
     * Null while events wait. Volatile, and assigned only once built with its layout: a mining stage of its own may
     * own this state while the thread that hands it events reads {@link #layout()} to have lines read ahead with it.
     */
    private volatile Fingerprinter fingerprinter;
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final Map<String, YearlessTimes> yearless = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, YearlessTimes> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    /** @param maxTemplates templates its miner keeps apart (the rest are counted together) */
    public ServiceCapsules(String service, int maxTemplates) {
        this.service = service;
        this.maxTemplates = maxTemplates;
    }

    public String service() {
        return service;
    }

    /** True once the header layout is learnt and events are mined as they come. */
    public boolean learnt() {
        return fingerprinter != null;
    }

    /** Events waiting for the layout. */
    public int waiting() {
        return waiting.size();
    }

    /** The layout learnt, or null while events wait. Safe to call from any thread. */
    public HeaderLayout layout() {
        Fingerprinter f = fingerprinter;
        return f == null ? null : f.layout();
    }

    /** Events counted under the miner's overflow template (none while events wait). */
    public long overflowMessages() {
        return fingerprinter == null ? 0 : fingerprinter.miner().overflowMessages();
    }

    public int templateCount() {
        return fingerprinter == null ? 0 : fingerprinter.miner().templateCount();
    }

    /**
     * Adds an event: mined at once once the layout is known; until then it waits, and the {@value #LAYOUT_SAMPLE}th
     * learns the layout and mines them all.
     *
     * @param prepared  the event's header and tokens read on another thread, or null
     * @param writtenAt when a source was last written: the year of its yearless timestamps is taken from it
     */
    public void accept(LogEvent event, Fingerprinter.Prepared prepared, TraceLookup traces,
            ToLongFunction<String> writtenAt) {
        if (fingerprinter == null) {
            waiting.add(event);
            if (waiting.size() >= LAYOUT_SAMPLE) {
                learn(traces, writtenAt);
            }
            return;
        }
        mine(event, prepared, traces, writtenAt);
    }

    /** Learns the layout from the events waiting (however few) and mines them; nothing when already learnt. */
    public void learn(TraceLookup traces, ToLongFunction<String> writtenAt) {
        if (fingerprinter != null) {
            return;
        }
        List<String> sample = new ArrayList<>(waiting.size());
        for (LogEvent e : waiting) {
            if (e.raw()) {
                sample.add(e.text());
            }
        }
        Fingerprinter learnt = newFingerprinter(new TemplateMiner(MinerSettings.DEFAULT, maxTemplates));
        learnt.learnLayout(sample);
        fingerprinter = learnt;
        layoutSample = List.copyOf(sample);
        List<LogEvent> queue = List.copyOf(waiting);
        waiting.clear();
        queue.forEach(e -> mine(e, null, traces, writtenAt));
    }

    /** Sources whose yearless timestamps are being placed (at most {@value #MAX_SOURCES}). */
    int sourcesPlaced() {
        return yearless.size();
    }

    /**
     * Per source, the times written without a year or a date that were placed in this run; {@code written}: whether a
     * source's reference is when it was last written.
     */
    List<PlacedTimes> placedTimes(java.util.function.Predicate<String> written) {
        List<PlacedTimes> out = new ArrayList<>(yearless.size());
        yearless.forEach((source, times) -> out.add(times.placed(source, written.test(source))));
        return out;
    }

    /** A source was written again: its yearless timestamps are placed afresh. */
    void forgetSource(String source) {
        yearless.remove(source);
    }

    /**
     * The template an event would belong to now, without learning from it. A service with no events yet reads lines
     * on their own (nothing to learn a layout from) from then on.
     */
    Template templateOf(LogEvent event) {
        if (fingerprinter == null) {
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("events of " + service + " wait for the layout: learn it first");
            }
            fingerprinter = newFingerprinter(new TemplateMiner(MinerSettings.DEFAULT, maxTemplates));
        }
        return event.raw() ? fingerprinter.matchLine(event.text()) : fingerprinter.matchMessage(event.text());
    }

    /** The id a template has now, for an id handed out earlier. */
    String resolve(String templateId) {
        return fingerprinter == null ? templateId : fingerprinter.miner().resolve(templateId);
    }

    private static Fingerprinter newFingerprinter(TemplateMiner miner) {
        return new Fingerprinter(YearlessTimes.PARSED_IN, miner);
    }

    private void mine(LogEvent event, Fingerprinter.Prepared prepared, TraceLookup traces,
            ToLongFunction<String> writtenAt) {
        long time = event.epochMillis();
        Severity severity = event.severity();
        Template template;
        Fingerprinter miner = fingerprinter; // one read of the volatile field per event
        boolean usable = prepared != null && miner.accepts(prepared);
        if (event.raw()) {
            Fingerprinter.Fingerprint f = usable ? miner.add(prepared) : miner.addLine(event.text());
            template = f.template();
            if (time == LogHeader.NO_TIME) {
                time = f.header().epochMillis();
                if (YearlessTimes.isYearless(time)) { // the year from the data, never from today
                    time = yearless.computeIfAbsent(event.source(),
                            src -> new YearlessTimes(writtenAt.applyAsLong(src))).place(time);
                } else if (LogHeader.isDateless(time)) { // the day too
                    time = yearless.computeIfAbsent(event.source(),
                            src -> new YearlessTimes(writtenAt.applyAsLong(src))).placeTimeOfDay(time);
                }
            }
            severity = severity == Severity.UNKNOWN ? f.header().severity() : severity;
            if (severity == Severity.UNKNOWN && (event.carriesStack() || event.showsRubyException())) {
                severity = Severity.ERROR; // a stack printed without a level: a panic, an exception on its own
            }
        } else {
            template = usable ? miner.add(prepared).template() : miner.addMessage(event.text());
        }
        stats.computeIfAbsent(template.id(), Stats::new).add(event, time, severity, traces);
    }

    /**
     * The capsules of what was mined (events still waiting for the layout are not in them), templates resolved to
     * their latest form, in the order their templates were first seen.
     */
    public List<Capsule> capsules(Redactor redactor) {
        if (fingerprinter == null) {
            return List.of();
        }
        TemplateMiner miner = fingerprinter.miner();
        Map<String, String> texts = new HashMap<>();
        miner.templates().forEach(t -> texts.put(t.id(), t.text()));
        Map<String, Stats> merged = new LinkedHashMap<>();
        for (Stats s : stats.values()) {
            String current = miner.resolve(s.templateId);
            Stats target = merged.computeIfAbsent(current, Stats::new);
            target.merge(s);
            target.text = texts.getOrDefault(current, "");
        }
        List<Capsule> out = new ArrayList<>(merged.size());
        merged.values().forEach(s -> out.add(s.toCapsule(service, redactor)));
        return out;
    }

    /**
     * The capsules as they would stand if the layout were learnt now from the events waiting, this state unchanged
     * (a snapshot of a service with fewer than {@value #LAYOUT_SAMPLE} events so far).
     */
    public List<Capsule> capsulesSoFar(Redactor redactor, TraceLookup traces, ToLongFunction<String> writtenAt) {
        if (fingerprinter != null) {
            return capsules(redactor);
        }
        ServiceCapsules copy = decode(encode());
        copy.learn(traces, writtenAt);
        return copy.capsules(redactor);
    }

    /** Everything this state holds, as bytes {@link #decode} reads back. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            DataStrings.write(out, service);
            out.writeInt(maxTemplates);
            out.writeInt(waiting.size());
            for (LogEvent e : waiting) {
                LogEventCodec.write(out, e);
            }
            out.writeByte(fingerprinter == null ? WAITING : layoutSample == null ? PER_LINE : LEARNT);
            if (layoutSample != null) {
                writeStrings(out, layoutSample);
            }
            if (fingerprinter != null) {
                fingerprinter.miner().write(out);
            }
            out.writeInt(stats.size());
            for (Stats s : stats.values()) {
                s.write(out);
            }
            out.writeInt(yearless.size());
            for (Map.Entry<String, YearlessTimes> e : yearless.entrySet()) {
                DataStrings.write(out, e.getKey());
                out.writeLong(e.getValue().reference());
                out.writeLong(e.getValue().previous());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The state these bytes describe.
     *
     * @throws IllegalArgumentException when they are not an encoded state (truncated, another version)
     */
    public static ServiceCapsules decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("not an encoded service state (version " + version + ")");
            }
            ServiceCapsules state = new ServiceCapsules(DataStrings.read(in), in.readInt());
            int waiting = readCount(in);
            for (int i = 0; i < waiting; i++) {
                state.waiting.add(LogEventCodec.read(in));
            }
            byte mode = in.readByte();
            if (mode == LEARNT) {
                state.layoutSample = readStrings(in);
            }
            if (mode == LEARNT || mode == PER_LINE) {
                Fingerprinter read = newFingerprinter(TemplateMiner.read(in, MinerSettings.DEFAULT));
                if (mode == LEARNT) {
                    read.learnLayout(state.layoutSample);
                }
                state.fingerprinter = read;
            } else if (mode != WAITING) {
                throw new IllegalArgumentException("not an encoded service state (mode " + mode + ")");
            }
            for (int n = readCount(in); n > 0; n--) {
                Stats s = Stats.read(in);
                state.stats.put(s.templateId, s);
            }
            for (int n = readCount(in); n > 0; n--) {
                state.yearless.put(DataStrings.read(in), new YearlessTimes(in.readLong(), in.readLong()));
            }
            return state;
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("damaged service state: " + e.getMessage(), e);
        }
    }

    /** A count read from bytes: one the rest of the input cannot hold is refused. */
    private static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("count " + n + " out of range");
        }
        return n;
    }

    private static void writeStrings(DataOutputStream out, java.util.Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            DataStrings.write(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = readCount(in);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(DataStrings.read(in));
        }
        return out;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            DataStrings.write(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? DataStrings.read(in) : null;
    }

    /**
     * A uniform draw in [0, 1) for the {@code n}th event of a template (SplitMix64 of a per-template seed and n): a
     * rerun, or a state decoded and carried on elsewhere, keeps the same samples.
     */
    static double draw(long seed, long n) {
        long z = seed + n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** What the events of one template added up to. */
    private static final class Stats {
        final String templateId;
        final Set<String> formerIds = new TreeSet<>();
        String text = "";
        long count;
        /** Events per severity, by ordinal ({@link #severities()} as a map). */
        final long[] bySeverity = new long[SEVERITIES.length];
        long first = LogHeader.NO_TIME;
        long last = LogHeader.NO_TIME;
        long bucketMillis = FIRST_BUCKET_MILLIS;
        private final TreeMap<Long, Long> buckets = new TreeMap<>();
        /**
         * The bucket counted last (always in {@link #buckets}) and what has been counted to it since, not yet added
         * there: consecutive events mostly fall in one bucket, and need no tree search or boxed sum each.
         */
        private long pendingStart;
        private long pendingCount;
        private boolean pending;
        final List<Kept> samples = new ArrayList<>(SAMPLES);
        final Set<String> traceIds = new LinkedHashSet<>();
        long withTrace;
        long onErrorTraces;
        final Map<String, Long> journeys = new TreeMap<>();

        Stats(String templateId) {
            this.templateId = templateId;
        }

        void add(LogEvent event, long time, Severity severity, TraceLookup traces) {
            count++;
            bySeverity[severity.ordinal()]++;
            if (time != LogHeader.NO_TIME) {
                first = first == LogHeader.NO_TIME ? time : Math.min(first, time);
                last = last == LogHeader.NO_TIME ? time : Math.max(last, time);
                count(time, 1);
            }
            String traceHex = null;
            if (event.traceId() != null) {
                withTrace++;
                traceHex = event.traceId().toHex();
                if (traceIds.size() < TRACE_IDS) {
                    traceIds.add(traceHex);
                }
                TraceLookup.Link link = traces.find(event.traceId());
                if (link != null) {
                    onErrorTraces += link.failed() ? 1 : 0;
                    if (link.journeyId() != null) {
                        journeys.merge(link.journeyId(), 1L, Long::sum);
                    }
                }
            }
            // reservoir sampling (Algorithm R), its draws a function of the template and the count
            int slot = samples.size() < SAMPLES ? samples.size() : (int) (draw(templateId.hashCode(), count) * count);
            if (slot < SAMPLES) {
                String text = event.continuation().isEmpty() ? event.text()
                        : event.text() + "\n" + event.continuation();
                Kept sample = new Kept(event.source(), event.line(), time, severity, text, traceHex);
                if (slot == samples.size()) {
                    samples.add(sample);
                } else {
                    samples.set(slot, sample);
                }
            }
        }

        /** The counts per severity that are not zero, in the severities' order. */
        Map<Severity, Long> severities() {
            Map<Severity, Long> map = new EnumMap<>(Severity.class);
            for (int i = 0; i < bySeverity.length; i++) {
                if (bySeverity[i] != 0) {
                    map.put(SEVERITIES[i], bySeverity[i]);
                }
            }
            return map;
        }

        private void count(long time, long n) {
            long bucket = Math.floorDiv(time, bucketMillis) * bucketMillis;
            if (pending && bucket == pendingStart) {
                pendingCount += n;
                return;
            }
            settle();
            buckets.merge(bucket, n, Long::sum);
            pending = true;
            pendingStart = bucket;
            while (buckets.size() > MAX_BUCKETS) {
                pending = false; // the buckets widen: the next count finds its own
                bucketMillis *= 2;
                TreeMap<Long, Long> wider = new TreeMap<>();
                buckets.forEach((start, c) -> wider.merge(Math.floorDiv(start, bucketMillis) * bucketMillis, c,
                        Long::sum));
                buckets.clear();
                buckets.putAll(wider);
            }
        }

        /** The buckets with every count in them: what was counted to the last bucket is added first. */
        private TreeMap<Long, Long> settledBuckets() {
            settle();
            return buckets;
        }

        private void settle() {
            if (pending && pendingCount != 0) {
                buckets.merge(pendingStart, pendingCount, Long::sum);
            }
            pendingCount = 0;
        }

        void merge(Stats other) {
            if (!other.templateId.equals(templateId)) {
                formerIds.add(other.templateId);
            }
            formerIds.addAll(other.formerIds);
            count += other.count;
            for (int i = 0; i < bySeverity.length; i++) {
                bySeverity[i] += other.bySeverity[i];
            }
            if (other.first != LogHeader.NO_TIME) {
                first = first == LogHeader.NO_TIME ? other.first : Math.min(first, other.first);
                last = last == LogHeader.NO_TIME ? other.last : Math.max(last, other.last);
            }
            bucketMillis = Math.max(bucketMillis, other.bucketMillis);
            TreeMap<Long, Long> mine = new TreeMap<>(settledBuckets());
            buckets.clear();
            pending = false;
            mine.forEach(this::count);
            other.settledBuckets().forEach(this::count);
            for (Kept s : other.samples) {
                if (samples.size() < SAMPLES) {
                    samples.add(s);
                }
            }
            for (String id : other.traceIds) {
                if (traceIds.size() < TRACE_IDS) {
                    traceIds.add(id);
                }
            }
            withTrace += other.withTrace;
            onErrorTraces += other.onErrorTraces;
            other.journeys.forEach((k, v) -> journeys.merge(k, v, Long::sum));
        }

        Capsule toCapsule(String service, Redactor redactor) {
            String id = TemplateIds.of(new String[] {service, templateId});
            SortedMap<Long, Long> counts = Collections.unmodifiableSortedMap(new TreeMap<>(settledBuckets()));
            List<Capsule.Sample> shown = samples.stream().map(k -> k.redacted(redactor)).toList();
            Map<String, String> lines = new LinkedHashMap<>();
            for (int i = 0; i < shown.size(); i++) {
                lines.put(samples.get(i).text, shown.get(i).text());
            }
            return new Capsule(id, templateId, List.copyOf(formerIds), service, redactor.redactTemplate(text, lines),
                    count, Collections.unmodifiableMap(severities()), first, last, bucketMillis, counts, shown,
                    List.copyOf(traceIds), withTrace, onErrorTraces, Map.copyOf(journeys));
        }

        /** What {@link #add} built (a merged total's former ids and text are made when capsules are, never stored). */
        void write(DataOutputStream out) throws IOException {
            DataStrings.write(out, templateId);
            out.writeLong(count);
            Map<Severity, Long> severities = severities();
            out.writeInt(severities.size());
            for (Map.Entry<Severity, Long> e : severities.entrySet()) {
                out.writeByte(e.getKey().ordinal());
                out.writeLong(e.getValue());
            }
            out.writeLong(first);
            out.writeLong(last);
            out.writeLong(bucketMillis);
            TreeMap<Long, Long> counts = settledBuckets();
            out.writeInt(counts.size());
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(samples.size());
            for (Kept k : samples) {
                DataStrings.write(out, k.source);
                out.writeLong(k.line);
                out.writeLong(k.time);
                out.writeByte(k.severity.ordinal());
                DataStrings.write(out, k.text);
                writeNullable(out, k.traceHex);
            }
            writeStrings(out, traceIds);
            out.writeLong(withTrace);
            out.writeLong(onErrorTraces);
            out.writeInt(journeys.size());
            for (Map.Entry<String, Long> e : journeys.entrySet()) {
                DataStrings.write(out, e.getKey());
                out.writeLong(e.getValue());
            }
        }

        static Stats read(DataInputStream in) throws IOException {
            Stats s = new Stats(DataStrings.read(in));
            s.count = in.readLong();
            for (int n = readCount(in); n > 0; n--) {
                s.bySeverity[in.readUnsignedByte()] = in.readLong();
            }
            s.first = in.readLong();
            s.last = in.readLong();
            s.bucketMillis = in.readLong();
            for (int n = readCount(in); n > 0; n--) {
                s.buckets.put(in.readLong(), in.readLong());
            }
            for (int n = readCount(in); n > 0; n--) {
                s.samples.add(new Kept(DataStrings.read(in), in.readLong(), in.readLong(),
                        Severity.values()[in.readUnsignedByte()], DataStrings.read(in), readNullable(in)));
            }
            s.traceIds.addAll(readStrings(in));
            s.withTrace = in.readLong();
            s.onErrorTraces = in.readLong();
            for (int n = readCount(in); n > 0; n--) {
                s.journeys.put(DataStrings.read(in), in.readLong());
            }
            return s;
        }
    }

    /**
     * A sample line as the reservoir keeps it: redacted when a capsule is built from it (once), not when it enters
     * the reservoir, since most lines that enter are replaced before anyone sees them.
     */
    private static final class Kept {
        final String source;
        final long line;
        final long time;
        final Severity severity;
        final String text;
        final String traceHex;
        Capsule.Sample redacted;

        Kept(String source, long line, long time, Severity severity, String text, String traceHex) {
            this.source = source;
            this.line = line;
            this.time = time;
            this.severity = severity;
            this.text = text;
            this.traceHex = traceHex;
        }

        Capsule.Sample redacted(Redactor redactor) {
            if (redacted == null) {
                redacted = new Capsule.Sample(source, line, time, severity, redactor.redact(source, text), traceHex);
            }
            return redacted;
        }
    }
}
