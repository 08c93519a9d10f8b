package dev.sloscout.engine.slo;

import java.math.BigDecimal;

/** An SLO target as a ratio of good events, strictly between 0 and 1 (0.999 is "three nines"). */
public record Objective(double target) {

    public Objective {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("an objective must be strictly between 0 and 1, got " + target);
        }
    }

    /** The error budget, 1 - target, without float noise (1 - 0.999 is 0.001, not 0.0009999999999998899). */
    public double errorBudget() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(target)).doubleValue();
    }

    /** {@code 99.9%}. */
    public String percent() {
        return BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
