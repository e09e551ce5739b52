package attentionbook.model;

/**
 * The three products a linear layer y = x·W needs, on row-major double[] arrays: the forward product,
 * and the two gradients of the backward pass. Each inner loop walks a row of its output left to right
 * (i-k-j order), so it reads and writes memory in order and the JIT can use vector instructions. Every
 * output cell still sums its terms in the inner index's order 0, 1, 2, …, so every run adds the same
 * numbers in the same order (bit-for-bit results). One instance per model: it keeps the scratch arrays
 * the input gradient needs, so a training step allocates nothing.
 */
final class MatMul {

    private double[] transposed = new double[0];   // wᵀ for addInputGrad   [cols×inner]
    private double[] rowSum = new double[0];       // one row of dOut·wᵀ before it is added   [inner]

    /** out = a·w   [rows×inner]·[inner×cols] = [rows×cols]; out is overwritten. */
    void forward(double[] a, int rows, int inner, double[] w, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            int outRow = i * cols;
            for (int j = 0; j < cols; j++) {
                out[outRow + j] = 0.0;
            }
            addRowTimes(a, i * inner, inner, w, cols, out, outRow);    // out_i = Σ_k a_ik·w_k
        }
    }

    /**
     * dA += dOut·wᵀ   [rows×cols]·[cols×inner] = [rows×inner]: the gradient reaching the input. Each row
     * of the product is summed from zero over j = 0, 1, … and then added to dA, so adding it into a
     * non-zero dA gives the same bits as computing it apart.
     */
    void addInputGrad(double[] dOut, int rows, int cols, double[] w, int inner, double[] dA) {
        transposed = atLeast(transposed, cols * inner);
        rowSum = atLeast(rowSum, inner);
        for (int k = 0; k < inner; k++) {
            for (int j = 0; j < cols; j++) {
                transposed[j * inner + k] = w[k * cols + j];          // wᵀ, so the inner loop reads in order
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                rowSum[k] = 0.0;
            }
            addRowTimes(dOut, i * cols, cols, transposed, inner, rowSum, 0); // Σ_j dOut_ij·wᵀ_j
            int dARow = i * inner;
            for (int k = 0; k < inner; k++) {
                dA[dARow + k] += rowSum[k];
            }
        }
    }

    /**
     * dW += aᵀ·dOut   [inner×rows]·[rows×cols] = [inner×cols]: the gradient reaching the weights, summed
     * over the rows i = 0, 1, … in order, four rows a pass.
     */
    void addWeightGrad(double[] a, int rows, int inner, double[] dOut, int cols, double[] dW) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int r0 = i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            for (int k = 0; k < inner; k++) {
                double a0 = a[i * inner + k];
                double a1 = a[(i + 1) * inner + k];
                double a2 = a[(i + 2) * inner + k];
                double a3 = a[(i + 3) * inner + k];
                int dWRow = k * cols;
                for (int j = 0; j < cols; j++) {                    // left to right: the same order as one row at a time
                    dW[dWRow + j] = dW[dWRow + j] + a0 * dOut[r0 + j] + a1 * dOut[r1 + j]
                            + a2 * dOut[r2 + j] + a3 * dOut[r3 + j];
                }
            }
        }
        for (; i < rows; i++) {
            int dOutRow = i * cols;
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                int dWRow = k * cols;
                for (int j = 0; j < cols; j++) {
                    dW[dWRow + j] += aik * dOut[dOutRow + j];       // dW_k += a_ik·dOut_i
                }
            }
        }
    }

    /**
     * out[outAt …] += Σ_k a[aAt + k]·w_k (w's row k, cols wide), k = 0, 1, … in order: four rows of w a
     * pass, added left to right, which rounds exactly as adding them one at a time but reads and writes
     * the output a quarter as often.
     */
    private static void addRowTimes(double[] a, int aAt, int inner, double[] w, int cols, double[] out, int outAt) {
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double a0 = a[aAt + k];
            double a1 = a[aAt + k + 1];
            double a2 = a[aAt + k + 2];
            double a3 = a[aAt + k + 3];
            int w0 = k * cols;
            int w1 = w0 + cols;
            int w2 = w1 + cols;
            int w3 = w2 + cols;
            for (int j = 0; j < cols; j++) {
                out[outAt + j] = out[outAt + j] + a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j] + a3 * w[w3 + j];
            }
        }
        for (; k < inner; k++) {
            double ak = a[aAt + k];
            int wRow = k * cols;
            for (int j = 0; j < cols; j++) {
                out[outAt + j] += ak * w[wRow + j];
            }
        }
    }

    /** buffer itself when it holds size values, else a new zeroed array of that size (buffers grow, never shrink). */
    static double[] atLeast(double[] buffer, int size) {
        return buffer.length >= size ? buffer : new double[size];
    }
}
