package dev.sloscout.engine.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** The budget and burn-rate arithmetic of the SRE Workbook, in one place, without float noise in what it returns. */
public final class SloMath {
    private static final MathContext PRECISION = new MathContext(12);
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private SloMath() {
    }

    /** How fast an observed error ratio spends the budget: 1 spends exactly the budget over the period. */
    public static double burnRate(double errorRatio, Objective objective) {
        return round(errorRatio / objective.errorBudget());
    }

    /** The factor that spends {@code budgetPercent} of the budget of {@code period} within {@code window}. */
    public static double factor(double budgetPercent, Duration period, Duration window) {
        return round(budgetPercent / 100 * period.toSeconds() / window.toSeconds());
    }

    /** How long the budget of a whole period lasts at a burn rate; infinite when nothing burns. */
    public static Duration timeToExhaustion(Duration period, double burnRate) {
        if (burnRate <= 0) {
            return FOREVER;
        }
        return Duration.ofSeconds((long) Math.floor(period.toSeconds() / burnRate));
    }

    /** Rounds to 12 significant digits: enough for any SLO figure, and free of binary noise when printed. */
    public static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return value;
        }
        return new BigDecimal(value).round(PRECISION).doubleValue();
    }

    /** A number as a person writes it, without float noise: {@code 0.0144}, {@code 14.4}, {@code 28}. */
    public static String plain(double value) {
        return new BigDecimal(Double.toString(round(value))).stripTrailingZeros().toPlainString();
    }

    /** {@code 14 days}, {@code 30 hours}, {@code 45 minutes}, {@code forever}: a span of time for people. */
    public static String describe(Duration duration) {
        if (isForever(duration)) {
            return "forever";
        }
        long hours = duration.toHours();
        return hours >= 48 ? hours / 24 + " days" : hours >= 2 ? hours + " hours" : duration.toMinutes() + " minutes";
    }

    /** Whether a duration from {@link #timeToExhaustion} means "never". */
    public static boolean isForever(Duration duration) {
        return duration.getSeconds() == Long.MAX_VALUE;
    }
}
