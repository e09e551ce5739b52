package attentionbook.exercise;

import attentionbook.attention.Matrix;

/**
 * A known wrong procedure and the answer it produces for this exercise, recomputed by the core
 * with that one thing done wrong.
 *
 * @param key    a stable identifier, e.g. "sqrt-d-model"
 * @param text   the mistake in plain words, addressed to the learner
 * @param result what the mistaken procedure gives, in the answer's shape
 */
public record Mistake(String key, String text, Matrix result) {
}
