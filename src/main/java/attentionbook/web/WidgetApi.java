package attentionbook.web;

import attentionbook.book.Widgets;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Endpoints that only widgets need; each body is the widget's own state, checked by the same code
 * that checks a chapter's widget block, so both say the same thing about the same mistake.
 * <ul>
 *   <li>{@code POST /api/softmax} {"scores": [..], "temperature": τ}: the stable softmax and the naive
 *       one beside it; a naive number that overflows is null with "overflow" or "NaN" as its text.</li>
 *   <li>{@code POST /api/scaling} {"dk", "samples", "seed"}: the spread of q·k before and after 1/√d_k.</li>
 *   <li>{@code POST /api/shapes} {"batch", "ctx", "d_model", "heads"}: every tensor's shape; heads that do
 *       not divide d_model answer 200 with "possible": false and the reason, since that is the lesson.</li>
 * </ul>
 * A body that is not JSON, not an object, or holds a wrong field answers 400 naming the field.
 */
public final class WidgetApi implements Consumer<RoutesConfig> {

    @Override
    public void accept(RoutesConfig routes) {
        routes.post("/api/softmax", ctx -> answer(ctx, "{\"scores\": [2, 1, 0.1], \"temperature\": 1}", Widgets::softmax));
        routes.post("/api/scaling", ctx -> answer(ctx, "{\"dk\": 64, \"samples\": 1000, \"seed\": 1}", Widgets::scaling));
        routes.post("/api/shapes", ctx -> answer(ctx, "{\"batch\": 4, \"ctx\": 16, \"d_model\": 512, \"heads\": 8}", Widgets::shapes));
    }

    private static void answer(Context ctx, String example, Function<JsonNode, Object> compute) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (JacksonException e) {
            ApiError.send(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (body == null || body.isMissingNode() || !body.isObject()) {
            ApiError.send(ctx, 400, "the body must be a JSON object such as " + example);
            return;
        }
        Object result;
        try {
            result = compute.apply(body);
        } catch (IllegalArgumentException | ArithmeticException e) {
            ApiError.send(ctx, 400, e.getMessage());
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(result);
    }
}
