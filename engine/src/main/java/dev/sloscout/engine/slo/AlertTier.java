package dev.sloscout.engine.slo;

import java.time.Duration;
import java.util.List;

/**
 * One multi-window multi-burn-rate alert tier: it fires when both the long and the short window burn the error
 * budget faster than the factor that spends {@code budgetPercent} of it within the long window.
 */
public record AlertTier(String name, Severity severity, Duration longWindow, Duration shortWindow, double budgetPercent,
                        Duration forDuration) {

    public enum Severity { PAGE, TICKET }

    /**
     * The SRE Workbook tiers: page 2% in 1h (5m), page 5% in 6h (30m), ticket 10% in 1d (2h), ticket 10% in 3d (6h);
     * with Pyrra's {@code for:} durations so a single evaluation blip does not notify.
     */
    public static final List<AlertTier> STANDARD = List.of(
            new AlertTier("page-1h", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2, Duration.ofMinutes(2)),
            new AlertTier("page-6h", Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5, Duration.ofMinutes(15)),
            new AlertTier("ticket-1d", Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 10, Duration.ofHours(1)),
            new AlertTier("ticket-3d", Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10, Duration.ofHours(3)));

    public AlertTier {
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("tier " + name + ": the short window must be shorter than the long one");
        }
        if (forDuration == null || forDuration.isNegative() || forDuration.compareTo(shortWindow) > 0) {
            throw new IllegalArgumentException("tier " + name + ": 'for' must be between zero and the short window");
        }
        if (!(budgetPercent > 0 && budgetPercent <= 100)) {
            throw new IllegalArgumentException("tier " + name + ": budget percent must be in (0, 100]");
        }
    }

    /** The shortest short window a scaled tier gets: {@code rate()} over less sees too few scrapes. */
    public static final Duration MIN_SHORT_WINDOW = Duration.ofMinutes(5);

    /**
     * This tier over a period: for 28 and 30 days the tier as it is (Sloth's default windows, the factors following
     * the period: 13.44 at 28 days); for any other period the windows scaled by period / 30 days, so the tier still
     * spends the same share of the budget in its long window at the workbook's factor (14.4, 6, 3, 1): over 7 days the
     * 2% tier watches 14 minutes, over 90 days 3 hours. Short windows are at least {@link #MIN_SHORT_WINDOW}, and
     * {@code for:} scales too, up to the short window. Unscaled, 7 days would give ticket factors of 0.7 and 0.23:
     * alerts on burns that would not spend the budget within the period.
     */
    public AlertTier forPeriod(Duration period) {
        long days = period.toDays();
        if (days == 28 || days == 30) {
            return this;
        }
        double scale = (double) period.toSeconds() / Duration.ofDays(30).toSeconds();
        Duration scaledLong = minutes(longWindow, scale, Duration.ofMinutes(2));
        Duration scaledShort = minutes(shortWindow, scale, MIN_SHORT_WINDOW);
        if (scaledShort.compareTo(scaledLong) >= 0) {
            scaledShort = scaledLong.dividedBy(2);
        }
        Duration scaledFor = minutes(forDuration, scale, forDuration.isZero() ? Duration.ZERO : Duration.ofMinutes(1));
        if (scaledFor.compareTo(scaledShort) > 0) {
            scaledFor = scaledShort;
        }
        return new AlertTier(name, severity, scaledLong, scaledShort, budgetPercent, scaledFor);
    }

    private static Duration minutes(Duration window, double scale, Duration least) {
        Duration scaled = Duration.ofMinutes(Math.round(window.toMinutes() * scale));
        return scaled.compareTo(least) < 0 ? least : scaled;
    }

    /** The burn-rate factor for a period: (X% of the period) / long window; 14.4 for 2% in 1h of 30 days. */
    public double factor(Duration period) {
        return SloMath.factor(budgetPercent, period, longWindow);
    }

    /** The error-ratio threshold both windows must exceed: factor times the error budget. */
    public double errorRatioThreshold(Duration period, Objective objective) {
        return SloMath.round(factor(period) * objective.errorBudget());
    }

    /** Whether the tier can fire at all: a threshold at or above 1 needs more than every request to fail. */
    public boolean canFire(Duration period, Objective objective) {
        return errorRatioThreshold(period, objective) < 1;
    }
}
