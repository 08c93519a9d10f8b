package dev.sloscout.engine.artifact;

import java.util.Locale;

/**
 * How the SLI over the whole period ({@code slo:sli_error:ratio_rate<period>}) is recorded. {@link #SLOTH}: Sloth's
 * definition, the mean of the 5-minute error ratios over the period, named with Prometheus' duration ({@code 4w} for
 * 28 days). {@link #EVENTS}: the request-weighted ratio (errors over requests in the whole period), from the
 * 5-minute error and request rates recorded as pieces, so no evaluation reads the raw counters over the period. The two
 * agree under steady traffic; under uneven traffic the mean of ratios gives a quiet hour's errors as much weight as a
 * busy hour's.
 */
public enum PeriodSli {
    SLOTH, EVENTS;

    public static PeriodSli parse(String text) {
        for (PeriodSli p : values()) {
            if (p.label().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown period SLI '" + text + "'; the choices are sloth and events");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
