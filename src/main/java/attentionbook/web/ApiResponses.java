package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.model.Lab;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every API endpoint answers: its result as JSON, or {@code {"error": "..."}} (with "row" and "col"
 * for a cell of a learner's answer) and a 4xx status. Neither is cached. Handlers throw; BookServer's one
 * exception handler calls {@link #refusal} and {@link #error}.
 */
final class ApiResponses {
    private static final String ERROR_SENT = "attentionbook.api-error-sent";

    private ApiResponses() {
    }

    /**
     * Writes a result. The bytes come straight from Jackson's UTF-8 writer: ctx.json would make a String and
     * encode it again, and the results carry "×" in their shapes, which puts String.getBytes on its slow path.
     */
    static void ok(Context ctx, Object result) {
        byte[] json;
        try {
            json = Mappers.JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON", e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(ContentType.APPLICATION_JSON);
        BookServer.sendWhole(ctx, json);
    }

    /**
     * The refusal an exception thrown while answering an API request stands for, or null for a failure of
     * the server's own (a 500). The core and the book cannot know about HTTP, so their exceptions are
     * translated here: an input the core refuses is the request's fault (400), a result too large for a
     * double is a request that cannot be computed (422).
     */
    static RejectedRequest refusal(Exception e) {
        if (e instanceof RejectedRequest rejected) {
            return rejected;
        }
        if (e instanceof HttpResponseException http) {
            return new RejectedRequest(http.getStatus(), http.getStatus() == 413
                    ? "the request body is larger than the limit of " + JsonBody.MAX_BYTES / 1024 + " KiB" : http.getMessage());
        }
        if (e instanceof Lab.LabBusyException) {
            return new RejectedRequest(503, e.getMessage());
        }
        if (e instanceof ArithmeticException) {
            // NonFiniteResultException names the step that overflowed
            return new RejectedRequest(422, "these inputs cannot be computed in double precision: " + e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            // MatrixJson.Invalid names the field, ShapeException both shapes, ConfigException the lab's setting
            return RejectedRequest.badRequest(e.getMessage());
        }
        return null;
    }

    static void error(Context ctx, RejectedRequest refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refused.getMessage());
        if (refused.row() != null) {
            body.put("row", refused.row());
        }
        if (refused.col() != null) {
            body.put("col", refused.col());
        }
        ctx.attribute(ERROR_SENT, Boolean.TRUE);
        ctx.status(refused.status());
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** True when a handler already answered with its own error, which the generic 404 must not replace. */
    static boolean errorSent(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ERROR_SENT));
    }
}
