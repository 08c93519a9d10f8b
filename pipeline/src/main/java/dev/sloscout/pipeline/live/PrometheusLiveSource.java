package dev.sloscout.pipeline.live;

import dev.sloscout.connectors.prometheus.MetricSliCandidate;
import dev.sloscout.connectors.prometheus.MetricsSliDiscovery;
import dev.sloscout.connectors.prometheus.PrometheusClient;
import dev.sloscout.connectors.prometheus.PrometheusException;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.trace.SpanSink;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Prometheus server as a live source: a named worker re-discovers SLI candidates (with their history over the range,
 * and proposals from it) every {@code every}; the live session shows them beside the SLIs found in traces.
 */
public final class PrometheusLiveSource extends LiveSource {
    private final URI url;
    private final String range;
    private final Duration every;
    private final AtomicReference<List<MetricSliCandidate>> latest = new AtomicReference<>(List.of());
    private final AtomicReference<String> state = new AtomicReference<>("not started");
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private PrometheusClient client;
    private Thread worker;
    private volatile boolean stopping;

    private final java.time.Clock clock;

    public PrometheusLiveSource(URI url, String range, Duration every) {
        this(url, range, every, java.time.Clock.systemUTC());
    }

    /** @param clock the present: the range read ends at its now */
    public PrometheusLiveSource(URI url, String range, Duration every, java.time.Clock clock) {
        this.url = url;
        this.range = range;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "prometheus " + url + " (" + range + ")";
    }

    @Override
    public String kind() {
        return "prometheus";
    }

    @Override
    void start() throws PrometheusException {
        client = new PrometheusClient(url, PrometheusClient.Options.defaults());
        client.buildInfo(); // an unreachable or wrong URL fails here, with the reason
        worker = new Thread(this::poll, "prometheus-source-" + url.getHost());
        worker.setDaemon(true);
        worker.start();
    }

    private void poll() {
        while (!stopping) {
            if (!paused()) {
                state.set("discovering SLIs...");
                try {
                    List<MetricSliCandidate> found = new MetricsSliDiscovery(client).discover(range, clock.instant());
                    latest.set(List.copyOf(found));
                    polls.incrementAndGet();
                    state.set(String.format(Locale.ROOT, "%d SLI candidates at %s; next in %ds", found.size(),
                            LocalTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS), every.toSeconds()));
                } catch (PrometheusException | RuntimeException e) {
                    failures.incrementAndGet();
                    state.set("failed: " + e.getMessage() + "; retrying in " + every.toSeconds() + "s");
                }
            } else {
                state.set("paused by you (no queries)");
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Nothing to drain: Prometheus gives SLI candidates, not spans. */
    @Override
    int drain(SpanSink spans, LogSink logs, int max) {
        return 0;
    }

    /** The latest candidates as engine SLI candidates (journey: the metric), with the history behind each. */
    @Override
    Map<SliCandidate, History> sliCandidates() {
        Map<SliCandidate, History> out = new LinkedHashMap<>();
        for (MetricSliCandidate m : latest.get()) {
            if (m.history() == null || m.proposals().isEmpty()) {
                continue;
            }
            out.put(toEngine(m), m.history());
        }
        return out;
    }

    static SliCandidate toEngine(MetricSliCandidate m) {
        boolean latency = m.kind().equals("latency");
        SloProposal balanced = m.proposals().stream().filter(p -> p.variant() == SloProposal.Variant.BALANCED)
                .findFirst().orElse(m.proposals().get(0));
        History h = m.history();
        long total = h.totalEvents();
        long good = total - h.badEvents();
        double ratio = total == 0 ? 0 : (double) good / total;
        String name = m.metric() + (latency ? " latency under " + dev.sloscout.engine.slo.SloMath.plain(balanced.thresholdMs())
                + " ms" : " availability");
        List<String> reasons = new ArrayList<>(List.of("from Prometheus " + m.convention() + " metric " + m.metric()
                + " over " + m.observed().range()));
        return new SliCandidate("prom-" + m.metric() + "-" + m.kind(), "prometheus:" + m.metric(), m.metric(),
                latency ? SliCandidate.Kind.LATENCY : SliCandidate.Kind.AVAILABILITY, name, m.goodQuery(), m.totalQuery(),
                latency ? balanced.thresholdMs() : null, new SliCandidate.Observed(good, total, ratio, ratio, ratio),
                List.of(new SliCandidate.Query("prometheus", true, m.goodQuery(), null, m.totalQuery(),
                        "as found on the server")), List.of(), 0.8, reasons, m.proposals());
    }

    @Override
    public String state() {
        return state.get();
    }

    /** Discovery rounds done. */
    @Override
    public long received() {
        return polls.get();
    }

    @Override
    public long lag() {
        return -1;
    }

    @Override
    public long errors() {
        return failures.get();
    }

    @Override
    public void close() {
        stopping = true;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
