package dev.sloscout.app.cli;

import java.time.Clock;
import dev.sloscout.pipeline.Json;
import dev.sloscout.connectors.files.InputKinds;
import dev.sloscout.connectors.files.Inputs;
import dev.sloscout.connectors.files.LogFileReader;
import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.workspace.Batch;
import dev.sloscout.assist.Embedder;
import dev.sloscout.assist.SemanticSearch;
import dev.sloscout.workspace.SearchQuery;
import dev.sloscout.workspace.Workspace;
import dev.sloscout.workspace.WorkspaceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slo-scout search FILE... --query TEXT [--json]}: mines the log files into capsules, stores them in a
 * workspace (a temporary one unless {@code --workspace} names one) and runs a full-text query over templates and
 * redacted samples.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over the log capsules of FILE... (templates and redacted samples).",
                "Query syntax: words (all must match), \"phrases\", OR, NOT, wildcards (conn*).",
                "--semantic blends in local embeddings: \"user sign-in failures\" finds \"Login request ... rejected\"."})
final class SearchCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Log files or folders (trace files are skipped).")
    List<String> inputs = List.of();

    @Option(names = "--query", required = true, paramLabel = "TEXT", description = "What to look for.")
    String query;

    @Option(names = "--service", paramLabel = "NAME", description = "Only capsules of this service.")
    String service;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Only capsules that saw this level (ERROR...).")
    String severity;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--workspace", paramLabel = "NAME|PATH",
            description = "Search this workspace (FILE... are added to it first; without FILE it is searched as is).")
    String workspace;

    @Option(names = "--semantic", description = "Rank by meaning too: local embeddings (all-MiniLM-L6-v2, offline) "
            + "blended with the full-text score, so words the logs do not use still find them.")
    boolean semantic;

    @Option(names = "--json", description = "Print {\"results\":[{capsuleId, service, template, count, score}]}.")
    boolean json;

    private final Clock clock;

    SearchCommand(PrintStream out, PrintStream err, Clock clock) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    record Result(String capsuleId, String service, String template, long count, double score) {
    }

    record Results(List<Result> results) {
    }

    @Override
    public Integer call() throws IOException {
        if (inputs.isEmpty() && workspace == null) {
            err.println("slo-scout: give log files to search, or --workspace");
            return SloScoutCommand.EXIT_UNUSABLE;
        }
        List<Problem> problems = new ArrayList<>();
        List<Capsule> capsules = mine(problems);
        Path temp = workspace == null ? Files.createTempDirectory("slo-scout-search") : null;
        Path location = temp != null ? temp.resolve("search") : WorkspaceOption.resolve(workspace);
        List<Result> results;
        try (Workspace ws = Workspace.open(location)) {
            if (!capsules.isEmpty()) {
                ws.commit(Batch.ofCapsules(ws.addSource(String.join(", ", inputs), "logs"),
                        capsules.stream().mapToLong(Capsule::count).sum(), capsules));
            }
            if (semantic) {
                results = semantic(ws);
            } else {
                SearchQuery q = new SearchQuery(query, service, severity, null, null, null, limit);
                results = ws.search(q).stream().filter(h -> h.kind().equals("capsule"))
                        .map(h -> new Result(h.id(), h.service(), h.text(), h.count(), round(h.score()))).toList();
            }
        } catch (WorkspaceException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
        if (json) {
            out.println(Json.write(new Results(results)));
        } else {
            results.forEach(r -> out.printf("%8.3f %8d  %-20s %s%n", r.score(), r.count(), r.service(), r.template()));
        }
        problems.forEach(p -> err.println("slo-scout: " + p.toLine()));
        return problems.isEmpty() ? 0 : SloScoutCommand.EXIT_PROBLEMS;
    }

    /** Hybrid ranking over the workspace's capsules; filters apply to the ranked list. */
    private List<Result> semantic(Workspace ws) throws WorkspaceException, IOException {
        try (SemanticSearch search = new SemanticSearch(ws, new Embedder())) {
            search.indexCapsules();
            List<Result> out = new ArrayList<>();
            for (SemanticSearch.Result r : search.search(query, Math.max(limit * 5, 50), true)) {
                if (out.size() == limit || service != null && !service.equals(r.service())) {
                    continue;
                }
                if (severity != null && ws.capsule(r.capsuleId()).map(c -> c.severities().keySet().stream()
                        .noneMatch(s -> s.name().equalsIgnoreCase(severity))).orElse(true)) {
                    continue;
                }
                out.add(new Result(r.capsuleId(), r.service(), r.template(), r.count(), round(r.score())));
            }
            return out;
        }
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private List<Capsule> mine(List<Problem> problems) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        CapsuleAccumulator capsules = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, clock);
        LogFileReader reader = new LogFileReader(capsules, problems::add);
        InputKinds.Split split = InputKinds.split(inputs);
        problems.addAll(split.problems());
        for (String other : split.traces()) { // search reads logs: say what each other input is instead
            Path path = Path.of(other);
            String reason;
            if (other.equals("-")) {
                reason = "standard input is not searched; give log files";
            } else if (!Files.exists(path) && !Inputs.isReadable(path)) {
                reason = "no such file";
            } else if (!Inputs.isReadable(path)) {
                reason = "not a regular file (a pipe or device is not read)";
            } else if (Files.exists(path) && !Files.isReadable(path)) { // a file in an archive is not one itself
                reason = "permission denied";
            } else {
                reason = "not a log file (" + InputKinds.describe(path) + "): not searched";
            }
            problems.add(new Problem(other, "", reason));
        }
        split.logs().forEach(reader::read);
        Inputs.release(); // the archives kept open between their files
        return capsules.capsules();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
