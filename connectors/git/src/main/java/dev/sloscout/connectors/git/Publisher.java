package dev.sloscout.connectors.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Publishes a bundle to a Git repository: clones it into a scratch folder (the user's own clones are never touched),
 * checks out the publication branch (from the remote's branch when it exists, else from the base), writes the bundle
 * under the chosen path as a diff (unchanged files stay untouched, files of removed SLOs are deleted), commits with a
 * conventional message that counts what changed, pushes, and asks the hosting (GitHub, GitLab) to open or update the
 * pull request. A dry run stops before the commit and returns the unified diff against the base and the description.
 * Nothing is left behind: the scratch clone is deleted whatever happens, so a failed push changes nothing anywhere.
 */
public final class Publisher {
    private final Runnable beforePush;

    public Publisher() {
        this(() -> { });
    }

    /** @param beforePush runs between the commit and the push (tests move the remote branch there) */
    Publisher(Runnable beforePush) {
        this.beforePush = beforePush;
    }
    /**
     * @param repository  a path or URL Git can clone (file://, git://, https://, ssh)
     * @param path        where the bundle goes in the repository ({@code slo/}; empty for the root)
     * @param hosting     where the pull request is opened, or null for push only
     * @param credentials for the Git transport (HTTPS tokens), or null
     */
    public record Request(Path bundle, String repository, String branch, String base, String path, String title,
                          Hosting hosting, boolean dryRun, CredentialsProvider credentials) {
        public Request {
            path = normalise(path);
        }
    }

    /**
     * What was done: the changes, the commit (null when nothing was committed), the unified diff against the base,
     * the title and description, and the pull request (null on a dry run or without hosting).
     */
    public record Result(ChangeSet changes, String commit, String diff, String title, String body,
                         Hosting.PullRequest pullRequest) {
    }

    public Result publish(Request request) throws PublishException {
        Bundle bundle = Bundle.read(request.bundle());
        Path scratch;
        try {
            scratch = Files.createTempDirectory("slo-scout-publish");
        } catch (IOException e) {
            throw new PublishException("cannot make a scratch folder for the clone: " + e.getMessage(), e);
        }
        try (Git git = clone(request, scratch)) {
            return publish(request, bundle, git, scratch);
        } finally {
            delete(scratch);
        }
    }

    private Result publish(Request request, Bundle bundle, Git git, Path work) throws PublishException {
        Repository repository = git.getRepository();
        try {
            ObjectId base = repository.resolve("refs/remotes/origin/" + request.base());
            if (base == null) {
                throw new PublishException(request.repository() + ": no branch '" + request.base()
                        + "' to start from (--base)");
            }
            boolean existing = repository.resolve("refs/remotes/origin/" + request.branch()) != null;
            git.checkout().setCreateBranch(true).setName(request.branch())
                    .setStartPoint("origin/" + (existing ? request.branch() : request.base())).call();
            ChangeSet changes = write(bundle, work, request.path());
            for (String added : changes.added()) {
                git.add().addFilepattern(added).call();
            }
            for (String modified : changes.modified()) {
                git.add().addFilepattern(modified).call();
            }
            for (String removed : changes.removed()) {
                git.rm().addFilepattern(removed).call();
            }
            String diff = diff(git, repository, base);
            SortedSet<String> services = new TreeSet<>();
            changes.newSlos().forEach(slo -> services.add(PullRequestText.service(bundle, slo)));
            String subject = changes.commitMessage(services);
            String title = request.title() != null && !request.title().isBlank() ? request.title() : subject;
            String body = PullRequestText.body(bundle, changes, request.path());
            if (request.dryRun()) {
                return new Result(changes, null, diff, title, body, null);
            }
            String commit = null;
            if (!changes.isEmpty()) {
                RevCommit made = git.commit().setMessage(subject + "\n\n" + PullRequestText.commitBody(changes)).call();
                commit = made.getId().name();
                beforePush.run();
                push(git, request);
            } else if (!existing) {
                throw new PublishException("nothing to publish: " + request.base() + " already has this bundle under "
                        + (request.path().isEmpty() ? "the root" : request.path()));
            }
            Hosting.PullRequest pr = request.hosting() == null ? null
                    : request.hosting().openOrUpdate(request.branch(), request.base(), title, body);
            return new Result(changes, commit, diff, title, body, pr);
        } catch (GitAPIException | IOException e) {
            throw new PublishException(request.repository() + ": " + e.getMessage(), e);
        }
    }

    private static Git clone(Request request, Path into) throws PublishException {
        try {
            return Git.cloneRepository().setURI(request.repository()).setDirectory(into.toFile())
                    .setCredentialsProvider(request.credentials()).setCloneAllBranches(true).setNoCheckout(true).call();
        } catch (InvalidRemoteException e) {
            throw new PublishException(request.repository() + ": not a Git repository that can be cloned", e);
        } catch (TransportException e) {
            throw transport(request.repository(), e);
        } catch (GitAPIException e) {
            throw new PublishException(request.repository() + ": cannot clone: " + e.getMessage(), e);
        }
    }

    /** Auth and network failures in one line each, never with a token in them. */
    static PublishException transport(String remote, Exception e) {
        String message = String.valueOf(e.getMessage());
        // the remote's address can hold digits like 401 (a port): judge the rest of the message
        String lower = message.replace(remote, "").toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("not authorized") || lower.contains("authentication")
                || java.util.regex.Pattern.compile("(?<![\\d.:])40[13](?![\\d])").matcher(lower).find()) {
            return new PublishException(remote + ": authentication failed (set GITHUB_TOKEN or GITLAB_TOKEN, or "
                    + "check the token's rights)", e);
        }
        return new PublishException(remote + ": cannot reach the repository: " + message, e);
    }

    private static void push(Git git, Request request) throws PublishException {
        Iterable<PushResult> results;
        try {
            results = git.push().setRemote("origin").setCredentialsProvider(request.credentials())
                    .setRefSpecs(new RefSpec("refs/heads/" + request.branch() + ":refs/heads/" + request.branch()))
                    .call();
        } catch (TransportException e) {
            throw transport(request.repository(), e);
        } catch (GitAPIException e) {
            throw new PublishException(request.repository() + ": the push failed: " + e.getMessage(), e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> { }
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> throw new PublishException(
                            request.repository() + ": conflict: " + request.branch() + " moved on the remote while "
                                    + "publishing; run publish again");
                    default -> throw new PublishException(request.repository() + ": the remote refused the push to "
                            + request.branch() + " (" + update.getStatus() + (update.getMessage() == null ? ""
                            : ": " + update.getMessage().strip()) + "); is the branch protected?");
                }
            }
        }
    }

    /** Writes the bundle under the path: only what differs, and deletes files of the bundle's folders it no longer has. */
    static ChangeSet write(Bundle bundle, Path work, String prefix) throws IOException {
        SortedSet<String> added = new TreeSet<>();
        SortedSet<String> modified = new TreeSet<>();
        SortedSet<String> removed = new TreeSet<>();
        SortedSet<String> unchanged = new TreeSet<>();
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            String path = prefix + file.getKey();
            Path target = work.resolve(path);
            if (Files.isRegularFile(target)) {
                if (Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    unchanged.add(path);
                    continue;
                }
                modified.add(path);
            } else {
                added.add(path);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        for (String folder : Bundle.FOLDERS) {
            Path dir = work.resolve(prefix + folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String relative = work.relativize(file).toString().replace('\\', '/');
                    if (!bundle.files().containsKey(relative.substring(prefix.length()))) {
                        removed.add(relative);
                    }
                }
            }
        }
        return new ChangeSet(added, modified, removed, unchanged);
    }

    /** The staged changes against the base, as {@code git diff --cached origin/BASE} prints them. */
    private static String diff(Git git, Repository repository, ObjectId base) throws IOException, GitAPIException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(repository)) {
            CanonicalTreeParser baseTree = new CanonicalTreeParser();
            baseTree.reset(reader, walk.parseCommit(base).getTree());
            git.diff().setCached(true).setOldTree(baseTree).setOutputStream(out).call();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String normalise(String path) {
        String p = path == null ? "" : path.replace('\\', '/').strip();
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        if (p.equals(".")) {
            p = "";
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("--path must stay inside the repository, got '" + path + "'");
            }
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch folder left in the temp directory is harmless
        }
    }
}
