package dev.sloscout.engine.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * What changed between a baseline and a candidate population: every journey, operation, call edge and log template
 * of either side is tested with the test that suits its measure (two proportions for shares and error ratios,
 * Mann-Whitney for latency and self time with bootstrap intervals on the percentiles, Poisson rates for fan-out),
 * all p-values are corrected together with Holm's method, and a change is significant when its corrected p-value is
 * below {@link #ALPHA} and it is large enough to matter ({@link #MIN_LATENCY_CHANGE}, {@link #MIN_RATE_CHANGE},
 * {@link #MIN_LOG_CHANGE}). Inside each journey whose latency changed, the operations whose self time moved are
 * ranked by their share of the change.
 */
public final class Comparison {
    public static final double ALPHA = 0.05;
    /** Latency and self time: the smallest relative change flagged. */
    public static final double MIN_LATENCY_CHANGE = 0.05;
    /** Traffic share and calls per trace: the smallest relative change flagged. */
    public static final double MIN_RATE_CHANGE = 0.10;
    /** Log template share: logs come in bursts, so only a change by half or more is flagged. */
    public static final double MIN_LOG_CHANGE = 0.5;
    static final int BOOTSTRAP = 300;
    private static final double APPEARED = 5;

    /** An SLO of the baseline to replay on both sides: availability (thresholdMs null) or latency. */
    public record SloTarget(String journeyId, String name, double objective, Double thresholdMs) {
    }

    /** Names of the journeys (id to name and entry service), from the analyses of both sides. */
    public record Names(Map<String, String> journeys, Map<String, String> services) {
        String journey(String id) {
            return journeys.getOrDefault(id, id);
        }

        String service(String id) {
            return services.getOrDefault(id, "");
        }
    }

    /** One operation's part in a journey's latency change. */
    public record Contribution(String service, String operation, double beforeMs, double afterMs, double share) {
    }

    /**
     * The comparison: findings ranked (significant first, then by importance), and per journey whose latency changed
     * significantly the operations that explain it.
     */
    public record Report(long tracesBefore, long tracesAfter, long eventsBefore, long eventsAfter,
                         List<Finding> findings, Map<String, List<Contribution>> explanations) {
        public List<Finding> significant() {
            return findings.stream().filter(Finding::significant).toList();
        }
    }

    /** A finding before correction: its raw p-value and the gate its effect must pass. */
    private static final class Pending {
        final Finding draft;
        final int test;
        final boolean effectLargeEnough;

        Pending(Finding draft, int test, boolean effectLargeEnough) {
            this.draft = draft;
            this.test = test;
            this.effectLargeEnough = effectLargeEnough;
        }
    }

    private final Population before;
    private final Population after;
    private final LogSide logsBefore;
    private final LogSide logsAfter;
    private final Names names;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Double> pValues = new ArrayList<>();

    private Comparison(Population before, Population after, LogSide logsBefore, LogSide logsAfter, Names names) {
        this.before = before;
        this.after = after;
        this.logsBefore = logsBefore;
        this.logsAfter = logsAfter;
        this.names = names;
    }

    public static Report compare(Population before, Population after, LogSide logsBefore, LogSide logsAfter,
            Names names, List<SloTarget> slos) {
        return new Comparison(before, after, logsBefore, logsAfter, names).run(slos);
    }

    private Report run(List<SloTarget> slos) {
        TreeSet<String> ids = new TreeSet<>(before.journeys().keySet());
        ids.addAll(after.journeys().keySet());
        Map<String, List<Contribution>> explanations = new java.util.TreeMap<>();
        for (String id : ids) {
            journey(id, explanations);
        }
        for (SloTarget slo : slos) {
            slo(slo);
        }
        capsules();
        double[] adjusted = Stats.holm(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        List<Finding> findings = new ArrayList<>();
        for (Pending p : pending) {
            Finding d = p.draft;
            double pValue = p.test < 0 ? Double.NaN : adjusted[p.test];
            boolean significant = !Double.isNaN(pValue) && pValue < ALPHA && p.effectLargeEnough;
            findings.add(new Finding(d.kind(), d.journeyId(), d.journey(), d.service(), d.operation(), d.metric(),
                    d.unit(), d.before(), d.after(), d.change(), d.low(), d.high(), pValue, significant,
                    d.importance(), d.evidence()));
        }
        findings.sort(Comparator.comparing(Finding::significant).reversed()
                .thenComparing(Comparator.comparingDouble(Finding::importance).reversed())
                .thenComparingDouble(f -> Double.isNaN(f.pValue()) ? 2 : f.pValue())
                .thenComparing(Finding::kind).thenComparing(Finding::journey).thenComparing(Finding::service)
                .thenComparing(Finding::operation).thenComparing(Finding::metric));
        explanations.keySet().removeIf(id -> findings.stream().noneMatch(f -> f.significant()
                && f.journeyId().equals(id) && f.metric().startsWith("latency")));
        return new Report(before.traces(), after.traces(), logsBefore.events(), logsAfter.events(),
                List.copyOf(findings), Map.copyOf(explanations));
    }

    private int test(double pValue) {
        pValues.add(pValue);
        return pValues.size() - 1;
    }

    private void add(Finding draft, double pValue, boolean gate) {
        pending.add(new Pending(draft, Double.isNaN(pValue) ? -1 : test(pValue), gate));
    }

    private void journey(String id, Map<String, List<Contribution>> explanations) {
        Population.JourneyStats a = before.journeys().get(id);
        Population.JourneyStats b = after.journeys().get(id);
        long n1 = before.traces();
        long n2 = after.traces();
        long x1 = a == null ? 0 : a.traces;
        long x2 = b == null ? 0 : b.traces;
        double s1 = share(x1, n1);
        double s2 = share(x2, n2);
        double weight = Math.sqrt(Math.max(s1, s2));
        String name = names.journey(id);
        String service = names.service(id);
        List<String> evidence = evidence(b == null ? List.of() : b.sampleTraces, a == null ? List.of() : a.sampleTraces);
        Stats.Test traffic = Stats.twoProportion(x1, n1, x2, n2);
        if (a == null || b == null) {
            add(finding("journey", id, name, service, "", a == null ? "appeared" : "vanished", "share", s1, s2,
                    traffic, APPEARED * weight, evidence), traffic.pValue(), true);
            return;
        }
        add(finding("journey", id, name, service, "", "traffic share", "share", s1, s2, traffic,
                logRatio(s1, s2) * weight, evidence), traffic.pValue(), relative(s1, s2) >= MIN_RATE_CHANGE);
        Stats.Test errors = Stats.twoProportion(a.errors, x1, b.errors, x2);
        double e1 = share(a.errors, x1);
        double e2 = share(b.errors, x2);
        add(finding("journey", id, name, service, "", "error ratio", "ratio", e1, e2, errors,
                logRatio(e1 + 0.5 / x1, e2 + 0.5 / x2) * weight, evidence(b.errorTraces, a.errorTraces)),
                errors.pValue(), e1 != e2);
        double[] la = a.latencyMs.sorted();
        double[] lb = b.latencyMs.sorted();
        Stats.Test shift = Stats.mannWhitney(la, lb);
        int latencyTest = Double.isNaN(shift.pValue()) ? -1 : test(shift.pValue());
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double q1 = Stats.quantileOfSorted(la, q);
            double q2 = Stats.quantileOfSorted(lb, q);
            double[] ci = Stats.bootstrapQuantileDifference(la, lb, q, BOOTSTRAP, (id + q).hashCode());
            boolean excludesZero = ci[0] > 0 || ci[1] < 0;
            pending.add(new Pending(new Finding("journey", id, name, service, "", "latency p" + percentile(q), "ms",
                    q1, q2, q2 - q1, ci[0], ci[1], Double.NaN, false, logRatio(q1, q2) * weight, evidence),
                    latencyTest, excludesZero && relative(q1, q2) >= MIN_LATENCY_CHANGE));
        }
        operations(id, name, a, b, weight, Stats.mean(lb) - Stats.mean(la), explanations);
        edges(id, name, a, b, weight);
    }

    /** @param latencyChange the change of the journey's mean latency, which the operations' self times explain */
    private void operations(String id, String name, Population.JourneyStats a, Population.JourneyStats b,
            double weight, double latencyChange, Map<String, List<Contribution>> explanations) {
        TreeSet<String> keys = new TreeSet<>(a.operations.keySet());
        keys.addAll(b.operations.keySet());
        List<Contribution> contributions = new ArrayList<>();
        for (String key : keys) {
            Population.OperationStats oa = a.operations.get(key);
            Population.OperationStats ob = b.operations.get(key);
            Population.OperationStats known = ob != null ? ob : oa;
            long t1 = oa == null ? 0 : oa.traces;
            long t2 = ob == null ? 0 : ob.traces;
            double presence = Math.max(share(t1, a.traces), share(t2, b.traces));
            double w = weight * Math.sqrt(presence);
            List<String> evidence = evidence(ob == null ? List.of() : ob.evidence, oa == null ? List.of() : oa.evidence);
            if (oa == null || ob == null) {
                Stats.Test presenceTest = Stats.twoProportion(t1, a.traces, t2, b.traces);
                add(finding("operation", id, name, known.service, known.operation, oa == null ? "appeared"
                        : "vanished", "traces with it", share(t1, a.traces), share(t2, b.traces), presenceTest,
                        APPEARED * w, evidence), presenceTest.pValue(), true);
                continue;
            }
            double[] sa = oa.selfMs.sorted();
            double[] sb = ob.selfMs.sorted();
            double m1 = Stats.mean(sa);
            double m2 = Stats.mean(sb);
            Stats.Test self = Stats.mannWhitney(sa, sb);
            add(finding("operation", id, name, known.service, known.operation, "self time", "ms", m1, m2, self,
                    logRatio(m1, m2) * w, evidence), self.pValue(), relative(m1, m2) >= MIN_LATENCY_CHANGE
                    && (self.low() > 0 || self.high() < 0));
            double perTrace1 = m1 * t1 / a.traces;
            double perTrace2 = m2 * t2 / b.traces;
            if (latencyChange != 0 && Math.abs(perTrace2 - perTrace1) > 0) {
                contributions.add(new Contribution(known.service, known.operation, perTrace1, perTrace2,
                        (perTrace2 - perTrace1) / latencyChange));
            }
            double c1 = (double) oa.spans / t1;
            double c2 = (double) ob.spans / t2;
            Stats.Test fanOut = Stats.rates(oa.spans, t1, ob.spans, t2);
            add(finding("operation", id, name, known.service, known.operation, "calls per trace", "calls", c1, c2,
                    fanOut, logRatio(c1, c2) * w, evidence), fanOut.pValue(), relative(c1, c2) >= MIN_RATE_CHANGE);
            double f1 = share(oa.tracesFailing, t1);
            double f2 = share(ob.tracesFailing, t2);
            Stats.Test failing = Stats.twoProportion(oa.tracesFailing, t1, ob.tracesFailing, t2);
            add(finding("operation", id, name, known.service, known.operation, "error source share", "ratio", f1, f2,
                    failing, logRatio(f1 + 0.5 / t1, f2 + 0.5 / t2) * w, evidence(ob.failingEvidence,
                            oa.failingEvidence)), failing.pValue(), f1 != f2);
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.afterMs() - c.beforeMs()))
                .thenComparing(Contribution::service).thenComparing(Contribution::operation));
        explanations.put(id, List.copyOf(contributions.subList(0, Math.min(5, contributions.size()))));
    }

    private void edges(String id, String name, Population.JourneyStats a, Population.JourneyStats b, double weight) {
        TreeSet<String> keys = new TreeSet<>(a.edges.keySet());
        keys.addAll(b.edges.keySet());
        for (String key : keys) {
            Population.EdgeStats ea = a.edges.get(key);
            Population.EdgeStats eb = b.edges.get(key);
            long t1 = ea == null ? 0 : ea.traces;
            long t2 = eb == null ? 0 : eb.traces;
            double p1 = share(t1, a.traces);
            double p2 = share(t2, b.traces);
            Stats.Test test = Stats.twoProportion(t1, a.traces, t2, b.traces);
            String metric = ea == null ? "appeared" : eb == null ? "vanished" : "traces with the call";
            double importance = (ea == null || eb == null ? APPEARED : logRatio(p1, p2))
                    * weight * Math.sqrt(Math.max(p1, p2));
            String from = key.substring(0, key.indexOf(" -> "));
            add(finding("edge", id, name, from, key, metric, "share", p1, p2, test, importance,
                    evidence(eb == null ? List.of() : eb.evidence, ea == null ? List.of() : ea.evidence)),
                    test.pValue(), ea == null || eb == null || relative(p1, p2) >= MIN_RATE_CHANGE);
        }
    }

    private void slo(SloTarget slo) {
        Population.JourneyStats a = before.journeys().get(slo.journeyId());
        Population.JourneyStats b = after.journeys().get(slo.journeyId());
        if (a == null || b == null || slo.objective() >= 1) {
            return;
        }
        double budget = 1 - slo.objective();
        long bad1;
        long n1;
        long bad2;
        long n2;
        if (slo.thresholdMs() == null) {
            bad1 = a.errors;
            n1 = a.traces;
            bad2 = b.errors;
            n2 = b.traces;
        } else {
            double[] la = a.latencyMs.sorted();
            double[] lb = b.latencyMs.sorted();
            bad1 = count(la, v -> v > slo.thresholdMs() ? 1 : 0);
            n1 = la.length;
            bad2 = count(lb, v -> v > slo.thresholdMs() ? 1 : 0);
            n2 = lb.length;
        }
        Stats.Test test = Stats.twoProportion(bad1, n1, bad2, n2);
        double burn1 = share(bad1, n1) / budget;
        double burn2 = share(bad2, n2) / budget;
        double weight = Math.sqrt(Math.max(share(a.traces, before.traces()), share(b.traces, after.traces())));
        add(new Finding("slo", slo.journeyId(), names.journey(slo.journeyId()), names.service(slo.journeyId()),
                        slo.name(), "error budget burn", "x budget", burn1, burn2, burn2 - burn1, test.low() / budget,
                        test.high() / budget, Double.NaN, false, 0.9 * logRatio(burn1 + 0.01, burn2 + 0.01) * weight,
                        evidence(b.errorTraces, a.errorTraces)), test.pValue(),
                relative(burn1, burn2) >= MIN_RATE_CHANGE);
    }

    private void capsules() {
        TreeSet<String> ids = new TreeSet<>(logsBefore.capsules().keySet());
        ids.addAll(logsAfter.capsules().keySet());
        long n1 = logsBefore.events();
        long n2 = logsAfter.events();
        for (String id : ids) {
            LogSide.Template a = logsBefore.capsules().get(id);
            LogSide.Template b = logsAfter.capsules().get(id);
            LogSide.Template known = b != null ? b : a;
            long x1 = a == null ? 0 : a.events();
            long x2 = b == null ? 0 : b.events();
            double p1 = share(x1, n1);
            double p2 = share(x2, n2);
            Stats.Test test = Stats.twoProportion(x1, n1, x2, n2);
            String metric = a == null ? "appeared" : b == null ? "vanished" : "event share";
            double weight = Math.sqrt(Math.max(p1, p2));
            List<String> journeys = known.journeys();
            String journey = journeys.isEmpty() ? "" : names.journey(journeys.get(0));
            add(new Finding("capsule", journeys.isEmpty() ? "" : journeys.get(0), journey, known.service(),
                            known.template(), metric, "share", p1, p2, p2 - p1, test.low(), test.high(), Double.NaN,
                            false, (a == null || b == null ? APPEARED : logRatio(p1, p2)) * weight,
                            evidence(b == null ? List.of() : b.traceIds(), a == null ? List.of() : a.traceIds())),
                    test.pValue(), a == null || b == null || relative(p1, p2) >= MIN_LOG_CHANGE);
        }
    }

    private static Finding finding(String kind, String id, String journey, String service, String operation,
            String metric, String unit, double before, double after, Stats.Test test, double importance,
            List<String> evidence) {
        return new Finding(kind, id, journey, service, operation, metric, unit, before, after, after - before,
                test.low(), test.high(), Double.NaN, false, importance, evidence);
    }

    private static List<String> evidence(List<String> after, List<String> before) {
        List<String> out = new ArrayList<>(after);
        before.stream().filter(t -> !out.contains(t)).forEach(out::add);
        return out;
    }

    private static long count(double[] values, ToDoubleFunction<Double> one) {
        long n = 0;
        for (double v : values) {
            n += (long) one.applyAsDouble(v);
        }
        return n;
    }

    private static String percentile(double q) {
        return q == 0.5 ? "50" : q == 0.9 ? "90" : "99";
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** |after / before - 1|; infinite from nothing. */
    private static double relative(double before, double after) {
        return before == 0 ? (after == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(after / before - 1);
    }

    /** |ln(after / before)|, capped at the weight of an appearance. */
    private static double logRatio(double before, double after) {
        if (before <= 0 || after <= 0) {
            return before == after ? 0 : APPEARED;
        }
        return Math.min(APPEARED, Math.abs(Math.log(after / before)));
    }
}
