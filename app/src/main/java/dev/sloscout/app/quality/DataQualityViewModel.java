package dev.sloscout.app.quality;

import dev.sloscout.engine.quality.QualityReport;
import dev.sloscout.pipeline.Analysis;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/**
 * The Data quality view's state: one row per service of the analysis shown (score and the ratios behind it) and the
 * recommendations, most reaching first. Follows the analysis; no work of its own (the pipeline measured it).
 */
public final class DataQualityViewModel {
    /** One service: its score and each ratio as a share, NaN where nothing could be measured. */
    public record Row(String service, int score, double status, double context, double route, double pairing,
                      double logTrace, double skewP99Ms, String detail) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One recommendation as listed: its text (with how many it reaches) and the evidence it links to. */
    public record Recommendation(String text, List<String> traces, List<String> capsules) {
    }

    private final ObservableList<Recommendation> recommendations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Open traces or logs to measure them.");

    public DataQualityViewModel(ObservableValue<Analysis> analysis) {
        analysis.addListener((o, was, now) -> show(now));
        show(analysis.getValue());
    }

    private void show(Analysis analysis) {
        QualityReport report = analysis == null ? null : analysis.dataQuality();
        if (report == null || report.services().isEmpty()) {
            rows.clear();
            recommendations.clear();
            summary.set(analysis == null ? "Open traces or logs to measure them."
                    : "Nothing measured: the analysis read no spans or log records.");
            return;
        }
        rows.setAll(report.services().stream().map(DataQualityViewModel::row).toList());
        recommendations.setAll(report.recommendations().stream().map(r -> new Recommendation(String.format(Locale.ROOT,
                "%,d affected - %s", r.affected(), r.text()), r.traces(), r.capsules())).toList());
        java.util.IntSummaryStatistics scores = report.services().stream().mapToInt(QualityReport.Service::score)
                .summaryStatistics();
        summary.set(String.format(Locale.ROOT, "%d services, scores %d to %d of 100; %d recommendations%s",
                scores.getCount(), scores.getMin(), scores.getMax(), report.recommendations().size(),
                report.unmeasuredSpans() > 0 ? String.format(Locale.ROOT, "; %,d spans of further services not "
                        + "measured", report.unmeasuredSpans()) : ""));
    }

    static Row row(QualityReport.Service s) {
        StringBuilder detail = new StringBuilder();
        append(detail, "status", s.statusCoverage());
        append(detail, "parent present", s.traceCompleteness());
        append(detail, "http.route", s.routeCoverage());
        append(detail, "calls answered", s.pairing());
        append(detail, "logs with trace id", s.logTraceCorrelation());
        append(detail, "structured logs", s.structuredLogs());
        return new Row(s.service(), s.score(), share(s.statusCoverage()), share(s.traceCompleteness()),
                share(s.routeCoverage()), share(s.pairing()), share(s.logTraceCorrelation()),
                s.clockSkew() == null ? Double.NaN : s.clockSkew().p99Ms(), detail.toString());
    }

    private static double share(QualityReport.Ratio r) {
        return r.total() == 0 ? Double.NaN : r.ratio();
    }

    private static void append(StringBuilder detail, String what, QualityReport.Ratio r) {
        if (r.total() > 0) {
            detail.append(detail.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %,d of %,d", what,
                    r.count(), r.total()));
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Most reaching first; each links to the traces or capsules that show it. */
    public ObservableList<Recommendation> recommendations() {
        return recommendations;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
