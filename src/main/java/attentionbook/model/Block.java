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

    private double[] mid = new double[0];       // x + attn(norm1(x))   [rows×d]
    double[] out = new double[0];               // [rows×d]
    private double[] dMid = new double[0];      // backward scratch   [rows×d]
    private double[] dNormed = new double[0];   // backward scratch   [rows×d]

    Block(int index, int d, int heads, boolean withMlp, MatMul products) {
        String name = "layers." + index;
        this.norm1 = new RmsNorm(name + ".norm1", d);
        this.attn = new CausalSelfAttention(name + ".attn", d, heads, products);
        this.norm2 = withMlp ? new RmsNorm(name + ".norm2", d) : null;
        this.mlp = withMlp ? new Mlp(name + ".mlp", d, products) : null;
        this.d = d;
    }

    /** The parameters in state_dict order. */
    List<Tensor> parameters() {
        if (mlp == null) {
            return List.of(norm1.weight, attn.wq, attn.wk, attn.wv, attn.wo);
        }
        return List.of(norm1.weight, attn.wq, attn.wk, attn.wv, attn.wo, norm2.weight, mlp.w1, mlp.w2);
    }

    /** The layer, over the rows of a whole batch: [rows×d] → [rows×d]. */
    double[] forward(double[] x, Rows rows) {
        int tokens = rows.total();
        int size = tokens * d;
        mid = MatMul.atLeast(mid, size);
        out = MatMul.atLeast(out, size);
        dMid = MatMul.atLeast(dMid, size);
        dNormed = MatMul.atLeast(dNormed, size);
        double[] a = attn.forward(norm1.forward(x, tokens), rows);    // attn(norm1(x))   [T×d]
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

    /** Given dOut [rows×d], adds every parameter's gradient into its own and dX into dIn [rows×d]. */
    void backward(double[] dOut, double[] dIn, Rows rows) {
        int tokens = rows.total();
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
        attn.backward(dMid, dNormed, rows);                            // dNormed = ∂/∂norm1(x)   [T×d]
        norm1.backward(dNormed, dIn, tokens);                          // dX += through norm1   [T×d]
    }

    /** The normalised input the attention saw on the last forward pass.   [T×d] */
    double[] attentionInput() {
        return norm1.out;
    }
}
