package dev.sloscout.engine.capsule;

import java.nio.file.Path;

/** Explains the grouping errors on one labelled system with given miner settings (a development aid). */
public final class GroupingProbe {
    private GroupingProbe() {
    }

    /** Arguments: system folder, similarity, settled, siblings. */
    public static void main(String[] args) throws Exception {
        Path system = Path.of(args[0]);
        MinerSettings settings = new MinerSettings(Double.parseDouble(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), 4);
        System.out.println(LoghubGroupingEvaluationTest.evaluate(system, system.getFileName().toString(), settings,
                true));
    }
}
