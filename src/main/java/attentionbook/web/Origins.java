package attentionbook.web;

import io.javalin.http.Context;

/**
 * The scheme and host a reader used to reach the book, for links that leave the page (a student's
 * personal link goes into an e-mail). X-Forwarded-Proto and X-Forwarded-Host are believed only when
 * the server runs behind its own proxy ({@code --trust-proxy}): anyone else could send them.
 */
final class Origins {
    private static final String HOST = "[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?";

    private Origins() {
    }

    /** "https://host:port", without a trailing slash or the base path. */
    static String of(Context ctx, boolean trustProxy) {
        String host = ctx.host();
        if (trustProxy) {
            String forwardedHost = first(ctx.header("X-Forwarded-Host"));
            if (forwardedHost != null) {
                host = forwardedHost;
            }
        }
        if (host == null || !host.matches(HOST)) {
            host = "localhost";
        }
        return (https(ctx, trustProxy) ? "https" : "http") + "://" + host;
    }

    /**
     * True when the reader reached the book over https: directly, or as our own proxy reports it in
     * X-Forwarded-Proto. What decides the scheme of a link and whether a cookie is Secure.
     */
    static boolean https(Context ctx, boolean trustProxy) {
        String proto = trustProxy ? first(ctx.header("X-Forwarded-Proto")) : null;
        return "https".equals(proto) || "http".equals(proto) ? "https".equals(proto) : "https".equals(ctx.scheme());
    }

    /** The first of a header's comma-separated values: the one the outermost proxy saw. */
    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].strip();
    }
}
