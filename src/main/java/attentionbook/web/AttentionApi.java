package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.attention.Explanation;
import attentionbook.attention.Term;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * POST /api/attention (every step of attention for the posted x and weights) and
 * POST /api/attention/explain (the arithmetic behind one cell). Each handler is parse → core → JSON;
 * the contract is in DESIGN.md ("The JSON API") and the limits in {@link AttentionLimits}.
 */
public final class AttentionApi implements Consumer<RoutesConfig> {

    static final String ATTENTION = "/api/attention";
    static final String EXPLAIN = "/api/attention/explain";

    @Override
    public void accept(RoutesConfig routes) {
        routes.post(ATTENTION, ctx -> answer(ctx, () -> attention(JsonBody.read(ctx, AttentionLimits.MAX_BODY_BYTES))));
        routes.post(EXPLAIN, ctx -> answer(ctx, () -> explain(JsonBody.read(ctx, AttentionLimits.MAX_BODY_BYTES))));
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

    /** The answer of POST /api/attention to a body already parsed as JSON (public for the benchmark). */
    public static Object attention(JsonNode body) {
        AttentionRequest request = AttentionRequest.from(body);
        return AttentionAnswer.of(request, request.run());
    }

    /** The answer of POST /api/attention/explain to a body already parsed as JSON. */
    public static Object explain(JsonNode body) {
        ExplainRequest request = ExplainRequest.from(body);
        return explanationJson(request.explain(), request.batch());
    }

    /** Runs the work and answers its result, or the 4xx that the failure calls for (WidgetApi answers the same way). */
    static void answer(Context ctx, Supplier<Object> work) {
        Object result;
        try {
            result = work.get();
        } catch (RejectedRequest e) {
            ApiError.send(ctx, e.status(), e.getMessage());
            return;
        } catch (ArithmeticException e) {
            // NonFiniteResultException names the step that overflowed: the request is well formed but not computable
            ApiError.send(ctx, 422, "these inputs cannot be computed in double precision: " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            // MatrixJson.Invalid (fields), ShapeException (both shapes), the spec's own checks
            ApiError.send(ctx, 400, e.getMessage());
            return;
        }
        ctx.header("Cache-Control", "no-store");
        // bytes straight from Jackson's UTF-8 writer: ctx.json would make a String and then encode it again
        // (the answers carry "×" in their shapes, which puts String.getBytes on its slow path)
        byte[] json;
        try {
            json = Mappers.JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON);
        BookServer.sendWhole(ctx, json);
    }

    private static void postOnly(Context ctx) {
        ctx.header("Allow", "POST");
        ApiError.send(ctx, 405, ctx.method() + " is not allowed on " + ctx.path()
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
