package attentionbook.model;

/**
 * The feed-forward sublayer, applied to each token on its own:
 * <pre>
 *   u = X·W1   [T×d]·[d×4d] = [T×4d],   z = gelu(u),   out = z·W2   [T×4d]·[4d×d] = [T×d]
 * </pre>
 * No biases. GELU in GPT-2's tanh form, gelu(u) = ½·u·(1 + tanh(√(2/π)·(u + 0.044715·u³))):
 * smooth everywhere, so finite differences check its gradient as tightly as any other layer's.
 */
final class Mlp {

    static final int EXPANSION = 4;
    private static final double C = Math.sqrt(2.0 / Math.PI);
    private static final double A = 0.044715;

    final Tensor w1;                   // [d×4d]
    final Tensor w2;                   // [4d×d]
    private final int d;
    private final int hidden;

    private double[] in;               // X (the caller's buffer)   [T×d]
    private final double[] u;          // X·W1   [T×4d]
    private final double[] z;          // gelu(u)   [T×4d]
    final double[] out;                // [T×d]
    private final double[] dz;         // backward scratch   [T×4d]

    Mlp(String name, int d, int maxTokens) {
        this.hidden = EXPANSION * d;
        this.w1 = new Tensor(name + ".w1", d, hidden);
        this.w2 = new Tensor(name + ".w2", hidden, d);
        this.d = d;
        this.u = new double[maxTokens * hidden];
        this.z = new double[maxTokens * hidden];
        this.out = new double[maxTokens * d];
        this.dz = new double[maxTokens * hidden];
    }

    /** out = gelu(X·W1)·W2.   [T×d] → [T×d] */
    double[] forward(double[] x, int tokens) {
        in = x;
        MatMul.forward(x, tokens, d, w1.value, hidden, u);           // u = X·W1   [T×4d]
        for (int i = 0; i < tokens * hidden; i++) {
            z[i] = gelu(u[i]);                                       // z = gelu(u)   [T×4d]
        }
        MatMul.forward(z, tokens, hidden, w2.value, d, out);         // out = z·W2   [T×d]
        return out;
    }

    /** Given dOut [T×d], adds dW1, dW2 into their gradients and dX into dIn [T×d]. */
    void backward(double[] dOut, double[] dIn, int tokens) {
        MatMul.addWeightGrad(z, tokens, hidden, dOut, d, w2.grad);   // dW2 += zᵀ·dOut   [4d×T]·[T×d]
        java.util.Arrays.fill(dz, 0, tokens * hidden, 0.0);
        MatMul.addInputGrad(dOut, tokens, d, w2.value, hidden, dz);  // dz = dOut·W2ᵀ   [T×4d]
        for (int i = 0; i < tokens * hidden; i++) {
            dz[i] *= geluSlope(u[i]);                                // du = dz ⊙ gelu'(u)   [T×4d]
        }
        MatMul.addWeightGrad(in, tokens, d, dz, hidden, w1.grad);    // dW1 += Xᵀ·du   [d×T]·[T×4d]
        MatMul.addInputGrad(dz, tokens, hidden, w1.value, d, dIn);   // dX += du·W1ᵀ   [T×d]
    }

    /** ½·u·(1 + tanh(c·(u + a·u³))) */
    static double gelu(double u) {
        return 0.5 * u * (1.0 + StrictMath.tanh(C * (u + A * u * u * u)));
    }

    /** gelu'(u) = ½·(1 + t) + ½·u·(1 − t²)·c·(1 + 3a·u²), with t = tanh(c·(u + a·u³)) */
    static double geluSlope(double u) {
        double t = StrictMath.tanh(C * (u + A * u * u * u));
        return 0.5 * (1.0 + t) + 0.5 * u * (1.0 - t * t) * C * (1.0 + 3.0 * A * u * u);
    }
}
