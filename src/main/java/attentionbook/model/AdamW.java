package attentionbook.model;

import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), β₁ = 0.9, β₂ = 0.99, ε = 1e-8:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m/(1 − β₁ᵗ)                v̂ = v/(1 − β₂ᵗ)
 *   w ← w − lr·(m̂/(√v̂ + ε) + λ·w)  (λ only for weight matrices)
 * </pre>
 * Weight decay applies to the attention, MLP and unembedding matrices, not to the embeddings or the
 * norm gains (as in GPT-2's training). β₂ is 0.99 rather than 0.999: with runs this short, a shorter
 * memory of g² lets the step size follow the loss as it falls.
 */
final class AdamW {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.99;
    static final double EPSILON = 1e-8;

    private final List<Tensor> parameters;
    private final double[][] m;        // first moments, one array a parameter
    private final double[][] v;        // second moments
    private final boolean[] decays;
    private final double weightDecay;
    private double beta1Power = 1.0;   // β₁ᵗ, by repeated multiplication (no pow: the same everywhere)
    private double beta2Power = 1.0;   // β₂ᵗ

    AdamW(List<Tensor> parameters, double weightDecay) {
        this.parameters = parameters;
        this.weightDecay = weightDecay;
        this.m = new double[parameters.size()][];
        this.v = new double[parameters.size()][];
        this.decays = new boolean[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            Tensor tensor = parameters.get(p);
            m[p] = new double[tensor.size()];
            v[p] = new double[tensor.size()];
            decays[p] = tensor.shape().length == 2 && !tensor.name().endsWith("_emb");
        }
    }

    /** One update of every parameter from its gradient, with this step's learning rate. */
    void step(double lr) {
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double correction1 = 1.0 - beta1Power;
        double correction2 = 1.0 - beta2Power;
        for (int p = 0; p < parameters.size(); p++) {
            Tensor tensor = parameters.get(p);
            double[] w = tensor.value;
            double[] g = tensor.grad;
            double[] mp = m[p];
            double[] vp = v[p];
            double decay = decays[p] ? weightDecay : 0.0;
            for (int i = 0; i < w.length; i++) {
                mp[i] = BETA1 * mp[i] + (1.0 - BETA1) * g[i];
                vp[i] = BETA2 * vp[i] + (1.0 - BETA2) * g[i] * g[i];
                double mHat = mp[i] / correction1;
                double vHat = vp[i] / correction2;
                w[i] -= lr * (mHat / (Math.sqrt(vHat) + EPSILON) + decay * w[i]);
            }
        }
    }
}
