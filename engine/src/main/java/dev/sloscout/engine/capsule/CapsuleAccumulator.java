package dev.sloscout.engine.capsule;

import dev.sloscout.engine.parallel.OrderedWork;
import dev.sloscout.engine.redact.Redactor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns log events into capsules: one {@link ServiceCapsules} per service (its miner, statistics per template). Memory
 * is bounded by the number of capsules and of services.
 *
 * <p>The header layout of each service's lines is learnt from its first {@value ServiceCapsules#LAYOUT_SAMPLE}
 * events before any of them is mined (they wait, in order); a snapshot ({@link #capsules()}, {@link #templateOf})
 * learns from what has arrived so far. At most {@value #MAX_WAITING} events wait over all services.
 */
public final class CapsuleAccumulator implements LogSink {
    static final int MAX_WAITING = 100_000;

    private final Redactor redactor;
    private final TraceLookup traces;
    private final java.time.Clock clock;
    private final Map<String, Long> written = new HashMap<>();
    private final Map<String, ServiceCapsules> services = new LinkedHashMap<>();
    /** Services whose events wait for their layout, in the order they came. */
    private final Set<String> waiting = new LinkedHashSet<>();
    private int waitingEvents;
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
        services.values().forEach(s -> s.forgetSource(source));
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
        services.forEach((service, s) -> {
            if (s.overflowMessages() > 0) {
                out.put(service, s.overflowMessages());
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
        ServiceCapsules known = services.get(event.service());
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
        if (!services.containsKey(service) && services.size() >= maxServices) {
            overflowEvents++;
            if (overflowServices.size() < 100_000) {
                overflowServices.add(service);
            }
            event = new LogEvent(event.source(), event.line(), event.lines(), OTHER_SERVICES, event.text(), event.raw(),
                    event.continuation(), event.epochMillis(), event.severity(), event.traceId(), event.spanId());
        }
        ServiceCapsules capsules = services.computeIfAbsent(event.service(), s -> new ServiceCapsules(s, maxTemplates));
        int before = capsules.waiting();
        capsules.accept(event, prepared, traces, this::writtenAt);
        waitingEvents += capsules.waiting() - before;
        if (capsules.waiting() > 0) {
            waiting.add(event.service());
            if (waitingEvents > MAX_WAITING) {
                learnAll();
            }
        } else {
            waiting.remove(event.service());
        }
    }

    /** When a source was last written, or, not knowing, now. */
    private long writtenAt(String source) {
        return written.getOrDefault(source, clock.millis());
    }

    /** Learns the layouts of the services still waiting for a full sample, from what they have. */
    private void learnAll() {
        for (String service : waiting) {
            ServiceCapsules capsules = services.get(service);
            waitingEvents -= capsules.waiting();
            capsules.learn(traces, this::writtenAt);
        }
        waiting.clear();
    }

    /** The header layout learnt for a service's lines (learning it now if it was still waiting), or null. */
    public HeaderLayout layoutOf(String service) {
        drain();
        ServiceCapsules capsules = services.get(service);
        if (capsules == null) {
            return null;
        }
        if (waiting.remove(service)) {
            waitingEvents -= capsules.waiting();
            capsules.learn(traces, this::writtenAt);
        }
        return capsules.layout();
    }

    /** Events accepted (mined, waiting for their service's layout, or being prepared). */
    public long events() {
        return accepted;
    }

    /** Templates mined so far, over all services (cheap: no capsule is built). */
    public int templateCount() {
        drain();
        learnAll();
        return services.values().stream().mapToInt(ServiceCapsules::templateCount).sum();
    }

    /** The capsules as they stand, templates resolved to their latest form, most frequent first. */
    public List<Capsule> capsules() {
        drain();
        learnAll();
        List<Capsule> out = new ArrayList<>();
        services.values().forEach(s -> out.addAll(s.capsules(redactor)));
        out.sort(MOST_FREQUENT_FIRST);
        return out;
    }

    /** Capsules by count, most first, then by id. */
    public static final java.util.Comparator<Capsule> MOST_FREQUENT_FIRST = (a, b) -> a.count() != b.count()
            ? Long.compare(b.count(), a.count()) : a.id().compareTo(b.id());

    /** The template an event would belong to now, without learning (used to label lines in a second pass). */
    public Template templateOf(LogEvent event) {
        drain();
        learnAll();
        ServiceCapsules capsules = services.computeIfAbsent(event.service(),
                s -> new ServiceCapsules(s, maxTemplates));
        Template t = capsules.templateOf(event);
        // one redaction per template, not per line: a second pass labels every line of a file
        return redacted.computeIfAbsent(t, k -> new Template(capsules.resolve(k.id()), redactor.redact(k.text())));
    }
}
