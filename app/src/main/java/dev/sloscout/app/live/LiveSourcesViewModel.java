package dev.sloscout.app.live;

import dev.sloscout.pipeline.live.KafkaLiveSource;
import dev.sloscout.pipeline.live.LiveSession;
import dev.sloscout.pipeline.live.LiveSource;
import dev.sloscout.pipeline.live.OtlpReceiverSource;
import dev.sloscout.pipeline.live.PrometheusLiveSource;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.connectors.kafka.KafkaSecurity;
import dev.sloscout.connectors.kafka.KafkaSource;
import dev.sloscout.pipeline.PipelineOptions;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The live part of the sources panel: add a Kafka topic or the OTLP/HTTP receiver, pause, resume and remove them,
 * and see each one's state, rate, lag and errors. The first live source starts a live session whose snapshots
 * replace the analysis every couple of seconds.
 */
public final class LiveSourcesViewModel {
    /** A live source as listed; {@code rate} is per second since the previous refresh. */
    public record Row(LiveSource source, String name, String kind, String state, double rate, long received, long lag,
                      long errors) {
    }

    private final BackgroundTasks tasks;
    private final Executor ui;
    private final Consumer<Analysis> onSnapshot;
    private final Duration snapshotEvery;
    private final Duration quiet;
    private Duration prometheusEvery = Duration.ofMinutes(1);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("No live sources. Add a Kafka topic or the OTLP/HTTP receiver.");
    private final Map<LiveSource, long[]> lastCounts = new HashMap<>(); // received, millis
    private final java.util.function.Supplier<PipelineOptions> options;
    private LiveSession session;
    private final StringProperty clusterStatus = new SimpleStringProperty("Not attached to a cluster analysis.");
    /** The stream job output attached to, or null; read on the FX thread, the reads run in the background. */
    private ClusterTarget attached;
    private boolean clusterReading;

    /**
     * A stream job's output: where, under which prefix, with which client settings, and the reader that keeps what it
     * read (each read after the first fetches only what the job wrote since). The reader is made, used and closed in
     * background tasks, one at a time.
     */
    private static final class ClusterTarget {
        final String bootstrap;
        final String prefix;
        final java.util.Properties connection;
        private dev.sloscout.pipeline.stream.ClusterReader reader;
        /** Detached while a read ran: the read's end closes the reader. */
        boolean retired;

        ClusterTarget(String bootstrap, String prefix, java.util.Properties connection) {
            this.bootstrap = bootstrap;
            this.prefix = prefix;
            this.connection = connection;
        }

        String name() {
            return "cluster " + bootstrap + " " + prefix;
        }

        dev.sloscout.pipeline.stream.ClusterReader reader() {
            if (reader == null) {
                reader = new dev.sloscout.pipeline.stream.ClusterReader(bootstrap, prefix, connection,
                        Duration.ofSeconds(30));
            }
            return reader;
        }

        void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }

    /**
     * @param ui         where snapshots are handed to the views (the FX thread)
     * @param onSnapshot gets each live analysis, on {@code ui}
     */
    public LiveSourcesViewModel(BackgroundTasks tasks, Executor ui, Consumer<Analysis> onSnapshot, Duration snapshotEvery,
                                Duration quiet) {
        this(tasks, ui, onSnapshot, snapshotEvery, quiet, PipelineOptions::defaults);
    }

    /** @param options the workbench's pipeline options when the session starts (profiles for the SLI candidates) */
    public LiveSourcesViewModel(BackgroundTasks tasks, Executor ui, Consumer<Analysis> onSnapshot, Duration snapshotEvery,
                                Duration quiet, java.util.function.Supplier<PipelineOptions> options) {
        this.options = options;
        this.tasks = tasks;
        this.ui = ui;
        this.onSnapshot = onSnapshot;
        this.snapshotEvery = snapshotEvery;
        this.quiet = quiet;
    }

    private LiveSession session() {
        if (session == null) {
            session = new LiveSession(options.get().profiles(), snapshotEvery, quiet,
                    analysis -> ui.execute(() -> onSnapshot.accept(analysis)), options.get().clock());
        }
        return session;
    }

    /**
     * Adds Kafka topics.
     *
     * @param topics comma-separated; {@code group} blank for an ephemeral read that commits nothing
     * @param from   earliest, latest, or an ISO-8601 instant
     */
    public void addKafka(String bootstrap, String topics, String group, String from) {
        addKafka(bootstrap, topics, group, from, null, null, null, null);
    }

    /**
     * Adds Kafka topics on a secured cluster: TLS and SASL as {@code slo-scout kafka} takes them, the passwords from
     * the environment ({@code SLO_SCOUT_KAFKA_PASSWORD} and the store passwords), never typed into the window.
     *
     * @param protocol  PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (blank: the client's default)
     * @param mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (blank: no SASL)
     */
    public void addKafka(String bootstrap, String topics, String group, String from, String protocol,
                         String mechanism, String user, String truststore) {
        KafkaSource.Settings settings;
        try {
            KafkaSecurity security = security(protocol, mechanism, user, truststore);
            List<String> names = List.of(topics.split("\\s*,\\s*"));
            if (bootstrap == null || bootstrap.isBlank() || names.isEmpty() || names.get(0).isBlank()) {
                throw new IllegalArgumentException("give the bootstrap servers and at least one topic");
            }
            KafkaSource.StartAt start = KafkaSource.StartAt.parse(from);
            settings = new KafkaSource.Settings(bootstrap.trim(), names, start.start(), start.at(), group == null
                    || group.isBlank() ? null : group.trim(), "slo-scout-workbench", security.properties(System::getenv));
        } catch (IllegalArgumentException e) {
            status.set("Kafka source not added: " + e.getMessage());
            return;
        }
        add(new KafkaLiveSource(settings, session().problemSink()));
    }

    /**
     * Attaches to what a stream job ({@code slo-scout stream}) found: its journeys and SLI candidates replace the
     * analysis, as a local one would (tuning and export work the same), and are read again on each
     * {@link #readCluster()}. Security as for Kafka sources; the passwords from the environment.
     *
     * @param prefix the job's output prefix (blank: {@code slo-scout.})
     */
    public void attachCluster(String bootstrap, String prefix, String protocol, String mechanism, String user,
                              String truststore) {
        try {
            if (bootstrap == null || bootstrap.isBlank()) {
                throw new IllegalArgumentException("give the bootstrap servers of the stream job's cluster");
            }
            KafkaSecurity security = security(protocol, mechanism, user, truststore);
            retire(attached);
            attached = new ClusterTarget(bootstrap.trim(), prefix == null || prefix.isBlank() ? "slo-scout."
                    : prefix.trim(), security.properties(System::getenv));
        } catch (IllegalArgumentException e) {
            clusterStatus.set("Cluster analysis not attached: " + e.getMessage());
            return;
        }
        readCluster();
    }

    /** TLS and SASL as typed in the window (the truststore a path; blank fields unset). */
    private static KafkaSecurity security(String protocol, String mechanism, String user, String truststore) {
        return new KafkaSecurity(protocol, mechanism, user,
                truststore == null || truststore.isBlank() ? null : java.nio.file.Path.of(truststore.trim()), null);
    }

    /** Stops reading the stream job's output; what was shown stays. */
    public void detachCluster() {
        if (attached != null) {
            clusterStatus.set("Detached from " + attached.name() + "; what it showed last stays until something "
                    + "else is opened.");
            retire(attached);
            attached = null;
        }
    }

    /** Closes a target's reader in the background, now or, while it reads, when its read ends. */
    private void retire(ClusterTarget target) {
        if (target == null) {
            return;
        }
        if (clusterReading) {
            target.retired = true;
        } else {
            closeInBackground(target);
        }
    }

    private void closeInBackground(ClusterTarget target) {
        tasks.submit("Close " + target.name(), progress -> {
            target.close();
            return target;
        }, closed -> { }, failure -> { });
    }

    /** At the end of a read: a target detached meanwhile has its reader closed. */
    private void readEnded(ClusterTarget target) {
        clusterReading = false;
        if (target.retired) {
            closeInBackground(target);
        }
    }

    /** Reads the attached job's output again, in the background, one read at a time (the view asks every few s). */
    public void readCluster() {
        ClusterTarget target = attached;
        if (target == null || clusterReading) {
            return;
        }
        clusterReading = true;
        tasks.submit("Read " + target.name(), progress -> target.reader().read(progress::cancelled)
                        .analysis(options.get().profiles()),
                analysis -> {
                    readEnded(target);
                    if (attached == target) {
                        onSnapshot.accept(analysis);
                        clusterStatus.set(String.format(Locale.ROOT, "Attached to %s: %d journeys from %,d traces, "
                                + "%d capsules from %,d log events, %,d dead letters; read at %s", target.name(),
                                analysis.journeys().size(), analysis.report().assignedTraces(),
                                analysis.capsules().size(), analysis.logEvents(), analysis.summary().rejected(),
                                java.time.LocalTime.now(options.get().clock()).withNano(0)));
                    }
                },
                failure -> {
                    readEnded(target);
                    if (attached == target) {
                        clusterStatus.set(target.name() + ": " + failure.getMessage());
                    }
                });
    }

    public boolean clusterAttached() {
        return attached != null;
    }

    public StringProperty clusterStatusProperty() {
        return clusterStatus;
    }

    /** Adds the OTLP/HTTP receiver on {@code host:port} (127.0.0.1:4318 by default; port 0 picks a free one). */
    public void addReceiver(String hostPort) {
        String spec = hostPort == null || hostPort.isBlank() ? "127.0.0.1:4318" : hostPort.trim();
        InetSocketAddress address;
        try {
            address = dev.sloscout.connectors.otlphttp.OtlpHttpReceiver.Settings.address(spec);
        } catch (IllegalArgumentException e) {
            status.set("Receiver not added: " + e.getMessage());
            return;
        }
        add(new OtlpReceiverSource(address, 16 << 20));
    }

    /** Adds a Prometheus server: its SLI candidates (with history over {@code range}) are re-discovered every minute. */
    public void addPrometheus(String url, String range) {
        String r = range == null || range.isBlank() ? "14d" : range.trim();
        java.net.URI uri;
        try {
            try {
                dev.sloscout.connectors.prometheus.MetricsSliDiscovery.durationOf(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("range " + r + ": " + e.getMessage());
            }
            uri = java.net.URI.create(url == null ? "" : url.trim());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http(s) URL such as http://127.0.0.1:9090, got '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            status.set("Prometheus not added: " + e.getMessage());
            return;
        }
        add(new PrometheusLiveSource(uri, r, prometheusEvery, options.get().clock()));
    }

    private void add(LiveSource source) {
        LiveSession target = session();
        status.set("starting " + source.name() + "...");
        tasks.submit("Start " + source.name(), progress -> {
            target.add(source);
            return source;
        }, started -> {
            status.set("Live: " + started.name() + " added; journeys, capsules and SLIs update every "
                    + snapshotEvery.toSeconds() + " s while data arrives");
            refresh();
        }, failure -> status.set(source.name() + " could not start: " + failure.getMessage()));
    }

    public void pause(Row row) {
        row.source().pause();
        refresh();
    }

    public void resume(Row row) {
        row.source().resume();
        refresh();
    }

    public void remove(Row row) {
        LiveSource source = row.source();
        tasks.submit("Remove " + source.name(), progress -> {
            session.remove(source);
            return source;
        }, removed -> {
            lastCounts.remove(removed);
            status.set(removed.name() + " removed");
            refresh();
        }, failure -> status.set(source.name() + " did not close cleanly: " + failure.getMessage()));
    }

    /** Re-reads every source's counters; the view calls it about once a second. */
    public void refresh() {
        if (session == null) {
            return;
        }
        long now = options.get().clock().millis();
        rows.setAll(session.sources().stream().map(s -> {
            long received = s.received();
            long[] last = lastCounts.put(s, new long[] {received, now});
            double rate = last == null || now == last[1] ? 0 : (received - last[0]) * 1000.0 / (now - last[1]);
            return new Row(s, s.name(), s.kind(), s.state(), rate, received, s.lag(), s.errors());
        }).toList());
    }

    /** How often Prometheus sources re-discover (a minute by default). */
    public void setPrometheusEvery(Duration every) {
        this.prometheusEvery = every;
    }

    public static String describeRate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void close() {
        retire(attached);
        attached = null;
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
