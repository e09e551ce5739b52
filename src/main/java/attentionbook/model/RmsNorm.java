package attentionbook.model;

/**
 * RMSNorm (root-mean-square normalisation), applied to each token's row on its own:
 * <pre>
 *   r = √(mean(x²) + ε),   y = g ⊙ x / r
 * </pre>
 * with a learned gain g (initialised to 1) and no bias and no mean subtraction: simpler than
 * LayerNorm, and enough for a model this small. The book's blocks are pre-norm: each sublayer sees
 * the normalised stream, and its output is added to the un-normalised stream.
 */
final class RmsNorm {

    static final double EPSILON = 1e-5;

    final Tensor weight;              // g   [d]
    private final int d;
    private double[] in;              // x, kept for backward (the caller's buffer)   [T×d]
    private double[] invRms = new double[0];   // 1/r for each row   [T]
    double[] out = new double[0];              // y   [T×d]

    RmsNorm(String name, int d) {
        this.weight = new Tensor(name + ".weight", d);
        this.d = d;
        java.util.Arrays.fill(weight.value, 1.0);
    }

    /** y = g ⊙ x / r, row by row, over the rows of a whole batch.   [T×d] → [T×d] */
    double[] forward(double[] x, int tokens) {
        in = x;
        invRms = MatMul.atLeast(invRms, tokens);
        out = MatMul.atLeast(out, tokens * d);
        double[] g = weight.value;
        for (int t = 0; t < tokens; t++) {
            int row = t * d;
            double sumSquares = 0.0;
            for (int c = 0; c < d; c++) {
                sumSquares += x[row + c] * x[row + c];            // Σ x²
            }
            double inv = 1.0 / Math.sqrt(sumSquares / d + EPSILON); // 1/r   (sqrt is exact in IEEE)
            invRms[t] = inv;
            for (int c = 0; c < d; c++) {
                out[row + c] = g[c] * x[row + c] * inv;           // yc = gc·xc/r
            }
        }
        return out;
    }

    /**
     * Given dY [T×d], adds dX into dIn and dg into the weight's gradient:
     * <pre>
     *   dg_c += dy_c·x_c/r
     *   dx_c  = g_c·dy_c/r − x_c·(Σ_k g_k·dy_k·x_k)/(d·r³)
     * </pre>
     */
    void backward(double[] dOut, double[] dIn, int tokens) {
        double[] g = weight.value;
        double[] dg = weight.grad;
        for (int t = 0; t < tokens; t++) {
            int row = t * d;
            double inv = invRms[t];                               // 1/r
            double dot = 0.0;
            for (int c = 0; c < d; c++) {
                dg[c] += dOut[row + c] * in[row + c] * inv;       // dg_c += dy_c·x_c/r
                dot += g[c] * dOut[row + c] * in[row + c];        // Σ g·dy·x
            }
            double coefficient = dot * inv * inv * inv / d;       // (Σ g·dy·x)/(d·r³)
            for (int c = 0; c < d; c++) {
                dIn[row + c] += g[c] * dOut[row + c] * inv - in[row + c] * coefficient;
            }
        }
    }
}
