package dev.sloscout.app.journeys;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Trace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The journeys view's state: the ranked journeys, the service graph of the selected journey (or of all), its
 * filters, the statistics of what was clicked, the selected journey's sample traces and the waterfall of one.
 */
public final class JourneysViewModel {
    /** A sample trace as listed: its id, whether it failed, whether the whole trace was kept for the waterfall. */
    public record SampleTrace(String traceId, boolean failed, boolean kept) {
        @Override
        public String toString() {
            return (failed ? "failed  " : "ok      ") + traceId + (kept ? "" : "  (not kept)");
        }
    }

    private final ObservableList<JourneyRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<JourneyRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty allJourneys = new SimpleBooleanProperty();
    private final BooleanProperty operations = new SimpleBooleanProperty();
    private final StringProperty focus = new SimpleStringProperty();
    private final IntegerProperty hops = new SimpleIntegerProperty(1);
    private final LongProperty minCalls = new SimpleLongProperty(0);
    private final ObjectProperty<ServiceGraph> graph = new SimpleObjectProperty<>(ServiceGraph.EMPTY);
    private final StringProperty details = new SimpleStringProperty("");
    private final ObservableList<SampleTrace> samples = FXCollections.observableArrayList();
    private final ObjectProperty<Waterfall> waterfall = new SimpleObjectProperty<>();
    private Map<String, Trace> keptTraces = Map.of();
    private List<Journey> journeys = List.of();
    private long maxCallsOfAll;

    public JourneysViewModel(ReadOnlyObjectProperty<Analysis> analysis) {
        for (ObservableValue<?> input : List.of(selected, allJourneys, operations, focus, hops, minCalls)) {
            input.addListener((obs, old, now) -> refreshGraph());
        }
        selected.addListener((obs, old, now) -> selectJourney(now));
        analysis.addListener((obs, old, now) -> load(now));
        load(analysis.get());
    }

    private void load(Analysis analysis) {
        journeys = analysis == null ? List.of() : analysis.journeys();
        keptTraces = analysis == null ? Map.of() : analysis.sampleTraces();
        maxCallsOfAll = ServiceGraph.of(journeys).maxCalls();
        String keep = selected.get() == null ? null : selected.get().id();
        rows.setAll(journeys.stream().map(JourneyRow::of).toList());
        // a live source refreshes the analysis every few seconds: the user's journey stays selected
        JourneyRow again = rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null);
        if (again == null) {
            focus.set(null);
        }
        selected.set(again != null ? again : rows.isEmpty() ? null : rows.get(0));
        refreshGraph();
    }

    private void selectJourney(JourneyRow row) {
        waterfall.set(null);
        if (row == null) {
            samples.clear();
            details.set("");
            return;
        }
        Journey j = row.journey();
        List<SampleTrace> list = baseSamples();
        samples.setAll(list);
        details.set(describe(j));
        list.stream().filter(SampleTrace::kept).findFirst().ifPresent(t -> showTrace(t.traceId()));
    }

    private void refreshGraph() {
        List<Journey> scope = scope();
        ServiceGraph g = operations.get()
                ? ServiceGraph.ofTraces(keptOf(scope), scope.size() == 1 ? scope.get(0).name() : "all journeys")
                : ServiceGraph.of(scope);
        g = g.withMinCalls(minCalls.get());
        if (focus.get() != null) {
            g = g.around(focus.get(), hops.get());
        }
        graph.set(g);
    }

    /** The journeys the graph and the samples are about: the selected one, or all. */
    private List<Journey> scope() {
        return allJourneys.get() || selected.get() == null ? journeys : List.of(selected.get().journey());
    }

    /** The busiest call between two services over all journeys: the scale of the "hide below" control. */
    public long maxCallsOfAll() {
        return maxCallsOfAll;
    }

    /** The kept whole traces of some journeys (their sample and error sample traces). */
    private List<Trace> keptOf(List<Journey> scope) {
        List<Trace> out = new java.util.ArrayList<>();
        for (Journey j : scope) {
            java.util.stream.Stream.concat(j.errorTraceIds().stream(), j.sampleTraceIds().stream()).distinct()
                    .map(keptTraces::get).filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    /** Statistics of a clicked node (a service, or an operation in operations mode), and its sample traces. */
    public void selectNode(String service) {
        ServiceGraph.Node n = graph.get().node(service);
        if (n == null) {
            return;
        }
        showSamplesTouching(span -> operations.get() ? (span.serviceName() + " " + span.name()).equals(service)
                : span.serviceName().equals(service));
        details.set(String.format(Locale.ROOT, "Service %s%n%,d calls received (%,d failed, %.2f%%), %,d calls made%s%n"
                        + "On journeys: %s", n.id(), n.callsIn(), n.errorsIn(), n.errorRatio() * 100, n.callsOut(),
                n.entry() ? "\nJourneys enter here (received = entry requests)" : "", String.join(", ", n.journeys())));
    }

    /** Statistics of a clicked edge, and the sample traces that make that call. */
    public void selectEdge(String from, String to) {
        ServiceGraph.Edge e = graph.get().edge(from, to);
        if (e == null) {
            return;
        }
        showSamplesWithCall(from, to);
        details.set(String.format(Locale.ROOT, "Calls %s -> %s%n%,d calls, %,d failed (%.2f%%)%np50 %.1f ms, p99 %.1f ms "
                        + "(as the caller saw them)%nOn journeys: %s", from, to, e.calls(), e.errors(), e.errorRatio() * 100,
                e.p50Ms(), e.p99Ms(), String.join(", ", e.journeys())));
    }

    /** Narrows the sample list to the selected journey's kept traces with a matching span. */
    private void showSamplesTouching(java.util.function.Predicate<dev.sloscout.engine.model.Span> match) {
        samples.setAll(baseSamples().stream().filter(t -> t.kept() && keptTraces.get(t.traceId()).spans().stream()
                .anyMatch(match)).toList());
    }

    private void showSamplesWithCall(String from, String to) {
        samples.setAll(baseSamples().stream().filter(t -> t.kept() && calls(keptTraces.get(t.traceId()), from, to)).toList());
    }

    private boolean calls(Trace trace, String from, String to) {
        Trace.Index index = trace.index();
        for (dev.sloscout.engine.model.Span span : trace.spans()) {
            dev.sloscout.engine.model.Span parent = index.parentOf(span);
            if (parent != null && name(parent).equals(from) && name(span).equals(to)) {
                return true;
            }
        }
        return false;
    }

    private String name(dev.sloscout.engine.model.Span span) {
        return operations.get() ? span.serviceName() + " " + span.name() : span.serviceName();
    }

    /** The sample traces of the selected journey, or of every journey in "all journeys" mode. */
    private List<SampleTrace> baseSamples() {
        List<SampleTrace> list = new java.util.ArrayList<>();
        for (Journey j : scope()) {
            j.errorTraceIds().forEach(id -> list.add(new SampleTrace(id, true, keptTraces.containsKey(id))));
            j.sampleTraceIds().stream().filter(id -> !j.errorTraceIds().contains(id))
                    .forEach(id -> list.add(new SampleTrace(id, false, keptTraces.containsKey(id))));
        }
        return list;
    }

    /** Shows a kept trace's waterfall; false when the trace was not kept. */
    public boolean showTrace(String traceId) {
        Trace trace = keptTraces.get(traceId);
        if (trace == null) {
            return false;
        }
        waterfall.set(Waterfall.of(trace));
        return true;
    }

    /** Selects the journey a trace belongs to (when it is one of its samples) and shows the trace. */
    public boolean reveal(String traceId) {
        for (JourneyRow row : rows) {
            if (row.journey().sampleTraceIds().contains(traceId) || row.journey().errorTraceIds().contains(traceId)) {
                selected.set(row);
                return showTrace(traceId);
            }
        }
        return showTrace(traceId);
    }

    static String describe(Journey j) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s%n%,d traces (%.1f%% of all), %,d failed "
                        + "(%.2f%%)%nLatency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%nConfidence %.2f: %s",
                j.name(), j.traces(), j.share() * 100, j.errorTraces(), j.errorRatio() * 100, j.latencyMs().p50(),
                j.latencyMs().p90(), j.latencyMs().p99(), j.latencyMs().max(), j.confidence(),
                String.join("; ", j.confidenceReasons())));
        b.append("\nRanked #").append(j.rank()).append(": ").append(String.join("; ", j.rankReasons()));
        if (j.criticalPath() != null && !j.criticalPath().operations().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nCritical path (%.0f%% of traces): %s", j.criticalPath().share() * 100,
                    String.join(" > ", j.criticalPath().operations())));
        }
        return b.toString();
    }

    public ObservableList<JourneyRow> rows() {
        return rows;
    }

    public ObjectProperty<JourneyRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty allJourneysProperty() {
        return allJourneys;
    }

    /** Operations instead of services as nodes (drawn from the kept sample traces). */
    public BooleanProperty operationsProperty() {
        return operations;
    }

    public StringProperty focusProperty() {
        return focus;
    }

    public IntegerProperty hopsProperty() {
        return hops;
    }

    public LongProperty minCallsProperty() {
        return minCalls;
    }

    public ReadOnlyObjectProperty<ServiceGraph> graphProperty() {
        return graph;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public ObservableList<SampleTrace> samples() {
        return samples;
    }

    public ReadOnlyObjectProperty<Waterfall> waterfallProperty() {
        return waterfall;
    }
}
