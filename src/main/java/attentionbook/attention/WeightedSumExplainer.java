package attentionbook.attention;

import static attentionbook.attention.Notation.factor;
import static attentionbook.attention.Notation.number;
import static attentionbook.attention.Notation.shortened;
import static attentionbook.attention.Notation.sub;
import static attentionbook.attention.Notation.sumOfProducts;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one output row o = Σⱼ aⱼ·vⱼ explained one cell at a time, for weights of any origin
 * (softmax's, or numbers a reader typed and divided by their sum): one weight aⱼ = wⱼ / Σ w, one
 * product aⱼ·V[j][c], and one output cell. {@link Explainer} explains attention's own cells; this
 * explains the cells that lie between them. Indexes come in 0-based; prose is 1-based.
 */
public final class WeightedSumExplainer {

    private WeightedSumExplainer() {
    }

    /** aⱼ = wⱼ / Σₖ wₖ for token j (0-based); the weights must not all be 0. */
    public static Explanation normalised(double[] given, int token) {
        double total = Softmax.sumInOrder(given);
        double value = given[token] / total;
        List<String> parts = new ArrayList<>();
        for (double w : given) {
            parts.add(number(w));
        }
        int j = token + 1;
        return new Explanation("weights", null, token, 0, value, "a" + sub(j) + " = w" + sub(j) + " / Σₖ wₖ",
                List.of(), number(given[token]) + " / (" + shortened(parts) + ") = " + number(given[token]) + " / "
                        + number(total) + " = " + number(value),
                "your weight for token " + j + " divided by the sum of all " + given.length
                        + " weights, so that the weights add up to 1 as softmax's do");
    }

    /** aⱼ·V[j][c]: token j's value in column c (0-based) scaled by its weight in row i's sum. */
    public static Explanation product(int row, int token, int col, double weight, double value) {
        int i = row + 1;
        int j = token + 1;
        int c = col + 1;
        double product = weight * value;
        Term term = new Term("a" + sub(i, j) + " × V[" + j + "][" + c + "]", weight, value, product);
        return new Explanation("weighted", null, token, col, product, "a" + sub(i, j) + "·v" + sub(j) + "[" + c + "] = a"
                + sub(i, j) + " × V[" + j + "][" + c + "]", List.of(term),
                factor(weight) + " × " + factor(value) + " = " + number(product),
                "token " + j + "'s value in column " + c + ", scaled by the weight token " + i + " gives it; this is term " + j
                        + " of the sum that makes output column " + c);
    }

    /** oᵢ[c] = Σⱼ aⱼ × V[j][c] for weights a (one a token) and the value rows V, column c (0-based). */
    public static Explanation output(int row, double[] weights, Matrix values, int col) {
        int i = row + 1;
        int c = col + 1;
        List<Term> terms = new ArrayList<>();
        double sum = 0.0;
        for (int j = 0; j < weights.length; j++) {
            double v = values.get(j, col);
            terms.add(new Term("a" + sub(i, j + 1) + " × V[" + (j + 1) + "][" + c + "]", weights[j], v, weights[j] * v));
            sum += weights[j] * v;
        }
        return new Explanation("head_output", null, 0, col, sum, "o" + sub(i) + "[" + c + "] = Σⱼ a" + sub(i) + "ⱼ × V[j][" + c + "]",
                terms, sumOfProducts(terms, sum),
                "column " + c + " of every token's value, each scaled by its weight, added up: the weighted column "
                        + c + " of the sum");
    }
}
