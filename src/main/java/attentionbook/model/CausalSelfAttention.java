package attentionbook.model;

import java.util.Arrays;

/**
 * Causal multi-head self-attention with the book's conventions (rows are tokens, Q = X·Wq, head h
 * takes the contiguous columns h·d_k … (h+1)·d_k−1, scores scaled by 1/√d_k, then W_O):
 * <pre>
 *   Q = X·Wq, K = X·Wk, V = X·Wv                       [T×d]
 *   A_h = softmax(Q_h·K_hᵀ/√d_k + M)  (M = −∞ above the diagonal)   [T×T]
 *   concat = [A_1·V_1 | … | A_h·V_h],   out = concat·Wo   [T×d]
 * </pre>
 * No biases. d_k = d / heads. The four projections run over the whole batch's rows at once; the
 * scores, weights and their gradients run sequence by sequence ({@link Rows}), each over its own T tokens.
 */
final class CausalSelfAttention {

    final Tensor wq;
    final Tensor wk;
    final Tensor wv;
    final Tensor wo;                   // each [d×d]
    private final int d;
    private final int heads;
    private final int dk;
    private final double scale;        // 1/√d_k
    private final MatMul products;

    private double[] in;               // X, the normalised input (the caller's buffer)   [rows×d]
    private double[] q = new double[0];         // [rows×d]
    private double[] k = new double[0];
    private double[] v = new double[0];
    /** A: sequence s, head h, row i at weightsStart(s) + (h·T + i)·T   [heads×T×T] a sequence; 0 above the diagonal. */
    double[] weights = new double[0];
    private int[] weightsStart = new int[0];
    private double[] concat = new double[0];    // [rows×d]
    double[] out = new double[0];               // [rows×d]

    private double[] dConcat = new double[0];   // backward scratch, each [rows×d] or [T]
    private double[] dq = new double[0];
    private double[] dkBuffer = new double[0];
    private double[] dv = new double[0];
    private double[] dWeightsRow = new double[0];

    CausalSelfAttention(String name, int d, int heads, MatMul products) {
        this.wq = new Tensor(name + ".wq", d, d);
        this.wk = new Tensor(name + ".wk", d, d);
        this.wv = new Tensor(name + ".wv", d, d);
        this.wo = new Tensor(name + ".wo", d, d);
        this.d = d;
        this.heads = heads;
        this.dk = d / heads;
        this.scale = 1.0 / Math.sqrt(dk);
        this.products = products;
    }

    int heads() {
        return heads;
    }

    /** out = concat(A_h·V_h)·Wo, for every sequence of the batch.   [rows×d] → [rows×d] */
    double[] forward(double[] x, Rows rows) {
        in = x;
        int total = rows.total();
        allocate(rows);
        products.forward(x, total, d, wq.value, d, q);                 // Q = X·Wq   [T×d]·[d×d] = [T×d]
        products.forward(x, total, d, wk.value, d, k);                 // K = X·Wk   [T×d]
        products.forward(x, total, d, wv.value, d, v);                 // V = X·Wv   [T×d]
        for (int s = 0; s < rows.sequences(); s++) {
            attendWithin(rows.start(s), rows.length(s), weightsStart[s]);
        }
        products.forward(concat, total, d, wo.value, d, out);          // out = concat·Wo   [T×d]
        return out;
    }

    /** Every head of one sequence: its weights A_h and its share of concat. */
    private void attendWithin(int first, int tokens, int weightsAt) {
        for (int h = 0; h < heads; h++) {
            int col = h * dk;                                          // head h's first column
            for (int i = 0; i < tokens; i++) {
                int a = weightsAt + (h * tokens + i) * tokens;         // A_h row i
                int qi = (first + i) * d + col;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {                         // j > i is masked: never computed
                    int kj = (first + j) * d + col;
                    double s = 0.0;
                    for (int c = 0; c < dk; c++) {
                        s += q[qi + c] * k[kj + c];                    // S_ij = q_i·k_j   (head h's columns)
                    }
                    weights[a + j] = s * scale;                        // S_ij/√d_k
                    max = Math.max(max, weights[a + j]);
                }
                double sum = 0.0;
                for (int j = 0; j <= i; j++) {
                    weights[a + j] = StrictMath.exp(weights[a + j] - max); // stable: exp(s − max) ≤ 1
                    sum += weights[a + j];
                }
                for (int j = 0; j <= i; j++) {
                    weights[a + j] /= sum;                             // A_ij, row i sums to 1
                }
                for (int j = i + 1; j < tokens; j++) {
                    weights[a + j] = 0.0;                              // masked: exactly 0
                }
                for (int c = 0; c < dk; c++) {
                    concat[qi + c] = 0.0;
                }
                for (int j = 0; j <= i; j++) {
                    double aij = weights[a + j];
                    int vj = (first + j) * d + col;
                    for (int c = 0; c < dk; c++) {
                        concat[qi + c] += aij * v[vj + c];             // O_h row i = Σ_j A_ij·v_j
                    }
                }
            }
        }
    }

    /** Given dOut [rows×d], adds the gradients of Wq, Wk, Wv, Wo into theirs and dX into dIn [rows×d]. */
    void backward(double[] dOut, double[] dIn, Rows rows) {
        int total = rows.total();
        int size = total * d;
        products.addWeightGrad(concat, total, d, dOut, d, wo.grad);    // dWo += concatᵀ·dOut   [d×T]·[T×d]
        Arrays.fill(dConcat, 0, size, 0.0);
        products.addInputGrad(dOut, total, d, wo.value, d, dConcat);   // dConcat = dOut·Woᵀ   [T×d]
        Arrays.fill(dq, 0, size, 0.0);
        Arrays.fill(dkBuffer, 0, size, 0.0);
        Arrays.fill(dv, 0, size, 0.0);
        for (int s = 0; s < rows.sequences(); s++) {
            backwardWithin(rows.start(s), rows.length(s), weightsStart[s]);
        }
        products.addWeightGrad(in, total, d, dq, d, wq.grad);          // dWq += Xᵀ·dQ   [d×T]·[T×d]
        products.addWeightGrad(in, total, d, dkBuffer, d, wk.grad);    // dWk += Xᵀ·dK
        products.addWeightGrad(in, total, d, dv, d, wv.grad);          // dWv += Xᵀ·dV
        products.addInputGrad(dq, total, d, wq.value, d, dIn);         // dX += dQ·Wqᵀ   [T×d]·[d×d]
        products.addInputGrad(dkBuffer, total, d, wk.value, d, dIn);   // dX += dK·Wkᵀ
        products.addInputGrad(dv, total, d, wv.value, d, dIn);         // dX += dV·Wvᵀ
    }

    /** dQ, dK and dV of one sequence from its dConcat, through every head's softmax. */
    private void backwardWithin(int first, int tokens, int weightsAt) {
        for (int h = 0; h < heads; h++) {
            int col = h * dk;
            for (int i = 0; i < tokens; i++) {
                int a = weightsAt + (h * tokens + i) * tokens;
                int oi = (first + i) * d + col;                        // row i of this head's columns
                double rowDot = 0.0;                                   // Σ_j A_ij·dA_ij
                for (int j = 0; j <= i; j++) {
                    int vj = (first + j) * d + col;
                    double aij = weights[a + j];
                    double dA = 0.0;
                    for (int c = 0; c < dk; c++) {
                        double dO = dConcat[oi + c];
                        dA += dO * v[vj + c];                          // dA_ij = dO_i·v_j
                        dv[vj + c] += aij * dO;                        // dv_j += A_ij·dO_i
                    }
                    dWeightsRow[j] = dA;
                    rowDot += aij * dA;
                }
                for (int j = 0; j <= i; j++) {
                    // softmax backward, then the 1/√d_k: dS_ij = A_ij·(dA_ij − Σ_k A_ik·dA_ik)/√d_k
                    double dS = weights[a + j] * (dWeightsRow[j] - rowDot) * scale;
                    int kj = (first + j) * d + col;
                    for (int c = 0; c < dk; c++) {
                        dq[oi + c] += dS * k[kj + c];                  // dq_i += dS_ij·k_j
                        dkBuffer[kj + c] += dS * q[oi + c];            // dk_j += dS_ij·q_i
                    }
                }
            }
        }
    }

    /** Grows the buffers to the batch's rows and places each sequence's weights. */
    private void allocate(Rows rows) {
        int size = rows.total() * d;
        q = MatMul.atLeast(q, size);
        k = MatMul.atLeast(k, size);
        v = MatMul.atLeast(v, size);
        concat = MatMul.atLeast(concat, size);
        out = MatMul.atLeast(out, size);
        dConcat = MatMul.atLeast(dConcat, size);
        dq = MatMul.atLeast(dq, size);
        dkBuffer = MatMul.atLeast(dkBuffer, size);
        dv = MatMul.atLeast(dv, size);
        if (weightsStart.length < rows.sequences()) {
            weightsStart = new int[rows.sequences()];
        }
        int at = 0;
        int longest = 0;
        for (int s = 0; s < rows.sequences(); s++) {
            weightsStart[s] = at;
            at += heads * rows.length(s) * rows.length(s);
            longest = Math.max(longest, rows.length(s));
        }
        weights = MatMul.atLeast(weights, at);
        dWeightsRow = MatMul.atLeast(dWeightsRow, longest);
    }

    /** Head h's weights A_h as rows, for the first sequence of the last forward pass (tokens long).   [T×T] */
    double[][] headWeights(int h, int tokens) {
        double[][] rows = new double[tokens][tokens];
        for (int i = 0; i < tokens; i++) {
            System.arraycopy(weights, (h * tokens + i) * tokens, rows[i], 0, tokens);
        }
        return rows;
    }
}
