package dev.sloscout.pipeline.compare;

import dev.sloscout.engine.compare.Comparison;
import dev.sloscout.engine.compare.LogSide;
import dev.sloscout.engine.compare.Population;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Compares two sides with the engine's own analysis: each side is read by the pipeline (the same decoders,
 * journeys and capsules as {@code analyze}) with a {@link Population} measuring it, then {@link Comparison} says
 * what changed. Sides are two sets of files, or two time windows of one set (traces by their start, log events by
 * their capsules' time buckets).
 */
public final class Diff {
    private Diff() {
    }

    /** How the two sides are chosen. */
    public sealed interface Sides permits FileSides, TimeSides, DemoSides, AttributeSides {
    }

    /**
     * One set of files cut by a resource attribute ({@code service.version=1.4.2} against {@code 1.4.3}): a trace is
     * the candidate's when one of its spans carries the candidate's value, else the baseline's when one carries the
     * baseline's; other traces are on neither side. Log templates are not compared (log records read here carry no
     * resource version).
     */
    public record AttributeSides(List<String> inputs, String key, String baseline, String candidate)
            implements Sides {
        public AttributeSides {
            if (key == null || dev.sloscout.engine.model.Resource.UNKNOWN.attribute(key) == null) {
                throw new IllegalArgumentException("'" + key + "' is not a resource attribute the decoders keep: use "
                        + "service.version, service.namespace, service.instance.id or service.name");
            }
        }

        boolean isCandidate(Trace trace) {
            return carries(trace, candidate);
        }

        boolean isBaseline(Trace trace) {
            return !carries(trace, candidate) && carries(trace, baseline);
        }

        private boolean carries(Trace trace, String value) {
            for (Span span : trace.spans()) {
                if (value.equals(span.resource().attribute(key))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The bundled demo shop (as {@code analyze --demo}) cut into two time windows. */
    public record DemoSides(double scale, Window baseline, Window candidate) implements Sides {
    }

    /** Baseline and candidate are different files or folders. */
    public record FileSides(List<String> baseline, List<String> candidate) implements Sides {
    }

    /** One set of files cut into two time windows. */
    public record TimeSides(List<String> inputs, Window baseline, Window candidate) implements Sides {
    }

    /** [from, to); either end open when null. */
    public record Window(Instant from, Instant to) {
        boolean contains(long epochMillis) {
            return (from == null || epochMillis >= from.toEpochMilli()) && (to == null || epochMillis < to.toEpochMilli());
        }

        @Override
        public String toString() {
            return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
        }
    }

    /**
     * The comparison, the analyses it was made from (the same one twice for time windows) and the two populations
     * (for representative traces).
     */
    public record Result(Sides sides, Analysis baseline, Analysis candidate, Population before, Population after,
                         Comparison.Report report) {
        /** Every problem either side's reading had, each once. */
        public List<dev.sloscout.engine.model.Problem> problems() {
            List<dev.sloscout.engine.model.Problem> all = new ArrayList<>(baseline.problems());
            if (candidate != baseline) {
                all.addAll(candidate.problems());
            }
            return all;
        }
    }

    public static Result run(Sides sides, PipelineOptions options, BooleanSupplier cancelled,
            Pipeline.Listener listener) {
        if (sides instanceof FileSides files) {
            AtomicReference<Population> before = new AtomicReference<>();
            AtomicReference<Population> after = new AtomicReference<>();
            Analysis baseline = read(options, cancelled, listener, files.baseline(), before, trace -> true);
            Analysis candidate = read(options, cancelled, listener, files.candidate(), after, trace -> true);
            Comparison.Report report = Comparison.compare(before.get(), after.get(), LogSide.of(baseline.capsules()),
                    LogSide.of(candidate.capsules()), names(baseline, candidate), targets(baseline));
            return new Result(sides, baseline, candidate, before.get(), after.get(), report);
        }
        if (sides instanceof AttributeSides attribute) {
            AtomicReference<Population> before = new AtomicReference<>();
            AtomicReference<Population> after = new AtomicReference<>();
            Analysis analysis = new Pipeline(options, cancelled, listener)
                    .observing(discovery -> {
                        before.set(new Population(discovery, attribute::isBaseline));
                        return before.get();
                    })
                    .observing(discovery -> {
                        after.set(new Population(discovery, attribute::isCandidate));
                        return after.get();
                    }).read(attribute.inputs(), InputStream.nullInputStream());
            Comparison.Report report = Comparison.compare(before.get(), after.get(), LogSide.empty(),
                    LogSide.empty(), names(analysis, analysis), targets(analysis));
            return new Result(sides, analysis, analysis, before.get(), after.get(), report);
        }
        Window first = sides instanceof TimeSides t ? t.baseline() : ((DemoSides) sides).baseline();
        Window second = sides instanceof TimeSides t ? t.candidate() : ((DemoSides) sides).candidate();
        AtomicReference<Population> before = new AtomicReference<>();
        AtomicReference<Population> after = new AtomicReference<>();
        Pipeline pipeline = new Pipeline(options, cancelled, listener)
                .observing(discovery -> {
                    before.set(new Population(discovery, trace -> first.contains(startMillis(trace))));
                    return before.get();
                })
                .observing(discovery -> {
                    after.set(new Population(discovery, trace -> second.contains(startMillis(trace))));
                    return after.get();
                });
        Analysis analysis = sides instanceof TimeSides t ? pipeline.read(t.inputs(), InputStream.nullInputStream())
                : pipeline.demo(((DemoSides) sides).scale());
        Comparison.Report report = Comparison.compare(before.get(), after.get(),
                LogSide.of(analysis.capsules(), first::contains), LogSide.of(analysis.capsules(), second::contains),
                names(analysis, analysis), targets(analysis));
        return new Result(sides, analysis, analysis, before.get(), after.get(), report);
    }

    private static Analysis read(PipelineOptions options, BooleanSupplier cancelled, Pipeline.Listener listener,
            List<String> inputs, AtomicReference<Population> population, Predicate<Trace> side) {
        return new Pipeline(options, cancelled, listener).observing(discovery -> {
            population.set(new Population(discovery, side));
            return population.get();
        }).read(inputs, InputStream.nullInputStream());
    }

    /** When a trace started: its earliest span. */
    public static long startMillis(Trace trace) {
        long start = Long.MAX_VALUE;
        for (Span span : trace.spans()) {
            start = Math.min(start, span.startEpochNanos());
        }
        return start / 1_000_000;
    }

    private static Comparison.Names names(Analysis baseline, Analysis candidate) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> services = new HashMap<>();
        for (Analysis analysis : List.of(candidate, baseline)) {
            for (Journey j : analysis.journeys()) {
                names.put(j.id(), j.name());
                services.put(j.id(), j.entry().service());
            }
        }
        return new Comparison.Names(names, services);
    }

    /** The baseline's balanced SLOs, replayed on both sides. */
    private static List<Comparison.SloTarget> targets(Analysis baseline) {
        List<Comparison.SloTarget> targets = new ArrayList<>();
        for (SliCandidate candidate : baseline.candidates()) {
            if (candidate.kind() == SliCandidate.Kind.DEPENDENCY_AVAILABILITY) {
                continue;
            }
            candidate.proposals().stream().filter(p -> p.variant() == SloProposal.Variant.BALANCED).findFirst()
                    .ifPresent(p -> targets.add(new Comparison.SloTarget(candidate.journeyId(), candidate.name()
                            + " " + p.objectivePercent(), p.objective(),
                            candidate.kind() == SliCandidate.Kind.LATENCY ? p.thresholdMs() : null)));
        }
        return targets;
    }
}
