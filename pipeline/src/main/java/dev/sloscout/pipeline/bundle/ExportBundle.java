package dev.sloscout.pipeline.bundle;

import dev.sloscout.engine.artifact.ArtifactBundle;
import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.engine.artifact.Names;
import dev.sloscout.engine.artifact.SloDefinition;
import dev.sloscout.engine.sli.MetricsProfile;

import dev.sloscout.pipeline.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole export bundle as file path (relative, '/'-separated) to content: rules, tests, specs, runbooks, dashboards. */
public final class ExportBundle {
    private ExportBundle() {
    }

    public static SortedMap<String, String> files(List<ExportedSlo> slos) {
        SortedMap<String, String> files = new TreeMap<>(ArtifactBundle.files(slos));
        for (Map.Entry<String, List<SloDefinition>> service : ArtifactBundle.byService(slos).entrySet()) {
            SloDefinition first = service.getValue().get(0);
            MetricsProfile profile = slos.stream().filter(s -> s.definition().service().equals(first.service()))
                    .findFirst().orElseThrow().profile();
            files.put("grafana/" + service.getKey() + "-slo.json",
                    Json.write(GrafanaDashboards.forService(first.service(), service.getValue(), profile)));
        }
        return files;
    }

    /**
     * The one structural check of a bundle, promtool or not: every SLO passes {@link ArtifactBundle#check}, and every
     * dashboard is well-formed JSON whose panels have distinct ids, use only variables it defines (or Grafana's own)
     * and read only recording rules that the bundle's rule files record, for every value of its window variable.
     * Each service with an SLO has its dashboard. Empty when all is well; each problem names its file.
     */
    public static List<String> check(List<ExportedSlo> slos, Map<String, String> files) {
        List<String> problems = new ArrayList<>(ArtifactBundle.check(slos));
        Set<String> recorded = new HashSet<>();
        files.forEach((path, content) -> {
            if (path.startsWith("prometheus/rules/")) {
                Matcher m = RECORD.matcher(content);
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        });
        for (ExportedSlo slo : slos) {
            String dashboard = "grafana/" + Names.unique(slo.definition().service()) + "-slo.json";
            if (!files.containsKey(dashboard)) {
                problems.add(slo.definition().id() + ": no dashboard " + dashboard + " for its service");
            }
        }
        files.forEach((path, content) -> {
            if (path.startsWith("grafana/")) {
                problems.addAll(checkDashboard(path, content, recorded));
            }
        });
        return problems;
    }

    private static final Pattern RECORD = Pattern.compile("(?m)^\\s*-?\\s*record:\\s*\"?([^\"\\s]+)\"?\\s*$");
    /** Names in the recording-rule convention (level:metric:operations) contain a colon; plain metrics do not. */
    private static final Pattern RULE_NAME = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_:]+");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range",
            "__interval_ms", "__range_s", "__name");

    private static List<String> checkDashboard(String path, String content, Set<String> recorded) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (IOException e) {
            return List.of(path + ": not JSON: " + (e instanceof JsonProcessingException j && j.getLocation() != null
                    ? j.getOriginalMessage() + " at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() : e.getMessage()));
        }
        Map<String, List<String>> variables = new HashMap<>();
        for (JsonNode v : root.path("templating").path("list")) {
            List<String> values = new ArrayList<>();
            if (v.path("type").asText().equals("custom")) {
                for (String value : v.path("query").asText().split(",")) {
                    values.add(value.trim());
                }
            }
            variables.put(v.path("name").asText(), values);
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : root.path("panels")) {
            if (!ids.add(panel.path("id").asInt())) {
                problems.add(path + ": panel id " + panel.path("id").asInt() + " is used twice");
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                Matcher v = VARIABLE.matcher(expr);
                while (v.find()) {
                    if (!variables.containsKey(v.group(1)) && !GRAFANA_VARIABLES.contains(v.group(1))) {
                        problems.add(path + ": panel '" + panel.path("title").asText() + "' uses $" + v.group(1)
                                + ", which the dashboard does not define");
                    }
                }
                for (String window : variables.getOrDefault("window", List.of()).isEmpty() ? List.of("")
                        : variables.get("window")) {
                    String query = QUOTED.matcher(expr).replaceAll("\"\""); // label values are data, not names
                    Matcher r = RULE_NAME.matcher(query.replace("${window}", window).replace("$window", window));
                    while (r.find()) {
                        if (!recorded.contains(r.group())) {
                            problems.add(path + ": panel '" + panel.path("title").asText() + "' reads " + r.group()
                                    + ", which no rule file of the bundle records");
                        }
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The folders a bundle writes into: rules, tests, dashboards, OpenSLO, Sloth, runbooks, Alertmanager routes. */
    public static final List<String> FOLDERS = List.of("prometheus/rules/", "prometheus/tests/", "grafana/", "openslo/",
            "sloth/", "runbooks/", "alertmanager/");

    /** Whether a relative path is one the bundle writes. */
    public static boolean isBundlePath(String relative) {
        return FOLDERS.stream().anyMatch(relative::startsWith);
    }

    /**
     * Writes every file under {@code folder} (each written whole: beside the target, then moved into place), then
     * removes what an earlier bundle left in the bundle's own folders ({@link #FOLDERS}) and this one does not
     * have, so a rerun never leaves a deleted SLO's rules beside the new ones. Files elsewhere in {@code folder}
     * are not touched. Returns the relative paths removed.
     */
    public static List<String> write(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeFile(folder, file.getKey(), file.getValue());
        }
        return removeStale(folder, files.keySet());
    }

    /** What {@link #writeByService} wrote and found. */
    public record Written(int files, List<String> removed, List<String> problems) {
    }

    /**
     * Writes the bundle service by service and checks each service's files as they are written, so memory holds
     * one service's files at a time, not the whole bundle (10,000 SLOs make hundreds of megabytes of YAML); then
     * removes stale files as {@link #write} does. The same files and the same problems as {@link #files} and
     * {@link #check} give.
     */
    public static Written writeByService(Path folder, List<ExportedSlo> slos) throws IOException {
        Map<String, List<ExportedSlo>> byService = new TreeMap<>();
        for (ExportedSlo slo : slos) {
            byService.computeIfAbsent(slo.definition().service(), k -> new ArrayList<>()).add(slo);
        }
        Set<String> written = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (List<ExportedSlo> service : byService.values()) {
            SortedMap<String, String> files = files(service);
            for (Map.Entry<String, String> file : files.entrySet()) {
                writeFile(folder, file.getKey(), file.getValue());
                written.add(file.getKey());
            }
            problems.addAll(check(service, files));
        }
        return new Written(written.size(), removeStale(folder, written), problems.stream().distinct().toList());
    }

    private static void writeFile(Path folder, String relative, String content) throws IOException {
        Path target = folder.resolve(relative).normalize();
        if (!target.startsWith(folder.normalize())) {
            throw new IOException(relative + ": a bundle path must stay inside " + folder);
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        // getBytes replaces what cannot be encoded (a lone surrogate) instead of aborting the export
        Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> removeStale(Path folder, java.util.Collection<String> kept) throws IOException {
        Set<String> keep = new HashSet<>(kept);
        List<String> removed = new java.util.ArrayList<>();
        for (String owned : FOLDERS) {
            Path sub = folder.resolve(owned);
            if (!Files.isDirectory(sub)) {
                continue;
            }
            List<Path> present;
            try (java.util.stream.Stream<Path> walk = Files.walk(sub)) {
                present = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : present) {
                String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!keep.contains(relative)) {
                    Files.delete(file);
                    removed.add(relative);
                }
            }
        }
        return removed;
    }
}
