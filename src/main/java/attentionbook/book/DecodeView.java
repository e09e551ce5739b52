package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Costs;
import attentionbook.attention.Decoding;
import attentionbook.attention.KvCacheDecoder;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/**
 * What the decode widget shows at step t: the new token's q row, the cached K and V (g·d_k and g·d_v wide; rows 1 … t−1
 * reused, row t appended now), each head's one new row of scores and weights, the output row, the
 * same row recomputed without the cache (and, with the cache off, the whole recomputed causal
 * output), the multiply-adds both ways, and the cache's bytes for a chosen model and number type.
 *
 * @param scores       per head, the new token's row of scaled scores over the cached keys (null outside the window)
 * @param recomputedAll every output row of the causal layer recomputed on tokens 1 … t (only without the cache; else null)
 * @param cachedFrom   the oldest token (from 1) the cache still holds: rows before it left the rolling buffer of a window
 */
public record DecodeView(List<String> tokens, int step, boolean cache, double[] q, double[][] keys, double[][] values,
                         Double[][] scores, double[][] weights, double[] output, double[] recomputed,
                         @JsonProperty("largest_difference") double largestDifference,
                         @JsonProperty("recomputed_all") double[][] recomputedAll,
                         @JsonProperty("madds_cached") long maddsCached, @JsonProperty("madds_recomputed") long maddsRecomputed,
                         @JsonProperty("madds_cached_total") long maddsCachedTotal,
                         @JsonProperty("madds_recomputed_total") long maddsRecomputedTotal,
                         @JsonProperty("cached_from") int cachedFrom, Bytes bytes) {

    /** Multiply-adds the cache saved so far: recomputing every step minus decoding with the cache. */
    @JsonProperty("madds_saved")
    public long maddsSaved() {
        return maddsRecomputedTotal - maddsCachedTotal;
    }

    /**
     * The KV cache after t tokens for one sequence of the chosen model, in bytes: per key/value head and layer, per
     * layer (kv_heads of them: grouped-query heads share one), in all. tokens: the rows it must keep, t, or with
     * this layer's window w only the last min(t, w), since no later token reads a row further back. For this layer the
     * figures are the decoder's own count of what it holds (K and V rows g·d_k and g·d_v wide).
     */
    public record Bytes(String model, String dtype, int tokens, int layers, int heads, @JsonProperty("kv_heads") int kvHeads,
                        @JsonProperty("head_dim") int headDim,
                        @JsonProperty("bytes_per_number") int bytesPerNumber,
                        @JsonProperty("per_head") long perHead, @JsonProperty("per_layer") long perLayer, long total) {
    }

    static DecodeView of(List<String> tokens, Matrix x, AttentionSpec spec, int step, boolean cache, DecodeModels.Model model,
                         DecodeModels.Dtype dtype) {
        double[][] prefix = Arrays.copyOf(x.toArray(), step);
        List<Decoding.Compared> compared = Decoding.compare(Matrix.of(prefix), spec);
        Decoding.Compared last = compared.get(step - 1);
        KvCacheDecoder.Token token = last.cached();
        long cachedTotal = 0;
        long recomputedTotal = 0;
        double[][] keys = new double[step][];
        double[][] values = new double[step][];
        for (Decoding.Compared c : compared) {
            cachedTotal += c.cached().multiplyAdds();
            recomputedTotal += c.recomputeMultiplyAdds();
            keys[c.cached().tokens() - 1] = c.cached().keyCached();   // the rows the cache holds: g·d_k and g·d_v wide
            values[c.cached().tokens() - 1] = c.cached().v();
        }
        double[][] recomputedAll = cache ? null : Attention.run(Matrix.of(prefix), Decoding.causal(spec)).output().toArray();
        boolean own = model.layers() == 0;
        int layers = own ? 1 : model.layers();
        int heads = own ? spec.heads() : model.heads();
        int kvHeads = own ? spec.kvHeads() : model.heads();
        int headDim = own ? spec.headWidth() : model.headDim();
        int kept = own ? step - token.cachedFrom() + 1 : step;
        long perHead;
        long perLayer;
        long total;
        if (own) {
            perHead = KvCacheDecoder.bytes(kept, 1, headDim, spec.valueHeadWidth(), dtype.bytes());
            perLayer = KvCacheDecoder.bytes(kept, kvHeads, headDim, spec.valueHeadWidth(), dtype.bytes());
            total = perLayer;
        } else {
            perHead = Costs.kvCacheBytes(1, 1, kept, 1, headDim, dtype.bytes());
            perLayer = Costs.kvCacheBytes(1, 1, kept, kvHeads, headDim, dtype.bytes());
            total = Costs.kvCacheBytes(layers, 1, kept, kvHeads, headDim, dtype.bytes());
        }
        return new DecodeView(tokens, step, cache, token.q(), keys, values, hiddenAsNull(token.scaled()), token.weights(),
                token.output(), last.recomputed(), last.largestDifference(), recomputedAll, token.multiplyAdds(),
                last.recomputeMultiplyAdds(), cachedTotal, recomputedTotal, token.cachedFrom(),
                new Bytes(model.name(), dtype.name(), kept, layers, heads, kvHeads, headDim, dtype.bytes(), perHead, perLayer, total));
    }

    /** A score outside the window is −∞, which JSON cannot hold: null, as the attention API writes a masked cell. */
    private static Double[][] hiddenAsNull(double[][] scores) {
        Double[][] out = new Double[scores.length][];
        for (int h = 0; h < scores.length; h++) {
            out[h] = new Double[scores[h].length];
            for (int j = 0; j < scores[h].length; j++) {
                out[h][j] = scores[h][j] == Double.NEGATIVE_INFINITY ? null : scores[h][j];
            }
        }
        return out;
    }
}
