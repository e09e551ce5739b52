package attentionbook.model;

/**
 * The three products a linear layer y = x·W needs, on row-major double[] arrays:
 * the forward product, and the two gradients of the backward pass. Sums run over the inner index
 * in order 0, 1, 2, … so every run adds the same numbers in the same order (bit-for-bit results).
 */
final class MatMul {

    private MatMul() {
    }

    /** out = a·w   [rows×inner]·[inner×cols] = [rows×cols]; out is overwritten. */
    static void forward(double[] a, int rows, int inner, double[] w, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            int outRow = i * cols;
            for (int j = 0; j < cols; j++) {
                out[outRow + j] = 0.0;
            }
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                int wRow = k * cols;
                for (int j = 0; j < cols; j++) {
                    out[outRow + j] += aik * w[wRow + j];
                }
            }
        }
    }

    /** dA += dOut·wᵀ   [rows×cols]·[cols×inner] = [rows×inner]: the gradient reaching the input. */
    static void addInputGrad(double[] dOut, int rows, int cols, double[] w, int inner, double[] dA) {
        for (int i = 0; i < rows; i++) {
            int dOutRow = i * cols;
            for (int k = 0; k < inner; k++) {
                int wRow = k * cols;
                double sum = 0.0;
                for (int j = 0; j < cols; j++) {
                    sum += dOut[dOutRow + j] * w[wRow + j];
                }
                dA[i * inner + k] += sum;
            }
        }
    }

    /** dW += aᵀ·dOut   [inner×rows]·[rows×cols] = [inner×cols]: the gradient reaching the weights. */
    static void addWeightGrad(double[] a, int rows, int inner, double[] dOut, int cols, double[] dW) {
        for (int i = 0; i < rows; i++) {
            int dOutRow = i * cols;
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                int dWRow = k * cols;
                for (int j = 0; j < cols; j++) {
                    dW[dWRow + j] += aik * dOut[dOutRow + j];
                }
            }
        }
    }
}
