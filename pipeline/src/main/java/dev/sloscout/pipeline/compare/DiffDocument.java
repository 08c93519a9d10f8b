package dev.sloscout.pipeline.compare;

import dev.sloscout.engine.artifact.Markdown;
import dev.sloscout.engine.compare.Comparison;
import dev.sloscout.engine.compare.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code slo-scout diff} writes: {@code diff.json} (findings most important first, significant ones before the
 * rest; NaN written as null), a Markdown report that links evidence trace ids, and the human summary.
 */
public record DiffDocument(Side baseline, Side candidate, int compared, int significant, List<FindingJson> findings,
                           Map<String, List<Comparison.Contribution>> explanations, Method method) {

    /** One side: what was read, how many traces and log events it had. */
    public record Side(String label, long traces, long logEvents) {
    }

    /** The JSON of one finding; numbers that do not exist (no interval, untested) are null. */
    public record FindingJson(String kind, String journey, String journeyId, String service, String operation,
                              String metric, String unit, Double before, Double after, Double change,
                              Double relativeChange, List<Double> interval, Double pValue, boolean significant,
                              List<String> evidence) {
    }

    /** How the numbers were made, for whoever reads the JSON alone. */
    public record Method(double alpha, String correction, double minLatencyChange, double minRateChange,
                         double minLogChange) {
    }

    public static DiffDocument of(Diff.Result result) {
        Comparison.Report report = result.report();
        List<FindingJson> findings = report.findings().stream().map(DiffDocument::json).toList();
        return new DiffDocument(new Side(label(result.sides(), true), report.tracesBefore(), report.eventsBefore()),
                new Side(label(result.sides(), false), report.tracesAfter(), report.eventsAfter()),
                findings.size(), (int) findings.stream().filter(FindingJson::significant).count(), findings,
                new TreeMap<>(report.explanations()), new Method(Comparison.ALPHA, "Holm over every test",
                        Comparison.MIN_LATENCY_CHANGE, Comparison.MIN_RATE_CHANGE, Comparison.MIN_LOG_CHANGE));
    }

    static String label(Diff.Sides sides, boolean baseline) {
        if (sides instanceof Diff.FileSides files) {
            return String.join(", ", baseline ? files.baseline() : files.candidate());
        }
        if (sides instanceof Diff.AttributeSides attribute) {
            return String.join(", ", attribute.inputs()) + " where " + attribute.key() + "="
                    + (baseline ? attribute.baseline() : attribute.candidate());
        }
        if (sides instanceof Diff.DemoSides demo) {
            return "demo shop in " + (baseline ? demo.baseline() : demo.candidate());
        }
        Diff.TimeSides windows = (Diff.TimeSides) sides;
        return String.join(", ", windows.inputs()) + " in " + (baseline ? windows.baseline() : windows.candidate());
    }

    private static FindingJson json(Finding f) {
        return new FindingJson(f.kind(), f.journey(), f.journeyId(), f.service(), f.operation(), f.metric(), f.unit(),
                number(f.before()), number(f.after()), number(f.change()), number(f.relativeChange()),
                Double.isNaN(f.low()) ? null : List.of(f.low(), f.high()), number(f.pValue()), f.significant(),
                f.evidence());
    }

    private static Double number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** One line per significant finding (at most {@code top}), then how many were compared. */
    public List<String> summary(int top) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "baseline:  %,d traces, %,d log events (%s)", baseline.traces(),
                baseline.logEvents(), baseline.label()));
        lines.add(String.format(Locale.ROOT, "candidate: %,d traces, %,d log events (%s)", candidate.traces(),
                candidate.logEvents(), candidate.label()));
        lines.add(String.format(Locale.ROOT, "%d significant changes of %d compared (Holm-corrected p < %s)%s",
                significant, compared, plain(method.alpha()), significant == 0 ? ": nothing changed beyond noise"
                        : ":"));
        int n = 0;
        for (FindingJson f : findings) {
            if (!f.significant() || n >= top) {
                break;
            }
            n++;
            lines.add(String.format(Locale.ROOT, "%2d. %s", n, sentence(f)));
            if (!f.evidence().isEmpty()) {
                lines.add("    evidence: " + String.join(" ", f.evidence()));
            }
            List<Comparison.Contribution> why = f.metric().startsWith("latency") ? explanations.get(f.journeyId())
                    : null;
            if (why != null) {
                why.stream().limit(3).forEach(c -> lines.add(String.format(Locale.ROOT,
                        "    %s %s: %.1f -> %.1f ms per trace (%.0f%% of the change)", c.service(), c.operation(),
                        c.beforeMs(), c.afterMs(), 100 * c.share())));
            }
        }
        if (significant > n) {
            lines.add("    ... " + (significant - n) + " more (--top, --json or --out)");
        }
        return lines;
    }

    /** A finding in words: what, where, before -> after, the change with its interval, p. */
    static String sentence(FindingJson f) {
        String where = switch (f.kind()) {
            case "journey" -> "journey " + f.journey();
            case "operation" -> f.service() + " \"" + f.operation() + "\" in " + f.journey();
            case "edge" -> "call " + f.operation() + " in " + f.journey();
            case "capsule" -> "log template of " + f.service() + " \"" + shorten(f.operation()) + "\""
                    + (f.journey().isEmpty() ? "" : " (on " + f.journey() + ")");
            default -> "SLO " + f.operation();
        };
        String what = switch (f.metric()) {
            case "appeared", "vanished" -> f.metric() + " (" + value(f.unit(), f.before()) + " -> "
                    + value(f.unit(), f.after()) + " " + f.unit() + ")";
            default -> f.metric() + " " + value(f.unit(), f.before()) + " -> " + value(f.unit(), f.after()) + " "
                    + f.unit() + change(f);
        };
        return where + ": " + what + (f.pValue() == null ? "" : ", p=" + pValue(f.pValue()));
    }

    private static String change(FindingJson f) {
        StringBuilder out = new StringBuilder(" (");
        if (f.relativeChange() != null) {
            out.append(String.format(Locale.ROOT, "%+.0f%%", 100 * f.relativeChange()));
        } else {
            out.append(value(f.unit(), f.change()));
        }
        if (f.interval() != null) {
            out.append(", 95% CI ").append(signed(f.unit(), f.interval().get(0))).append("..")
                    .append(signed(f.unit(), f.interval().get(1)));
        }
        return out.append(')').toString();
    }

    private static String value(String unit, Double v) {
        if (v == null) {
            return "-";
        }
        return unit.equals("share") || unit.equals("ratio") ? String.format(Locale.ROOT, "%.2f%%", 100 * v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(String unit, double v) {
        return unit.equals("share") || unit.equals("ratio") ? String.format(Locale.ROOT, "%+.2fpp", 100 * v)
                : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** The report: sides, the ranked significant changes with their evidence, then the largest of the rest. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# What changed\n\n");
        md.append("| side | read | traces | log events |\n|---|---|---:|---:|\n");
        for (Side side : List.of(baseline, candidate)) {
            md.append("| ").append(side == baseline ? "baseline" : "candidate").append(" | ")
                    .append(Markdown.text(side.label()).replace("|", "\\|")).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d | %,d |%n", side.traces(), side.logEvents()));
        }
        md.append(String.format(Locale.ROOT, "%n%d significant changes of %d compared.%n%n", significant, compared));
        if (significant > 0) {
            md.append("## Significant changes, most important first\n\n");
            int n = 0;
            for (FindingJson f : findings) {
                if (!f.significant()) {
                    break;
                }
                md.append(++n).append(". ").append(Markdown.text(sentence(f))).append('\n');
                if (!f.evidence().isEmpty()) {
                    md.append("   - evidence traces: ").append(String.join(", ", f.evidence().stream()
                            .map(id -> "`" + id.replaceAll("[^0-9a-fA-F]", "") + "`").toList())).append('\n');
                }
                List<Comparison.Contribution> why = f.metric().startsWith("latency") ? explanations.get(f.journeyId())
                        : null;
                if (why != null) {
                    for (Comparison.Contribution c : why) {
                        md.append(String.format(Locale.ROOT, "   - %s %s: %.1f -> %.1f ms per trace (%.0f%% of the "
                                + "change)%n", Markdown.text(c.service()), Markdown.text(c.operation()), c.beforeMs(),
                                c.afterMs(), 100 * c.share()));
                    }
                }
            }
            md.append('\n');
        }
        List<FindingJson> rest = findings.stream().filter(f -> !f.significant()).limit(10).toList();
        if (!rest.isEmpty()) {
            md.append("## Largest changes that are not significant\n\n");
            rest.forEach(f -> md.append("- ").append(Markdown.text(sentence(f))).append('\n'));
            md.append('\n');
        }
        md.append("## How to read this\n\nEvery journey, operation, call edge, log template and replayed SLO of either "
                + "side was tested: two-proportion tests (Newcombe intervals) for traffic shares, error ratios, "
                + "presence and error sources; Mann-Whitney U for latency and self time, with bootstrap intervals "
                + "on p50/p90/p99; Poisson rates for calls per trace. All p-values are corrected together with "
                + "Holm's method; a change is significant when its corrected p-value is below ")
                .append(method.alpha()).append(" and it is large enough: latency and self time ")
                .append(Math.round(100 * method.minLatencyChange())).append("%, shares and fan-out ")
                .append(Math.round(100 * method.minRateChange())).append("%, log templates ")
                .append(Math.round(100 * method.minLogChange())).append("%. Intervals are 95% and are for the "
                + "change (candidate minus baseline).\n");
        return md.toString();
    }
}
