package attentionbook.model;

/**
 * Softmax cross-entropy on the logits [T×V], row by row. A position is scored when its target is a
 * token (≥ 0); {@link Example#IGNORED} positions add nothing to the loss and get no gradient.
 */
final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * Turns each row of logits into probabilities in place (stable: exp(z − max)) and returns the summed
     * loss −log p[target] over the scored rows from … to − 1, computed as log Σ exp(z − max) − (z_target − max).
     * target[t] is row t's target.
     */
    static double softmaxInPlaceAndLoss(double[] logits, int from, int to, int vocabulary, int[] target) {
        double loss = 0.0;
        for (int t = from; t < to; t++) {
            int row = t * vocabulary;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabulary; v++) {
                max = Math.max(max, logits[row + v]);
            }
            double sum = 0.0;
            double targetLogit = target[t] >= 0 ? logits[row + target[t]] - max : 0.0;
            for (int v = 0; v < vocabulary; v++) {
                logits[row + v] = StrictMath.exp(logits[row + v] - max);   // exp(z − max)
                sum += logits[row + v];
            }
            for (int v = 0; v < vocabulary; v++) {
                logits[row + v] /= sum;                                    // p = softmax(z)
            }
            if (target[t] >= 0) {
                loss += StrictMath.log(sum) - targetLogit;                 // −log p[target]
            }
        }
        return loss;
    }

    /** Probabilities → the gradient of scale·loss in place: (p − onehot(target))·scale, 0 on unscored rows. */
    static void gradientInPlace(double[] probabilities, int tokens, int vocabulary, int[] target, double scale) {
        for (int t = 0; t < tokens; t++) {
            int row = t * vocabulary;
            for (int v = 0; v < vocabulary; v++) {
                if (target[t] < 0) {
                    probabilities[row + v] = 0.0;
                } else {
                    double onehot = v == target[t] ? 1.0 : 0.0;
                    probabilities[row + v] = (probabilities[row + v] - onehot) * scale;
                }
            }
        }
    }

    /** The index of each row's largest value; the lowest index wins a tie.   [T×V] → [T] */
    static int[] argmaxRows(double[] values, int tokens, int vocabulary) {
        int[] best = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            int row = t * vocabulary;
            for (int v = 1; v < vocabulary; v++) {
                if (values[row + v] > values[row + best[t]]) {
                    best[t] = v;
                }
            }
        }
        return best;
    }
}
