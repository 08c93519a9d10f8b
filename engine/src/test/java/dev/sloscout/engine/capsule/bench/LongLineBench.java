package dev.sloscout.engine.capsule.bench;

import dev.sloscout.engine.capsule.Fingerprinter;

/**
 * Fingerprinting one long line (a minified payload, a stack of closing brackets, a flood of key=value pairs) as it
 * grows: the time per character should stay flat. A search that went back to the line's start for each token made
 * it grow with the length (a line of 300,000 characters of {@code x) } took 5 s).
 *
 * <p>Usage: {@code LongLineBench [longest=1000000]}
 */
public final class LongLineBench {
    private static final String[] SHAPES = {"x) ", "[1] ", "k=v) ", "a:b] ", "<1 ", "(uid=0) "};

    public static void main(String[] args) {
        int longest = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long sink = 0;
        for (int warm = 0; warm < 200; warm++) { // the JIT compiles the fingerprinter first, on short lines
            for (String shape : SHAPES) {
                sink += new Fingerprinter(2024).addLine("INFO " + shape.repeat(500)).template().text().length();
            }
        }
        System.out.println("| shape | characters | ms (best of 3) | ns per character |");
        System.out.println("|---|---:|---:|---:|");
        for (String shape : SHAPES) {
            for (int length = 10_000; length <= longest; length *= 10) {
                String line = "2024-05-01 10:00:00 INFO " + shape.repeat(length / shape.length());
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 3; round++) {
                    Fingerprinter fingerprinter = new Fingerprinter(2024);
                    long start = System.nanoTime();
                    sink += fingerprinter.addLine(line).template().text().length();
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf("| `%s` | %d | %.1f | %.1f |%n", shape.strip(), line.length(), best / 1e6,
                        (double) best / line.length());
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
