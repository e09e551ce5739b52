package attentionbook.attention;

/**
 * Parameter, memory and arithmetic counts for attention. Everything is a long computed with
 * Math.multiplyExact, so a figure too large for a long throws ArithmeticException instead of wrapping.
 * Every size must be at least 1.
 */
public final class Costs {

    /** The four projections W_Q, W_K, W_V and W_O. */
    public static final int PROJECTIONS = 4;

    private Costs() {
    }

    /** Weights of W_Q, W_K, W_V and W_O, each d_model×d_model: 4·d_model². Independent of the number of heads. */
    public static long attentionWeightsPerLayer(long dModel) {
        positive("d_model", dModel);
        return times("the attention weights", PROJECTIONS, dModel, dModel);
    }

    /** Biases of the four projections, one per output column each: 4·d_model. */
    public static long attentionBiasesPerLayer(long dModel) {
        positive("d_model", dModel);
        return times("the attention biases", PROJECTIONS, dModel);
    }

    /** Parameters of one attention layer: 4·d_model², plus 4·d_model when the projections have biases. */
    public static long attentionParametersPerLayer(long dModel, boolean biases) {
        long weights = attentionWeightsPerLayer(dModel);
        return biases ? plus("the attention parameters", weights, attentionBiasesPerLayer(dModel)) : weights;
    }

    /** Attention parameters of the whole model: layers × the parameters of one layer. */
    public static long attentionParameters(long dModel, long layers, boolean biases) {
        positive("layers", layers);
        return times("the attention parameters", layers, attentionParametersPerLayer(dModel, biases));
    }

    /** d_k = d_model / heads; IllegalArgumentException when heads does not divide d_model. */
    public static long headWidth(long dModel, long heads) {
        positive("d_model", dModel);
        positive("heads", heads);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("heads = " + heads + " does not divide d_model = " + dModel);
        }
        return dModel / heads;
    }

    /** Values held by a KV cache: 2 (K and V) × layers × batch × tokens × kvHeads × headDim. */
    public static long kvCacheValues(long layers, long batch, long tokens, long kvHeads, long headDim) {
        positive("layers", layers);
        positive("batch", batch);
        positive("tokens", tokens);
        positive("kvHeads", kvHeads);
        positive("headDim", headDim);
        return times("the KV cache", 2, layers, batch, tokens, kvHeads, headDim);
    }

    /** Bytes of a KV cache: 2 (K and V) × layers × batch × tokens × kvHeads × headDim × bytesPerValue. */
    public static long kvCacheBytes(long layers, long batch, long tokens, long kvHeads, long headDim, long bytesPerValue) {
        positive("bytesPerValue", bytesPerValue);
        return times("the KV cache", kvCacheValues(layers, batch, tokens, kvHeads, headDim), bytesPerValue);
    }

    /** Cells of the score grids of one layer: batch × heads × T × T (quadratic in T). */
    public static long scoreGridEntries(long batch, long heads, long tokens) {
        positive("batch", batch);
        positive("heads", heads);
        positive("tokens", tokens);
        return times("the score grid", batch, heads, tokens, tokens);
    }

    /** Bytes of the score grids of one layer: batch × heads × T × T × bytesPerValue. */
    public static long scoreGridBytes(long batch, long heads, long tokens, long bytesPerValue) {
        positive("bytesPerValue", bytesPerValue);
        return times("the score grid", scoreGridEntries(batch, heads, tokens), bytesPerValue);
    }

    /** Multiply-adds of Q_h·K_hᵀ for one head: T × T × d_k (each of T² scores is a d_k-long dot product). */
    public static long scoreMultiplyAdds(long tokens, long headWidth) {
        positive("tokens", tokens);
        positive("d_k", headWidth);
        return times("the score multiply-adds", tokens, tokens, headWidth);
    }

    /** Multiply-adds of weights·V_h for one head: T × T × d_v (each of T·d_v outputs sums T products). */
    public static long weightedSumMultiplyAdds(long tokens, long valueHeadWidth) {
        positive("tokens", tokens);
        positive("d_v", valueHeadWidth);
        return times("the weighted-sum multiply-adds", tokens, tokens, valueHeadWidth);
    }

    /** Multiply-adds of Q·Kᵀ and weights·V over a whole layer: batch × heads × (T²·d_k + T²·d_v). */
    public static long attentionMultiplyAdds(long batch, long heads, long tokens, long headWidth, long valueHeadWidth) {
        positive("batch", batch);
        positive("heads", heads);
        long perHead = plus("the attention multiply-adds", scoreMultiplyAdds(tokens, headWidth),
                weightedSumMultiplyAdds(tokens, valueHeadWidth));
        return times("the attention multiply-adds", batch, heads, perHead);
    }

    /** Multiply-adds of the four projections of one layer on T tokens: 4·T·d_model² (linear in T). */
    public static long projectionMultiplyAdds(long tokens, long dModel) {
        positive("tokens", tokens);
        return times("the projection multiply-adds", PROJECTIONS, tokens, dModel, dModel);
    }

    /**
     * Multiply-adds of one decoding step with the KV cache, t tokens in the cache after it: the new row's
     * three projections d_model·(h·d_k + g·d_k + g·d_v), one score row and one weighted sum a head over the
     * keys it sees h·min(t, w)·(d_k + d_v) (t without a window), and W_O on one row (h·d_v·d_out, when there
     * is a W_O). Rotating q and k (rope) is not counted: it is a few products a pair, not a dot product.
     */
    public static long cachedStepMultiplyAdds(long tokens, AttentionSpec spec) {
        positive("tokens", tokens);
        long seen = spec.window() > 0 ? Math.min(tokens, spec.window()) : tokens;
        long projections = times("the projections", spec.dModel(), spec.wq().cols() + spec.wk().cols() + (long) spec.wv().cols());
        long attention = times("the attention", spec.heads(), seen, spec.headWidth() + (long) spec.valueHeadWidth());
        long wo = spec.wo() == null ? 0 : times("W_O", spec.wo().rows(), spec.wo().cols());
        return plus("a decoding step", plus("a decoding step", projections, attention), wo);
    }

    /**
     * Multiply-adds of the same step without a cache: the whole causal layer on t tokens, as
     * Attention.run computes it (every row projected, every head's full t×t grid, W_O on every row).
     */
    public static long recomputeStepMultiplyAdds(long tokens, AttentionSpec spec) {
        positive("tokens", tokens);
        long projections = times("the projections", tokens, spec.dModel(), spec.wq().cols() + spec.wk().cols() + (long) spec.wv().cols());
        long attention = attentionMultiplyAdds(1, spec.heads(), tokens, spec.headWidth(), spec.valueHeadWidth());
        long wo = spec.wo() == null ? 0 : times("W_O", tokens, spec.wo().rows(), spec.wo().cols());
        return plus("a recomputed step", plus("a recomputed step", projections, attention), wo);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    private static long times(String what, long... factors) {
        long product = 1;
        try {
            for (long factor : factors) {
                product = Math.multiplyExact(product, factor);
            }
        } catch (ArithmeticException e) {
            throw new ArithmeticException(what + " is too large to count in a long (over " + Long.MAX_VALUE + ")");
        }
        return product;
    }

    private static long plus(String what, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(what + " is too large to count in a long (over " + Long.MAX_VALUE + ")");
        }
    }
}
