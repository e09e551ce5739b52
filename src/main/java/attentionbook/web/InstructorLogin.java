package attentionbook.web;

import attentionbook.book.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The instructor's form login: {@code GET /instructor/login} shows the form, {@code POST /instructor/login}
 * with the key sets a cookie (HttpOnly, SameSite=Strict, scoped to the book's path) that unlocks what the
 * key unlocks, and {@code POST /instructor/logout} clears it. The key travels in a POST body, never in an
 * address, and the cookie holds an HMAC of a fixed label under the key, not the key.
 */
public final class InstructorLogin implements Consumer<RoutesConfig> {
    /** Tries at the key a second per client (bursts of two): enough for a typo, too few to guess a key. */
    static final int TRIES_PER_SECOND = 1;

    private final Pages pages;
    private final InstructorKey instructor;
    private final boolean trustProxy;
    private final RateLimiter tries = new RateLimiter(TRIES_PER_SECOND);

    public InstructorLogin(Pages pages, InstructorKey instructor, boolean trustProxy) {
        this.pages = pages;
        this.instructor = instructor;
        this.trustProxy = trustProxy;
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, "/instructor/login", ctx -> show(ctx, 200, null, ctx.queryParam("next")));
        routes.post("/instructor/login", this::login);
        routes.post("/instructor/logout", this::logout);
    }

    private void login(Context ctx) {
        String next = ctx.formParam("next");
        if (!instructor.locks()) {
            show(ctx, 403, null, next);
            return;
        }
        long wait = tries.acquire(BookServer.clientOf(ctx, trustProxy));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            show(ctx, 429, "Too many tries at once: wait " + wait + (wait == 1 ? " second" : " seconds") + " and type the key again.", next);
            return;
        }
        if (!instructor.matches(ctx.formParam("key"))) {
            show(ctx, 403, "That is not this course's instructor key.", next);
            return;
        }
        ctx.header("Set-Cookie", cookie(ctx, instructor.sessionToken(Instant.now().getEpochSecond()), false));
        ctx.redirect(pages.site().href(safeNext(next)), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        ctx.header("Set-Cookie", cookie(ctx, "", true));
        ctx.redirect(pages.site().href("/instructor/login"), HttpStatus.SEE_OTHER);
    }

    /** Answers a request that needs the instructor with the login form and status 403. */
    void refuse(Context ctx) {
        String query = ctx.queryString();
        String here = ctx.path().substring(pages.site().basePath().length()) + (query == null ? "" : "?" + query);
        show(ctx, 403, null, here);
    }

    private void show(Context ctx, int status, String error, String next) {
        LoginPage page = new LoginPage(pages.site(), error, safeNext(next), instructor.locks(), instructor.identifies(ctx));
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Templates.render("instructor/login.jte", page));
    }

    /** Where to go after logging in: an instructor page or a worksheet of this book, never another site. */
    static String safeNext(String next) {
        if (next == null || !(next.startsWith("/instructor") || next.startsWith("/worksheets")) || next.startsWith("/instructor/login")
                || next.contains("//") || next.contains("\\") || next.length() > 500) {
            return "/instructor";
        }
        return next;
    }

    private String cookie(Context ctx, String value, boolean expire) {
        String path = pages.site().basePath().isEmpty() ? "/" : pages.site().basePath();
        return InstructorKey.COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (Origins.https(ctx, trustProxy) ? "; Secure" : "")
                + "; Max-Age=" + (expire ? 0 : InstructorKey.SESSION.getSeconds());
    }
}
