package dev.sloscout.engine.capsule;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Grouping accuracy on the labelled Loghub-2k systems in {@code ../shared/data/loghub} (skipped when the folder is
 * absent): raw lines with their headers, one configuration for all. Two figures: in-sample (the product's settings,
 * chosen with all five systems in view) and leave-one-system-out (for each system, the settings that do best on the
 * other four, measured on the one left out), the honest estimate for systems nobody has seen.
 * {@code -Dsloscout.explain=System} prints the truth groups that were split or merged.
 */
@Tag("integration")
class LoghubGroupingEvaluationTest {
    private static final double REQUIRED = 0.90;
    /** The target for systems nobody saw, checked here on the systems left out one at a time. */
    private static final double LEFT_OUT_FLOOR = 0.85;
    private static final double LEFT_OUT_MEAN = 0.95;
    static final int SHUFFLES = 2;

    /** The settings tried for each left-out system: every combination of these values. */
    static List<MinerSettings> grid() {
        List<MinerSettings> grid = new ArrayList<>();
        for (double similarity : new double[] {0.6, 0.7, 0.8}) {
            for (int settled : new int[] {1, 2}) {
                for (int siblings : new int[] {3, 4, 6}) {
                    grid.add(new MinerSettings(similarity, settled, siblings, 4));
                }
            }
        }
        return grid;
    }

    @Test
    void everySystemGroupsWellInSampleAndLeftOut() throws IOException {
        Path loghub = Path.of(System.getProperty("sloscout.sharedData", "../shared/data")).resolve("loghub");
        assumeTrue(Files.isDirectory(loghub), "no labelled Loghub data at " + loghub.toAbsolutePath());
        List<Path> systems;
        try (Stream<Path> list = Files.list(loghub)) {
            systems = list.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, Double> inSample = new TreeMap<>();
        Map<String, Double> overOrders = new TreeMap<>();
        for (Path system : systems) {
            String name = system.getFileName().toString();
            inSample.put(name, evaluate(system, name, MinerSettings.DEFAULT,
                    name.equals(System.getProperty("sloscout.explain"))));
            overOrders.put(name, evaluateOverOrders(system, name, MinerSettings.DEFAULT));
        }
        Map<String, Double> leftOut = leaveOneOut(systems);
        System.out.println("system     file order  shuffled (mean)  left out (mean over orders)");
        inSample.forEach((system, ga) -> System.out.printf("%-10s %.4f      %.4f           %.4f%n", system, ga,
                overOrders.get(system), leftOut.get(system)));
        System.out.printf("mean       %.4f      %.4f           %.4f%n", mean(inSample), mean(overOrders),
                mean(leftOut));
        assertThat(inSample).isNotEmpty().allSatisfy((system, ga) -> assertThat(ga).as(system)
                .isGreaterThanOrEqualTo(REQUIRED));
        assertThat(leftOut).allSatisfy((system, ga) -> assertThat(ga).as(system + " left out")
                .isGreaterThanOrEqualTo(LEFT_OUT_FLOOR));
        assertThat(mean(leftOut)).as("mean left out").isGreaterThanOrEqualTo(LEFT_OUT_MEAN);
    }

    /**
     * For each system: the settings of the grid that do best on the other systems (mean GA over orders), measured on
     * the one left out. When the others cannot tell several settings apart, the figure is the mean over those ties:
     * picking one of them would be luck, not evidence.
     */
    static Map<String, Double> leaveOneOut(List<Path> systems) throws IOException {
        List<MinerSettings> grid = grid();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Path system : systems) {
            String name = system.getFileName().toString();
            double[] row = new double[grid.size()];
            for (int i = 0; i < grid.size(); i++) {
                row[i] = evaluateOverOrders(system, name, grid.get(i));
            }
            scores.put(name, row);
        }
        Map<String, Double> leftOut = new TreeMap<>();
        for (String held : scores.keySet()) {
            double[] others = new double[grid.size()];
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                for (int i = 0; i < grid.size() && !e.getKey().equals(held); i++) {
                    others[i] += e.getValue()[i];
                }
            }
            double best = Arrays.stream(others).max().orElse(0);
            double sum = 0;
            int ties = 0;
            for (int i = 0; i < grid.size(); i++) {
                if (others[i] >= best - 1e-9) {
                    sum += scores.get(held)[i];
                    ties++;
                    if (Boolean.getBoolean("sloscout.explainGrid")) {
                        System.out.println(held + " left out: " + grid.get(i) + " -> " + scores.get(held)[i]);
                    }
                }
            }
            leftOut.put(held, sum / ties);
        }
        return leftOut;
    }

    private static double mean(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double evaluate(Path system, String name, MinerSettings settings, boolean explain) throws IOException {
        return evaluate(system, name, settings, 0, explain);
    }

    /**
     * GA of one system with the lines mined in file order ({@code order} 0) or shuffled with that seed; lines are
     * always labelled in file order (a second pass, as {@code slo-scout fingerprint} does).
     */
    static double evaluate(Path system, String name, MinerSettings settings, int order, boolean explain)
            throws IOException {
        List<String> lines = Files.readAllLines(system.resolve(name + "_2k.log"), StandardCharsets.UTF_8);
        Fingerprinter fingerprinter = new Fingerprinter(2024, settings);
        fingerprinter.learnLayout(lines.subList(0, Math.min(lines.size(), 1000)));
        if (explain) {
            System.out.println("layout: " + fingerprinter.layout().describe());
        }
        List<String> mined = new ArrayList<>(lines);
        if (order > 0) {
            Collections.shuffle(mined, new Random(order));
        }
        mined.forEach(fingerprinter::addLine);
        List<String> predicted = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            Template t = fingerprinter.matchLine(line);
            predicted.add(t.id());
            texts.add(t.text());
        }
        List<String> truth = truthEvents(system.resolve(name + "_2k.log_structured_corrected.csv"));
        return groupingAccuracy(truth, predicted, explain ? lines : null, texts);
    }

    /** GA averaged over the file order and {@value #SHUFFLES} shuffled orders: luck of arrival order evens out. */
    static double evaluateOverOrders(Path system, String name, MinerSettings settings) throws IOException {
        double sum = 0;
        for (int order = 0; order <= SHUFFLES; order++) {
            sum += evaluate(system, name, settings, order, false);
        }
        return sum / (SHUFFLES + 1);
    }

    /** The EventId column of a Loghub structured CSV (the event id is the second-to-last column). */
    private static List<String> truthEvents(Path csv) throws IOException {
        List<String> events = new ArrayList<>();
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            List<String> fields = csvFields(row);
            events.add(fields.get(fields.size() - 2));
        }
        return events;
    }

    private static List<String> csvFields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static double groupingAccuracy(List<String> truth, List<String> predicted, List<String> lines,
            List<String> texts) {
        Map<String, Set<Integer>> truthGroups = new LinkedHashMap<>();
        Map<String, Set<Integer>> predictedGroups = new LinkedHashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            truthGroups.computeIfAbsent(truth.get(i), k -> new HashSet<>()).add(i);
            predictedGroups.computeIfAbsent(predicted.get(i), k -> new HashSet<>()).add(i);
        }
        Set<Set<Integer>> exact = new HashSet<>(truthGroups.values());
        int correct = 0;
        for (Set<Integer> group : predictedGroups.values()) {
            if (exact.contains(group)) {
                correct += group.size();
            }
        }
        if (lines != null) {
            Set<Set<Integer>> good = new HashSet<>(predictedGroups.values());
            truthGroups.forEach((event, group) -> {
                if (!good.contains(group)) {
                    Map<String, Integer> split = new HashMap<>();
                    group.forEach(i -> split.merge(texts.get(i) + "  [" + predictedGroups.get(predicted.get(i))
                            .size() + "]", 1, Integer::sum));
                    int example = group.iterator().next();
                    System.out.println(event + " (" + group.size() + " lines, e.g. " + lines.get(example) + ")");
                    split.forEach((text, count) -> System.out.println("    " + count + " x " + text));
                }
            });
        }
        return (double) correct / truth.size();
    }
}
