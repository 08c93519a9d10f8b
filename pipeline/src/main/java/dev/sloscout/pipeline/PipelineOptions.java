package dev.sloscout.pipeline;

import dev.sloscout.engine.artifact.ExportSettings;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.TemplateMiner;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.trace.AssemblySettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an analysis and its bundle depend on, one object for every front end (the CLI builds it from its flags,
 * the workbench from its settings and command line, a live session, a server or a stream job from theirs), so the same
 * inputs and options give the same analysis whoever runs it.
 *
 * @param profiles     the metrics naming profiles every SLI candidate gets PromQL for
 * @param export       how the bundle is written, including the one profile its rules, tests and dashboards use
 * @param maxOpenSpans spans held while their traces are assembled (memory bound)
 * @param clock        where the present comes from (wall-clock reads only through it)
 * @param maxJourneys    journeys told apart (traces of further ones are counted, not analysed)
 * @param maxLogServices log services mined apart (events of further ones are mined together)
 * @param maxTemplates   templates kept apart per log service (further messages are counted together)
 * @param threads        threads the analysis may use (decoding, decompression, log mining); the result is the same
 *                       whatever the number
 */
public record PipelineOptions(List<MetricsProfile> profiles, ExportSettings export, int maxOpenSpans, Clock clock,
                              int maxJourneys, int maxLogServices, int maxTemplates, int threads) {
    public PipelineOptions {
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(clock, "clock");
        if (maxOpenSpans < 1) {
            throw new IllegalArgumentException("maxOpenSpans must be positive, got " + maxOpenSpans);
        }
        if (maxJourneys < 1) {
            throw new IllegalArgumentException("maxJourneys must be positive, got " + maxJourneys);
        }
        if (maxLogServices < 1) {
            throw new IllegalArgumentException("maxLogServices must be positive, got " + maxLogServices);
        }
        if (maxTemplates < 1) {
            throw new IllegalArgumentException("maxTemplates must be positive, got " + maxTemplates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    /** The built-in profiles, the standard export (spanmetrics rules), the default assembly bound, the system clock. */
    public static PipelineOptions defaults() {
        return new PipelineOptions(MetricsProfile.DEFAULTS, ExportSettings.DEFAULTS,
                AssemblySettings.DEFAULTS.maxOpenSpans(), Clock.systemUTC(), JourneyDiscovery.DEFAULT_MAX_JOURNEYS,
                CapsuleAccumulator.DEFAULT_MAX_SERVICES, TemplateMiner.DEFAULT_MAX_TEMPLATES,
                Runtime.getRuntime().availableProcessors());
    }

    public PipelineOptions withProfiles(List<MetricsProfile> newProfiles) {
        return new PipelineOptions(newProfiles, export, maxOpenSpans, clock, maxJourneys, maxLogServices, maxTemplates, threads);
    }

    public PipelineOptions withExport(ExportSettings newExport) {
        return new PipelineOptions(profiles, newExport, maxOpenSpans, clock, maxJourneys, maxLogServices, maxTemplates, threads);
    }

    public PipelineOptions withMaxOpenSpans(int newMaxOpenSpans) {
        return new PipelineOptions(profiles, export, newMaxOpenSpans, clock, maxJourneys, maxLogServices, maxTemplates, threads);
    }

    public PipelineOptions withClock(Clock newClock) {
        return new PipelineOptions(profiles, export, maxOpenSpans, newClock, maxJourneys, maxLogServices, maxTemplates, threads);
    }

    /** At most this many log services are mined apart; events of further ones are mined together, counted. */
    public PipelineOptions withMaxLogServices(int newMaxLogServices) {
        return new PipelineOptions(profiles, export, maxOpenSpans, clock, maxJourneys, newMaxLogServices, maxTemplates, threads);
    }

    /** At most this many journeys are told apart; traces of further ones are counted as a problem. */
    public PipelineOptions withMaxJourneys(int newMaxJourneys) {
        return new PipelineOptions(profiles, export, maxOpenSpans, clock, newMaxJourneys, maxLogServices, maxTemplates, threads);
    }

    /** At most this many templates per log service are kept apart; further messages are counted together. */
    public PipelineOptions withMaxTemplates(int newMaxTemplates) {
        return new PipelineOptions(profiles, export, maxOpenSpans, clock, maxJourneys, maxLogServices, newMaxTemplates, threads);
    }

    /** The analysis uses up to this many threads; its result does not depend on the number. */
    public PipelineOptions withThreads(int newThreads) {
        return new PipelineOptions(profiles, export, maxOpenSpans, clock, maxJourneys, maxLogServices, maxTemplates,
                newThreads);
    }

    /**
     * The built-in profiles with the user's mapping read from {@code file} in place of the example custom one.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it, one problem per line
     */
    public PipelineOptions withCustomProfile(Path file) {
        MetricsProfile custom;
        try {
            custom = Json.MAPPER.readValue(file.toFile(), MetricsProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the metrics profile: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        List<String> problems = custom.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems.stream().map(p -> file + ": " + p).toList()));
        }
        List<MetricsProfile> replaced = new ArrayList<>();
        for (MetricsProfile p : MetricsProfile.DEFAULTS) {
            replaced.add(p.name().equals(MetricsProfile.CUSTOM.name()) ? custom : p);
        }
        MetricsProfile rules = export.profile().name().equals(MetricsProfile.CUSTOM.name()) ? custom : export.profile();
        return new PipelineOptions(replaced, export.withProfile(rules), maxOpenSpans, clock, maxJourneys, maxLogServices, maxTemplates, threads);
    }

    /**
     * The profile the bundle's rules are written for, chosen by name among {@link #profiles()} (spanmetrics,
     * otel-http, custom, or a user profile's own name).
     *
     * @throws IllegalArgumentException listing the names there are
     */
    public PipelineOptions withRulesProfile(String name) {
        for (MetricsProfile p : profiles) {
            if (p.name().equals(name)) {
                return withExport(export.withProfile(p));
            }
        }
        if (name.equals(MetricsProfile.CUSTOM.name())) { // the user's mapping, whatever name it gave itself
            for (MetricsProfile p : profiles) {
                if (p != MetricsProfile.SPANMETRICS && p != MetricsProfile.OTEL_HTTP) {
                    return withExport(export.withProfile(p));
                }
            }
        }
        throw new IllegalArgumentException("unknown rules profile '" + name + "'; the profiles are "
                + profiles.stream().map(MetricsProfile::name).toList());
    }
}
