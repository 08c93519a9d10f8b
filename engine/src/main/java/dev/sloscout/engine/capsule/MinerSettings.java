package dev.sloscout.engine.capsule;

/**
 * The template miner's few constants, one set for every log; ADR 0004 says how they were chosen (leave one labelled
 * system out, each figure averaged over arrival orders). Exposed as a value so the evaluation harness can try others;
 * the product uses {@link #DEFAULT}.
 *
 * @param similarity share of a template's fixed tokens a message must match to join it
 * @param settled    messages that must agree on a word before one message with another word there counts as another
 *                   template rather than a variable; 1 means from the first message on (only siblings then make a
 *                   word position a variable), which makes the result independent of arrival order
 * @param siblings   templates equal but for one word at one position that make the position a variable
 * @param maxSpan    the most tokens one variable-length placeholder stands for
 */
public record MinerSettings(double similarity, int settled, int siblings, int maxSpan) {
    public static final MinerSettings DEFAULT = new MinerSettings(0.7, 1, 4, 4);

    public MinerSettings {
        if (similarity <= 0 || similarity > 1 || settled < 1 || siblings < 2 || maxSpan < 1) {
            throw new IllegalArgumentException("miner settings out of range: " + similarity + ", " + settled + ", "
                    + siblings + ", " + maxSpan);
        }
    }
}
