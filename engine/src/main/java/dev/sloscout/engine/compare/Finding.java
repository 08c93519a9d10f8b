package dev.sloscout.engine.compare;

import java.util.List;

/**
 * One thing that differs between the two sides, with its size and how sure we are.
 *
 * @param kind      journey, operation, edge, capsule or slo
 * @param journey   the journey's name (empty for a capsule no journey links to)
 * @param service   the service it is about (the journey's entry service for journey findings)
 * @param operation the operation (span name), the edge ({@code from -> to}) or the capsule's template
 * @param metric    what was compared: appeared, vanished, traffic share, error ratio, latency p50/p90/p99, self
 *                  time, calls per trace, error source share (traces where the failure started in it), traces with the call, event share, error budget burn
 * @param change    {@code after - before}, in the metric's unit
 * @param low       the 95% interval of the change (NaN when there is none)
 * @param pValue    the test's p-value after Holm's correction over all tests of the comparison; NaN for findings
 *                  that explain another (self time inside a changed journey) rather than being tested alone
 * @param importance how much it matters, for the ranking: the size of the change (log of the ratio, capped) weighted
 *                  by the square root of how much traffic it concerns
 * @param evidence  trace ids that show it: the candidate side's first, then the baseline's
 */
public record Finding(String kind, String journeyId, String journey, String service, String operation, String metric,
                      String unit, double before, double after, double change, double low, double high,
                      double pValue, boolean significant, double importance, List<String> evidence) {
    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** {@code after / before - 1}, or NaN when there was nothing before. */
    public double relativeChange() {
        return before == 0 ? Double.NaN : after / before - 1;
    }
}
