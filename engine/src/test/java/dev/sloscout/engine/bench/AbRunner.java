package dev.sloscout.engine.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of the same bench in one JVM, round for round: each build's classes in a class loader of its own, their
 * rounds alternating (A then B, then B then A), so that both meet the same phases of a host whose speed wanders by a
 * third from minute to minute, which separate runs cannot tell from a change. The bench class has
 * {@code static void prepare(String)} and {@code static double round()} (a cost, lower is better).
 *
 * <p>Usage: {@code AbRunner CLASS ROUNDS ARGUMENT CLASSPATH_A CLASSPATH_B}; three warm-up rounds each first. Prints
 * each build's median and best, and B's cost over A's per pair of rounds. A build against itself gave 1.021 (journey
 * bench) and 1.064 and 0.973 (mining bench) in separate runs: each loader's copy of the code is compiled on its own,
 * and the compiler does not always decide alike, so a difference under about 5% needs several runs, some with the
 * two builds swapped.
 */
public final class AbRunner {
    private AbRunner() {
    }

    public static void main(String[] args) throws Exception {
        String bench = args[0];
        int rounds = Integer.parseInt(args[1]);
        Method[] round = new Method[2];
        for (int build = 0; build < 2; build++) {
            String[] entries = args[3 + build].split(":");
            URL[] urls = new URL[entries.length];
            for (int i = 0; i < entries.length; i++) {
                urls[i] = Path.of(entries[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader("build-" + "AB".charAt(build), urls,
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName(bench, true, loader);
            type.getMethod("prepare", String.class).invoke(null, args[2]);
            round[build] = type.getMethod("round");
        }
        double[][] costs = new double[2][rounds];
        for (int r = -3; r < rounds; r++) {
            for (int turn = 0; turn < 2; turn++) {
                int build = (r & 1) == 0 ? turn : 1 - turn;
                double cost = (double) round[build].invoke(null);
                if (r >= 0) {
                    costs[build][r] = cost;
                }
            }
        }
        double[] ratios = new double[rounds];
        int bFaster = 0;
        for (int r = 0; r < rounds; r++) {
            ratios[r] = costs[1][r] / costs[0][r];
            bFaster += costs[1][r] < costs[0][r] ? 1 : 0;
        }
        for (int build = 0; build < 2; build++) {
            double[] sorted = costs[build].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s: median %.0f, best %.0f%n", "AB".charAt(build), sorted[rounds / 2],
                    sorted[0]);
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "B / A per pair of rounds: median %.3f (%.3f to %.3f); B lower in %d of %d%n",
                ratios[rounds / 2], ratios[0], ratios[rounds - 1], bFaster, rounds);
    }
}
