package dev.sloscout.app.journeys;

import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.engine.compare.Comparison;
import dev.sloscout.engine.compare.Finding;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.HistoryRecorder;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.compare.Diff;
import dev.sloscout.pipeline.compare.DiffDocument;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Compare mode: the opened sources split at a time chosen on their traffic (the time brush), or the opened sources
 * against other files; the comparison runs in the background ({@link Diff}, as {@code slo-scout diff}); the ranked
 * findings, and for the selected one its journey's graph coloured by change, the operations that explain it and a
 * representative trace of each side as waterfalls.
 */
public final class CompareViewModel {
    /** How the two sides are chosen. */
    public enum Mode {
        SPLIT("Opened sources, before and after a time"), VERSION("Opened sources, one service.version against "
                + "another"), FILES("Opened sources against other files");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What is open: files, or the demo at a scale (null when files are). */
    public record Opened(List<Path> files, Double demoScale) {
        boolean any() {
            return !files.isEmpty() || demoScale != null;
        }
    }

    /** One finding as listed: its rank and words, and the finding itself. */
    public record Row(int rank, Finding finding, String where, String change, String interval, String pValue) {
        public boolean significant() {
            return finding.significant();
        }
    }

    /** Traffic per five minutes over the opened data, for the time brush. */
    public record Traffic(Instant start, Duration window, long[] traces) {
        public Instant end() {
            return start.plus(window.multipliedBy(traces.length));
        }
    }

    /** How an edge or a node of the graph changed. */
    public enum Change { NEW, VANISHED, SLOWER, FASTER, MORE_ERRORS, SAME }

    /** The selected journey's services and calls on both sides, each marked with how it changed. */
    public record ChangeGraph(ServiceGraph graph, Map<String, Change> nodes, Map<String, Change> edges) {
    }

    private final ObservableValue<Analysis> analysis;
    private final Supplier<Opened> opened;
    private final Supplier<PipelineOptions> options;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SPLIT);
    private final ObservableList<Path> candidateFiles = FXCollections.observableArrayList();
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty baselineVersion = new javafx.beans.property.SimpleStringProperty();
    private final javafx.beans.property.StringProperty candidateVersion =
            new javafx.beans.property.SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Traffic> traffic = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Instant> splitAt = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Choose the two sides, then Compare.");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Waterfall> before = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Waterfall> after = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChangeGraph> graph = new ReadOnlyObjectWrapper<>(
            new ChangeGraph(ServiceGraph.EMPTY, Map.of(), Map.of()));
    private Diff.Result result;
    private DiffDocument document;
    private long generation;

    public CompareViewModel(ObservableValue<Analysis> analysis, Supplier<Opened> opened,
            Supplier<PipelineOptions> options, BackgroundTasks tasks) {
        this.analysis = analysis;
        this.opened = opened;
        this.options = options;
        this.tasks = tasks;
        analysis.addListener((o, was, now) -> showTraffic(now));
        showTraffic(analysis.getValue());
        selected.addListener((o, was, now) -> showSelected(now));
    }

    /**
     * The traffic of the analysis shown, summed over its journeys (the split goes to the middle), and the service
     * versions its kept traces carry (oldest-looking first), proposed as the two sides.
     */
    private void showTraffic(Analysis now) {
        java.util.TreeSet<String> seen = new java.util.TreeSet<>(CompareViewModel::compareVersions);
        if (now != null) {
            now.sampleTraces().values().forEach(t -> t.spans().forEach(s -> {
                if (!s.resource().serviceVersion().isEmpty()) {
                    seen.add(s.resource().serviceVersion());
                }
            }));
        }
        versions.setAll(seen);
        baselineVersion.set(seen.isEmpty() ? null : seen.first());
        candidateVersion.set(seen.size() < 2 ? null : seen.last());
        Map<String, HistoryRecorder> histories = now == null || now.report().histories() == null ? Map.of()
                : now.report().histories();
        Instant start = null;
        Instant end = null;
        List<History> all = new ArrayList<>();
        for (HistoryRecorder recorder : histories.values()) {
            History h = recorder.availability();
            if (h.windows() == 0) {
                continue;
            }
            all.add(h);
            start = start == null || h.start().isBefore(start) ? h.start() : start;
            Instant last = h.start().plus(h.span());
            end = end == null || last.isAfter(end) ? last : end;
        }
        if (start == null) {
            traffic.set(null);
            splitAt.set(null);
            return;
        }
        Duration window = HistoryRecorder.WINDOW;
        int windows = (int) Math.max(1, Duration.between(start, end).dividedBy(window));
        long[] traces = new long[windows];
        for (History h : all) {
            int offset = (int) Duration.between(start, h.start()).dividedBy(window);
            for (int i = 0; i < h.windows() && offset + i < windows; i++) {
                traces[offset + i] += h.total()[i];
            }
        }
        traffic.set(new Traffic(start, window, traces));
        splitAt.set(windows == 1 && !now.sampleTraces().isEmpty() ? middleOfSamples(now.sampleTraces().values())
                : start.plus(Duration.between(start, end).dividedBy(2)));
    }

    /**
     * Between the first and the last start of the kept sample traces: a dump shorter than a history window (a
     * minute of traffic) would otherwise be split in the middle of its window, with every trace on one side.
     */
    private static Instant middleOfSamples(java.util.Collection<Trace> samples) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Trace trace : samples) {
            long start = Diff.startMillis(trace); // where the split puts a trace
            first = Math.min(first, start);
            last = Math.max(last, start);
        }
        return Instant.ofEpochMilli(first + (last - first) / 2);
    }

    /** Moves the split to a fraction (0..1) of the opened data's time range. */
    public void splitAtFraction(double fraction) {
        Traffic t = traffic.get();
        if (t != null) {
            Duration range = Duration.between(t.start(), t.end());
            splitAt.set(t.start().plusMillis((long) (range.toMillis() * Math.max(0, Math.min(1, fraction)))));
        }
    }

    /** What the two sides are now, or null with the reason in the summary. */
    private Diff.Sides sides() {
        Opened open = opened.get();
        if (!open.any()) {
            summary.set("Open trace files, a folder or the demo first: the opened sources are the baseline.");
            return null;
        }
        List<String> files = open.files().stream().map(Path::toString).toList();
        if (mode.get() == Mode.VERSION) {
            String first = baselineVersion.get();
            String second = candidateVersion.get();
            if (open.demoScale() != null || first == null || second == null || first.isBlank() || second.isBlank()
                    || first.equals(second)) {
                summary.set(versions.size() < 2 ? "The opened traces carry fewer than two service.version values: "
                        + "type the two versions, or compare in time." : "Choose two different versions.");
                return null;
            }
            return new Diff.AttributeSides(files, "service.version", first.strip(), second.strip());
        }
        if (mode.get() == Mode.FILES) {
            if (candidateFiles.isEmpty() || open.demoScale() != null) {
                summary.set(open.demoScale() != null ? "The demo is open: compare it in time, or open files."
                        : "Choose the candidate's files.");
                return null;
            }
            return new Diff.FileSides(files, candidateFiles.stream().map(Path::toString).toList());
        }
        Instant at = splitAt.get();
        if (at == null) {
            summary.set("The opened data has no times to split at.");
            return null;
        }
        Diff.Window first = new Diff.Window(null, at);
        Diff.Window second = new Diff.Window(at, null);
        return open.demoScale() != null ? new Diff.DemoSides(open.demoScale(), first, second)
                : new Diff.TimeSides(files, first, second);
    }

    /** Runs the comparison in the background; a newer run replaces what an older one would show. */
    public void compare() {
        Diff.Sides sides = sides();
        if (sides == null) {
            return;
        }
        long mine = ++generation;
        running.set(true);
        summary.set("Comparing...");
        PipelineOptions settings = options.get();
        tasks.submit("Compare", progress -> Diff.run(sides, settings, progress::cancelled, (index, source) ->
                progress.update(-1, source.name() + ": " + source.state().name().toLowerCase(Locale.ROOT))),
                done -> {
                    if (mine == generation) {
                        running.set(false);
                        show(done);
                    }
                }, failure -> {
                    if (mine == generation) {
                        running.set(false);
                        summary.set("The comparison failed: " + failure.getMessage());
                    }
                });
    }

    private void show(Diff.Result done) {
        result = done;
        document = DiffDocument.of(done);
        List<Row> out = new ArrayList<>();
        List<Finding> findings = done.report().findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            DiffDocument.FindingJson json = document.findings().get(i);
            out.add(new Row(i + 1, f, where(f), change(f), json.interval() == null ? "" : String.format(Locale.ROOT,
                    "%s .. %s", number(f.unit(), f.low()), number(f.unit(), f.high())),
                    Double.isNaN(f.pValue()) ? "" : f.pValue() < 1e-4 ? String.format(Locale.ROOT, "%.1e",
                            f.pValue()) : String.format(Locale.ROOT, "%.4f", f.pValue())));
        }
        rows.setAll(out);
        // the summary's third line ends in ':' before a list of findings the table shows instead
        summary.set(String.join("\n", document.summary(0).subList(0, 3)).replaceFirst(":$", ""));
        selected.set(rows.isEmpty() ? null : rows.get(0));
    }

    static String where(Finding f) {
        return switch (f.kind()) {
            case "journey" -> f.journey();
            case "operation" -> f.service() + " " + f.operation() + "  (" + f.journey() + ")";
            case "edge" -> f.operation() + "  (" + f.journey() + ")";
            case "capsule" -> f.service() + ": " + f.operation();
            default -> f.operation();
        };
    }

    private static String change(Finding f) {
        if (f.metric().equals("appeared") || f.metric().equals("vanished")) {
            return f.metric();
        }
        String relative = Double.isNaN(f.relativeChange()) ? "" : String.format(Locale.ROOT, " (%+.0f%%)",
                100 * f.relativeChange());
        return number(f.unit(), f.before()) + " -> " + number(f.unit(), f.after()) + relative;
    }

    private static String number(String unit, double v) {
        return unit.equals("share") || unit.equals("ratio") ? String.format(Locale.ROOT, "%.2f%%", 100 * v)
                : unit.equals("ms") ? String.format(Locale.ROOT, "%.1f ms", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The selected finding's journey: its graph coloured by change, what explains it, a trace of each side. */
    private void showSelected(Row row) {
        if (row == null || result == null || row.finding().journeyId().isEmpty()) {
            graph.set(new ChangeGraph(ServiceGraph.EMPTY, Map.of(), Map.of()));
            before.set(null);
            after.set(null);
            explanation.set(row == null ? "" : "A log template no journey links to.");
            return;
        }
        String journey = row.finding().journeyId();
        Trace first = result.before().representative(journey);
        Trace second = result.after().representative(journey);
        before.set(first == null ? null : Waterfall.of(first));
        after.set(second == null ? null : Waterfall.of(second));
        graph.set(changeGraph(journey));
        List<Comparison.Contribution> why = result.report().explanations().get(journey);
        explanation.set(why == null || why.isEmpty() ? "" : "What explains the latency change: " + String.join("; ",
                why.stream().limit(3).map(c -> String.format(Locale.ROOT, "%s %s %.1f -> %.1f ms per trace "
                        + "(%.0f%%)", c.service(), c.operation(), c.beforeMs(), c.afterMs(), 100 * c.share()))
                        .toList()));
    }

    /** Both sides' calls of the journey; each edge and service marked by the significant findings on it. */
    ChangeGraph changeGraph(String journey) {
        Map<String, Long> edgesBefore = result.before().edges(journey);
        Map<String, Long> edgesAfter = result.after().edges(journey);
        Map<String, Change> edges = new TreeMap<>();
        Set<String> keys = new HashSet<>(edgesBefore.keySet());
        keys.addAll(edgesAfter.keySet());
        List<ServiceGraph.Edge> graphEdges = new ArrayList<>();
        Map<String, long[]> nodeCalls = new TreeMap<>();
        for (String key : keys) {
            String from = key.substring(0, key.indexOf(" -> "));
            String to = key.substring(key.indexOf(" -> ") + 4);
            long calls = Math.max(edgesBefore.getOrDefault(key, 0L), edgesAfter.getOrDefault(key, 0L));
            ServiceGraph.Edge edge = new ServiceGraph.Edge(from, to, calls, 0, 0, 0, Set.of(journey));
            graphEdges.add(edge);
            edges.put(edge.id(), !edgesBefore.containsKey(key) ? Change.NEW : !edgesAfter.containsKey(key)
                    ? Change.VANISHED : Change.SAME);
            nodeCalls.computeIfAbsent(from, k -> new long[2])[1] += calls;
            nodeCalls.computeIfAbsent(to, k -> new long[2])[0] += calls;
        }
        String entry = result.report().findings().stream().filter(f -> f.journeyId().equals(journey)
                && f.kind().equals("journey")).map(Finding::service).findFirst().orElse("");
        if (!entry.isEmpty()) {
            nodeCalls.computeIfAbsent(entry, k -> new long[2]);
        }
        Map<String, Change> nodes = new TreeMap<>();
        nodeCalls.keySet().forEach(n -> nodes.put(n, Change.SAME));
        for (Finding f : result.report().significant()) {
            if (!f.journeyId().equals(journey) || !nodes.containsKey(f.service())) {
                continue;
            }
            Change c = switch (f.metric()) {
                case "self time" -> f.change() > 0 ? Change.SLOWER : Change.FASTER;
                case "error source share" -> f.change() > 0 ? Change.MORE_ERRORS : nodes.get(f.service());
                default -> nodes.get(f.service());
            };
            if (nodes.get(f.service()) == Change.SAME || c == Change.MORE_ERRORS) {
                nodes.put(f.service(), c);
            }
        }
        List<ServiceGraph.Node> graphNodes = nodeCalls.entrySet().stream().map(e -> new ServiceGraph.Node(e.getKey(),
                e.getValue()[0], e.getValue()[1], 0, e.getKey().equals(entry), Set.of(journey))).toList();
        return new ChangeGraph(new ServiceGraph(graphNodes, graphEdges), nodes, edges);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /**
     * Orders versions by their numbers where they have them (1.10 after 1.9), else as text; a pre-release label comes
     * before its release (2.0.0-rc1 before 2.0.0).
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-+]");
        String[] y = b.split("[.\\-+]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        if (x.length == y.length) {
            return a.compareTo(b);
        }
        // one goes on: a number (1.2.1 after 1.2) is later, a label (2.0.0-rc1 before 2.0.0) is a pre-release
        String[] longer = x.length > y.length ? x : y;
        boolean later = longer[Math.min(x.length, y.length)].matches("\\d{1,9}");
        return (x.length > y.length) == later ? 1 : -1;
    }

    /** service.version values the opened traces carry (from the kept traces). */
    public ObservableList<String> versions() {
        return versions;
    }

    public javafx.beans.property.StringProperty baselineVersionProperty() {
        return baselineVersion;
    }

    public javafx.beans.property.StringProperty candidateVersionProperty() {
        return candidateVersion;
    }

    /** The candidate's files in {@link Mode#FILES}. */
    public ObservableList<Path> candidateFiles() {
        return candidateFiles;
    }

    public ReadOnlyObjectProperty<Traffic> trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    public ObjectProperty<Instant> splitAtProperty() {
        return splitAt;
    }

    /** Significant findings first, most important first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Waterfall> beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Waterfall> afterProperty() {
        return after.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChangeGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** The last comparison as diff.json would have it, or null. */
    public DiffDocument document() {
        return document;
    }
}
