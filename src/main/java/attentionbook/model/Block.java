package attentionbook.model;

import java.util.Arrays;
import java.util.List;

/**
 * One pre-norm transformer layer on the residual stream:
 * <pre>
 *   mid = x + attn(norm1(x))
 *   out = mid + mlp(norm2(mid))      (without the MLP: out = mid)
 * </pre>
 */
final class Block {

    final RmsNorm norm1;
    final CausalSelfAttention attn;
    final RmsNorm norm2;               // null without the MLP
    final Mlp mlp;                     // null without the MLP
    private final int d;

    private final double[] mid;        // x + attn(norm1(x))   [T×d]
    final double[] out;                // [T×d]
    private final double[] dMid;       // backward scratch   [T×d]
    private final double[] dNormed;    // backward scratch   [T×d]

    Block(int index, int d, int heads, boolean withMlp, int maxTokens) {
        String name = "layers." + index;
        this.norm1 = new RmsNorm(name + ".norm1", d, maxTokens);
        this.attn = new CausalSelfAttention(name + ".attn", d, heads, maxTokens);
        this.norm2 = withMlp ? new RmsNorm(name + ".norm2", d, maxTokens) : null;
        this.mlp = withMlp ? new Mlp(name + ".mlp", d, maxTokens) : null;
        this.d = d;
        this.mid = new double[maxTokens * d];
        this.out = new double[maxTokens * d];
        this.dMid = new double[maxTokens * d];
        this.dNormed = new double[maxTokens * d];
    }

    /** The parameters in state_dict order. */
    List<Tensor> parameters() {
        if (mlp == null) {
            return List.of(norm1.weight, attn.wq, attn.wk, attn.wv, attn.wo);
        }
        return List.of(norm1.weight, attn.wq, attn.wk, attn.wv, attn.wo, norm2.weight, mlp.w1, mlp.w2);
    }

    /** The layer: [T×d] → [T×d]. */
    double[] forward(double[] x, int tokens) {
        int size = tokens * d;
        double[] a = attn.forward(norm1.forward(x, tokens), tokens);  // attn(norm1(x))   [T×d]
        for (int i = 0; i < size; i++) {
            mid[i] = x[i] + a[i];                                      // mid = x + attn(…)   [T×d]
        }
        if (mlp == null) {
            System.arraycopy(mid, 0, out, 0, size);
            return out;
        }
        double[] m = mlp.forward(norm2.forward(mid, tokens), tokens);  // mlp(norm2(mid))   [T×d]
        for (int i = 0; i < size; i++) {
            out[i] = mid[i] + m[i];                                    // out = mid + mlp(…)   [T×d]
        }
        return out;
    }

    /** Given dOut [T×d], adds every parameter's gradient into its own and dX into dIn [T×d]. */
    void backward(double[] dOut, double[] dIn, int tokens) {
        int size = tokens * d;
        System.arraycopy(dOut, 0, dMid, 0, size);                      // dMid = dOut   (the residual path)
        if (mlp != null) {
            Arrays.fill(dNormed, 0, size, 0.0);
            mlp.backward(dOut, dNormed, tokens);                       // dNormed = ∂/∂norm2(mid)   [T×d]
            norm2.backward(dNormed, dMid, tokens);                     // dMid += through norm2   [T×d]
        }
        for (int i = 0; i < size; i++) {
            dIn[i] += dMid[i];                                         // dX += dMid   (the residual path)
        }
        Arrays.fill(dNormed, 0, size, 0.0);
        attn.backward(dMid, dNormed, tokens);                          // dNormed = ∂/∂norm1(x)   [T×d]
        norm1.backward(dNormed, dIn, tokens);                          // dX += through norm1   [T×d]
    }

    /** The normalised input the attention saw on the last forward pass.   [T×d] */
    double[] attentionInput() {
        return norm1.out;
    }
}
