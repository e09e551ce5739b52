package attentionbook.exercise;

import static attentionbook.exercise.Oracle.ints;

import java.util.Map;

/**
 * The Oracle's arithmetic for the kinds of the later chapters: the end of a layer, a decoding step,
 * grouped-query heads, window masks and RoPE, from what the exercise shows, with plain loops and Math.cos, independent of the core.
 */
final class ModernOracle {
    private static final double NEG = Double.NEGATIVE_INFINITY;

    private ModernOracle() {
    }

    static Oracle.Case of(Exercise e, String prompt, Map<String, double[][]> m) {
        switch (e.kind()) {
            case "gqa-cache": {
                double layers = ints(prompt, "(\\d+) layers")[0];
                double heads = ints(prompt, "h = (\\d+) query heads")[0];
                int kv = ints(prompt, "= (\\d+) key/value heads")[0];
                double width = ints(prompt, "d_k = (\\d+)")[0];
                double bytes = ints(prompt, "in (\\d+) bytes?")[0];
                double tokens = ints(prompt, "after (\\d+) tokens")[0];
                int head = ints(prompt, "does query head (\\d+) read")[0];
                double group = Math.floor((head - 1) * kv / heads) + 1;
                double cache = 2 * layers * tokens * kv * width * bytes;
                m.put("shared-queries", new double[][]{{group, 2 * layers * tokens * heads * width * bytes}});
                m.put("interleaved-groups", new double[][]{{(head - 1) % kv + 1, cache}});
                m.put("cached-queries", new double[][]{{group, cache + layers * tokens * heads * width * bytes}});
                m.put("forgot-layers", new double[][]{{group, cache / layers}});
                return new Oracle.Case(new double[][]{{group, cache}}, m);
            }
            case "window-mask-row": {
                int w = ints(prompt, "w = (\\d+) tokens")[0];
                int i = ints(prompt, "scaled scores of row (\\d+)")[0];
                double[] scores = Oracle.table(e, "scaled scores, row " + i)[0];
                m.put("window-one-too-wide", new double[][]{band(scores, i, w + 1, false)});
                m.put("window-one-too-narrow", new double[][]{band(scores, i, w - 1, false)});
                m.put("no-window", new double[][]{band(scores, i, scores.length + 1, false)});
                m.put("window-both-ways", new double[][]{band(scores, i, w, true)});
                return new Oracle.Case(new double[][]{band(scores, i, w, false)}, m);
            }
            case "rope-rotation": {
                int p = ints(prompt, "position p = (\\d+)")[0];
                double[][] qkv = Oracle.table(e, "the token's q, k and v");
                double[] q = turn(qkv[0], p);
                double[] k = turn(qkv[1], p);
                m.put("rotated-v", new double[][]{q, k, turn(qkv[2], p)});
                m.put("wrong-sign", new double[][]{turn(qkv[0], -p), turn(qkv[1], -p), qkv[2]});
                m.put("no-rotation", new double[][]{qkv[0], qkv[1], qkv[2]});
                return new Oracle.Case(new double[][]{q, k, qkv[2]}, m);
            }
            case "output-row": {
                double[][] heads = Oracle.table(e, "the heads' outputs");
                double[][] wo = Oracle.table(e, "W_O");
                double[] x = e.given().get(2).values().row(0);
                double[] concat = {heads[0][0], heads[0][1], heads[1][0], heads[1][1]};
                double[] swapped = {heads[1][0], heads[1][1], heads[0][0], heads[0][1]};
                double[] projected = Oracle.mul(new double[][]{concat}, wo)[0];
                m.put("forgot-residual", new double[][]{projected});
                m.put("residual-before-wo", Oracle.mul(new double[][]{add(concat, x)}, wo));
                m.put("wo-transposed", new double[][]{add(Oracle.mul(new double[][]{concat}, Oracle.transpose(wo))[0], x)});
                m.put("heads-swapped", new double[][]{add(Oracle.mul(new double[][]{swapped}, wo)[0], x)});
                return new Oracle.Case(new double[][]{add(projected, x)}, m);
            }
            case "decode-step": {
                double dk = ints(prompt, "d_k = (\\d+)")[0];
                double[][] oldQ = Oracle.table(e, "queries of tokens 1–3");
                double[][] cache = Oracle.table(e, "K cache");
                double[][] fresh = Oracle.table(e, "token 4");
                double[][] keys = {cache[0], cache[1], cache[2], fresh[1]};
                double[][] queries = {oldQ[0], oldQ[1], oldQ[2], fresh[0]};
                double root = Math.sqrt(dk);
                double[] row = new double[4];
                double[] column = new double[4];
                double[] stale = new double[4];
                double[] unscaled = new double[4];
                for (int j = 0; j < 4; j++) {
                    unscaled[j] = Oracle.dot(fresh[0], keys[j]);
                    row[j] = unscaled[j] / root;
                    column[j] = Oracle.dot(queries[j], fresh[1]) / root;
                    stale[j] = Oracle.dot(oldQ[2], keys[j]) / root;
                }
                m.put("cached-query", new double[][]{column});
                m.put("old-query", new double[][]{stale});
                m.put("forgot-scale", new double[][]{unscaled});
                return new Oracle.Case(new double[][]{row}, m);
            }
            default:
                throw new AssertionError("the oracle does not know the kind " + e.kind());
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int c = 0; c < a.length; c++) {
            out[c] = a[c] + b[c];
        }
        return out;
    }

    /** Row i (from 1) of scores with every column outside i − w < j ≤ i at −∞ (or |i − j| < w when both ways). */
    private static double[] band(double[] scores, int i, int w, boolean bothWays) {
        double[] out = scores.clone();
        for (int j = 1; j <= out.length; j++) {
            boolean visible = bothWays ? Math.abs(i - j) < w : i - w < j && j <= i;
            if (!visible) {
                out[j - 1] = NEG;
            }
        }
        return out;
    }

    /** (a, b) turned by p radians counter-clockwise. */
    private static double[] turn(double[] pair, int p) {
        return new double[]{pair[0] * Math.cos(p) - pair[1] * Math.sin(p), pair[0] * Math.sin(p) + pair[1] * Math.cos(p)};
    }
}
