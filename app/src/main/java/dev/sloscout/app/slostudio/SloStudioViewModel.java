package dev.sloscout.app.slostudio;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.Backtest;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.LatencyBounds;
import dev.sloscout.engine.slo.Objective;
import dev.sloscout.engine.slo.SloMath;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.slo.SloProposer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SLO studio: pick an SLI candidate, tune objective, period, threshold and alert tiers, and see at once what
 * the history says about the choice. Every tuning step can be undone and redone (per candidate). Tuned SLOs are what
 * the export bundle contains.
 */
public final class SloStudioViewModel {
    private final ObservableList<SliCandidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<SliCandidate> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Tuning> tuning = new SimpleObjectProperty<>();
    private final ObjectProperty<StudioCharts> charts = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty dataQuality = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final ObservableMap<String, ArtifactBundle.Tuning> tuned = FXCollections.observableHashMap();
    private final Map<String, Steps> steps = new HashMap<>();
    private Analysis analysis;

    /** A candidate's tuning steps: {@code at} is the current one. */
    private static final class Steps {
        final List<Tuning> list = new ArrayList<>();
        int at = -1;
    }

    public SloStudioViewModel(ReadOnlyObjectProperty<Analysis> analysis) {
        analysis.addListener((obs, old, now) -> load(now));
        selected.addListener((obs, old, now) -> select(now));
        load(analysis.get());
    }

    private void load(Analysis now) {
        boolean sameData = analysis != null && now != null && analysis.sources().stream().map(s -> s.name()).toList()
                .equals(now.sources().stream().map(s -> s.name()).toList());
        String keep = selected.get() == null ? null : selected.get().id();
        analysis = now;
        if (!sameData) {
            steps.clear(); // new sources: start over; a live refresh of the same sources keeps every tuning and undo step
            tuned.clear();
        }
        candidates.setAll(now == null ? List.of() : now.candidates().stream()
                .filter(c -> c.kind() != SliCandidate.Kind.DEPENDENCY_AVAILABILITY).toList());
        tuned.keySet().retainAll(candidates.stream().map(SliCandidate::id).toList());
        SliCandidate again = candidates.stream().filter(c -> c.id().equals(keep)).findFirst().orElse(null);
        selected.set(null);
        selected.set(again != null ? again : candidates.isEmpty() ? null : candidates.get(0));
    }

    private void select(SliCandidate candidate) {
        dataQuality.set(qualityOf(candidate));
        if (candidate == null) {
            tuning.set(null);
            charts.set(null);
            summary.set("");
            updateUndo(null);
            return;
        }
        Steps s = steps.computeIfAbsent(candidate.id(), id -> {
            Steps fresh = new Steps();
            fresh.list.add(fromProposal(candidate, SloProposal.Variant.BALANCED));
            fresh.at = 0;
            return fresh;
        });
        show(candidate, s.list.get(s.at));
        updateUndo(s);
    }

    /** The tuning a proposal variant stands for: its objective and threshold, a 28-day period, every standard tier. */
    static Tuning fromProposal(SliCandidate candidate, SloProposal.Variant variant) {
        SloProposal p = candidate.proposals().stream().filter(x -> x.variant() == variant).findFirst()
                .orElseThrow(() -> new IllegalStateException("candidate " + candidate.id() + " has no " + variant + " proposal"));
        return new Tuning(p.objective(), p.periodDays(), p.thresholdMs(), Tuning.standardTierNames());
    }

    /** Applies a change as a new tuning step (dropping any redo steps). */
    public void tune(Tuning next) {
        SliCandidate candidate = selected.get();
        if (candidate == null || next.equals(tuning.get())) {
            return;
        }
        Steps s = steps.get(candidate.id());
        while (s.list.size() > s.at + 1) {
            s.list.remove(s.list.size() - 1);
        }
        s.list.add(next);
        s.at++;
        show(candidate, next);
        updateUndo(s);
    }

    public void setObjective(double objective) {
        if (tuning.get() != null) {
            tune(tuning.get().withObjective(objective));
        }
    }

    public void setPeriod(int days) {
        if (tuning.get() != null) {
            tune(tuning.get().withPeriod(days));
        }
    }

    public void setThreshold(double ms) {
        if (tuning.get() != null && isLatency()) {
            tune(tuning.get().withThreshold(ms));
        }
    }

    public void setTier(String tier, boolean on) {
        if (tuning.get() == null) {
            return;
        }
        Tuning next = tuning.get().withTier(tier, on);
        if (next.tiers().isEmpty()) {
            show(selected.get(), tuning.get());
            summary.set("At least one alert tier must stay on.\n\n" + summary.get());
            return;
        }
        tune(next);
    }

    public void applyVariant(SloProposal.Variant variant) {
        if (selected.get() != null) {
            tune(fromProposal(selected.get(), variant));
        }
    }

    public void undo() {
        move(-1);
    }

    public void redo() {
        move(1);
    }

    private void move(int delta) {
        SliCandidate candidate = selected.get();
        Steps s = candidate == null ? null : steps.get(candidate.id());
        if (s == null || s.at + delta < 0 || s.at + delta >= s.list.size()) {
            return;
        }
        s.at += delta;
        show(candidate, s.list.get(s.at));
        updateUndo(s);
    }

    private void updateUndo(Steps s) {
        canUndo.set(s != null && s.at > 0);
        canRedo.set(s != null && s.at < s.list.size() - 1);
    }

    public boolean isLatency() {
        return selected.get() != null && selected.get().kind() == SliCandidate.Kind.LATENCY;
    }

    private void show(SliCandidate candidate, Tuning t) {
        History history = analysis.history(candidate, t.thresholdMs() == null ? 0 : t.thresholdMs());
        Objective objective = new Objective(t.objective());
        Duration period = Duration.ofDays(t.periodDays());
        List<String> reasons = new ArrayList<>();
        SloProposal assessment = SloProposer.assess(closestVariant(candidate, t), history, objective, period,
                t.thresholdMs(), t.alertTiers(), reasons);
        tuning.set(t);
        charts.set(StudioCharts.of(history, t, assessment));
        summary.set(describe(candidate, t, history, assessment));
        tuned.put(candidate.id(), new ArtifactBundle.Tuning(assessment, period, t.alertTiers()));
    }

    private static SloProposal.Variant closestVariant(SliCandidate candidate, Tuning t) {
        for (SloProposal p : candidate.proposals()) {
            if (p.objective() == t.objective() && java.util.Objects.equals(p.thresholdMs(), t.thresholdMs())) {
                return p.variant();
            }
        }
        return SloProposal.Variant.BALANCED;
    }

    static String describe(SliCandidate candidate, Tuning t, History history, SloProposal a) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s%nGood: %s%nTotal: %s%n%n", candidate.name(), candidate.good(), candidate.total()));
        b.append(String.format(Locale.ROOT, "Objective %s over %d days%s: error budget %s%% of requests.%n",
                new Objective(t.objective()).percent(), t.periodDays(),
                t.thresholdMs() == null ? "" : ", threshold " + SloMath.plain(t.thresholdMs()) + " ms",
                SloMath.plain(SloMath.round(100 * (1 - t.objective())))));
        b.append(String.format(Locale.ROOT, "History: %,d requests over %s, %,d bad (%.4f%%).%n", history.totalEvents(),
                SloMath.describe(history.span()), history.badEvents(), history.errorRatio() * 100));
        b.append(String.format(Locale.ROOT, "Burn rate in the history: %.2f (1 spends exactly the budget); it would have used "
                + "%.1f%% of one period's budget; %.1f%% of 5-minute windows with traffic met the objective.%n",
                a.burnRateInHistory(), a.budgetSpentInHistory() * 100, a.windowsMet() * 100));
        b.append("\nBacktest of the alert tiers:\n");
        for (Backtest.TierResult r : a.backtest()) {
            b.append(String.format(Locale.ROOT, "  %s (%s): fires above burn rate %s (error ratio %.4f%%): %s%n", r.tier(),
                    r.severity().name().toLowerCase(Locale.ROOT), SloMath.plain(SloMath.round(r.factor())),
                    r.errorRatioThreshold() * 100, !r.canFire() ? "cannot fire (the threshold is above 100% errors)"
                            : r.firings() == 0 ? "would not have fired" : r.firings() + " alert(s) in the history"));
        }
        return b.toString();
    }

    /** The thresholds a latency SLI can use: bucket bounds the history was recorded at. */
    public static List<Double> thresholds() {
        return java.util.Arrays.stream(LatencyBounds.ALL_MS).boxed().toList();
    }

    public static List<Double> objectives() {
        return java.util.Arrays.stream(SloProposer.LADDER).boxed().toList();
    }

    public ObservableList<SliCandidate> candidates() {
        return candidates;
    }

    public ObjectProperty<SliCandidate> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Tuning> tuningProperty() {
        return tuning;
    }

    public ReadOnlyObjectProperty<StudioCharts> chartsProperty() {
        return charts;
    }

    /** How far the data under the selected SLI can be trusted ("" when it was not measured). */
    private String qualityOf(SliCandidate candidate) {
        if (candidate == null || analysis == null) {
            return "";
        }
        var journey = analysis.journey(candidate.journeyId()).orElse(null);
        var quality = dev.sloscout.pipeline.DataQualityDocument.forSli(analysis.dataQuality(), journey, candidate);
        if (quality == null) {
            return "";
        }
        return "Data under this SLI: " + quality.service() + " scores " + quality.score() + " of 100"
                + (quality.weak() ? ". Weak: " + quality.why() + "." : ".");
    }

    public StringProperty dataQualityProperty() {
        return dataQuality;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** Tuned SLOs by SLI candidate id: what the export bundle uses instead of the balanced default. */
    public ObservableMap<String, ArtifactBundle.Tuning> tuned() {
        return tuned;
    }
}
