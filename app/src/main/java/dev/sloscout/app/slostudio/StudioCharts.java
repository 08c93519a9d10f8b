package dev.sloscout.app.slostudio;

import dev.sloscout.engine.slo.AlertTier;
import dev.sloscout.engine.slo.Backtest;
import dev.sloscout.engine.slo.History;
import dev.sloscout.engine.slo.SloProposal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the studio draws for one tuning, computed from the SLI's history (5-minute windows) and shown per step (the
 * smallest of 5, 15, 30 minutes, 1, 2, 6, 12, 24 hours that keeps a series within {@value #MAX_POINTS} points): the
 * SLI against the objective, the error budget remaining through each period, each tier's burn rate over its long
 * window against its threshold, and the hours each tier would have been firing in the backtest.
 */
public record StudioCharts(Duration step, Series sli, double objective, Series budget, List<Series> burn,
                           Map<String, Double> thresholds, List<Series> firing, SloProposal assessment) {

    public record Point(long epochMillis, double value) {
    }

    public record Series(String name, List<Point> points) {
    }

    static final int MAX_POINTS = 400;
    private static final int[] STEPS_MINUTES = {5, 15, 30, 60, 120, 360, 720, 1440};

    public static StudioCharts of(History history, Tuning tuning, SloProposal assessment) {
        int n = history.windows();
        long windowMinutes = Math.max(1, history.window().toMinutes());
        int perStep = (int) (STEPS_MINUTES[STEPS_MINUTES.length - 1] / windowMinutes);
        for (int minutes : STEPS_MINUTES) {
            int windows = (int) Math.max(1, minutes / windowMinutes);
            if (n / windows <= MAX_POINTS) {
                perStep = windows;
                break;
            }
        }
        Duration step = history.window().multipliedBy(perStep);
        long[] totalPrefix = new long[n + 1];
        long[] badPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            totalPrefix[i + 1] = totalPrefix[i] + history.total()[i];
            badPrefix[i + 1] = badPrefix[i] + history.bad()[i];
        }
        double budgetRatio = 1 - tuning.objective();
        List<Point> sli = new ArrayList<>();
        for (int end = perStep; end <= n; end += perStep) {
            long total = totalPrefix[end] - totalPrefix[end - perStep];
            if (total > 0) {
                long bad = badPrefix[end] - badPrefix[end - perStep];
                sli.add(new Point(millis(history, end), (double) (total - bad) / total));
            }
        }
        List<Series> burn = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Duration period = Duration.ofDays(tuning.periodDays());
        for (AlertTier tier : tuning.alertTiers()) {
            int longWindows = (int) Math.max(1, tier.longWindow().toSeconds() / history.window().toSeconds());
            List<Point> points = new ArrayList<>();
            for (int end = Math.max(perStep, longWindows); end <= n; end += perStep) {
                long total = totalPrefix[end] - totalPrefix[end - longWindows];
                if (total > 0) {
                    double ratio = (double) (badPrefix[end] - badPrefix[end - longWindows]) / total;
                    points.add(new Point(millis(history, end), ratio / budgetRatio));
                }
            }
            burn.add(new Series(tier.name() + " (" + describe(tier.longWindow()) + " burn rate)", points));
            thresholds.put(tier.name(), tier.factor(period));
        }
        return new StudioCharts(step, new Series("SLI per " + describe(step), sli), tuning.objective(),
                new Series("budget remaining", budget(history, totalPrefix, badPrefix, period, budgetRatio, perStep)),
                burn, thresholds, firing(assessment, step), assessment);
    }

    /** Remaining budget through each period, the budget being the period's expected traffic times (1 - objective). */
    private static List<Point> budget(History history, long[] totalPrefix, long[] badPrefix, Duration period,
                                      double budgetRatio, int perStep) {
        int n = history.windows();
        List<Point> points = new ArrayList<>();
        if (n == 0 || totalPrefix[n] == 0) {
            return points;
        }
        int perPeriod = (int) (period.toSeconds() / history.window().toSeconds());
        double expectedPerPeriod = (double) totalPrefix[n] / n * perPeriod;
        double allowed = expectedPerPeriod * budgetRatio;
        for (int end = perStep; end <= n; end += perStep) {
            int periodStart = ((end - 1) / perPeriod) * perPeriod;
            double spent = badPrefix[end] - badPrefix[periodStart];
            points.add(new Point(millis(history, end), 100 * (1 - spent / allowed)));
        }
        return points;
    }

    /** One point per step each tier would have been firing, at the tier's row (1 = first tier). */
    private static List<Series> firing(SloProposal assessment, Duration step) {
        List<Series> out = new ArrayList<>();
        int row = 0;
        for (Backtest.TierResult tier : assessment.backtest()) {
            row++;
            List<Point> points = new ArrayList<>();
            for (Backtest.Episode e : tier.episodes()) {
                for (long t = e.start().toEpochMilli(); t <= e.end().toEpochMilli(); t += step.toMillis()) {
                    points.add(new Point(t, row));
                }
            }
            out.add(new Series(tier.tier() + ": " + tier.firings() + " alert(s)", points));
        }
        return out;
    }

    private static long millis(History history, int windowEnd) {
        return history.windowStart(windowEnd).toEpochMilli();
    }

    private static String describe(Duration d) {
        return d.toHours() >= 24 && d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toMinutes() >= 60 && d.toMinutes() % 60 == 0
                ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
