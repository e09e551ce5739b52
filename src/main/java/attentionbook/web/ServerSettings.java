package attentionbook.web;

/**
 * How the server is hosted.
 *
 * @param basePath   the path prefix the book lives under ("" for none, else like "/attention")
 * @param rateLimit  API requests a second allowed per client; 0 turns limiting off
 * @param trustProxy take the client's address from X-Forwarded-For (set by our own reverse proxy)
 * @param version    the build's version, reported by /health
 */
public record ServerSettings(String basePath, int rateLimit, boolean trustProxy, String version) {

    public static ServerSettings defaults(String version) {
        return new ServerSettings("", 20, false, version);
    }
}
