package attentionbook.attention;

/**
 * softmax(s)ⱼ = exp(sⱼ) / Σₖ exp(sₖ), computed stably as exp(sⱼ − max) / Σₖ exp(sₖ − max).
 * An entry of −∞ (a hidden cell) gives exactly 0.
 */
public final class Softmax {

    private Softmax() {
    }

    /** exp(sⱼ − max) / Σₖ exp(sₖ − max). −∞ entries give exactly 0; all −∞ is an IllegalArgumentException. */
    public static double[] stable(double[] scores) {
        double[] terms = expTerms(scores);               // eⱼ = exp(sⱼ − max),  every eⱼ ∈ [0, 1], the largest = 1
        double sum = sumInOrder(terms);                  // Σ = Σⱼ eⱼ ≥ 1, so no 0/0 and no overflow
        double[] weights = new double[terms.length];
        for (int j = 0; j < terms.length; j++) {
            weights[j] = terms[j] / sum;                 // wⱼ = eⱼ / Σ
        }
        return weights;
    }

    /** softmax(s / τ): τ > 1 flattens the weights, τ < 1 sharpens them. τ must be positive and finite. */
    public static double[] stable(double[] scores, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be a positive finite number, got "
                    + temperature);
        }
        requireNonEmpty(scores);
        double[] divided = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            divided[j] = scores[j] / temperature;        // sⱼ / τ   (−∞ / τ stays −∞)
        }
        return stable(divided);
    }

    /**
     * exp(sⱼ) / Σₖ exp(sₖ) with no max subtracted. On purpose this breaks for large scores:
     * [1000, 999] gives [NaN, NaN] because exp(1000) is +Infinity and ∞/∞ is NaN.
     */
    public static double[] naive(double[] scores) {
        double[] terms = naiveTerms(scores);
        double sum = sumInOrder(terms);
        double[] weights = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            weights[j] = terms[j] / sum;                 // wⱼ = eⱼ / Σ  may be ∞/∞ = NaN
        }
        return weights;
    }

    /** eⱼ = exp(sⱼ) with no max subtracted, the terms {@link #naive} divides by their sum: +∞ once sⱼ passes about 709.78. */
    public static double[] naiveTerms(double[] scores) {
        requireNonEmpty(scores);
        double[] terms = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            terms[j] = Math.exp(scores[j]);              // eⱼ = exp(sⱼ)  may overflow to +∞
        }
        return terms;
    }

    /** The stable softmax of every row: [T×T] → [T×T], each row summing to 1. */
    public static Matrix rows(Matrix scores) {
        double[][] weights = new double[scores.rows()][];
        for (int r = 0; r < scores.rows(); r++) {
            try {
                weights[r] = stable(scores.row(r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        return Matrix.of(weights);
    }

    /** The largest entry, ignoring nothing: −∞ when every entry is −∞. */
    public static double max(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        return max;
    }

    /**
     * eⱼ = exp(sⱼ − max) for every entry, exactly 0 where sⱼ = −∞. These are the terms that
     * {@link #stable(double[])} divides by their sum, so an explanation can list them.
     */
    public static double[] expTerms(double[] scores) {
        requireNonEmpty(scores);
        for (int j = 0; j < scores.length; j++) {
            if (Double.isNaN(scores[j]) || scores[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + (j + 1) + " is " + scores[j]
                        + ": softmax needs finite scores (or −∞ for a hidden cell)");
            }
        }
        double max = max(scores);
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("every entry is −∞: softmax would be 0/0");
        }
        double[] terms = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            terms[j] = scores[j] == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(scores[j] - max);
        }
        return terms;
    }

    /** Σ of the terms added left to right from 0.0 (the order explanations reproduce). */
    public static double sumInOrder(double[] terms) {
        double sum = 0.0;
        for (double term : terms) {
            sum += term;
        }
        return sum;
    }

    private static void requireNonEmpty(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one score");
        }
    }
}
