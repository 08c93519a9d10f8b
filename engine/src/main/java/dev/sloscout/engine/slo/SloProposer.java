package dev.sloscout.engine.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proposes objectives from history. Each variant takes the highest objective on the usual ladder that the error
 * ratio would have burned at no more than a set rate: a quarter of the budget (conservative), half (balanced), all of
 * it (aggressive). The error ratio used is the upper end of its 95% Wilson interval, so a small sample does not earn
 * nines it has not shown. The period is 28 days: four whole weeks, so every weekday weighs the same.
 */
public final class SloProposer {
    public static final double[] LADDER = {0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999};
    public static final Duration PERIOD = Duration.ofDays(28);

    private SloProposer() {
    }

    /** The maximum burn rate each variant allows the history. */
    public static double maxBurn(SloProposal.Variant variant) {
        return switch (variant) {
            case CONSERVATIVE -> 0.25;
            case BALANCED -> 0.5;
            case AGGRESSIVE -> 1.0;
        };
    }

    public static SloProposal propose(SloProposal.Variant variant, History history, Double thresholdMs,
                                      List<String> thresholdReasons) {
        double errorRatio = history.errorRatio();
        long total = history.totalEvents();
        double errorRatioUpper = total == 0 ? 1 : 1 - Wilson.interval(total - history.badEvents(), total, Wilson.Z95).low();
        double allowed = maxBurn(variant);
        Objective chosen = null;
        for (double target : LADDER) {
            Objective candidate = new Objective(target);
            if (SloMath.burnRate(errorRatioUpper, candidate) <= allowed) {
                chosen = candidate;
            }
        }
        List<String> reasons = new ArrayList<>(thresholdReasons);
        if (chosen == null) {
            chosen = new Objective(LADDER[0]);
            reasons.add(String.format(Locale.ROOT, "the error ratio (observed %.3f%%, 95%% upper bound %.3f%%) burns more than"
                    + " %s of the budget even at %s: no usual objective is supported by this history", errorRatio * 100,
                    errorRatioUpper * 100, fraction(allowed), chosen.percent()));
        } else {
            reasons.add(String.format(Locale.ROOT, "highest usual objective whose budget the error ratio would have burned at"
                    + " no more than %s, judged on the 95%% upper bound of the error ratio (%.4f%%; observed %.4f%%)",
                    fraction(allowed), errorRatioUpper * 100, errorRatio * 100));
        }
        return assess(variant, history, chosen, PERIOD, thresholdMs, AlertTier.STANDARD, reasons);
    }

    /**
     * What a chosen objective, period and set of alert tiers would have meant over the history: burn rate, budget
     * spent, windows met and a backtest of the tiers. The studio calls this for every tuning step.
     *
     * @param reasons why this objective and threshold were chosen; the history's verdicts are added after them
     */
    public static SloProposal assess(SloProposal.Variant variant, History history, Objective objective, Duration period,
                                     Double thresholdMs, List<AlertTier> tiers, List<String> reasons) {
        List<String> all = new ArrayList<>(reasons);
        double burn = SloMath.burnRate(history.errorRatio(), objective);
        double spent = SloMath.round(burn * history.span().toSeconds() / period.toSeconds());
        double met = windowsMet(history, objective);
        all.add(String.format(Locale.ROOT, "history of %s: %d events, %.1f%% of 5-minute windows with traffic met it,"
                + " it would have used %.1f%% of one period's budget", SloMath.describe(history.span()),
                history.totalEvents(), met * 100, spent * 100));
        List<Backtest.TierResult> backtest = Backtest.run(history, objective, period, tiers);
        long pages = backtest.stream().filter(t -> t.severity() == AlertTier.Severity.PAGE).mapToLong(Backtest.TierResult::firings).sum();
        long tickets = backtest.stream().filter(t -> t.severity() == AlertTier.Severity.TICKET).mapToLong(Backtest.TierResult::firings).sum();
        all.add("replaying the burn-rate alerts over the history: " + pages + " page(s), " + tickets + " ticket(s)");
        return new SloProposal(variant, objective.target(), objective.percent(), (int) period.toDays(), thresholdMs, burn,
                spent, met, backtest, List.copyOf(all));
    }

    /** The share of windows with traffic whose good ratio met the objective. */
    static double windowsMet(History history, Objective objective) {
        int withTraffic = 0;
        int met = 0;
        for (int i = 0; i < history.windows(); i++) {
            long total = history.total()[i];
            if (total > 0) {
                withTraffic++;
                if ((double) (total - history.bad()[i]) / total >= objective.target()) {
                    met++;
                }
            }
        }
        return withTraffic == 0 ? 0 : SloMath.round((double) met / withTraffic);
    }

    private static String fraction(double burn) {
        return burn == 1 ? "all" : burn == 0.5 ? "half" : burn == 0.25 ? "a quarter" : burn * 100 + "%";
    }

}
