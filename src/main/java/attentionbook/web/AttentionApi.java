package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.attention.Explanation;
import attentionbook.attention.Term;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Consumer;

/**
 * POST /api/attention (every step of attention for the posted x and weights) and
 * POST /api/attention/explain (the arithmetic behind one cell). Each handler is parse → core → JSON;
 * the contract is in DESIGN.md ("The JSON API") and the limits in {@link AttentionLimits}.
 */
public final class AttentionApi implements Consumer<RoutesConfig> {

    static final String ATTENTION = "/api/attention";
    static final String EXPLAIN = "/api/attention/explain";
    static final String EXAMPLE = "{\"x\": [[1, 0], [0, 1]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}";

    @Override
    public void accept(RoutesConfig routes) {
        routes.post(ATTENTION, ctx -> ApiResponses.ok(ctx, attention(JsonBody.object(ctx, EXAMPLE))));
        routes.post(EXPLAIN, ctx -> ApiResponses.ok(ctx, explain(JsonBody.object(ctx, EXAMPLE))));
        refuseOtherMethods(routes, ATTENTION, EXPLAIN);
    }

    /** Other methods than POST on these paths answer 405 with Allow: POST and a JSON error, not a 404. */
    static void refuseOtherMethods(RoutesConfig routes, String... paths) {
        for (String path : paths) {
            routes.get(path, AttentionApi::postOnly);
            routes.head(path, AttentionApi::postOnly);
            routes.put(path, AttentionApi::postOnly);
            routes.patch(path, AttentionApi::postOnly);
            routes.delete(path, AttentionApi::postOnly);
        }
    }

    /** The response of POST /api/attention to a body already parsed as JSON (public for the benchmark). */
    public static Object attention(JsonNode body) {
        AttentionRequest request = AttentionRequest.from(body);
        return AttentionResponse.of(request, request.run());
    }

    /** The response of POST /api/attention/explain to a body already parsed as JSON. */
    public static Object explain(JsonNode body) {
        ExplainRequest request = ExplainRequest.from(body);
        return explanationJson(request.explain(), request.batch());
    }

    private static void postOnly(Context ctx) {
        ctx.header("Allow", "POST");
        throw new RejectedRequest(405, ctx.method() + " is not allowed on " + ctx.path()
                + ": POST a JSON body (see the API section of the README)");
    }

    /** The core's Explanation as JSON (value null for a masked cell), with "batch" when x was batched. */
    private static ObjectNode explanationJson(Explanation explanation, int batch) {
        if (explanation.value() != null && !Double.isFinite(explanation.value())
                || explanation.terms().stream().anyMatch(AttentionApi::notFinite)) {
            throw new ArithmeticException("the explanation of this cell holds a number too large for a double");
        }
        ObjectNode json = Mappers.JSON.valueToTree(explanation);
        if (batch >= 0) {
            json.put("batch", batch);
        }
        return json;
    }

    private static boolean notFinite(Term term) {
        return !Double.isFinite(term.left()) || !Double.isFinite(term.right()) || !Double.isFinite(term.value());
    }
}
