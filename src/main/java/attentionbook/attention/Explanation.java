package attentionbook.attention;

import java.util.List;

/**
 * The arithmetic behind one cell of a trace.
 *
 * @param step       the step's key, e.g. "scores"
 * @param head       the head (0-based) for per-head steps, null for q, k, v, concat and output
 * @param row        the cell's row (0-based)
 * @param col        the cell's column (0-based)
 * @param value      the cell's exact value; null when it is a masked −∞
 * @param formula    the symbolic formula, 1-based as in the book's prose, e.g. "scores[head 1][3][2] = q₃·k₂"
 * @param terms      the products or exp terms, exact (see {@link Term}); empty for copies (masked, concat, output without Wo)
 * @param arithmetic the computation with numbers rounded to at most 4 decimals, e.g. "0.55×0.43 + 0.87×0.15 = 0.3670"
 * @param note       a sentence in plain words, e.g. "j > i: token 3 is hidden from row 2 (causal mask)"
 */
public record Explanation(String step, Integer head, int row, int col, Double value, String formula,
                          List<Term> terms, String arithmetic, String note) {

    public Explanation {
        terms = List.copyOf(terms);
    }
}
