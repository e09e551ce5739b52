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

    private final MatMul products;
    private double[] in;                       // X (the caller's buffer)   [T×d]
    private double[] u = new double[0];        // X·W1   [T×4d]
    private double[] t = new double[0];        // tanh(c·(u + a·u³)), kept for gelu'(u)   [T×4d]
    private double[] z = new double[0];        // gelu(u)   [T×4d]
    double[] out = new double[0];              // [T×d]
    private double[] dz = new double[0];       // backward scratch   [T×4d]

    Mlp(String name, int d, MatMul products) {
        this.hidden = EXPANSION * d;
        this.w1 = new Tensor(name + ".w1", d, hidden);
        this.w2 = new Tensor(name + ".w2", hidden, d);
        this.d = d;
        this.products = products;
    }

    /** out = gelu(X·W1)·W2, over the rows of a whole batch.   [T×d] → [T×d] */
    double[] forward(double[] x, int tokens) {
        in = x;
        int size = tokens * hidden;
        u = MatMul.atLeast(u, size);
        t = MatMul.atLeast(t, size);
        z = MatMul.atLeast(z, size);
        dz = MatMul.atLeast(dz, size);
        out = MatMul.atLeast(out, tokens * d);
        products.forward(x, tokens, d, w1.value, hidden, u);         // u = X·W1   [T×4d]
        for (int i = 0; i < size; i++) {
            t[i] = tanhPart(u[i]);
            z[i] = gelu(u[i], t[i]);                                 // z = gelu(u)   [T×4d]
        }
        products.forward(z, tokens, hidden, w2.value, d, out);       // out = z·W2   [T×d]
        return out;
    }

    /** Given dOut [T×d], adds dW1, dW2 into their gradients and dX into dIn [T×d]. */
    void backward(double[] dOut, double[] dIn, int tokens) {
        int size = tokens * hidden;
        products.addWeightGrad(z, tokens, hidden, dOut, d, w2.grad); // dW2 += zᵀ·dOut   [4d×T]·[T×d]
        java.util.Arrays.fill(dz, 0, size, 0.0);
        products.addInputGrad(dOut, tokens, d, w2.value, hidden, dz); // dz = dOut·W2ᵀ   [T×4d]
        for (int i = 0; i < size; i++) {
            dz[i] *= geluSlope(u[i], t[i]);                          // du = dz ⊙ gelu'(u)   [T×4d]
        }
        products.addWeightGrad(in, tokens, d, dz, hidden, w1.grad);  // dW1 += Xᵀ·du   [d×T]·[T×4d]
        products.addInputGrad(dz, tokens, hidden, w1.value, d, dIn); // dX += du·W1ᵀ   [T×d]
    }

    /** t = tanh(c·(u + a·u³)), the part gelu and its slope share. */
    static double tanhPart(double u) {
        return StrictTanh.tanh(C * (u + A * u * u * u));
    }

    /** gelu(u) = ½·u·(1 + t) */
    static double gelu(double u, double t) {
        return 0.5 * u * (1.0 + t);
    }

    /** gelu'(u) = ½·(1 + t) + ½·u·(1 − t²)·c·(1 + 3a·u²) */
    static double geluSlope(double u, double t) {
        return 0.5 * (1.0 + t) + 0.5 * u * (1.0 - t * t) * C * (1.0 + 3.0 * A * u * u);
    }
}
