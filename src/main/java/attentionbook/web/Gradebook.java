package attentionbook.web;

import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.Progress;
import attentionbook.records.Roster;
import attentionbook.records.Student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class's completion per chapter: for each roster student and each chapter of the course that has
 * exercises, the share of that chapter's exercises they have solved, 0–100 rounded to a whole number.
 * Three column layouts: the book's own ({@code id,name,chapters…}), Canvas's gradebook import and Moodle's.
 */
final class Gradebook {

    /** The column layouts an LMS imports. */
    enum Layout {
        /** id, name, then a column per chapter. */
        BOOK(List.of("id", "name")),
        /** Canvas matches a row by its SIS User ID (the roster id); a new column becomes a new assignment. */
        CANVAS(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section")),
        /** Moodle's import maps "ID number" to the user's ID number. */
        MOODLE(List.of("ID number", "Full name"));

        final List<String> identity;

        Layout(List<String> identity) {
            this.identity = identity;
        }

        /** The layout a {@code ?layout=} names (none: the book's own); IllegalArgumentException naming the choices. */
        static Layout named(String name) {
            if (name == null || name.isEmpty() || name.equals("book")) {
                return BOOK;
            }
            return switch (name) {
                case "canvas" -> CANVAS;
                case "moodle" -> MOODLE;
                default -> throw new IllegalArgumentException("layout must be canvas, moodle or left out for the book's own"
                        + " columns, not \"" + (name.length() > 30 ? name.substring(0, 30) + "…" : name) + "\"");
            };
        }

        List<String> identify(Student s) {
            return switch (this) {
                case BOOK -> List.of(s.id(), s.name());
                case CANVAS -> List.of(s.name(), "", s.id(), "", "");
                case MOODLE -> List.of(s.id(), s.name());
            };
        }
    }

    private final List<ExerciseCatalog.ChapterExercises> chapters;
    private final Map<String, Set<String>> solvedBy = new HashMap<>();

    Gradebook(ExerciseCatalog catalog, List<Progress> progress) {
        this.chapters = catalog.chapters();
        for (Progress p : progress) {
            if (p.solved()) {
                solvedBy.computeIfAbsent(p.studentId(), id -> new HashSet<>()).add(p.exercise());
            }
        }
    }

    List<String> header(Layout layout) {
        List<String> header = new ArrayList<>(layout.identity);
        chapters.forEach(c -> header.add(c.chapter().title()));
        return header;
    }

    List<List<String>> rows(Roster roster, Layout layout) {
        List<List<String>> rows = new ArrayList<>();
        for (Student s : roster.students()) {
            List<String> row = new ArrayList<>(layout.identify(s));
            for (ExerciseCatalog.ChapterExercises c : chapters) {
                row.add(Integer.toString(completion(s.id(), c)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Solved exercises of the chapter ÷ its exercises × 100, rounded half up to a whole number. */
    int completion(String studentId, ExerciseCatalog.ChapterExercises chapter) {
        Set<String> solved = solvedBy.getOrDefault(studentId, Set.of());
        List<Declaration> exercises = chapter.exercises();
        long done = exercises.stream().filter(d -> solved.contains(d.id())).count();
        return (int) Math.round(100.0 * done / exercises.size());
    }
}
