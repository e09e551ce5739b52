package attentionbook.attention;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Generation one token at a time with a KV cache. Each {@link #append} takes the new token's input
 * row, computes its q, k and v rows, appends k and v to the cache, scores the one query against every
 * cached key it may see, and blends their values: the last row of causal attention, without
 * recomputing any earlier row. Past queries are never kept: no later row reads them. Multiply-adds are
 * counted as they are done.
 * <p>
 * The spec's modern options hold as in {@link Attention#run}: the cache keeps one k and one v block per
 * key/value group (g·d_k and g·d_v numbers a token, so grouped-query heads shrink it by h/g) and query
 * head i reads group ⌊i·g/h⌋; with rope, the new q and k are rotated by the token's position p (from 0)
 * and k is cached rotated, so cached keys are never turned again; with a window w, the token at
 * position p sees only the positions j with p − w &lt; j ≤ p, and since no later token sees further back
 * either, the cache is a rolling buffer: row p − w leaves it when token p arrives, so it never holds more
 * than w rows of each group.
 */
public final class KvCacheDecoder {

    /**
     * One decoding step: a token decoded.
     *
     * @param tokens       tokens in the cache after this step (t)
     * @param x            the new token's input row (d_model)
     * @param q            its query row x·W_Q (h·d_k), used now and then dropped
     * @param k            its key row x·W_K (g·d_k)
     * @param v            its value row x·W_V (g·d_v), appended to the cache
     * @param qRotated     q with each head's block rotated by position t − 1 (rope), or null without rope
     * @param kRotated     k with each group's block rotated by position t − 1, the row the cache keeps; null without rope
     * @param scaled       per head, the one new row of scores q_h·k_jᵀ/√d_k (or unscaled), j = 1 … t; −∞ outside the window
     * @param weights      per head, softmax of that row (0 outside the window)
     * @param headOutputs  per head, weights·V_g (d_v)
     * @param concat       the head outputs side by side (h·d_v)
     * @param output       concat·W_O, or concat without W_O
     * @param multiplyAdds the multiply-adds this step did
     * @param cachedFrom   the oldest token (from 1) the cache still holds after this step: 1, or t − w + 1 with a window w
     */
    public record Token(int tokens, double[] x, double[] q, double[] k, double[] v, double[] qRotated, double[] kRotated,
                        double[][] scaled, double[][] weights, double[][] headOutputs, double[] concat, double[] output,
                        long multiplyAdds, int cachedFrom) {

        /** The query row the scores used: rotated with rope, else q. */
        public double[] queryUsed() {
            return qRotated == null ? q : qRotated;
        }

        /** The key row appended to the cache: rotated with rope, else k. */
        public double[] keyCached() {
            return kRotated == null ? k : kRotated;
        }
    }

    private final AttentionSpec spec;
    private final Deque<double[]> keys = new ArrayDeque<>();     // oldest first; at most w rows with a window w
    private final Deque<double[]> values = new ArrayDeque<>();
    private int decoded;
    private long multiplyAdds;

    /** A decoder for this layer; its causal switch is ignored, since the newest token is always the last. */
    public KvCacheDecoder(AttentionSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("the attention spec is missing");
        }
        this.spec = spec;
    }

    /** Decodes the next token from its input row (d_model numbers). */
    public Token append(double[] x) {
        if (x == null || x.length != spec.dModel()) {
            throw new ShapeException("the new token's row has " + (x == null ? "no" : String.valueOf(x.length))
                    + " numbers but wq has " + spec.dModel() + " rows: a token row needs d_model = " + spec.dModel());
        }
        AttentionSpec.requireFinite(Matrix.of(new double[][]{x}), "the new token's row");
        long before = multiplyAdds;
        int position = decoded;                          // p, from 0: the new token is the last
        int heads = spec.heads();
        int dk = spec.headWidth();
        int dv = spec.valueHeadWidth();
        double[] q = rowTimes(x, spec.wq());             // q = x·W_Q   [1×d_model]·[d_model×h·d_k]
        double[] k = rowTimes(x, spec.wk());             // k = x·W_K   [1×d_model]·[d_model×g·d_k]
        double[] v = rowTimes(x, spec.wv());             // v = x·W_V   [1×d_model]·[d_model×g·d_v]
        double[] qRotated = spec.rope() ? rotateBlocks(q, heads, dk, position) : null;
        double[] kRotated = spec.rope() ? rotateBlocks(k, spec.kvHeads(), dk, position) : null;
        double[] qs = spec.rope() ? qRotated : q;
        if (spec.window() > 0 && keys.size() == spec.window()) {
            keys.removeFirst();                          // row p − w: outside this token's window and every later one's
            values.removeFirst();
        }
        keys.addLast(spec.rope() ? kRotated : k);        // the cache grows by one row; earlier rows are reused as stored
        values.addLast(v);
        decoded++;
        int t = decoded;
        int first = t - keys.size();                     // 0-based position of the oldest cached row: p − w < j ≤ p
        double[][] cachedKeys = keys.toArray(new double[0][]);
        double[][] cachedValues = values.toArray(new double[0][]);
        double factor = spec.scale() ? Attention.scaleFactor(dk) : 1.0;
        double[][] scaled = new double[heads][t];
        double[][] weights = new double[heads][];
        double[][] headOutputs = new double[heads][dv];
        double[] concat = new double[heads * dv];
        for (int h = 0; h < heads; h++) {
            int g = spec.kvGroup(h);                     // the key/value block query head h shares
            Arrays.fill(scaled[h], 0, first, Double.NEGATIVE_INFINITY);   // outside the window: hidden
            for (int j = first; j < t; j++) {
                double dot = 0.0;
                for (int c = 0; c < dk; c++) {
                    dot += qs[h * dk + c] * cachedKeys[j - first][g * dk + c];   // q_h·k_j over the cached keys of group g
                }
                multiplyAdds += dk;
                scaled[h][j] = spec.scale() ? dot * factor : dot;
            }
            weights[h] = Softmax.stable(scaled[h]);      // one row: the newest token over the keys it may see
            for (int j = first; j < t; j++) {
                for (int c = 0; c < dv; c++) {
                    headOutputs[h][c] += weights[h][j] * cachedValues[j - first][g * dv + c];
                }
                multiplyAdds += dv;
            }
            System.arraycopy(headOutputs[h], 0, concat, h * dv, dv);
        }
        double[] output = spec.wo() == null ? concat.clone() : rowTimes(concat, spec.wo());
        for (double value : output) {
            if (!Double.isFinite(value)) {
                throw new NonFiniteResultException(Step.OUTPUT,
                        "the output of token " + t + " is not finite (inputs too large)");
            }
        }
        return new Token(t, x.clone(), q, k, v, qRotated, kRotated, scaled, weights, headOutputs, concat, output,
                multiplyAdds - before, first + 1);
    }

    /** Tokens decoded so far. */
    public int tokens() {
        return decoded;
    }

    /** Rows the cache holds now: every token decoded, or with a window w the last w of them. */
    public int cachedRows() {
        return keys.size();
    }

    /** The oldest token (from 1) whose key and value the cache still holds. */
    public int oldestCached() {
        return decoded - keys.size() + 1;
    }

    /** What the cache holds, in bytes: its rows × (g·d_k + g·d_v) numbers × bytes a number. */
    public long cacheBytes(int bytesPerNumber) {
        return bytes(keys.size(), spec.kvHeads(), spec.headWidth(), spec.valueHeadWidth(), bytesPerNumber);
    }

    /** What a cache of g key/value heads holding this many rows takes: rows × g·(d_k + d_v) numbers × bytes a number. */
    public static long bytes(int rows, int kvHeads, int dk, int dv, int bytesPerNumber) {
        if (bytesPerNumber < 1) {
            throw new IllegalArgumentException("bytes a number = " + bytesPerNumber + ": it must be at least 1");
        }
        long widths = (long) kvHeads * (dk + dv);
        return Math.multiplyExact(Math.multiplyExact((long) rows, widths), bytesPerNumber);
    }

    /** The cached keys, oldest first (rows × g·d_k, rotated by position with rope). IllegalStateException while the cache is empty. */
    public Matrix keys() {
        return cached(keys);
    }

    /** The cached values, oldest first (rows × g·d_v). */
    public Matrix values() {
        return cached(values);
    }

    /** Every multiply-add done so far. */
    public long multiplyAdds() {
        return multiplyAdds;
    }

    /** row·m, [1×n]·[n×p] = [1×p], summed in Matrix.times's order. */
    private double[] rowTimes(double[] row, Matrix m) {
        double[] out = new double[m.cols()];
        for (int i = 0; i < row.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += row[i] * m.get(i, j);
            }
        }
        multiplyAdds += (long) row.length * out.length;
        return out;
    }

    /** Each of the blocks of a row (block b: columns b·width … (b+1)·width − 1) turned as the token at this position. */
    private static double[] rotateBlocks(double[] row, int blocks, int width, int position) {
        double[] out = new double[row.length];
        for (int b = 0; b < blocks; b++) {
            double[] block = Rope.rotateRow(Arrays.copyOfRange(row, b * width, (b + 1) * width), position);
            System.arraycopy(block, 0, out, b * width, width);
        }
        return out;
    }

    private static Matrix cached(Deque<double[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("the cache is empty: no token has been decoded yet");
        }
        return Matrix.of(rows.toArray(new double[0][]));
    }
}
