package dev.sloscout.engine.capsule;

import dev.sloscout.engine.parallel.OrderedWork;
import dev.sloscout.engine.redact.Redactor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns log events into capsules: one template miner per service, statistics per service and template. Memory is
 * bounded by the number of capsules: samples are a fixed-size reservoir, trace ids a bounded set, and the count
 * buckets widen (doubling) when they would exceed {@value #MAX_BUCKETS}.
 *
 * <p>The header layout of each service's lines is learnt from its first {@value #LAYOUT_SAMPLE} events before any
 * of them is mined (they wait, in order); a snapshot ({@link #capsules()}, {@link #templateOf}) learns from what has
 * arrived so far. At most {@value #MAX_WAITING} events wait over all services.
 */
public final class CapsuleAccumulator implements LogSink {
    static final int SAMPLES = 5;
    static final int TRACE_IDS = 20;
    static final int MAX_BUCKETS = 512;
    static final long FIRST_BUCKET_MILLIS = 60_000;
    /** Lines a service's header layout is learnt from. */
    static final int LAYOUT_SAMPLE = 1000;
    static final int MAX_WAITING = 100_000;

    private final Redactor redactor;
    private final TraceLookup traces;
    private final java.time.Clock clock;
    private final Map<String, Long> written = new HashMap<>();
    private final Map<String, YearlessTimes> yearless = new HashMap<>();
    private final Map<String, Fingerprinter> miners = new HashMap<>();
    private final Map<String, List<LogEvent>> waiting = new LinkedHashMap<>();
    private int waitingEvents;
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final Map<Template, Template> redacted = new HashMap<>();

    /**
     * @param clock the present, for sources whose time of writing is unknown (standard input, a stream): the year of
     *              their yearless timestamps is taken from it
     */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock) {
        this(redactor, traces, clock, DEFAULT_MAX_SERVICES);
    }

    /** As above, mining at most {@code maxServices} services apart (the rest together, counted). */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock, int maxServices) {
        this(redactor, traces, clock, maxServices, TemplateMiner.DEFAULT_MAX_TEMPLATES);
    }

    /** As above, keeping at most {@code maxTemplates} templates apart per service (the rest together, counted). */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock, int maxServices,
            int maxTemplates) {
        this(redactor, traces, clock, maxServices, maxTemplates, 1);
    }

    /**
     * As above, reading headers and tokenizing on {@code threads} worker threads while the templates are mined in the
     * order the events came (the capsules are the same whatever the number of threads).
     */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock, int maxServices,
            int maxTemplates, int threads) {
        if (maxServices < 1 || maxTemplates < 1) {
            throw new IllegalArgumentException("the service and template bounds must be positive, got "
                    + maxServices + " and " + maxTemplates);
        }
        this.maxServices = maxServices;
        this.maxTemplates = maxTemplates;
        this.threads = Math.max(1, threads);
        this.redactor = redactor;
        this.traces = traces;
        this.clock = clock;
    }

    /** As if now were the last second of {@code referenceYear} (tests and fixed examples). */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, int referenceYear) {
        this(redactor, traces, java.time.Clock.fixed(java.time.LocalDateTime.of(referenceYear, 12, 31, 23, 59, 59)
                .toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC));
    }

    @Override
    public void sourceWritten(String source, long epochMillis) {
        drain();
        written.put(source, epochMillis);
        yearless.remove(source);
    }

    /** Services mined apart by default; events of further ones are mined together under {@link #OTHER_SERVICES}. */
    public static final int DEFAULT_MAX_SERVICES = 2_000;
    private final int maxServices;
    private final int maxTemplates;
    private final int threads;
    /** Events handed to workers together. */
    private static final int BATCH = 256;
    /** Batches of events prepared (header, tokens) by workers, handed back in order to be mined; null when idle. */
    private OrderedWork<List<Pending>, List<Pending>> preparing;
    private List<Pending> batch = new ArrayList<>(BATCH);
    private long accepted;
    /** The service of the events of services beyond the bound. */
    public static final String OTHER_SERVICES = "(other services)";
    private final java.util.Set<String> overflowServices = new java.util.HashSet<>();
    private long overflowEvents;

    /** Events mined under {@link #OTHER_SERVICES}, and how many services they came from (counted up to 100,000). */
    public long overflowEvents() {
        drain();
        return overflowEvents;
    }

    public int overflowServices() {
        drain();
        return overflowServices.size();
    }

    public int maxServices() {
        return maxServices;
    }

    public int maxTemplates() {
        return maxTemplates;
    }

    /** Per service whose miner reached {@link #maxTemplates()}: the events counted under the overflow template. */
    public Map<String, Long> templateOverflow() {
        drain();
        learnAll();
        Map<String, Long> out = new TreeMap<>();
        miners.forEach((service, f) -> {
            if (f.miner().overflowMessages() > 0) {
                out.put(service, f.miner().overflowMessages());
            }
        });
        return out;
    }

    @Override
    public void accept(LogEvent event) {
        accepted++;
        if (threads == 1) {
            acceptInOrder(event, null);
            return;
        }
        Fingerprinter known = miners.get(event.service());
        batch.add(new Pending(event, known == null ? null : known.layout()));
        if (batch.size() == BATCH) {
            submitBatch();
        }
    }

    private void submitBatch() {
        if (preparing == null) {
            preparing = OrderedWork.start(threads, () -> {
                MessageTokenizer tokenizer = new MessageTokenizer();
                return (List<Pending> events) -> {
                    events.forEach(p -> p.prepare(tokenizer));
                    return events;
                };
            }, events -> events.forEach(p -> acceptInOrder(p.event, p.prepared)), "log-miner");
        }
        preparing.submit(batch);
        batch = new ArrayList<>(BATCH);
    }

    /** Mines the events still queued or being prepared and stops the workers (they start again with the next batch). */
    private void drain() {
        if (!batch.isEmpty()) {
            submitBatch();
        }
        if (preparing != null) {
            try (OrderedWork<List<Pending>, List<Pending>> work = preparing) {
                preparing = null;
                work.finish();
            }
        }
    }

    /**
     * An event and, once a worker has read it, its header and tokens. A raw line is read only with the layout its
     * service had when it was queued; the miner uses the reading only if that is still the service's layout.
     */
    private static final class Pending {
        final LogEvent event;
        final HeaderLayout layout;
        Fingerprinter.Prepared prepared;

        Pending(LogEvent event, HeaderLayout layout) {
            this.event = event;
            this.layout = layout;
        }

        void prepare(MessageTokenizer tokenizer) {
            if (!event.raw() || layout != null) {
                prepared = Fingerprinter.prepare(layout, tokenizer, event.text(), event.raw());
            }
        }
    }

    private void acceptInOrder(LogEvent event, Fingerprinter.Prepared prepared) {
        String service = event.service();
        if (!miners.containsKey(service) && !waiting.containsKey(service)
                && miners.size() + waiting.size() >= maxServices) {
            overflowEvents++;
            if (overflowServices.size() < 100_000) {
                overflowServices.add(service);
            }
            event = new LogEvent(event.source(), event.line(), event.lines(), OTHER_SERVICES, event.text(), event.raw(),
                    event.continuation(), event.epochMillis(), event.severity(), event.traceId(), event.spanId());
        }
        Fingerprinter fingerprinter = miners.get(event.service());
        if (fingerprinter == null) {
            List<LogEvent> queue = waiting.computeIfAbsent(event.service(), s -> new ArrayList<>());
            queue.add(event);
            waitingEvents++;
            if (queue.size() >= LAYOUT_SAMPLE) {
                learn(event.service());
            } else if (waitingEvents > MAX_WAITING) {
                learnAll();
            }
            return;
        }
        mine(fingerprinter, event, prepared);
    }

    /** Learns the layouts of the services still waiting for a full sample, from what they have. */
    private void learnAll() {
        for (String service : List.copyOf(waiting.keySet())) {
            learn(service);
        }
    }

    private void learn(String service) {
        List<LogEvent> queue = waiting.remove(service);
        waitingEvents -= queue.size();
        Fingerprinter fingerprinter = newFingerprinter();
        List<String> sample = new ArrayList<>(queue.size());
        for (LogEvent e : queue) {
            if (e.raw()) {
                sample.add(e.text());
            }
        }
        fingerprinter.learnLayout(sample);
        miners.put(service, fingerprinter);
        queue.forEach(e -> mine(fingerprinter, e, null));
    }

    private Fingerprinter newFingerprinter() {
        return new Fingerprinter(YearlessTimes.PARSED_IN, new TemplateMiner(MinerSettings.DEFAULT, maxTemplates));
    }

    /** The header layout learnt for a service's lines (learning it now if it was still waiting), or null. */
    public HeaderLayout layoutOf(String service) {
        drain();
        if (waiting.containsKey(service)) {
            learn(service);
        }
        Fingerprinter f = miners.get(service);
        return f == null ? null : f.layout();
    }

    private void mine(Fingerprinter fingerprinter, LogEvent event, Fingerprinter.Prepared prepared) {
        long time = event.epochMillis();
        Severity severity = event.severity();
        Template template;
        boolean usable = prepared != null && fingerprinter.accepts(prepared);
        if (event.raw()) {
            Fingerprinter.Fingerprint f = usable ? fingerprinter.add(prepared) : fingerprinter.addLine(event.text());
            template = f.template();
            if (time == LogHeader.NO_TIME) {
                time = f.header().epochMillis();
                if (YearlessTimes.isYearless(time)) { // the year from the data, never from today
                    time = yearless.computeIfAbsent(event.source(), src -> new YearlessTimes(
                            written.getOrDefault(src, clock.millis()))).place(time);
                }
            }
            severity = severity == Severity.UNKNOWN ? f.header().severity() : severity;
        } else {
            template = usable ? fingerprinter.add(prepared).template() : fingerprinter.addMessage(event.text());
        }
        String key = event.service() + '\n' + template.id();
        stats.computeIfAbsent(key, k -> new Stats(event.service(), template.id())).add(event, time, severity);
    }

    /** Events accepted (mined, waiting for their service's layout, or being prepared). */
    public long events() {
        return accepted;
    }

    /** Templates mined so far, over all services (cheap: no capsule is built). */
    public int templateCount() {
        drain();
        learnAll();
        return miners.values().stream().mapToInt(f -> f.miner().templateCount()).sum();
    }

    /** The capsules as they stand, templates resolved to their latest form, most frequent first. */
    public List<Capsule> capsules() {
        drain();
        learnAll();
        Map<String, Stats> merged = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (Stats s : stats.values()) {
            TemplateMiner miner = miners.get(s.service).miner();
            String current = miner.resolve(s.templateId);
            Map<String, String> byId = texts.computeIfAbsent(s.service, k -> {
                Map<String, String> m = new HashMap<>();
                miner.templates().forEach(t -> m.put(t.id(), t.text()));
                return m;
            });
            Stats target = merged.computeIfAbsent(s.service + '\n' + current, k -> new Stats(s.service, current));
            target.merge(s);
            target.text = byId.getOrDefault(current, "");
        }
        List<Capsule> out = new ArrayList<>();
        for (Stats s : merged.values()) {
            out.add(s.toCapsule(redactor));
        }
        out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.id().compareTo(b.id()));
        return out;
    }

    /** The template an event would belong to now, without learning (used to label lines in a second pass). */
    public Template templateOf(LogEvent event) {
        drain();
        learnAll();
        Fingerprinter fingerprinter = miners.computeIfAbsent(event.service(), s -> newFingerprinter());
        Template t = event.raw() ? fingerprinter.matchLine(event.text())
                : fingerprinter.matchMessage(event.text());
        // one redaction per template, not per line: a second pass labels every line of a file
        return redacted.computeIfAbsent(t, k -> new Template(fingerprinter.miner().resolve(k.id()),
                redactor.redact(k.text())));
    }

    private final class Stats {
        final String service;
        final String templateId;
        final Set<String> formerIds = new TreeSet<>();
        String text = "";
        long count;
        final Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        long first = LogHeader.NO_TIME;
        long last = LogHeader.NO_TIME;
        long bucketMillis = FIRST_BUCKET_MILLIS;
        final TreeMap<Long, Long> buckets = new TreeMap<>();
        final List<Kept> samples = new ArrayList<>(SAMPLES);
        final Set<String> traceIds = new LinkedHashSet<>();
        long withTrace;
        long onErrorTraces;
        final Map<String, Long> journeys = new TreeMap<>();
        final Random random;

        Stats(String service, String templateId) {
            this.service = service;
            this.templateId = templateId;
            this.random = new Random(templateId.hashCode());
        }

        void add(LogEvent event, long time, Severity severity) {
            count++;
            severities.merge(severity, 1L, Long::sum);
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
            // reservoir sampling (Algorithm R), seeded per template so a rerun keeps the same samples
            int slot = samples.size() < SAMPLES ? samples.size() : (int) (random.nextDouble() * count);
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

        private void count(long time, long n) {
            buckets.merge(Math.floorDiv(time, bucketMillis) * bucketMillis, n, Long::sum);
            while (buckets.size() > MAX_BUCKETS) {
                bucketMillis *= 2;
                TreeMap<Long, Long> wider = new TreeMap<>();
                buckets.forEach((start, c) -> wider.merge(Math.floorDiv(start, bucketMillis) * bucketMillis, c,
                        Long::sum));
                buckets.clear();
                buckets.putAll(wider);
            }
        }

        void merge(Stats other) {
            if (!other.templateId.equals(templateId)) {
                formerIds.add(other.templateId);
            }
            formerIds.addAll(other.formerIds);
            count += other.count;
            other.severities.forEach((k, v) -> severities.merge(k, v, Long::sum));
            if (other.first != LogHeader.NO_TIME) {
                first = first == LogHeader.NO_TIME ? other.first : Math.min(first, other.first);
                last = last == LogHeader.NO_TIME ? other.last : Math.max(last, other.last);
            }
            bucketMillis = Math.max(bucketMillis, other.bucketMillis);
            TreeMap<Long, Long> mine = new TreeMap<>(buckets);
            buckets.clear();
            mine.forEach(this::count);
            other.buckets.forEach(this::count);
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

        Capsule toCapsule(Redactor redactor) {
            String id = TemplateIds.of(new String[] {service, templateId});
            SortedMap<Long, Long> counts = Collections.unmodifiableSortedMap(new TreeMap<>(buckets));
            return new Capsule(id, templateId, List.copyOf(formerIds), service, redactor.redact(text), count,
                    Collections.unmodifiableMap(new EnumMap<>(severities)), first, last, bucketMillis, counts,
                    samples.stream().map(k -> k.redacted(redactor)).toList(), List.copyOf(traceIds), withTrace,
                    onErrorTraces, Map.copyOf(journeys));
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
