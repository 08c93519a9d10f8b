package dev.sloscout.app.cli;

import dev.sloscout.pipeline.Pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How far a trace command ({@code analyze}, {@code journeys}, ...) has read each source, on stderr
 * ({@code --progress}): a line when a source starts or ends,
 * and while sources are read at most one line per {@code every} (one interval for all sources, so two files read at
 * once share it). On a terminal the line being read is rewritten in place and a source's last line stays; elsewhere
 * (a CI log) every update is a line of its own. Sources may report from several reading threads at once, so printing
 * is synchronised.
 */
final class ProgressPrinter {
    private final PrintStream err;
    private final boolean inPlace;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private final Map<Integer, Pipeline.SourceState> lastState = new HashMap<>();
    private long lastPrinted = Long.MIN_VALUE;
    /** Length of the line written in place and not ended yet, 0 when none. */
    private int openLine;

    ProgressPrinter(PrintStream err, boolean inPlace, LongSupplier nanoTime, Duration every) {
        this.err = err;
        this.inPlace = inPlace;
        this.nanoTime = nanoTime;
        this.everyNanos = every.toNanos();
    }

    synchronized void source(int index, Pipeline.SourceStatus status) {
        Pipeline.SourceState state = status.state();
        if (state == Pipeline.SourceState.WAITING) {
            return; // every source is announced at the start: said once it is read
        }
        Pipeline.SourceState before = lastState.put(index, state);
        long now = nanoTime.getAsLong();
        boolean ended = state != Pipeline.SourceState.READING;
        if (state == before && (ended || (lastPrinted != Long.MIN_VALUE && now - lastPrinted < everyNanos))) {
            return;
        }
        lastPrinted = now;
        String line = describe(status);
        if (!inPlace) {
            err.println(line);
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, openLine - line.length())));
        if (ended) {
            err.println();
            openLine = 0;
        } else {
            openLine = line.length();
        }
        err.flush();
    }

    /** Ends a line left open in place (a run cut short, or one whose last source never said it ended). */
    synchronized void finish() {
        if (openLine > 0) {
            err.println();
            openLine = 0;
        }
    }

    /** {@code slo-scout: progress: big.jsonl (traces, otlp-json): reading 31%, 1,234,567 spans, 2 problems}. */
    static String describe(Pipeline.SourceStatus s) {
        StringBuilder b = new StringBuilder("slo-scout: progress: ").append(printable(s.name())).append(" (")
                .append(s.kind());
        if (s.format() != null && !s.format().isEmpty()) {
            b.append(", ").append(s.format());
        }
        b.append("): ").append(s.state().name().toLowerCase(Locale.ROOT));
        if (s.state() == Pipeline.SourceState.READING && s.fraction() >= 0) {
            b.append(' ').append((int) Math.floor(s.fraction() * 100)).append('%');
        }
        if (s.items() > 0) {
            String unit = switch (s.kind()) {
                case "traces" -> "spans";
                case "logs" -> "events";
                default -> "items";
            };
            b.append(String.format(Locale.ROOT, ", %,d %s", s.items(), unit));
        }
        if (s.problems() > 0) {
            b.append(String.format(Locale.ROOT, ", %,d problem%s", s.problems(), s.problems() == 1 ? "" : "s"));
        }
        return b.toString();
    }

    /**
     * A name with its control characters shown as {@code ?}: a file name must not move the terminal's cursor, so unlike
     * {@link TerminalSafeStream} (which the CLI's stderr always is) this hides tabs and line ends too.
     */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(
                Character.isISOControl(c) || TerminalSafeStream.hidden(c) ? '?' : c));
        return b.toString();
    }
}
