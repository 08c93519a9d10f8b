package dev.sloscout.app.shell;

import dev.sloscout.pipeline.Pipeline;

import java.util.Locale;

/**
 * One source in the sources list, as shown: what it is, how far it got, what it yielded, and where the times it wrote
 * without a year or a date were placed ({@code times}, empty when none).
 */
public record SourceRow(String name, String kind, String format, String state, double progress, String yield,
                        String times) {

    /** The same source, with where its times without a year or a date were placed. */
    public SourceRow withTimes(String placed) {
        return new SourceRow(name, kind, format, state, progress, yield, placed);
    }

    public static SourceRow of(Pipeline.SourceStatus status) {
        String unit = status.kind().equals("logs") ? "events" : status.kind().equals("traces") ? "spans" : "spans and events";
        String yield = String.format(Locale.ROOT, "%,d %s", status.items(), unit)
                + (status.problems() > 0 ? String.format(Locale.ROOT, ", %,d problems", status.problems()) : "");
        return new SourceRow(status.name(), status.kind(), status.format(), status.state().name().toLowerCase(Locale.ROOT),
                status.fraction(), yield, "");
    }
}
