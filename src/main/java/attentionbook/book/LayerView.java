package attentionbook.book;

import attentionbook.attention.AttentionLayer;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * What the layer widget shows: the attention sublayer step by step (X, norm, Q/K/V, split into heads,
 * scores, scale, mask, softmax, A·V, concat, W_O, residual), each with its shape, the chapter that
 * teaches it and its matrices, all from {@link AttentionLayer}. The followed token's row is marked in
 * every matrix whose rows are tokens. {@code body} is the attention request whose cells the explain
 * API can explain (x is norm(X) when the norm is on).
 */
public record LayerView(List<String> tokens, int token, List<LayerStep> steps, @JsonProperty("explain_body") Object body) {

    /** One step: its number from 1, a title, the formula, the shape it produces, and a chapter slug (or null). */
    public record LayerStep(int number, String key, String title, String formula, String shape, String chapter, List<Shown> matrices) {
    }

    /**
     * A matrix of a step; rowsAreTokens when its rows are the tokens (the followed row is marked);
     * explain names the explain API's step and head for its cells (null: not explained there);
     * offset is the column where a head's block starts in the step's full matrix.
     */
    public record Shown(String name, String key, @JsonIgnore double[][] cells, List<String> rows, List<String> cols,
                        String scale, @JsonProperty("rows_are_tokens") boolean rowsAreTokens, String explain, int head, int offset) {
        /** The numbers, −∞ (a masked cell) written as null. */
        @JsonProperty("values")
        public Double[][] values() {
            Double[][] out = new Double[cells.length][];
            for (int r = 0; r < cells.length; r++) {
                out[r] = new Double[cells[r].length];
                for (int c = 0; c < cells[r].length; c++) {
                    out[r][c] = cells[r][c] == Double.NEGATIVE_INFINITY ? null : cells[r][c];
                }
            }
            return out;
        }
    }

    static LayerView of(List<String> tokens, int token, Matrix x, AttentionSpec spec, boolean norm, Object body) {
        AttentionLayer.Trace trace = AttentionLayer.run(x, spec, norm);
        AttentionTrace a = trace.attention();
        int t = x.rows();
        int d = x.cols();
        int h = spec.heads();
        int dk = spec.headWidth();
        int dv = spec.valueHeadWidth();
        String perHead = h == 1 ? "" : " per head (" + h + " heads)";
        List<LayerStep> steps = new ArrayList<>();
        steps.add(step(steps, "x", "Input", "X", t + "×" + d, "input-shapes", byToken("X", "x", x, tokens, null, 0, 0)));
        if (norm) {
            steps.add(step(steps, "norm", "Normalise each row (RMSNorm)", "n = X / √(mean(X²) + ε)", t + "×" + d, null,
                    byToken("norm(X)", "norm", trace.normed(), tokens, "norm", 0, 0)));
        }
        steps.add(step(steps, "qkv", "Project", "Q = " + (norm ? "n" : "X") + "·W_Q, K = …·W_K, V = …·W_V",
                spec.kvHeads() == h && dk == dv ? t + "×" + (h * dk) + " each"
                        : "Q " + t + "×" + (h * dk) + ", K " + t + "×" + spec.wk().cols() + ", V " + t + "×" + spec.wv().cols(),
                "queries-keys-values",
                byToken("Q", "q", a.q(), tokens, "q", 0, 0), byToken("K", "k", a.k(), tokens, "k", 0, 0),
                byToken("V", "v", a.v(), tokens, "v", 0, 0)));
        List<Shown> split = new ArrayList<>();
        List<Shown> rotated = new ArrayList<>();
        List<Shown> scores = new ArrayList<>();
        List<Shown> scaled = new ArrayList<>();
        List<Shown> masked = new ArrayList<>();
        List<Shown> weights = new ArrayList<>();
        List<Shown> outputs = new ArrayList<>();
        for (int n = 0; n < h; n++) {
            HeadTrace head = a.heads().get(n);
            String of = h == 1 ? "" : " (head " + (n + 1) + ")";
            String sfx = "-h" + (n + 1);
            split.add(byToken("Q" + sub(n, h) + of, "q" + sfx, a.q().columns(n * dk, (n + 1) * dk), tokens, "q", n, n * dk));
            int g = spec.kvGroup(n);                      // the key/value block head n reads (n itself without kv_heads)
            String kv = spec.kvHeads() == h ? of : " (head " + (n + 1) + ", key/value head " + (g + 1) + ")";
            String kvSub = spec.kvHeads() == h ? sub(n, h) : Subscripts.of(g + 1);
            split.add(byToken("K" + kvSub + kv, "k" + sfx, a.k().columns(g * dk, (g + 1) * dk), tokens, "k", n, g * dk));
            split.add(byToken("V" + kvSub + kv, "v" + sfx, a.v().columns(g * dv, (g + 1) * dv), tokens, "v", n, g * dv));
            if (head.rotated()) {
                rotated.add(byToken("Q̃" + sub(n, h) + of, "q-rotated" + sfx, head.qRotated(), tokens, "q_rotated", n, 0));
                rotated.add(byToken("K̃" + kvSub + kv, "k-rotated" + sfx, head.kRotated(), tokens, "k_rotated", n, 0));
            }
            scores.add(grid("scores" + of, "scores" + sfx, head.scores(), tokens, "scores", n));
            scaled.add(grid((spec.scale() ? "scaled" : "unscaled") + of, "scaled" + sfx, head.scaled(), tokens, "scaled", n));
            masked.add(grid((spec.causal() ? "masked" : "no mask") + of, "masked" + sfx, head.masked(), tokens, "masked", n));
            weights.add(new Shown("weights A" + of, "weights" + sfx, head.weights().toArray(), tokens, tokens, "weights", true, "weights", n, 0));
            outputs.add(byToken("A·V" + of, "head-output" + sfx, head.output(), tokens, "head_output", n, 0));
        }
        String tt = t + "×" + t;
        steps.add(step(steps, "split", "Split into heads", "head n takes columns n·d_k … (n+1)·d_k − 1"
                        + (spec.kvHeads() == h ? "" : " of Q, and key/value head ⌊n·g/h⌋ of K and V (g = " + spec.kvHeads() + ")"),
                h + " × " + t + "×" + dk, "multi-head-attention", split.toArray(Shown[]::new)));
        if (spec.rope()) {
            steps.add(step(steps, "rope", "Rotate by position (RoPE)", "row p: pair (2m, 2m+1) turned by p·10000^(−2m/d_k)",
                    h + " × " + t + "×" + dk, "attention-today", rotated.toArray(Shown[]::new)));
        }
        String k = spec.kvHeads() == h ? "K_n" : "K_g";
        steps.add(step(steps, "scores", "Scores", spec.rope() ? "S = Q̃_n·" + k.replace("K", "K̃") + "ᵀ" : "S = Q_n·" + k + "ᵀ", tt + perHead, "scores", scores.toArray(Shown[]::new)));
        steps.add(step(steps, "scaled", "Scale", spec.scale() ? "S / √d_k, √" + dk : "not scaled", tt + perHead, "scaling",
                scaled.toArray(Shown[]::new)));
        steps.add(step(steps, "masked", "Mask", !spec.causal() ? "no mask" : spec.window() > 0 ? "+ M: −∞ where j > i or j ≤ i − " + spec.window() : "+ M: −∞ where j > i", tt + perHead, "masking",
                masked.toArray(Shown[]::new)));
        steps.add(step(steps, "weights", "Softmax", "A = softmax of each row", tt + perHead, "softmax", weights.toArray(Shown[]::new)));
        steps.add(step(steps, "head-output", "Weighted sum", spec.kvHeads() == h ? "O_n = A_n·V_n" : "O_n = A_n·V_g", t + "×" + dv + perHead, "weighted-sum",
                outputs.toArray(Shown[]::new)));
        steps.add(step(steps, "concat", "Concatenate", "[O_1 … O_h]", t + "×" + (h * dv), "multi-head-attention",
                byToken("concat", "concat", a.concat(), tokens, "concat", 0, 0)));
        if (spec.hasOutputProjection()) {
            steps.add(step(steps, "output", "Output projection", "concat·W_O", t + "×" + spec.outputWidth(), "multi-head-attention",
                    byToken("concat·W_O", "output", a.output(), tokens, "output", 0, 0)));
        }
        steps.add(step(steps, "residual", "Residual", "X + output", t + "×" + d, "the-full-picture",
                byToken("X + output", "residual", trace.residual(), tokens, "residual", 0, 0)));
        return new LayerView(tokens, token, steps, body);
    }

    private static LayerStep step(List<LayerStep> before, String key, String title, String formula, String shape, String chapter,
                                  Shown... matrices) {
        return new LayerStep(before.size() + 1, key, title, formula, shape, chapter, List.of(matrices));
    }

    private static String sub(int head, int heads) {
        return heads == 1 ? "" : Subscripts.of(head + 1);
    }

    private static Shown byToken(String name, String key, Matrix m, List<String> tokens, String explain, int head, int offset) {
        return new Shown(name, key, m.toArray(), tokens, ExampleDirective.dims(m.cols()), "signed", true, explain, head, offset);
    }

    private static Shown grid(String name, String key, Matrix m, List<String> tokens, String explain, int head) {
        return new Shown(name, key, m.toArray(), tokens, tokens, "signed", true, explain, head, 0);
    }
}
