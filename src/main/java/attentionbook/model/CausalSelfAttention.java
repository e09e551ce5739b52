package attentionbook.model;

/**
 * Causal multi-head self-attention with the book's conventions (rows are tokens, Q = X·Wq, head h
 * takes the contiguous columns h·d_k … (h+1)·d_k−1, scores scaled by 1/√d_k, then W_O):
 * <pre>
 *   Q = X·Wq, K = X·Wk, V = X·Wv                       [T×d]
 *   A_h = softmax(Q_h·K_hᵀ/√d_k + M)  (M = −∞ above the diagonal)   [T×T]
 *   concat = [A_1·V_1 | … | A_h·V_h],   out = concat·Wo   [T×d]
 * </pre>
 * No biases. d_k = d / heads.
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

    private double[] in;               // X, the normalised input (the caller's buffer)   [T×d]
    private final double[] q;          // [T×d]
    private final double[] k;          // [T×d]
    private final double[] v;          // [T×d]
    final double[] weights;            // A, head h's row i at (h·T + i)·T   [heads×T×T], 0 above the diagonal
    private final double[] concat;     // [T×d]
    final double[] out;                // [T×d]

    private final double[] dConcat;    // backward scratch, each [T×d] or [T]
    private final double[] dq;
    private final double[] dkBuffer;
    private final double[] dv;
    private final double[] dWeightsRow;

    CausalSelfAttention(String name, int d, int heads, int maxTokens) {
        this.wq = new Tensor(name + ".wq", d, d);
        this.wk = new Tensor(name + ".wk", d, d);
        this.wv = new Tensor(name + ".wv", d, d);
        this.wo = new Tensor(name + ".wo", d, d);
        this.d = d;
        this.heads = heads;
        this.dk = d / heads;
        this.scale = 1.0 / Math.sqrt(dk);
        int size = maxTokens * d;
        this.q = new double[size];
        this.k = new double[size];
        this.v = new double[size];
        this.weights = new double[heads * maxTokens * maxTokens];
        this.concat = new double[size];
        this.out = new double[size];
        this.dConcat = new double[size];
        this.dq = new double[size];
        this.dkBuffer = new double[size];
        this.dv = new double[size];
        this.dWeightsRow = new double[maxTokens];
    }

    int heads() {
        return heads;
    }

    /** out = concat(A_h·V_h)·Wo.   [T×d] → [T×d] */
    double[] forward(double[] x, int tokens) {
        in = x;
        MatMul.forward(x, tokens, d, wq.value, d, q);                  // Q = X·Wq   [T×d]·[d×d] = [T×d]
        MatMul.forward(x, tokens, d, wk.value, d, k);                  // K = X·Wk   [T×d]
        MatMul.forward(x, tokens, d, wv.value, d, v);                  // V = X·Wv   [T×d]
        for (int h = 0; h < heads; h++) {
            int col = h * dk;                                          // head h's first column
            for (int i = 0; i < tokens; i++) {
                int a = (h * tokens + i) * tokens;                     // A_h row i
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {                         // j > i is masked: never computed
                    double s = 0.0;
                    for (int c = 0; c < dk; c++) {
                        s += q[i * d + col + c] * k[j * d + col + c];  // S_ij = q_i·k_j   (head h's columns)
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
                    double o = 0.0;
                    for (int j = 0; j <= i; j++) {
                        o += weights[a + j] * v[j * d + col + c];      // O_h row i = Σ_j A_ij·v_j
                    }
                    concat[i * d + col + c] = o;
                }
            }
        }
        MatMul.forward(concat, tokens, d, wo.value, d, out);           // out = concat·Wo   [T×d]
        return out;
    }

    /** Given dOut [T×d], adds the gradients of Wq, Wk, Wv, Wo into theirs and dX into dIn [T×d]. */
    void backward(double[] dOut, double[] dIn, int tokens) {
        int size = tokens * d;
        MatMul.addWeightGrad(concat, tokens, d, dOut, d, wo.grad);     // dWo += concatᵀ·dOut   [d×T]·[T×d]
        java.util.Arrays.fill(dConcat, 0, size, 0.0);
        MatMul.addInputGrad(dOut, tokens, d, wo.value, d, dConcat);    // dConcat = dOut·Woᵀ   [T×d]
        java.util.Arrays.fill(dq, 0, size, 0.0);
        java.util.Arrays.fill(dkBuffer, 0, size, 0.0);
        java.util.Arrays.fill(dv, 0, size, 0.0);
        for (int h = 0; h < heads; h++) {
            int col = h * dk;
            for (int i = 0; i < tokens; i++) {
                int a = (h * tokens + i) * tokens;
                double rowDot = 0.0;                                   // Σ_j A_ij·dA_ij
                for (int j = 0; j <= i; j++) {
                    double dA = 0.0;
                    for (int c = 0; c < dk; c++) {
                        double dO = dConcat[i * d + col + c];
                        dA += dO * v[j * d + col + c];                 // dA_ij = dO_i·v_j
                        dv[j * d + col + c] += weights[a + j] * dO;    // dv_j += A_ij·dO_i
                    }
                    dWeightsRow[j] = dA;
                    rowDot += weights[a + j] * dA;
                }
                for (int j = 0; j <= i; j++) {
                    // softmax backward, then the 1/√d_k: dS_ij = A_ij·(dA_ij − Σ_k A_ik·dA_ik)/√d_k
                    double dS = weights[a + j] * (dWeightsRow[j] - rowDot) * scale;
                    for (int c = 0; c < dk; c++) {
                        dq[i * d + col + c] += dS * k[j * d + col + c];       // dq_i += dS_ij·k_j
                        dkBuffer[j * d + col + c] += dS * q[i * d + col + c]; // dk_j += dS_ij·q_i
                    }
                }
            }
        }
        MatMul.addWeightGrad(in, tokens, d, dq, d, wq.grad);           // dWq += Xᵀ·dQ   [d×T]·[T×d]
        MatMul.addWeightGrad(in, tokens, d, dkBuffer, d, wk.grad);     // dWk += Xᵀ·dK
        MatMul.addWeightGrad(in, tokens, d, dv, d, wv.grad);           // dWv += Xᵀ·dV
        MatMul.addInputGrad(dq, tokens, d, wq.value, d, dIn);          // dX += dQ·Wqᵀ   [T×d]·[d×d]
        MatMul.addInputGrad(dkBuffer, tokens, d, wk.value, d, dIn);    // dX += dK·Wkᵀ
        MatMul.addInputGrad(dv, tokens, d, wv.value, d, dIn);          // dX += dV·Wvᵀ
    }

    /** Head h's weights A_h as rows, after a forward pass over tokens tokens.   [T×T] */
    double[][] headWeights(int h, int tokens) {
        double[][] rows = new double[tokens][tokens];
        for (int i = 0; i < tokens; i++) {
            System.arraycopy(weights, (h * tokens + i) * tokens, rows[i], 0, tokens);
        }
        return rows;
    }
}
