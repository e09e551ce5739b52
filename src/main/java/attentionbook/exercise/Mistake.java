package attentionbook.exercise;

import attentionbook.attention.Matrix;

/**
 * A known wrong procedure and the answer it produces for this exercise, recomputed by the core
 * with that one thing done wrong.
 *
 * @param key    a stable identifier, e.g. "sqrt-d-model"
 * @param text   the mistake in plain words, addressed to the learner (inline math between $ signs)
 * @param result what the mistaken procedure gives, in the answer's shape
 */
public record Mistake(String key, String text, Matrix result) {
    /**
     * A mask's usual stand-in for −∞ in code. A cell of a result holding exactly this value stands
     * for any number at or below {@link #LARGE_NEGATIVE}: −1e9, −1e4 and −10000 are the same mistake.
     */
    public static final double MASK_CONSTANT = -1e9;
    /** The largest number that still counts as "a large negative constant" in place of −∞. */
    public static final double LARGE_NEGATIVE = -1000;

    /** True when the learner's cell is this mistake's cell at the prompt's rounding. */
    public static boolean cellMatches(Rounding rounding, double given, double mistaken) {
        if (mistaken == MASK_CONSTANT) {
            return Double.isFinite(given) && given <= LARGE_NEGATIVE;
        }
        return rounding.resembles(given, mistaken);
    }
}
