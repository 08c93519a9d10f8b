package dev.sloscout.app.capsules;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.workspace.SearchHit;
import dev.sloscout.workspace.SearchQuery;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The capsules view: a Lucene query over the workspace's index (templates and samples) with filters by service,
 * severity, journey and time, or, with no query, every capsule of the analysis under the same filters.
 */
public final class CapsulesViewModel {
    public static final String ANY = "(any)";
    static final int LIMIT = 500;

    /** The time filter, relative to the newest event of the data (data from last week stays searchable). */
    public enum Seen {
        ANY_TIME("any time", null), LAST_HOUR("in the data's last hour", Duration.ofHours(1)),
        LAST_6_HOURS("in the data's last 6 hours", Duration.ofHours(6)), LAST_DAY("in the data's last day", Duration.ofDays(1));

        private final String label;
        private final Duration span;

        Seen(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Finds the capsules closest in meaning to one: (capsule id, similarity) pairs, best first. */
    @FunctionalInterface
    public interface SimilarCapsules {
        List<Map.Entry<String, Double>> find(String capsuleId, int limit) throws Exception;
    }

    private final BackgroundTasks tasks;
    private final SimilarCapsules similar;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObservableList<CapsuleRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CapsuleRow> selected = new SimpleObjectProperty<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty service = new SimpleStringProperty(ANY);
    private final StringProperty severity = new SimpleStringProperty(ANY);
    private final StringProperty journey = new SimpleStringProperty(ANY);
    private final ObjectProperty<Seen> seen = new SimpleObjectProperty<>(Seen.ANY_TIME);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> services = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> journeys = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final ObservableList<String> traceIds = FXCollections.observableArrayList();
    private Map<String, Capsule> byId = Map.of();
    private Map<String, String> journeyIdsByName = Map.of();
    private long newestMillis;
    private long searchGeneration;

    public CapsulesViewModel(ReadOnlyObjectProperty<Analysis> analysis, ReadOnlyObjectProperty<Workspace> workspace,
                             BackgroundTasks tasks, SimilarCapsules similar) {
        this.tasks = tasks;
        this.similar = similar;
        this.workspace = workspace;
        analysis.addListener((obs, old, now) -> load(now));
        selected.addListener((obs, old, now) -> showDetails(now));
        for (var filter : List.of(service, severity, journey)) {
            filter.addListener((obs, old, now) -> search());
        }
        seen.addListener((obs, old, now) -> search());
        load(analysis.get());
    }

    private void load(Analysis analysis) {
        List<Capsule> capsules = analysis == null ? List.of() : analysis.capsules();
        Map<String, Capsule> map = new LinkedHashMap<>();
        capsules.forEach(c -> map.put(c.id(), c));
        byId = map;
        newestMillis = capsules.stream().mapToLong(Capsule::lastSeenMillis).filter(t -> t != LogHeader.NO_TIME).max()
                .orElse(LogHeader.NO_TIME);
        services.setAll(ANY);
        capsules.stream().map(Capsule::service).distinct().sorted().forEach(services::add);
        Map<String, String> names = new LinkedHashMap<>();
        if (analysis != null) {
            analysis.journeys().forEach(j -> names.put(j.name(), j.id()));
        }
        journeyIdsByName = names;
        journeys.setAll(ANY);
        journeys.addAll(names.keySet());
        search();
    }

    /** Runs the query: Lucene through the workspace when there is text, the analysis's capsules otherwise. */
    public void search() {
        long mine = ++searchGeneration;
        String text = query.get() == null ? "" : query.get().trim();
        Workspace ws = workspace.get();
        if (text.isEmpty()) {
            List<CapsuleRow> found = byId.values().stream().filter(this::passesFilters)
                    .sorted(Comparator.comparingLong(Capsule::count).reversed()).map(c -> CapsuleRow.of(c, Double.NaN)).toList();
            show(found, String.format(Locale.ROOT, "%,d of %,d capsules", found.size(), byId.size()));
            return;
        }
        if (ws == null) {
            String needle = text.toLowerCase(Locale.ROOT);
            List<CapsuleRow> found = byId.values().stream().filter(this::passesFilters)
                    .filter(c -> c.template().toLowerCase(Locale.ROOT).contains(needle)).map(c -> CapsuleRow.of(c, Double.NaN)).toList();
            show(found, found.size() + " capsules whose template contains the text (no workspace open: plain text match)");
            return;
        }
        SearchQuery q = new SearchQuery(text, filter(service.get()), filter(severity.get()),
                journeyIdsByName.get(journey.get()), fromMillis(), null, LIMIT);
        status.set("searching...");
        tasks.submit("Search: " + text, progress -> {
            List<CapsuleRow> found = new ArrayList<>();
            for (SearchHit hit : ws.search(q)) {
                if (!hit.kind().equals("capsule")) {
                    continue;
                }
                Capsule c = Optional.ofNullable(byId.get(hit.id())).or(() -> capsuleFrom(ws, hit.id())).orElse(null);
                if (c != null) {
                    found.add(CapsuleRow.of(c, hit.score()));
                }
            }
            return found;
        }, found -> {
            if (mine == searchGeneration) {
                show(found, found.size() + " capsules match '" + text + "' (ranked by Lucene relevance)");
            }
        }, failure -> {
            if (mine == searchGeneration) {
                rows.clear();
                status.set("The query could not be run: " + failure.getMessage());
            }
        });
    }

    /** Lists the capsules most like the selected one, by meaning, most similar first. */
    public void showSimilar() {
        CapsuleRow of = selected.get();
        if (of == null) {
            return;
        }
        long mine = ++searchGeneration;
        Workspace ws = workspace.get();
        status.set("looking for capsules like '" + of.template() + "'...");
        tasks.submit("Similar capsules", progress -> {
            List<CapsuleRow> found = new ArrayList<>();
            for (Map.Entry<String, Double> hit : similar.find(of.id(), 10)) {
                Capsule c = Optional.ofNullable(byId.get(hit.getKey()))
                        .or(() -> ws == null ? Optional.empty() : capsuleFrom(ws, hit.getKey())).orElse(null);
                if (c != null) {
                    found.add(CapsuleRow.of(c, hit.getValue()));
                }
            }
            return found;
        }, found -> {
            if (mine == searchGeneration) {
                show(found, found.size() + " capsules most similar in meaning to '" + of.template()
                        + "' (score = cosine similarity); search again to go back");
            }
        }, failure -> {
            if (mine == searchGeneration) {
                status.set("Similar capsules are not available: " + failure.getMessage());
            }
        });
    }

    /** Selects a capsule by id, clearing the query and filters when they hide it. */
    public void reveal(String capsuleId) {
        Capsule c = byId.get(capsuleId);
        if (c == null) {
            return;
        }
        if (rows.stream().noneMatch(r -> r.id().equals(capsuleId))) {
            query.set("");
            service.set(ANY);
            severity.set(ANY);
            journey.set(ANY);
            seen.set(Seen.ANY_TIME);
            search();
        }
        rows.stream().filter(r -> r.id().equals(capsuleId)).findFirst().ifPresent(selected::set);
    }

    private static Optional<Capsule> capsuleFrom(Workspace ws, String id) {
        try {
            return ws.capsule(id);
        } catch (dev.sloscout.workspace.WorkspaceException e) {
            return Optional.empty();
        }
    }

    private void show(List<CapsuleRow> found, String message) {
        String keep = selected.get() == null ? null : selected.get().id();
        rows.setAll(found);
        status.set(message);
        selected.set(found.stream().filter(r -> r.id().equals(keep)).findFirst()
                .orElse(found.isEmpty() ? null : found.get(0)));
    }

    private boolean passesFilters(Capsule c) {
        String s = filter(service.get());
        String sev = filter(severity.get());
        String j = journeyIdsByName.get(journey.get());
        Long from = fromMillis();
        return (s == null || c.service().equals(s))
                && (sev == null || c.severities().keySet().stream().anyMatch(v -> v.name().equals(sev)))
                && (j == null || c.journeys().containsKey(j))
                && (from == null || c.lastSeenMillis() != LogHeader.NO_TIME && c.lastSeenMillis() >= from);
    }

    private Long fromMillis() {
        Seen s = seen.get();
        return s == null || s.span == null || newestMillis == LogHeader.NO_TIME ? null : newestMillis - s.span.toMillis();
    }

    private static String filter(String value) {
        return value == null || value.equals(ANY) || value.isBlank() ? null : value;
    }

    private void showDetails(CapsuleRow row) {
        if (row == null) {
            samples.clear();
            traceIds.clear();
            return;
        }
        samples.setAll(row.capsule().samples().stream().map(s -> (s.severity() == null ? "" : s.severity() + " ")
                + s.text() + "   [" + s.source() + (s.line() > 0 ? ":" + s.line() : "") + "]").toList());
        traceIds.setAll(row.capsule().traceIds());
    }

    public ObservableList<CapsuleRow> rows() {
        return rows;
    }

    public ObjectProperty<CapsuleRow> selectedProperty() {
        return selected;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty severityProperty() {
        return severity;
    }

    public StringProperty journeyProperty() {
        return journey;
    }

    public ObjectProperty<Seen> seenProperty() {
        return seen;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ObservableList<String> journeys() {
        return journeys;
    }

    public ObservableList<String> samples() {
        return samples;
    }

    public ObservableList<String> traceIds() {
        return traceIds;
    }

    public static List<String> severities() {
        List<String> out = new ArrayList<>(List.of(ANY));
        for (var s : dev.sloscout.engine.capsule.Severity.values()) {
            out.add(s.name());
        }
        return out;
    }
}
