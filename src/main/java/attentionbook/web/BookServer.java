package attentionbook.web;

import attentionbook.book.Book;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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

    /** Strict: our own origin only, no inline script or style, not framed by anyone. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'");

    private BookServer() {
    }

    /**
     * @param apiModules routes under /api/, each registering its own handlers
     */
    public static Javalin create(Book book, Pages pages, Assets assets, List<Consumer<RoutesConfig>> apiModules) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // bodies are compressed once, ahead of time
            cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            cfg.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));

            RoutesConfig routes = cfg.routes;
            routes.before(BookServer::securityHeaders);
            routes.get("/", ctx -> pages.index().send(ctx, "no-cache"));
            routes.get("/chapters", ctx -> ctx.redirect(pages.site().href("/")));
            routes.get("/chapters/{slug}", ctx -> {
                var page = pages.chapter(ctx.pathParam("slug"));
                if (page.isPresent()) {
                    page.get().send(ctx, "no-cache");
                } else {
                    ctx.status(404);
                }
            });
            routes.get("/static/{version}/<path>", ctx -> assets.serve(ctx, ctx.pathParam("version"), ctx.pathParam("path")));
            routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "chapters", book.chapters().size())));
            apiModules.forEach(module -> module.accept(routes));

            routes.error(404, ctx -> {
                if (isApi(ctx)) {
                    if (!ApiError.alreadySent(ctx)) {
                        ApiError.send(ctx, 404, "no such API endpoint: " + ctx.method() + " " + ctx.path());
                    }
                } else {
                    ctx.status(404);
                    pages.notFound().send(ctx, "no-cache");
                    ctx.status(404);
                }
            });
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                if (isApi(ctx)) {
                    ApiError.send(ctx, 500, "the server failed to answer this request; the problem has been logged");
                } else {
                    pages.serverError().send(ctx, "no-store");
                    ctx.status(500);
                }
            });
        });
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }
}
