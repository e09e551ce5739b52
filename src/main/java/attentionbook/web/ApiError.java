package attentionbook.web;

import io.javalin.http.Context;

import java.util.Map;

/** Every API failure answers the same way: a status and {@code {"error": "what is wrong, and where"}}. */
public final class ApiError {
    private ApiError() {
    }

    private static final String SENT = "attentionbook.api-error-sent";

    public static void send(Context ctx, int status, String message) {
        ctx.attribute(SENT, Boolean.TRUE);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("error", message));
    }

    /** True when a handler already answered with its own error, which a generic one must not replace. */
    static boolean alreadySent(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(SENT));
    }
}
