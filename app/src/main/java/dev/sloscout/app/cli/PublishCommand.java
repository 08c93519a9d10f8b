package dev.sloscout.app.cli;

import dev.sloscout.connectors.git.Hosting;
import dev.sloscout.connectors.git.PublishException;
import dev.sloscout.connectors.git.Publisher;
import dev.sloscout.connectors.git.Tokens;
import org.eclipse.jgit.transport.CredentialsProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slo-scout publish BUNDLE_DIR --repo PATH_OR_URL --branch slo-scout/NAME [--github|--gitlab [API]]}: the
 * bundle to a branch of a Git repository, and the pull or merge request opened or updated.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes an export bundle (the --out folder of analyze) to a Git repository: clones it, "
                + "writes the bundle under --path on --branch (started from --base, or the branch as it is when it "
                + "exists) as a diff, commits with a message that counts the SLOs new, updated and removed, pushes, "
                + "and opens or updates the pull request (GitHub) or merge request (GitLab). Tokens come from "
                + "GITHUB_TOKEN / GITLAB_TOKEN or ~/.slo-scout/github.token / gitlab.token (owner-only), never the "
                + "command line.",
                "Exit code 0 when published (or printed with --dry-run), 2 when nothing was published; the reason "
                        + "is one line on stderr."})
final class PublishCommand implements Callable<Integer> {
    private static final Pattern SLUG = Pattern.compile("^(?:[a-z+]+://[^/]+/|[^@/]+@[^:/]+:)(.+?)(?:\\.git)?/?$");

    @Parameters(index = "0", paramLabel = "BUNDLE_DIR", description = "The bundle folder (analyze --out).")
    Path bundle;

    @Option(names = "--repo", required = true, paramLabel = "PATH_OR_URL",
            description = "The repository: a path, file://, git://, https:// or ssh URL.")
    String repository;

    @Option(names = "--branch", required = true, paramLabel = "NAME", description = "The branch to publish to "
            + "(e.g. slo-scout/checkout); updated when it exists.")
    String branch;

    @Option(names = "--base", defaultValue = "main", paramLabel = "BRANCH",
            description = "Where the branch starts and the pull request goes (default ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--path", defaultValue = "slo/", paramLabel = "DIR",
            description = "Where the bundle goes in the repository (default ${DEFAULT-VALUE}; '.' for the root).")
    String path;

    @Option(names = "--title", paramLabel = "TEXT", description = "The pull request's title (default: the commit "
            + "subject).")
    String title;

    @Option(names = "--github", arity = "0..1", fallbackValue = "https://api.github.com", paramLabel = "API_URL",
            description = "Open the pull request on GitHub (API default https://api.github.com).")
    URI github;

    @Option(names = "--gitlab", arity = "0..1", fallbackValue = "https://gitlab.com/api/v4", paramLabel = "API_URL",
            description = "Open the merge request on GitLab (API default https://gitlab.com/api/v4).")
    URI gitlab;

    @Option(names = "--repo-slug", paramLabel = "OWNER/NAME", description = "The repository on the hosting "
            + "(default: from --repo's URL).")
    String slug;

    @Option(names = "--dry-run", description = "Print the unified diff against the base and the pull request's "
            + "description; push nothing, open nothing.")
    boolean dryRun;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path home;

    PublishCommand(PrintStream out, PrintStream err, Map<String, String> environment, Path home) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.home = home;
    }

    @Override
    public Integer call() {
        if (github != null && gitlab != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--github or --gitlab, not both");
        }
        try {
            Tokens tokens = new Tokens(environment, home);
            String kind = github != null ? "github" : gitlab != null ? "gitlab" : null;
            Optional<String> token = kind == null ? Optional.empty() : tokens.of(kind);
            Hosting hosting = null;
            if (kind != null && !dryRun) {
                if (token.isEmpty()) {
                    err.println("slo-scout: no " + kind + " token: set " + tokens.where(kind));
                    return SloScoutCommand.EXIT_UNUSABLE;
                }
                String repo = slug != null ? slug : slug(repository);
                if (repo == null) {
                    err.println("slo-scout: cannot tell the repository's owner/name from '" + repository
                            + "': give --repo-slug OWNER/NAME");
                    return SloScoutCommand.EXIT_UNUSABLE;
                }
                hosting = Hosting.of(kind, kind.equals("github") ? github : gitlab, repo, token.get());
            }
            CredentialsProvider credentials = token.map(t -> Hosting.gitCredentials(kind, t)).orElse(null);
            Publisher.Result result = new Publisher().publish(new Publisher.Request(bundle, repository, branch, base,
                    path, title, hosting, dryRun, credentials));
            print(result);
            return 0;
        } catch (PublishException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        } catch (IllegalArgumentException e) {
            err.println("slo-scout: " + e.getMessage());
            return SloScoutCommand.EXIT_UNUSABLE;
        }
    }

    private void print(Publisher.Result result) {
        var changes = result.changes();
        String counts = String.format("%d files added, %d modified, %d removed, %d unchanged", changes.added().size(),
                changes.modified().size(), changes.removed().size(), changes.unchanged().size());
        if (dryRun) {
            out.print(result.diff());
            out.println("--- pull request (dry run: nothing pushed) ---");
            out.println(result.title());
            out.println();
            out.print(result.body());
            out.println("--- " + counts + " ---");
            return;
        }
        out.println(result.commit() == null ? branch + " already has this bundle (" + counts + ")"
                : "pushed " + result.commit().substring(0, 12) + " to " + branch + ": " + result.title() + " ("
                        + counts + ")");
        if (result.pullRequest() != null) {
            out.println((result.pullRequest().created() ? "opened" : "updated") + " #" + result.pullRequest().number()
                    + " " + result.pullRequest().url());
        }
    }

    /** {@code owner/name} (or {@code group/sub/name}) from an https, git, ssh or scp-like URL; null for paths. */
    static String slug(String repository) {
        Matcher m = SLUG.matcher(repository.strip());
        if (!m.matches() || repository.startsWith("file:")) {
            return null;
        }
        String slug = m.group(1);
        return slug.contains("/") ? slug : null;
    }
}
