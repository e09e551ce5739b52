package attentionbook.attention;

import static attentionbook.attention.Notation.MINUS;
import static attentionbook.attention.Notation.number;
import static attentionbook.attention.Notation.shortened;
import static attentionbook.attention.Notation.sub;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of scores through softmax with a temperature, explained one entry at a time: sⱼ/τ, and the
 * weight exp(sⱼ/τ − max) / Σₖ exp(sₖ/τ − max). A score of −∞ is a hidden entry: −∞/τ = −∞, weight 0.
 * Indexes come in 0-based; prose is 1-based.
 */
public final class SoftmaxExplainer {

    private SoftmaxExplainer() {
    }

    /** sⱼ / τ for entry j. */
    public static Explanation divided(double[] scores, double temperature, int entry) {
        int j = entry + 1;
        double value = scores[entry] / temperature;
        Double shown = value == Double.NEGATIVE_INFINITY ? null : value;
        String note = scores[entry] == Double.NEGATIVE_INFINITY
                ? "score " + j + " is hidden: " + MINUS + "∞ divided by any positive τ stays " + MINUS + "∞, and its weight is exactly 0"
                : "τ " + (temperature < 1 ? "below 1 spreads the scores apart, so softmax sharpens"
                        : temperature > 1 ? "above 1 pulls the scores together, so softmax flattens" : "= 1 leaves the scores as they are");
        return new Explanation("divided", null, 0, entry, shown, "s" + sub(j) + " / τ", List.of(),
                number(scores[entry]) + " / " + number(temperature) + " = " + number(value), note);
    }

    /** exp(sⱼ/τ − max) / Σₖ exp(sₖ/τ − max) for entry j, as Softmax.stable computes it. */
    public static Explanation weight(double[] scores, double temperature, int entry) {
        double[] divided = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            divided[k] = scores[k] / temperature;          // as Softmax.stable(s, τ) divides
        }
        double max = Softmax.max(divided);
        double[] exps = Softmax.expTerms(divided);
        double sum = Softmax.sumInOrder(exps);
        double value = Softmax.stable(scores, temperature)[entry];
        List<Term> terms = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            if (divided[k] == Double.NEGATIVE_INFINITY) {
                continue; // exp(−∞) = 0: a hidden entry adds nothing
            }
            terms.add(new Term("exp(s" + sub(k + 1) + "/τ − max)", divided[k] - max, 0.0, exps[k]));
            shown.add(number(exps[k]));
        }
        int j = entry + 1;
        String formula = "p" + sub(j) + " = exp(s" + sub(j) + "/τ − max) / Σₖ exp(sₖ/τ − max)";
        String arithmetic = divided[entry] == Double.NEGATIVE_INFINITY
                ? "exp(" + MINUS + "∞) / (" + shortened(shown) + ") = 0"
                : "max = " + number(max) + "; " + number(exps[entry]) + " / (" + shortened(shown) + ") = " + number(exps[entry])
                        + " / " + number(sum) + " = " + number(value);
        String note = "the max of s/τ, " + number(max) + ", is subtracted before exp, so no exp can overflow; the weights add up to 1"
                + (divided[entry] == Double.NEGATIVE_INFINITY ? "; score " + j + " is −∞, so its weight is exactly 0" : "");
        return new Explanation("weights", null, 0, entry, value, formula, terms, arithmetic, note);
    }
}
