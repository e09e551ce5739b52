package attentionbook.model;

/**
 * The three products a linear layer y = x·W needs, on row-major double[] arrays: the forward product,
 * and the two gradients of the backward pass. Every output cell sums its terms in the inner index's
 * order 0, 1, 2, …, so every run adds the same numbers in the same order (bit-for-bit results).
 *
 * <p>Speed without changing those sums: the loops run in i-k-j order, so the innermost loop walks one
 * row of the output left to right, and takes four terms a pass, added left to right (which rounds exactly
 * as adding them one at a time). That innermost loop reads and writes only rows held in arrays of their
 * own, all at the same index j: the JIT then knows no write can feed a later read and uses vector
 * instructions (on a flat array at two different offsets it cannot tell, and stays scalar, 2–3 times
 * slower). So each product first copies the rows it sweeps into scratch rows; the copies cost a small
 * fraction of the multiply-adds. One instance per model, so a training step allocates nothing.
 */
final class MatMul {

    private double[][] matrixRows = new double[0][];   // w (or wᵀ, or dW) as rows
    private double[][] sweptRows = new double[0][];    // dOut as rows, for the weight gradient
    private double[] acc = new double[0];              // one output row being summed

    /** out = a·w   [rows×inner]·[inner×cols] = [rows×cols]; out is overwritten. */
    void forward(double[] a, int rows, int inner, double[] w, int cols, double[] out) {
        double[][] wRows = matrixRows = asRows(w, inner, cols, false, matrixRows);
        acc = atLeast(acc, cols);
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(acc, 0, cols, 0.0);
            MatMulRows.addRowTimes(a, i * inner, inner, wRows, cols, acc);   // out_i = Σ_k a_ik·w_k
            System.arraycopy(acc, 0, out, i * cols, cols);
        }
    }

    /**
     * dA += dOut·wᵀ   [rows×cols]·[cols×inner] = [rows×inner]: the gradient reaching the input. Each row
     * of the product is summed from zero over j = 0, 1, … and then added to dA, so adding it into a
     * non-zero dA gives the same bits as computing it apart.
     */
    void addInputGrad(double[] dOut, int rows, int cols, double[] w, int inner, double[] dA) {
        double[][] wT = matrixRows = asRows(w, inner, cols, true, matrixRows);   // wᵀ   [cols×inner]
        acc = atLeast(acc, inner);
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(acc, 0, inner, 0.0);
            MatMulRows.addRowTimes(dOut, i * cols, cols, wT, inner, acc);    // Σ_j dOut_ij·wᵀ_j
            int dARow = i * inner;
            for (int k = 0; k < inner; k++) {
                dA[dARow + k] += acc[k];
            }
        }
    }

    /**
     * dW += aᵀ·dOut   [inner×rows]·[rows×cols] = [inner×cols]: the gradient reaching the weights, summed
     * over the rows i = 0, 1, … in order.
     */
    void addWeightGrad(double[] a, int rows, int inner, double[] dOut, int cols, double[] dW) {
        double[][] dWRows = matrixRows = asRows(dW, inner, cols, false, matrixRows);
        double[][] dOutRows = sweptRows = asRows(dOut, rows, cols, false, sweptRows);
        MatMulRows.addTransposedTimes(a, rows, inner, dOutRows, cols, dWRows);
        for (int k = 0; k < inner; k++) {
            System.arraycopy(dWRows[k], 0, dW, k * cols, cols);
        }
    }

    /** flat [rows×cols] (or its transpose, [cols×rows]) copied into scratch rows, grown when too small. */
    private static double[][] asRows(double[] flat, int rows, int cols, boolean transpose, double[][] scratch) {
        int outRows = transpose ? cols : rows;
        int outCols = transpose ? rows : cols;
        double[][] into = scratch;
        if (into.length < outRows || into[0].length < outCols) {
            into = new double[Math.max(outRows, into.length)][Math.max(outCols, into.length == 0 ? 0 : into[0].length)];
        }
        for (int r = 0; r < rows; r++) {
            if (transpose) {
                for (int c = 0; c < cols; c++) {
                    into[c][r] = flat[r * cols + c];
                }
            } else {
                System.arraycopy(flat, r * cols, into[r], 0, cols);
            }
        }
        return into;
    }

    /** buffer itself when it holds size values, else a new zeroed array of that size (buffers grow, never shrink). */
    static double[] atLeast(double[] buffer, int size) {
        return buffer.length >= size ? buffer : new double[size];
    }
}
