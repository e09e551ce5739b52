package attentionbook.web;

import attentionbook.exercise.ExerciseCatalog;
import attentionbook.exercise.Seeds;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /worksheets/roster}: an instructor pastes the class's names, one a line, and gets one
 * printable document with every student's sheet (or answer key) on pages of its own, each headed
 * with the name and the seed derived from it. Without names it shows the form.
 */
final class Rosters {
    static final int MAX_NAMES = 200;

    private final ExerciseCatalog catalog;
    private final Pages pages;
    private final InstructorKey instructor;
    private final Worksheets worksheets;

    Rosters(ExerciseCatalog catalog, Pages pages, InstructorKey instructor, Worksheets worksheets) {
        this.catalog = catalog;
        this.pages = pages;
        this.instructor = instructor;
        this.worksheets = worksheets;
    }

    void serve(Context ctx) {
        String names = ctx.queryParam("names");
        Optional<String> chapter = Optional.ofNullable(ctx.queryParam("chapter")).map(String::strip).filter(c -> !c.isEmpty());
        boolean key = "1".equals(ctx.queryParam("answers"));
        if (names == null) {
            form(ctx, 200, null, "", chapter, key);
            return;
        }
        List<ExerciseCatalog.ChapterExercises> chapters = worksheets.chapters(chapter);
        if (chapters.isEmpty()) {
            form(ctx, 400, "There is no chapter with exercises called \"" + shorten(chapter.orElse("")) + "\": pick one from the list.", names, Optional.empty(), key);
            return;
        }
        List<String> students;
        try {
            students = students(names);
        } catch (IllegalArgumentException e) {
            form(ctx, 400, e.getMessage(), names, chapter, key);
            return;
        }
        if (key && !instructor.unlocks(ctx)) {
            form(ctx, 403, "This course keeps its answer keys for instructors: log in first (the link above the form).", names, chapter, key);
            return;
        }
        List<WorksheetPage.Sheet> sheets = new ArrayList<>();
        String scope = worksheets.scope(chapters, chapter);
        for (String student : students) {
            sheets.add(worksheets.sheet(ctx, chapters, chapter, key, Seeds.forStudent(student), student,
                    (key ? "Answer key: " : "Worksheet: ") + student));
        }
        String title = (key ? "Answer keys for " : "Worksheets for ") + students.size()
                + (students.size() == 1 ? " student" : " students");
        Pages.page("worksheet.jte", new WorksheetPage(pages.site(), key, title, scope, sheets, null, null)).send(ctx, "no-store");
    }

    /** The names, one a line, blank lines skipped; IllegalArgumentException naming the line that is wrong. */
    static List<String> students(String text) {
        List<String> students = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                students.add(Seeds.normalStudent(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + e.getMessage() + ".");
            }
            if (students.size() > MAX_NAMES) {
                throw new IllegalArgumentException("At most " + MAX_NAMES + " names at once: print the class in parts.");
            }
        }
        if (students.isEmpty()) {
            throw new IllegalArgumentException("Type at least one name or student ID, one a line.");
        }
        return students;
    }

    private void form(Context ctx, int status, String error, String names, Optional<String> chapter, boolean key) {
        List<RosterPage.Choice> choices = new ArrayList<>();
        for (ExerciseCatalog.ChapterExercises c : catalog.chapters()) {
            choices.add(new RosterPage.Choice(c.chapter().slug(), c.chapter().title(), chapter.filter(c.chapter().slug()::equals).isPresent()));
        }
        Pages.page("roster.jte", new RosterPage(pages.site(), error, names, choices, key, instructor.locks()))
                .send(ctx, "no-store");
        ctx.status(status);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
