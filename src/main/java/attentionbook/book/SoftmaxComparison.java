package attentionbook.book;

import attentionbook.attention.Softmax;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of scores through softmax twice, both by the attention core: the stable way (subtract the
 * row's max first) and the naive way (exp of the raw score), which overflows once a score passes about
 * 709.78. JSON cannot carry ∞ or NaN, so every naive number is a {@link Shown}: a finite value, or
 * null with the word to print instead.
 *
 * @param scores   the scores; −∞ hides an entry (its weight is exactly 0), written as null in JSON
 * @param divided  sⱼ / τ, what both softmaxes see (−∞ stays −∞, null in JSON)
 * @param max      the largest of them, subtracted by the stable softmax
 * @param terms    the stable exp(sⱼ/τ − max), each in [0, 1]
 * @param sum      their sum (at least 1)
 * @param weights  the stable probabilities, summing to 1
 * @param naive    the same row without subtracting the max
 */
public record SoftmaxComparison(@JsonIgnore double[] scores, double temperature, @JsonIgnore double[] divided, double max,
                                double[] terms, double sum, double[] weights, Naive naive) {

    /** The scores for JSON, which has no −∞: a hidden entry is null, as a masked cell is in the attention API. */
    @JsonProperty("scores")
    public List<Double> scoresOrNull() {
        return orNull(scores);
    }

    /** sⱼ / τ for JSON: null where the score is −∞. */
    @JsonProperty("divided")
    public List<Double> dividedOrNull() {
        return orNull(divided);
    }

    private static List<Double> orNull(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double value : values) {
            out.add(value == Double.NEGATIVE_INFINITY ? null : value);
        }
        return out;
    }

    /** Scores accepted by the widget and its API: large enough to overflow the naive exp, small enough to read. */
    public static final double MAX_SCORE = 1e6;
    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;
    public static final int MAX_ENTRIES = 12;

    /** A number that may not exist as a double: value null and text "overflow" (∞) or "NaN" (∞/∞ or 0/0). */
    public record Shown(Double value, String text) {
        static Shown of(double value) {
            if (Double.isNaN(value)) {
                return new Shown(null, "NaN");
            }
            if (Double.isInfinite(value)) {
                return new Shown(null, value > 0 ? "overflow" : "−overflow");
            }
            return new Shown(value, null);
        }
    }

    /**
     * @param overflow  true when some exp(sⱼ) or their sum is +∞, so the naive row is wrong
     * @param underflow true when every exp(sⱼ) is 0, so the naive row is 0/0
     * @param text      what went wrong, in words, or null when the naive row is right
     */
    public record Naive(List<Shown> terms, Shown sum, List<Shown> weights, boolean overflow, boolean underflow, String text) {
    }

    public static SoftmaxComparison of(double[] scores, double temperature) {
        double[] divided = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            divided[j] = scores[j] / temperature;        // sⱼ / τ, as Softmax.stable(s, τ) divides
        }
        double[] terms = Softmax.expTerms(divided);
        double sum = Softmax.sumInOrder(terms);
        double[] weights = Softmax.stable(scores, temperature);

        double[] naiveTerms = Softmax.naiveTerms(divided);
        double naiveSum = Softmax.sumInOrder(naiveTerms);
        double[] naiveWeights = Softmax.naive(divided);
        List<Shown> shownTerms = new ArrayList<>();
        List<Shown> shownWeights = new ArrayList<>();
        List<Integer> overflowing = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            shownTerms.add(Shown.of(naiveTerms[j]));
            shownWeights.add(Shown.of(naiveWeights[j]));
            if (Double.isInfinite(naiveTerms[j])) {
                overflowing.add(j + 1);
            }
        }
        boolean overflow = !overflowing.isEmpty() || Double.isInfinite(naiveSum);
        boolean underflow = naiveSum == 0.0;
        String text = null;
        if (!overflowing.isEmpty()) {
            text = "exp overflows for entr" + (overflowing.size() == 1 ? "y " : "ies ") + join(overflowing)
                    + ": a double holds at most about 1.8e308, and exp(s) passes that once s is above about 709.78."
                    + " The sum is then ∞, and ∞/∞ is not a number (NaN). Subtracting the max first keeps every exp between 0 and 1.";
        } else if (overflow) {
            text = "no single exp overflows, but their sum passes the largest double (about 1.8e308): every weight becomes"
                    + " a finite number divided by ∞, which is 0. Subtracting the max first keeps the sum small.";
        } else if (underflow) {
            text = "exp underflows to 0 for every entry (each s is below about −745), so the naive weights are 0/0, which is"
                    + " not a number (NaN). Subtracting the max first makes the largest term exactly 1.";
        }
        return new SoftmaxComparison(scores.clone(), temperature, divided, Softmax.max(divided), terms, sum, weights,
                new Naive(shownTerms, Shown.of(naiveSum), shownWeights, overflow, underflow, text));
    }

    private static String join(List<Integer> entries) {
        List<String> parts = entries.stream().map(String::valueOf).toList();
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
