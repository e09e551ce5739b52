package attentionbook.attention;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoding a whole sequence both ways: with the KV cache, one row a step, and without it, running the
 * full causal layer on the first t tokens at step t and keeping its last row. The two outputs must
 * agree to {@link #TOLERANCE} at every step (checked here, not only in tests); the multiply-adds of
 * both are counted so the saving can be shown.
 */
public final class Decoding {

    /** The greatest difference allowed between the cached and the recomputed output. */
    public static final double TOLERANCE = 1e-12;

    /**
     * One step compared.
     *
     * @param cached              the cached step (its q, k, v, new score row, weights, output)
     * @param recomputed          the last output row of the full causal layer on tokens 1 … t
     * @param recomputeMultiplyAdds what recomputing all t rows costs ({@link Costs#recomputeStepMultiplyAdds})
     * @param largestDifference   max |cached − recomputed| over the output row
     */
    public record Compared(KvCacheDecoder.Token cached, double[] recomputed, long recomputeMultiplyAdds,
                           double largestDifference) {
    }

    private Decoding() {
    }

    /** The same layer under the causal mask, every other option (kv_heads, window, rope) kept: what decoding computes. */
    public static AttentionSpec causal(AttentionSpec spec) {
        return spec.causal() ? spec : new AttentionSpec(spec.wq(), spec.wk(), spec.wv(), spec.wo(), spec.heads(), true, spec.scale(),
                spec.kvHeads(), spec.window(), spec.rope());
    }

    /** Every row of x decoded in order, each step compared with a full recomputation. */
    public static List<Compared> compare(Matrix x, AttentionSpec spec) {
        if (x == null || spec == null) {
            throw new IllegalArgumentException("decoding needs x and the attention spec");
        }
        AttentionSpec causal = causal(spec);
        KvCacheDecoder decoder = new KvCacheDecoder(causal);
        List<Compared> steps = new ArrayList<>(x.rows());
        double[][] rows = x.toArray();
        for (int t = 1; t <= rows.length; t++) {
            KvCacheDecoder.Token step = decoder.append(rows[t - 1]);
            double[][] prefix = new double[t][];
            System.arraycopy(rows, 0, prefix, 0, t);
            double[] recomputed = Attention.run(Matrix.of(prefix), causal).output().row(t - 1);
            double largest = 0.0;
            for (int c = 0; c < recomputed.length; c++) {
                largest = Math.max(largest, Math.abs(recomputed[c] - step.output()[c]));
            }
            if (!(largest <= TOLERANCE)) {
                throw new IllegalStateException("token " + t + ": the cached output differs from the recomputed one by "
                        + largest + ", more than " + TOLERANCE);
            }
            steps.add(new Compared(step, recomputed, Costs.recomputeStepMultiplyAdds(t, causal), largest));
        }
        return List.copyOf(steps);
    }
}
