package dev.sloscout.app.cli;

import dev.sloscout.engine.model.Problem;

import java.io.PrintStream;
import java.util.List;

/** Problems on stderr, one line each as the CLI contract says, with a cap so a broken huge file stays readable. */
final class ProblemPrinter {
    static final int MAX_LINES = 50;

    private ProblemPrinter() {
    }

    static void print(List<Problem> problems, long total, PrintStream err) {
        int shown = 0;
        for (Problem problem : problems) {
            if (shown++ == MAX_LINES) {
                break;
            }
            err.println("slo-scout: " + oneLine(problem.toLine()));
        }
        if (total > Math.min(MAX_LINES, problems.size())) {
            err.println("slo-scout: ... " + (total - Math.min(MAX_LINES, problems.size()))
                    + " more problems (see --json output for the first " + problems.size() + ")");
        }
    }

    static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
