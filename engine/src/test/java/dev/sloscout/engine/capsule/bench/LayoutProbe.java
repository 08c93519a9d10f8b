package dev.sloscout.engine.capsule.bench;

import dev.sloscout.engine.capsule.HeaderLayout;
import dev.sloscout.engine.capsule.LogHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the header layout learnt from each file given and how its first lines split into header and body. */
public final class LayoutProbe {
    private LayoutProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            HeaderLayout layout = HeaderLayout.infer(lines.subList(0, Math.min(1000, lines.size())), 2024);
            System.out.println("== " + file + ": " + layout.describe());
            for (String line : lines.subList(0, Math.min(8, lines.size()))) {
                LogHeader h = layout.parse(line);
                System.out.println("  " + h.severity() + " <" + h.component() + "> " + (h.hasTime()
                        ? java.time.Instant.ofEpochMilli(h.epochMillis()) : "-") + " | " + line.substring(h.bodyStart()));
            }
        }
    }
}
