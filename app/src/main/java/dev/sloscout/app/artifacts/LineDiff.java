package dev.sloscout.app.artifacts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff (longest common subsequence) of two texts, for "what changed since the previous export". Files of a
 * bundle are a few hundred lines; beyond {@link #MAX_CELLS} the differing middle falls back to "replaced whole".
 */
public final class LineDiff {
    static final long MAX_CELLS = 4_000_000; // 16 MB of table at most, computed on the FX thread

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        // lines shared at both ends need no table: an edited bundle file usually differs in a few lines in the middle
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        middle(Arrays.copyOfRange(a, head, a.length - tail), Arrays.copyOfRange(b, head, b.length - tail), out);
        for (int i = a.length - tail; i < a.length; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        return out;
    }

    /** The longest-common-subsequence diff of what differs (or "replaced whole" past {@link #MAX_CELLS}). */
    private static void middle(String[] a, String[] b, List<Line> out) {
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String line : a) {
                out.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                out.add(new Line(Kind.ADDED, line));
            }
            return;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }
}
