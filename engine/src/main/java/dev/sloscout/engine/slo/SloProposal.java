package dev.sloscout.engine.slo;

import java.util.List;

/**
 * One proposed SLO for an SLI: objective, period and (for latency) threshold, with what it would have meant in the
 * observed history.
 *
 * @param burnRateInHistory   the observed error ratio over this objective's budget: 1 spends exactly the budget
 * @param budgetSpentInHistory the share of one period's budget the observed history consumed
 * @param windowsMet          the share of 5-minute windows with traffic whose SLI met the objective
 */
public record SloProposal(
        Variant variant,
        double objective,
        String objectivePercent,
        int periodDays,
        Double thresholdMs,
        double burnRateInHistory,
        double budgetSpentInHistory,
        double windowsMet,
        List<Backtest.TierResult> backtest,
        List<String> reasons) {

    public enum Variant { CONSERVATIVE, BALANCED, AGGRESSIVE }
}
