package attentionbook.model;

/**
 * The inner loops of {@link MatMul}, on rows held in arrays of their own so that every access of the
 * innermost loop is at the same index j (see MatMul for why). Four terms a pass, added left to right:
 * ((x + t₀) + t₁) + …, the same rounding as one term at a time.
 */
final class MatMulRows {

    private MatMulRows() {
    }

    /** out += Σ_k a[aAt + k]·w[k], k = 0, 1, … in order; w's rows and out are cols wide. */
    static void addRowTimes(double[] a, int aAt, int inner, double[][] w, int cols, double[] out) {
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double a0 = a[aAt + k];
            double a1 = a[aAt + k + 1];
            double a2 = a[aAt + k + 2];
            double a3 = a[aAt + k + 3];
            double[] w0 = w[k];
            double[] w1 = w[k + 1];
            double[] w2 = w[k + 2];
            double[] w3 = w[k + 3];
            for (int j = 0; j < cols; j++) {
                out[j] = out[j] + a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
            }
        }
        for (; k < inner; k++) {
            double ak = a[aAt + k];
            double[] wk = w[k];
            for (int j = 0; j < cols; j++) {
                out[j] += ak * wk[j];
            }
        }
    }

    /** dW[k] += Σ_i a_ik·dOut[i], i = 0, 1, … in order   ([rows×inner] a, flat; dOut's and dW's rows cols wide). */
    static void addTransposedTimes(double[] a, int rows, int inner, double[][] dOut, int cols, double[][] dW) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double[] d0 = dOut[i];
            double[] d1 = dOut[i + 1];
            double[] d2 = dOut[i + 2];
            double[] d3 = dOut[i + 3];
            for (int k = 0; k < inner; k++) {
                double a0 = a[i * inner + k];
                double a1 = a[(i + 1) * inner + k];
                double a2 = a[(i + 2) * inner + k];
                double a3 = a[(i + 3) * inner + k];
                double[] dWk = dW[k];
                for (int j = 0; j < cols; j++) {
                    dWk[j] = dWk[j] + a0 * d0[j] + a1 * d1[j] + a2 * d2[j] + a3 * d3[j];
                }
            }
        }
        for (; i < rows; i++) {
            double[] di = dOut[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                double[] dWk = dW[k];
                for (int j = 0; j < cols; j++) {
                    dWk[j] += aik * di[j];
                }
            }
        }
    }
}
