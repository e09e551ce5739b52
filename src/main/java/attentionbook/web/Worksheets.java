package attentionbook.web;

import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import attentionbook.exercise.AnswerForm;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.Numbers;
import attentionbook.exercise.Rounding;
import attentionbook.exercise.Seeds;
import attentionbook.exercise.Table;
import attentionbook.exercise.WorkStep;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Printable worksheets, rendered per request from the seed (they are small):
 * {@code /worksheets/{slug}?seed=N} for a chapter, {@code /worksheets?seed=N} for the whole book,
 * and the answer keys at {@code /worksheets/{slug}/answers?seed=N} and {@code /worksheets/answers?seed=N}.
 * {@code ?student=NAME} derives the seed from a name or ID. A sheet without a seed is redirected to
 * one with a fresh seed, so its address always regenerates it. When the course sets an instructor key,
 * the answer keys need the instructor (logged in at /instructor/login, or the key in an X-Instructor-Key
 * header; never in the address). {@code /worksheets/roster} prints one sheet per student.
 */
public final class Worksheets implements Consumer<RoutesConfig> {
    /** The scope of a sheet of every chapter; a chapter's sheet has Optional.of(its slug). */
    static final Optional<String> WHOLE_BOOK = Optional.empty();

    private final ExerciseCatalog catalog;
    private final Pages pages;
    private final InstructorKey instructor;
    private final boolean trustProxy;

    /** @param trustProxy whether a sheet's printed address may take the scheme and host our own proxy reports */
    public Worksheets(ExerciseCatalog catalog, Pages pages, InstructorKey instructor, boolean trustProxy) {
        this.catalog = catalog;
        this.pages = pages;
        this.instructor = instructor;
        this.trustProxy = trustProxy;
    }

    @Override
    public void accept(RoutesConfig routes) {
        // the fixed "answers" path first, so that it is not taken for a chapter's slug
        BookServer.getAndHead(routes, "/worksheets/answers", ctx -> serve(ctx, WHOLE_BOOK, true));
        BookServer.getAndHead(routes, "/worksheets/roster", new Rosters(catalog, pages, instructor, this)::serve);
        BookServer.getAndHead(routes, "/worksheets", ctx -> serve(ctx, WHOLE_BOOK, false));
        BookServer.getAndHead(routes, "/worksheets/{slug}", ctx -> serve(ctx, Optional.of(ctx.pathParam("slug")), false));
        BookServer.getAndHead(routes, "/worksheets/{slug}/answers", ctx -> serve(ctx, Optional.of(ctx.pathParam("slug")), true));
    }

    private void serve(Context ctx, Optional<String> slug, boolean key) {
        List<ExerciseCatalog.ChapterExercises> chapters = chapters(slug);
        if (chapters.isEmpty()) {
            ctx.status(404);
            pages.notFound().send(ctx, "no-cache");
            ctx.status(404);
            return;
        }
        SeedPolicy policy = pages.site().seeds();
        SeedChoice choice;
        try {
            choice = SeedChoice.forSheet(ctx, policy, instructor.identifies(ctx));
        } catch (RejectedRequest e) {
            if (policy.perStudent()) {
                String message = e.getMessage();
                badRequest(ctx, "Each student has their own sheet", Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
            } else {
                badRequest(ctx, "This sheet's address is not valid", e.getMessage() + ". The seed printed on a sheet"
                        + " regenerates it, e.g. ?seed=42; or give ?student= with a name or ID.");
            }
            return;
        }
        if (key && !instructor.unlocks(ctx)) {
            Pages.page("error.jte", new ErrorPage(pages.site(), 403, "This answer key is for instructors",
                    "This course keeps its answer keys for instructors: log in with the instructor key at "
                            + pages.site().href("/instructor/login") + " and open this address again. The sheet itself needs no key."))
                    .send(ctx, "no-store");
            ctx.status(403);
            return;
        }
        if (!choice.chosen()) {
            if (policy.perStudent() && !instructor.identifies(ctx)) {
                badRequest(ctx, "Whose sheet?", "This course gives each student their own numbers, made from their name"
                        + " or ID: add yours to the address, e.g. ?student=Ada%20Lovelace.");
            } else if (key) {
                badRequest(ctx, "Which sheet?", "An answer key belongs to one sheet: add the seed printed on it,"
                        + " e.g. ?seed=42, or the student's name as ?student=.");
            } else {
                ctx.redirect(href(slug, false, pages.site().seeds().unchosenSeed(), null));
            }
            return;
        }
        String heading = (key ? "Answer key: " : "Worksheet: ") + (slug.isEmpty() ? pages.site().title() : chapters.get(0).chapter().title());
        WorksheetPage.Sheet sheet = sheet(ctx, chapters, slug, key, choice.seed(), choice.student(), heading);
        Pages.page("worksheet.jte", new WorksheetPage(pages.site(), key, heading, scope(chapters, slug), List.of(sheet),
                href(slug, !key, choice.seed(), choice.student()),
                policy.perStudent() ? null : href(slug, false, Seeds.random(), null))).send(ctx, "no-cache");
    }

    /** One learner's sheet or key, headed with the address that regenerates it. */
    WorksheetPage.Sheet sheet(Context ctx, List<ExerciseCatalog.ChapterExercises> chapters, Optional<String> slug, boolean key,
                              long seed, String student, String heading) {
        List<WorksheetPage.Section> sections = new ArrayList<>();
        int number = 0;
        for (ExerciseCatalog.ChapterExercises chapter : chapters) {
            List<WorksheetPage.Item> items = new ArrayList<>();
            for (Declaration declared : chapter.exercises()) {
                items.add(item(++number, declared.generate(seed), key, LayerViews.sheetGrids(declared, seed, key)));
            }
            sections.add(new WorksheetPage.Section(chapterTitle(chapter), pages.site().href("/chapters/" + chapter.chapter().slug()),
                    items));
        }
        return new WorksheetPage.Sheet(heading, seed, student, sections, Origins.of(ctx, trustProxy) + href(slug, key, seed, student));
    }

    String scope(List<ExerciseCatalog.ChapterExercises> chapters, Optional<String> slug) {
        return slug.isEmpty() ? "Every chapter" : chapterTitle(chapters.get(0));
    }

    /** The chapters a sheet covers: every one with exercises, or the one named (none when it has no exercises). */
    List<ExerciseCatalog.ChapterExercises> chapters(Optional<String> slug) {
        return slug.isEmpty() ? catalog.chapters() : catalog.chapter(slug.get()).map(List::of).orElse(List.of());
    }

    private String chapterTitle(ExerciseCatalog.ChapterExercises chapter) {
        return pages.site().toc().stream().filter(l -> l.slug().equals(chapter.chapter().slug()) && !l.reference())
                .findFirst().map(l -> "Chapter " + l.number() + ": " + l.title()).orElse(chapter.chapter().title());
    }

    private static WorksheetPage.Item item(int number, Exercise e, boolean key, List<WorksheetPage.AnswerGrid> stepGrids) {
        AnswerForm form = e.form();
        List<String> given = e.given().stream().map(Worksheets::html).toList();
        String instruction = form.rounding().instruction() + (form.minusInfinity() ? " Write −∞ in a hidden cell." : "");
        List<WorksheetPage.Step> steps = new ArrayList<>();
        if (key) {
            for (WorkStep step : e.solution()) {
                steps.add(new WorksheetPage.Step(step.text(), step.lines(), step.table() == null ? null : html(step.table())));
            }
        }
        return new WorksheetPage.Item(number, e.title(), e.prompt(), given, instruction, stepGrids, grid(e, key), steps);
    }

    /** The answer grid: empty cells on a sheet, the answer printed with the decimals asked for on a key. */
    private static WorksheetPage.AnswerGrid grid(Exercise e, boolean key) {
        AnswerForm form = e.form();
        return grid(form.name(), e.answer(), form.rounding(), form.rowLabels(), form.colLabels(), key);
    }

    /** A grid of the values' shape: empty cells on a sheet, each value with the rounding asked for on a key. */
    static WorksheetPage.AnswerGrid grid(String name, Matrix values, Rounding rounding, List<String> rowLabels,
                                         List<String> colLabels, boolean key) {
        List<WorksheetPage.Row> rows = new ArrayList<>();
        for (int r = 0; r < values.rows(); r++) {
            List<String> cells = new ArrayList<>();
            for (double v : values.row(r)) {
                cells.add(key ? Numbers.fixed(v, rounding.decimals(), rounding.exact()) : "");
            }
            rows.add(new WorksheetPage.Row(rowLabels.get(r), cells));
        }
        return new WorksheetPage.AnswerGrid(name, values.shape(), colLabels, rows);
    }

    /** An exercise's table in the book's matrix look. */
    static String html(Table t) {
        return MatrixTable.html(new MatrixTable.Spec(t.name(), "exercise", t.values().toArray(), t.rowLabels(), t.colLabels(),
                MatrixTable.Scale.SIGNED, t.digits()));
    }

    String href(Optional<String> slug, boolean key, long seed, String student) {
        String path = "/worksheets" + slug.map(s -> "/" + s).orElse("") + (key ? "/answers" : "");
        String query = "?seed=" + seed + (student == null ? "" : "&student=" + URLEncoder.encode(student, StandardCharsets.UTF_8));
        return pages.site().href(path + query);
    }

    private void badRequest(Context ctx, String heading, String message) {
        Pages.page("error.jte", new ErrorPage(pages.site(), 400, heading, message)).send(ctx, "no-store");
        ctx.status(400);
    }
}
