package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget decode}: generation one token at a time with a KV cache. State (normalised):
 * <pre>{"preset", "tokens", "x", "wq", "wk", "wv", "wo" (or null), "heads", "kv_heads", "window" (0: none), "rope", "scale",
 *  "step": 1 … T, "cache": true, "model": "this-layer" | "gpt2-small" | "llama2-7b", "dtype": "float32" | "float16" | "int8"}</pre>
 * Decoding is causal by nature: the newest token is the last. Grouped-query heads (kv_heads, W_K and W_V
 * g·d_k and g·d_v wide), a sliding window and rotary positions ("rope": the cache holds the keys rotated by
 * their positions) are decoded as the core decodes them.
 */
public final class DecodeWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("preset", "tokens", "x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "window", "rope", "scale", "step",
            "cache", "model", "dtype");
    private static final String STATE = "the decode widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        refuseCausal(state);
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "decode");
        body.put("causal", true);
        AttentionInputs in = AttentionInputs.from(body);
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.set("wo", in.spec().wo() == null ? null : WidgetJson.matrix(in.spec().wo().toArray()));
        out.put("heads", in.spec().heads());
        out.put("kv_heads", in.spec().kvHeads());
        out.put("window", in.spec().window());
        out.put("rope", in.spec().rope());
        out.put("scale", in.spec().scale());
        out.put("step", MatrixJson.integer(state.get("step"), "step", 1, 1, in.x().rows()));
        out.put("cache", MatrixJson.bool(state.get("cache"), "cache", true));
        out.put("model", MatrixJson.choice(state.get("model"), "model", DecodeModels.MODELS.keySet(), "this-layer"));
        out.put("dtype", MatrixJson.choice(state.get("dtype"), "dtype", DecodeModels.DTYPES.keySet(), "float16"));
        view(out, STATE);
        return out;
    }

    /** Decoding is causal by nature: a "causal" field could only be ignored, so it is refused with the reason. */
    private static void refuseCausal(JsonNode state) {
        if (state.has("causal")) {
            throw new MatrixJson.Invalid("\"causal\" is not taken by the decode widget: decoding is causal by nature, "
                    + "each new token sees only the tokens before it");
        }
    }

    static DecodeView view(JsonNode state, String what) {
        refuseCausal(state);
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        ObjectNode causal = ((ObjectNode) state).deepCopy();
        causal.put("causal", true);                      // a window needs the causal mask, which decoding always has
        AttentionInputs in = AttentionInputs.from(causal);
        int wide = AttentionWidgetState.MAX_WIDTH;
        if (in.x().rows() > AttentionWidgetState.MAX_SIZE || in.x().cols() > wide || in.spec().wq().cols() > wide
                || in.spec().wv().cols() > wide) {
            throw new MatrixJson.Invalid("\"x\" is " + in.x().shape() + ": the decode widget shows at most " + AttentionWidgetState.MAX_SIZE
                    + " tokens and matrices " + wide + " wide");
        }
        int step = MatrixJson.integer(state.get("step"), "step", 1, 1, in.x().rows());
        boolean cache = MatrixJson.bool(state.get("cache"), "cache", true);
        String model = MatrixJson.choice(state.get("model"), "model", DecodeModels.MODELS.keySet(), "this-layer");
        String dtype = MatrixJson.choice(state.get("dtype"), "dtype", DecodeModels.DTYPES.keySet(), "float16");
        return DecodeView.of(in.tokens(), in.x(), in.spec(), step, cache, DecodeModels.MODELS.get(model), DecodeModels.DTYPES.get(dtype));
    }

    /** What the decode template shows before the script runs: the step, its token and the matrices of that step. */
    public record Page(int step, String tokenName, int cachedRows, List<MatrixTable.View> matrices) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        DecodeView view = view(state, STATE);
        List<String> labels = view.tokens().subList(0, view.step());
        List<String> cached = new java.util.ArrayList<>(labels);
        for (int r = 0; r < view.cachedFrom() - 1; r++) {
            cached.set(r, labels.get(r) + " (evicted)");   // the window's rolling buffer dropped this row
        }
        List<String> token = List.of(view.tokens().get(view.step() - 1));
        List<MatrixTable.View> matrices = List.of(
                table("q (new token)", "q", new double[][]{view.q()}, token, ExampleDirective.dims(view.q().length), MatrixTable.Scale.SIGNED),
                table(state.path("rope").asBoolean() ? "K cache (rotated by position)" : "K cache", "keys", view.keys(), cached,
                        ExampleDirective.dims(view.keys()[0].length), MatrixTable.Scale.SIGNED),
                table("V cache", "values", view.values(), cached, ExampleDirective.dims(view.values()[0].length), MatrixTable.Scale.SIGNED),
                table("weights (head 1)", "weights-h1", new double[][]{view.weights()[0]}, token, labels, MatrixTable.Scale.WEIGHTS),
                table("output", "output", new double[][]{view.output()}, token, ExampleDirective.dims(view.output().length), MatrixTable.Scale.SIGNED));
        return Templates.render("book/decode.jte", new Page(view.step(), token.get(0), view.step() - view.cachedFrom() + 1, matrices));
    }

    private static MatrixTable.View table(String name, String key, double[][] values, List<String> rows, List<String> cols, MatrixTable.Scale scale) {
        return MatrixTable.view(new MatrixTable.Spec(name, key, values, rows, cols, scale, AttentionWidgetState.DIGITS));
    }
}
