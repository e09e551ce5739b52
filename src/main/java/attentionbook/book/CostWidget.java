package attentionbook.book;

import attentionbook.attention.Costs;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ```widget cost}: what one forward pass of attention over T tokens costs a whole model, in
 * multiply-adds (the linear projections against the quadratic scores and weighted sums) and in bytes
 * (the score grids of one layer, the KV cache, the attention weights), as T, d_model, heads, layers
 * and the number type change; T up to 2²⁰ = 1,048,576. State (normalised: all present):
 * <pre>{"ctx": 4096, "d_model": 4096, "heads": 32, "layers": 32, "dtype": "float16"}</pre>
 * The limits keep every count inside a long: at T = 2²⁰, d_model = 2¹⁴ and 2⁷ layers the quadratic
 * multiply-adds are 2·T²·d_model·layers = 2⁶², the largest figure.
 */
public final class CostWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("ctx", "d_model", "heads", "layers", "dtype");
    static final int MAX_CTX = 1 << 20;
    static final int MAX_D_MODEL = 16384;
    static final int MAX_HEADS = 1024;
    static final int MAX_LAYERS = 128;
    private static final String STATE = "the cost widget's state";

    /** One context length's figures for the whole model. */
    record Point(long ctx, @JsonProperty("linear_madds") long linearMadds, @JsonProperty("quadratic_madds") long quadraticMadds) {
    }

    record View(long ctx, @JsonProperty("d_model") long dModel, long heads, long layers, String dtype,
                @JsonProperty("bytes_per_number") long bytesPerNumber, @JsonProperty("d_k") long dk,
                @JsonProperty("linear_madds") long linearMadds, @JsonProperty("quadratic_madds") long quadraticMadds,
                @JsonProperty("score_grid_bytes") long scoreGridBytes, @JsonProperty("kv_cache_bytes") long kvCacheBytes,
                @JsonProperty("weight_bytes") long weightBytes, @JsonProperty("crossover") long crossover, List<Point> curve) {

        /**
         * The figures written out with thousands separators here, not in the browser: above 2⁵³ a
         * JavaScript number cannot hold every whole number, and 32 layers at 2²⁰ tokens pass that.
         */
        @JsonProperty("text")
        public java.util.Map<String, String> text() {
            java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
            text.put("linear", grouped(linearMadds));
            text.put("quadratic", grouped(quadraticMadds));
            text.put("grid", grouped(scoreGridBytes));
            text.put("cache", grouped(kvCacheBytes));
            text.put("weights", grouped(weightBytes));
            text.put("crossover", grouped(crossover));
            text.put("ratio", new java.math.BigDecimal(quadraticMadds).divide(new java.math.BigDecimal(linearMadds),
                    new java.math.MathContext(3)).toPlainString());
            return text;
        }
    }

    static String grouped(long value) {
        return String.format(java.util.Locale.US, "%,d", value);
    }

    @Override
    public ObjectNode normalise(JsonNode state) {
        View view = view(state, STATE);
        ObjectNode out = WidgetJson.object();
        out.put("ctx", view.ctx());
        out.put("d_model", view.dModel());
        out.put("heads", view.heads());
        out.put("layers", view.layers());
        out.put("dtype", view.dtype());
        return out;
    }

    static View view(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        long ctx = MatrixJson.integer(state.get("ctx"), "ctx", 4096, 1, MAX_CTX);
        long d = MatrixJson.integer(state.get("d_model"), "d_model", 4096, 1, MAX_D_MODEL);
        long heads = MatrixJson.integer(state.get("heads"), "heads", 32, 1, MAX_HEADS);
        long layers = MatrixJson.integer(state.get("layers"), "layers", 32, 1, MAX_LAYERS);
        String dtype = MatrixJson.choice(state.get("dtype"), "dtype", DecodeModels.DTYPES.keySet(), "float16");
        if (d % heads != 0) {
            throw new MatrixJson.Invalid("\"heads\" is " + heads + " but d_model is " + d + ": the heads must divide d_model");
        }
        long dk = Costs.headWidth(d, heads);
        long bytes = DecodeModels.DTYPES.get(dtype).bytes();
        List<Point> curve = new ArrayList<>();
        for (long t = 1; t <= MAX_CTX; t *= 2) {
            curve.add(point(t, d, heads, dk, layers));
        }
        Point here = point(ctx, d, heads, dk, layers);
        return new View(ctx, d, heads, layers, dtype, bytes, dk, here.linearMadds(), here.quadraticMadds(),
                Costs.scoreGridBytes(1, heads, ctx, bytes), Costs.kvCacheBytes(layers, 1, ctx, heads, dk, bytes),
                Math.multiplyExact(Math.multiplyExact(Costs.attentionWeightsPerLayer(d), layers), bytes), 2 * d, curve);
    }

    /** Whole-model multiply-adds at T tokens: 4·T·d² a layer (linear) and h·T²·2d_k = 2·T²·d a layer (quadratic). */
    private static Point point(long t, long d, long heads, long dk, long layers) {
        return new Point(t, Math.multiplyExact(Costs.projectionMultiplyAdds(t, d), layers),
                Math.multiplyExact(Costs.attentionMultiplyAdds(1, heads, t, dk, dk), layers));
    }

    /** What the cost template shows before the script runs: each count as a labelled row. */
    public record Page(String tokens, long layers, List<List<String>> rows) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        View v = view(state, STATE);
        return Templates.render("book/cost.jte", new Page(grouped(v.ctx()), v.layers(), List.of(
                List.of("projections (linear in T), multiply-adds", grouped(v.linearMadds())),
                List.of("scores and weighted sums (quadratic in T), multiply-adds", grouped(v.quadraticMadds())),
                List.of("score grids of one layer, bytes", grouped(v.scoreGridBytes())),
                List.of("KV cache, bytes", grouped(v.kvCacheBytes())),
                List.of("attention weights, bytes", grouped(v.weightBytes())))));
    }
}
