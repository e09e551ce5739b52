package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.book.Book;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP face of the book: pages, assets, health, and whatever API modules are plugged in.
 * Nothing here computes attention or reads markdown; it serves what was prepared at start-up.
 */
public final class BookServer {
    private static final Logger LOG = LoggerFactory.getLogger(BookServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    /** Strict: our own origin only, no inline script or style, not framed by anyone. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'");

    /** The request line and headers together; Jetty's default is 8 KiB. */
    static final int REQUEST_HEADER_BYTES = 32 * 1024;

    /** How long a stopping server waits for requests in flight. */
    static final long STOP_TIMEOUT_MS = 10_000;

    private BookServer() {
    }

    /** A server with nothing to start once it listens. */
    public static Javalin create(Book book, Pages pages, Assets assets, ServerSettings settings,
                                 List<Consumer<RoutesConfig>> apiModules, Runnable onStopped) {
        return create(book, pages, assets, settings, apiModules, () -> { }, onStopped);
    }

    /**
     * @param apiModules routes under /api/, each registering its own handlers
     * @param onStarted  run once the server listens (to start work the first pages need not wait for)
     * @param onStopped  run once the server has stopped (to stop background work such as the lab's training)
     */
    public static Javalin create(Book book, Pages pages, Assets assets, ServerSettings settings,
                                 List<Consumer<RoutesConfig>> apiModules, Runnable onStarted, Runnable onStopped) {
        String base = settings.basePath();
        RateLimiter limiter = settings.rateLimit() > 0 ? new RateLimiter(settings.rateLimit()) : null;
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.events.serverStarted(onStarted::run);
            cfg.events.serverStopped(onStopped::run);
            cfg.router.contextPath = base.isEmpty() ? "/" : base;
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // bodies are compressed once, ahead of time
            cfg.http.maxRequestSize = JsonBody.MAX_BYTES;     // for a body read by ctx.body(); the API reads through JsonBody
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                // room for an over-long query string, so the route can answer it with its own message instead of Jetty's 414
                http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
            });
            cfg.jetty.modifyServer(server -> {
                // Finish requests in flight on stop instead of cutting them off.
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.insertHandler(new GracefulHandler());
            });
            cfg.jsonMapper(new io.javalin.json.JavalinJackson(Mappers.JSON, false));
            // the time to a tenth of a millisecond, rounded by hand: String.format builds a Formatter each call
            cfg.requestLogger.http((ctx, ms) -> ACCESS.info("{} {} {} {}ms", ctx.method(), loggedPath(ctx.path(), base), ctx.statusCode(),
                    Math.round(ms * 10) / 10.0));

            RoutesConfig routes = cfg.routes;
            routes.before(BookServer::securityHeaders);
            if (limiter != null) {
                routes.before("/api/*", ctx -> limit(ctx, limiter, settings.trustProxy()));
            }
            getAndHead(routes, "/", ctx -> pages.index().send(ctx, "no-cache"));
            getAndHead(routes, "/chapters", ctx -> ctx.redirect(pages.site().href("/")));
            getAndHead(routes, "/chapters/{slug}", ctx -> {
                var page = pages.chapter(ctx.pathParam("slug"));
                if (page.isPresent()) {
                    page.get().send(ctx, "no-cache");
                } else {
                    ctx.status(404);
                }
            });
            getAndHead(routes, "/static/{version}/<path>", ctx -> assets.serve(ctx, ctx.pathParam("version"), ctx.pathParam("path")));
            getAndHead(routes, "/health", ctx -> {
                ctx.header("Cache-Control", "no-store");
                ctx.json(Map.of("status", "ok", "chapters", book.chapters().size(), "version", settings.version()));
            });
            apiModules.forEach(module -> module.accept(routes));

            routes.error(404, ctx -> {
                if (!isApi(ctx, base)) {
                    pages.notFound().send(ctx, "no-cache");
                    ctx.status(404);
                } else if (!ApiResponses.errorSent(ctx)) {
                    ApiResponses.error(ctx, new RejectedRequest(404, "no such API endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
            routes.exception(Exception.class, (e, ctx) -> failed(e, ctx, isApi(ctx, base), pages));
        });
    }

    /**
     * Registers a handler for GET and for HEAD. Left alone, Javalin answers HEAD on a GET route with an empty
     * 200 without running the handler, so a chapter that does not exist would look present to a link checker.
     * Jetty sends a HEAD response's headers (its length included) and drops the body.
     */
    static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /**
     * Sends a body whose bytes are all known, with their length: without one, Javalin streams a body larger
     * than its copy buffer (~4 KiB) with chunked encoding, which slowed pages markedly in the load test.
     */
    static void sendWhole(Context ctx, byte[] body) {
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.result(body);
    }

    /** The path as the access log shows it: a student link's token is the student's key, so it is left out. */
    static String loggedPath(String path, String base) {
        String links = base + StudentRoutes.LINK_PREFIX;
        return path.startsWith(links) ? links + "…" : path;
    }

    static boolean isApi(Context ctx, String base) {
        String path = ctx.path();
        return path.startsWith(base + "/api/") || path.equals(base + "/api");
    }

    /**
     * What every exception a handler throws comes to: on the API, a refusal as its JSON error (a failure of
     * the server's own as a logged 500 JSON error); on a page, the HTML error page. Pages answer their own
     * refusals, in words for a reader, as Worksheets does.
     */
    private static void failed(Exception e, Context ctx, boolean api, Pages pages) {
        RejectedRequest refused = api ? ApiResponses.refusal(e) : null;
        if (refused != null) {
            ApiResponses.error(ctx, refused);
        } else if (e instanceof HttpResponseException http && http.getStatus() == 404) {
            pages.notFound().send(ctx, "no-cache");
            ctx.status(404);
        } else if (e instanceof HttpResponseException http) {
            // Javalin's own refusal of a page request (a bad header, say): its status and words, no stack trace
            ctx.status(http.getStatus()).contentType("text/plain; charset=utf-8").result(http.getMessage());
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            if (api) {
                ApiResponses.error(ctx, new RejectedRequest(500, "the server failed to answer this request; the problem has been logged"));
            } else {
                pages.serverError().send(ctx, "no-store");
                ctx.status(500);
            }
        }
    }

    private static void limit(Context ctx, RateLimiter limiter, boolean trustProxy) {
        long wait = limiter.acquire(clientOf(ctx, trustProxy));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new RejectedRequest(429, "too many requests: wait " + wait + (wait == 1 ? " second" : " seconds") + " and try again");
        }
    }

    /** The client's address; behind our own proxy, the last address it appended to X-Forwarded-For. */
    static String clientOf(Context ctx, boolean trustProxy) {
        String forwarded = trustProxy ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.ip();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }
}
