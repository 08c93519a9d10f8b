package dev.sloscout.engine.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays multi-window multi-burn-rate alert tiers over an SLI's history: at the end of every window, would the
 * tier have fired? A tier is only evaluated once its long window is covered by history, as Prometheus would have
 * had the data before it. Reports episodes (from first to last firing window) so an SRE sees how noisy a choice is.
 */
public final class Backtest {
    private Backtest() {
    }

    public record Episode(Instant start, Instant end) {
    }

    public record TierResult(String tier, AlertTier.Severity severity, double factor, double errorRatioThreshold,
                             boolean canFire, int firings, List<Episode> episodes) {
    }

    public static List<TierResult> run(History history, Objective objective, Duration period, List<AlertTier> tiers) {
        int n = history.windows();
        long[] totalPrefix = new long[n + 1];
        long[] badPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            totalPrefix[i + 1] = totalPrefix[i] + history.total()[i];
            badPrefix[i + 1] = badPrefix[i] + history.bad()[i];
        }
        List<TierResult> results = new ArrayList<>(tiers.size());
        long windowSeconds = history.window().toSeconds();
        for (AlertTier tier : tiers) {
            double threshold = tier.errorRatioThreshold(period, objective);
            int longWindows = (int) Math.max(1, tier.longWindow().toSeconds() / windowSeconds);
            int shortWindows = (int) Math.max(1, tier.shortWindow().toSeconds() / windowSeconds);
            List<Episode> episodes = new ArrayList<>();
            int episodeStart = -1;
            boolean canFire = tier.canFire(period, objective);
            for (int end = longWindows; canFire && end <= n; end++) {
                boolean firing = exceeds(totalPrefix, badPrefix, end - longWindows, end, threshold)
                        && exceeds(totalPrefix, badPrefix, end - shortWindows, end, threshold);
                if (firing && episodeStart < 0) {
                    episodeStart = end - 1;
                } else if (!firing && episodeStart >= 0) {
                    episodes.add(new Episode(history.windowStart(episodeStart), history.windowStart(end - 1)));
                    episodeStart = -1;
                }
            }
            if (episodeStart >= 0) {
                episodes.add(new Episode(history.windowStart(episodeStart), history.windowStart(n)));
            }
            results.add(new TierResult(tier.name(), tier.severity(), tier.factor(period), threshold, canFire,
                    episodes.size(), List.copyOf(episodes)));
        }
        return results;
    }

    /** Whether bad/total over windows [from, to) is above the threshold; no traffic never exceeds (no 0/0 alerts). */
    private static boolean exceeds(long[] totalPrefix, long[] badPrefix, int from, int to, double threshold) {
        long total = totalPrefix[to] - totalPrefix[from];
        long bad = badPrefix[to] - badPrefix[from];
        return total > 0 && (double) bad / total > threshold;
    }
}
