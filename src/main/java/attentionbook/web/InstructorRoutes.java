package attentionbook.web;

import attentionbook.book.Templates;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.Attempt;
import attentionbook.records.RecordsUnavailable;
import attentionbook.records.Student;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The instructor's side of the class records, all behind the instructor key (header or login cookie):
 * {@code /instructor} (the dashboard), {@code /instructor/students/{id}} (a student's history, and
 * deleting it), {@code /instructor/mistakes}, and the CSVs {@code links.csv}, {@code gradebook.csv}
 * ({@code ?layout=canvas|moodle}) and {@code attempts.csv}. A page refused answers the login form with
 * 403; a CSV refused, one line of text/plain.
 */
public final class InstructorRoutes implements Consumer<RoutesConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(InstructorRoutes.class);
    private final ExerciseCatalog catalog;
    private final Pages pages;
    private final InstructorKey instructor;
    private final Classroom room;
    private final boolean trustProxy;
    private final InstructorLogin login;
    private final ClassViews views;

    /** @param room the course's roster, links and records, or null when the course has no roster */
    public InstructorRoutes(ExerciseCatalog catalog, Pages pages, InstructorKey instructor, Classroom room, boolean trustProxy) {
        this.catalog = catalog;
        this.pages = pages;
        this.instructor = instructor;
        this.room = room;
        this.trustProxy = trustProxy;
        this.login = new InstructorLogin(pages, instructor, trustProxy);
        this.views = new ClassViews(catalog, pages.site());
    }

    @Override
    public void accept(RoutesConfig routes) {
        login.accept(routes);
        BookServer.getAndHead(routes, "/instructor", page(this::dashboard));
        BookServer.getAndHead(routes, "/instructor/mistakes", page(ctx -> html(ctx, "instructor/mistakes.jte", views.mistakes(room))));
        BookServer.getAndHead(routes, "/instructor/students/{id}", page(ctx -> student(ctx, false)));
        BookServer.getAndHead(routes, "/instructor/students/{id}/delete", page(ctx -> student(ctx, true)));
        routes.post("/instructor/students/{id}/delete", page(this::delete));
        BookServer.getAndHead(routes, "/instructor/links.csv", csv(this::linksCsv));
        BookServer.getAndHead(routes, "/instructor/gradebook.csv", csv(this::gradebook));
        BookServer.getAndHead(routes, "/instructor/attempts.csv", csv(this::attempts));
    }

    private Handler page(Consumer<Context> handler) {
        return ctx -> {
            if (!instructor.identifies(ctx)) {
                login.refuse(ctx);
                return;
            }
            try {
                handler.accept(ctx);
            } catch (RecordsUnavailable e) {
                LOG.warn("{} {}: the class records are unavailable", ctx.method(), ctx.path(), e);
                html(ctx, "error.jte", new ErrorPage(pages.site(), 503, "The class records cannot be read right now",
                        "The book could not reach its database (" + e.getMessage() + "). Checking answers still works;"
                                + " try this page again in a minute, and look at the server's log if it persists."));
                ctx.status(503);
            }
        };
    }

    private Handler csv(Consumer<Context> handler) {
        return ctx -> {
            if (!instructor.identifies(ctx)) {
                text(ctx, 403, instructor.locks() ? "this export is for the course's instructor: send the key in an X-Instructor-Key header or log in at "
                        + pages.site().href("/instructor/login") : "this course sets no instructor key, so its records are closed");
            } else if (room == null) {
                text(ctx, 409, "this course has no roster, so nothing is recorded: add roster: roster.csv to the course file");
            } else {
                try {
                    handler.accept(ctx);
                } catch (RecordsUnavailable e) {
                    LOG.warn("{} {}: the class records are unavailable", ctx.method(), ctx.path(), e);
                    ctx.res().resetBuffer();
                    ctx.header("Content-Disposition", "inline");
                    text(ctx, 503, "the class records cannot be read right now (" + e.getMessage() + "): try again in a minute");
                }
            }
        };
    }

    private void dashboard(Context ctx) {
        String chapter = param(ctx, "chapter", "");
        String sort = param(ctx, "sort", "name");
        if (!ClassViews.SORTS.contains(sort)) {
            refuse(ctx, "This dashboard cannot sort that way", "Sort by name, id or solved (?sort=solved).");
            return;
        }
        String html;
        try {
            html = dashboardHtml(Origins.of(ctx, trustProxy), chapter, sort);
        } catch (IllegalArgumentException e) {
            refuse(ctx, "No such chapter", "There is " + e.getMessage() + ": pick one from the list on the dashboard.");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        BookServer.sendWhole(ctx, html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dashboard's HTML: the records' query, the page model and the template (what the benchmark times).
     *
     * @param origin  "scheme://host:port" for the students' absolute links
     * @param chapter a chapter's slug, or "" for all (IllegalArgumentException when no chapter with exercises has it)
     * @param sort    name, id or solved
     */
    public String dashboardHtml(String origin, String chapter, String sort) {
        return Templates.render("instructor/dashboard.jte", views.dashboard(room, chapter, sort, room == null ? s -> "" : links(origin)));
    }

    private void student(Context ctx, boolean confirming) {
        if (room == null) {
            ctx.redirect(pages.site().href("/instructor"));
            return;
        }
        StudentPage page = views.student(room, ctx.pathParam("id"), confirming, -1);
        if (!page.onRoster() && page.attempts().isEmpty()) {
            pages.notFound().send(ctx, "no-store");
            ctx.status(404);
            return;
        }
        html(ctx, "instructor/student.jte", page);
    }

    private void delete(Context ctx) {
        if (room == null) {
            ctx.redirect(pages.site().href("/instructor"), HttpStatus.SEE_OTHER);
            return;
        }
        String id = ctx.pathParam("id");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            html(ctx, "instructor/student.jte", views.student(room, id, true, -1));
            return;
        }
        int deleted = room.records().deleteStudent(id);
        html(ctx, "instructor/student.jte", views.student(room, id, false, deleted));
    }

    private void linksCsv(Context ctx) {
        Function<Student, String> links = links(Origins.of(ctx, trustProxy));
        writeCsv(ctx, "links.csv", List.of("id", "name", "link"), rows -> {
            for (Student s : room.roster().students()) {
                rows.row(List.of(s.id(), s.name(), links.apply(s)));
            }
        });
    }

    private void gradebook(Context ctx) {
        Gradebook.Layout layout;
        try {
            layout = Gradebook.Layout.named(ctx.queryParam("layout"));
        } catch (IllegalArgumentException e) {
            text(ctx, 400, e.getMessage());
            return;
        }
        Gradebook book = new Gradebook(catalog, room.records().progress());
        String name = layout == Gradebook.Layout.BOOK ? "gradebook.csv" : "gradebook-" + layout.name().toLowerCase() + ".csv";
        writeCsv(ctx, name, book.header(layout), rows -> book.rows(room.roster(), layout).forEach(rows::row));
    }

    private void attempts(Context ctx) {
        writeCsv(ctx, "attempts.csv", List.of("student_id", "exercise", "seed", "time", "correct", "mistake"),
                rows -> room.records().eachAttempt((Attempt a) -> rows.row(List.of(a.studentId(), a.exercise(), Long.toString(a.seed()),
                        a.time().toString(), Boolean.toString(a.correct()), a.mistake() == null ? "" : a.mistake()))));
    }

    private void writeCsv(Context ctx, String filename, List<String> header, Consumer<CsvRows> body) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8");
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        try (CsvRows rows = new CsvRows(out, header)) {
            body.accept(rows);
        }
    }

    /** Each student's personal link, absolute: the address the instructor reached the book at, then /s/{token}. */
    private Function<Student, String> links(String origin) {
        return s -> origin + pages.site().href("/s/" + room.links().token(s.id()));
    }

    private void html(Context ctx, String template, Object model) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        BookServer.sendWhole(ctx, Templates.render(template, model).getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(Context ctx, String heading, String message) {
        html(ctx, "error.jte", new ErrorPage(pages.site(), 400, heading, message));
        ctx.status(400);
    }

    private static void text(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").header("Cache-Control", "no-store").result(message + "\n");
    }

    private static String param(Context ctx, String name, String fallback) {
        String value = ctx.queryParam(name);
        return value == null ? fallback : value.strip();
    }
}
