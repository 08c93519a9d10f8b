package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Grouping accuracy on the labelled Loghub-2k systems in {@code ../shared/data/loghub} (skipped when the folder is
 * absent): raw lines with their headers, one configuration for all. {@code -Dsloscout.explain=System} prints the
 * truth groups that were split or merged.
 */
class LoghubGroupingEvaluationTest {
    private static final double REQUIRED = 0.90;

    @Test
    void everySystemGroupsAtLeastNinetyPercentOfItsLines() throws IOException {
        Path loghub = Path.of(System.getProperty("sloscout.sharedData", "../shared/data")).resolve("loghub");
        assumeTrue(Files.isDirectory(loghub), "no labelled Loghub data at " + loghub.toAbsolutePath());
        Map<String, Double> accuracy = new TreeMap<>();
        try (Stream<Path> systems = Files.list(loghub)) {
            for (Path system : systems.filter(Files::isDirectory).sorted().toList()) {
                String name = system.getFileName().toString();
                accuracy.put(name, evaluate(system, name, name.equals(System.getProperty("sloscout.explain"))));
            }
        }
        accuracy.forEach((system, ga) -> System.out.printf("%-10s GA %.4f%n", system, ga));
        assertThat(accuracy).isNotEmpty().allSatisfy((system, ga) -> assertThat(ga).as(system)
                .isGreaterThanOrEqualTo(REQUIRED));
    }

    static double evaluate(Path system, String name, boolean explain) throws IOException {
        List<String> lines = Files.readAllLines(system.resolve(name + "_2k.log"), StandardCharsets.UTF_8);
        Fingerprinter fingerprinter = new Fingerprinter(2024);
        fingerprinter.learnLayout(lines.subList(0, Math.min(lines.size(), 1000)));
        if (explain) {
            System.out.println("layout: " + fingerprinter.layout().describe());
        }
        lines.forEach(fingerprinter::addLine);
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
