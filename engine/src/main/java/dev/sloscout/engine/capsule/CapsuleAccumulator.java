package dev.sloscout.engine.capsule;

import dev.sloscout.engine.parallel.Handoff;
import dev.sloscout.engine.parallel.OrderedWork;
import dev.sloscout.engine.redact.BoundStatements;
import dev.sloscout.engine.redact.Redactor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns log events into capsules: one {@link ServiceCapsules} per service (its miner, statistics per template). Memory
 * is bounded by the number of capsules and of services.
 *
 * <p>The header layout of each service's lines is learnt from its first {@value ServiceCapsules#LAYOUT_SAMPLE}
 * events before any of them is mined (they wait, in order); a snapshot ({@link #capsules()}, {@link #templateOf})
 * learns from what has arrived so far. At most {@value #MAX_WAITING} events wait over all services.
 *
 * <p>With threads, lines are read and tokenized on workers and handed back in the order they came; services are then
 * shared out over mining stages (one thread each, round robin in the order services first came), each mining its
 * services' events in their order. Every decision that spans services (the service bound, when the waiting bound
 * makes every waiting service learn its layout) is taken here, on the thread that hands events out, in arrival
 * order: what each service mines, and so every capsule, is the same whatever the number of workers and stages.
 */
public final class CapsuleAccumulator implements LogSink {
    static final int MAX_WAITING = 100_000;

    private final Redactor redactor;
    /** Values bound to a statement logged on a record before theirs, redacted as they arrive, in their order. */
    private final BoundStatements statements;
    private final TraceLookup traces;
    private final java.time.Clock clock;
    private final Map<String, Long> written = new HashMap<>();
    /** Per service, in the order services first came: its state, its stage and its events waiting for the layout. */
    private final Map<String, Route> services = new LinkedHashMap<>();
    /** Services whose events wait for their layout, in the order they came. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** Events waiting for their service's layout, over all services (as handed out, not as mined so far). */
    private int waitingEvents;
    private int maxWaiting = MAX_WAITING;
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
     * As above, reading headers and tokenizing on {@code threads} threads (the one handing events out among them)
     * while the templates are mined in the order the events came (the capsules are the same whatever the number of threads).
     */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock, int maxServices,
            int maxTemplates, int threads) {
        this(redactor, traces, clock, maxServices, maxTemplates, threads, miningStages(threads));
    }

    /**
     * As above, with services mined on {@code stages} threads of their own (1: on the thread that hands events out).
     * {@code traces} is then asked from several threads at once: it must answer without changing.
     */
    public CapsuleAccumulator(Redactor redactor, TraceLookup traces, java.time.Clock clock, int maxServices,
            int maxTemplates, int threads, int stages) {
        if (maxServices < 1 || maxTemplates < 1) {
            throw new IllegalArgumentException("the service and template bounds must be positive, got "
                    + maxServices + " and " + maxTemplates);
        }
        this.maxServices = maxServices;
        this.maxTemplates = maxTemplates;
        this.threads = Math.max(1, threads);
        this.stageCount = Math.max(1, stages);
        this.redactor = redactor;
        this.statements = new BoundStatements(redactor);
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
        services.values().forEach(r -> r.capsules.forgetSource(source));
    }

    /** Services mined apart by default; events of further ones are mined together under {@link #OTHER_SERVICES}. */
    public static final int DEFAULT_MAX_SERVICES = 2_000;
    private final int maxServices;
    private final int maxTemplates;
    private final int threads;
    private final int stageCount;
    /** The mining stages while events flow (null when mined on the handing-out thread, or between drains). */
    private List<Handoff<Mine>> stages;
    /** Items handed out and gathered per service before they are applied. */
    private static final int RUN_ITEMS = 4096;
    private final List<Route> withPending = new ArrayList<>();
    private int pendingItems;
    /** Events handed to workers together. */
    private static final int BATCH = 256;
    /** Batches of events prepared (header, tokens) by workers, handed back in order to be mined; null when idle. */
    private OrderedWork<List<Pending>, List<Pending>> preparing;
    private List<Pending> batch = new ArrayList<>(BATCH);
    /** The one-thread path's tokenizer for {@link #prepareRun}. */
    private MessageTokenizer runTokenizer;
    private long accepted;
    /** What {@link #readAhead} read, kept so that the compiler does not drop the reads. */
    private long readAheadSum;
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

    /** Lowers the bound on events waiting over all services (tests: it acts after 100,000 otherwise). */
    CapsuleAccumulator waitingBound(int events) {
        maxWaiting = events;
        return this;
    }

    /**
     * Mining stages for {@code threads} threads: mining (the miner and statistics) is about a third of the work per
     * line and reading and tokenizing the rest, so a third of the threads mine; below six threads that is one, and
     * the thread that hands events out mines them itself.
     */
    public static int miningStages(int threads) {
        return Math.max(1, threads / 3);
    }

    /**
     * Per source that placed any, by name, the times its events wrote without a year or a date and where they were
     * placed (over all the services its events were mined under; a state decoded from a workspace placed none yet).
     */
    public List<PlacedTimes> placedTimes() {
        settle();
        Map<String, PlacedTimes> bySource = new TreeMap<>();
        services.values().forEach(r -> r.capsules.placedTimes(written::containsKey).forEach(p -> bySource.merge(
                p.source(), p, PlacedTimes::plus)));
        return bySource.values().stream().filter(p -> p.yearless() + p.dateless() > 0).toList();
    }

    /** Per service whose miner reached {@link #maxTemplates()}: the events counted under the overflow template. */
    public Map<String, Long> templateOverflow() {
        settle();
        Map<String, Long> out = new TreeMap<>();
        services.forEach((service, r) -> {
            if (r.capsules.overflowMessages() > 0) {
                out.put(service, r.capsules.overflowMessages());
            }
        });
        return out;
    }

    @Override
    public void accept(LogEvent logged) {
        String text = statements.read(logged.source(), logged.thread(), logged.text(), logged.continuation());
        LogEvent event = text == logged.text() ? logged : logged.withText(text);
        accepted++;
        if (threads == 1) {
            acceptInOrder(event, null);
            return;
        }
        Route known = services.get(event.service());
        batch.add(new Pending(event, known == null ? null : known.capsules.layout()));
        if (batch.size() == BATCH) {
            submitBatch();
        }
    }

    private void submitBatch() {
        if (preparing == null) {
            preparing = OrderedWork.start(threads, () -> {
                MessageTokenizer tokenizer = new MessageTokenizer();
                return (List<Pending> events) -> {
                    prepareAll(events, tokenizer);
                    return events;
                };
            }, events -> events.forEach(p -> acceptInOrder(p.event, p.prepared)), "log-miner");
        }
        preparing.submit(batch);
        batch = new ArrayList<>(BATCH);
    }

    /**
     * Mines the events still queued or being prepared and stops the workers and mining stages (they start again with
     * the next events); afterwards every service's state is this thread's to read.
     */
    private void drain() {
        if (!batch.isEmpty()) {
            submitBatch();
        }
        try {
            if (preparing != null) {
                try (OrderedWork<List<Pending>, List<Pending>> work = preparing) {
                    preparing = null;
                    work.finish();
                }
            }
            flushRuns();
        } finally {
            finishStages();
        }
    }

    /** Every event mined and every waiting service's layout learnt; the states are then this thread's to read. */
    private void settle() {
        drain();
        learnAll();
        drain(); // the learn orders learnAll handed out
    }

    private void finishStages() {
        List<Handoff<Mine>> running = stages;
        if (running == null) {
            return;
        }
        stages = null;
        try {
            running.forEach(Handoff::finish);
        } finally {
            running.forEach(Handoff::close);
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
    }

    /** Prepares a batch's events a step at a time over all of them ({@link Fingerprinter#prepareAll}). */
    private static void prepareAll(List<Pending> events, MessageTokenizer tokenizer) {
        Fingerprinter.Prepared[] prepared = prepareEach(events, p -> p.event, p -> p.layout, tokenizer);
        for (int i = 0; i < prepared.length; i++) {
            events.get(i).prepared = prepared[i];
        }
    }

    /**
     * On one thread nothing is prepared ahead: a run of a service's events is prepared here, a step at a time over the
     * run, before it is mined (once the service's layout is known; the run it is learnt in is mined line by line).
     */
    private void prepareRun(Route route) {
        HeaderLayout layout = route.capsules.layout();
        if (layout == null) {
            return;
        }
        if (runTokenizer == null) {
            runTokenizer = new MessageTokenizer();
        }
        List<Mine> run = route.pending;
        Fingerprinter.Prepared[] prepared = prepareEach(run, m -> m.event, m -> layout, runTokenizer);
        for (int i = 0; i < prepared.length; i++) {
            Mine m = run.get(i);
            if (m.event != null) {
                run.set(i, new Mine(m.capsules, m.event, prepared[i]));
            }
        }
    }

    /** {@link Fingerprinter#prepareAll} of items' events; an item without one (the order to learn) gets null. */
    private static <T> Fingerprinter.Prepared[] prepareEach(List<T> items, Function<T, LogEvent> eventOf,
            Function<T, HeaderLayout> layoutOf, MessageTokenizer tokenizer) {
        int n = items.size();
        HeaderLayout[] layouts = new HeaderLayout[n];
        String[] texts = new String[n];
        boolean[] raw = new boolean[n];
        for (int i = 0; i < n; i++) {
            T item = items.get(i);
            LogEvent event = eventOf.apply(item);
            raw[i] = event == null || event.raw(); // no event: a raw line without a layout, left unprepared
            if (event != null) {
                layouts[i] = layoutOf.apply(item);
                texts[i] = event.text();
            }
        }
        return Fingerprinter.prepareAll(layouts, tokenizer, texts, raw, n);
    }

    /**
     * Hands an event, in arrival order, to its service's state: mined here, or by the service's mining stage. The
     * waiting count is kept here as the state will have it once it has taken the event (it learns at
     * {@value ServiceCapsules#LAYOUT_SAMPLE}), so the waiting bound acts at the same event however far behind the
     * stages are.
     */
    private void acceptInOrder(LogEvent event, Fingerprinter.Prepared prepared) {
        Route route = services.get(event.service());
        if (route == null) {
            if (services.size() >= maxServices) {
                overflowEvents++;
                if (overflowServices.size() < 100_000) {
                    overflowServices.add(event.service());
                }
                event = event.withService(OTHER_SERVICES);
            }
            route = routeOf(event.service());
        }
        handOut(route, event, prepared);
        if (route.learnt) {
            return;
        }
        route.waiting++;
        waitingEvents++;
        if (route.waiting >= ServiceCapsules.LAYOUT_SAMPLE) { // the state learns with this event
            learnt(route);
            waiting.remove(event.service());
        } else {
            waiting.add(event.service());
            if (waitingEvents > maxWaiting) {
                learnAll();
            }
        }
    }

    private Route routeOf(String service) {
        return services.computeIfAbsent(service, s -> new Route(new ServiceCapsules(s, maxTemplates),
                services.size() % stageCount));
    }

    /**
     * An event (or, with none, the order to learn the layout from what waits) for a service's state. Items are
     * gathered per service and applied in runs of each service's own ({@link #flushRuns}): services taking turns line
     * by line (one OTLP export or topic carrying them all) mined 6-13% slower than in runs (docs/performance.md),
     * each switch finding another service's miner and statistics colder in the processor's caches; and a mining stage
     * takes whole runs. Services are independent, so applying them service by service, each in its own order, gives
     * what arrival order gives.
     */
    private void handOut(Route route, LogEvent event, Fingerprinter.Prepared prepared) {
        if (route.pending.isEmpty()) {
            withPending.add(route);
        }
        route.pending.add(new Mine(route.capsules, event, prepared));
        if (++pendingItems >= RUN_ITEMS) {
            flushRuns();
        }
    }

    /** Applies what is gathered, service by service: here, or on each service's mining stage. */
    private void flushRuns() {
        for (Route route : withPending) {
            if (stageCount > 1) {
                if (stages == null) {
                    stages = new ArrayList<>(stageCount);
                    for (int i = 0; i < stageCount; i++) {
                        stages.add(new Handoff<>(this::mine, BATCH, "log-mining-" + i));
                    }
                }
                route.pending.forEach(stages.get(route.stage));
            } else {
                if (threads == 1) {
                    prepareRun(route);
                } else {
                    readAhead(route.pending);
                }
                route.pending.forEach(this::mine);
            }
            if (route.pending.size() > 64) {
                route.pending = new ArrayList<>(); // a long run's array goes: 2,000 services would keep 32 MB
            } else {
                route.pending.clear();
            }
        }
        withPending.clear();
        pendingItems = 0;
    }

    /**
     * Reads, before a run is mined, what mining reads first of each event a worker prepared: its lookup key (and the
     * key's hash) and its header's time. They were written on another core and are not in this one's caches; mining,
     * event after event, would wait for each in turn, where this loop, whose loads do not depend on each other, lets
     * the processor fetch many at once (at two threads 0-4% more lines a second; docs/performance.md).
     */
    private void readAhead(List<Mine> run) {
        long sum = 0;
        for (int i = 0, n = run.size(); i < n; i++) {
            Fingerprinter.Prepared prepared = run.get(i).prepared;
            if (prepared != null) {
                String key = prepared.tokens().key();
                sum += key.hashCode() + key.length();
                if (prepared.header() != null) {
                    sum += prepared.header().epochMillis();
                }
            }
        }
        readAheadSum += sum;
    }

    private void mine(Mine m) {
        if (m.event == null) {
            m.capsules.learn(traces, this::writtenAt);
        } else {
            m.capsules.accept(m.event, m.prepared, traces, this::writtenAt);
        }
    }

    private void learnt(Route route) {
        waitingEvents -= route.waiting;
        route.waiting = 0;
        route.learnt = true;
    }

    /** A service as the thread handing out events sees it. */
    private static final class Route {
        final ServiceCapsules capsules;
        /** Its mining stage. */
        final int stage;
        /** Its events waiting for the layout. */
        int waiting;
        /** Whether its state has (or will have, once it takes what is handed out) its layout. */
        boolean learnt;
        /** Handed out, not yet applied. */
        List<Mine> pending = new ArrayList<>();

        Route(ServiceCapsules capsules, int stage) {
            this.capsules = capsules;
            this.stage = stage;
        }
    }

    /** What a mining stage applies to a service's state: an event, or with none the order to learn its layout. */
    private record Mine(ServiceCapsules capsules, LogEvent event, Fingerprinter.Prepared prepared) {
    }

    /** When a source was last written, or, not knowing, now. */
    private long writtenAt(String source) {
        return written.getOrDefault(source, clock.millis());
    }

    /** Learns the layouts of the services still waiting for a full sample, from what they have. */
    private void learnAll() {
        for (String service : waiting) {
            Route route = services.get(service);
            learnt(route);
            handOut(route, null, null);
        }
        waiting.clear();
    }

    /** The header layout learnt for a service's lines (learning it now if it was still waiting), or null. */
    public HeaderLayout layoutOf(String service) {
        drain();
        Route route = services.get(service);
        if (route == null) {
            return null;
        }
        if (waiting.remove(service)) {
            learnt(route);
            handOut(route, null, null);
            drain();
        }
        return route.capsules.layout();
    }

    /** Events accepted (mined, waiting for their service's layout, or being prepared). */
    public long events() {
        return accepted;
    }

    /** Templates mined so far, over all services (cheap: no capsule is built). */
    public int templateCount() {
        settle();
        return services.values().stream().mapToInt(r -> r.capsules.templateCount()).sum();
    }

    /** The capsules as they stand, templates resolved to their latest form, most frequent first. */
    public List<Capsule> capsules() {
        settle();
        List<Capsule> out = new ArrayList<>();
        services.values().forEach(r -> out.addAll(r.capsules.capsules(redactor)));
        out.sort(MOST_FREQUENT_FIRST);
        return out;
    }

    /** Capsules by count, most first, then by id. */
    public static final java.util.Comparator<Capsule> MOST_FREQUENT_FIRST = (a, b) -> a.count() != b.count()
            ? Long.compare(b.count(), a.count()) : a.id().compareTo(b.id());

    /** The template an event would belong to now, without learning (used to label lines in a second pass). */
    public Template templateOf(LogEvent event) {
        settle();
        Route route = routeOf(event.service());
        route.learnt = true; // a service with no events reads lines on their own from now on
        ServiceCapsules capsules = route.capsules;
        Template t = capsules.templateOf(event);
        // one redaction per template, not per line: a second pass labels every line of a file; the template's first
        // line tells which of its words a secret's redaction takes
        return redacted.computeIfAbsent(t, k -> new Template(capsules.resolve(k.id()),
                redactor.redactTemplate(k.text(), Map.of(event.text(), redactor.redact(event.text())))));
    }
}
