package attentionbook.attention;

import java.util.ArrayList;
import java.util.List;

/**
 * The same attention as {@link Attention#run}, computed the way FlashAttention does: for each query
 * row, the keys are read a tile at a time, the tile's scores are folded into the {@link OnlineSoftmax}
 * state (running max m, running sum ℓ, rescaled output), and the tile's scores are then forgotten. No
 * T×T grid is ever held: besides the inputs and the T×d outputs, one tile of scores and one d_v-long
 * row, so memory is O(T·d). The arithmetic is the same as the naive core's (T² dot products a head);
 * tiling saves memory, not multiply-adds.
 */
public final class TiledAttention {

    /** A tile size that keeps one tile of scores small next to a head's rows. */
    public static final int DEFAULT_TILE = 64;

    private TiledAttention() {
    }

    /** The layer's output (T×d_out), equal to {@code Attention.run(x, spec).output()} up to rounding. */
    public static Matrix run(Matrix x, AttentionSpec spec, int tile) {
        Attention.requireInput(x, spec);
        if (tile < 1) {
            throw new IllegalArgumentException("the tile size must be at least 1, got " + tile);
        }
        int dk = spec.headWidth();
        int dv = spec.valueHeadWidth();
        Matrix q = x.times(spec.wq());                   // [T×d_model]·[d_model×h·d_k] = [T×h·d_k]
        Matrix k = x.times(spec.wk());                   // [T×d_model]·[d_model×g·d_k] = [T×g·d_k]
        Matrix v = x.times(spec.wv());                   // [T×d_model]·[d_model×g·d_v] = [T×g·d_v]
        double factor = spec.scale() ? Attention.scaleFactor(dk) : 1.0;
        List<Matrix> groupKeys = new ArrayList<>(spec.kvHeads());
        for (int g = 0; g < spec.kvHeads(); g++) {       // each group's keys, rotated once however many heads share them
            Matrix kg = k.columns(g * dk, (g + 1) * dk);
            groupKeys.add(spec.rope() ? Rope.rotate(kg) : kg);
        }
        List<Matrix> heads = new ArrayList<>(spec.heads());
        for (int h = 0; h < spec.heads(); h++) {
            int g = spec.kvGroup(h);                     // query head h reads key/value group ⌊h·g/H⌋
            Matrix qh = q.columns(h * dk, (h + 1) * dk);
            heads.add(head(spec.rope() ? Rope.rotate(qh) : qh, groupKeys.get(g), v.columns(g * dv, (g + 1) * dv),
                    factor, spec.causal(), spec.window(), tile));
        }
        Matrix concat = Matrix.concatColumns(heads);    // [T×h·d_v]
        Matrix output = spec.wo() == null ? concat : concat.times(spec.wo());
        if (!output.allFinite()) {
            throw new NonFiniteResultException(Step.OUTPUT, "the tiled attention's output is not finite (inputs too large)");
        }
        return output;
    }

    /** One head without a window: {@link #head(Matrix, Matrix, Matrix, double, boolean, int, int)} with window 0. */
    public static Matrix head(Matrix q, Matrix k, Matrix v, double factor, boolean causal, int tile) {
        return head(q, k, v, factor, causal, 0, tile);
    }

    /**
     * One head: O = softmax(Q·Kᵀ·factor + M)·V, row by row and tile by tile.
     * q, k: T×d_k (already rotated when rope is on); v: T×d_v; causal hides j > i and a window w &gt; 0
     * (with causal) hides j ≤ i − w: hidden columns are not even read.
     */
    public static Matrix head(Matrix q, Matrix k, Matrix v, double factor, boolean causal, int window, int tile) {
        if (q.cols() != k.cols() || q.rows() != k.rows() || v.rows() != k.rows()) {
            throw new ShapeException("q is " + q.shape() + ", k " + k.shape() + " and v " + v.shape()
                    + ": q and k need the same shape and v one row per key");
        }
        int tokens = q.rows();
        int dk = q.cols();
        double[][] qs = q.toArray();
        double[][] ks = k.toArray();
        double[][] vs = v.toArray();
        double[][] out = new double[tokens][v.cols()];
        double[] scores = new double[Math.min(tile, tokens)];   // one tile of one row: all the scores ever held
        for (int i = 0; i < tokens; i++) {
            int visible = causal ? i + 1 : tokens;
            int first = causal && window > 0 ? Math.max(0, i - window + 1) : 0;   // i − w < j ≤ i
            OnlineSoftmax.Running running = new OnlineSoftmax.Running(v.cols());
            for (int from = first; from < visible; from += tile) {
                int count = Math.min(tile, visible - from);
                for (int j = 0; j < count; j++) {
                    double dot = 0.0;
                    double[] key = ks[from + j];
                    for (int c = 0; c < dk; c++) {
                        dot += qs[i][c] * key[c];        // q_i·k_j, summed in the order Matrix.times sums
                    }
                    scores[j] = dot * factor;
                }
                running.absorb(scores, count, vs, from);
            }
            running.outputInto(out[i]);
        }
        return Matrix.of(out);
    }
}
