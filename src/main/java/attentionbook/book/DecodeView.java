package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Costs;
import attentionbook.attention.Decoding;
import attentionbook.attention.KvCacheDecoder;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What the decode widget shows at step t: the new token's q row, the cached K and V (rows 1 … t−1
 * reused, row t appended now), each head's one new row of scores and weights, the output row, the
 * same row recomputed without the cache (and, with the cache off, the whole recomputed causal
 * output), the multiply-adds both ways, and the cache's bytes for a chosen model and number type.
 *
 * @param weightsFull every row of the recomputed causal weights of head 1 (only without the cache; else null)
 */
public record DecodeView(List<String> tokens, int step, boolean cache, double[] q, double[][] keys, double[][] values,
                         double[][] scores, double[][] weights, double[] output, double[] recomputed,
                         @JsonProperty("largest_difference") double largestDifference,
                         @JsonProperty("recomputed_all") double[][] recomputedAll,
                         @JsonProperty("madds_cached") long maddsCached, @JsonProperty("madds_recomputed") long maddsRecomputed,
                         @JsonProperty("madds_cached_total") long maddsCachedTotal,
                         @JsonProperty("madds_recomputed_total") long maddsRecomputedTotal,
                         Bytes bytes) {

    /** Multiply-adds the cache saved so far: recomputing every step minus decoding with the cache. */
    @JsonProperty("madds_saved")
    public long maddsSaved() {
        return maddsRecomputedTotal - maddsCachedTotal;
    }

    /** The KV cache after t tokens for one sequence of the chosen model, in bytes: per head and layer, per layer, in all. */
    public record Bytes(String model, String dtype, int layers, int heads, @JsonProperty("head_dim") int headDim,
                        @JsonProperty("bytes_per_number") int bytesPerNumber,
                        @JsonProperty("per_head") long perHead, @JsonProperty("per_layer") long perLayer, long total) {
    }

    static DecodeView of(List<String> tokens, Matrix x, AttentionSpec spec, int step, boolean cache, DecodeModels.Model model,
                         DecodeModels.Dtype dtype) {
        double[][] rows = x.toArray();
        double[][] prefix = java.util.Arrays.copyOf(rows, step);
        List<Decoding.Compared> compared = Decoding.compare(Matrix.of(prefix), spec);
        Decoding.Compared last = compared.get(step - 1);
        KvCacheDecoder.Token token = last.cached();
        long cachedTotal = 0;
        long recomputedTotal = 0;
        for (Decoding.Compared c : compared) {
            cachedTotal += c.cached().multiplyAdds();
            recomputedTotal += c.recomputeMultiplyAdds();
        }
        Matrix keys = x.times(spec.wk());
        Matrix values = x.times(spec.wv());
        double[][] recomputedAll = null;
        if (!cache) {
            AttentionSpec causal = new AttentionSpec(spec.wq(), spec.wk(), spec.wv(), spec.wo(), spec.heads(), true, spec.scale());
            recomputedAll = Attention.run(Matrix.of(prefix), causal).output().toArray();
        }
        int layers = model.layers() == 0 ? 1 : model.layers();
        int heads = model.layers() == 0 ? spec.heads() : model.heads();
        int headDim = model.layers() == 0 ? spec.headWidth() : model.headDim();
        long perHead = Costs.kvCacheBytes(1, 1, step, 1, headDim, dtype.bytes());
        long perLayer = Costs.kvCacheBytes(1, 1, step, heads, headDim, dtype.bytes());
        long total = Costs.kvCacheBytes(layers, 1, step, heads, headDim, dtype.bytes());
        return new DecodeView(tokens, step, cache, token.q(), java.util.Arrays.copyOf(keys.toArray(), step),
                java.util.Arrays.copyOf(values.toArray(), step), token.scaled(), token.weights(), token.output(), last.recomputed(),
                last.largestDifference(), recomputedAll, token.multiplyAdds(), last.recomputeMultiplyAdds(), cachedTotal, recomputedTotal,
                new Bytes(model.name(), dtype.name(), layers, heads, headDim, dtype.bytes(), perHead, perLayer, total));
    }
}
