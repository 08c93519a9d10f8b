package dev.sloscout.connectors.git;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What publishing a bundle changes under the repository's bundle path: files added, modified (bytes differ) and
 * removed (in the bundle's folders there but no longer in the bundle); unchanged files are left alone. SLOs are
 * counted by their runbooks ({@code runbooks/<service>-<slo>.md}, one per SLO).
 */
public record ChangeSet(SortedSet<String> added, SortedSet<String> modified, SortedSet<String> removed,
                        SortedSet<String> unchanged) {
    public ChangeSet {
        added = new TreeSet<>(added);
        modified = new TreeSet<>(modified);
        removed = new TreeSet<>(removed);
        unchanged = new TreeSet<>(unchanged);
    }

    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    public List<String> newSlos() {
        return slos(added);
    }

    /** SLOs whose runbook changed (its objective, alerts, evidence or data quality moved). */
    public List<String> updatedSlos() {
        return slos(modified);
    }

    public List<String> removedSlos() {
        return slos(removed);
    }

    private static List<String> slos(SortedSet<String> paths) {
        return paths.stream().filter(p -> p.contains("runbooks/") && p.endsWith(".md"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1, p.length() - 3)).toList();
    }

    /**
     * A conventional commit subject that counts what changed: {@code feat(slo): 3 SLOs for checkout, 1 updated};
     * {@code fix(slo)} when nothing is new; {@code chore(slo)} when only non-SLO files changed.
     *
     * @param services the services of the new SLOs (named when they are few)
     */
    public String commitMessage(SortedSet<String> services) {
        List<String> added = newSlos();
        List<String> updated = updatedSlos();
        List<String> removed = removedSlos();
        StringBuilder subject = new StringBuilder();
        if (!added.isEmpty()) {
            subject.append("feat(slo): ").append(count(added.size())).append(services.isEmpty() ? ""
                    : " for " + (services.size() <= 3 ? String.join(", ", services) : services.size() + " services"));
        } else if (!updated.isEmpty() || !removed.isEmpty()) {
            subject.append("fix(slo): ");
        } else {
            subject.append(String.format(Locale.ROOT, "chore(slo): update %d bundle file%s", this.modified.size()
                    + this.added.size() + this.removed.size(), this.modified.size() + this.added.size()
                    + this.removed.size() == 1 ? "" : "s"));
        }
        if (!updated.isEmpty()) {
            subject.append(added.isEmpty() ? count(updated.size()) + " updated" : ", " + updated.size() + " updated");
        }
        if (!removed.isEmpty()) {
            subject.append(added.isEmpty() && updated.isEmpty() ? count(removed.size()) + " removed"
                    : ", " + removed.size() + " removed");
        }
        return subject.toString();
    }

    private static String count(int n) {
        return n + (n == 1 ? " SLO" : " SLOs");
    }
}
