package attentionbook.web;

import attentionbook.records.Student;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A student's side of a course with a roster:
 * <ul>
 *   <li>{@code GET /s/{token}}: their personal link; a valid one sets the student cookie and goes on to
 *       the contents page, any other answers a 403 page and sets nothing</li>
 *   <li>{@code POST /sign-out}: forgets the student in this browser</li>
 *   <li>{@code GET /api/student}: who this browser is signed in as, for the pages' scripts
 *       ({@code {"signedIn": false}} or {@code {"signedIn": true, "id": ..., "name": ...}})</li>
 * </ul>
 * Registered only when the course has a roster.
 */
public final class StudentRoutes implements Consumer<RoutesConfig> {
    static final String LINK_PREFIX = "/s/";

    private final Classroom classroom;
    private final Pages pages;
    private final ServerSettings settings;
    private final PreparedBody badLink;

    public StudentRoutes(Classroom classroom, Pages pages, ServerSettings settings) {
        this.classroom = classroom;
        this.pages = pages;
        this.settings = settings;
        this.badLink = Pages.page("error.jte", new ErrorPage(pages.site(), 403, "This student link is not valid",
                "The link may have been cut short when it was copied, or it was made for another course. Open the"
                        + " whole link from your instructor's message again, or ask them for yours. You can read the book without it."));
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, LINK_PREFIX + "{token}", this::link);
        routes.post("/sign-out", this::signOut);
        BookServer.getAndHead(routes, "/api/student", ctx -> ApiResponses.ok(ctx, whoAmI(ctx)));
    }

    private void link(Context ctx) {
        // the link's own address must not be kept or passed on: it is the student's key
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        String token = ctx.pathParam("token");
        Optional<Student> student = StudentCookie.studentOf(token, classroom);
        if (student.isEmpty()) {
            badLink.send(ctx, "no-store");
            ctx.status(403);
            return;
        }
        StudentCookie.set(ctx, token, settings);
        ctx.redirect(pages.site().href("/"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        StudentCookie.clear(ctx, settings);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(pages.site().href("/"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> whoAmI(Context ctx) {
        Map<String, Object> me = new LinkedHashMap<>();
        Optional<Student> student = StudentCookie.student(ctx, classroom);
        me.put("signedIn", student.isPresent());
        student.ifPresent(s -> {
            me.put("id", s.id());
            me.put("name", s.name());
        });
        return me;
    }
}
