package attentionbook.attention;

/**
 * The whole attention sublayer as a pre-norm transformer runs it:
 * <pre>
 *   n = norm(X)                 (optional; RMSNorm without a learned gain: each row over its root mean square)
 *   out = MultiHead(n)          (Q, K, V, heads, scores, scale, mask, softmax, A·V, concat, W_O)
 *   X' = X + out                (the residual: the layer adds an update to X, it does not replace it)
 * </pre>
 * The output must be as wide as X for the addition: W_O is (h·d_v)×d_model, or h·d_v = d_model without W_O.
 */
public final class AttentionLayer {

    /** The ε under the root, as LLaMA's RMSNorm uses, so a row of zeros stays zeros instead of 0/0. */
    public static final double EPSILON = 1e-5;

    /** Every intermediate: the input, its normalised form (or null), the attention trace on it, and X + output. */
    public record Trace(Matrix x, Matrix normed, AttentionTrace attention, Matrix residual) {
        /** What the attention read: normed when there is a norm, else x. */
        public Matrix attentionInput() {
            return normed == null ? x : normed;
        }
    }

    private AttentionLayer() {
    }

    public static Trace run(Matrix x, AttentionSpec spec, boolean norm) {
        Attention.requireInput(x, spec);
        if (spec.outputWidth() != x.cols()) {
            throw new ShapeException("the output is T×" + spec.outputWidth() + " but x is " + x.shape()
                    + ": the residual X + output needs " + (spec.hasOutputProjection() ? "wo" : "wv (with no wo)")
                    + " to give d_model = " + x.cols() + " columns");
        }
        Matrix normed = norm ? rmsNorm(x) : null;
        AttentionTrace attention = Attention.run(norm ? normed : x, spec);
        double[][] sum = x.toArray();
        for (int r = 0; r < sum.length; r++) {
            for (int c = 0; c < sum[r].length; c++) {
                sum[r][c] += attention.output().get(r, c);     // X + output, cell by cell
            }
        }
        return new Trace(x, normed, attention, Matrix.of(sum));
    }

    /** Each row divided by √(mean of its squares + ε).   [T×d] → [T×d] */
    public static Matrix rmsNorm(Matrix x) {
        double[][] rows = x.toArray();
        for (double[] row : rows) {
            double squares = 0.0;
            for (double value : row) {
                squares += value * value;
            }
            double root = Math.sqrt(squares / row.length + EPSILON);
            for (int c = 0; c < row.length; c++) {
                row[c] /= root;
            }
        }
        return Matrix.of(rows);
    }
}
