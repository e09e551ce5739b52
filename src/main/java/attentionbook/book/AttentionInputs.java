package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of one attention layer as a chapter block states them: a {@link Presets preset} and/or
 * explicit "tokens", "x", "wq", "wk", "wv" (a matrix or "identity"), "wo", "heads", "causal",
 * "scale", and the modern options "kv_heads", "window" and "rope". Shared by worked examples and widgets, so both read a block the same way and say the same
 * thing about the same mistake (a {@link MatrixJson.Invalid} or a ShapeException naming the field).
 */
public record AttentionInputs(List<String> tokens, Matrix x, AttentionSpec spec) {

    public AttentionInputs {
        tokens = List.copyOf(tokens);
    }

    /** The preset's inputs with any explicit field overriding it. */
    public static AttentionInputs from(JsonNode body) {
        Presets.Preset preset = body.hasNonNull("preset") ? Presets.get(body.get("preset").asText()) : null;
        double[][] x = body.has("x") ? MatrixJson.matrix(body.get("x"), "x") : preset == null ? MatrixJson.matrix(null, "x") : preset.x();
        Matrix wq = projection(body, "wq", preset == null ? null : preset.wq(), x[0].length);
        Matrix wk = projection(body, "wk", preset == null ? null : preset.wk(), x[0].length);
        Matrix wv = projection(body, "wv", preset == null ? null : preset.wv(), x[0].length);
        int heads = MatrixJson.integer(body.get("heads"), "heads", 1);
        int kvHeads = MatrixJson.integer(body.get("kv_heads"), "kv_heads", heads);
        // W_O's identity is as wide as the concat of the heads: h·d_v, which is wv's width only when every head has its own V
        int concat = kvHeads > 0 && heads > 0 && wv.cols() % kvHeads == 0 ? wv.cols() / kvHeads * heads : wv.cols();
        Matrix wo = body.hasNonNull("wo") ? projection(body, "wo", null, concat) : null;
        boolean causal = MatrixJson.bool(body.get("causal"), "causal", false);
        boolean scale = MatrixJson.bool(body.get("scale"), "scale", true);
        int window = MatrixJson.integer(body.get("window"), "window", 0);
        boolean rope = MatrixJson.bool(body.get("rope"), "rope", false);
        List<String> tokens = tokens(body, preset, x.length);
        return new AttentionInputs(tokens, Matrix.of(x), new AttentionSpec(wq, wk, wv, wo, heads, causal, scale, kvHeads, window, rope));
    }

    /** A projection: a matrix, the word "identity" (size taken from the matrix it multiplies), or the preset's. */
    private static Matrix projection(JsonNode body, String field, double[][] fromPreset, int size) {
        JsonNode node = body.get(field);
        if (node != null && node.isTextual() && node.asText().equals("identity")) {
            return Matrix.identity(size);
        }
        if (node == null && fromPreset != null) {
            return Matrix.of(fromPreset);
        }
        return Matrix.of(MatrixJson.matrix(node, field));
    }

    private static List<String> tokens(JsonNode body, Presets.Preset preset, int count) {
        List<String> tokens = new ArrayList<>();
        if (body.has("tokens")) {
            JsonNode node = body.get("tokens");
            if (!node.isArray()) {
                throw new MatrixJson.Invalid("\"tokens\" must be a list of words such as [\"the\", \"cat\"]");
            }
            node.forEach(t -> tokens.add(t.asText()));
        } else if (preset != null && !body.has("x")) {
            tokens.addAll(preset.tokens());
        } else {
            for (int i = 1; i <= count; i++) {
                tokens.add("token " + i);
            }
        }
        if (tokens.size() != count) {
            throw new MatrixJson.Invalid("\"tokens\": there " + (tokens.size() == 1 ? "is 1 token" : "are " + tokens.size() + " tokens")
                    + " but x has " + count + (count == 1 ? " row" : " rows"));
        }
        return tokens;
    }
}
