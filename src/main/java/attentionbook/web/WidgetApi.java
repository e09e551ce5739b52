package attentionbook.web;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explanation;
import attentionbook.attention.SoftmaxExplainer;
import attentionbook.book.SoftmaxComparison;
import attentionbook.book.MatrixJson;
import attentionbook.book.WeightedSum;
import attentionbook.book.WidgetLayers;
import attentionbook.book.Widgets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Endpoints that only widgets need. Each answers like the attention API (ApiResponses: 400 naming the
 * field, 422 for inputs that overflow, never NaN or Infinity in a body).
 * <ul>
 *   <li>{@code POST /api/softmax} {"scores": [..], "temperature": τ}: the stable softmax and the naive
 *       one beside it; a naive number that overflows is null with "overflow" or "NaN" as its text.</li>
 *   <li>{@code POST /api/scaling} {"dk", "samples", "seed"}: the spread of q·k before and after 1/√d_k.</li>
 *   <li>{@code POST /api/shapes} {"batch", "ctx", "d_model", "heads"}: every tensor's shape; heads that do
 *       not divide d_model answer 200 with "possible": false and the reason, since that is the lesson.</li>
 *   <li>{@code POST /api/weighted-sum}: an attention body (one sequence) plus "row" and "head" (0-based,
 *       head 0 when left out): that row's weights, V of the head, each value vector times its weight,
 *       and their sum, the head's output row. With "weights" (one non-negative number a token) those
 *       weights, divided by their sum, replace the row's.</li>
 *   <li>{@code POST /api/layer}: the layer widget's state; every step of the attention sublayer with its
 *       shape, chapter and matrices, and the attention body whose cells /api/attention/explain explains.</li>
 *   <li>{@code POST /api/layer/explain}: the layer's state plus "explain": {"matrix": norm, residual, q_rotated or
 *       k_rotated, "head", "row", "col"}: the arithmetic of a cell that is not attention's own.</li>
 *   <li>{@code POST /api/decode}: the decode widget's state; one decoding step with the KV cache, the same
 *       output recomputed without it, the multiply-adds both ways and the cache's bytes.</li>
 *   <li>{@code POST /api/online-softmax} {"scores", "values", "tile"}: m, ℓ, the rescale factor and the
 *       partial output after each tile, and softmax·V to compare.</li>
 *   <li>{@code POST /api/cost} {"ctx", "d_model", "heads", "layers", "dtype"}: a whole model's multiply-adds
 *       (linear and quadratic parts) and bytes (score grids, KV cache, weights), and the curve for T = 1 … 2²⁰.</li>
 *   <li>{@code POST /api/multi-head}, {@code /api/kv-heads}, {@code /api/pipeline}: the widget's state; {"state": the state
 *       completed as a chapter's block is, "attention": what POST /api/attention answers for the layer the widget shows}.
 *       A modern field the widget cannot draw (kv_heads in the one-head pipeline) is refused with the reason.</li>
 * </ul>
 * The first three bodies are the widget's own state, checked by the same code that checks a chapter's
 * widget block, so both say the same thing about the same mistake.
 */
public final class WidgetApi implements Consumer<RoutesConfig> {
    static final Set<String> WEIGHTED_SUM_FIELDS = with(AttentionRequest.FIELDS, "row", "head", "weights");
    static final Set<String> WEIGHTED_SUM_EXPLAIN_FIELDS = with(WEIGHTED_SUM_FIELDS, "explain");
    private static final String SOFTMAX_EXAMPLE = "{\"scores\": [2, 1, 0.1], \"temperature\": 1}";
    private static final List<String> SOFTMAX_MATRICES = List.of("divided", "weights");
    private static final String WEIGHTED_SUM_EXAMPLE = "{\"x\": [[1, 0], [0, 1]], \"wq\": [[1, 0], [0, 1]], "
            + "\"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]], \"row\": 0}";

    @Override
    public void accept(RoutesConfig routes) {
        routes.post("/api/softmax", ctx -> respond(ctx, SOFTMAX_EXAMPLE, Widgets::softmax));
        routes.post("/api/softmax/explain", ctx -> respond(ctx, SOFTMAX_EXAMPLE, WidgetApi::explainSoftmax));
        routes.post("/api/scaling", ctx -> respond(ctx, "{\"dk\": 64, \"samples\": 1000, \"seed\": 1}", Widgets::scaling));
        routes.post("/api/shapes", ctx -> respond(ctx, "{\"batch\": 4, \"ctx\": 16, \"d_model\": 512, \"heads\": 8}", Widgets::shapes));
        routes.post("/api/weighted-sum", ctx -> respond(ctx, WEIGHTED_SUM_EXAMPLE, body -> weightedSum(body, WEIGHTED_SUM_FIELDS)));
        routes.post("/api/weighted-sum/explain", ctx -> respond(ctx, WEIGHTED_SUM_EXAMPLE, WidgetApi::explainWeightedSum));
        routes.post("/api/layer", ctx -> respond(ctx, "{\"preset\": \"journey\", \"token\": 2}", Widgets::layer));
        routes.post("/api/layer/explain", ctx -> respond(ctx, "{\"preset\": \"journey\", \"norm\": true, "
                + "\"explain\": {\"matrix\": \"norm\", \"row\": 0, \"col\": 1}}", Widgets::explainLayer));
        routes.post("/api/decode", ctx -> respond(ctx, "{\"preset\": \"journey\", \"step\": 3}", Widgets::decode));
        routes.post("/api/online-softmax", ctx -> respond(ctx, "{\"scores\": [1, 3, 2, 5], \"tile\": 2}", Widgets::onlineSoftmax));
        routes.post("/api/cost", ctx -> respond(ctx, "{\"ctx\": 131072, \"d_model\": 4096, \"heads\": 32, \"layers\": 32, \"dtype\": \"float16\"}",
                Widgets::cost));
        for (String widget : WidgetLayers.names()) {
            routes.post("/api/" + widget, ctx -> respond(ctx, "{\"preset\": \"journey\"}", body -> widgetLayer(widget, body)));
            AttentionApi.refuseOtherMethods(routes, "/api/" + widget);
        }
        AttentionApi.refuseOtherMethods(routes, "/api/layer", "/api/layer/explain", "/api/decode", "/api/online-softmax", "/api/cost");
        AttentionApi.refuseOtherMethods(routes, "/api/softmax", "/api/softmax/explain", "/api/scaling", "/api/shapes", "/api/weighted-sum",
                "/api/weighted-sum/explain");
    }

    /** A widget's state completed, and the attention API's answer for the layer it shows. */
    static Object widgetLayer(String widget, JsonNode body) {
        WidgetLayers.Layer layer = WidgetLayers.of(widget, body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", layer.state());
        out.put("attention", AttentionApi.attention(layer.attention()));
        return out;
    }

    /** The softmax body plus "explain": {"matrix": "divided" or "weights", "col": j}: the arithmetic behind entry j (0-based). */
    static Explanation explainSoftmax(JsonNode body) {
        JsonNode cell = body.get("explain");
        if (cell == null || !cell.isObject() || !cell.path("matrix").isTextual() || !SOFTMAX_MATRICES.contains(cell.get("matrix").textValue())) {
            throw RejectedRequest.badRequest("\"explain\" must name the entry, such as {\"matrix\": \"weights\", \"col\": 0}: matrix is "
                    + "divided (s/τ) or weights, col counts from 0");
        }
        MatrixJson.onlyKnownKeys(cell, Set.of("matrix", "row", "col"), "\"explain\"");
        ObjectNode row = ((ObjectNode) body).deepCopy();
        row.remove("explain");
        SoftmaxComparison softmax = Widgets.softmax(row);
        int n = softmax.weights().length;
        int col = index(cell.get("col"), "col", -1, n, "there " + (n == 1 ? "is 1 score" : "are " + n + " scores"));
        return cell.get("matrix").textValue().equals("divided") ? SoftmaxExplainer.divided(softmax.scores(), softmax.temperature(), col)
                : SoftmaxExplainer.weight(softmax.scores(), softmax.temperature(), col);
    }

    /** The weighted-sum body plus "explain": {"matrix": "weighted", "row": 2, "col": 0}: the arithmetic behind that cell. */
    static Object explainWeightedSum(JsonNode body) {
        JsonNode cell = body.get("explain");
        if (cell == null || !cell.isObject()) {
            throw RejectedRequest.badRequest("\"explain\" must name the cell, such as {\"matrix\": \"weighted\", \"row\": 2, \"col\": 0}: "
                    + "matrix is one of " + String.join(", ", WeightedSum.MATRICES) + ", row and col count from 0");
        }
        MatrixJson.onlyKnownKeys(cell, Set.of("matrix", "row", "col"), "\"explain\"");
        JsonNode matrix = cell.get("matrix");
        if (matrix == null || !matrix.isTextual()) {
            throw RejectedRequest.badRequest("\"explain\".\"matrix\" must be one of " + String.join(", ", WeightedSum.MATRICES));
        }
        AttentionRequest request = AttentionRequest.from(body, WEIGHTED_SUM_EXPLAIN_FIELDS);
        WeightedSum sum = weightedSum(body, WEIGHTED_SUM_EXPLAIN_FIELDS);
        return sum.explain(request.sequences().get(0), request.spec(), request.run().get(0), matrix.textValue(),
                MatrixJson.integer(cell.get("row"), "row", 0), MatrixJson.integer(cell.get("col"), "col", 0));
    }

    static WeightedSum weightedSum(JsonNode body, Set<String> fields) {
        AttentionRequest request = AttentionRequest.from(body, fields);
        if (request.batched()) {
            throw RejectedRequest.badRequest("\"x\" must be one sequence (a T×d_model matrix): the weighted sum shows one token of one sequence");
        }
        int heads = request.spec().heads();
        int head = index(body.get("head"), "head", 0, heads, heads == 1 ? "there is 1 head" : "there are " + heads + " heads");
        JsonNode row = body.get("row");
        if (row == null || row.isNull()) {
            throw RejectedRequest.badRequest("\"row\" is missing: the token whose output to build (0-based, as in the JSON arrays)");
        }
        int tokens = request.sequences().get(0).rows();
        int r = index(row, "row", 0, tokens, "x has " + tokens + (tokens == 1 ? " row" : " rows"));
        AttentionTrace trace = request.run().get(0);
        JsonNode given = body.get("weights");
        if (given != null && !given.isNull()) {
            return WeightedSum.given(request.spec(), trace, head, r, MatrixJson.vector(given, "weights", 1, AttentionLimits.MAX_TOKENS));
        }
        return WeightedSum.of(request.sequences().get(0), request.spec(), trace, head, r);
    }

    /** A 0-based index below size: "\"row\" is 6 but x has 6 rows: row must be 0–5 (0-based, as in the JSON arrays)". */
    private static int index(JsonNode node, String field, int fallback, int size, String why) {
        int index = MatrixJson.integer(node, field, fallback);
        if (index < 0 || index >= size) {
            throw RejectedRequest.badRequest("\"" + field + "\" is " + index + " but " + why + ": " + field + " must be "
                    + (size == 1 ? "0" : "0–" + (size - 1)) + " (0-based, as in the JSON arrays)");
        }
        return index;
    }

    /** Reads the body (the one limit of every JSON API), computes, and writes the result. */
    private static void respond(Context ctx, String example, Function<JsonNode, Object> compute) {
        ApiResponses.ok(ctx, compute.apply(JsonBody.object(ctx, example)));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
